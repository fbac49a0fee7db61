import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadManifest, parseManifestText, resolveEnvRefs } from '../../src/manifest/load.js';
import { DEFAULT_KEY_RULES } from '../../src/manifest/model.js';
import { testCatalog } from './test-catalog.js';

const good = '__tests__/fixtures/good/connections.yaml';
const root = process.cwd();
const load = (file = good) => loadManifest(file, { root, catalog: testCatalog });

describe('the example manifest', () => {
  const r = load();
  const m = r.manifest!;
  const conn = (name: string) => m.connections.find((c) => c.name === name)!;

  test('loads without findings', () => {
    expect(r.findings).toEqual([]);
    expect(m.file).toBe(good);
    expect(m.connections.map((c) => c.name)).toEqual(['senhasegura', 'sekoia', 'cloudcoreo-setup', 'cloudyn']);
  });

  test('accounts keep id, role and via, located at their key', () => {
    expect(m.accounts[1]).toMatchObject({ name: 'staging', id: '444455556666', via: 'prod', at: { line: 8, column: 3 } });
  });

  test('defaults: path, tags and key rules in seconds', () => {
    expect(m.defaults.path).toBe('/connections/');
    expect(m.defaults.keys).toEqual({ rotateAfter: 90 * 86400, overlap: 7 * 86400, deleteAfter: 7 * 86400, requireUnusedFor: 86400, force: false });
    const u = conn('senhasegura').user!;
    expect(u.path).toBe('/connections/');
    expect(u.tags).toEqual({ owner: 'platform-security' });
  });

  test('policy files are read, named <connection>-<file stem>, located at the entry', () => {
    const p = conn('senhasegura').user!.policies[0]!;
    expect(p).toMatchObject({ kind: 'managed', name: 'senhasegura-cloud-iam', legacyName: 'senhasegura-senhasegura-cloud-iam', at: { line: 15, column: 18 } });
    expect(p.source.file).toBe('__tests__/fixtures/good/policies/senhasegura-cloud-iam.json');
    expect(p.source.text).toBe(readFileSync('__tests__/fixtures/good/policies/senhasegura-cloud-iam.json', 'utf8'));
    expect(p.document).toMatchObject({ Version: '2012-10-17' });
  });

  test('sinks, managed policy ARNs, temporary, trust and bucket', () => {
    expect(conn('senhasegura').user!.accessKey!.deliver.map((s) => s.kind)).toEqual(['secretsManager', 'githubSecret']);
    expect(conn('cloudcoreo-setup').user!.accessKey!.deliver).toEqual([expect.objectContaining({ kind: 'output', name: 'cloudcoreo-setup-access-key' })]);
    expect(conn('sekoia').user!.managedPolicies).toEqual(['arn:aws:iam::aws:policy/IAMReadOnlyAccess']);
    expect(conn('cloudcoreo-setup').temporary).toMatchObject({ expires: '2026-12-01T00:00:00.000Z', deleteAfter: 7 * 86400 });
    expect(conn('cloudcoreo-setup').watch.roles).toEqual(['CloudCoreoAssumedRole']);
    const role = conn('cloudyn').role!;
    expect(role.trust).toMatchObject({ awsAccount: '432263259397', awsPrincipals: [], externalId: { env: 'CLOUDYN_EXTERNAL_ID' } });
    expect(role.managedPolicies).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(conn('cloudyn').billingBucket).toMatchObject({ name: 'acme-cloudyn-billing' });
  });

  test('resolveEnvRefs: missing variable at the given severity, invalid value never echoed', () => {
    const missing = resolveEnvRefs(m, {}, 'warning');
    expect(missing.findings).toEqual([
      expect.objectContaining({ check: 'manifest/env-missing', severity: 'warning', message: expect.stringContaining('CLOUDYN_EXTERNAL_ID'), location: expect.objectContaining({ line: 42 }) }),
    ]);
    expect(resolveEnvRefs(m, {}, 'error').findings[0]!.severity).toBe('error');
    const secret = 'not valid because of spaces S3CR3T';
    const bad = resolveEnvRefs(m, { CLOUDYN_EXTERNAL_ID: secret }, 'error');
    expect(bad.findings).toEqual([expect.objectContaining({ check: 'manifest/env-invalid', severity: 'error' })]);
    expect(JSON.stringify(bad.findings)).not.toContain('S3CR3T');
    const ok = resolveEnvRefs(m, { CLOUDYN_EXTERNAL_ID: 'vendor-issued-id-123' }, 'error');
    expect(ok.findings).toEqual([]);
    expect(ok.values.get('CLOUDYN_EXTERNAL_ID')).toBe('vendor-issued-id-123');
  });
});

