/**
 * What every stage of a user's rotation shares: the account-wide input, the per-user
 * environment, and the IAM call wrapper that turns failures into messages saying what to do.
 */
import type { IAMClient } from '@aws-sdk/client-iam';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { STSClient } from '@aws-sdk/client-sts';
import { classifyApplyError, isNoSuchEntity } from '../apply/call.js';
import type { AccountInventory, UserState } from '../aws/inventory-model.js';
import { errorSummary, withRetry, type RetryClock, type RetryOptions } from '../aws/retry.js';
import type { LockSettings } from './lock.js';
import type { ConnectionSpec } from '../manifest/model.js';
import type { KeyRecord } from '../plan/keys.js';
import type { GitHubSecretsClient } from '../sinks/github-secrets.js';
import type { UserRotationResult } from './run.js';

export interface RotateClients {
  iam: IAMClient;
  /** A client for the account (manifest name or ID; absent: this account) and region of a secret. */
  secretsManager: (target: { account?: string; region: string }) => SecretsManagerClient;
  /** Absent: GitHub sinks fail with a message saying a token is needed. */
  github?: GitHubSecretsClient;
  /** The STS client verification signs with the new key; default: stsClient with those credentials. */
  verifyClient?: (credentials: { accessKeyId: string; secretAccessKey: string }, region: string) => STSClient;
}

export interface RotateAccountInput {
  account: { name: string; id: string };
  /** Users (ARN, tags, creation) of the account; keys are read again under the lock. */
  inventory: AccountInventory;
  /** Connections declared for this account (others are ignored). */
  connections: readonly ConnectionSpec[];
  clients: RotateClients;
  /** Region for STS and for secrets that name none. */
  region: string;
  /** The tool's now (IAM_CONNECTIONS_NOW in tests): every age is measured from it. */
  now: Date;
  /**
   * The tool's clock as it runs on (src/clock.ts `now`). The record's delivery time is read from
   * it when the record is written, after verification and every sink, so the new key's own
   * verification call is never taken for the vendor's first use (src/plan/keys.ts
   * switchEvidence). Absent: `now`, which is earlier still (tests that fix the instant).
   */
  clockNow?: () => Date;
  /** Names this run in the lock tag. */
  runId: string;
  /** Called with the secret access key the moment it exists (`core.setSecret`). */
  mask: (secret: string) => void;
  log: (line: string) => void;
  /** For `output` sinks (`core.setOutput`); the value is already masked. */
  setOutput?: (name: string, value: string) => void;
  /** Told as each user is finished: for progress lines. */
  onUserDone?: (result: UserRotationResult) => void;
  /**
   * Every declared user must exist (apply, right after creating them): one missing from the
   * inventory is read again with backoff (IAM is eventually consistent) and, if still missing,
   * fails the run. Otherwise (rotate alone) one missing fails without that wait (apply has not made it,
   * or it was deleted by hand), unless it is an expired temporary user: then it is the cleanup done.
   */
  requireUsers?: boolean;
  /** Users rotated at once. Default 8. */
  concurrency?: number;
  /** `false`: no lock (a single run is guaranteed by the caller). */
  lock?: LockSettings | false;
  /** Wall clock for the lock and verification backoff (never `as-of`). */
  clock?: RetryClock;
  verify?: { maxElapsedMs?: number };
  retry?: RetryOptions;
  /**
   * Test seam: runs right after CreateAccessKey returned, before the key is marked pending.
   * Throwing stops the user's rotation there with no cleanup at all, as a killed process would.
   */
  afterCreate?: (user: string, keyId: string) => void | Promise<void>;
}

/** Stops a user's rotation where a killed process would have stopped: no cleanup. */
export class Interrupted extends Error {}

/**
 * Where a run must still own the user before it goes on: before CreateAccessKey, before each
 * deactivate or delete, before recording (src/rotate/lock.ts re-checks the lock there).
 */
export type GuardPoint = 'create-key' | 'retire-key' | 'record';

export interface StepEnv {
  user: UserState;
  conn: ConnectionSpec;
  record: KeyRecord;
  secrets: string[];
  retry: RetryOptions;
  clock: RetryClock;
  log: (line: string) => void;
  result: UserRotationResult;
  guard: (point: GuardPoint) => Promise<void>;
}

export async function iamCall<T>(input: RotateAccountInput, env: StepEnv, action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await withRetry(fn, { ...env.retry, label: `${action} (user ${env.user.name})`, classify: (e) => classifyApplyError(e, false) });
  } catch (err) {
    if (isNoSuchEntity(err)) throw err;
    const denied = classifyApplyError(err, false) === 'denied';
    throw new Error(
      `${action} on user ${env.user.name} in account "${input.account.name}" failed: ${errorSummary(err)}.` +
        (denied ? ` Grant ${action} on ${env.user.arn} to the role rotate uses, then rerun rotate.` : ' Rerun rotate: every step is idempotent.'),
    );
  }
}
