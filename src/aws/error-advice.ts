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