const base = `version: 1
defaults: { keys: { rotateAfter: 30d }, tags: { owner: sec, team: a } }
accounts:
  prod: { id: "111122223333" }
  dev: { id: "222233334444" }
connections:
`;
/** The notes on checks skipped for a broken connection are tested on their own (below). */
const withoutSkipNotes = <T extends { findings: { check: string }[] }>(r: T): T => ({ ...r, findings: r.findings.filter((f) => f.check !== 'manifest/checks-skipped') });
const parse = (connections: string, opts: { catalog?: typeof testCatalog } = {}) =>
  withoutSkipNotes(parseManifestText(base + connections, 'virtual/connections.yaml', { root, catalog: opts.catalog ?? testCatalog }));

test('key rules: defaults, then defaults.keys, then the user\'s accessKey', () => {
  const r = parse(`  v:
    accounts: [prod]
    tags: { team: b }
    user:
      name: v
      tags: { extra: x }
      accessKey: { overlap: 1d, force: true, deliver: [{ output: { name: v-key } }] }
`);
  expect(r.findings).toEqual([]);
  const u = r.manifest!.connections[0]!.user!;
  expect(u.accessKey!.rules).toEqual({ ...DEFAULT_KEY_RULES, rotateAfter: 30 * 86400, overlap: 86400, force: true });
  expect(u.accessKey!.deliver[0]).toMatchObject({ kind: 'output', name: 'v-key' });
  expect(r.manifest!.connections[0]!.tags).toEqual({ owner: 'sec', team: 'b' });
  expect(u.tags).toEqual({ owner: 'sec', team: 'b', extra: 'x' });
});

test('inline documents keep the manifest as their source with the YAML path', () => {
  const r = parse(`  v:
    accounts: [prod]
    role:
      name: v-role
      trust: { awsPrincipals: ["arn:aws:iam::432263259397:role/x"], externalId: abc-123 }
      inlinePolicies:
        - name: read
          document: { Version: "2012-10-17", Statement: [] }
      permissionsBoundary: arn:aws:iam::111122223333:policy/boundary
`);
  expect(r.findings).toEqual([]);
  const role = r.manifest!.connections[0]!.role!;
  expect(role.inlinePolicies[0]).toMatchObject({
    kind: 'inline',
    name: 'read',
    document: { Version: '2012-10-17', Statement: [] },
    source: { file: 'virtual/connections.yaml', basePath: ['connections', 'v', 'role', 'inlinePolicies', 0, 'document'] },
  });
  expect(role.trust.externalId).toEqual({ value: 'abc-123' });
  expect(role.trust.awsAccount).toBeUndefined();
  expect(role.permissionsBoundary).toBe('arn:aws:iam::111122223333:policy/boundary');
});

test('presets fill policies and trust only where the connection declares none', () => {
  const r = parse(`  coreo:
    vendor: cloudcoreo
    accounts: [prod]
    user: { name: coreo }
    temporary: { ttl: 48h }
  yn:
    vendor: cloudyn
    accounts: [prod]
    role: { name: yn, trust: { externalId: { env: YN_ID } } }
  sek:
    vendor: sekoia
    accounts: [prod]
    user: { name: sek, managedPolicies: [SecurityAudit] }
`);
  // The one finding: coreo ends a ttl after creation, which nothing remembers once it is removed.
  expect(r.findings.map((f) => [f.check, f.connection])).toEqual([['manifest/temporary-ttl', 'coreo']]);
  const [coreo, yn, sek] = r.manifest!.connections;
  expect(coreo!.user!.policies[0]).toMatchObject({ name: 'cloudcoreo-bootstrap', fromPreset: 'cloudcoreo', source: { file: 'preset:cloudcoreo' }, at: { line: 8 } });
  expect(coreo!.temporary).toMatchObject({ ttl: 48 * 3600 });
  expect(yn!.role!.trust.awsAccount).toBe('432263259397');
  expect(yn!.role!.managedPolicies).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  expect(sek!.user!.managedPolicies).toEqual(['arn:aws:iam::aws:policy/SecurityAudit']);
});

