import type { Change } from '../../src/plan/model.js';
import { comparableBody } from '../../src/github/comments.js';
import { buildPlanComment, codeSpan, fenced, lineDiff, maskAccessKeyIds, parseMarker, renderMarker, renderPlanComment } from '../../src/report/comment.js';
import { cutOutsideFence, fitSections, GITHUB_COMMENT_LIMIT, openFences } from '../../src/report/comment-budget.js';
import type { Manifest } from '../../src/manifest/model.js';
import { DEFAULT_KEY_RULES } from '../../src/manifest/model.js';
import { planOf } from './plans.js';

const at = (line: number) => ({ file: 'connections.yaml', line, column: 3 });

function change(over: Partial<Change> & { id: string }): Change {
  return {
    account: 'prod',
    connection: 'sekoia',
    resource: { type: 'user', name: 'sekoia-iam-reader' },
    kind: 'missing',
    action: 'create',
    severity: 'medium',
    security: false,
    reason: 'declared and absent: apply creates it',
    at: at(20),
    ...over,
  };
}

const plan = planOf;

const opts = { target: 'connections.yaml', headSha: 'ffac537e6cbbf934b08745a378932722df287a53', generatedAt: '2026-06-01T00:00:05.000Z' };

const policyChange = change({
  id: 'prod/senhasegura/policy/senhasegura-cloud-iam/modified',
  connection: 'senhasegura',
  resource: { type: 'policy', name: 'senhasegura-cloud-iam' },
  kind: 'modified',
  action: 'update',
  severity: 'high',
  security: true,
  reason: 'someone added iam:CreateAccessKey: apply restores the declared document',
  before: { document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:ListUsers', 'iam:CreateAccessKey'], Resource: '*' }] } },
  after: { arn: 'arn:aws:iam::111122223330:policy/connections/senhasegura-cloud-iam', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:ListUsers'], Resource: '*' }] } },
});

const keyChange = change({
  id: 'prod/sekoia/access-key/sekoia-iam-reader/key-overdue',
  resource: { type: 'access-key', name: 'sekoia-iam-reader/AKIA…MPLE' },
  kind: 'key-overdue',
  action: 'rotate',
  reason: 'access key AKIAIOSFODNN7EXAMPLE is 120 days old: rotate it now',
  after: { user: 'sekoia-iam-reader', keyId: 'AKIAIOSFODNN7EXAMPLE', rules: DEFAULT_KEY_RULES },
});

describe('marker', () => {
  test('round-trips, and no value can close the HTML comment early', () => {
    const meta = { target: 'infra/x--> <b>y</b>.yaml', head: 'abc123', generatedAt: '2026-06-01T00:00:00Z', drift: true };
    const line = renderMarker(meta);
    expect(line.startsWith('<!-- iam-connections {')).toBe(true);
    expect(line.endsWith(' -->')).toBe(true);
    expect(line.slice(4, -3)).not.toContain('--');
    expect(line).not.toContain('<b>');
    expect(line.indexOf('-->')).toBe(line.length - 3);
    expect(parseMarker(`${line}\n### title`)).toEqual({ tool: 'iam-connections', ...meta });
  });

  test('other comments, other tools and damaged markers are not ours', () => {
    expect(parseMarker('LGTM')).toBeUndefined();
    expect(parseMarker('<!-- iam-connections {"tool":"other","target":"a","head":"b","generatedAt":"c"} -->')).toBeUndefined();
    expect(parseMarker('<!-- iam-connections {"tool":"iam-connections","target":"a" -->')).toBeUndefined();
    expect(parseMarker('<!-- iam-connections {"tool":"iam-connections","target":1,"head":"b","generatedAt":"c"} -->')).toBeUndefined();
  });
});

describe('renderPlanComment', () => {
  const p = plan([{ account: 'prod', changes: [keyChange, policyChange, change({ id: 'prod/sekoia/user/sekoia-iam-reader/missing' })] }]);

  test('marker first, summary table, security sections first and marked, keys masked', () => {
    const body = renderPlanComment(p, undefined, { ...opts, summaryUrl: 'https://github.com/acme/infra/actions/runs/1' });
    const lines = body.split('\n');
    expect(parseMarker(lines[0] ?? '')).toMatchObject({ target: 'connections.yaml', head: opts.headSha, generatedAt: opts.generatedAt, drift: true });
    expect(body).toContain('| account | connection | creates | updates | deletes | rotations | report-only | security |');
    expect(body).toContain('| prod | senhasegura | 0 | 1 | 0 | 0 | 0 | :warning: 1 |');
    expect(body).toContain('| prod | sekoia | 1 | 0 | 0 | 1 | 0 | 0 |');
    const sen = body.indexOf('<b>senhasegura</b>');
    const sek = body.indexOf('<b>sekoia</b>');
    expect(sen).toBeGreaterThan(0);
    expect(sen).toBeLessThan(sek);
    expect(body).toMatch(/<summary>:warning: <b>prod<\/b> \/ <b>senhasegura<\/b>: 1 item, 1 security-relevant<\/summary>/);
    expect(body).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(body).toContain('AKIA…MPLE');
    expect(openFences(body)).toBe(0);
    expect(body.match(/<details>/g)?.length).toBe(body.match(/<\/details>/g)?.length);
  });

  test('policy changes come with a diff of the documents', () => {
    const body = renderPlanComment(p, undefined, opts);
    const diff = /```diff\n([\s\S]*?)\n```/.exec(body)?.[1] ?? '';
    expect(diff).toContain('-         "iam:CreateAccessKey"');
    // JSON commas make the kept action a changed line.
    expect(diff.split('\n').filter((l) => l.startsWith('+'))).toEqual(['+         "iam:ListUsers"']);
    expect(diff).toContain('  {\n    "Version": "2012-10-17",');
  });

  test('no drift says so, and says it was resolved when the last comment had drift', () => {
    const clean = plan([{ account: 'prod', changes: [] }, { account: 'staging', changes: [] }]);
    expect(renderPlanComment(clean, undefined, opts)).toContain('All 2 accounts match the manifest.');
    const resolved = renderPlanComment(clean, undefined, { ...opts, previouslyDrifted: true });
    expect(resolved).toContain('All 2 accounts match the manifest (resolved since the last run).');
    expect(parseMarker(resolved)?.drift).toBe(false);
  });

  test('the same plan renders the same comparable body at another time', () => {
    const a = renderPlanComment(p, undefined, opts);
    const b = renderPlanComment(p, undefined, { ...opts, generatedAt: '2026-06-02T10:00:00.000Z' });
    expect(a).not.toBe(b);
    expect(comparableBody(a)).toBe(comparableBody(b));
    expect(comparableBody(renderPlanComment(p, undefined, { ...opts, headSha: 'other' }))).not.toBe(comparableBody(a));
  });

  test('a plan with over 65,536 characters of details fits the budget, summary table intact', () => {
    const big: Change[] = [];
    const accounts = ['prod', 'staging', 'dev'];
    for (const account of accounts) {
      for (let c = 0; c < 8; c++) {
        for (let i = 0; i < 2; i++) {
          const statements = Array.from({ length: 20 }, (_, k) => ({ Effect: 'Allow', Action: [`s3:GetObject${k}`], Resource: `arn:aws:s3:::bucket-${c}-${i}-${k}/*` }));
          big.push(
            change({
              id: `${account}/vendor-${c}/policy/p${i}/modified`,
              account,
              connection: `vendor-${c}`,
              resource: { type: 'policy', name: `p${i}` },
              kind: 'modified',
              action: 'update',
              security: c === 0,
              reason: `policy p${i} differs`,
              before: { document: { Version: '2012-10-17', Statement: statements } },
              after: { document: { Version: '2012-10-17', Statement: statements.slice(1) } },
            }),
          );
        }
      }
    }
    const bp = plan(accounts.map((account) => ({ account, changes: big.filter((c) => c.account === account) })));
    const unlimited = buildPlanComment(bp, undefined, { ...opts, budget: Number.MAX_SAFE_INTEGER });
    expect(unlimited.body.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    const { body, dropped } = buildPlanComment(bp, undefined, { ...opts, summaryUrl: 'https://example.test/run/1' });
    expect(body.length).toBeLessThanOrEqual(60_000);
    expect(dropped.length).toBeGreaterThan(0);
    for (const account of accounts) for (let c = 0; c < 8; c++) expect(body).toContain(`| ${account} | vendor-${c} | 0 | 2 | 0 | 0 | 0 |`);
    expect(body).toContain(`…and ${dropped.length} more sections: see [the job summary](https://example.test/run/1) for the full report.`);
    expect(openFences(body)).toBe(0);
    expect(body.match(/<details>/g)?.length).toBe(body.match(/<\/details>/g)?.length);
    // Security-relevant sections are the last to go.
    for (const account of accounts) expect(dropped).not.toContain(`${account}/vendor-0`);
  });

  test('the access picture is included, folded when large', () => {
    const manifest: Manifest = {
      file: 'connections.yaml',
      text: '',
      defaults: { path: '/connections/', tags: {}, keys: DEFAULT_KEY_RULES },
      accounts: [{ name: 'prod', id: '111122223330', at: at(3) }],
      connections: [
        {
          name: 'sekoia',
          accounts: ['prod'],
          user: { name: 'sekoia-iam-reader', path: '/connections/', tags: {}, policies: [], inlinePolicies: [], managedPolicies: ['arn:aws:iam::aws:policy/IAMReadOnlyAccess'], at: at(5) },
          watch: { roles: [], users: [], policies: [] },
          adopt: false,
          acknowledge: [],
          tags: {},
          at: at(4),
        },
      ],
    };
    const body = renderPlanComment(p, manifest, opts);
    expect(body).toContain('**Who can get in**\n\n```mermaid\nflowchart LR');
    const many: Manifest = { ...manifest, connections: Array.from({ length: 10 }, (_, i) => ({ ...manifest.connections[0]!, name: `c${i}`, user: { ...manifest.connections[0]!.user!, name: `u${i}` } })) };
    expect(renderPlanComment(p, many, opts)).toMatch(/<details><summary>Who can get in: \d+ nodes<\/summary>\n\n```mermaid/);
  });
});

describe('fitSections', () => {
  test('drops the largest sections first, lowest rank first, and keeps the order of the rest', () => {
    const s = (id: string, n: number, rank = 0) => ({ id, text: `${id}:${'x'.repeat(n)}`, rank });
    const r = fitSections({ head: 'HEAD', sections: [s('a', 100), s('b', 500), s('c', 300), s('d', 900, 1)], budget: 1500 });
    expect(r.dropped).toEqual(['b']);
    expect(r.body.indexOf('a:')).toBeLessThan(r.body.indexOf('c:'));
    expect(r.body).toContain('…and 1 more section: see the job summary for the full report.');
    expect(r.body.length).toBeLessThanOrEqual(1500);
    const all = fitSections({ head: 'HEAD', sections: [s('a', 100), s('b', 500)], budget: 2000 });
    expect(all.dropped).toEqual([]);
    expect(all.body).not.toContain('more section');
  });

  test('when even the required part is too long it is cut at a line outside any fence', () => {
    const head = ['title', '```', ...Array.from({ length: 50 }, (_, i) => `line ${i}`), '```', ...Array.from({ length: 50 }, (_, i) => `row ${i}`)].join('\n');
    const r = fitSections({ head, sections: [], budget: 300 });
    expect(r.truncatedHead).toBe(true);
    expect(r.body.length).toBeLessThanOrEqual(300);
    expect(openFences(r.body)).toBe(0);
  });

  test('cutOutsideFence never ends inside a fence', () => {
    const text = 'a\n```\nb\nc\n```\nd';
    expect(cutOutsideFence(text, 6)).toBe('a');
    expect(cutOutsideFence(text, 14)).toBe('a\n```\nb\nc\n```');
    expect(openFences('```\nx\n````')).toBe(0);
    expect(openFences('````\nx\n```')).toBe(1);
  });
});

describe('helpers', () => {
  test('fences and code spans outgrow backticks in their content', () => {
    const f = fenced('diff', 'a ```` b');
    expect(f.startsWith('`````diff\n')).toBe(true);
    expect(openFences(f)).toBe(0);
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('@octocat')).toBe('`@octocat`');
  });

  test('lineDiff keeps common lines and marks the rest', () => {
    expect(lineDiff(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual(['  a', '+ x', '- b', '  c']);
  });

  test('maskAccessKeyIds masks access key IDs only', () => {
    expect(maskAccessKeyIds('key AKIAIOSFODNN7EXAMPLE and ASIAY34FZKBOKMUTVV7A, user AIDAJQABLZS4A3QDU576Q')).toBe('key AKIA…MPLE and ASIA…VV7A, user AIDAJQABLZS4A3QDU576Q');
  });
});
