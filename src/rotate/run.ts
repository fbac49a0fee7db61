/**
 * The imperative shell of `rotate` for one account: per user with a declared access key, take
 * the user's lock, read its keys and record fresh, find out what the sinks hold of a pending
 * key an interrupted run left (./deliver.ts), read last use only where a decision waits for it,
 * plan (./lifecycle.ts), and carry out the steps in order. A failure stops that user's
 * remaining steps (they depend on each other) but never the other users.
 *
 * Secrets: the secret access key exists only in local variables between CreateAccessKey (or its
 * read-back from a pending Secrets Manager version) and the last sink; `mask` runs on it before
 * anything else, and every message that leaves this module is scrubbed of it. Results hold key
 * IDs masked (`AKIA…WXYZ`) and no secret.
 */
import { DeleteAccessKeyCommand, GetUserCommand, TagUserCommand, UntagUserCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { isNoSuchEntity } from '../apply/call.js';
import type { AccessKeyState, UserState } from '../aws/inventory-model.js';
import { readAccessKeys, readKeysLastUsed } from '../aws/inventory.js';
import { classifyAwsError, errorSummary, realClock, RetriesExhaustedError, withRetry, type RetryOptions } from '../aws/retry.js';
import type { ConnectionSpec } from '../manifest/model.js';
import { formatDuration, KEY_PENDING_TAG, KEY_PREVIOUS_TAG, maskKeyId, type KeyRecord } from '../plan/keys.js';
import { temporaryWindow } from '../plan/temporary.js';
import { scrub } from '../sinks/payload.js';
import { probePending, resumeKey, rotateKey } from './deliver.js';
import { planUserRotation, type NextEvent, type PendingDelivery, type RotationStep } from './lifecycle.js';
import { acquireLocks, assertLockHeld, clearStaleLock, readUserTags, releaseUserLock, withBatchedLocks, type LockResult } from './lock.js';
import { iamCall, type GuardPoint, type RotateAccountInput, type StepEnv } from './step-env.js';
import { mapLimit } from '../concurrency.js';

export type { RotateAccountInput, RotateClients } from './step-env.js';

/** How long a user missing right after CreateUser is looked for again (IAM is eventually consistent). */
const USER_PROPAGATION_MS = 20_000;

export interface KeyView {
  /** Masked: `AKIA…WXYZ`. */
  keyId: string;
  status: 'Active' | 'Inactive';
  created: string;
  /** `91d`, from IAM's CreateDate. */
  age: string;
  /** Present only when read (a decision depended on it); null: never used. */
  lastUsed?: string | null;
  /** Its role in the record. */
  role: 'current' | 'previous' | 'pending' | 'unrecorded';
}

export interface StepOutcome {
  kind: RotationStep['kind'];
  /** Masked. */
  keyId?: string;
  status: 'done' | 'failed' | 'not-run';
  message: string;
}

export interface UserRotationResult {
  account: string;
  connection: string;
  user: string;
  status: 'changed' | 'unchanged' | 'failed' | 'locked' | 'skipped';
  before: KeyView[];
  after: KeyView[];
  steps: StepOutcome[];
  /** Sinks the new key reached, when a rotation ran. */
  delivered: string[];
  warnings: string[];
  failures: string[];
  /** Upcoming events (key IDs masked in `keyId`), earliest first. */
  next: NextEvent[];
}

export interface RotateAccountResult {
  account: string;
  users: UserRotationResult[];
  failed: boolean;
}

function keyViews(keys: readonly AccessKeyState[], record: KeyRecord, now: Date): KeyView[] {
  return [...keys]
    .sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id))
    .map((k) => {
      const view: KeyView = {
        keyId: maskKeyId(k.id),
        status: k.status,
        created: k.created,
        age: formatDuration((now.getTime() - Date.parse(k.created)) / 1000),
        role: k.id === record.current?.id ? 'current' : k.id === record.previous?.id ? 'previous' : k.id === record.pending?.id ? 'pending' : 'unrecorded',
      };
      if (k.lastUsed !== undefined) view.lastUsed = k.lastUsed;
      return view;
    });
}