test('an unknown key says where and suggests the right one', () => {
  const r = parse(`  v:
    accounts: [prod]
    user:
      name: v
      accessKey: { rotateAftr: 90d, deliver: [{ output: true }] }
`);
  expect(r.manifest).toBeUndefined();
  expect(r.findings).toEqual([
    expect.objectContaining({
      check: 'manifest/unknown-key',
      message: 'unknown key "rotateAftr" in connections.v.user.accessKey',
      fix: 'did you mean "rotateAfter"?',
      connection: 'v',
      location: expect.objectContaining({ file: 'virtual/connections.yaml', line: 11, column: 20 }),
    }),
  ]);
});

test('a bad sink is one finding naming the sink kinds, not a dump of every branch', () => {
  const r = parse(`  v:
    accounts: [prod]
    user:
      name: v
      accessKey: { deliver: [{ vault: { path: x } }] }
`);
  expect(r.findings).toHaveLength(1);
  expect(r.findings[0]!.message).toContain('"secretsManager", "githubSecret" or "output"');
  const inner = parse(`  v:
    accounts: [prod]
    user:
      name: v
      accessKey: { deliver: [{ githubSecret: { nam: X } }] }
`);
  // Sorted by position: the missing key points at `githubSecret:`, the unknown key at `nam`.
  expect(inner.findings.map((f) => [f.check, f.message, f.fix])).toEqual([
    ['manifest/missing-key', 'missing required key "name" in connections.v.user.accessKey.deliver[0].githubSecret', 'add "name:" to connections.v.user.accessKey.deliver[0].githubSecret'],
    ['manifest/unknown-key', 'unknown key "nam" in connections.v.user.accessKey.deliver[0].githubSecret', 'did you mean "name"?'],
  ]);
});

test('rules that must NOT fire: temporary keys need no sink, {account} placeholders, preset trust', () => {
  const r = parse(`  v:
    accounts: [prod, dev]
    user:
      name: v
      accessKey:
        deliver:
          - secretsManager: { secretId: "x/{account}" }
          - githubSecret: { name: "V_{ACCOUNT}" }
  t:
    accounts: [prod]
    user: { name: t, accessKey: {} }
    temporary: { expires: "2026-12-01T09:00:00+02:00" }
  yn:
    vendor: cloudyn
    accounts: [prod]
    role: { name: yn, trust: { externalId: abc-123 } }
    watch: { roles: [other-role] }
`);
  expect(r.findings).toEqual([]);
});

test('a missing manifest file is one actionable error', () => {
  const r = loadManifest('no/such/connections.yaml', { root });
  expect(r.findings).toEqual([expect.objectContaining({ check: 'manifest/not-found', location: { file: 'no/such/connections.yaml', line: 1, column: 1 } })]);
});

