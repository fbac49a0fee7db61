import { mapLimit } from '../src/concurrency.js';

test('keeps the order of the items and never runs more than the limit at once', async () => {
  let running = 0;
  let peak = 0;
  const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setImmediate(r));
    running--;
    return n * 10;
  });
  expect(out).toEqual([50, 10, 40, 20, 30]);
  expect(peak).toBe(2);
});

test('an empty list gives an empty result', async () => {
  expect(await mapLimit([], 4, async () => 1)).toEqual([]);
});
