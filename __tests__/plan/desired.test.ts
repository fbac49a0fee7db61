import { OWNER_TAG } from '../../src/manifest/model.js';
import { billingBucketPolicy, desiredState, POLICY_HASH_TAG } from '../../src/plan/desired.js';
import { policiesEqual } from '../../src/plan/policy-equivalence.js';
import { ACCOUNT_ID, at, connection, doc, manifest, resolvedPolicy, roleSpec, userSpec } from './fixtures.js';

const POLICY = doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' });

test('a role trust is generated from awsAccount, principals, external ID and extra conditions', () => {
  const m = manifest([
    connection('vendor', {
      role: roleSpec('vendor-role', {
        trust: {
          awsAccount: '432263259397',
          awsPrincipals: ['arn:aws:iam::432263259397:role/collector'],
          externalId: { value: 'manifest-ext-id-1' },
          conditions: { StringEquals: { 'aws:PrincipalTag/team': 'cost' }, Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
          at: at(20),
        },
      }),
    }),
  ]);
  const role = desiredState(m, 'prod', new Map()).roles[0];
  expect(role?.trust).toEqual({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::432263259397:root', 'arn:aws:iam::432263259397:role/collector'] },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:PrincipalTag/team': 'cost', 'sts:ExternalId': 'manifest-ext-id-1' },
          Bool: { 'aws:MultiFactorAuthPresent': 'false' },
        },
      },
    ],
  });
  expect(role?.externalId?.placeholder).toBe('(externalId literal, 17 characters, from manifest connections.yaml:20:3)');
  expect(JSON.stringify(role?.trustShown)).not.toContain('manifest-ext-id-1');
  expect(role?.arn).toBe(`arn:aws:iam::${ACCOUNT_ID}:role/connections/vendor-role`);
});

test('an unset env external ID leaves the placeholder and no value', () => {
  const m = manifest([connection('cloudyn', { role: roleSpec('cloudyn-cost-reader') })]);
  const role = desiredState(m, 'prod', new Map()).roles[0];
  expect(role?.externalId).toEqual({ source: { env: 'CLOUDYN_EXTERNAL_ID' }, placeholder: '(externalId not set, from env CLOUDYN_EXTERNAL_ID)' });
  expect(policiesEqual(role?.trust, role?.trustShown)).toBe(true);
});

test('users carry the owner tag, merged tags, ARNs of customer and AWS-managed policies', () => {
  const m = manifest([
    connection('sekoia', {
      tags: { vendor: 'sekoia' },
      user: userSpec('sekoia-iam-reader', {
        tags: { purpose: 'asset inventory' },
        policies: [resolvedPolicy('sekoia-read', POLICY)],
        managedPolicies: ['IAMReadOnlyAccess', 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'],
      }),
    }),
    connection('elsewhere', { accounts: ['staging'], user: userSpec('other') }),
  ]);
  const d = desiredState(m, 'prod', new Map());
  expect(d.connections.map((c) => c.name)).toEqual(['sekoia']);
  expect(d.declaredConnections).toEqual(['elsewhere', 'sekoia']);
  const user = d.users[0];
  expect(user?.tags).toEqual({ owner: 'platform-security', vendor: 'sekoia', purpose: 'asset inventory', [OWNER_TAG]: 'sekoia' });
  expect(user?.attachments.map((a) => [a.arn, a.name, a.ours])).toEqual([
    [`arn:aws:iam::${ACCOUNT_ID}:policy/connections/sekoia-read`, 'sekoia-read', true],
    ['arn:aws:iam::aws:policy/IAMReadOnlyAccess', 'IAMReadOnlyAccess', false],
    ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess', 'ViewOnlyAccess', false],
  ]);
  expect(d.policies).toHaveLength(1);
  expect(d.policies[0]?.tags[POLICY_HASH_TAG]).toMatch(/^sha256:[0-9a-f]{16}$/);
});

test('an undeclared account is an actionable error', () => {
  expect(() => desiredState(manifest([]), 'qa', new Map())).toThrow(/account "qa" is not declared in connections.yaml \(declared: prod\)/);
});

test('the billing bucket lets AWS billing write and the connection principal read', () => {
  const m = manifest([connection('cloudyn', { role: roleSpec('cloudyn-cost-reader'), billingBucket: { name: 'acme-billing', at: at(40) } })]);
  const bucket = desiredState(m, 'prod', new Map()).buckets[0];
  expect(bucket?.policy).toEqual(billingBucketPolicy('aws', 'acme-billing', `arn:aws:iam::${ACCOUNT_ID}:role/connections/cloudyn-cost-reader`));
  expect(JSON.stringify(bucket?.policy)).toContain('arn:aws:iam::386209384616:root');
});
