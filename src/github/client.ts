/**
 * The one Octokit the tool uses for GitHub's REST (and GraphQL) API: secrets delivery, the plan
 * comment, and any later call. Built on @actions/github's `getOctokit`, which routes through the
 * runner's proxy settings, with two plugins:
 *
 * - retry: 5xx answers and network failures (Octokit reports both as status 500) are retried
 *   with backoff; 4xx never are, so a real permission 403 fails at once without a retry storm.
 * - throttling: writes are serialised a second apart (GitHub's advice against secondary limits),
 *   and primary and secondary rate limits are waited out: each wait is logged, and the waits of
 *   one client add up to at most `maxRateLimitWaitMs` (a rotation holds user locks meanwhile).
 *
 * GitHub signals a secondary rate limit with 403 or 429 and either a `retry-after` header or the
 * message "You have exceeded a secondary rate limit"; the throttling plugin only recognises the
 * message, so `rateLimitSignal` below marks the header-only forms for it.
 *
 * `baseUrl` is passed explicitly because @actions/github reads GITHUB_API_URL once, when the
 * module is first imported, so a value set later (tests, the CLI) would be ignored.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Octokit } from '@octokit/core';

export interface GitHubClientOptions {
  /** Where "waiting for GitHub's rate limit" lines go. Default: nowhere. */
  log?: (line: string) => void;
  /** Total of all rate-limit waits this client may make; past it the call fails. Default 5 minutes. */
  maxRateLimitWaitMs?: number;
  /** Retries of one request after 5xx or a network failure. Default 3 (waits 1, 4, 9 s). */
  retries?: number;
}

/** Rate-limit retries of one request, whatever the budget says. */
const MAX_RATE_LIMIT_RETRIES = 4;
const DEFAULT_MAX_WAIT_MS = 5 * 60_000;
/** 4xx answers that a retry cannot change; 429 belongs to the throttling plugin. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

export function gitHubApiUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}

interface ErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

function header(e: ErrorLike, name: string): string | undefined {
  const v = e.response?.headers?.[name];
  return v === undefined ? undefined : String(v);
}

/**
 * Whether a failed GitHub call was refused for rate, not for rights: 403 or 429 with a
 * `retry-after` header, a secondary-limit message, or no requests left (`x-ratelimit-remaining: 0`).
 * A 429 is always a rate limit.
 */
export function rateLimitSignal(e: unknown): 'primary' | 'secondary' | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const err = e as ErrorLike;
  if (err.status !== 403 && err.status !== 429) return undefined;
  const message = typeof err.message === 'string' ? err.message : '';
  if (/\bsecondary rate\b/i.test(message) || header(err, 'retry-after') !== undefined) return 'secondary';
  if (header(err, 'x-ratelimit-remaining') === '0') return 'primary';
  return err.status === 429 ? 'secondary' : undefined;
}

/**
 * Innermost plugin: names a header-only secondary limit in the error's message, the one thing the
 * throttling plugin looks at, so that it waits `retry-after` (or a minute) instead of failing.
 */
function rateLimitSignalPlugin(octokit: Octokit): void {
  octokit.hook.error('request', (error) => {
    const e = error as ErrorLike & Error;
    if (rateLimitSignal(e) === 'secondary' && !/\bsecondary rate\b/i.test(e.message)) {
      e.message = `${e.message} (GitHub answered ${String(e.status)} with retry-after: a secondary rate limit)`;
    }
    throw error;
  });
}

export function createGitHubClient(token: string, env: Record<string, string | undefined> = process.env, opts: GitHubClientOptions = {}) {
  const log = opts.log ?? (() => undefined);
  const budget = opts.maxRateLimitWaitMs ?? DEFAULT_MAX_WAIT_MS;
  let waitedMs = 0;
  const onLimit =
    (kind: 'primary' | 'secondary') =>
    (retryAfterSeconds: number, request: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
      const ms = Math.max(0, retryAfterSeconds) * 1000;
      const what = `${request.method ?? ''} ${request.url ?? ''}`.trim();
      if (retryCount >= MAX_RATE_LIMIT_RETRIES || waitedMs + ms > budget) {
        log(
          `GitHub's ${kind} rate limit still applies to ${what} after ${retryCount} wait(s) (${Math.round(waitedMs / 1000)} s in total); ` +
            `not waiting another ${retryAfterSeconds} s (this run waits at most ${Math.round(budget / 1000)} s)`,
        );
        return false;
      }
      waitedMs += ms;
      log(`GitHub's ${kind} rate limit on ${what}: waiting ${retryAfterSeconds} s before trying again (${retryCount + 1} of at most ${MAX_RATE_LIMIT_RETRIES})`);
      return true;
    };
  return getOctokit(
    token,
    {
      baseUrl: gitHubApiUrl(env),
      userAgent: 'iam-connections',
      log: { debug: () => undefined, info: () => undefined, warn: (m: string) => log(m), error: (m: string) => log(m) },
      retry: { doNotRetry: DO_NOT_RETRY, retries: opts.retries ?? 3 },
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
    },
    rateLimitSignalPlugin,
    retry,
    throttling,
  );
}

export type GitHubClient = ReturnType<typeof createGitHubClient>;
