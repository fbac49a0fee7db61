/**
 * The imperative shell of `rotate` for one account: per user with a declared access key, take
 * the user's lock, read its keys and record fresh, plan (./lifecycle.ts), read last use only
 * where a decision waits for it, and carry out the steps in order. A failure stops that user's
 * remaining steps (they depend on each other) but never the other users.
 *
 * Secrets: the secret access key exists only in a local variable between CreateAccessKey and
 * the last sink; `mask` runs on it before anything else, and every message that leaves this
 * module is scrubbed of it. Results hold key IDs masked (`AKIA…WXYZ`) and no secret.
 */
import { CreateAccessKeyCommand, DeleteAccessKeyCommand, TagUserCommand, UntagUserCommand, UpdateAccessKeyCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { STSClient } from '@aws-sdk/client-sts';
import { classifyApplyError, isNoSuchEntity } from '../apply/call.js';
import type { AccessKeyState, AccountInventory, UserState } from '../aws/inventory-model.js';
import { readAccessKeys, readKeysLastUsed } from '../aws/inventory.js';
import { errorSummary, realClock, withRetry, type RetryClock, type RetryOptions } from '../aws/retry.js';
import type { ConnectionSpec, Sink } from '../manifest/model.js';
import { formatDuration, KEY_CURRENT_TAG, KEY_PREVIOUS_TAG, keyRecordTags, maskKeyId, type KeyRecord } from '../plan/keys.js';
import { deliverToGitHubSecret, type GitHubSecretsClient } from '../sinks/github-secrets.js';
import { deliverToOutput } from '../sinks/output.js';
import { scrub, type KeyPayload } from '../sinks/payload.js';
import { deliverToSecretsManager, SinkError, type SinkDelivery } from '../sinks/secrets-manager.js';
import { verifyKey } from '../sinks/verify.js';
import { effectiveKeys, planUserRotation, type NextEvent, type RotationStep } from './lifecycle.js';
import { acquireLocks, assertLockHeld, clearStaleLock, readUserTags, releaseUserLock, withBatchedLocks, type LockResult, type LockSettings } from './lock.js';
import { mapLimit } from '../concurrency.js';
import { now as clockNow } from '../clock.js';

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
  /** The instant rules are evaluated at (`as-of`, or now). */
  now: Date;
  /** Names this run in the lock tag. */
  runId: string;
  /** Called with the secret access key the moment it exists (`core.setSecret`). */
  mask: (secret: string) => void;
  log: (line: string) => void;
  /** For `output` sinks (`core.setOutput`); the value is already masked. */
  setOutput?: (name: string, value: string) => void;
  /** Told as each user is finished: for progress lines. */
  onUserDone?: (result: UserRotationResult) => void;
  /** Users rotated at once. Default 8. */
  concurrency?: number;
  /** `false`: no lock (a single run is guaranteed by the caller). */
  lock?: LockSettings | false;
  /** Wall clock for the lock and verification backoff (never `as-of`). */
  clock?: RetryClock;
  verify?: { maxElapsedMs?: number };
  retry?: RetryOptions;
  /**
   * Test seam: runs right after CreateAccessKey returned, before delivery. Throwing stops the
   * user's rotation there with no cleanup at all, as a killed process would.
   */
  afterCreate?: (user: string, keyId: string) => void | Promise<void>;
}

export interface KeyView {
  /** Masked: `AKIA…WXYZ`. */
  keyId: string;
  status: 'Active' | 'Inactive';
  created: string;
  /** `91d`, from the later of CreateDate and the recorded delivery. */
  age: string;
  /** Present only when read (a decision depended on it); null: never used. */
  lastUsed?: string | null;
  /** Its role in the record. */
  role: 'current' | 'previous' | 'unrecorded';
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

/** Stops a user's rotation where a killed process would have stopped: no cleanup. */
class Interrupted extends Error {}

function keyViews(keys: readonly AccessKeyState[], record: KeyRecord, now: Date): KeyView[] {
  return effectiveKeys(keys, record)
    .sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id))
    .map((k) => {
      const view: KeyView = {
        keyId: maskKeyId(k.id),
        status: k.status,
        created: k.created,
        age: formatDuration((now.getTime() - Date.parse(k.created)) / 1000),
        role: k.id === record.current?.id ? 'current' : k.id === record.previous?.id ? 'previous' : 'unrecorded',
      };
      if (k.lastUsed !== undefined) view.lastUsed = k.lastUsed;
      return view;
    });
}

