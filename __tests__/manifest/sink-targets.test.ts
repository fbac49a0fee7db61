/**
 * Delivery targets are unique per user and account after {account}/{ACCOUNT} expansion, and a
 * collision is reported at both places; organisation secrets say who may read them.
 */
import type { Finding } from '../../src/diagnostics.js';
import { parseManifestText } from '../../src/manifest/load.js';
import { testCatalog } from './test-catalog.js';

const ACCOUNTS = '  prod: { id: "111122223333" }\n  prod-eu: { id: "222233334444" }\n  prod_eu: { id: "333344445555" }\n  vault: { id: "444455556666", region: eu-west-1 }\n';
const parse = (connections: string, accounts = ACCOUNTS) =>
  parseManifestText(`version: 1\naccounts:\n${accounts}connections:\n${connections}`, 'm.yaml', { root: process.cwd(), catalog: testCatalog });
/** A connection whose user delivers to the given sinks (YAML flow list items). */
const conn = (name: string, accounts: string, sinks: string[], user = name) =>
  `  ${name}:\n    accounts: [${accounts}]\n    user:\n      name: ${user}\n      accessKey:\n        deliver:\n${sinks.map((s) => `          - ${s}\n`).join('')}`;
const dupes = (fs: Finding[]) => fs.filter((f) => f.check === 'manifest/duplicate-target');
const where = (f: Finding) => `${f.location.line}:${f.location.column}`;

test('two users, one secret ID: reported at both places, each naming the other', () => {
  const r = parse(conn('a', 'prod', ['secretsManager: { secretId: integrations/shared }']) + conn('b', 'prod', ['secretsManager: { secretId: integrations/shared }']));
  const d = dupes(r.findings);
  expect(d.map((f) => [f.connection, where(f)])).toEqual([
    ['a', '14:41'],
    ['b', '21:41'],
  ]);
  expect(d[0]!.message).toBe(
    'Secrets Manager secret "integrations/shared" in account prod, the run\'s aws-region is the target of connection "a" in account prod and also of connection "b" in account prod (m.yaml:21:41): each rotation would overwrite the key the other vendor uses',
  );
  expect(d[1]!.message).toContain('(m.yaml:14:41)');
  expect(d[0]!.fix).toBe('put {account} in the secret ID so each account gets its own, or rename one of them');
});

test('{account} expansion decides: per-account IDs are distinct, the same expansion in one account collides', () => {
  const ok = parse(conn('a', 'prod, prod-eu', ['secretsManager: { secretId: "x/{account}" }']) + conn('b', 'prod', ['secretsManager: { secretId: "y/{account}" }']));
  expect(dupes(ok.findings)).toEqual([]);
  // b's literal "x/prod" is what a's template becomes in prod.
  const bad = parse(conn('a', 'prod, prod-eu', ['secretsManager: { secretId: "x/{account}" }']) + conn('b', 'prod', ['secretsManager: { secretId: x/prod }']));
  expect(dupes(bad.findings).map((f) => f.connection)).toEqual(['a', 'b']);
  expect(dupes(bad.findings)[0]!.message).toContain('"x/prod"');
});

test('{ACCOUNT} folds prod-eu and prod_eu into one GitHub secret name: reported on that sink', () => {
  const r = parse(conn('a', 'prod-eu, prod_eu', ['githubSecret: { repository: acme/vault, name: "KEY_{ACCOUNT}" }']));
  const d = dupes(r.findings);
  expect(d).toHaveLength(1);
  expect(d[0]!.message).toBe('GitHub secret KEY_PROD_EU (acme/vault) is the target of connection "a" in account prod-eu and of the same sink in account prod_eu: each account\'s key would overwrite the other\'s');
});

