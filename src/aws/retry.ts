/**
 * Our own retry loop for every AWS call we make.
 *
 * Why not the SDK's retry: clients we create get `maxAttempts: 1` (see ./clients.ts) and calls
 * go through `withRetry`. That keeps one policy everywhere (the SDK's standard mode gives up
 * after 3 attempts, which IAM's unpublished throttling rate defeats on large accounts), a
 * bounded total time instead of a count, deterministic tests (sleep, random and clock are
 * injected), and exactly one AWS call per attempt, so tests and benchmarks can count calls.
 * What matters most: an access error is never retried, throttling always is.
 */

import { nowMs } from '../clock.js';

/** How an error should be handled. */
export type ErrorClass =
  /** Rate limiting: back off and retry. */
  | 'throttle'
  /** 5xx, timeouts, dropped connections: back off and retry. */
  | 'transient'
  /** An expired OIDC token or session: retrying as is cannot help; a fresh token might. */
  | 'expired'
  /** Denied, invalid token, rejected claim: fail at once, a human has to fix something. */
  | 'denied'
  /**
   * IAM or S3 has not yet seen an entity created moments ago (an "Invalid principal" naming a new
   * role, EntityTemporarilyUnmodifiable): retried within the budget, and never blamed on the network.
   */
  | 'consistency'
  /** The request's signature is too old for AWS: this machine's clock is off. Not retried. */
  | 'skew'
  /** Anything else (validation errors, NoSuchEntity, ...): not retried. */
  | 'fatal';

const THROTTLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'PriorRequestNotComplete',
]);

const EXPIRED_CODES = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired']);

const DENIED_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'InvalidIdentityToken',
  'InvalidIdentityTokenException',
  'IDPRejectedClaim',
  'IDPRejectedClaimException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'MissingAuthenticationToken',
  'UnauthorizedOperation',
  'AuthFailure',
]);

const TRANSIENT_CODES = new Set([
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalError',
  'InternalFailure',
  'InternalServerError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'ServiceFailure',
  // STS: the identity provider could not be reached; AWS documents it as retryable.
  'IDPCommunicationError',
  'IDPCommunicationErrorException',
]);

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: { statusCode?: unknown };
  $retryable?: { throttling?: unknown };
  cause?: unknown;
}

function shape(err: unknown): ErrorShape {
  return typeof err === 'object' && err !== null ? (err as ErrorShape) : {};
}

/** The AWS error code (`AccessDenied`, `Throttling`, ...) or a Node network code, if any. */
export function errorCode(err: unknown): string | undefined {
  const e = shape(err);
  for (const c of [e.Code, e.code, e.name]) {
    if (typeof c === 'string' && c !== '' && c !== 'Error') return c;
  }
  return undefined;
}

