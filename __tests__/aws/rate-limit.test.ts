import { ListUsersCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../src/aws/clients.js';
import {
  AdaptiveRateLimiter,
  DEFAULT_MAX_RPS,
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
    const l = new AdaptiveRateLimiter('prod', { maxRps: 10, burst: 3 }, clock);
    const waits = Array.from({ length: 6 }, () => l.reserve());
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits.slice(3)).toEqual([100, 200, 300]);
  });

  test('over a long run, the last of N calls starts (N - burst) / rate seconds in', async () => {
    const clock = fakeClock();
    const l = new AdaptiveRateLimiter('prod', { maxRps: 20, burst: 20 }, clock);
    for (let i = 0; i < 220; i++) await l.acquire();
    expect(clock.t).toBeCloseTo(10_000, 0);
    expect(l.stats().calls).toBe(220);
  });

  test('a quiet spell refills the bucket, but never beyond the burst', () => {
    const clock = fakeClock();
    const l = new AdaptiveRateLimiter('prod', { maxRps: 10, burst: 2 }, clock);
    l.reserve();
    l.reserve();
    clock.t += 60_000;
    expect([l.reserve(), l.reserve(), l.reserve()]).toEqual([0, 0, 100]);
  });

  test('throttling halves the rate once per cooldown; successes add it back slowly up to the maximum', () => {
    const clock = fakeClock();
    const l = new AdaptiveRateLimiter('prod', { maxRps: 20, cooldownMs: 1000 }, clock);
    l.onThrottle();
    l.onThrottle(); // the same congestion, reported by a call already in flight
    expect(l.stats().rps).toBe(10);
    expect(l.stats().throttled).toBe(2);
    clock.t += 1000;
    l.onThrottle();
    expect(l.stats().rps).toBe(5);
    l.onSuccess();
    expect(l.stats().rps).toBe(5.5);
    for (let i = 0; i < 100; i++) l.onSuccess();
    expect(l.stats().rps).toBe(20);
  });

  test('never drops below the floor', () => {
    const clock = fakeClock();
    const l = new AdaptiveRateLimiter('prod', { maxRps: 4, minRps: 1, cooldownMs: 0 }, clock);
    for (let i = 0; i < 10; i++) l.onThrottle();
    expect(l.stats().rps).toBe(1);
  });

  test('after a decrease, new slots are spaced at the lower rate', () => {
    const clock = fakeClock();
    const l = new AdaptiveRateLimiter('prod', { maxRps: 10, burst: 1 }, clock);
    expect(l.reserve()).toBe(0);
    l.onThrottle(); // 5 rps: 200 ms apart
    expect(l.reserve()).toBe(100); // this slot was due at the old spacing
    expect(l.reserve()).toBe(300);
  });

  test('rejects a non-positive rate with the account in the message', () => {
    expect(() => new AdaptiveRateLimiter('prod', { maxRps: 0 })).toThrow(/account "prod".*positive/);
  });
});

describe('rateLimitSettings', () => {
  test('defaults to a documented conservative rate', () => {
    expect(rateLimitSettings({})).toEqual({ maxRps: DEFAULT_MAX_RPS });
  });
  test('reads IAM_CONNECTIONS_MAX_RPS and IAM_CONNECTIONS_BURST', () => {
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
    const limiter = new AdaptiveRateLimiter('prod', { maxRps: 1000 });
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
