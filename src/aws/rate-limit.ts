/**
 * A client-side rate limiter per AWS account, so that a run over hundreds of users spends its
 * time calling IAM rather than being throttled by it.
 *
 * IAM throttles per account with no published rate. Each account gets one adaptive limiter
 * shared by every IAM client of that account in the run (reads, executor, rotation):
 *  - a token bucket (`maxRps` tokens a second, `burst` at once), implemented as virtual
 *    scheduling (GCRA): each caller reserves the next free slot when it asks, so waiting callers
 *    are served in arrival order and no timer polls;
 *  - AIMD: a `Throttling` answer halves the account's rate (at most once per `cooldownMs`,
 *    since the answers to calls already in flight report the same congestion), each success
 *    adds `maxRps / 40` back, up to `maxRps`. The retry itself still backs off with jitter in
 *    `withRetry` (./retry.ts); this only stops the run from knocking on the same door.
 *
 * Configuration: `IAM_CONNECTIONS_MAX_RPS` (default 10 calls a second per account: AWS does not
 * publish IAM's rate, and 10 stays clear of the throttling reported for Terraform refreshes),
 * `IAM_CONNECTIONS_BURST` (default: one second's worth). Pure apart from the injected clock.
 */

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const DEFAULT_MAX_RPS = 10;

export interface RateLimitSettings {
  /** Calls a second the account may never exceed. */
  maxRps: number;
  /** Calls allowed at once after a quiet spell. Default: max(1, maxRps). */
  burst?: number;
  /** The floor AIMD may lower the rate to. Default min(1, maxRps). */
  minRps?: number;
  /** Multiplicative decrease on throttling. Default 0.5. */
  decrease?: number;
  /** Additive increase per successful call. Default maxRps / 40. */
  increase?: number;
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

export class AdaptiveRateLimiter {
  readonly account: string;
  private readonly max: number;
  private readonly min: number;
  private readonly burst: number;
  private readonly decrease: number;
  private readonly increase: number;
  private readonly cooldownMs: number;
  private readonly clock: LimiterClock;
  private rate: number;
  /** Theoretical arrival time of the next call at the current rate (GCRA). */
  private tat = Number.NEGATIVE_INFINITY;
  private lastDecrease = Number.NEGATIVE_INFINITY;
  private counts = { calls: 0, throttled: 0, waitedMs: 0 };

  constructor(account: string, settings: RateLimitSettings, clock: LimiterClock = realClock) {
    if (!(settings.maxRps > 0)) throw new Error(`rate limit for account "${account}" must be a positive number of calls a second, not ${settings.maxRps}`);
    this.account = account;
    this.max = settings.maxRps;
    this.min = Math.min(settings.minRps ?? 1, this.max);
    this.burst = Math.max(1, settings.burst ?? this.max);
    this.decrease = settings.decrease ?? 0.5;
    this.increase = settings.increase ?? this.max / 40;
    this.cooldownMs = settings.cooldownMs ?? 1000;
    this.clock = clock;
    this.rate = this.max;
  }

  /** Milliseconds the caller must wait for its slot; reserves the slot. */
  reserve(): number {
    const now = this.clock.now();
    const interval = 1000 / this.rate;
    const tolerance = (this.burst - 1) * interval;
    // A call may go `tolerance` ahead of its theoretical time: that is the burst.
    const start = Math.max(now, this.tat - tolerance);
    this.tat = Math.max(this.tat, start) + interval;
    this.counts.calls++;
    const wait = start - now;
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
    this.rate = Math.min(this.max, this.rate + this.increase);
    emit({ account: this.account, kind: 'success' });
  }

  onThrottle(): void {
    this.counts.throttled++;
    const now = this.clock.now();
    if (now - this.lastDecrease >= this.cooldownMs) {
      this.lastDecrease = now;
      this.rate = Math.max(this.min, this.rate * this.decrease);
      // Slots already handed out at the old rate stand; the next ones are spaced at the new one.
    }
    emit({ account: this.account, kind: 'throttled' });
  }

  stats(): RateLimiterStats {
    return { ...this.counts, rps: this.rate };
  }
}

/** `IAM_CONNECTIONS_MAX_RPS` / `IAM_CONNECTIONS_BURST`, or the defaults; an invalid value is an error saying so. */
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
  const maxRps = read('IAM_CONNECTIONS_MAX_RPS') ?? DEFAULT_MAX_RPS;
  const burst = read('IAM_CONNECTIONS_BURST');
  return burst === undefined ? { maxRps } : { maxRps, burst };
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
