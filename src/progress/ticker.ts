/**
 * Progress of a long run, per account, printed at most every `intervalMs` (default 5 s) and only
 * for accounts whose numbers moved or that are still working, plus one line when an account
 * finishes. The caller decides where lines go (`emit`): the action puts each account's lines in
 * its log group, the CLI on stderr. Clock and timer are injected so tests need no real time.
 *
 *   const t = createProgressTicker({ emit: (line) => core.info(line) });
 *   t.begin('prod', 1000, 'changes');
 *   ... t.advance('prod'); t.throttled('prod'); ...
 *   t.finish('prod');
 *   t.stop();
 */
import { formatProgressLine, type AccountProgress } from './format.js';

export interface TickerTimer {
  now(): number;
  /** Calls `fn` every `ms`; returns the cancel function. */
  every(ms: number, fn: () => void): () => void;
}

export const realTimer: TickerTimer = {
  now: () => Date.now(),
  every: (ms, fn) => {
    const h = setInterval(fn, ms);
    // A progress timer must never keep the process alive on its own.
    h.unref();
    return () => clearInterval(h);
  },
};

export interface ProgressTickerOptions {
  /** Receives each line and the numbers behind it. */
  emit: (line: string, progress: Readonly<AccountProgress>) => void;
  /** Default 5000 ms. */
  intervalMs?: number;
  timer?: TickerTimer;
}

export interface ProgressTicker {
  /** Starts (or re-totals) an account: `total` items of `unit` expected. */
  begin(account: string, total: number, unit: string): void;
  /** `n` more items finished, `failed` of them failed. */
  advance(account: string, n?: number, failed?: number): void;
  /** One more throttled IAM call in the account. */
  throttled(account: string): void;
  /** The account is done: prints its final line at once. */
  finish(account: string): void;
  /** The numbers so far, in the order accounts began. */
  snapshot(): AccountProgress[];
  /** Prints due lines now (what the timer calls). */
  tick(): void;
  /** Stops the timer; prints nothing more. */
  stop(): void;
}

export function createProgressTicker(opts: ProgressTickerOptions): ProgressTicker {
  const timer = opts.timer ?? realTimer;
  const interval = opts.intervalMs ?? 5000;
  const accounts = new Map<string, AccountProgress>();
  /** Accounts whose numbers moved since their last line. */
  const dirty = new Set<string>();
  let cancel: (() => void) | undefined;
  let stopped = false;

  const get = (account: string): AccountProgress => {
    let p = accounts.get(account);
    if (p === undefined) {
      p = { account, done: 0, total: 0, unit: 'items', failed: 0, throttled: 0, startedAt: timer.now() };
      accounts.set(account, p);
    }
    return p;
  };
  const line = (p: AccountProgress): void => {
    dirty.delete(p.account);
    opts.emit(formatProgressLine(p, timer.now()), { ...p });
  };
  const ensureTimer = (): void => {
    if (cancel === undefined && !stopped) cancel = timer.every(interval, () => ticker.tick());
  };

  const ticker: ProgressTicker = {
    begin(account, total, unit) {
      const p = get(account);
      p.total = total;
      p.unit = unit;
      delete p.finishedAt;
      ensureTimer();
    },
    advance(account, n = 1, failed = 0) {
      const p = get(account);
      p.done += n;
      p.failed += failed;
      dirty.add(account);
      ensureTimer();
    },
    throttled(account) {
      get(account).throttled++;
      dirty.add(account);
    },
    finish(account) {
      const p = get(account);
      if (p.finishedAt !== undefined) return;
      p.finishedAt = timer.now();
      if (!stopped) line(p);
    },
    snapshot: () => [...accounts.values()].map((p) => ({ ...p })),
    tick() {
      if (stopped) return;
      // Still-working accounts get a line even when nothing moved: a long throttled wait is news too.
      for (const p of accounts.values()) if (p.finishedAt === undefined) line(p);
    },
    stop() {
      stopped = true;
      cancel?.();
      cancel = undefined;
    },
  };
  return ticker;
}