export function temporaryStage(conn: ConnectionSpec, user: UserState): { expiresAt: Date; deleteAt: Date } | undefined {
  return temporaryWindow(conn.temporary, user.created);
}

export async function rotateAccount(input: RotateAccountInput): Promise<RotateAccountResult> {
  // Users are independent (each has its own lock and keys); the account's rate limiter paces IAM.
  const mine = input.connections.filter((conn) => conn.accounts.includes(input.account.name) && conn.user?.accessKey);
  // Locks are taken in batches (one settle per batch) for the users with something to do.
  const lock = input.lock;
  const work = async (conn: ConnectionSpec, held?: LockResult): Promise<UserRotationResult> => {
    const done = await rotateUser(input, conn, held);
    input.onUserDone?.(done);
    return done;
  };
  const users =
    lock === false
      ? await mapLimit(mine, input.concurrency ?? 8, (conn) => work(conn))
      : await withBatchedLocks(
          mine,
          {
            needsLock: (conn) => !settledByInventory(input, conn),
            user: (conn) => listedUser(input, conn.user!.name)?.name ?? conn.user!.name,
            size: lock?.batchSize ?? 32,
            concurrency: input.concurrency ?? 8,
            acquire: (names) => acquireLocks(input.clients.iam, names, lockOptions(input)),
          },
          work,
        );
  // A user skipped because another run holds its lock is not done: the run says so and fails,
  // so a lock left by a killed run cannot hide a missing or unrecorded key.
  return { account: input.account.name, users, failed: users.some((u) => u.status === 'failed' || u.status === 'locked') };
}

function lockOptions(input: RotateAccountInput): Parameters<typeof acquireLocks>[2] {
  const clock = input.clock ?? realClock;
  return { runId: input.runId, clock, retry: { ...input.retry, clock: input.retry?.clock ?? clock }, ...(input.lock || {}) };
}

function lifecycleOf(input: RotateAccountInput, conn: ConnectionSpec, live: UserState): Omit<Parameters<typeof planUserRotation>[0], 'keys' | 'tags'> {
  const temporary = temporaryStage(conn, live);
  return { rules: conn.user!.accessKey!.rules, now: input.now, user: live.name, ...(temporary ? { temporary } : {}) };
}

const idle = (p: ReturnType<typeof planUserRotation>): boolean => p.needsLastUsed.length === 0 && p.needsPendingProbe === undefined && p.steps.every((st) => st.kind === 'warn');

function listedUser(input: RotateAccountInput, name: string): UserState | undefined {
  const lower = name.toLowerCase();
  return input.inventory.users.find((u) => u.name.toLowerCase() === lower);
}

/** The inventory already shows nothing to do for this user: no lock is taken for it. */
function settledByInventory(input: RotateAccountInput, conn: ConnectionSpec): boolean {
  const live = listedUser(input, conn.user!.name);
  if (live === undefined) return input.requireUsers !== true;
  return live.accessKeys !== undefined && idle(planUserRotation({ keys: live.accessKeys, tags: live.tags, ...lifecycleOf(input, conn, live) }));
}

/**
 * The declared user as IAM names it (names compare case-insensitively in IAM): from the
 * inventory, or, when a user created a moment ago is not listed yet, read again with backoff.
 */
async function findUser(input: RotateAccountInput, name: string, retry: RetryOptions): Promise<UserState | undefined> {
  const lower = name.toLowerCase();
  const listed = input.inventory.users.find((u) => u.name.toLowerCase() === lower);
  if (listed || input.requireUsers !== true) return listed;
  try {
    const out = await withRetry(() => input.clients.iam.send(new GetUserCommand({ UserName: name })), {
      ...retry,
      maxElapsedMs: USER_PROPAGATION_MS,
      label: `iam:GetUser ${name}`,
      baseDelayMs: 1_000,
      classify: (err) => (isNoSuchEntity(err) ? 'transient' : classifyAwsError(err)),
    });
    const u = out.User;
    if (!u?.UserName || !u.Arn) return undefined;
    const tags = Object.fromEntries((u.Tags ?? []).flatMap((t) => (t.Key !== undefined && t.Value !== undefined ? [[t.Key, t.Value]] : [])));
    return { name: u.UserName, arn: u.Arn, id: u.UserId ?? '', path: u.Path ?? '/', created: (u.CreateDate ?? input.now).toISOString(), tags, attached: [], inline: [], groups: [] };
  } catch (err) {
    if (isNoSuchEntity(err instanceof RetriesExhaustedError ? err.cause : err)) return undefined;
    throw err;
  }
}

