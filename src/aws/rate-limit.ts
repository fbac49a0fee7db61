/**
 * A client-side rate limiter per AWS account, so that a run over hundreds of users spends its
 * time calling IAM rather than being throttled by it.
 *
 * IAM throttles per account with no published rate, and accounts differ, so the rate is found,
 * not configured. Each account gets one limiter shared by every IAM client of that account in the
 * run (reads, executor, rotation):
 *  - a token bucket at the current rate, implemented as virtual scheduling (GCRA): each caller
 *    reserves the next free slot when it asks, so waiting callers are served in arrival order and
 *    no timer polls;
 *  - the rate adapts as TCP's congestion window does (and the AWS SDK's adaptive retry mode): it
 *    starts at a polite `startRps`; while calls succeed and callers are waiting for slots (the
 *    limiter, not the work, is what holds the run back) it doubles every second (slow start);
 *    the first `Throttling` answer marks the account's rate (`ceilingSeen`) and cuts the rate to
 *    `decrease` of it, at most once per `cooldownMs` (answers to calls already in flight report
 *    the same congestion); then the rate climbs back quickly towards the mark and probes slowly
 *    beyond it, so it stays close below what IAM allows. The retry itself still backs off with
 *    jitter in `withRetry` (./retry.ts); this only stops the run from knocking on the same door.
 *
 * Configuration: none needed. `IAM_CONNECTIONS_MAX_RPS` is an optional ceiling (calls a second per
 * account, for a shared account whose other users need headroom), `IAM_CONNECTIONS_BURST` the
 * calls allowed at once after a quiet spell. Pure apart from the injected clock.
 */

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Where every account starts: a rate no IAM account throttles. */
export const DEFAULT_START_RPS = 10;
/** A sanity bound when no ceiling is configured: far above any rate IAM has been seen to allow. */
export const DEFAULT_CEILING_RPS = 1000;

export interface RateLimitSettings {
  /** Calls a second the account may never exceed. Default: DEFAULT_CEILING_RPS (no practical cap). */
  maxRps?: number;
  /** The rate the first calls go at. Default min(DEFAULT_START_RPS, maxRps). */
  startRps?: number;
  /** Calls allowed at once after a quiet spell, at most one second's worth at the current rate. Default: that second's worth. */
  burst?: number;
  /** The floor the rate never goes below. Default min(1, maxRps). */
  minRps?: number;
  /** Multiplicative decrease on throttling. Default 0.7 (CUBIC's). */
  decrease?: number;
  /** Throttles within this long of a decrease do not decrease again. Default 1000 ms. */
  cooldownMs?: number;
}

export interface RateLimiterStats {
  /** Calls let through (each attempt counts). */
  calls: number;
  /** Calls AWS answered with throttling. */
  throttled: number;
  /** Current allowed rate, calls a second. */
  rps: number;
  /** The rate at which IAM last throttled this account, once it has. */
  ceilingSeen?: number;
  /** Total time callers spent waiting for a slot. */
  waitedMs: number;
}

export type RateEvent = { account: string; kind: 'call' | 'throttled' | 'success' };

const listeners = new Set<(e: RateEvent) => void>();

