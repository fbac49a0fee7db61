/**
 * Every AWS call the executor makes goes through `awsCall`: `withRetry` (throttling, 5xx,
 * network) plus eventual consistency, which only the executor meets because it writes. Right
 * after this run created a user or role, IAM and S3 alike may answer
 *  - MalformedPolicyDocument / MalformedPolicy "Invalid principal" (a trust or bucket policy naming it),
 *  - NoSuchEntity for the entity just created;
 * and any time, EntityTemporarilyUnmodifiable or ConcurrentModification. Those are retried with the
 * same bounded, jittered backoff. Outside that window the same answers are permanent (a mistyped
 * ARN, a policy that does not exist) and fail at once with their fix (../aws/error-advice.ts), as do
 * AccessDenied (naming the permission and the resource), clock skew and non-AWS answers.
 */
import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import { awsErrorAdvice, isInvalidPrincipal } from '../aws/error-advice.js';
import { classifyAwsError, errorCode, errorSummary, RetriesExhaustedError, withRetry, type ErrorClass, type RetryOptions } from '../aws/retry.js';

/** A step that could not be carried out; `message` says what, where and how to fix it. */
export class StepError extends Error {
  readonly code: string | undefined;
  /** A name clash with a resource that is not ours: stops the rest of the connection. */
  readonly conflict: boolean;
  constructor(message: string, opts: { code?: string; conflict?: boolean; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'StepError';
    this.code = opts.code;
    this.conflict = opts.conflict === true;
  }
}

/** What a step needs: one account's clients and the run's memory. */
export interface StepContext {
  /** Manifest name of the account. */
  account: string;
  iam: IAMClient;
  s3: S3Client;
  /** An S3 client for a bucket's own region (billingBucket.region); absent: `s3` is used. */
  s3For?: (region: string) => S3Client;
  /** `{ env: NAME }` values, and placeholder → value for external IDs written in the manifest. */
  externalIds: ReadonlyMap<string, string>;
  retry: RetryOptions;
  /** Entities created in this run (`user:<name>`, `role:<name>`, `policy:<arn>`): NoSuchEntity on them is eventual consistency. */
  created: Set<string>;
  /** Owner tags read live in this run, by `user:<name>` / `role:<name>` / `policy:<arn>`. */
  owners: Map<string, string | null>;
  log: (line: string) => void;
}

const CONSISTENCY_CODES = new Set(['EntityTemporarilyUnmodifiable', 'EntityTemporarilyUnmodifiableException', 'ConcurrentModification', 'ConcurrentModificationException']);

/** What the executor knows about the create-time window of the entities a call touches. */
export interface Recency {
  /** The entity the call acts on (or the policy it attaches) was created in this run. */
  recentlyCreated: boolean;
  /** This run created a user or role in the account: a document naming it may not be accepted yet. */
  principalsCreated: boolean;
}

/** The retry classification of the executor: withRetry's, plus eventual consistency inside the create-time window. */
export function classifyApplyError(err: unknown, recency: boolean | Recency): ErrorClass {
  const r = typeof recency === 'boolean' ? { recentlyCreated: recency, principalsCreated: recency } : recency;
  const base = classifyAwsError(err);
  if (base !== 'fatal') return base;
  const code = errorCode(err) ?? '';
  if (CONSISTENCY_CODES.has(code)) return 'consistency';
  if (isInvalidPrincipal(err)) return r.principalsCreated || r.recentlyCreated ? 'consistency' : 'fatal';
  if (r.recentlyCreated && isNoSuchEntity(err)) return 'consistency';
  return 'fatal';
}

export function isNoSuchEntity(err: unknown): boolean {
  const c = errorCode(err);
  return c === 'NoSuchEntity' || c === 'NoSuchEntityException';
}

export function isCode(err: unknown, ...codes: string[]): boolean {
  const c = errorCode(err);
  return c !== undefined && codes.some((x) => c === x || c === `${x}Exception`);
}

/**
 * One AWS call with the executor's retries. `action` is the IAM/S3 permission (`iam:CreateUser`)
 * and `resource` the ARN (or name) it acts on: both go into the message of a denial.
 * Errors other than denial and exhaustion are rethrown as is, for the step to interpret
 * (EntityAlreadyExists, NoSuchEntity...).
 */
export async function awsCall<T>(
  ctx: StepContext,
  action: string,
  resource: string,
  fn: () => Promise<T>,
  opts: { recentlyCreated?: boolean; permanent?: (err: unknown) => boolean } = {},
): Promise<T> {
  const recentlyCreated = opts.recentlyCreated === true;
  const principalsCreated = [...ctx.created].some((k) => k.startsWith('user:') || k.startsWith('role:'));
  try {
    return await withRetry(fn, {
      ...ctx.retry,
      label: `${action} on ${resource}`,
      classify: (err) => (opts.permanent?.(err) === true ? 'fatal' : classifyApplyError(err, { recentlyCreated, principalsCreated })),
      onRetry: (info) => {
        ctx.retry.onRetry?.(info);
        if ((info.errorClass === 'transient' || info.errorClass === 'consistency') && info.code !== undefined) {
          ctx.log(`${ctx.account}: ${action} on ${resource}: ${info.code}, retrying in ${info.delayMs} ms (attempt ${info.attempt})`);
        }
      },
    });
  } catch (err) {
    if (err instanceof RetriesExhaustedError) {
      throw new StepError(err.message, {
        code: errorCode(err.cause),
        cause: err,
      });
    }
    if (classifyAwsError(err) === 'denied') {
      throw new StepError(
        `the iam-connections role in account "${ctx.account}" needs ${action} on ${resource} (AWS said: ${errorSummary(err)}). ` +
          'Grant it in the reconciler role\'s policy (scoped to the connections path if you like), then rerun apply.',
        { code: errorCode(err), cause: err },
      );
    }
    const advice = awsErrorAdvice(err, action);
    if (advice !== undefined) throw new StepError(`${action} on ${resource} failed: ${errorSummary(err)}; ${advice}`, { code: errorCode(err), cause: err });
    throw err;
  }
}

/** Wraps an unexpected AWS error of a step into a StepError saying which step and resource. */
export function stepFailure(what: string, err: unknown, hint = ''): StepError {
  if (err instanceof StepError) return err;
  return new StepError(`${what} failed: ${errorSummary(err)}${hint ? `. ${hint}` : ''}`, { code: errorCode(err), cause: err });
}
