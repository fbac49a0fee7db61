import type { ConnectionSpec, Manifest } from '../../src/manifest/model.js';
import { DEFAULT_KEY_RULES } from '../../src/manifest/model.js';
import { buildAccessGraph, mermaidId, mermaidLabel, renderAccessGraph } from '../../src/report/mermaid.js';
import { prodPlan } from './plans.js';

const at = (line: number) => ({ file: 'connections.yaml', line, column: 3 });
const principal = { path: '/connections/', tags: {}, policies: [], inlinePolicies: [], managedPolicies: [], at: at(6) };

function conn(name: string, over: Partial<ConnectionSpec>): ConnectionSpec {
  return { name, accounts: ['prod'], watch: { roles: [], users: [], policies: [] }, adopt: false, acknowledge: [], tags: {}, at: at(5), ...over };
}

const manifest: Manifest = {
  file: 'connections.yaml',
  text: '',
  defaults: { path: '/connections/', tags: {}, keys: DEFAULT_KEY_RULES },
  accounts: [
    { name: 'prod', id: '111122223333', at: at(2) },
    { name: 'staging-eu', id: '444455556666', at: at(3) },
  ],
  connections: [
    conn('senhasegura', {
      accounts: ['prod', 'staging-eu'],
      user: {
        ...principal,
        name: 'senhasegura-cloud-iam',
        policies: [{ kind: 'managed', name: 'senhasegura-cloud-iam', document: {}, source: { file: 'policies/s.json', text: '{}' }, at: at(8) }],
        accessKey: {
          rules: DEFAULT_KEY_RULES,
          at: at(9),
          deliver: [
            { kind: 'secretsManager', secretId: 'integrations/senhasegura/{account}', at: at(10) },
            { kind: 'githubSecret', name: 'KEY_{ACCOUNT}', repository: 'acme/vault-sync', at: at(11) },
          ],
        },
      },
    }),
    conn('cloudyn', {
      role: {
        ...principal,
        name: 'cloudyn-cost-reader',
        managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        trust: { awsAccount: '432263259397', awsPrincipals: [], externalId: { env: 'CLOUDYN_EXTERNAL_ID' }, at: at(20) },
      },
      billingBucket: { name: 'acme-cloudyn-billing', at: at(22) },
    }),
    // Odd names: quotes, brackets, Mermaid keywords and characters ids may not hold.
    conn('odd', { user: { ...principal, name: 'end', managedPolicies: ['arn:aws:iam::aws:policy/a"b]<script>#1'], accessKey: { rules: DEFAULT_KEY_RULES, at: at(30), deliver: [{ kind: 'output', name: 'key"]; click', at: at(31) }] } } }),
  ],
};

const plan = prodPlan;

const base = { account: 'prod', action: 'update' as const, severity: 'high' as const, reason: 'r', kind: 'modified' as const };

/** Every statement line of the flowchart, without the fence. */
function body(text: string): string[] {
  const lines = text.split('\n');
  expect(lines[0]).toBe('```mermaid');
  expect(lines[1]).toBe('flowchart LR');
  expect(lines[lines.length - 1]).toBe('```');
  return lines.slice(2, -1);
}

