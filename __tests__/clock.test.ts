/** The tool's one clock: IAM_CONNECTIONS_NOW replaces it and runs on from it; a bad value is refused. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { checkClockEnv, now, nowMs, parseNowOverride } from '../src/clock.js';
import { realClock } from '../src/aws/retry.js';

const DIST = resolve('dist/index.js');

test('an instant or a date is accepted; anything else is refused with the way out', () => {
  expect(parseNowOverride('2027-03-05T00:00:00Z')).toBe(Date.parse('2027-03-05T00:00:00Z'));
  expect(parseNowOverride('2027-03-05T01:30:00+01:00')).toBe(Date.parse('2027-03-05T00:30:00Z'));
  expect(parseNowOverride('2027-03-05T00:00:00.250Z')).toBe(Date.parse('2027-03-05T00:00:00.250Z'));
  expect(parseNowOverride('2027-03-05')).toBe(Date.parse('2027-03-05T00:00:00Z'));
  for (const bad of ['2027-03-05T00:00:00', 'tomorrow', '2027-02-30', '2027-13-01T00:00:00Z', '1741132800', ' 2027-03-05', '2027-03-05T25:00:00Z']) {
    expect(parseNowOverride(bad)).toBe(
      `IAM_CONNECTIONS_NOW is "${bad}"; it must be an ISO-8601 instant with its time zone, such as 2027-03-05T00:00:00Z ` +
        '(or a date, read as 00:00 UTC). It replaces the clock for tests and demos: unset it for real runs.',
    );
  }
});

test('unset, the clock is the wall clock; set, it starts at the instant and keeps running', async () => {
  const before = Date.now();
  expect(nowMs({})).toBeGreaterThanOrEqual(before);
  const env = { IAM_CONNECTIONS_NOW: '2027-03-05T00:00:00Z' };
  const t0 = nowMs(env);
  expect(t0).toBeGreaterThanOrEqual(Date.parse('2027-03-05T00:00:00Z'));
  await new Promise((r) => setTimeout(r, 30));
  const t1 = nowMs(env);
  expect(t1).toBeGreaterThan(t0);
  expect(now(env).toISOString().slice(0, 10)).toBe('2027-03-05');
  // A new value starts from its own instant.
  expect(now({ IAM_CONNECTIONS_NOW: '2030-01-01' }).toISOString().slice(0, 13)).toBe('2030-01-01T00');
  expect(() => nowMs({ IAM_CONNECTIONS_NOW: 'soon' })).toThrow('IAM_CONNECTIONS_NOW is "soon"');
});

test('the retry clock (locks, backoff budgets) reads the same clock', () => {
  const saved = process.env.IAM_CONNECTIONS_NOW;
  process.env.IAM_CONNECTIONS_NOW = '2031-06-01T00:00:00Z';
  try {
    expect(new Date(realClock.now()).toISOString().slice(0, 10)).toBe('2031-06-01');
  } finally {
    if (saved === undefined) delete process.env.IAM_CONNECTIONS_NOW;
    else process.env.IAM_CONNECTIONS_NOW = saved;
  }
});

test('checkClockEnv: nothing for a real clock, the notice for a simulated one, the error for a bad one', () => {
  expect(checkClockEnv({})).toEqual({});
  expect(checkClockEnv({ IAM_CONNECTIONS_NOW: '' })).toEqual({});
  expect(checkClockEnv({ IAM_CONNECTIONS_NOW: '2027-03-05T00:00:00Z' })).toEqual({
    notice: 'IAM_CONNECTIONS_NOW=2027-03-05T00:00:00Z: the clock is simulated (tests and demos only)',
  });
  expect(checkClockEnv({ IAM_CONNECTIONS_NOW: 'x' }).error).toMatch(/^IAM_CONNECTIONS_NOW is "x"/);
});

describe('the bundle (node dist/index.js)', () => {
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [DIST, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });

  test('CLI: the first line says the clock is simulated; a bad value exits 2 before anything else', () => {
    const ok = run(['validate', '-m', 'examples/connections.yaml'], { IAM_CONNECTIONS_NOW: '2027-03-05T00:00:00Z', CLOUDYN_EXTERNAL_ID: 'Contoso-0123456789' });
    expect(ok.stderr.split('\n')[0]).toBe('IAM_CONNECTIONS_NOW=2027-03-05T00:00:00Z: the clock is simulated (tests and demos only)');
    expect(ok.status).toBe(0);
    const bad = run(['validate', '-m', 'does-not-exist.yaml'], { IAM_CONNECTIONS_NOW: 'next week' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(`iam-connections: ${parseNowOverride('next week')}\n`);
  });

  test('action: the first line is the notice; a bad value fails the step before the inputs are read', () => {
    const ok = run([], { GITHUB_ACTIONS: 'true', IAM_CONNECTIONS_NOW: '2027-03-05', INPUT_COMMAND: 'validate', INPUT_MANIFEST: 'examples/connections.yaml', CLOUDYN_EXTERNAL_ID: 'Contoso-0123456789' });
    expect(ok.stdout.split('\n')[0]).toBe('::warning::IAM_CONNECTIONS_NOW=2027-03-05: the clock is simulated (tests and demos only)');
    const bad = run([], { GITHUB_ACTIONS: 'true', IAM_CONNECTIONS_NOW: '05/03/2027', INPUT_COMMAND: 'no-such-command' });
    expect(bad.status).toBe(1);
    expect(bad.stdout.trim()).toBe(`::error::iam-connections: ${parseNowOverride('05/03/2027')}`);
  });
});
