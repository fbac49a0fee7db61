/**
 * The AWS managed policy table: real paths and documents, what a typo or a wrong path is told,
 * deprecated policies, and what a broad read-only policy lets a third party read.
 */
import { join } from 'node:path';
import { parseManifestText } from '../../src/manifest/load.js';
import { checkManifestPolicies } from '../../src/policy/checks.js';
import { dataReads } from '../../src/policy/managed-checks.js';
import { awsManagedName, isKnownManagedPolicy, managedPolicyArn, managedPolicyInfo, suggestManagedPolicy } from '../../src/policy/managed-policies.js';
import { MANAGED_POLICY_INDEX } from '../../src/policy/generated/managed-policy-index.js';
import { MANAGED_POLICY_DOCUMENT_BUCKETS } from '../../src/policy/generated/managed-policy-documents.js';

function findings(managedPolicies: string) {
  const text = [
    'version: 1',
    'accounts:',
    '  prod: { id: "111122223333" }',
    'connections:',
    '  tool:',
    '    accounts: [prod]',
    '    user:',
    '      name: tool-user',
    `      managedPolicies: ${managedPolicies}`,
    '',
  ].join('\n');
  const r = parseManifestText(text, join(process.cwd(), 'm.yaml'), { root: process.cwd() });
  if (!r.manifest) throw new Error(JSON.stringify(r.findings));
  return checkManifestPolicies(r.manifest).filter((f) => f.check.includes('managed'));
}

