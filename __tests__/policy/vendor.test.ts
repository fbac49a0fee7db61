import { isBlocking } from '../../src/diagnostics.js';
import { checkManifestPolicies } from '../../src/policy/checks.js';
import { at, connection, manifest, policyDoc, presetPolicies, role, user } from './fixtures.js';

const vendorAt = at(4, 13);
const brief = (m: Parameters<typeof checkManifestPolicies>[0]) => checkManifestPolicies(m).map((f) => `${f.check}:${f.severity}`);
const trust = { awsAccount: '432263259397', awsPrincipals: [], externalId: { env: 'CLOUDYN_EXTERNAL_ID' }, at: at(7, 7) };

test('sekoia with its default IAMReadOnlyAccess is clean', () => {
  expect(brief(manifest([connection('sekoia', { vendor: 'sekoia', user: user('sekoia', { managedPolicies: ['IAMReadOnlyAccess'] }) })]))).toEqual([]);
});

test("sekoia with the runbook's custom policy is clean; without one of its actions, that action is missing", () => {
  const actions = ['iam:List*', 'iam:GetUser', 'iam:GetGroup', 'iam:GetUserPolicy', 'iam:GetGroupPolicy', 'iam:GetLoginProfile'];
  const p = (a: string[]) => policyDoc('reader', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: a, Resource: '*' }] });
  expect(brief(manifest([connection('sekoia', { vendor: 'sekoia', user: user('sekoia', { policies: [p([...actions, 'iam:GetAccountSummary'])] }) })]))).toEqual([]);
  const findings = checkManifestPolicies(manifest([connection('sekoia', { vendor: 'sekoia', user: user('sekoia', { policies: [p(actions)] }) })]));
  expect(findings.map((f) => [f.check, f.severity])).toEqual([['vendor/missing-required-action', 'error']]);
  expect(findings[0]?.message).toBe('Sekoia.io AWS users asset connector needs iam:GetAccountSummary (seed 001), but no policy of user sekoia grants it');
});

test('sekoia forbids IAMReadOnlyAccess with IAMFullAccess and warns on IAMFullAccess', () => {
  const text = `connections:
  sekoia:
    vendor: sekoia
    user:
      name: sekoia
      managedPolicies: [IAMReadOnlyAccess, IAMFullAccess]
`;
  const m = manifest([connection('sekoia', { vendor: 'sekoia', user: user('sekoia', { managedPolicies: ['IAMReadOnlyAccess', 'IAMFullAccess'] }) })], { text });
  const findings = checkManifestPolicies(m);
  expect(findings.map((f) => [f.check, f.severity, f.location.line, f.location.column])).toEqual([
    ['vendor/forbidden-combination', 'error', 6, 44],
    ['policy/admin-equivalent', 'warning', 6, 44],
    ['vendor/discouraged-policy', 'warning', 6, 44],
  ]);
  expect(findings[0]?.message).toContain('"Do not attach both policies to the same user"');
});

test('cloudcoreo must be temporary, and its vendor-created admin role is described', () => {
  const text = 'version: 1\nconnections:\n  coreo:\n    vendor: cloudcoreo\n';
  const coreo = (over: Parameters<typeof connection>[1]) =>
    manifest([connection('coreo', { vendor: 'cloudcoreo', user: user('coreo', { policies: presetPolicies('cloudcoreo', vendorAt) }), ...over })], { text });
  const findings = checkManifestPolicies(coreo({}));
  expect(findings.map((f) => [f.check, f.severity, f.location])).toEqual([
    ['policy/privilege-escalation', 'warning', vendorAt],
    ['vendor/not-temporary', 'warning', { ...vendorAt, endLine: 4, endColumn: 23 }],
    ['vendor/known-risk', 'notice', { ...vendorAt, endLine: 4, endColumn: 23 }],
  ]);
  expect(findings[0]?.message).toContain('iam:AttachRolePolicy');
  expect(findings[2]?.fix).toContain('watch: { roles: [CloudCoreoAssumedRole] }');
  const temp = checkManifestPolicies(
    coreo({ temporary: { ttl: 172800, deleteAfter: 604800, at: at(9) }, watch: { roles: ['CloudCoreoAssumedRole'], users: [], policies: [] } }),
  );
  expect(temp.map((f) => f.check)).toEqual(['policy/privilege-escalation', 'vendor/known-risk']);
  expect(temp[1]?.message).toContain('reports it under watch');
});

test('senhasegura defaults: retired OpsWorks notice and escalation warnings, all on the vendor line', () => {
  const m = manifest([connection('senha', { vendor: 'senhasegura', user: user('senha', { policies: presetPolicies('senhasegura', vendorAt) }) })]);
  const findings = checkManifestPolicies(m);
  expect(findings.every((f) => f.location === vendorAt)).toBe(true);
  expect(findings.filter((f) => f.check === 'policy/retired-service').map((f) => f.severity)).toEqual(['notice']);
  const escalations = findings.filter((f) => f.check === 'policy/privilege-escalation').map((f) => /allows (\S+) /.exec(f.message)?.[1]);
  expect(escalations.sort()).toEqual(['iam:AddUserToGroup', 'iam:AttachUserPolicy', 'iam:CreateAccessKey', 'iam:CreateLoginProfile']);
  expect(findings.some((f) => f.check === 'vendor/missing-required-action')).toBe(false);
  expect(findings.filter(isBlocking)).toHaveLength(4);
});

test('cloudyn: ReadOnlyAccess grants what it needs; an unknown policy leaves it unverified; a narrow policy misses it', () => {
  const cloudyn = (r: Parameters<typeof role>[1]) => manifest([connection('cloudyn', { vendor: 'cloudyn', role: role('cloudyn', { trust, ...r }) })]);
  // Nothing is missing for the vendor; what ReadOnlyAccess lets it read is said all the same.
  expect(brief(cloudyn({ managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }))).toEqual(['policy/managed-data-read:warning']);
  expect(brief(cloudyn({ managedPolicies: ['arn:aws:iam::111122223333:policy/billing-reader'] }))).toEqual(['vendor/required-actions-unverified:notice']);
  const narrow = policyDoc('narrow', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] });
  const [f] = checkManifestPolicies(cloudyn({ policies: [narrow] }));
  expect(f?.message).toContain('needs s3:ListBucket (seed 004)');
});

test('an unconditional Deny removes a required action', () => {
  const p = policyDoc('coreo', {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['iam:Get*', 'iam:CreatePolicy', 'iam:CreateRole'], Resource: 'arn:aws:iam::111122223333:role/x' },
      { Effect: 'Deny', Action: 'iam:CreateRole', Resource: '*' },
    ],
  });
  const m = manifest([connection('coreo', { vendor: 'cloudcoreo', temporary: { ttl: 1, deleteAfter: 1, at: at(9) }, user: user('coreo', { policies: [p] }) })]);
  const f = checkManifestPolicies(m).find((x) => x.check === 'vendor/missing-required-action');
  expect(f?.message).toContain('needs iam:CreateRole, iam:AttachRolePolicy');
});
