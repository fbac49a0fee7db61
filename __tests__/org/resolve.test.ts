import { parseManifestText } from '../../src/manifest/load.js';
import type { Manifest } from '../../src/manifest/model.js';
import type { OrgAccount, OrgSnapshot } from '../../src/org/model.js';
import { resolveOrganization, tagsNeeded } from '../../src/org/resolve.js';
import { parseSelectorText, stableName } from '../../src/org/selectors.js';

const MGMT = '111111111111';
const acct = (id: string, name: string, parent: string, extra: Partial<OrgAccount> = {}): OrgAccount => ({ id, name, status: 'ACTIVE', joined: '2026-01-01T00:00:00.000Z', parent, ...extra });

/** root r-root: mgmt; workloads (prod-a, sandbox OU: sb-1), platform (tools); one suspended in workloads. */
function snapshot(tags: Record<string, Record<string, string>> = {}): OrgSnapshot {
  return {
    rootId: 'r-root',
    managementAccountId: MGMT,
    units: [
      { id: 'ou-root-workload', name: 'workloads', parent: 'r-root' },
      { id: 'ou-root-sandboxx', name: 'sandbox', parent: 'ou-root-workload' },
      { id: 'ou-root-platform', name: 'platform', parent: 'r-root' },
    ],
    accounts: [
      acct(MGMT, 'Management', 'r-root'),
      acct('222222222222', 'Prod A', 'ou-root-workload'),
      acct('333333333333', 'SB 1', 'ou-root-sandboxx'),
      acct('444444444444', 'Tools', 'ou-root-platform'),
      acct('555555555555', 'Old Prod', 'ou-root-workload', { status: 'SUSPENDED' }),
    ],
    tags: new Map(Object.entries(tags)),
  };
}

function manifest(accountsYaml: string, extra = ''): { manifest?: Manifest; text: string; findings: ReturnType<typeof parseManifestText>['findings'] } {
  const text = `version: 1
accounts:
  mgmt: { id: "${MGMT}", role: arn:aws:iam::${MGMT}:role/iam-connections }
organization: { via: mgmt, roleName: iam-connections, planRoleName: iam-connections-planner${extra} }
connections:
  reader:
    accounts: ${accountsYaml}
    role:
      name: reader
      trust: { awsAccount: "999999999999", externalId: abcdefgh }
      managedPolicies: [ReadOnlyAccess]
`;
  const r = parseManifestText(text, 'connections.yaml', { root: process.cwd() });
  return { ...(r.manifest ? { manifest: r.manifest } : {}), text, findings: r.findings };
}

const accountsOf = (m: Manifest, conn = 'reader') => m.connections.find((c) => c.name === conn)!.accounts;

test('an OU with its children, minus an excluded OU: exactly the active accounts there, named stably, reached via the hub', () => {
  const { manifest: m } = manifest('[{ ou: /workloads, exclude: ["ou:/workloads/sandbox"] }]');
  const r = resolveOrganization(m!, snapshot());
  expect(r.errors).toEqual([]);
  expect(accountsOf(r.manifest!)).toEqual(['prod-a']);
  const spec = r.manifest!.accounts.find((a) => a.name === 'prod-a')!;
  expect(spec).toMatchObject({
    id: '222222222222',
    role: 'arn:aws:iam::222222222222:role/iam-connections',
    planRole: 'arn:aws:iam::222222222222:role/iam-connections-planner',
    via: 'mgmt',
    organization: { name: 'Prod A', ou: '/workloads', joined: '2026-01-01T00:00:00.000Z' },
  });
  // The suspended account in the OU is skipped, and said so.
  expect(r.notes.join('\n')).toMatch(/old-prod.*555555555555.*suspended.*skipped/);
  // Default scope: every account but the management one is a manifest account (read, so leftovers show as extra).
  expect(r.manifest!.accounts.map((a) => a.name).sort()).toEqual(['mgmt', 'prod-a', 'sb-1', 'tools']);
});

test('children: false keeps the nested OU out; the root selects everything but the management account', () => {
  expect(accountsOf(resolveOrganization(manifest('[{ ou: /workloads, children: false }]').manifest!, snapshot()).manifest!)).toEqual(['prod-a']);
  expect(accountsOf(resolveOrganization(manifest('["ou:/"]').manifest!, snapshot()).manifest!).sort()).toEqual(['prod-a', 'sb-1', 'tools']);
});