test('GitHub secret names, repositories and organisations compare case-insensitively; scopes stay apart', () => {
  const clash = parse(conn('a', 'prod', ['githubSecret: { repository: acme/Vault, name: vendor_key }']) + conn('b', 'prod', ['githubSecret: { repository: ACME/vault, name: VENDOR_KEY }']));
  expect(dupes(clash.findings)).toHaveLength(2);
  const apart = parse(
    conn('a', 'prod', ['githubSecret: { repository: acme/vault, name: K }', 'githubSecret: { repository: acme/vault, environment: prod, name: K2 }']) +
      conn('b', 'prod', ['githubSecret: { organization: acme, name: K, repositories: [acme/vault] }', 'githubSecret: { repository: acme/vault, environment: staging, name: K2 }']),
  );
  expect(apart.findings).toEqual([]);
});

test('a secret in another account collides with that account\'s own secret of the same ID', () => {
  const r = parse(conn('a', 'prod', ['secretsManager: { secretId: shared, account: vault }']) + conn('b', 'vault', ['secretsManager: { secretId: shared }']));
  expect(dupes(r.findings).map((f) => f.connection)).toEqual(['a', 'b']);
});

test('regions: different explicit regions are apart; a secret with no region meets every region of its account', () => {
  const apart = parse(conn('a', 'prod', ['secretsManager: { secretId: s, region: us-east-1 }']) + conn('b', 'prod', ['secretsManager: { secretId: s, region: eu-west-1 }']));
  expect(dupes(apart.findings)).toEqual([]);
  const unsure = parse(conn('a', 'prod', ['secretsManager: { secretId: s, region: us-east-1 }']) + conn('b', 'prod', ['secretsManager: { secretId: s }']));
  expect(dupes(unsure.findings)).toHaveLength(2);
});

test('the default output name, in a connection with two accounts, is one output for both', () => {
  const r = parse(conn('a', 'prod, prod-eu', ['output: true']));
  const d = dupes(r.findings);
  expect(d.map((f) => [f.connection, where(f)])).toEqual([['a', '14:21']]);
  expect(d[0]!.message).toContain('step output a-access-key is the target of connection "a" in account prod and of the same sink in account prod-eu');
  expect(d[0]!.fix).toBe('name the output per account, e.g. `output: { name: "a-access-key-{account}" }`, or rename one of them');
  expect(dupes(parse(conn('a', 'prod, prod-eu', ['output: { name: "key-{account}" }'])).findings)).toEqual([]);
  // Two connections naming one output.
  expect(dupes(parse(conn('a', 'prod', ['output: { name: key }']) + conn('b', 'prod-eu', ['output: { name: KEY }'])).findings)).toHaveLength(2);
});

test('a multi-account sink without a placeholder is reported once, by the placeholder rule', () => {
  const r = parse(conn('a', 'prod, prod-eu', ['secretsManager: { secretId: fixed }']));
  expect(r.findings.map((f) => f.check)).toEqual(['manifest/sink-placeholder']);
});

describe('organisation secrets say who may read them', () => {
  const gh = (fields: string) => parse(conn('a', 'prod', [`githubSecret: { ${fields} }`])).findings.filter((f) => f.check === 'manifest/github-secret-scope');
  test('neither repositories nor visibility: an error that says what to add', () => {
    const f = gh('organization: acme, name: K');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/says neither which repositories may read it nor a visibility/);
    expect(f[0]!.fix).toMatch(/add `repositories: \[owner\/name, \.\.\.\]`.*or `visibility: private` or `visibility: all`/);
    expect(where(f[0]!)).toBe('14:13');
  });
  test.each([
    ['organization: acme, name: K, repositories: [acme/vault]', 0],
    ['organization: acme, name: K, visibility: private', 0],
    ['organization: acme, name: K, visibility: selected', 0],
    ['organization: acme, name: K, visibility: all, repositories: [acme/vault]', 1],
    ['organization: acme, repository: acme/vault, name: K, visibility: all', 1],
    ['repository: acme/vault, name: K, visibility: private', 1],
    ['repository: acme/vault, name: K, repositories: [acme/x]', 1],
  ])('%s: %i error(s)', (fields, n) => {
    expect(gh(fields)).toHaveLength(n);
  });
  test('a bad visibility is a schema error', () => {
    const r = parse(conn('a', 'prod', ['githubSecret: { organization: acme, name: K, visibility: public }']));
    expect(r.findings.map((f) => f.message).join('\n')).toMatch(/visibility must be private, all or selected/);
  });
});