export function temporaryStage(conn: ConnectionSpec, user: UserState): { expiresAt: Date; deleteAt: Date } | undefined {
  const t = conn.temporary;
  if (!t) return undefined;
  const expiresAt = t.expires !== undefined ? new Date(t.expires) : t.ttl !== undefined ? new Date(Date.parse(user.created) + t.ttl * 1000) : undefined;
  if (expiresAt === undefined || Number.isNaN(expiresAt.getTime())) return undefined;
  return { expiresAt, deleteAt: new Date(expiresAt.getTime() + t.deleteAfter * 1000) };
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
            user: (conn) => conn.user!.name,
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
  return { rules: conn.user!.accessKey!.rules, now: input.now, ...(temporary ? { temporary } : {}) };
}

const idle = (p: ReturnType<typeof planUserRotation>): boolean => p.needsLastUsed.length === 0 && p.steps.every((st) => st.kind === 'warn');

/** The inventory already shows nothing to do for this user: no lock is taken for it. */
function settledByInventory(input: RotateAccountInput, conn: ConnectionSpec): boolean {
  const live = input.inventory.users.find((u) => u.name === conn.user!.name);
  return live === undefined || (live.accessKeys !== undefined && idle(planUserRotation({ keys: live.accessKeys, tags: live.tags, ...lifecycleOf(input, conn, live) })));
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
  const live = input.inventory.users.find((u) => u.name === spec.name);
  if (!live) {
    result.status = 'skipped';
    result.warnings.push(`user ${spec.name} does not exist in account ${input.account.name}: run apply first (it creates the user; rotate creates and delivers its key)`);
    return result;
  }
  const secrets: string[] = [];
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
  const takeLock = async (): Promise<boolean> => useLock((await acquireLocks(input.clients.iam, [spec.name], lockOptions(input))).get(spec.name)!);
  try {
    // A run with nothing to do for this user writes nothing, not even the lock (the account loop took it for the others).
    const settled = input.lock !== false && preLock === undefined;
    if (preLock !== undefined && !useLock(preLock)) return result;
    if (settled) {
      const cleared = await clearStaleLock(input.clients.iam, spec.name, live.tags, lockOptions(input));
      if (cleared !== undefined) log(`${cleared} (nothing else to do for ${spec.name})`);
    }
    // Fresh (under the lock when one was needed): a run that finished a moment ago must not be redone.
    let keys = await readAccessKeys(input.clients.iam, spec.name, { account: input.account.name, retry });
    let tags = lockedTags ?? (await readUserTags(input.clients.iam, spec.name, retry));
    let plan = planUserRotation({ keys, tags, ...lifecycle });
    if (!locked && input.lock !== false && !idle(plan)) {
      // The account changed since it was read: take the lock after all, then read again under it.
      if (!(await takeLock())) return result;
      keys = await readAccessKeys(input.clients.iam, spec.name, { account: input.account.name, retry });
      tags = lockedTags ?? (await readUserTags(input.clients.iam, spec.name, retry));
      plan = planUserRotation({ keys, tags, ...lifecycle });
    }
    if (plan.needsLastUsed.length > 0) {
      const used = await readKeysLastUsed(input.clients.iam, plan.needsLastUsed, { account: input.account.name, retry });
      keys = keys.map((k) => (used.has(k.id) ? { ...k, lastUsed: used.get(k.id) ?? null } : k));
      plan = planUserRotation({ keys, tags, ...lifecycle });
    }
    result.before = keyViews(keys, plan.record, input.now);
    result.next = plan.next.map((e) => (e.keyId ? { ...e, keyId: maskKeyId(e.keyId) } : e));

    // Re-checked before each write to keys or the record: a lost lock stops this user (LockLost).
    const guard = async (before: string): Promise<void> => {
      if (locked) await assertLockHeld(input.clients.iam, spec.name, before, lockOptions(input));
    };
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
        outcome.message = `not run: an earlier step for ${spec.name} failed (${step.reason})`;
        continue;
      }
      try {
        outcome.message = await runStep(input, step, { user: live, conn, record: plan.record, secrets, retry, clock, log, result, guard });
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
    tags = finalTags = await readUserTags(input.clients.iam, spec.name, retry);
    const after = await readAccessKeys(input.clients.iam, spec.name, { account: input.account.name, retry });
    const lastUse = new Map(keys.map((k) => [k.id, k.lastUsed]));
    const afterKeys = after.map((k) => (lastUse.get(k.id) !== undefined ? { ...k, lastUsed: lastUse.get(k.id) ?? null } : k));
    const afterPlan = planUserRotation({ keys: afterKeys, tags, ...lifecycle });
    result.after = keyViews(afterKeys, afterPlan.record, input.now);
    if (result.status !== 'failed') result.next = afterPlan.next.map((e) => (e.keyId ? { ...e, keyId: maskKeyId(e.keyId) } : e));
  } catch (err) {
    result.status = 'failed';
    result.failures.push(scrub(`${spec.name}: ${err instanceof Error ? err.message : String(err)}`, secrets));
  } finally {
    if (locked) {
      try {
        await releaseUserLock(input.clients.iam, spec.name, { runId: input.runId, retry }, finalTags);
      } catch (err) {
        result.warnings.push(`the rotate lock on ${spec.name} could not be released (${scrub(errorSummary(err), secrets)}): it expires on its own`);
      }
    }
  }
  return result;
}