test('the management account only when named: by exact name or ID, never by a glob or an OU', () => {
  const declaredMgmt = resolveOrganization(manifest('["*"]').manifest!, snapshot()).manifest!;
  expect(accountsOf(declaredMgmt)).not.toContain('mgmt');
  expect(accountsOf(resolveOrganization(manifest(`["${MGMT}"]`).manifest!, snapshot()).manifest!)).toEqual(['mgmt']);
});

test('explicit declared names mix with selectors; a declared account found in the organisation keeps its declared name', () => {
  const r = resolveOrganization(manifest('[mgmt, "tag:team=data"]').manifest!, snapshot({ '444444444444': { team: 'data' }, '222222222222': { team: 'web' } }));
  expect(accountsOf(r.manifest!)).toEqual(['mgmt', 'tools']);
  const byId = resolveOrganization(manifest(`["${MGMT}"]`).manifest!, snapshot()).manifest!;
  expect(byId.accounts.find((a) => a.name === 'mgmt')!.organization).toMatchObject({ name: 'Management', ou: '/' });
});

test('tags are read only for accounts that pass the selector\'s other criteria, and only when a selector has tags', () => {
  expect(tagsNeeded(manifest('["ou:/workloads"]').manifest!, snapshot())).toEqual([]);
  expect(tagsNeeded(manifest('[{ ou: /platform, tags: { team: data } }]').manifest!, snapshot())).toEqual(['444444444444']);
});

test('two accounts that normalise to one name: an error naming both IDs', () => {
  const s = snapshot();
  s.accounts.push(acct('666666666666', 'prod_a', 'ou-root-platform'));
  const r = resolveOrganization(manifest('["ou:/"]').manifest!, s);
  expect(r.manifest).toBeUndefined();
  expect(r.errors.join('\n')).toMatch(/222222222222.*666666666666.*"prod-a"/);
});

test('an organisation account colliding with a declared name is refused, naming both', () => {
  const s = snapshot();
  s.accounts.push(acct('777777777777', 'MGMT', 'ou-root-platform'));
  const r = resolveOrganization(manifest('["ou:/"]').manifest!, s);
  expect(r.errors.join('\n')).toMatch(/111111111111 \(declared at connections\.yaml:3:3\) and 777777777777 .*"mgmt"/);
});

test('an OU the organisation does not have is an error at the selector\'s line, listing the OUs', () => {
  const r = resolveOrganization(manifest('["ou:/workload"]').manifest!, snapshot());
  expect(r.errors.join('\n')).toMatch(/^connections\.yaml:7:\d+: .*no OU "\/workload".*\/workloads/);
});

test('validate (offline) reports selector syntax at file:line:col, and selectors need an organization section', () => {
  const bad = manifest('["ou:workloads", { ou: /x, children: true, exclude: ["tag:nokey"] }, { children: false }]');
  expect(bad.manifest).toBeUndefined();
  const msgs = bad.findings.filter((f) => f.severity === 'error').map((f) => `${f.location.line}:${f.location.column} ${f.message}`);
  expect(msgs.some((m) => /^7:\d+ "workloads" is not an OU/.test(m))).toBe(true);
  expect(msgs.some((m) => /tag selector is tag:key=value/.test(m))).toBe(true);
  expect(msgs.some((m) => /needs at least one of ou, tags or name/.test(m))).toBe(true);
  const text = 'version: 1\naccounts:\n  prod: { id: "222222222222" }\nconnections:\n  c:\n    accounts: ["ou:/workloads"]\n    role: { name: r, trust: { awsAccount: "999999999999", externalId: abcdefgh }, managedPolicies: [ReadOnlyAccess] }\n';
  const r = parseManifestText(text, 'c.yaml', { root: process.cwd() });
  expect(r.findings.map((f) => f.check)).toContain('manifest/selector-without-organization');
});

test('short forms and stable names', () => {
  expect(parseSelectorText('ou:ou-ab12-abcdefgh')).toEqual({ selector: { ou: 'ou-ab12-abcdefgh' } });
  expect(parseSelectorText('tag:cost-center=a=b')).toEqual({ selector: { tags: { 'cost-center': 'a=b' } } });
  expect(parseSelectorText('data-*')).toEqual({ selector: { name: 'data-*' } });
  expect('error' in parseSelectorText('data prod')).toBe(true);
  expect(stableName('  Data Prod (EU) ', '1')).toBe('data-prod-eu');
  expect(stableName('---', '123456789012')).toBe('account-123456789012');
  expect(stableName('x'.repeat(70), '1')).toHaveLength(64);
});
