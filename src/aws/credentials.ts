/**
 * Credentials per manifest account (DESIGN.md sections 3 and 4).
 *
 * In GitHub Actions (`oidc`): a GitHub OIDC token, then STS AssumeRoleWithWebIdentity into the
 * account's `role`. An account with `via: <hub>` is reached by first getting the hub's
 * credentials (the same way, recursively), then AssumeRole into the account's role with them.
 * Locally (`default-chain`): the SDK's default chain (env, profile, SSO, ...), then AssumeRole
 * into the account's role when it has one (through the hub for `via`), else the default
 * credentials as they are, after checking with GetCallerIdentity that they belong to the account.
 *
 * Every assumed session is checked to be in the account the manifest declares, assumed once
 * per run (the resolver caches), and refreshed shortly before it expires.
 */
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  type AssumeRoleWithWebIdentityCommandOutput,
  GetCallerIdentityCommand,
  type Credentials as StsCredentials,
} from '@aws-sdk/client-sts';
import type { AccountSpec } from '../manifest/model.js';
import {
  DEFAULT_AUDIENCE,
  decodeJwtClaims,
  describeClaims,
  getGitHubIdToken,
  isGitHubActions,
  issuerHost,
} from '../github/oidc.js';
import { clientConfig, resolveRegion, stsClient, type AwsCredentialsProvider, type AwsIdentity } from './clients.js';
import { nameCredentials } from './rate-limit.js';
import { awsErrorAdvice } from './error-advice.js';
import { classifyAwsError, errorCode, errorSummary, RetriesExhaustedError, withRetry, type RetryOptions } from './retry.js';
import { sessionName as defaultSessionName } from './session-name.js';

export type CredentialMode = 'oidc' | 'default-chain';

type Env = Record<string, string | undefined>;

export interface CredentialResolverOptions {
  /** All manifest accounts, to follow `via`. */
  accounts: readonly AccountSpec[];
  /** Default: `oidc` when GITHUB_ACTIONS=true, else `default-chain`. */
  mode?: CredentialMode;
  /** Region of the STS endpoint. Default: AWS_REGION, else us-east-1. */
  region?: string;
  /** OIDC audience. Default sts.amazonaws.com. */
  audience?: string;
  /**
   * The `role-to-assume` input: replaces the role of the accounts the caller resolves (the
   * caller makes sure it is a single-account run). Like aws-actions/configure-aws-credentials,
   * the role is assumed directly with the web identity (or the local credentials): `via` is
   * not followed for an overridden role.
   */
  roleToAssume?: string;
  /** Default: `iam-connections-<run_id>-<attempt>` (./session-name.ts). */
  sessionName?: string;
  /** Requested session length. Default 3600 (the default maximum of a role). */
  durationSeconds?: number;
  /** Token source; default @actions/core's getIDToken via ../github/oidc.ts. */
  getIdToken?: (audience: string) => Promise<string>;
  /** For STS calls. Default budget 20 s. */
  retry?: RetryOptions;
  env?: Env;
  /** Clock for the refresh decision. */
  now?: () => number;
}

/** Resolves an account to a credentials provider for that account's clients. */
export type CredentialResolver = (account: AccountSpec) => Promise<AwsCredentialsProvider>;

