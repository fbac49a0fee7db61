/**
 * The tool's one idea of "now". Every expiry check, lock expiry, record timestamp and report
 * time reads it, so plan, apply and rotate evaluate a run against the same instants.
 *
 * `IAM_CONNECTIONS_NOW` (an ISO instant) replaces the wall clock for tests and demos: the clock
 * then runs on from that instant at real speed, from the moment this process first reads it,
 * so lock expiry and backoffs still measure real elapsed time. A run that honours it says so in
 * its first log line (`simulatedClockNotice`); an invalid value stops the run before anything
 * else (`checkClockEnv`). Only the AWS SDK's own request signing and credential refresh keep
 * the real clock: those are about the real world's AWS, not about the manifest's time rules.
 */
import { performance } from 'node:perf_hooks';

export const NOW_ENV = 'IAM_CONNECTIONS_NOW';

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Date.parse rolls 2027-02-30 over to March 2: a calendar day that does not exist is a typo. */
function realDay(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d && m >= 1 && m <= 12;
}

/** The base instant (ms) an `IAM_CONNECTIONS_NOW` value names, or the message saying why it names none. */
export function parseNowOverride(value: string): number | string {
  const ms = INSTANT.test(value) && realDay(value) ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : Number.NaN;
  if (Number.isNaN(ms)) {
    return (
      `${NOW_ENV} is "${value}"; it must be an ISO-8601 instant with its time zone, such as 2027-03-05T00:00:00Z ` +
      '(or a date, read as 00:00 UTC). It replaces the clock for tests and demos: unset it for real runs.'
    );
  }
  return ms;
}

/** The base of the current override and when (process-relative, ms) this process first read it. */
let started: { value: string; base: number; at: number } | undefined;

function override(env: NodeJS.ProcessEnv): { base: number; at: number } | undefined {
  const value = env[NOW_ENV];
  if (value === undefined || value === '') return undefined;
  if (started?.value !== value) {
    const base = parseNowOverride(value);
    if (typeof base === 'string') throw new Error(base);
    started = { value, base, at: performance.now() };
  }
  return started;
}

/** Now, in ms since the epoch: the simulated clock when `IAM_CONNECTIONS_NOW` is set, else the wall clock. */
export function nowMs(env: NodeJS.ProcessEnv = process.env): number {
  const o = override(env);
  return o ? o.base + (performance.now() - o.at) : Date.now();
}

/** Now, as a Date (see `nowMs`). */
export function now(env: NodeJS.ProcessEnv = process.env): Date {
  return new Date(nowMs(env));
}

/**
 * For the entry points, before anything else: undefined when the clock is real; the first log
 * line when it is simulated (the clock starts running from here); or an error for a bad value.
 */
export function checkClockEnv(env: NodeJS.ProcessEnv = process.env): { notice?: string; error?: string } {
  const value = env[NOW_ENV];
  if (value === undefined || value === '') return {};
  const base = parseNowOverride(value);
  if (typeof base === 'string') return { error: base };
  override(env);
  return { notice: `${NOW_ENV}=${value}: the clock is simulated (tests and demos only)` };
}
