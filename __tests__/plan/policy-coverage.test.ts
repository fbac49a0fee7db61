/**
 * Statement-by-statement comparison: every live Allow must be covered by a declared Allow, every
 * declared Deny kept. The tests try to slip a wider live document past the comparison (an extra
 * statement beside the declared one, a wider resource, a dropped Deny, a partition swap) and to
 * make equivalent documents look different.
 */
import { documentDrift } from '../../src/plan/document-drift.js';
import { patternCovers, principalCovers } from '../../src/plan/policy-coverage.js';
import { describeDelta, policiesEqual, policyDelta } from '../../src/plan/policy-equivalence.js';

const VENDOR = '432263259397';
const XID = 'Vendor-Issued-ID-77';
const doc = (...statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });

const vendorTrust = (partition = 'aws') => ({
  Sid: 'VendorAssume',
  Effect: 'Allow',
  Principal: { AWS: `arn:${partition}:iam::${VENDOR}:root` },
  Action: 'sts:AssumeRole',
  Condition: { StringEquals: { 'sts:ExternalId': XID } },
});

const readBucket = {
  Sid: 'ReadReports',
  Effect: 'Allow',
  Action: ['s3:GetObject', 's3:ListBucket'],
  Resource: ['arn:aws:s3:::acme-reports', 'arn:aws:s3:::acme-reports/*'],
};