describe('policy files on disk', () => {
  let dir: string;
  const manifest = (ref: string) => `version: 1
accounts:
  prod: { id: "111122223333" }
connections:
  v:
    accounts: [prod]
    user:
      name: v
      policies: [{ file: ${ref} }]
`;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'iamc-files-'));
    mkdirSync(join(dir, 'repo', 'policies'), { recursive: true });
    const doc = '{\r\n  "Version": "2012-10-17",\r\n  "Statement": []\r\n}\r\n';
    writeFileSync(join(dir, 'repo', 'policies', 'bom.json'), '\ufeff' + doc.replace(/\r\n/g, '\n'));
    writeFileSync(join(dir, 'repo', 'policies', 'crlf.json'), doc);
    writeFileSync(join(dir, 'repo', 'policies', 'crlf-bad.json'), '{\r\n  "Version": "2012-10-17",\r\n  "Statement": [}\r\n}\r\n');
    writeFileSync(join(dir, 'repo', 'policies', 'utf16.json'), Buffer.from('\ufeff{}', 'utf16le'));
    writeFileSync(join(dir, 'repo', 'policies', 'huge.json'), `{"x":"${'a'.repeat(300 * 1024)}"}`);
    writeFileSync(join(dir, 'secret.json'), '{"outside": true}');
    symlinkSync(join(dir, 'repo', 'policies', 'crlf.json'), join(dir, 'repo', 'policies', 'inside-link.json'));
    symlinkSync(join(dir, 'secret.json'), join(dir, 'repo', 'policies', 'outside-link.json'));
    symlinkSync(dir, join(dir, 'repo', 'up'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (ref: string) => {
    const repo = join(dir, 'repo');
    const file = join(repo, 'connections.yaml');
    writeFileSync(file, manifest(ref));
    return withoutSkipNotes(loadManifest(file, { root: repo, catalog: testCatalog }));
  };

  test('a UTF-8 BOM is stripped with a notice; CRLF is fine', () => {
    const bom = run('policies/bom.json');
    expect(bom.manifest).toBeDefined();
    expect(bom.findings).toEqual([expect.objectContaining({ check: 'policy-file/bom', severity: 'notice', location: { file: 'policies/bom.json', line: 1, column: 1 } })]);
    expect(bom.manifest!.connections[0]!.user!.policies[0]!.source.text.startsWith('{')).toBe(true);
    const crlf = run('policies/crlf.json');
    expect(crlf.findings).toEqual([]);
    expect(crlf.manifest!.connections[0]!.user!.policies[0]!.document).toEqual({ Version: '2012-10-17', Statement: [] });
  });

  test('JSON errors in a CRLF file are located in the policy file', () => {
    const r = run('policies/crlf-bad.json');
    expect(r.findings).toEqual([expect.objectContaining({ check: 'policy-file/json-syntax', location: { file: 'policies/crlf-bad.json', line: 3, column: 17 } })]);
  });

  test('encoding, size, folders and symlinks', () => {
    expect(run('policies/utf16.json').findings[0]!.check).toBe('policy-file/encoding');
    expect(run('policies/huge.json').findings[0]!.check).toBe('policy-file/too-large');
    expect(run('policies').findings[0]!.check).toBe('policy-file/not-a-file');
    expect(run('policies/inside-link.json').findings).toEqual([]);
    expect(run('policies/outside-link.json').findings[0]!.check).toBe('policy-file/symlink-outside-root');
    expect(run('up/secret.json').findings[0]!.check).toBe('policy-file/symlink-outside-root');
    expect(run('../secret.json').findings[0]!.check).toBe('policy-file/outside-root');
    const typo = run('policies/crfl.json').findings[0]!;
    expect(typo.check).toBe('policy-file/not-found');
    expect(typo.fix).toBe('did you mean "policies/crlf.json"?');
    // Nothing from outside the root ever reaches a message.
    expect(JSON.stringify(run('policies/outside-link.json').findings)).not.toContain('outside": true');
  });
});

describe('one pass: a broken connection hides nothing else', () => {
  const checked = (connections: string) => parseManifestText(base + connections, 'virtual/connections.yaml', { root, catalog: testCatalog });
  const ok = `  fine:
    accounts: [prod]
    user: { name: fine-user, managedPolicies: [SecurityAudit] }
`;

  test('a shape error sets its connection aside with a note; the rest is resolved for the policy checks', () => {
    const r = checked(`  broken:
    accounts: [prod]
    user: { name: broken-user, managedPolicies: SecurityAudit }
  lost:
    accounts: [prodd]
    user: { name: lost-user }
${ok}`);
    expect(r.manifest).toBeUndefined();
    expect(r.findings.map((f) => `${f.severity} ${f.check} ${f.connection}`)).toEqual([
      'notice manifest/checks-skipped broken',
      'error manifest/invalid-type broken',
      'error manifest/undeclared-account lost',
    ]);
    expect(r.findings[0]).toMatchObject({ message: 'policy, trust and vendor checks of connection "broken" skipped: fix its shape errors first', location: { line: 7, column: 3 } });
    // A rule error (an undeclared account) does not stop the checks of that connection's policies.
    expect(r.checkable?.connections.map((c) => c.name)).toEqual(['lost', 'fine']);
  });

  test('a shape error outside the connections stops there, as before: nothing else can be trusted', () => {
    const r = parseManifestText(base.replace('prod: { id: "111122223333" }', 'prod: { id: 111122223333 }') + ok, 'virtual/connections.yaml', { root, catalog: testCatalog });
    expect(r.checkable).toBeUndefined();
    expect(r.findings.map((f) => f.check)).toEqual(['manifest/account-id']);
  });

  test('when every connection is broken, no partial manifest is made', () => {
    const r = checked(`  broken:
    accounts: [prod]
    user: { name: broken-user, managedPolicies: SecurityAudit }
`);
    expect(r.checkable?.connections ?? []).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.check)).toEqual(['manifest/invalid-type']);
  });

  test('a valid manifest: the checkable manifest is the manifest', () => {
    const r = checked(ok);
    expect(r.manifest).toBeDefined();
    expect(r.checkable).toBe(r.manifest);
  });
});
