import { parseManifestText } from '../../src/manifest/load.js';
import { isIsoInstant } from '../../src/manifest/rules.js';
import { testCatalog } from './test-catalog.js';

const doc = (accounts: string, connections: string) =>
  parseManifestText(`version: 1\naccounts:\n${accounts}connections:\n${connections}`, 'm.yaml', { root: process.cwd(), catalog: testCatalog });

const conn = (name: string, accounts: string, body: string) => `  ${name}:\n    accounts: [${accounts}]\n${body}`;
const user = (n: string) => `    user: { name: ${n}, accessKey: { deliver: [{ output: true }] } }\n`;
const role = (n: string) => `    role: { name: ${n}, trust: { awsAccount: "432263259397" } }\n`;

test('same names are fine in different accounts, and users and roles are separate namespaces', () => {
  const r = doc(
    '  prod: { id: "111122223333" }\n  dev: { id: "222233334444", via: prod }\n  qa: { id: "333344445555", via: dev }\n',
    conn('a', 'prod', user('shared') + role('shared')) + conn('b', 'dev', user('SHARED')),
  );
  expect(r.findings).toEqual([]);
});

test('a name clash is reported once per account it happens in, at the later declaration', () => {
  const r = doc('  prod: { id: "111122223333" }\n  dev: { id: "222233334444" }\n', conn('a', 'prod, dev', user('x')) + conn('b', 'prod, dev', user('X')));
  const dups = r.findings.filter((f) => f.check === 'manifest/duplicate-user');
  expect(dups.map((f) => [f.location.line, f.connection])).toEqual([
    [11, 'b'],
    [11, 'b'],
  ]);
  expect(dups.map((f) => f.message)).toEqual([expect.stringContaining('account prod'), expect.stringContaining('account dev')]);
});

test('a longer via cycle is reported once, at its first account', () => {
  const r = doc(
    '  a: { id: "111122223333", via: c }\n  b: { id: "222233334444", via: a }\n  c: { id: "333344445555", via: b }\n  d: { id: "444455556666", via: a }\n',
    conn('x', 'a', user('x')),
  );
  expect(r.findings.map((f) => [f.check, f.location.line, f.message])).toEqual([
    ['manifest/via-cycle', 3, expect.stringContaining('a -> c -> b -> a')],
  ]);
});

test('the shipped (still empty) catalogue makes every vendor unknown, with a fix that works', () => {
  const r = parseManifestText('version: 1\naccounts:\n  prod: { id: "111122223333" }\nconnections:\n  a:\n    vendor: sekoia\n    accounts: [prod]\n' + user('a'), 'm.yaml', {
    root: process.cwd(),
    catalog: { getPreset: () => undefined, presetIds: () => [] },
  });
  expect(r.findings).toEqual([expect.objectContaining({ check: 'manifest/unknown-vendor', location: expect.objectContaining({ line: 6, column: 13 }) })]);
  expect(r.findings[0]!.fix).toContain('remove "vendor"');
});

test('a secretsManager sink in another declared account is accepted; an undeclared one is not', () => {
  const ok = doc('  prod: { id: "111122223333" }\n  vault: { id: "222233334444" }\n', conn('a', 'prod', '    user: { name: a, accessKey: { deliver: [{ secretsManager: { secretId: s, account: vault } }] } }\n'));
  expect(ok.findings).toEqual([]);
  const bad = doc('  prod: { id: "111122223333" }\n  vault: { id: "222233334444" }\n', conn('a', 'prod', '    user: { name: a, accessKey: { deliver: [{ secretsManager: { secretId: s, account: valt } }] } }\n'));
  expect(bad.findings).toEqual([expect.objectContaining({ check: 'manifest/undeclared-account', fix: 'did you mean "vault"?' })]);
});

test('ISO-8601 instants', () => {
  expect(isIsoInstant('2026-12-01T00:00:00Z')).toBe(true);
  expect(isIsoInstant('2026-12-01T00:00Z')).toBe(true);
  expect(isIsoInstant('2026-12-01T09:00:00.123+02:00')).toBe(true);
  expect(isIsoInstant('2028-02-29T00:00:00Z')).toBe(true);
  expect(isIsoInstant('2026-02-29T00:00:00Z')).toBe(false);
  expect(isIsoInstant('2026-12-01')).toBe(false);
  expect(isIsoInstant('2026-12-01T24:00:00Z')).toBe(false);
  expect(isIsoInstant('tomorrow')).toBe(false);
});

test('a ttl temporary connection is warned about at its ttl: once removed, apply would create it again; expires is not', () => {
  const body = (t: string) => user('setup') + `    temporary: { ${t}, deleteAfter: 7d }\n`;
  const r = doc('  prod: { id: "111122223333" }\n', conn('setup', 'prod', body('ttl: 48h')) + conn('later', 'prod', body('expires: 2027-01-01T00:00:00Z').replace('setup', 'later-user')));
  const found = r.findings.filter((f) => f.check.startsWith('manifest/temporary'));
  expect(found.map((f) => [f.check, f.severity, f.connection, f.location.line])).toEqual([['manifest/temporary-ttl', 'warning', 'setup', 8]]);
  expect(found[0]!.fix).toContain('expires');
});