describe('a live document wider than the declared one is loosening and security-relevant', () => {
  test('the bypass: the declared trust statement kept, plus the same principal without the external ID, is critical', () => {
    const declared = doc(vendorTrust());
    const live = doc(vendorTrust(), { Sid: 'Convenience', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${VENDOR}:root` }, Action: 'sts:AssumeRole' });
    const d = documentDrift(declared, live, 'the trust of role vendor');
    expect(d).toMatchObject({ severity: 'critical', security: true });
    // The statement is named concretely; no condition value appears.
    expect(d.reason).toContain('statement "Convenience" [Allow AWS:arn:aws:iam::432263259397:root sts:AssumeRole] without StringEquals sts:externalid');
    expect(d.reason).not.toContain(XID);
    expect(d.reason).not.toMatch(/statement\(s\) (added|removed)/);
  });

  test.each([
    ['a new principal', { ...vendorTrust(), Sid: undefined, Principal: { AWS: ['432263259397', '999988887777'] } }, /adds principal\(s\) AWS:arn:aws:iam::999988887777:root/],
    ['a principal in another partition', { ...vendorTrust('aws-cn'), Sid: 'China' }, /adds principal\(s\) AWS:arn:aws-cn:iam::432263259397:root/],
    ['every principal', { ...vendorTrust(), Principal: '*' }, /adds principal\(s\) AWS:\*/],
    ['a weaker external ID operator', { ...vendorTrust(), Condition: { StringLike: { 'sts:ExternalId': '*' } } }, /without StringEquals sts:externalid/],
    ['IfExists', { ...vendorTrust(), Condition: { StringEqualsIfExists: { 'sts:ExternalId': XID } } }, /without StringEquals sts:externalid/],
    ['a second allowed ID', { ...vendorTrust(), Condition: { StringEquals: { 'sts:ExternalId': [XID, 'Other-ID-123'] } } }, /without StringEquals sts:externalid/],
  ])('trust: %s is critical', (_name, extra, reason) => {
    const d = documentDrift(doc(vendorTrust()), doc(vendorTrust(), extra), 'the trust of role vendor');
    expect(d).toMatchObject({ severity: 'critical', security: true });
    expect(d.reason).toMatch(reason);
    expect(d.reason).not.toContain(XID);
    expect(d.reason).not.toContain('Other-ID-123');
  });

  test('widening a Resource from bucket/* to * is high', () => {
    const declared = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-reports/*' });
    const live = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
    const delta = policyDelta(declared, live);
    expect(delta.loosens).toBe(true);
    expect(delta.newResources).toEqual(['*']);
    expect(documentDrift(declared, live, 'policy reader')).toMatchObject({ severity: 'high', security: true });
    // And the other way round it is the manifest that widens.
    expect(documentDrift(live, declared, 'policy reader')).toMatchObject({ severity: 'medium', security: true });
  });

  test.each([
    ['a new action', doc(readBucket, { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::acme-reports/*' }), 'high', /adds action\(s\) s3:PutObject/],
    ['another bucket', doc({ ...readBucket, Resource: [...readBucket.Resource, 'arn:aws:s3:::payroll/*'] }), 'high', /adds resource\(s\) arn:aws:s3:::payroll\/\*/],
    ['a segment wildcard', doc({ ...readBucket, Resource: 'arn:aws:s3:::acme-*' }), 'high', /adds resource/],
    ['a new wildcard action', doc(readBucket, { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::acme-reports/*' }), 'critical', /s3:\*/],
    // "everything except" is a wildcard grant.
    ['NotAction', doc(readBucket, { Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::acme-reports' }), 'critical', /every action except iam:\*/],
    [
      'a combination no statement allows',
      doc(
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-reports/*' },
        { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::acme-reports' },
        { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::acme-reports/*' },
      ),
      'high',
      /combines/,
    ],
  ])('permissions: %s', (_name, live, severity, reason) => {
    const declared = _name === 'a combination no statement allows'
      ? doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-reports/*' }, { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::acme-reports' })
      : doc(readBucket);
    const d = documentDrift(declared, live, 'policy reader');
    expect(d).toMatchObject({ severity, security: true });
    expect(d.reason).toMatch(reason);
  });

  test('a declared Deny missing live (CloudCoreo: Allow *, Deny iam:CreateUser) is loosening', () => {
    const declared = doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'NoUsers', Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' });
    const dropped = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
    const narrowed = doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'NoUsers', Effect: 'Deny', Action: 'iam:CreateUser', Resource: 'arn:aws:iam::*:user/x' });
    const conditional = doc(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Sid: 'NoUsers', Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } },
    );
    for (const live of [dropped, narrowed, conditional]) {
      const d = documentDrift(declared, live, 'policy CloudCoreo');
      expect(d).toMatchObject({ severity: 'high', security: true });
      expect(d.reason).toContain('statement "NoUsers" [Deny iam:CreateUser on *]');
    }
    expect(documentDrift(declared, conditional, 'p').reason).toContain('now applies only if Bool aws:multifactorauthpresent');
    // A wider live Deny denies more: the live side is not looser; applying the manifest is.
    const wider = doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: ['iam:Create*', 'iam:DeleteUser'], Resource: '*' });
    expect(policyDelta(declared, wider).loosens).toBe(false);
    expect(documentDrift(declared, wider, 'p')).toMatchObject({ severity: 'medium', security: true });
    expect(documentDrift(declared, wider, 'p').reason).toMatch(/^the manifest widens p: statement \[Deny iam:Create\*, iam:DeleteUser on \*\] is missing or denies less/);
  });
});

describe('a live document that is narrower is not loosening', () => {
  test.each([
    ['a wildcard narrowed to one action', doc({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }), doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })],
    ['action names in another case', doc({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }), doc({ Effect: 'Allow', Action: 'S3:getOBJECT', Resource: '*' })],
    ['bucket/* to one prefix', doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/reports/*' })],
    ['a statement split in two', doc(readBucket), doc({ ...readBucket, Action: 's3:GetObject' }, { ...readBucket, Action: 's3:ListBucket' })],
    ['an extra condition', doc(readBucket), doc({ ...readBucket, Condition: { Bool: { 'aws:SecureTransport': true } } })],
    ['fewer allowed values', doc({ ...readBucket, Condition: { StringEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] } } }), doc({ ...readBucket, Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } })],
    ['more excluded values', doc({ ...readBucket, Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-1' } } }), doc({ ...readBucket, Condition: { StringNotEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] } } })],
    ['a role of the trusted account instead of its root', doc(vendorTrust()), doc({ ...vendorTrust(), Principal: { AWS: `arn:aws:iam::${VENDOR}:role/Billing` } })],
    ['a statement removed', doc(readBucket, vendorTrust()), doc(readBucket)],
    ['a smaller NotAction exclusion under Allow * (equal Not lists)', doc({ Effect: 'Allow', NotAction: ['iam:*', 'sts:*'], Resource: '*' }), doc({ Effect: 'Allow', NotAction: ['sts:*', 'IAM:*'], Resource: '*' })],
  ])('%s', (_name, declared, live) => {
    const d = policyDelta(declared, live);
    expect(d.loosens).toBe(false);
    expect(documentDrift(declared, live, 'p').severity).not.toMatch(/critical|high/);
  });
});

describe('Not* elements are compared conservatively', () => {
  test('a live NotAction is covered only by the same (or a smaller) exclusion, or by *', () => {
    const live = doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    expect(policyDelta(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }), live).loosens).toBe(true);
    expect(policyDelta(doc({ Effect: 'Allow', NotAction: ['iam:*', 's3:*'], Resource: '*' }), live).loosens).toBe(true);
    expect(policyDelta(doc({ Effect: 'Allow', Action: '*', Resource: '*' }), live).loosens).toBe(false);
  });
  test('a declared NotAction covers only literal actions none of its patterns match', () => {
    const declared = doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    expect(policyDelta(declared, doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })).loosens).toBe(false);
    expect(policyDelta(declared, doc({ Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*' })).loosens).toBe(true);
    expect(policyDelta(declared, doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })).loosens).toBe(true);
  });
  test('NotPrincipal and NotResource', () => {
    const declared = doc({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });
    expect(policyDelta(declared, doc({ Effect: 'Allow', NotPrincipal: { AWS: '999988887777' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })).loosens).toBe(true);
    expect(policyDelta(declared, doc({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', NotResource: 'arn:aws:s3:::b/secret/*' })).loosens).toBe(true);
  });
});

/** Equivalent pairs: written differently, the same to IAM. Neither side is wider, and they compare equal. */
const EQUIVALENT: { name: string; a: unknown; b: unknown; partition?: string }[] = [
  { name: 'statement order', a: doc(readBucket, vendorTrust()), b: doc(vendorTrust(), readBucket) },
  { name: 'key order', a: doc(readBucket), b: doc({ Resource: readBucket.Resource, Action: readBucket.Action, Effect: 'Allow', Sid: 'ReadReports' }) },
  { name: 'action order', a: doc(readBucket), b: doc({ ...readBucket, Action: ['s3:ListBucket', 's3:GetObject'] }) },
  { name: 'resource order', a: doc(readBucket), b: doc({ ...readBucket, Resource: [...readBucket.Resource].reverse() }) },
  { name: 'action string vs array', a: doc({ ...readBucket, Action: 's3:GetObject' }), b: doc({ ...readBucket, Action: ['s3:GetObject'] }) },
  { name: 'resource string vs array', a: doc({ ...readBucket, Resource: '*' }), b: doc({ ...readBucket, Resource: ['*'] }) },
  { name: 'principal string vs array', a: doc(vendorTrust()), b: doc({ ...vendorTrust(), Principal: { AWS: [`arn:aws:iam::${VENDOR}:root`] } }) },
  { name: 'account ID vs root ARN', a: doc(vendorTrust()), b: doc({ ...vendorTrust(), Principal: { AWS: VENDOR } }) },
  { name: 'account ID vs root ARN, GovCloud', a: doc(vendorTrust('aws-us-gov')), b: doc({ ...vendorTrust('aws-us-gov'), Principal: { AWS: VENDOR } }) },
  { name: 'account ID vs root ARN, China', a: doc(vendorTrust('aws-cn')), b: doc({ ...vendorTrust('aws-cn'), Principal: { AWS: [VENDOR] } }) },
  { name: 'account ID vs root ARN, GovCloud, partition from the account', a: doc({ ...vendorTrust(), Principal: { AWS: VENDOR } }), b: doc(vendorTrust('aws-us-gov')), partition: 'aws-us-gov' },
  { name: 'account ID vs root ARN, China, partition from the account', a: doc({ ...vendorTrust(), Principal: { AWS: [VENDOR, '111122223333'] } }), b: doc({ ...vendorTrust('aws-cn'), Principal: { AWS: ['arn:aws-cn:iam::111122223333:root', `arn:aws-cn:iam::${VENDOR}:root`] } }), partition: 'aws-cn' },
  { name: 'GovCloud bucket policy: bare ID beside gov resource ARNs', a: doc({ Effect: 'Allow', Principal: { AWS: '386209384616' }, Action: 's3:PutObject', Resource: 'arn:aws-us-gov:s3:::b/*' }), b: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws-us-gov:iam::386209384616:root' }, Action: 's3:PutObject', Resource: 'arn:aws-us-gov:s3:::b/*' }) },
  { name: 'Principal * vs {AWS: *}', a: doc({ ...readBucket, Principal: '*' }), b: doc({ ...readBucket, Principal: { AWS: '*' } }) },
  { name: 'action case', a: doc(readBucket), b: doc({ ...readBucket, Action: ['S3:GETOBJECT', 's3:listbucket'] }) },
  { name: 'duplicate action in another case', a: doc(readBucket), b: doc({ ...readBucket, Action: ['s3:GetObject', 'S3:GetObject', 's3:ListBucket'] }) },
  { name: 'condition key case', a: doc(vendorTrust()), b: doc({ ...vendorTrust(), Condition: { StringEquals: { 'STS:EXTERNALID': XID } } }) },
  { name: 'Bool true vs "true"', a: doc({ ...readBucket, Condition: { Bool: { 'aws:SecureTransport': true } } }), b: doc({ ...readBucket, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }) },
  { name: 'number vs numeric string', a: doc({ ...readBucket, Condition: { NumericLessThan: { 's3:max-keys': 10 } } }), b: doc({ ...readBucket, Condition: { NumericLessThan: { 's3:max-keys': '10' } } }) },
  { name: 'condition value string vs array', a: doc(vendorTrust()), b: doc({ ...vendorTrust(), Condition: { StringEquals: { 'sts:ExternalId': [XID] } } }) },
  { name: 'condition value order', a: doc({ ...readBucket, Condition: { StringEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] } } }), b: doc({ ...readBucket, Condition: { StringEquals: { 'aws:SourceVpc': ['vpc-2', 'vpc-1'] } } }) },
  { name: 'condition operator order', a: doc({ ...vendorTrust(), Condition: { StringEquals: { 'sts:ExternalId': XID }, Bool: { 'aws:SecureTransport': true } } }), b: doc({ ...vendorTrust(), Condition: { Bool: { 'aws:SecureTransport': true }, StringEquals: { 'sts:ExternalId': XID } } }) },
  { name: 'URL-encoded JSON text, as IAM returns it', a: doc(vendorTrust(), readBucket), b: encodeURIComponent(JSON.stringify(doc(vendorTrust(), readBucket))) },
  { name: 'pretty-printed JSON text', a: doc(readBucket), b: JSON.stringify(doc(readBucket), null, 4) },
  { name: 'Sid removed', a: doc(readBucket), b: doc({ ...readBucket, Sid: undefined }) },
  { name: 'Sid renamed', a: doc(readBucket), b: doc({ ...readBucket, Sid: 'Other' }) },
  { name: 'duplicate statement', a: doc(readBucket), b: doc(readBucket, { ...readBucket, Sid: 'Again' }) },
  { name: 'lone Statement object vs array', a: { Version: '2012-10-17', Statement: readBucket }, b: doc(readBucket) },
  { name: 'missing Version vs 2008-10-17', a: { Statement: [readBucket] }, b: { Version: '2008-10-17', Statement: [readBucket] } },
  { name: 'Service principal string vs array', a: doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), b: doc({ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: 'sts:AssumeRole' }) },
  { name: 'mixed principal forms and order', a: doc({ ...vendorTrust(), Principal: { AWS: [VENDOR, 'arn:aws:iam::111122223333:role/x'] } }), b: doc({ ...vendorTrust(), Principal: { AWS: ['arn:aws:iam::111122223333:role/x', `arn:aws:iam::${VENDOR}:root`] } }) },
  { name: 'NotAction order and case', a: doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }), b: doc({ Effect: 'Allow', NotAction: ['Organizations:*', 'IAM:*'], Resource: '*' }) },
  { name: 'duplicate resources', a: doc(readBucket), b: doc({ ...readBucket, Resource: [...readBucket.Resource, readBucket.Resource[0]] }) },
];

describe('equivalent documents show no drift', () => {
  test('the table holds at least 30 pairs', () => expect(EQUIVALENT.length).toBeGreaterThanOrEqual(30));
  // Rows are objects: a test function with more parameters than its row gets jest's `done` callback.
  test.each(EQUIVALENT)('$name', ({ a, b, partition }) => {
    expect(policiesEqual(a, b, partition)).toBe(true);
    expect(policiesEqual(b, a, partition)).toBe(true);
    expect(policyDelta(a, b, partition).loosens).toBe(false);
    expect(policyDelta(b, a, partition).loosens).toBe(false);
  });
});

describe('partitions', () => {
  test('the same account in another partition is another principal', () => {
    expect(policiesEqual(doc(vendorTrust('aws')), doc(vendorTrust('aws-us-gov')))).toBe(false);
    const d = documentDrift(doc(vendorTrust('aws-us-gov')), doc(vendorTrust('aws')), 'the trust of role vendor', { partition: 'aws-us-gov' });
    expect(d).toMatchObject({ severity: 'critical', security: true });
  });
  test('a bare account ID in a GovCloud account is not the commercial root', () => {
    const bare = doc({ ...vendorTrust(), Principal: { AWS: VENDOR } });
    expect(policiesEqual(bare, doc(vendorTrust('aws')), 'aws-us-gov')).toBe(false);
  });
  test('a root covers principals of its own account and partition only', () => {
    expect(principalCovers(`AWS:arn:aws:iam::${VENDOR}:root`, `AWS:arn:aws:iam::${VENDOR}:role/x`)).toBe(true);
    expect(principalCovers(`AWS:arn:aws:iam::${VENDOR}:root`, `AWS:arn:aws:sts::${VENDOR}:assumed-role/x/y`)).toBe(true);
    expect(principalCovers(`AWS:arn:aws:iam::${VENDOR}:root`, `AWS:arn:aws-us-gov:iam::${VENDOR}:role/x`)).toBe(false);
    expect(principalCovers(`AWS:arn:aws:iam::${VENDOR}:root`, 'AWS:arn:aws:iam::999988887777:role/x')).toBe(false);
    expect(principalCovers(`AWS:arn:aws:iam::${VENDOR}:root`, 'AWS:*')).toBe(false);
    expect(principalCovers(`AWS:arn:aws:iam::${VENDOR}:root`, 'Service:ec2.amazonaws.com')).toBe(false);
  });
});

describe('pattern coverage', () => {
  test.each([
    ['s3:get*', 's3:getobject', false, true],
    ['s3:get*', 's3:get*', false, true],
    ['s3:get*', 's3:getobj*', false, true],
    ['s3:getobj*', 's3:get*', false, false],
    ['s3:get?bject', 's3:getobject', false, true],
    ['s3:getobject', 's3:get*', false, false],
    ['*', 'iam:*', false, true],
    ['*', '*', true, true],
    ['arn:aws:s3:::b/*', '*', true, false],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/x/y', true, true],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b*', true, false],
    ['arn:aws:s3:::b/?', 'arn:aws:s3:::b/*', true, false],
    // A `*` inside a segment does not span a colon; one that ends its segment may.
    ['arn:aws:iam::1*2:user/x', 'arn:aws:iam::1:2:user/x', true, false],
    ['arn:aws:iam::*:user/x', 'arn:aws:iam::1:2:user/x', true, true],
    ['arn:aws:iam::1*:role/x', 'arn:aws:iam::123:role/x', true, true],
    ['arn:aws:logs:us-east-1:1:log-group:*', 'arn:aws:logs:us-east-1:1:log-group:a:log-stream:b', true, true],
    ['arn:aws:logs:*:1:log-group:a', 'arn:aws:logs:us-east-1:1:log-group:a', true, true],
    ['arn:aws:s3:::Bucket', 'arn:aws:s3:::bucket', true, false],
  ])('%s covers %s (ARN: %s): %s', (outer, inner, arn, expected) => {
    expect(patternCovers(outer, inner, arn)).toBe(expected);
  });
});

test('describeDelta names Sid, effect, principal, actions, resources and conditions, never a condition value', () => {
  const live = doc(vendorTrust(), { Sid: 'Wide', Effect: 'Allow', Principal: { AWS: ['999988887777'] }, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: { StringEquals: { 'aws:PrincipalTag/x': 'secret-value-1' } } });
  const text = describeDelta(policyDelta(doc(vendorTrust()), live));
  expect(text).toContain('statement "Wide" [Allow AWS:arn:aws:iam::999988887777:root sts:AssumeRole, sts:TagSession if StringEquals aws:principaltag/x]');
  expect(text).toContain('adds principal(s) AWS:arn:aws:iam::999988887777:root');
  expect(text).toContain('adds action(s) sts:TagSession');
  expect(text).not.toContain('secret-value-1');
  expect(text).not.toContain(XID);
});
