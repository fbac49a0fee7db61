/**
 * Progress lines for long runs: `prod: 340/1000 changes, 12 throttled, 17.2 s`. Pure: the
 * numbers in, one line out; the ticker (./ticker.ts) decides when to print.
 */

export interface AccountProgress {
  /** Manifest name of the account. */
  account: string;
  /** Items finished (changes, users read, keys rotated). */
  done: number;
  /** Items expected; 0 when not known yet. */
  total: number;
  /** What an item is, plural: `changes`, `users`, `keys`. */
  unit: string;
  /** Finished items that failed. */
  failed: number;
  /** IAM calls of this account answered with throttling so far. */
  throttled: number;
  /** When work on the account started (clock ms). */
  startedAt: number;
  /** When it finished, once it has. */
  finishedAt?: number;
}

function seconds(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.floor(s - m * 60)} s`;
}

/** One line: done / total, failures if any, throttled calls, time since the account started. */
export function formatProgressLine(p: AccountProgress, now: number): string {
  const count = p.total > 0 ? `${p.done}/${p.total} ${p.unit}` : `${p.done} ${p.unit}`;
  const parts = [count];
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  parts.push(`${p.throttled} throttled`);
  const elapsed = seconds((p.finishedAt ?? now) - p.startedAt);
  return `${p.account}: ${parts.join(', ')}, ${elapsed}${p.finishedAt !== undefined ? ', finished' : ''}`;
}

/** All accounts in one line (for a run summary): `3/4 accounts finished, 2710/4000 changes, 31 throttled, 58.0 s`. */
export function formatOverallLine(all: readonly AccountProgress[], startedAt: number, now: number): string {
  const done = all.reduce((n, p) => n + p.done, 0);
  const total = all.reduce((n, p) => n + p.total, 0);
  const failed = all.reduce((n, p) => n + p.failed, 0);
  const throttled = all.reduce((n, p) => n + p.throttled, 0);
  const finished = all.filter((p) => p.finishedAt !== undefined).length;
  const unit = all[0]?.unit ?? 'items';
  const parts = [`${finished}/${all.length} accounts finished`, total > 0 ? `${done}/${total} ${unit}` : `${done} ${unit}`];
  if (failed > 0) parts.push(`${failed} failed`);
  parts.push(`${throttled} throttled`);
  return `${parts.join(', ')}, ${seconds(now - startedAt)}`;
}