interface StepEnv {
  user: UserState;
  conn: ConnectionSpec;
  record: KeyRecord;
  secrets: string[];
  retry: RetryOptions;
  clock: RetryClock;
  log: (line: string) => void;
  result: UserRotationResult;
  /** Throws LockLost unless this run still holds the user's lock. */
  guard: (before: string) => Promise<void>;
}

async function iamCall<T>(input: RotateAccountInput, env: StepEnv, action: string, fn: () => Promise<T>): Promise<T> {
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

async function runStep(input: RotateAccountInput, step: Exclude<RotationStep, { kind: 'warn' }>, env: StepEnv): Promise<string> {
  const { iam } = input.clients;
  const user = env.user.name;
  switch (step.kind) {
    case 'delete-orphan':
    case 'delete': {
      await env.guard(`deleting ${maskKeyId(step.keyId)}`);
      try {
        await iamCall(input, env, 'iam:DeleteAccessKey', () => iam.send(new DeleteAccessKeyCommand({ UserName: user, AccessKeyId: step.keyId })));
      } catch (err) {
        if (!isNoSuchEntity(err)) throw err;
      }
      if (env.record.previous?.id === step.keyId) {
        await iamCall(input, env, 'iam:UntagUser', () => iam.send(new UntagUserCommand({ UserName: user, TagKeys: [KEY_PREVIOUS_TAG] })));
      }
      const what = step.kind === 'delete-orphan' ? 'deleted the unrecorded key' : step.why === 'make-room' ? 'deleted the inactive replaced key to make room for a new one:' : 'deleted the retired key';
      env.log(`${what} ${maskKeyId(step.keyId)}`);
      return `${what} ${maskKeyId(step.keyId)}`;
    }
    case 'deactivate': {
      await env.guard(`deactivating ${maskKeyId(step.keyId)}`);
      await iamCall(input, env, 'iam:UpdateAccessKey', () => iam.send(new UpdateAccessKeyCommand({ UserName: user, AccessKeyId: step.keyId, Status: 'Inactive' })));
      env.log(`deactivated ${maskKeyId(step.keyId)}`);
      return `deactivated ${maskKeyId(step.keyId)} (${step.why === 'expired' ? 'temporary connection expired' : 'past overlap and unused'})`;
    }
    case 'rotate':
      return rotate(input, step, env);
  }
}

async function rotate(input: RotateAccountInput, step: Extract<RotationStep, { kind: 'rotate' }>, env: StepEnv): Promise<string> {
  const { iam } = input.clients;
  const user = env.user.name;
  const sinks = env.conn.user?.accessKey?.deliver ?? [];
  if (sinks.length === 0) throw new Error(`connection ${env.conn.name} declares no sink for the key of ${user}: add accessKey.deliver (manifest/no-sink)`);
  await env.guard('creating a new access key');
  const created = await iamCall(input, env, 'iam:CreateAccessKey', () => iam.send(new CreateAccessKeyCommand({ UserName: user })));
  const key = created.AccessKey;
  const secret = key?.SecretAccessKey;
  if (secret) {
    env.secrets.push(secret);
    input.mask(secret);
  }
  if (!key?.AccessKeyId || !secret) throw new Error(`iam:CreateAccessKey for ${user} returned no key: rerun rotate (an unrecorded key, if any, is deleted first)`);
  const keyId = key.AccessKeyId;
  const masked = maskKeyId(keyId);
  env.log(`created ${masked}`);
  if (input.afterCreate) {
    try {
      await input.afterCreate(user, keyId);
    } catch (err) {
      throw new Interrupted(`interrupted after creating ${masked} for ${user}: ${err instanceof Error ? err.message : String(err)}; the key is unrecorded and the next run deletes it`);
    }
  }
  const payload: KeyPayload = {
    accessKeyId: keyId,
    secretAccessKey: secret,
    user,
    account: input.account.id,
    createdAt: (key.CreateDate ?? clockNow()).toISOString(),
  };
  try {
    for (const sink of sinks) {
      const d = await deliver(input, sink, payload);
      env.result.delivered.push(d.target);
      env.log(`delivered ${masked} to ${d.target} (${d.outcome})`);
    }
    const verified = await verifyKey(keyId, secret, input.region, {
      expectedArn: env.user.arn,
      clock: env.clock,
      ...(input.verify?.maxElapsedMs !== undefined ? { maxElapsedMs: input.verify.maxElapsedMs } : {}),
      ...(input.clients.verifyClient ? { makeClient: input.clients.verifyClient } : {}),
    });
    env.log(`verified ${masked} with sts:GetCallerIdentity (${verified.attempts} attempt(s))`);
  } catch (err) {
    if (err instanceof Interrupted) throw err;
    const why = err instanceof Error ? err.message : String(err);
    if (env.result.delivered.length === 0) {
      // No sink holds it: remove it now rather than leave an orphan for the next run. Not
      // guarded by the lock: this run made the key a moment ago and nobody else holds it.
      const cleaned = await iam.send(new DeleteAccessKeyCommand({ UserName: user, AccessKeyId: keyId })).then(
        () => true,
        () => false,
      );
      throw new Error(
        `${why} (the new key ${masked} reached no sink ${cleaned ? 'and was deleted' : 'and could not be deleted: the next run deletes it'}; the current key is untouched)`,
      );
    }
    throw new Error(
      `${why} (the new key ${masked} reached ${env.result.delivered.join(', ')} but is not recorded: the current key stays in use, and the next run replaces ${masked} with a fresh key delivered to every sink)`,
    );
  }
  const now = input.now.toISOString();
  const replaced = step.replaces;
  const previous = replaced !== undefined ? { id: replaced, at: now } : env.record.previous;
  await env.guard(`recording ${masked}`);
  const recordTags = keyRecordTags({ current: { id: keyId, at: now }, ...(previous ? { previous } : {}) });
  await iamCall(input, env, 'iam:TagUser', () => iam.send(new TagUserCommand({ UserName: user, Tags: Object.entries(recordTags).map(([Key, Value]) => ({ Key, Value })) })));
  if (!previous) {
    await iamCall(input, env, 'iam:UntagUser', () => iam.send(new UntagUserCommand({ UserName: user, TagKeys: [KEY_PREVIOUS_TAG] })));
  }
  env.log(`recorded ${masked} as ${KEY_CURRENT_TAG}${replaced ? `, ${maskKeyId(replaced)} as previous` : ''}`);
  const where = `delivered to ${env.result.delivered.join(', ')}, verified, recorded`;
  // A user's first key replaces nothing: calling it "rotated" would hide that it is new.
  return replaced ? `rotated: created ${masked}, ${where}; ${maskKeyId(replaced)} stays active for the overlap` : `first key created: ${masked}, ${where}`;
}

async function deliver(input: RotateAccountInput, sink: Sink, payload: KeyPayload): Promise<SinkDelivery> {
  switch (sink.kind) {
    case 'secretsManager': {
      const region = sink.region ?? input.region;
      const client = input.clients.secretsManager({ ...(sink.account !== undefined ? { account: sink.account } : {}), region });
      return deliverToSecretsManager(client, sink, payload, { accountName: input.account.name, region, ...(input.retry ? { retry: input.retry } : {}) });
    }
    case 'githubSecret':
      if (!input.clients.github) {
        throw new SinkError(`GitHub secret ${sink.name}: no GitHub token was given: pass a fine-grained token with Secrets: write (or a GitHub App token) as github-token`);
      }
      return deliverToGitHubSecret(input.clients.github, sink, payload, input.account.name);
    case 'output':
      if (!input.setOutput) throw new SinkError(`output ${sink.name}: this run cannot set step outputs (run rotate in GitHub Actions, or use another sink)`);
      return deliverToOutput(sink, payload, input.account.name, input.setOutput);
  }
}
