import { checkManifestPolicies } from '../../src/policy/checks.js';
import { connection, manifest, oneUser, policyDoc, user } from './fixtures.js';

const allow = (Action: string[], Resource: string | string[] = '*') => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action, Resource }] });
const checks = (m: Parameters<typeof checkManifestPolicies>[0]) => checkManifestPolicies(m).map((f) => `${f.check}:${f.severity}`);

test('iam:* on every resource is admin-equivalent, s3:* is full-service access; both acknowledgeable warnings', () => {
  const findings = checkManifestPolicies(oneUser([policyDoc('wide', allow(['iam:*', 's3:*']))]));
  expect(findings.map((f) => [f.check, f.severity, f.acknowledgeable, f.location.line])).toEqual([
    ['policy/admin-equivalent', 'warning', true, 7],
    ['policy/full-service-access', 'warning', true, 8],
  ]);
});

test('wildcards are expanded: iam:Create* hits the escalation actions it covers', () => {
  const [f, ...rest] = checkManifestPolicies(oneUser([policyDoc('create', allow(['iam:Create*']))]));
  expect(rest).toEqual([]);
  expect(f?.check).toBe('policy/privilege-escalation');
  expect(f?.message).toContain('iam:CreateAccessKey, iam:CreateLoginProfile, iam:CreatePolicyVersion (through iam:Create*)');
});

test('escalation actions scoped to a path are not flagged; on every user they are', () => {
  expect(checks(oneUser([policyDoc('scoped', allow(['iam:CreateAccessKey'], 'arn:aws:iam::111122223333:user/connections/*'))]))).toEqual([]);
  expect(checks(oneUser([policyDoc('any', allow(['iam:CreateAccessKey'], 'arn:aws:iam::*:user/*'))]))).toEqual(['policy/privilege-escalation:warning']);
});

test('Deny statements are never risky', () => {
  expect(checks(oneUser([policyDoc('deny', { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] })]))).toEqual([]);
});

test('iam:PassRole on * with compute in another policy of the same principal is escalation', () => {
  const m = oneUser([policyDoc('pass', allow(['iam:PassRole'])), policyDoc('run', allow(['ec2:RunInstances']))]);
  const findings = checkManifestPolicies(m);
  expect(findings.map((f) => [f.check, f.location.file])).toEqual([
    ['policy/passrole-unrestricted', 'policies/pass.json'],
    ['policy/privilege-escalation', 'policies/pass.json'],
  ]);
  expect(findings[1]?.message).toContain('ec2:RunInstances');
  // scoped PassRole: neither
  expect(checks(oneUser([policyDoc('pass', allow(['iam:PassRole'], 'arn:aws:iam::111122223333:role/app')), policyDoc('run', allow(['ec2:RunInstances']))]))).toEqual([]);
});

test('attached AWS-managed policies are risk-checked, located on their manifest entry', () => {
  const text = `version: 1
connections:
  vendor:
    accounts: [prod]
    user:
      name: vendor-user
      managedPolicies:
        - ReadOnlyAccess
        - arn:aws:iam::aws:policy/AdministratorAccess
`;
  const m = manifest([connection('vendor', { user: user('vendor-user', { managedPolicies: ['ReadOnlyAccess', 'arn:aws:iam::aws:policy/AdministratorAccess'] }) })], { text });
  const findings = checkManifestPolicies(m);
  // ReadOnlyAccess is not risky in that sense, but what it lets the vendor read is said (policy/managed-data-read).
  expect(findings.map((f) => [f.check, f.location.line, f.location.column])).toEqual([
    ['policy/managed-data-read', 8, 11],
    ['policy/admin-equivalent', 9, 11],
  ]);
  expect(findings[1]?.message).toBe('the AWS-managed policy AdministratorAccess on user vendor-user allows every action ("*") on every resource: administrator access');
});

test('IAMFullAccess and PowerUserAccess are flagged when attached', () => {
  const m = oneUser([], {}, { managedPolicies: ['IAMFullAccess', 'PowerUserAccess'] });
  // iam:* is already admin-equivalent: its PassRole is not reported again with PowerUserAccess's compute
  expect(checks(m).sort()).toEqual(['policy/admin-equivalent:warning', 'policy/allow-not-action:warning']);
});
