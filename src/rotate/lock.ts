/**
 * A per-user lock so two rotate runs at once create at most one key: the user tag
 * `iam-connections:rotate-lock = <runId>@<expiry ISO>`. Take it only if absent, ours or
 * expired; write it; wait `settleMs` so a concurrent writer's TagUser lands; re-read: whoever's
 * value is there holds it (IAM tags are last-writer-wins). Release removes it if still ours.
 * Uses the wall clock, never `as-of`.
 */
import { ListUserTagsCommand, TagUserCommand, UntagUserCommand, type IAMClient } from '@aws-sdk/client-iam';
import { withRetry, type RetryClock, type RetryOptions } from '../aws/retry.js';
import { TOOL_TAGS } from '../manifest/tool-tags.js';

export const ROTATE_LOCK_TAG = TOOL_TAGS.rotateLock;

export interface LockOptions {
  runId: string;
  /** How long a lock is honoured if its run dies without releasing it. Default 15 minutes. */
  ttlMs?: number;
  /** Wait between writing and confirming. Default 2 s. */
  settleMs?: number;
  clock: RetryClock;
  retry?: RetryOptions;
}

export interface LockState {
  holder: string;
  expiresAt: number;
}

export function parseLock(value: string | undefined): LockState | undefined {
  if (value === undefined) return undefined;
  const i = value.lastIndexOf('@');
  if (i <= 0) return undefined;
  const expiresAt = Date.parse(value.slice(i + 1));
  return Number.isNaN(expiresAt) ? undefined : { holder: value.slice(0, i), expiresAt };
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

export type LockResult = { held: true } | { held: false; holder: string; expiresAt: string };

/**
 * Run ids look like `<GITHUB_RUN_ID>-<attempt>-<random>`. A re-run of a workflow keeps the run id
 * and counts the attempt up, and only runs after the earlier attempt ended: a lock left by an
 * earlier attempt of the same run belongs to a dead process and may be taken over at once.
 */
export function supersedes(runId: string, holder: string): boolean {
  const me = /^(\d+)-(\d+)-/.exec(runId);
  const them = /^(\d+)-(\d+)-/.exec(holder);
  return me !== null && them !== null && me[1] === them[1] && Number(me[2]) > Number(them[2]);
}

export async function acquireUserLock(iam: IAMClient, user: string, opts: LockOptions): Promise<LockResult> {
  const other = (tags: Record<string, string>): LockState | undefined => {
    const l = parseLock(tags[ROTATE_LOCK_TAG]);
    return l !== undefined && l.holder !== opts.runId && l.expiresAt > opts.clock.now() && !supersedes(opts.runId, l.holder) ? l : undefined;
  };
  const busy = (l: LockState): LockResult => ({ held: false, holder: l.holder, expiresAt: new Date(l.expiresAt).toISOString() });
  const before = other(await readUserTags(iam, user, opts.retry));
  if (before) return busy(before);
  const value = `${opts.runId}@${new Date(opts.clock.now() + (opts.ttlMs ?? 15 * 60_000)).toISOString()}`;
  await withRetry(() => iam.send(new TagUserCommand({ UserName: user, Tags: [{ Key: ROTATE_LOCK_TAG, Value: value }] })), { ...opts.retry, label: `iam:TagUser ${user}` });
  await opts.clock.sleep(opts.settleMs ?? 2_000);
  const after = await readUserTags(iam, user, opts.retry);
  if (after[ROTATE_LOCK_TAG] === value) return { held: true };
  const l = parseLock(after[ROTATE_LOCK_TAG]);
  return l ? busy(l) : { held: false, holder: 'unknown', expiresAt: new Date(opts.clock.now()).toISOString() };
}

export async function releaseUserLock(iam: IAMClient, user: string, opts: Pick<LockOptions, 'runId' | 'retry'>): Promise<void> {
  const tags = await readUserTags(iam, user, opts.retry);
  if (parseLock(tags[ROTATE_LOCK_TAG])?.holder !== opts.runId) return;
  await withRetry(() => iam.send(new UntagUserCommand({ UserName: user, TagKeys: [ROTATE_LOCK_TAG] })), { ...opts.retry, label: `iam:UntagUser ${user}` });
}

/**
 * A lock left by a run that died has expired but still sits in the user's tags; the next run
 * with nothing to do removes it, so a settled account carries no trace of the crash.
 */
export async function clearExpiredLock(iam: IAMClient, user: string, tags: Record<string, string>, opts: Pick<LockOptions, 'clock' | 'retry'>): Promise<boolean> {
  const l = parseLock(tags[ROTATE_LOCK_TAG]);
  if (tags[ROTATE_LOCK_TAG] === undefined || (l !== undefined && l.expiresAt > opts.clock.now())) return false;
  await withRetry(() => iam.send(new UntagUserCommand({ UserName: user, TagKeys: [ROTATE_LOCK_TAG] })), { ...opts.retry, label: `iam:UntagUser ${user}` });
  return true;
}