/** The HTTP status of an AWS error, if it got that far. */
export function httpStatus(err: unknown): number | undefined {
  const e = shape(err);
  const s = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

function isNetworkError(err: unknown, depth = 0): boolean {
  const e = shape(err);
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  if (/socket hang up|ECONNRESET|ETIMEDOUT|ECONNREFUSED|other side closed/i.test(message)) return true;
  return depth < 3 && e.cause !== undefined && isNetworkError(e.cause, depth + 1);
}

/** Clock skew: AWS refuses a signature dated more than 5 minutes from its own clock. */
export function isClockSkew(err: unknown): boolean {
  const code = errorCode(err) ?? '';
  if (code === 'RequestTimeTooSkewed' || code === 'RequestTimeTooSkewedException') return true;
  const message = shape(err).message;
  return /^(SignatureDoesNotMatch|InvalidSignatureException|AuthFailure)$/.test(code) && typeof message === 'string' && /signature expired|time.{0,20}skew/i.test(message);
}

/**
 * An answer that is not an AWS answer: a 501 (the endpoint does not implement the operation), or a
 * body the SDK could not parse (an HTML page from a stand-in endpoint or a proxy). Retrying the same
 * request against the same endpoint gets the same page, so it fails at once; a 502/503/504 gateway
 * page stays transient, since gateways answer those while the service behind them recovers.
 */
export function isNotAnAwsAnswer(err: unknown): boolean {
  const status = httpStatus(err);
  if (status === 501) return true;
  const message = shape(err).message;
  const unparsable = typeof message === 'string' && /XML parse error|Deserialization error|Unexpected token '?<|is not valid JSON/i.test(message);
  return unparsable && status !== 502 && status !== 503 && status !== 504;
}

export function classifyAwsError(err: unknown): ErrorClass {
  const code = errorCode(err);
  if (isClockSkew(err)) return 'skew';
  if (isNotAnAwsAnswer(err)) return 'fatal';
  if (code !== undefined) {
    if (THROTTLE_CODES.has(code)) return 'throttle';
    if (EXPIRED_CODES.has(code)) return 'expired';
    if (DENIED_CODES.has(code)) return 'denied';
    if (TRANSIENT_CODES.has(code)) return 'transient';
  }
  if (shape(err).$retryable?.throttling === true) return 'throttle';
  const status = httpStatus(err);
  if (status === 429) return 'throttle';
  if (status !== undefined && status >= 500) return 'transient';
  if (isNetworkError(err)) return 'transient';
  return 'fatal';
}

export function isRetryable(c: ErrorClass): boolean {
  return c === 'throttle' || c === 'transient' || c === 'consistency';
}

export interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Real sleeps; `now` is the tool's clock (src/clock.ts), so lock expiry follows IAM_CONNECTIONS_NOW. */
export const realClock: RetryClock = {
  now: () => nowMs(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RetryInfo {
  /** 1-based number of the attempt that failed. */
  attempt: number;
  errorClass: ErrorClass;
  code: string | undefined;
  delayMs: number;
  label: string | undefined;
}

export interface RetryOptions {
  /** Total time budget across attempts and waits. Default 20 s. */
  maxElapsedMs?: number;
  /** Hard cap on attempts whatever the budget. Default 12. */
  maxAttempts?: number;
  /** First backoff ceiling; doubles each attempt. Default 200 ms. */
  baseDelayMs?: number;
  /** Ceiling of a single wait. Default 5 s. */
  maxDelayMs?: number;
  /** In [0, 1). Default Math.random. */
  random?: () => number;
  clock?: RetryClock;
  /** Names the call in errors and retry notes, e.g. `iam:ListAccessKeys`. */
  label?: string;
  onRetry?: (info: RetryInfo) => void;
  /** Override the classification (e.g. to retry IAM's eventual-consistency NoSuchEntity). */
  classify?: (err: unknown) => ErrorClass;
}

/** Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): uniform in [0, cap). */
export function backoffDelay(attempt: number, base: number, max: number, random: () => number): number {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Thrown when retries ran out; `cause` is the last AWS error. */
export class RetriesExhaustedError extends Error {
  readonly attempts: number;
  readonly lastClass: ErrorClass;
  constructor(label: string | undefined, attempts: number, lastClass: ErrorClass, cause: unknown) {
    const what = label ?? 'AWS call';
    const detail = errorSummary(cause);
    const [why, fix] =
      lastClass === 'throttle'
        ? ['still throttled', 'Another process may be calling IAM heavily; rerun later or work on fewer accounts at once (the `accounts` input).']
        : lastClass === 'consistency'
          ? ['still refused as if an entity created moments ago did not exist yet', 'AWS can take longer than usual to propagate a new user or role; rerun apply (every step is idempotent).']
          : ['still failing (server or network errors)', 'Check the network path to AWS (and AWS_ENDPOINT_URL* if set), then rerun.'];
    super(`${what} ${why} after ${attempts} attempts: ${detail}. ${fix}`, { cause });
    this.name = 'RetriesExhaustedError';
    this.attempts = attempts;
    this.lastClass = lastClass;
  }
}

/** `Code: message` of an AWS error, for messages. Never includes request parameters. */
export function errorSummary(err: unknown): string {
  const code = errorCode(err);
  const message = shape(err).message;
  const text = typeof message === 'string' && message !== '' ? message : String(err);
  return code !== undefined && !text.startsWith(code) ? `${code}: ${text}` : text;
}

/**
 * Runs `fn` until it succeeds, a non-retryable error occurs (rethrown as is), or the budget
 * runs out (RetriesExhaustedError). `fn` receives the 1-based attempt number.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const clock = opts.clock ?? realClock;
  const random = opts.random ?? Math.random;
  const classify = opts.classify ?? classifyAwsError;
  const maxElapsed = opts.maxElapsedMs ?? 20_000;
  const maxAttempts = opts.maxAttempts ?? 12;
  const base = opts.baseDelayMs ?? 200;
  const maxDelay = opts.maxDelayMs ?? 5_000;
  const start = clock.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      const errorClass = classify(err);
      if (!isRetryable(errorClass)) throw err;
      const delayMs = backoffDelay(attempt, base, maxDelay, random);
      const elapsed = clock.now() - start;
      if (attempt >= maxAttempts || elapsed + delayMs > maxElapsed) {
        throw new RetriesExhaustedError(opts.label, attempt, errorClass, err);
      }
      opts.onRetry?.({ attempt, errorClass, code: errorCode(err), delayMs, label: opts.label });
      await clock.sleep(delayMs);
    }
  }
}
