/**
 * A per-user lock so that two runs (rotate, or apply's key path) never act on one user's keys at
 * once: the user tag `iam-connections:rotate-lock = <holder>@<expiry>` (./lock-tag.ts).
 *
 * IAM has no conditional write, and tags are last-writer-wins, so the lock is a protocol:
 *
 * 1. Read the tag; go on only if it is absent, ours, expired, left by an earlier attempt of our
 *    own workflow run, or held by a run GitHub reports as ended (./lock-holder.ts).
 * 2. Write our value, and measure the time from sending that read to the write's answer.
 * 3. Wait `settleMs` after the last write of the batch, then read every tag again: ours only if
 *    our value is there.
 * 4. A run whose read-to-write time exceeded `settleMs` backs off for this user and reports
 *    contention: its write may have landed after another run's step-3 read, so that run may
 *    be mid-rotation. It leaves its value in place as a fence: the other run stops at its next
 *    re-check, and nobody else starts on the user until the fence expires or GitHub reports
 *    this run ended. (Removing it and retrying, the obvious alternative, would let a run start
 *    while the other is still between two writes, and delete its new key as unrecorded.)
 * 5. Before every write that touches keys or the record, `assertLockHeld` reads the tag again
 *    and stops the user with `LockLost` if it is no longer ours or expires within `marginMs`
 *    (longer than any stretch between two re-checks: delivery and verification); it extends a
 *    lock past half its life, so a long batch never runs out.
 *
 * Why that excludes: if A and B both confirmed, say A's write landed first at wA and B's at wB.
 * A's confirming read saw its own value, so it ran before wB, and it ran at least `settleMs` after
 * wA. B's first read saw no live lock, so it ran before wA. B's read-to-write time is therefore
 * more than `settleMs`, and B backs off. This assumes IAM's reads show a write acknowledged
 * `settleMs` earlier, and runners' clocks within `marginMs` of each other (expiry is compared on
 * each run's own clock). Step 5 covers whatever these assumptions miss with a bounded window:
 * a run that lost its lock stops before its next write.
 *
 * Cost: the settle is paid once per batch (`acquireLocks`), not once per user. Uses the wall
 * clock, never `as-of` or IAM_CONNECTIONS_NOW.
 */
import { ListUserTagsCommand, TagUserCommand, UntagUserCommand, type IAMClient } from '@aws-sdk/client-iam';
import { mapLimit } from '../concurrency.js';
import { errorSummary, withRetry, type RetryClock, type RetryOptions } from '../aws/retry.js';
import { holderLiveness, type HolderLiveness } from './lock-holder.js';
import { describeHolder, formatLock, parseLock, ROTATE_LOCK_TAG, supersedes, type LockState } from './lock-tag.js';

export { parseLock, ROTATE_LOCK_TAG, supersedes } from './lock-tag.js';

export interface LockOptions {
  /** This run's holder id (`holderId` in ./lock-tag.ts). */
  runId: string;
  /** How long a lock is honoured if its run dies without releasing it. Default 15 minutes. */
  ttlMs?: number;
  /** Wait between the last write of a batch and the confirming reads. Default 2 s. */
  settleMs?: number;
  /**
   * A lock expiring sooner than this is not ours to write under. Default 5 minutes (a third of
   * a shorter ttl): more than
   * the longest stretch between two re-checks (deliveries and up to 2 minutes of verification)
   * plus any skew between runners' clocks.
   */
  marginMs?: number;
  /** Tries per user when the lock changed under a run that judged it free. Default 3. */
  attempts?: number;
  /**
   * Users whose lock is read and written at once. Default 4: every call queued behind the
   * account's rate limiter lengthens the read-to-write time, which must stay under the settle.
   */
  concurrency?: number;
  /** Asks GitHub whether a holder's run ended; default: never asks (expiry decides). */
  liveness?: HolderLiveness;
  clock: RetryClock;
  random?: () => number;
  retry?: RetryOptions;
}

export type LockResult =
  /** `tags`: every tag of the user, read after the lock was confirmed. `note`: a takeover, for the log. */
  | { held: true; value: string; tags: Record<string, string>; note?: string }
  /** `failed`: an error (denied, retries exhausted), not another run's lock. */
  | { held: false; message: string; failed?: boolean };

