/**
 * Errors by class, as the executor meets them: each permanent class fails after one attempt with
 * its fix, eventual consistency is retried only inside the create-time window (IAM and S3 alike),
 * clock skew is named as such. The errors are shaped as the SDK shapes them (code, status, message).
 */
import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import { awsCall, classifyApplyError, type StepContext, StepError } from '../../src/apply/call.js';
import { awsErrorAdvice } from '../../src/aws/error-advice.js';
import { classifyAwsError } from '../../src/aws/retry.js';

function awsError(code: string, status: number, message: string): Error {
  return Object.assign(new Error(message), { name: code, Code: code, $metadata: { httpStatusCode: status }, $fault: status >= 500 ? 'server' : 'client' });
}

function context(created: string[] = []): StepContext & { lines: string[] } {
  const lines: string[] = [];
  return {
    account: 'prod',
    iam: {} as IAMClient,
    s3: {} as S3Client,
    externalIds: new Map(),
    retry: { clock: { now: () => 0, sleep: () => Promise.resolve() }, random: () => 0 },
    created: new Set(created),
    owners: new Map(),
    log: (l) => lines.push(l),
    lines,
  };
}

/** Calls awsCall with an operation failing `failures` times with `err`, then succeeding. */
async function attempt(ctx: StepContext, err: Error, failures = Infinity, opts: { recentlyCreated?: boolean } = {}): Promise<{ calls: number; error?: StepError | Error }> {
  let calls = 0;
  try {
    await awsCall(ctx, 'iam:PutRolePolicy', 'arn:aws:iam::111122223333:role/r', async () => {
      calls++;
      if (calls <= failures) throw err;
      return 'ok';
    }, opts);
    return { calls };
  } catch (e) {
    return { calls, error: e as Error };
  }
}

const invalidPrincipalIam = () => awsError('MalformedPolicyDocument', 400, 'Invalid principal in policy: "AWS":"arn:aws:iam::111122223333:role/new-role"');
const invalidPrincipalS3 = () => awsError('MalformedPolicy', 400, 'Invalid principal in policy');

describe('permanent errors fail at once, with their fix', () => {
  test.each([
    ['LimitExceeded', awsError('LimitExceeded', 409, 'Cannot exceed quota for PoliciesPerRole: 10'), /IAM quota is reached.*Service Quotas/],
    ['PolicyNotAttachable', awsError('PolicyNotAttachable', 400, 'Policy arn:aws:iam::aws:policy/aws-service-role/X is not attachable'), /cannot be attached to users or roles/],
    ['MalformedPolicyDocument', awsError('MalformedPolicyDocument', 400, 'Syntax errors in policy.'), /run `validate`/],
    ['Invalid principal outside the create-time window (IAM)', invalidPrincipalIam(), /a principal the document names does not exist/],
    ['Invalid principal outside the create-time window (S3)', invalidPrincipalS3(), /a principal the document names does not exist/],
    ['an HTML "not implemented" page (501)', Object.assign(new Error('Unknown'), { name: 'Unknown', $metadata: { httpStatusCode: 501 } }), /HTTP 501 with something that is not an AWS response: it does not implement iam:PutRolePolicy/],
    ['an XML parse error', Object.assign(new Error('@aws-sdk XML parse error: unexpected content.\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response'), { $metadata: { httpStatusCode: 500 } }), /not an AWS response/],
  ])('%s: one attempt', async (_name, err, fix) => {
    const ctx = context();
    const r = await attempt(ctx, err);
    expect(r.calls).toBe(1);
    expect(r.error).toBeInstanceOf(StepError);
    expect(r.error?.message).toMatch(fix);
    expect(r.error?.message).not.toMatch(/network path/);
  });

  test('a gateway page (502/503/504 HTML) is still transient: gateways answer those while AWS recovers', () => {
    const html = (status: number) => Object.assign(new Error('@aws-sdk XML parse error: unexpected content'), { $metadata: { httpStatusCode: status } });
    expect([502, 503, 504].map((s) => classifyAwsError(html(s)))).toEqual(['transient', 'transient', 'transient']);
    expect(classifyAwsError(html(404))).toBe('fatal');
  });
});

describe('eventual consistency is retried inside the create-time window only, for IAM and S3 alike', () => {
  test.each([
    ['IAM', invalidPrincipalIam],
    ['S3', invalidPrincipalS3],
  ])('%s "Invalid principal" after this run created a role: retried until accepted', async (_svc, make) => {
    const ctx = context(['role:new-role']);
    const r = await attempt(ctx, make(), 3);
    expect(r).toEqual({ calls: 4 });
    expect(ctx.lines.filter((l) => /retrying in/.test(l))).toHaveLength(3);
  });

  test('still refused when the budget runs out: said to be propagation, never the network', async () => {
    const ctx = context(['user:new-user']);
    const r = await attempt(ctx, invalidPrincipalS3());
    expect(r.calls).toBe(12);
    expect(r.error?.message).toMatch(/still refused as if an entity created moments ago did not exist yet/);
    expect(r.error?.message).not.toMatch(/network path/);
  });

  test('NoSuchEntity is consistency only for an entity this run created', () => {
    const nse = awsError('NoSuchEntity', 404, 'The role with name r cannot be found.');
    expect(classifyApplyError(nse, { recentlyCreated: true, principalsCreated: true })).toBe('consistency');
    expect(classifyApplyError(nse, { recentlyCreated: false, principalsCreated: true })).toBe('fatal');
    expect(classifyApplyError(awsError('EntityTemporarilyUnmodifiable', 409, 'x'), false)).toBe('consistency');
  });
});

describe('clock skew is named as such', () => {
  test.each([
    awsError('SignatureDoesNotMatch', 403, 'Signature expired: 20261204T100000Z is now earlier than 20261204T101000Z (20261204T102500Z - 15 min.)'),
    awsError('RequestTimeTooSkewed', 403, 'The difference between the request time and the current time is too large.'),
    awsError('InvalidSignatureException', 400, 'Signature expired: 20261204T100000Z is now earlier than ...'),
  ])('%s: not retried, not called a denial; the fix is to sync the clock', async (err) => {
    expect(classifyAwsError(err)).toBe('skew');
    const r = await attempt(context(), err);
    expect(r.calls).toBe(1);
    expect(r.error?.message).toMatch(/clock is more than 5 minutes away from AWS's.*sync the clock/);
    expect(r.error?.message).not.toMatch(/needs iam:/);
  });

  test('a SignatureDoesNotMatch that is not about time stays a denial (wrong secret key)', () => {
    const err = awsError('SignatureDoesNotMatch', 403, 'The request signature we calculated does not match the signature you provided.');
    expect(classifyAwsError(err)).toBe('denied');
    expect(awsErrorAdvice(err)).toBeUndefined();
  });
});
