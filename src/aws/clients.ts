/**
 * Client configuration shared by everything that talks to AWS. Endpoints are left to the SDK,
 * which honours AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> (IAM, STS, S3, SECRETS_MANAGER)
 * itself; tests point them at moto.
 */
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import { AdaptiveRateLimiter, limiterForCredentials, rateLimitSettings } from './rate-limit.js';
import { classifyAwsError } from './retry.js';

/** What the SDK accepts as `credentials`: a static identity or a provider function. */
export type AwsCredentials = NonNullable<STSClientConfig['credentials']>;
/** A static identity (access key id, secret, session token, expiration). */
export type AwsIdentity = Exclude<AwsCredentials, (...args: never[]) => unknown>;
/** A function the SDK calls for credentials before each request. */
export type AwsCredentialsProvider = () => Promise<AwsIdentity>;

export const DEFAULT_REGION = 'us-east-1';

export interface ClientSettings {
  region: string;
  /** Omitted: the SDK's default chain (environment, profile, SSO, container, instance). */
  credentials?: AwsCredentials;
  /**
   * IAM clients only: the account's rate limiter (./rate-limit.ts). Default: the one shared by
   * every client made with the same credentials (one per account per run); `false`: none.
   */
  limiter?: AdaptiveRateLimiter | false;
}

/**
 * `maxAttempts: 1`: the SDK never retries on its own; every call goes through
 * `withRetry` (./retry.ts), so one policy (and one call count) holds everywhere.
 */
export function clientConfig(s: ClientSettings): { region: string; maxAttempts: number; credentials?: AwsCredentials } {
  return s.credentials === undefined
    ? { region: s.region, maxAttempts: 1 }
    : { region: s.region, maxAttempts: 1, credentials: s.credentials };
}

export function iamClient(s: ClientSettings): IAMClient {
  const client = new IAMClient(clientConfig(s));
  const limiter =
    s.limiter ?? (s.credentials !== undefined ? limiterForCredentials(s.credentials) : new AdaptiveRateLimiter('default', rateLimitSettings()));
  if (limiter !== false) withRateLimit(client, limiter);
  return client;
}

/**
 * Every request of `client` (each attempt: the SDK's own retries are off) waits for a slot of
 * the account's limiter, and tells it whether IAM throttled it. First in the stack, so the
 * request is signed after the wait, never before.
 */
export function withRateLimit(client: IAMClient, limiter: AdaptiveRateLimiter): IAMClient {
  client.middlewareStack.add(
    (next) => async (args) => {
      await limiter.acquire();
      try {
        const out = await next(args);
        limiter.onSuccess();
        return out;
      } catch (err) {
        if (classifyAwsError(err) === 'throttle') limiter.onThrottle();
        throw err;
      }
    },
    { step: 'initialize', name: 'iamConnectionsRateLimit', override: true },
  );
  return client;
}

export function stsClient(s: ClientSettings): STSClient {
  return new STSClient(clientConfig(s));
}

/**
 * Virtual-hosted bucket addressing needs DNS names: against an endpoint on an IP address or
 * localhost (an emulator, a VPC endpoint by IP) only path-style requests can work.
 */
export function needsPathStyle(env: Record<string, string | undefined> = process.env): boolean {
  const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL;
  if (!endpoint) return false;
  try {
    const host = new URL(endpoint).hostname;
    return host === 'localhost' || /^[\d.]+$/.test(host) || host.startsWith('[');
  } catch {
    return false;
  }
}

export function s3Client(s: ClientSettings, env: Record<string, string | undefined> = process.env): S3Client {
  return new S3Client({ ...clientConfig(s), forcePathStyle: needsPathStyle(env) });
}

export function secretsManagerClient(s: ClientSettings): SecretsManagerClient {
  return new SecretsManagerClient(clientConfig(s));
}

/** The region to use: explicit, then AWS_REGION / AWS_DEFAULT_REGION, then us-east-1. */
export function resolveRegion(explicit: string | undefined, env: Record<string, string | undefined> = process.env): string {
  return explicit || env.AWS_REGION || env.AWS_DEFAULT_REGION || DEFAULT_REGION;
}
