/**
 * The value of the rotate lock tag, `iam-connections:rotate-lock = <holder>@<expiry ISO>`, and
 * the holder ids it carries. Pure: no I/O.
 *
 * A workflow run's holder names its repository, run id, attempt and a per-process nonce
 * (`gh:acme/infra:4242:1:3fa9c1`), so another run can ask GitHub whether that run has ended and
 * a re-run attempt can recognise its predecessor. Holders written by earlier versions
 * (`4242-1-3fa9c1`, `cli-<pid>-<time>`, anything before the last `@`) still parse; they carry no
 * repository, so their liveness cannot be looked up and only their expiry frees them.
 *
 * IAM tag values allow letters, digits, spaces and `_ . : / = + - @`, up to 256 characters:
 * GitHub repository names (`[A-Za-z0-9._-]`, owner `[A-Za-z0-9-]`) fit that alphabet, and the
 * longest possible value (39 + 1 + 100 owner/repo, 20-digit run id) stays under 200.
 */
import { TOOL_TAGS } from '../manifest/tool-tags.js';

export const ROTATE_LOCK_TAG = TOOL_TAGS.rotateLock;
export const TAG_VALUE_MAX = 256;

export interface LockHolder {
  /** The id as written in the tag. */
  id: string;
  /** `owner/repo` of the workflow run; absent for old-format and CLI holders. */
  repository?: string;
  /** GitHub's run id (`GITHUB_RUN_ID`), when the holder is a workflow run. */
  runId?: string;
  /** `GITHUB_RUN_ATTEMPT`. */
  attempt?: number;
}

export interface LockState {
  holder: LockHolder;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** The tag value as read, to compare exactly. */
  value: string;
}

const GH_HOLDER = /^gh:([A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}):(\d{1,20}):(\d{1,6}):([0-9a-f]{1,32})$/;
const OLD_RUN_HOLDER = /^(\d{1,20})-(\d{1,6})-[0-9a-f]+$/;

export function parseHolder(id: string): LockHolder {
  const gh = GH_HOLDER.exec(id);
  if (gh) return { id, repository: gh[1]!, runId: gh[2]!, attempt: Number(gh[3]) };
  const old = OLD_RUN_HOLDER.exec(id);
  if (old) return { id, runId: old[1]!, attempt: Number(old[2]) };
  return { id };
}

/**
 * The holder id of this process: a workflow run's when GitHub's variables name one (its
 * repository, run and attempt), else `cli-<pid>-<time>`. `nonce` keeps two jobs of one attempt apart.
 */
export function holderId(env: Record<string, string | undefined>, nonce: string): string {
  const repo = env.GITHUB_REPOSITORY ?? '';
  const run = env.GITHUB_RUN_ID ?? '';
  const attempt = env.GITHUB_RUN_ATTEMPT || '1';
  const id = `gh:${repo}:${run}:${attempt}:${nonce}`;
  if (GH_HOLDER.test(id)) return id;
  return `cli-${process.pid}-${Date.now().toString(36)}-${nonce}`;
}

export function formatLock(holder: string, expiresAt: number): string {
  const value = `${holder}@${new Date(expiresAt).toISOString()}`;
  if (value.length > TAG_VALUE_MAX || !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(value)) {
    throw new Error(`rotate lock value ${JSON.stringify(value)} is not a valid IAM tag value (at most ${TAG_VALUE_MAX} of letters, digits, spaces and _.:/=+-@)`);
  }
  return value;
}

/**
 * undefined: no lock, or a value no version of the tool writes (no `@<ISO time>` at the end):
 * not a lock, so it neither blocks a run nor survives one.
 */
export function parseLock(value: string | undefined): LockState | undefined {
  if (value === undefined) return undefined;
  const i = value.lastIndexOf('@');
  if (i <= 0) return undefined;
  const expiresAt = Date.parse(value.slice(i + 1));
  return Number.isNaN(expiresAt) ? undefined : { holder: parseHolder(value.slice(0, i)), expiresAt, value };
}

/** `acme/infra run 4242 attempt 1`, or the raw id when it names no run. */
export function describeHolder(h: LockHolder): string {
  if (h.runId === undefined) return h.id;
  return `${h.repository !== undefined ? `${h.repository} ` : ''}run ${h.runId} attempt ${h.attempt ?? 1}`;
}

/**
 * A re-run of a workflow keeps the run id and counts the attempt up, and starts only after the
 * earlier attempt ended: a lock left by an earlier attempt of the same run belongs to a dead
 * process and may be taken over (or removed) at once. Two jobs of one attempt do not supersede
 * each other, and an older attempt never wins.
 */
export function supersedes(me: string, holder: string): boolean {
  const a = parseHolder(me);
  const b = parseHolder(holder);
  if (a.runId === undefined || b.runId === undefined || a.runId !== b.runId) return false;
  // Both in the new format: the repositories must agree too (run ids are global, but be exact).
  if (a.repository !== undefined && b.repository !== undefined && a.repository !== b.repository) return false;
  return (a.attempt ?? 1) > (b.attempt ?? 1);
}