describe('the table', () => {
  test('holds every AWS managed policy of the source package, with real paths', () => {
    expect(Object.keys(MANAGED_POLICY_INDEX).length).toBeGreaterThan(1500);
    expect(managedPolicyArn('ViewOnlyAccess')).toBe('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess');
    expect(managedPolicyArn('ReadOnlyAccess')).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect(managedPolicyArn('ReadOnlyAccess', 'aws-us-gov')).toBe('arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess');
    expect(managedPolicyArn('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess', 'aws-cn')).toBe('arn:aws-cn:iam::aws:policy/job-function/ViewOnlyAccess');
    expect(managedPolicyArn('arn:aws:iam::111122223333:policy/mine', 'aws-cn')).toBe('arn:aws:iam::111122223333:policy/mine');
  });

  test('knows names and ARNs in every partition, only at their real path', () => {
    expect(isKnownManagedPolicy('SecurityAudit')).toBe(true);
    expect(isKnownManagedPolicy('arn:aws-us-gov:iam::aws:policy/SecurityAudit')).toBe(true);
    expect(isKnownManagedPolicy('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess')).toBe(true);
    expect(isKnownManagedPolicy('arn:aws:iam::aws:policy/ViewOnlyAccess')).toBe(false);
    expect(isKnownManagedPolicy('readonlyaccess')).toBe(false);
    expect(awsManagedName('arn:aws-cn:iam::aws:policy/service-role/AmazonEC2RoleforSSM')).toBe('AmazonEC2RoleforSSM');
    expect(awsManagedName('arn:aws:iam::111122223333:policy/mine')).toBeUndefined();
  });

  test('reads the real documents: ReadOnlyAccess is AWS text, not an approximation', () => {
    const info = managedPolicyInfo('ReadOnlyAccess');
    expect(info?.approximate).toBe(false);
    const actions = JSON.stringify(info?.document);
    expect(actions).toContain('s3:Get*');
    expect(actions).not.toContain('*:Get*');
    expect(managedPolicyInfo('AdministratorAccess')?.document.Statement).toEqual([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
  });

  test('finds every indexed policy in its bucket of documents, the first and last names of each bucket included', () => {
    // The documents are decoded one bucket at a time (binary search on each bucket's first name):
    // a name found in the wrong bucket would throw "indexed but has no document".
    const names = Object.keys(MANAGED_POLICY_INDEX);
    expect(MANAGED_POLICY_DOCUMENT_BUCKETS.length).toBeGreaterThan(10);
    for (const [first] of MANAGED_POLICY_DOCUMENT_BUCKETS) expect(names).toContain(first);
    for (const name of names) expect(managedPolicyInfo(name)?.document.Statement.length).toBeGreaterThan(0);
  });

  test('suggests the closest policy, keeping the form the user wrote', () => {
    expect(suggestManagedPolicy('ReadOnlyAcess')).toBe('ReadOnlyAccess');
    expect(suggestManagedPolicy('readonlyaccess')).toBe('ReadOnlyAccess');
    expect(suggestManagedPolicy('arn:aws:iam::aws:policy/ViewOnlyAccess')).toBe('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess');
    expect(suggestManagedPolicy('arn:aws-us-gov:iam::aws:policy/SecurityAduit')).toBe('arn:aws-us-gov:iam::aws:policy/SecurityAudit');
  });
});

describe('validate', () => {
  test('a misspelt AWS managed policy is an error at its entry with a suggestion', () => {
    const f = findings('[IAMReadOnlyAccess, ReadOnlyAcess]');
    expect(f).toEqual([
      expect.objectContaining({
        check: 'policy/unknown-managed-policy',
        severity: 'error',
        location: expect.objectContaining({ line: 9, column: 44 }),
        message: expect.stringContaining('"ReadOnlyAcess"'),
        fix: expect.stringContaining('Did you mean ReadOnlyAccess?'),
      }),
    ]);
  });

  test('an AWS managed ARN at the wrong path is an error naming the real path', () => {
    const f = findings('["arn:aws:iam::aws:policy/ViewOnlyAccess"]');
    expect(f.map((x) => [x.check, x.fix])).toEqual([
      ['policy/unknown-managed-policy', expect.stringContaining('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess')],
    ]);
  });

  test('a bare job-function name and customer-managed ARNs are fine', () => {
    expect(findings('[ViewOnlyAccess, SecurityAudit, "arn:aws:iam::111122223333:policy/whatever"]')).toEqual([]);
  });

  test('a deprecated policy is a warning naming its replacement', () => {
    const f = findings('[AWSLambdaReadOnlyAccess, AmazonEC2RoleforSSM]');
    expect(f.map((x) => [x.check, x.severity, x.fix])).toEqual([
      ['policy/deprecated-managed-policy', 'warning', 'Attach AWSLambda_ReadOnlyAccess instead.'],
      ['policy/deprecated-managed-policy', 'warning', 'Attach AmazonSSMManagedInstanceCore instead.'],
    ]);
    expect(f[0]?.message).toContain('cannot be attached to a new principal');
    expect(f[1]?.message).toContain('deprecation path');
  });

  test('ReadOnlyAccess is said to read every S3 object and DynamoDB item', () => {
    const f = findings('[ReadOnlyAccess]');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ check: 'policy/managed-data-read', severity: 'warning' });
    expect(f[0]?.message).toContain('the contents of every S3 object (s3:GetObject)');
    expect(f[0]?.message).toContain('every DynamoDB item');
    expect(f[0]?.fix).toContain('ViewOnlyAccess or SecurityAudit');
  });
});

test('what a document lets its holder read', () => {
  const reads = (name: string) => dataReads(managedPolicyInfo(name)?.document).map((r) => r.what);
  expect(reads('ReadOnlyAccess')).toEqual(expect.arrayContaining(['the contents of every S3 object', 'every DynamoDB item']));
  // ReadOnlyAccess does not include secretsmanager:GetSecretValue; SecurityAudit and ViewOnlyAccess read no data.
  expect(reads('ReadOnlyAccess')).not.toContain('secret values in Secrets Manager');
  expect(reads('SecurityAudit')).toEqual([]);
  expect(reads('ViewOnlyAccess')).toEqual([]);
  expect(reads('AdministratorAccess')).toHaveLength(12);
});
