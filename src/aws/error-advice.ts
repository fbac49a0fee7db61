/**
 * What to do about an AWS error that retrying cannot fix. Each permanent class gets one sentence a
 * security engineer can act on; errors without a known fix get none (the AWS message stands alone).
 * Pure: reads the error's code, status and message only, never request parameters.
 */
import { errorCode, httpStatus, isClockSkew, isNotAnAwsAnswer } from './retry.js';

function messageOf(err: unknown): string {
  const m = typeof err === 'object' && err !== null ? (err as { message?: unknown }).message : undefined;
  return typeof m === 'string' ? m : '';
}

const is = (code: string, ...names: string[]): boolean => names.some((n) => code === n || code === `${n}Exception`);

/** "Invalid principal" from IAM (MalformedPolicyDocument) or S3 (MalformedPolicy). */
export function isInvalidPrincipal(err: unknown): boolean {
  const code = errorCode(err) ?? '';
  return (code.startsWith('MalformedPolicyDocument') || code === 'MalformedPolicy') && /invalid principal/i.test(messageOf(err));
}

/** The fix for a permanent AWS error, or undefined when there is nothing more to say than AWS did. */
export function awsErrorAdvice(err: unknown, operation?: string): string | undefined {
  const code = errorCode(err) ?? '';
  if (isClockSkew(err)) {
    return "this machine's clock is more than 5 minutes away from AWS's (AWS refused the request's signature as expired or skewed): sync the clock (e.g. `timedatectl set-ntp true` or `chronyc makestep`), then rerun";
  }
  if (isNotAnAwsAnswer(err)) {
    const status = httpStatus(err);
    return (
      `the endpoint answered${status !== undefined ? ` HTTP ${status}` : ''} with something that is not an AWS response: it does not implement ${operation ?? 'this operation'}, ` +
      'or a proxy answered in its place; check AWS_ENDPOINT_URL* and HTTPS_PROXY, then rerun'
    );
  }
  if (is(code, 'LimitExceeded')) {
    return 'an IAM quota is reached (AWS names it above): remove what is unused (old policy versions, attachments beyond 10 per principal, unused users) or raise the quota in Service Quotas, then rerun';
  }
  if (is(code, 'PolicyNotAttachable')) {
    return 'this AWS managed policy cannot be attached to users or roles (AWS reserves it for service-linked roles): choose another managed policy in the manifest';
  }
  if (isInvalidPrincipal(err)) {
    return 'a principal the document names does not exist (a vendor account or role ARN mistyped, or a user or role deleted): fix the ARN in the manifest, then rerun';
  }
  if (code.startsWith('MalformedPolicyDocument') || code === 'MalformedPolicy') {
    return 'AWS rejects the policy document: run `validate` on the manifest and fix the statement AWS names, then rerun';
  }
  return undefined;
}

/**
 * The region S3 says a bucket lives in, from a 301 PermanentRedirect (or the 400 of a wrongly
 * signed region): its `x-amz-bucket-region` header, or the Region element of the error body.
 */
export function bucketRegionOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { $response?: { headers?: Record<string, string | undefined> }; Region?: unknown; $metadata?: { httpStatusCode?: unknown } };
  const header = e.$response?.headers?.['x-amz-bucket-region'];
  const region = header ?? (typeof e.Region === 'string' ? e.Region : undefined);
  return region !== undefined && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(region) ? region : undefined;
}

/** A bucket addressed in the wrong region: PermanentRedirect (301) or AuthorizationHeaderMalformed naming the region. */
export function isWrongBucketRegion(err: unknown): boolean {
  const code = errorCode(err) ?? '';
  const status = httpStatus(err);
  return code === 'PermanentRedirect' || status === 301 || (code === 'AuthorizationHeaderMalformed' && bucketRegionOf(err) !== undefined);
}

/** What to write in the manifest when S3 answers that the bucket lives elsewhere. */
export function wrongRegionAdvice(bucket: string, err: unknown, asked: string | undefined): string {
  const region = bucketRegionOf(err);
  return region !== undefined
    ? `bucket ${bucket} is in region ${region}${asked ? `, not ${asked}` : ''}: set \`billingBucket: { name: ${bucket}, region: ${region} }\` in the manifest`
    : `bucket ${bucket} is in another region than ${asked ?? 'the one asked'} (S3 did not say which): find it with \`aws s3api get-bucket-location --bucket ${bucket}\` and set billingBucket.region in the manifest`;
}