async function rotateUser(input: RotateAccountInput, conn: ConnectionSpec, preLock?: LockResult): Promise<UserRotationResult> {
  const spec = conn.user!;
  const clock = input.clock ?? realClock;
  const retry: RetryOptions = { ...input.retry, clock: input.retry?.clock ?? clock };
  const result: UserRotationResult = {
    account: input.account.name,
    connection: conn.name,
    user: spec.name,
    status: 'unchanged',
    before: [],
    after: [],
    steps: [],
    delivered: [],
    warnings: [],
    failures: [],
    next: [],
  };
  const log = (line: string): void => input.log(`${input.account.name}/${conn.name}: ${line}`);
  const secrets: string[] = [];
  let live: UserState | undefined;
  try {
    live = await findUser(input, spec.name, retry);
  } catch (err) {
    result.status = 'failed';
    result.failures.push(`reading user ${spec.name} in account ${input.account.name} failed: ${errorSummary(err)}; rerun rotate`);
    return result;
  }
  if (!live && input.requireUsers !== true) {
    const window = temporaryWindow(conn.temporary, undefined);
    if (window !== undefined && input.now >= window.expiresAt) {
      // An expired temporary user that is gone is the cleanup done, not a missing key.
      result.status = 'skipped';
      result.warnings.push(`user ${spec.name} of temporary connection ${conn.name} expired ${window.expiresAt.toISOString()} and no longer exists in account ${input.account.name}: nothing to rotate`);
      return result;
    }
    if (conn.temporary?.ttl !== undefined) {
      result.status = 'skipped';
      result.warnings.push(
        `user ${spec.name} of temporary connection ${conn.name} (ttl) does not exist in account ${input.account.name}: either apply has not created it yet or it was removed after its ttl; nothing to rotate. Once retired, delete the connection from the manifest (apply would create it again)`,
      );
      return result;
    }
    // A scheduled rotate is often the only job that runs: a declared key that does not exist
    // (apply never ran for this account, or the user was deleted by hand) fails it, so someone looks.
    result.status = 'failed';
    result.failures.push(
      `user ${spec.name} does not exist in account ${input.account.name}, so its declared access key does not either: run apply (it creates the user, its first key and delivers it); plan reports the user as missing`,
    );
    return result;
  }
  if (!live) {
    // Never a silent skip: a declared key that cannot be made is a failure of the run.
    result.status = 'failed';
    result.failures.push(
      `user ${spec.name} does not exist in account ${input.account.name} (looked for again for ${USER_PROPAGATION_MS / 1000} s, as IAM can take that long to show a new user): its first access key could not be made; rerun apply`,
    );
    return result;
  }
  const user = live.name;
  let locked = false;
  let finalTags: Record<string, string> | undefined;
  const lifecycle = lifecycleOf(input, conn, live);
  // The tags read when the lock was confirmed are fresh: they spare one read.
  let lockedTags: Record<string, string> | undefined;
  const useLock = (lock: LockResult): boolean => {
    if (lock.held) {
      if (lock.note !== undefined) log(lock.note);
      lockedTags = lock.tags;
      return (locked = true);
    }
    result.status = lock.failed ? 'failed' : 'locked';
    (lock.failed ? result.failures : result.warnings).push(lock.message);
    log(lock.failed ? lock.message : 'locked by another run, skipped');
    return false;
  };
  const takeLock = async (): Promise<boolean> => useLock((await acquireLocks(input.clients.iam, [user], lockOptions(input))).get(user)!);
  // Re-checked before CreateAccessKey, each deactivate or delete, and the record: a lost lock stops this user (LockLost).
  const GUARD_WORDS: Record<GuardPoint, string> = { 'create-key': 'creating a new access key', 'retire-key': 'retiring a key', record: 'recording the key' };
  const guard = async (point: GuardPoint): Promise<void> => {
    if (locked) await assertLockHeld(input.clients.iam, user, GUARD_WORDS[point], lockOptions(input));
  };
  try {
    // A run with nothing to do for this user writes nothing, not even the lock (the account loop took it for the others).
    const settled = input.lock !== false && preLock === undefined;
    if (preLock !== undefined && !useLock(preLock)) return result;
    if (settled) {
      const cleared = await clearStaleLock(input.clients.iam, user, live.tags, lockOptions(input));
      if (cleared !== undefined) log(`${cleared} (nothing else to do for ${user})`);
    }
    // Fresh (under the lock when one was needed): a run that finished a moment ago must not be redone.
    let keys = await readAccessKeys(input.clients.iam, user, { account: input.account.name, retry });
    let tags = lockedTags ?? (await readUserTags(input.clients.iam, user, retry));
    let plan = planUserRotation({ keys, tags, ...lifecycle });
    if (!locked && input.lock !== false && !idle(plan)) {
      // The account changed since it was read: take the lock after all, then read again under it.
      if (!(await takeLock())) return result;
      keys = await readAccessKeys(input.clients.iam, user, { account: input.account.name, retry });
      tags = lockedTags ?? (await readUserTags(input.clients.iam, user, retry));
      plan = planUserRotation({ keys, tags, ...lifecycle });
    }
    const env: StepEnv = { user: live, conn, record: plan.record, secrets, retry, clock, log, result, guard };
    let pending: { delivery: PendingDelivery; secret?: string; why: string } | undefined;
    if (plan.needsPendingProbe !== undefined) {
      pending = await probePending(input, env, plan.needsPendingProbe);
      if (pending.secret !== undefined) {
        secrets.push(pending.secret);
        input.mask(pending.secret);
      }
      log(`pending key ${maskKeyId(plan.needsPendingProbe)}: ${pending.delivery} (${pending.why})`);
      plan = planUserRotation({ keys, tags, ...lifecycle, pendingDelivery: pending.delivery });
    }
    if (plan.needsLastUsed.length > 0) {
      const used = await readKeysLastUsed(input.clients.iam, plan.needsLastUsed, { account: input.account.name, retry });
      keys = keys.map((k) => (used.has(k.id) ? { ...k, lastUsed: used.get(k.id) ?? null } : k));
      plan = planUserRotation({ keys, tags, ...lifecycle, ...(pending ? { pendingDelivery: pending.delivery } : {}) });
    }
    result.before = keyViews(keys, plan.record, input.now);
    result.next = plan.next.map((e) => (e.keyId ? { ...e, keyId: maskKeyId(e.keyId) } : e));

    let stopped = false;
    for (const step of plan.steps) {
      const keyId = 'keyId' in step && step.keyId !== undefined ? maskKeyId(step.keyId) : undefined;
      const outcome: StepOutcome = { kind: step.kind, ...(keyId ? { keyId } : {}), status: 'not-run', message: step.reason };
      result.steps.push(outcome);
      if (step.kind === 'warn') {
        result.warnings.push(step.reason);
        continue;
      }
      if (stopped) {
        outcome.message = `not run: an earlier step for ${user} failed (${step.reason})`;
        continue;
      }
      try {
        outcome.message = await runStep(input, step, env, keys, pending?.secret);
        outcome.status = 'done';
        result.status = 'changed';
      } catch (err) {
        outcome.status = 'failed';
        outcome.message = scrub(err instanceof Error ? err.message : String(err), secrets);
        result.failures.push(outcome.message);
        result.status = 'failed';
        stopped = true;
      }
    }
    tags = finalTags = await readUserTags(input.clients.iam, user, retry);
    const after = await readAccessKeys(input.clients.iam, user, { account: input.account.name, retry });
    const lastUse = new Map(keys.map((k) => [k.id, k.lastUsed]));
    const afterKeys = after.map((k) => (lastUse.get(k.id) !== undefined ? { ...k, lastUsed: lastUse.get(k.id) ?? null } : k));
    const afterPlan = planUserRotation({ keys: afterKeys, tags, ...lifecycle, ...(pending ? { pendingDelivery: pending.delivery } : {}) });
    result.after = keyViews(afterKeys, afterPlan.record, input.now);
    if (result.status !== 'failed') result.next = afterPlan.next.map((e) => (e.keyId ? { ...e, keyId: maskKeyId(e.keyId) } : e));
  } catch (err) {
    result.status = 'failed';
    result.failures.push(scrub(`${user}: ${err instanceof Error ? err.message : String(err)}`, secrets));
  } finally {
    if (locked) {
      try {
        await releaseUserLock(input.clients.iam, user, { runId: input.runId, retry }, finalTags);
      } catch (err) {
        result.warnings.push(`the rotate lock on ${user} could not be released (${scrub(errorSummary(err), secrets)}): it expires on its own`);
      }
    }
  }
  return result;
}