/** Every limiter's calls and throttles, for progress lines. Returns the unsubscribe function. */
export function onRateEvent(listener: (e: RateEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(e: RateEvent): void {
  for (const l of listeners) l(e);
}

/** Per second, while below the rate IAM last throttled at: this share of the gap is closed. */
const RECOVERY_PER_SECOND = 0.7;
/** Per second, at or above it: this share of that rate is added, to find out whether IAM allows more. */
const PROBE_PER_SECOND = 0.1;
/** Successes count towards an increase only while a caller had to wait this recently. */
const SATURATED_WITHIN_MS = 1000;

export class AdaptiveRateLimiter {
  readonly account: string;
  private readonly max: number;
  private readonly min: number;
  private readonly burst: number;
  private readonly decrease: number;
  private readonly cooldownMs: number;
  private readonly clock: LimiterClock;
  private rate: number;
  private ceilingSeen: number | undefined;
  /** Theoretical arrival time of the next call at the current rate (GCRA). */
  private tat = Number.NEGATIVE_INFINITY;
  private lastDecrease = Number.NEGATIVE_INFINITY;
  private lastWait = Number.NEGATIVE_INFINITY;
  private counts = { calls: 0, throttled: 0, waitedMs: 0 };

  constructor(account: string, settings: RateLimitSettings = {}, clock: LimiterClock = realClock) {
    for (const [name, v] of [
      ['maxRps', settings.maxRps],
      ['startRps', settings.startRps],
    ] as const) {
      if (v !== undefined && !(v > 0)) throw new Error(`rate limit for account "${account}": ${name} must be a positive number of calls a second, not ${v}`);
    }
    this.account = account;
    this.max = settings.maxRps ?? DEFAULT_CEILING_RPS;
    this.min = Math.min(settings.minRps ?? 1, this.max);
    this.rate = Math.min(settings.startRps ?? DEFAULT_START_RPS, this.max);
    this.burst = Math.max(1, settings.burst ?? Number.POSITIVE_INFINITY);
    this.decrease = settings.decrease ?? 0.7;
    this.cooldownMs = settings.cooldownMs ?? 1000;
    this.clock = clock;
  }

  /** Milliseconds the caller must wait for its slot; reserves the slot. */
  reserve(): number {
    const now = this.clock.now();
    const interval = 1000 / this.rate;
    // A burst of more than a second's worth at the current rate is what got us throttled.
    const tolerance = (Math.min(this.burst, Math.max(1, this.rate)) - 1) * interval;
    // A call may go `tolerance` ahead of its theoretical time: that is the burst.
    const start = Math.max(now, this.tat - tolerance);
    this.tat = Math.max(this.tat, start) + interval;
    this.counts.calls++;
    const wait = start - now;
    if (wait > 0) this.lastWait = now;
    this.counts.waitedMs += wait;
    return wait;
  }

  /** Waits for a slot. */
  async acquire(): Promise<void> {
    const wait = this.reserve();
    emit({ account: this.account, kind: 'call' });
    if (wait > 0) await this.clock.sleep(wait);
  }

  onSuccess(): void {
    // A rate nobody waits for says nothing about whether IAM would allow more.
    if (this.clock.now() - this.lastWait <= SATURATED_WITHIN_MS) {
      // About `rate` successes arrive a second, so each adds 1/rate of the per-second increase.
      const perSecond =
        this.ceilingSeen === undefined
          ? this.rate
          : this.rate < this.ceilingSeen
            ? Math.max(PROBE_PER_SECOND * this.ceilingSeen, RECOVERY_PER_SECOND * (this.ceilingSeen - this.rate))
            : PROBE_PER_SECOND * this.ceilingSeen;
      this.rate = Math.min(this.max, this.rate + perSecond / this.rate);
    }
    emit({ account: this.account, kind: 'success' });
  }

  onThrottle(): void {
    this.counts.throttled++;
    const now = this.clock.now();
    if (now - this.lastDecrease >= this.cooldownMs) {
      this.lastDecrease = now;
      this.ceilingSeen = this.rate;
      this.rate = Math.max(this.min, this.rate * this.decrease);
      // Slots already handed out at the old rate stand; the next ones are spaced at the new one.
    }
    emit({ account: this.account, kind: 'throttled' });
  }

  stats(): RateLimiterStats {
    return { ...this.counts, rps: this.rate, ...(this.ceilingSeen !== undefined ? { ceilingSeen: this.ceilingSeen } : {}) };
  }
}

/** `IAM_CONNECTIONS_MAX_RPS` (a ceiling) / `IAM_CONNECTIONS_BURST`, when set; an invalid value is an error saying so. */
export function rateLimitSettings(env: Record<string, string | undefined> = process.env): RateLimitSettings {
  const read = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) {
      throw new Error(`${name} must be a positive number of IAM calls a second per account (for example 10), not "${raw}"; unset it for the default`);
    }
    return n;
  };
  const maxRps = read('IAM_CONNECTIONS_MAX_RPS');
  const burst = read('IAM_CONNECTIONS_BURST');
  return { ...(maxRps !== undefined ? { maxRps } : {}), ...(burst !== undefined ? { burst } : {}) };
}

/**
 * Which limiter a client uses. The credential resolver names each account's provider
 * (`nameCredentials`) and the resolver returns one provider per account per run, so every IAM
 * client made with it, wherever in the code, shares that account's limiter.
 */
const byCredentials = new WeakMap<object, AdaptiveRateLimiter>();
const names = new WeakMap<object, string>();

/** Records that `credentials` are the session of manifest account `account`. */
export function nameCredentials(credentials: object, account: string): void {
  names.set(credentials, account);
}

/** The limiter shared by clients made with these credentials (created on first use). */
export function limiterForCredentials(
  credentials: object,
  env: Record<string, string | undefined> = process.env,
): AdaptiveRateLimiter {
  let l = byCredentials.get(credentials);
  if (l === undefined) {
    l = new AdaptiveRateLimiter(names.get(credentials) ?? 'default', rateLimitSettings(env));
    byCredentials.set(credentials, l);
  }
  return l;
}
