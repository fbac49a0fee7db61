/**
 * The GitHub Actions OIDC token: fetching it (through @actions/core, which masks it) and
 * reading its claims for error messages. The token itself is a bearer credential: it is never
 * printed, only its `sub`, `aud` and `iss` claims are.
 */
import * as core from '@actions/core';

export const OIDC_REQUEST_VARIABLES = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'] as const;

export const DEFAULT_AUDIENCE = 'sts.amazonaws.com';

type Env = Record<string, string | undefined>;

/** Raised when the runner gave the job no way to request a token. */
export class OidcUnavailableError extends Error {
  readonly missing: string[];
  constructor(missing: string[]) {
    super(
      `Cannot request a GitHub OIDC token: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. ` +
        'The workflow (or this job) needs `permissions: id-token: write` so the runner provides them; ' +
        'note that a `permissions:` block that does not list id-token removes it, and pull requests from forks never get it ' +
        '(use `command: validate` there, it needs no AWS access).',
    );
    this.name = 'OidcUnavailableError';
    this.missing = missing;
  }
}

/** Raised when the token endpoint fails; carries no token or request bearer. */
export class OidcRequestError extends Error {
  constructor(audience: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message.replace(/\s+/g, ' ').trim() : String(cause);
    super(
      `Could not get a GitHub OIDC token for audience "${audience}": ${reason}. ` +
        'Check that the job has `permissions: id-token: write` and rerun; a 5xx from the token service is usually transient.',
      { cause },
    );
    this.name = 'OidcRequestError';
  }
}

export function missingOidcVariables(env: Env = process.env): string[] {
  return OIDC_REQUEST_VARIABLES.filter((v) => !env[v]);
}

export function isGitHubActions(env: Env = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** Fetches an OIDC token for `audience`. @actions/core reads the request variables from process.env. */
export async function getGitHubIdToken(audience: string = DEFAULT_AUDIENCE): Promise<string> {
  const missing = missingOidcVariables(process.env);
  if (missing.length > 0) throw new OidcUnavailableError(missing);
  try {
    return await core.getIDToken(audience);
  } catch (err) {
    throw new OidcRequestError(audience, err);
  }
}

/** The claims we explain in messages. Other claims are kept but not typed. */
export interface TokenClaims {
  sub?: string;
  aud?: string | string[];
  iss?: string;
  repository?: string;
  ref?: string;
  environment?: string;
  job_workflow_ref?: string;
  run_id?: string;
  exp?: number;
  [claim: string]: unknown;
}

/** Decodes a JWT's payload without verifying it (only to explain failures). Never throws. */
export function decodeJwtClaims(token: string): TokenClaims | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined || payload === '') return undefined;
  try {
    const json: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as TokenClaims) : undefined;
  } catch {
    return undefined;
  }
}

/** `sub = "...", aud = "..."` for messages; safe to print (claims, not the token). */
export function describeClaims(claims: TokenClaims | undefined): string {
  if (claims === undefined) return 'the token could not be decoded to show its claims';
  const aud = Array.isArray(claims.aud) ? claims.aud.join(', ') : claims.aud;
  const parts = [`sub = "${claims.sub ?? '(none)'}"`, `aud = "${aud ?? '(none)'}"`];
  if (claims.iss !== undefined) parts.push(`iss = "${claims.iss}"`);
  return parts.join(', ');
}

/** The OIDC provider host the trust policy's condition keys are named after (`<host>:sub`). */
export function issuerHost(claims: TokenClaims | undefined): string {
  const iss = claims?.iss;
  if (typeof iss === 'string') {
    try {
      const u = new URL(iss);
      return `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
    } catch {
      // Fall through to GitHub.com's issuer.
    }
  }
  return 'token.actions.githubusercontent.com';
}