/** What a caller of rotateAccount may set; the rest of LockOptions comes from the run. */
export type LockSettings = Partial<Pick<LockOptions, 'ttlMs' | 'settleMs' | 'marginMs' | 'attempts' | 'liveness'>> & {
  /** Users whose locks are taken together (one settle). Default 32. */
  batchSize?: number;
};

/** The lock on a user stopped being this run's: no further write for that user. */
export class LockLost extends Error {
  override name = 'LockLost';
}

export async function readUserTags(iam: IAMClient, user: string, retry?: RetryOptions): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  let marker: string | undefined;
  do {
    const out = await withRetry(() => iam.send(new ListUserTagsCommand({ UserName: user, Marker: marker })), { ...retry, label: `iam:ListUserTags ${user}` });
    for (const t of out.Tags ?? []) if (t.Key !== undefined && t.Value !== undefined) tags[t.Key] = t.Value;
    marker = out.IsTruncated === true ? out.Marker : undefined;
  } while (marker !== undefined);
  return tags;
}

const untag = (iam: IAMClient, user: string, retry?: RetryOptions): Promise<unknown> =>
  withRetry(() => iam.send(new UntagUserCommand({ UserName: user, TagKeys: [ROTATE_LOCK_TAG] })), { ...retry, label: `iam:UntagUser ${user}` });

const until = (l: LockState): string => new Date(l.expiresAt).toISOString();

/**
 * Whether a lock found in place may be replaced or removed, and why (for the log), or why it
 * must be honoured. `asked`: GitHub was consulted, which takes time.
 */
async function judgeLock(
  l: LockState,
  opts: Pick<LockOptions, 'runId' | 'clock' | 'liveness'>,
): Promise<{ ok: true; why?: string; asked: boolean } | { ok: false; why: string }> {
  if (l.holder.id === opts.runId) return { ok: true, asked: false };
  if (l.expiresAt <= opts.clock.now()) return { ok: true, why: 'it expired', asked: false };
  if (supersedes(opts.runId, l.holder.id)) return { ok: true, why: 'this is a later attempt of the same workflow run', asked: false };
  const verdict = await (opts.liveness ?? holderLiveness(undefined))(l.holder);
  return verdict.ended ? { ok: true, why: verdict.why, asked: true } : { ok: false, why: verdict.why };
}

const whose = (l: LockState): string => `the lock of ${describeHolder(l.holder)} (until ${until(l)})`;

const busyMessage = (user: string, l: LockState, why: string): string =>
  `another rotate run (${describeHolder(l.holder)}) holds the lock on user ${user} until ${until(l)} (${why}): nothing done here; rerun after it finishes`;

type Written = { user: string; value: string; spanMs: number; note?: string } | { user: string; value?: undefined };

/**
 * Takes the lock of every user in `users` it can, paying the settle once for the batch. Users
 * whose lock another live run holds are reported with who holds it and until when; users whose
 * lock write was too slow to be safe are retried (`attempts`, with jitter) and then reported as
 * contention.
 */