/** Why an account could not be reached. The message says what to fix; no secret is in it. */
export class CredentialError extends Error {
  readonly account: string;
  readonly roleArn: string | undefined;
  readonly code: string | undefined;
  constructor(message: string, details: { account: string; roleArn?: string; code?: string; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'CredentialError';
    this.account = details.account;
    this.roleArn = details.roleArn;
    this.code = details.code;
  }
}

/** Refresh a session this long before it expires. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export function defaultCredentialMode(env: Env = process.env): CredentialMode {
  return isGitHubActions(env) ? 'oidc' : 'default-chain';
}

function accountLabel(a: AccountSpec): string {
  return `account "${a.name}" (${a.id})`;
}

export function accountIdOfArn(arn: string | undefined): string | undefined {
  return arn?.split(':')[4] || undefined;
}

function toIdentity(c: StsCredentials | undefined, what: string): AwsIdentity {
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`${what} returned no credentials`);
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiration: c.Expiration,
  };
}

function redact(text: string, secret: string | undefined): string {
  return secret && secret.length > 8 ? text.split(secret).join('***') : text;
}

function oidcFix(code: string | undefined, roleArn: string, accountId: string, claims: ReturnType<typeof decodeJwtClaims>): string {
  const host = issuerHost(claims);
  const aud = Array.isArray(claims?.aud) ? claims.aud[0] : claims?.aud;
  const provider = `arn:aws:iam::${accountId}:oidc-provider/${host}`;
  if (code === 'InvalidIdentityToken' || code === 'InvalidIdentityTokenException') {
    return (
      `AWS did not accept the token itself: account ${accountId} needs an IAM OIDC identity provider ${provider} ` +
      `(URL https://${host}) whose audiences include "${aud ?? DEFAULT_AUDIENCE}", or set the \`audience\` input to one it lists.`
    );
  }
  return (
    `Check the trust policy of ${roleArn}: it must allow sts:AssumeRoleWithWebIdentity for the federated principal ${provider}, ` +
    `with conditions that accept ${host}:sub = "${claims?.sub ?? '?'}" (StringEquals, or StringLike with a pattern that matches it) ` +
    `and ${host}:aud = "${aud ?? '?'}". Also check that the role exists and the ARN is right ` +
    '(the account\'s `role` in the manifest, or the `role-to-assume` input).'
  );
}

/**
 * STS answers InvalidIdentityToken "Couldn't retrieve verification key from your identity provider"
 * when its fetch of GitHub's signing keys fails, intermittently; the token itself is fine. We retry
 * it as aws-actions/configure-aws-credentials retries AssumeRoleWithWebIdentity: up to 12 attempts,
 * each waiting a random time below 50 ms x 2^(attempt-1) (full jitter, uncapped), about 100 s at
 * worst. Any other InvalidIdentityToken is a real rejection and fails at once.
 */
export const VERIFICATION_KEY_RETRY: RetryOptions = { maxAttempts: 12, baseDelayMs: 50, maxDelayMs: 50 * 2 ** 11, maxElapsedMs: 5 * 60_000 };

export function isVerificationKeyFailure(err: unknown): boolean {
  const code = errorCode(err);
  const message = typeof err === 'object' && err !== null ? (err as { message?: unknown }).message : undefined;
  return (code === 'InvalidIdentityToken' || code === 'InvalidIdentityTokenException') && typeof message === 'string' && /retrieve verification key/i.test(message);
}

/** Throttled or unreachable STS: nothing is wrong with the trust policy, so don't point there. */
function exhausted(account: AccountSpec, roleArn: string, err: RetriesExhaustedError): CredentialError {
  return new CredentialError(`Could not assume ${roleArn} for ${accountLabel(account)}: ${err.message}`, {
    account: account.name,
    roleArn,
    code: errorCode(err.cause),
    cause: err,
  });
}

/** Builds the resolver; each account is assumed once per run (concurrent callers share it). */
export function createCredentialResolver(opts: CredentialResolverOptions): CredentialResolver {
  const env = opts.env ?? process.env;
  const mode = opts.mode ?? defaultCredentialMode(env);
  const region = resolveRegion(opts.region, env);
  const audience = opts.audience || DEFAULT_AUDIENCE;
  const roleSession = opts.sessionName ?? defaultSessionName(env);
  const duration = opts.durationSeconds ?? 3600;
  const getIdToken = opts.getIdToken ?? getGitHubIdToken;
  const now = opts.now ?? Date.now;
  const retry: RetryOptions = { maxElapsedMs: 20_000, ...opts.retry };
  const byName = new Map(opts.accounts.map((a) => [a.name, a]));
  const cache = new Map<string, Promise<AwsCredentialsProvider>>();

  /** Our own base for local runs: the SDK default chain, as the STS client resolves it. */
  const defaultChain = stsClient({ region }).config.credentials as unknown as AwsCredentialsProvider;

  async function baseCredentials(account: AccountSpec): Promise<AwsIdentity> {
    try {
      return await defaultChain();
    } catch (err) {
      throw new CredentialError(
        `No AWS credentials for ${accountLabel(account)}: ${errorSummary(err)}. For a local run set AWS_PROFILE ` +
          '(or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY); in GitHub Actions the OIDC token is used instead.',
        { account: account.name, code: errorCode(err), cause: err },
      );
    }
  }

  function checkAccount(account: AccountSpec, arn: string | undefined, how: string): void {
    const got = accountIdOfArn(arn);
    if (got !== undefined && got !== account.id) {
      throw new CredentialError(
        `${how} gave credentials for AWS account ${got} (${arn ?? ''}), but the manifest declares ${accountLabel(account)}. ` +
          "Fix the account's `id` or `role` in the manifest (or the `role-to-assume` input) so they name the same account.",
        { account: account.name },
      );
    }
  }

  async function webIdentity(account: AccountSpec, roleArn: string): Promise<AwsIdentity> {
    const sts = stsClient({ region });
    let token = await getIdToken(audience);
    let refreshed = false;
    for (;;) {
      try {
        const label = `sts:AssumeRoleWithWebIdentity into ${roleArn}`;
        const call = (): Promise<AssumeRoleWithWebIdentityCommandOutput> =>
          sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: roleSession, WebIdentityToken: token, DurationSeconds: duration }));
        // Outer loop: the verification-key failure on configure-aws-credentials' schedule; inner: throttling and 5xx.
        const out = await withRetry(() => withRetry(call, { ...retry, label }), {
          ...VERIFICATION_KEY_RETRY,
          ...(retry.clock ? { clock: retry.clock } : {}),
          ...(retry.random ? { random: retry.random } : {}),
          ...(retry.onRetry ? { onRetry: retry.onRetry } : {}),
          label,
          classify: (err) => (isVerificationKeyFailure(err) ? 'transient' : 'fatal'),
        });
        checkAccount(account, out.AssumedRoleUser?.Arn, `AssumeRoleWithWebIdentity into ${roleArn}`);
        return toIdentity(out.Credentials, 'AssumeRoleWithWebIdentity');
      } catch (err) {
        if (err instanceof CredentialError) throw err;
        if (err instanceof RetriesExhaustedError && isVerificationKeyFailure(err.cause)) {
          throw new CredentialError(
            `Could not assume ${roleArn} for ${accountLabel(account)}: STS still could not retrieve the OIDC issuer's verification key after ${err.attempts} attempts ` +
              `(${errorSummary(err.cause)}). The token and the trust policy are not at fault: STS could not reach GitHub's key endpoint; rerun the job in a few minutes.`,
            { account: account.name, roleArn, code: errorCode(err.cause), cause: err },
          );
        }
        if (err instanceof RetriesExhaustedError) throw exhausted(account, roleArn, err);
        if (classifyAwsError(err) === 'expired' && !refreshed) {
          // The token can expire while we back off from throttling: one fresh token, then give up.
          refreshed = true;
          token = await getIdToken(audience);
          continue;
        }
        const claims = decodeJwtClaims(token);
        const code = errorCode(err);
        throw new CredentialError(
          redact(
            `Could not assume ${roleArn} for ${accountLabel(account)} with the GitHub OIDC token: ${errorSummary(err)}. ` +
              `The token has ${describeClaims(claims)}. ${oidcFix(code, roleArn, account.id, claims)}`,
            token,
          ),
          { account: account.name, roleArn, code, cause: err },
        );
      }
    }
  }

  async function assumeRole(
    account: AccountSpec,
    roleArn: string,
    from: AwsCredentialsProvider | AwsIdentity,
    fromLabel: string,
  ): Promise<AwsIdentity> {
    const sts = stsClient({ region, credentials: from });
    try {
      const out = await withRetry(
        () => sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: roleSession, DurationSeconds: duration })),
        { ...retry, label: `sts:AssumeRole into ${roleArn}` },
      );
      checkAccount(account, out.AssumedRoleUser?.Arn, `AssumeRole into ${roleArn}`);
      return toIdentity(out.Credentials, 'AssumeRole');
    } catch (err) {
      if (err instanceof CredentialError) throw err;
      if (err instanceof RetriesExhaustedError) throw exhausted(account, roleArn, err);
      const code = errorCode(err);
      const advice = awsErrorAdvice(err, 'sts:AssumeRole');
      if (advice !== undefined) {
        throw new CredentialError(`Could not assume ${roleArn} for ${accountLabel(account)} from ${fromLabel}: ${errorSummary(err)}; ${advice}.`, { account: account.name, roleArn, code, cause: err });
      }
      throw new CredentialError(
        `Could not assume ${roleArn} for ${accountLabel(account)} from ${fromLabel}: ${errorSummary(err)}. ` +
          `Check that the trust policy of ${roleArn} allows sts:AssumeRole for ${fromLabel.replace(/^the /, '')}, ` +
          `that its permissions allow sts:AssumeRole on ${roleArn}, and that the role ARN is right.`,
        { account: account.name, roleArn, code, cause: err },
      );
    }
  }

  /** One fetch of the account's credentials (no caching here). */
  async function fetchIdentity(account: AccountSpec, chain: string[], topLevel: boolean): Promise<AwsIdentity> {
    const overridden = topLevel && opts.roleToAssume !== undefined && opts.roleToAssume !== '';
    const roleArn = overridden ? opts.roleToAssume : account.role;
    const via = overridden ? undefined : account.via;

    if (via !== undefined) {
      const hub = byName.get(via);
      if (hub === undefined) {
        throw new CredentialError(
          `${accountLabel(account)} has \`via: ${via}\`, but the manifest declares no account "${via}". Name a declared account.`,
          { account: account.name },
        );
      }
      if (chain.includes(hub.name)) {
        throw new CredentialError(
          `The \`via\` chain of ${accountLabel(account)} loops (${[...chain, hub.name].join(' -> ')}). Make it end at an account reached directly.`,
          { account: account.name },
        );
      }
      if (roleArn === undefined) {
        throw new CredentialError(
          `${accountLabel(account)} has \`via: ${via}\` but no \`role\` to assume from there. Add the role ARN to the account.`,
          { account: account.name },
        );
      }
      const hubProvider = await resolveAccount(hub, [...chain, hub.name], false);
      return assumeRole(account, roleArn, hubProvider, `the hub account "${hub.name}" (role ${hub.role ?? 'from the default credentials'})`);
    }

    if (mode === 'oidc') {
      if (roleArn === undefined) {
        throw new CredentialError(
          `${accountLabel(account)} has no \`role\` to assume with the GitHub OIDC token. Add \`role: arn:aws:iam::${account.id}:role/<name>\` ` +
            'to the account in the manifest, or set the `role-to-assume` input.',
          { account: account.name },
        );
      }
      return webIdentity(account, roleArn);
    }

    const base = await baseCredentials(account);
    if (roleArn !== undefined) return assumeRole(account, roleArn, base, 'the local AWS credentials (default chain)');
    // No role: use the local credentials as they are, but never against the wrong account.
    const sts = stsClient({ region, credentials: base });
    try {
      const who = await withRetry(() => sts.send(new GetCallerIdentityCommand({})), { ...retry, label: 'sts:GetCallerIdentity' });
      if (who.Account !== undefined && who.Account !== account.id) {
        throw new CredentialError(
          `The local AWS credentials belong to account ${who.Account} (${who.Arn ?? ''}), but the manifest declares ${accountLabel(account)}. ` +
            'Switch AWS_PROFILE (or the credentials) to that account, or give the account a `role` to assume.',
          { account: account.name },
        );
      }
    } catch (err) {
      if (err instanceof CredentialError) throw err;
      throw new CredentialError(
        `Could not check the local AWS credentials for ${accountLabel(account)}: ${errorSummary(err)}. Check AWS_PROFILE or AWS_ACCESS_KEY_ID.`,
        { account: account.name, code: errorCode(err), cause: err },
      );
    }
    return base;
  }

  /** A provider that re-fetches shortly before expiry; the first fetch happens now, so errors surface here. */
  async function makeProvider(account: AccountSpec, chain: string[], topLevel: boolean): Promise<AwsCredentialsProvider> {
    let current = await fetchIdentity(account, chain, topLevel);
    let pending: Promise<AwsIdentity> | undefined;
    const provider: AwsCredentialsProvider = async () => {
      const exp = current.expiration?.getTime();
      if (exp === undefined || exp - now() > REFRESH_MARGIN_MS) return current;
      pending ??= fetchIdentity(account, chain, topLevel).finally(() => (pending = undefined));
      current = await pending;
      return current;
    };
    // IAM clients made with this provider share the account's rate limiter, named for progress lines.
    nameCredentials(provider, account.name);
    return provider;
  }

  function resolveAccount(account: AccountSpec, chain: string[], topLevel: boolean): Promise<AwsCredentialsProvider> {
    // Overridden top-level accounts and hubs are different sessions: separate cache keys.
    const key = `${topLevel && opts.roleToAssume ? 'override:' : ''}${account.name}`;
    let hit = cache.get(key);
    if (hit === undefined) {
      // A failure is cached too: the same denied role is not retried for every connection.
      hit = makeProvider(account, chain, topLevel);
      cache.set(key, hit);
    }
    return hit;
  }

  return (account) => resolveAccount(account, [account.name], true);
}

/** Client settings for an account's clients: the resolved session, our retry policy. */
export function accountClientConfig(region: string, credentials: AwsCredentialsProvider): ReturnType<typeof clientConfig> {
  return clientConfig({ region, credentials });
}
