import { mergeBucketPolicy } from '../../src/plan/bucket-policy.js';
import { classifyApplyError } from '../../src/apply/call.js';
import { prepareStep, oldestNonDefault } from '../../src/apply/steps.js';
import type { Change } from '../../src/plan/model.js';

function awsError(name: string, message = name): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

describe('mergeBucketPolicy', () => {
  const ours = { Version: '2012-10-17', Statement: [{ Sid: 'BillingWriteReports', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' }] };

  test('keeps foreign statements (with or without Sid), replaces ours in place of the old, drops stale IamConnections ones', () => {
    const live = {
      Version: '2012-10-17',
      Id: 'keep-me',
      Statement: [
        { Sid: 'Auditors', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
        { Sid: 'BillingWriteReports', Effect: 'Allow', Action: 's3:*', Resource: '*' },
        { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' },
        { Sid: 'IamConnectionsOld', Effect: 'Allow', Action: 's3:*', Resource: '*' },
      ],
    };
    expect(mergeBucketPolicy(live, ours)).toEqual({
      Version: '2012-10-17',
      Id: 'keep-me',
      Statement: [live.Statement[0], live.Statement[2], ours.Statement[0]],
    });
  });

  test('no live policy: ours alone; a single-statement object is read as a list', () => {
    expect(mergeBucketPolicy(undefined, ours)).toEqual(ours);
    const one = { Version: '2012-10-17', Statement: { Sid: 'Auditors', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } };
    expect((mergeBucketPolicy(one, ours) as { Statement: unknown[] }).Statement).toHaveLength(2);
  });
});

describe('classifyApplyError', () => {
  test('eventual consistency is retried inside the create-time window; NoSuchEntity only for what this run created; denial never', () => {
    const invalidPrincipal = awsError('MalformedPolicyDocument', 'Invalid principal in policy: "AWS":"arn:aws:iam::1:role/x"');
    expect(classifyApplyError(invalidPrincipal, { recentlyCreated: false, principalsCreated: true })).toBe('consistency');
    expect(classifyApplyError(invalidPrincipal, false)).toBe('fatal');
    expect(classifyApplyError(awsError('MalformedPolicyDocument', 'Syntax errors in policy.'), true)).toBe('fatal');
    expect(classifyApplyError(awsError('EntityTemporarilyUnmodifiable'), false)).toBe('consistency');
    expect(classifyApplyError(awsError('ConcurrentModification'), false)).toBe('consistency');
    expect(classifyApplyError(awsError('NoSuchEntity'), true)).toBe('consistency');
    expect(classifyApplyError(awsError('NoSuchEntity'), false)).toBe('fatal');
    expect(classifyApplyError(awsError('AccessDenied'), true)).toBe('denied');
    expect(classifyApplyError(awsError('Throttling', 'Rate exceeded'), false)).toBe('throttle');
  });
});

describe('prepareStep (validation before any write)', () => {
  const base: Omit<Change, 'resource' | 'action'> = { id: 'prod/c/x', account: 'prod', connection: 'c', kind: 'missing', severity: 'medium', security: false, reason: '' };

  test('a role whose trust still holds a placeholder, without an external ID binding, is refused', () => {
    const c: Change = {
      ...base,
      resource: { type: 'role', name: 'r' },
      action: 'create',
      after: { name: 'r', path: '/', tags: { 'iam-connections:connection': 'c' }, trust: { Statement: [{ Condition: { StringEquals: { 'sts:ExternalId': '(externalId from env X)' } } }] } },
    };
    expect(() => prepareStep(c, new Map())).toThrow(/still holds an external ID placeholder/);
  });

  test('a malformed change names the missing field', () => {
    const c: Change = { ...base, resource: { type: 'user', name: 'u' }, action: 'create', after: { path: '/' } };
    expect(() => prepareStep(c, new Map())).toThrow(/after\.name is missing/);
  });

  test('a created user must carry its owner tag', () => {
    const c: Change = { ...base, resource: { type: 'user', name: 'u' }, action: 'create', after: { name: 'u', path: '/', tags: {} } };
    expect(() => prepareStep(c, new Map())).toThrow(/lack iam-connections:connection=c/);
  });

  test('access key creation is left to rotate', async () => {
    const c: Change = { ...base, resource: { type: 'access-key', name: 'u' }, kind: 'key-missing', action: 'create', after: { user: 'u', rules: {} } };
    await expect(prepareStep(c, new Map()).run({} as never)).resolves.toEqual({ status: 'skipped', deferred: 'rotation', reason: expect.stringMatching(/^carried out by the rotation path under the rotate lock/) as unknown });
  });
});

describe('oldestNonDefault', () => {
  test('by version number, not by text', () => {
    expect(oldestNonDefault([{ id: 'v10', isDefault: false }, { id: 'v9', isDefault: false }, { id: 'v2', isDefault: true }])).toBe('v9');
    expect(oldestNonDefault([{ id: 'v1', isDefault: true }])).toBeUndefined();
  });
});