export async function acquireLocks(iam: IAMClient, users: readonly string[], opts: LockOptions): Promise<Map<string, LockResult>> {
  const settle = opts.settleMs ?? 2_000;
  const ttl = opts.ttlMs ?? 15 * 60_000;
  const attempts = opts.attempts ?? 3;
  const conc = opts.concurrency ?? 4;
  const random = opts.random ?? Math.random;
  const results = new Map<string, LockResult>();
  let pending = [...new Set(users)];
  const failed = async (user: string, err: unknown): Promise<undefined> => {
    results.set(user, { held: false, failed: true, message: `could not take the rotate lock on user ${user}: ${errorSummary(err)}; nothing done for ${user}` });
    // A write whose answer was lost may still have landed: give it back if it is ours.
    await releaseUserLock(iam, user, opts).catch(() => undefined);
    return undefined;
  };
  /** Step 1 and 2: read, judge, write; undefined when the user is settled (busy or failed). */
  const write = async (user: string): Promise<Written | undefined> => {
    let start = opts.clock.now();
    const tags = await readUserTags(iam, user, opts.retry);
    const found = parseLock(tags[ROTATE_LOCK_TAG]);
    let note: string | undefined;
    if (found) {
      const verdict = await judgeLock(found, opts);
      if (!verdict.ok) {
        results.set(user, { held: false, message: busyMessage(user, found, verdict.why) });
        return undefined;
      }
      if (verdict.why !== undefined) note = `took over ${whose(found)}: ${verdict.why}`;
      if (verdict.asked) {
        // Asking GitHub took time: read again so the read-to-write time counts from a fresh read.
        start = opts.clock.now();
        if ((await readUserTags(iam, user, opts.retry))[ROTATE_LOCK_TAG] !== found.value) return { user };
      }
    } else if (tags[ROTATE_LOCK_TAG] !== undefined) {
      note = 'replaced an unreadable lock value';
    }
    const value = formatLock(opts.runId, opts.clock.now() + ttl);
    await withRetry(() => iam.send(new TagUserCommand({ UserName: user, Tags: [{ Key: ROTATE_LOCK_TAG, Value: value }] })), { ...opts.retry, label: `iam:TagUser ${user}` });
    return { user, value, spanMs: opts.clock.now() - start, ...(note !== undefined ? { note } : {}) };
  };
  /** Steps 3 and 4: true when the user must be tried again. */
  const confirm = async (w: Extract<Written, { value: string }>): Promise<boolean> => {
    const tags = await readUserTags(iam, w.user, opts.retry);
    const now = tags[ROTATE_LOCK_TAG];
    if (now === w.value && w.spanMs <= settle) {
      results.set(w.user, { held: true, value: w.value, tags, ...(w.note !== undefined ? { note: w.note } : {}) });
      return false;
    }
    if (now === w.value) {
      // Our write may have landed after another run confirmed: keep it as a fence (see step 4).
      results.set(w.user, {
        held: false,
        message:
          `lock contention on user ${w.user}: writing the lock took ${Math.round(w.spanMs)} ms from the check, longer than the ${settle} ms settle time, so another run may have taken it meanwhile: ` +
          `nothing done here; the lock stays until it expires at ${until(parseLock(w.value)!)} or this run ends; retry later`,
      });
      return false;
    }
    const other = parseLock(now);
    if (other && other.holder.id !== opts.runId && other.expiresAt > opts.clock.now()) {
      results.set(w.user, { held: false, message: busyMessage(w.user, other, 'it wrote the lock at the same moment as this run and kept it') });
      return false;
    }
    return true;
  };
  for (let attempt = 1; attempt <= attempts && pending.length > 0; attempt++) {
    if (attempt > 1) await opts.clock.sleep(Math.round(settle * (0.5 + random())));
    const written = (await mapLimit(pending, conc, (user) => write(user).catch((err: unknown) => failed(user, err)))).filter((w) => w !== undefined);
    const toConfirm = written.filter((w): w is Extract<Written, { value: string }> => w.value !== undefined);
    if (toConfirm.length > 0) await opts.clock.sleep(settle);
    const again = await mapLimit(toConfirm, conc, (w) => confirm(w).catch((err: unknown) => failed(w.user, err).then(() => false)));
    pending = [...written.filter((w) => w.value === undefined).map((w) => w.user), ...toConfirm.filter((_, i) => again[i]).map((w) => w.user)];
  }
  for (const user of pending) {
    results.set(user, { held: false, message: `lock contention on user ${user}: the lock changed under this run ${attempts} times while it tried to take it: nothing done here; retry later` });
  }
  return results;
}

/**
 * Throws LockLost unless the user's lock is still this run's and valid for `marginMs` more: call
 * it right before each write that touches a key or the key record. Extends the lock when less
 * than half its life is left (safe: it is ours and unexpired, so nobody may take it meanwhile).
 */
export async function assertLockHeld(
  iam: IAMClient,
  user: string,
  before: string,
  opts: Pick<LockOptions, 'runId' | 'clock' | 'retry' | 'marginMs' | 'ttlMs'>,
): Promise<void> {
  const l = parseLock((await readUserTags(iam, user, opts.retry))[ROTATE_LOCK_TAG]);
  const stop = (what: string): LockLost =>
    new LockLost(`the rotate lock on user ${user} ${what}: stopped before ${before}; nothing more was written for ${user}. Rerun rotate: it continues from what was recorded`);
  if (l === undefined) throw stop('was removed by another run');
  if (l.holder.id !== opts.runId) throw stop(`is now held by another run (${describeHolder(l.holder)}, until ${until(l)})`);
  const ttl = opts.ttlMs ?? 15 * 60_000;
  const left = l.expiresAt - opts.clock.now();
  if (left < (opts.marginMs ?? Math.min(5 * 60_000, ttl / 3))) throw stop(`expires at ${until(l)}, too soon to start a write under it`);
  if (left < ttl / 2) {
    const value = formatLock(opts.runId, opts.clock.now() + ttl);
    await withRetry(() => iam.send(new TagUserCommand({ UserName: user, Tags: [{ Key: ROTATE_LOCK_TAG, Value: value }] })), { ...opts.retry, label: `iam:TagUser ${user}` });
  }
}

