import { ListUsersCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../src/aws/clients.js';
import {
  AdaptiveRateLimiter,
  DEFAULT_CEILING_RPS,
  DEFAULT_START_RPS,
  limiterForCredentials,
  nameCredentials,
  onRateEvent,
  rateLimitSettings,
  type LimiterClock,
} from '../../src/aws/rate-limit.js';
import { startAwsProxy, throttling, type AwsProxy } from '../helpers/aws-proxy.js';
import { awsTestEnv, setEnv } from '../helpers/env.js';
import { startMoto, type MotoServer } from '../helpers/moto.js';

/** A clock that only moves when told to; sleeping advances it. */
function fakeClock(): LimiterClock & { t: number; slept: number[] } {
  const c = {
    t: 0,
    slept: [] as number[],
    now: () => c.t,
    sleep: (ms: number) => {
      c.slept.push(ms);
      c.t += ms;
      return Promise.resolve();
    },
  };
  return c;
}

describe('AdaptiveRateLimiter (token bucket by virtual scheduling)', () => {
  test('a burst goes through at once, then calls are spaced at the rate', () => {
    const clock = fakeClock();
    const l = new AdaptiveRateLimiter('prod', { startRps: 10, burst: 3 }, clock);
    const waits = Array.from({ length: 6 }, () => l.reserve());
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits.slice(3)).toEqual([100, 200, 300]);
  });

  test('over a long run without answers, the last of N calls starts (N - burst) / rate seconds in', async () => {
    const clock = fakeClock();
    const l = new AdaptiveRateLimiter('prod', { startRps: 20, burst: 20 }, clock);
    for (let i = 0; i < 220; i++) await l.acquire();
    expect(clock.t).toBeCloseTo(10_000, 0);
    expect(l.stats().calls).toBe(220);
  });

  test('a quiet spell refills the bucket, but never beyond the burst', () => {
    const clock = fakeClock();
    const l = new AdaptiveRateLimiter('prod', { startRps: 10, burst: 2 }, clock);
    l.reserve();
    l.reserve();
    clock.t += 60_000;
    expect([l.reserve(), l.reserve(), l.reserve()]).toEqual([0, 0, 100]);
  });

  test('starts at a polite rate with no low cap: the ceiling is only what the user sets', () => {
    expect(new AdaptiveRateLimiter('prod').stats().rps).toBe(DEFAULT_START_RPS);
    expect(new AdaptiveRateLimiter('prod', { maxRps: 4 }).stats().rps).toBe(4);
    const clock = fakeClock();
    const l = new AdaptiveRateLimiter('prod', {}, clock);
    for (let i = 0; i < 20_000; i++) {
      l.reserve();
      l.onSuccess();
    }
    expect(l.stats().rps).toBe(DEFAULT_CEILING_RPS);
  });

  test('successes raise the rate only while callers wait for slots', () => {
    const clock = fakeClock();
    const l = new AdaptiveRateLimiter('prod', { startRps: 10, burst: 10 }, clock);
    for (let i = 0; i < 5; i++) {
      clock.t += 1000; // a slow trickle: never limited
      l.reserve();
      l.onSuccess();
    }
    expect(l.stats().rps).toBe(10);
    for (let i = 0; i < 15; i++) l.reserve(); // the burst is spent: callers wait
    l.onSuccess();
    expect(l.stats().rps).toBe(11); // slow start: +1 per success, doubling per second
  });

  test('throttling cuts the rate once per cooldown and remembers where IAM pushed back', () => {
    const clock = fakeClock();
    const l = new AdaptiveRateLimiter('prod', { startRps: 20, cooldownMs: 1000 }, clock);
    l.onThrottle();
    l.onThrottle(); // the same congestion, reported by a call already in flight
    expect(l.stats()).toMatchObject({ rps: 14, throttled: 2, ceilingSeen: 20 });
    clock.t += 1000;
    l.onThrottle();
    expect(l.stats().rps).toBeCloseTo(9.8, 5);
    expect(l.stats().ceilingSeen).toBe(14);
  });

  test('never drops below the floor', () => {
    const clock = fakeClock();
    const l = new AdaptiveRateLimiter('prod', { startRps: 4, minRps: 1, cooldownMs: 0 }, clock);
    for (let i = 0; i < 10; i++) l.onThrottle();
    expect(l.stats().rps).toBe(1);
  });

  test('after a decrease, new slots are spaced at the lower rate', () => {
    const clock = fakeClock();
    const l = new AdaptiveRateLimiter('prod', { startRps: 10, burst: 1, decrease: 0.5 }, clock);
    expect(l.reserve()).toBe(0);
    l.onThrottle(); // 5 rps: 200 ms apart
    expect(l.reserve()).toBe(100); // this slot was due at the old spacing
    expect(l.reserve()).toBe(300);
  });

  test('rejects a non-positive rate with the account in the message', () => {
    expect(() => new AdaptiveRateLimiter('prod', { maxRps: 0 })).toThrow(/account "prod".*positive/);
    expect(() => new AdaptiveRateLimiter('prod', { startRps: -1 })).toThrow(/account "prod".*startRps.*positive/);
  });
});

/**
 * IAM as the bench models it (a token bucket per account, `rps` a second, one second's burst)
 * against the limiter, on a virtual clock: `workers` callers each send one call after another,
 * a call takes `latencyMs`, a throttled call is retried after `retryMs`. Returns the calls that
 * succeeded in each second.
 */