async function deleteKey(input: RotateAccountInput, env: StepEnv, keyId: string): Promise<void> {
  await env.guard('retire-key');
  try {
    await iamCall(input, env, 'iam:DeleteAccessKey', () => input.clients.iam.send(new DeleteAccessKeyCommand({ UserName: env.user.name, AccessKeyId: keyId })));
  } catch (err) {
    if (!isNoSuchEntity(err)) throw err;
  }
}

async function untag(input: RotateAccountInput, env: StepEnv, keys: string[]): Promise<void> {
  await iamCall(input, env, 'iam:UntagUser', () => input.clients.iam.send(new UntagUserCommand({ UserName: env.user.name, TagKeys: keys })));
}

async function runStep(input: RotateAccountInput, step: Exclude<RotationStep, { kind: 'warn' }>, env: StepEnv, keys: readonly AccessKeyState[], pendingSecret: string | undefined): Promise<string> {
  const { iam } = input.clients;
  const user = env.user.name;
  const masked = 'keyId' in step ? maskKeyId(step.keyId) : '';
  switch (step.kind) {
    case 'delete-orphan':
    case 'delete': {
      await deleteKey(input, env, step.keyId);
      if (env.record.previous?.id === step.keyId) await untag(input, env, [KEY_PREVIOUS_TAG]);
      const what = step.kind === 'delete-orphan' ? "deleted an interrupted run's leftover key (never used)" : step.why === 'make-room' ? 'deleted the inactive replaced key to make room for a new one:' : 'deleted the retired key';
      env.log(`${what} ${masked}`);
      return `${what} ${masked}`;
    }
    case 'delete-pending': {
      await deleteKey(input, env, step.keyId);
      await untag(input, env, [KEY_PENDING_TAG]);
      env.log(`deleted the interrupted rotation's undelivered key ${masked}`);
      return `deleted the interrupted rotation's key ${masked}, which no sink held`;
    }
    case 'clear-pending': {
      await untag(input, env, [KEY_PENDING_TAG]);
      return `removed the stale pending mark of ${masked}`;
    }
    case 'abandon-pending': {
      // Recorded as replaced, then unmarked: a crash in between leaves it both, which the next
      // run reads as "replaced" (the pending mark of a key that is not current is probed again
      // and abandoned again: the same record).
      await env.guard('record');
      await iamCall(input, env, 'iam:TagUser', () => iam.send(new TagUserCommand({ UserName: user, Tags: [{ Key: KEY_PREVIOUS_TAG, Value: `${step.keyId}@${input.now.toISOString()}` }] })));
      await untag(input, env, [KEY_PENDING_TAG]);
      env.log(`recorded the interrupted rotation's key ${masked} as replaced: it retires like one`);
      return step.reason;
    }
    case 'deactivate': {
      await env.guard('retire-key');
      await iamCall(input, env, 'iam:UpdateAccessKey', () => iam.send(new UpdateAccessKeyCommand({ UserName: user, AccessKeyId: step.keyId, Status: 'Inactive' })));
      env.log(`deactivated ${masked}`);
      return `deactivated ${masked} (${step.why === 'expired' ? 'temporary connection expired' : 'past overlap and unused'})`;
    }
    case 'resume': {
      const key = keys.find((k) => k.id === step.keyId);
      if (!key || pendingSecret === undefined) throw new Error(`the pending key ${masked} could not be resumed (its secret was not read back): rerun rotate`);
      return resumeKey(input, step, { id: key.id, secret: pendingSecret, created: key.created }, env);
    }
    case 'rotate':
      return rotateKey(input, step, env);
  }
}