/** Removes the lock if it is still this run's. `tags`: a read made a moment ago, to spare one. */
export async function releaseUserLock(iam: IAMClient, user: string, opts: Pick<LockOptions, 'runId' | 'retry'>, tags?: Record<string, string>): Promise<void> {
  const current = tags ?? (await readUserTags(iam, user, opts.retry));
  if (parseLock(current[ROTATE_LOCK_TAG])?.holder.id !== opts.runId) return;
  await untag(iam, user, opts.retry);
}

/**
 * For a user with nothing to do: removes a lock that no live run holds any more (expired, left by
 * an earlier attempt of this workflow run, or by a run GitHub reports as ended, or unreadable), so
 * a settled account carries no trace of a crash. `tags` come from the inventory; the tag is read
 * again just before it is removed, and left alone if it changed. Returns what it did, for the log.
 */
export async function clearStaleLock(iam: IAMClient, user: string, tags: Record<string, string>, opts: Pick<LockOptions, 'runId' | 'clock' | 'retry' | 'liveness'>): Promise<string | undefined> {
  const seen = tags[ROTATE_LOCK_TAG];
  if (seen === undefined) return undefined;
  const l = parseLock(seen);
  let what = 'removed an unreadable lock value';
  if (l !== undefined) {
    const verdict = await judgeLock(l, opts);
    if (!verdict.ok) return undefined;
    what = `removed ${l.holder.id === opts.runId ? 'this run’s own lock' : whose(l)}${verdict.why !== undefined ? `: ${verdict.why}` : ''}`;
  }
  if ((await readUserTags(iam, user, opts.retry))[ROTATE_LOCK_TAG] !== seen) return undefined;
  await untag(iam, user, opts.retry);
  return what;
}

/**
 * Runs `work` over `items` with at most `concurrency` at once. Items that `needsLock` selects get
 * their locks through `acquire` in batches of `size`, a batch when the first worker reaches it
 * (not earlier: its lock calls would queue behind the work's and stretch the read-to-write time
 * past the settle), so one settle serves a batch; the others start without one.
 * Results come back in the order of `items`.
 */
export async function withBatchedLocks<T, R>(
  items: readonly T[],
  o: { needsLock: (item: T) => boolean; user: (item: T) => string; size: number; concurrency: number; acquire: (users: string[]) => Promise<Map<string, LockResult>> },
  work: (item: T, lock: LockResult | undefined) => Promise<R>,
): Promise<R[]> {
  const free = items.flatMap((t, i) => (o.needsLock(t) ? [] : [i]));
  const locked = items.flatMap((t, i) => (o.needsLock(t) ? [i] : []));
  const batches: number[][] = [];
  for (let i = 0; i < locked.length; i += Math.max(1, o.size)) batches.push(locked.slice(i, i + Math.max(1, o.size)));
  const batchOf = new Map(batches.flatMap((b, n) => b.map((i) => [i, n] as const)));
  const taken: Promise<Map<string, LockResult>>[] = [];
  const take = (n: number): Promise<Map<string, LockResult>> | undefined => {
    if (n >= batches.length) return undefined;
    taken[n] ??= o.acquire(batches[n]!.map((i) => o.user(items[i] as T)));
    return taken[n];
  };
  const out = new Array<R>(items.length);
  await mapLimit([...free, ...locked], o.concurrency, async (i) => {
    const item = items[i] as T;
    const n = batchOf.get(i);
    if (n === undefined) {
      out[i] = await work(item, undefined);
      return;
    }
    let lock: LockResult;
    try {
      lock = (await take(n)!).get(o.user(item)) ?? { held: false, failed: true, message: `no lock result for ${o.user(item)}` };
    } catch (err) {
      lock = { held: false, failed: true, message: `could not take the rotate lock on user ${o.user(item)}: ${errorSummary(err)}` };
    }
    out[i] = await work(item, lock);
  });
  return out;
}