function simulate(rps: number, seconds: number, opts: { workers?: number; latencyMs?: number; retryMs?: number } = {}) {
  const workers = opts.workers ?? 8;
  const latency = opts.latencyMs ?? 40;
  const retry = opts.retryMs ?? 200;
  let now = 0;
  const clock: LimiterClock = { now: () => now, sleep: () => Promise.resolve() };
  const l = new AdaptiveRateLimiter('prod', {}, clock);
  let tokens = rps;
  let last = 0;
  const take = (t: number): boolean => {
    tokens = Math.min(rps, tokens + ((t - last) / 1000) * rps);
    last = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
  // Each worker's next free time; the earliest goes next (a discrete-event loop).
  const free = Array.from({ length: workers }, () => 0);
  const perSecond = Array.from({ length: seconds }, () => 0);
  let throttled = 0;
  for (;;) {
    const w = free.indexOf(Math.min(...free));
    now = free[w]!;
    if (now >= seconds * 1000) break;
    const start = now + l.reserve();
    now = start;
    if (start >= seconds * 1000) break;
    if (take(start)) {
      l.onSuccess();
      perSecond[Math.floor(start / 1000)]!++;
      free[w] = start + latency;
    } else {
      l.onThrottle();
      throttled++;
      free[w] = start + latency + retry;
    }
  }
  return { perSecond, throttled, stats: l.stats() };
}

describe('finding the account rate (simulated IAM token bucket, virtual clock)', () => {
  test.each([5, 20, 50])('at %i calls a second it settles within 15%% below the rate, with few throttles', (rps) => {
    const { perSecond, throttled } = simulate(rps, 120);
    const steady = perSecond.slice(20); // after slow start and the first correction
    const mean = steady.reduce((a, b) => a + b, 0) / steady.length;
    if (process.env.SHOW_SIM) console.log(rps, mean, throttled, perSecond.join(' '));
    expect(mean).toBeGreaterThanOrEqual(0.85 * rps);
    expect(mean).toBeLessThanOrEqual(rps * 1.01);
    const calls = perSecond.reduce((a, b) => a + b, 0);
    expect(throttled / (calls + throttled)).toBeLessThan(0.05);
  });

  test('at 50 calls a second it gets there within 10 seconds from the polite start', () => {
    const { perSecond } = simulate(50, 20);
    const reached = perSecond.findIndex((n) => n >= 0.85 * 50);
    expect(reached).toBeGreaterThanOrEqual(0);
    expect(reached).toBeLessThanOrEqual(10);
  });
});

describe('rateLimitSettings', () => {
  test('no setting: no ceiling beyond the sanity bound, the rate is found at run time', () => {
    expect(rateLimitSettings({})).toEqual({});
  });
  test('reads IAM_CONNECTIONS_MAX_RPS (a ceiling) and IAM_CONNECTIONS_BURST', () => {
    expect(rateLimitSettings({ IAM_CONNECTIONS_MAX_RPS: '20', IAM_CONNECTIONS_BURST: '5' })).toEqual({ maxRps: 20, burst: 5 });
  });
  test('an invalid value says which variable and how to fix it', () => {
    expect(() => rateLimitSettings({ IAM_CONNECTIONS_MAX_RPS: 'fast' })).toThrow(/IAM_CONNECTIONS_MAX_RPS must be a positive number.*not "fast".*unset it/);
    expect(() => rateLimitSettings({ IAM_CONNECTIONS_MAX_RPS: '-1' })).toThrow(/IAM_CONNECTIONS_MAX_RPS/);
  });
});

describe('one limiter per account session', () => {
  test('clients made with the same credentials share a limiter named for the account', () => {
    const provider = async () => ({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' });
    nameCredentials(provider, 'prod');
    const a = limiterForCredentials(provider, {});
    expect(limiterForCredentials(provider, {})).toBe(a);
    expect(a.account).toBe('prod');
    expect(limiterForCredentials(async () => ({ accessKeyId: 'B', secretAccessKey: 'y' }), {})).not.toBe(a);
  });
});

describe('the limiter on a real IAM client', () => {
  let moto: MotoServer;
  let proxy: AwsProxy;
  let restore: () => void;
  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startAwsProxy(moto.endpoint);
    restore = setEnv(awsTestEnv(proxy.endpoint));
  });
  afterEach(() => proxy.clear());
  afterAll(async () => {
    restore?.();
    await proxy?.stop();
    await moto?.stop();
  });

  test('every attempt takes a slot; a Throttling answer lowers the rate and is reported as an event', async () => {
    const limiter = new AdaptiveRateLimiter('prod', { startRps: 1000 });
    const iam = iamClient({ region: 'us-east-1', limiter });
    const events: string[] = [];
    const off = onRateEvent((e) => events.push(`${e.account}:${e.kind}`));
    proxy.inject(throttling('ListUsers', { times: 1 }));
    await expect(iam.send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'Throttling' });
    await iam.send(new ListUsersCommand({}));
    off();
    expect(proxy.count('ListUsers')).toBe(2);
    expect(limiter.stats()).toMatchObject({ calls: 2, throttled: 1 });
    expect(limiter.stats().rps).toBeLessThan(1000);
    expect(events).toEqual(['prod:call', 'prod:throttled', 'prod:call', 'prod:success']);
  });

  test('limiter: false leaves the client unlimited', async () => {
    const iam = iamClient({ region: 'us-east-1', limiter: false });
    const events: string[] = [];
    const off = onRateEvent((e) => events.push(e.kind));
    await iam.send(new ListUsersCommand({}));
    off();
    expect(events).toEqual([]);
  });
});
