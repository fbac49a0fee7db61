import { formatOverallLine, formatProgressLine, type AccountProgress } from '../../src/progress/format.js';

const p = (over: Partial<AccountProgress> = {}): AccountProgress => ({
  account: 'prod',
  done: 340,
  total: 1000,
  unit: 'changes',
  failed: 0,
  throttled: 12,
  startedAt: 1000,
  ...over,
});

describe('formatProgressLine', () => {
  test('done / total, throttled, elapsed', () => {
    expect(formatProgressLine(p(), 18_200)).toBe('prod: 340/1000 changes, 12 throttled, 17.2 s');
  });
  test('failures are shown when there are any', () => {
    expect(formatProgressLine(p({ failed: 3 }), 2000)).toBe('prod: 340/1000 changes, 3 failed, 12 throttled, 1.0 s');
  });
  test('an unknown total shows the count alone; minutes past a minute', () => {
    expect(formatProgressLine(p({ total: 0, unit: 'users' }), 1000 + 125_000)).toBe('prod: 340 users, 12 throttled, 2 min 5 s');
  });
  test('a finished account shows its own duration, not the time since', () => {
    expect(formatProgressLine(p({ done: 1000, finishedAt: 31_000 }), 99_000)).toBe('prod: 1000/1000 changes, 12 throttled, 30.0 s, finished');
  });
});

describe('formatOverallLine', () => {
  test('sums the accounts', () => {
    const all = [p(), p({ account: 'staging', done: 1000, throttled: 1, finishedAt: 5000 })];
    expect(formatOverallLine(all, 0, 10_000)).toBe('1/2 accounts finished, 1340/2000 changes, 13 throttled, 10.0 s');
  });
});
