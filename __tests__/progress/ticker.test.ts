import { createProgressTicker, type TickerTimer } from '../../src/progress/ticker.js';
import { feedThrottles } from '../../src/progress/throttle-feed.js';
import { AdaptiveRateLimiter } from '../../src/aws/rate-limit.js';

function fakeTimer(): TickerTimer & { t: number; advance(ms: number): void; active: number } {
  let fn: (() => void) | undefined;
  let every = 0;
  let next = 0;
  const timer = {
    t: 0,
    active: 0,
    now: () => timer.t,
    every(ms: number, f: () => void) {
      fn = f;
      every = ms;
      next = timer.t + ms;
      timer.active++;
      return () => {
        fn = undefined;
        timer.active--;
      };
    },
    advance(ms: number) {
      const end = timer.t + ms;
      while (fn && next <= end) {
        timer.t = next;
        next += every;
        fn();
      }
      timer.t = end;
    },
  };
  return timer;
}

describe('progress ticker', () => {
  test('a line per working account every interval, and a final line when it finishes', () => {
    const timer = fakeTimer();
    const lines: string[] = [];
    const t = createProgressTicker({ emit: (l) => lines.push(l), intervalMs: 5000, timer });
    t.begin('prod', 1000, 'changes');
    t.begin('staging', 10, 'changes');
    for (let i = 0; i < 340; i++) t.advance('prod');
    t.throttled('prod');
    t.advance('staging', 10);
    timer.advance(4999);
    expect(lines).toEqual([]);
    timer.advance(1);
    expect(lines).toEqual(['prod: 340/1000 changes, 1 throttled, 5.0 s', 'staging: 10/10 changes, 0 throttled, 5.0 s']);
    t.finish('staging');
    expect(lines[2]).toBe('staging: 10/10 changes, 0 throttled, 5.0 s, finished');
    timer.advance(5000);
    // Finished accounts are not repeated; a working one is, even if nothing moved.
    expect(lines.slice(3)).toEqual(['prod: 340/1000 changes, 1 throttled, 10.0 s']);
    t.stop();
    expect(timer.active).toBe(0);
    timer.advance(60_000);
    t.finish('prod');
    expect(lines).toHaveLength(4);
  });

  test('failures are counted with what is done', () => {
    const timer = fakeTimer();
    const t = createProgressTicker({ emit: () => undefined, timer });
    t.begin('prod', 3, 'changes');
    t.advance('prod', 1);
    t.advance('prod', 1, 1);
    expect(t.snapshot()).toEqual([expect.objectContaining({ account: 'prod', done: 2, failed: 1, total: 3 })]);
    t.stop();
  });

  test('throttles seen by the rate limiters reach the account they belong to', () => {
    const timer = fakeTimer();
    const t = createProgressTicker({ emit: () => undefined, timer });
    const stop = feedThrottles(t);
    new AdaptiveRateLimiter('prod', { maxRps: 5 }).onThrottle();
    new AdaptiveRateLimiter('dev', { maxRps: 5 }).onSuccess();
    stop();
    new AdaptiveRateLimiter('prod', { maxRps: 5 }).onThrottle();
    expect(t.snapshot()).toEqual([expect.objectContaining({ account: 'prod', throttled: 1 })]);
    t.stop();
  });
});