describe('renderAccessGraph', () => {
  test('vendor or key holder, then user or role per account, then policies', () => {
    const text = renderAccessGraph(manifest);
    expect(text).toContain('"vendor AWS account 432263259397"');
    expect(text).toMatch(/vendor_432263259397 -->\|"sts:AssumeRole with external ID"\| role_prod__cloudyn_cost_reader_[0-9a-f]{6}/);
    expect(text).toContain('"key holder: Secrets Manager integrations/senhasegura/prod, GitHub secret KEY_PROD (acme/vault-sync)"');
    expect(text).toContain('"key holder: Secrets Manager integrations/senhasegura/staging-eu, GitHub secret KEY_STAGING-EU (acme/vault-sync)"');
    expect(text).toContain('"AWS managed ReadOnlyAccess"');
    expect(text).toContain('[("billing bucket acme-cloudyn-billing")]');
    expect(text).not.toContain('linkStyle');
  });

  test('ids hold only [A-Za-z0-9_], labels are quoted and escaped, subgraphs balance', () => {
    const lines = body(renderAccessGraph(manifest));
    let depth = 0;
    for (const raw of lines) {
      const line = raw.trim();
      if (line.startsWith('subgraph ')) {
        depth++;
        expect(line).toMatch(/^subgraph [A-Za-z0-9_]+\["[^"]*"\]$/);
      } else if (line === 'end') depth--;
      else if (line.includes('-->') || line.includes('-.->')) expect(line).toMatch(/^[A-Za-z0-9_]+ -(?:-|\.-)>(?:\|"[^"]*"\|)? [A-Za-z0-9_]+$/);
      else expect(line).toMatch(/^[A-Za-z0-9_]+(?:\["[^"]*"\]|\("[^"]*"\)|\[\("[^"]*"\)\])$/);
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain('#quot;');
    expect(text).not.toContain('<script>');
    expect(text).toContain('#lt;script#gt;#35;1');
    // "end" as a name must not become a bare id that closes a subgraph.
    expect(lines.filter((l) => l.trim() === 'end')).toHaveLength(2);
  });

  test('sanitised ids stay distinct', () => {
    expect(mermaidId('user', 'a-b')).not.toBe(mermaidId('user', 'a_b'));
    expect(mermaidId('user', 'a_b')).toBe('user_a_b');
    expect(mermaidId('user', 'a b"c')).toMatch(/^user_a_b_c_[0-9a-f]{6}$/);
    expect(mermaidLabel('a\n"b"')).toBe('"a #quot;b#quot;"');
  });

  test('drifted edges are dotted, security-relevant ones red, with their nodes classed', () => {
    const g = buildAccessGraph(
      manifest,
      plan([
        { ...base, id: 'k', connection: 'senhasegura', resource: { type: 'access-key', name: 'senhasegura-cloud-iam/AKIA…MPLE' }, kind: 'key-overdue', security: false },
        { ...base, id: 't', connection: 'cloudyn', resource: { type: 'role', name: 'cloudyn-cost-reader' }, security: true },
        {
          ...base,
          id: 'x',
          connection: 'cloudyn',
          resource: { type: 'attachment', name: 'cloudyn-cost-reader/AdministratorAccess' },
          kind: 'unexpected',
          action: 'detach',
          security: true,
          before: { principalType: 'role', principal: 'cloudyn-cost-reader', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
        },
      ]),
    );
    const lines = body(g.mermaid).map((l) => l.trim());
    const edges = lines.filter((l) => / -(?:-|\.-)>/.test(l));
    expect(edges).toHaveLength(g.edges);
    const styles = lines.filter((l) => l.startsWith('linkStyle '));
    expect(styles).toHaveLength(3);
    for (const s of styles) {
      const n = Number(/^linkStyle (\d+) /.exec(s)?.[1]);
      expect(edges[n]).toContain('-.->');
    }
    expect(g.mermaid).toContain('"not declared: AdministratorAccess"');
    const admin = edges.find((e) => e.includes('AdministratorAccess'));
    expect(admin).toBeDefined();
    const adminIndex = edges.indexOf(admin!);
    expect(styles.find((s) => s.startsWith(`linkStyle ${adminIndex} `))).toContain('#d73a49');
    expect(lines).toContain('classDef risky stroke:#d73a49,stroke-width:3px');
    expect(lines.filter((l) => l.startsWith('class ') && l.endsWith(' drifted'))).toHaveLength(1);
    // Staging has no drift: its key holder edge stays solid.
    expect(edges.filter((e) => e.includes('staging_eu') && e.includes('-.->'))).toEqual([]);
  });
});
