/**
 * Delivery to GitHub Actions secrets: repository, environment or organisation scope. GitHub
 * takes a secret only encrypted with that scope's public key as a libsodium sealed box
 * (`crypto_box_seal`), base64-encoded, together with the key's ID.
 * Plain fetch against GITHUB_API_URL (GitHub Enterprise and the tests' local server alike).
 */
import sodium from 'libsodium-wrappers';
import type { Sink } from '../manifest/model.js';
import { maskKeyId } from '../plan/keys.js';
import { expandAccount } from '../report/vendor-handoff.js';
import { payloadJson, scrub, type KeyPayload } from './payload.js';
import { SinkError, type SinkDelivery } from './secrets-manager.js';

export type GitHubSecretSink = Extract<Sink, { kind: 'githubSecret' }>;

export interface GitHubSecretsClient {
  /** e.g. `https://api.github.com` (GITHUB_API_URL). */
  baseUrl: string;
  /** A token that may write Actions secrets; never appears in a message. */
  token: string;
  /** `owner/repo` used when a sink names neither repository nor organization (GITHUB_REPOSITORY). */
  defaultRepository?: string;
  fetch?: typeof fetch;
}

export function gitHubSecretsClient(token: string, env: Record<string, string | undefined> = process.env): GitHubSecretsClient {
  return {
    baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    token,
    ...(env.GITHUB_REPOSITORY ? { defaultRepository: env.GITHUB_REPOSITORY } : {}),
  };
}

interface Scope {
  /** For messages: `acme/vault-sync`, `environment prod of acme/vault-sync`, `organization acme`. */
  label: string;
  /** Path prefix up to `/secrets`. */
  base: string;
  org: boolean;
}

function scopeOf(sink: GitHubSecretSink, client: GitHubSecretsClient): Scope {
  const enc = encodeURIComponent;
  if (sink.organization) return { label: `organization ${sink.organization}`, base: `/orgs/${enc(sink.organization)}/actions/secrets`, org: true };
  const repo = sink.repository ?? client.defaultRepository;
  const [owner, name] = (repo ?? '').split('/');
  if (!owner || !name) {
    throw new SinkError(
      `GitHub secret ${sink.name}: no repository to write it to: name one in the sink (githubSecret.repository: owner/repo) or run inside GitHub Actions (GITHUB_REPOSITORY)`,
    );
  }
  if (sink.environment) {
    return { label: `environment ${sink.environment} of ${owner}/${name}`, base: `/repos/${enc(owner)}/${enc(name)}/environments/${enc(sink.environment)}/secrets`, org: false };
  }
  return { label: `${owner}/${name}`, base: `/repos/${enc(owner)}/${enc(name)}/actions/secrets`, org: false };
}

/** The sealed box GitHub expects, base64 (standard alphabet, padded). */
export async function sealForGitHub(publicKeyB64: string, plaintext: string): Promise<string> {
  await sodium.ready;
  const pk = sodium.from_base64(publicKeyB64, sodium.base64_variants.ORIGINAL);
  const sealed = sodium.crypto_box_seal(sodium.from_string(plaintext), pk);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}

function deniedMessage(scope: Scope, status: number, name: string): string {
  const what = scope.org ? `organization ${scope.label.replace(/^organization /, '')}` : scope.label;
  const perm = scope.org ? 'Secrets: write on the organization (organization_secrets)' : scope.label.startsWith('environment') ? 'Environments: write (environment secrets)' : 'Secrets: write';
  return (
    `the token cannot write Actions secrets to ${what} (HTTP ${status} writing ${name}): the default GITHUB_TOKEN never can; ` +
    `pass a fine-grained token with ${perm} (or a GitHub App token) as github-token` +
    (status === 404 ? `, and check that ${what} exists and the token can see it` : '')
  );
}

async function request(client: GitHubSecretsClient, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const f = client.fetch ?? fetch;
  const res = await f(`${client.baseUrl}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${client.token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'iam-connections',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  return { status: res.status, json };
}

export async function deliverToGitHubSecret(
  client: GitHubSecretsClient,
  sink: GitHubSecretSink,
  value: KeyPayload,
  accountName: string,
): Promise<SinkDelivery> {
  const name = expandAccount(sink.name, accountName);
  const scope = scopeOf(sink, client);
  const target = `GitHub secret ${name} (${scope.label})`;
  const secrets = [value.secretAccessKey, client.token];
  const failed = (status: number, stage: string): SinkError => {
    if (status === 401) return new SinkError(`delivering key ${maskKeyId(value.accessKeyId)} to ${target}: GitHub rejected the token (HTTP 401 at ${stage}): it is invalid or expired; pass a valid token as github-token`);
    if (status === 403 || status === 404) return new SinkError(`delivering key ${maskKeyId(value.accessKeyId)} to ${target}: ${deniedMessage(scope, status, name)}`);
    return new SinkError(`delivering key ${maskKeyId(value.accessKeyId)} to ${target} failed: HTTP ${status} at ${stage}; rerun rotate (delivery is idempotent)`);
  };
  try {
    const pk = await request(client, 'GET', `${scope.base}/public-key`);
    if (pk.status !== 200) throw failed(pk.status, 'GET public-key');
    const key = pk.json as { key?: unknown; key_id?: unknown } | undefined;
    if (typeof key?.key !== 'string' || typeof key.key_id !== 'string') {
      throw new SinkError(`delivering to ${target}: GitHub's public-key answer has no key/key_id; is GITHUB_API_URL (${client.baseUrl}) the GitHub API?`);
    }
    const encrypted = await sealForGitHub(key.key, payloadJson(value));
    const body: Record<string, unknown> = { encrypted_value: encrypted, key_id: key.key_id };
    if (scope.org) body.visibility = 'private';
    const put = await request(client, 'PUT', `${scope.base}/${encodeURIComponent(name)}`, body);
    if (put.status !== 201 && put.status !== 204) throw failed(put.status, `PUT ${name}`);
    return { target, outcome: put.status === 201 ? 'created' : 'updated' };
  } catch (err) {
    if (err instanceof SinkError) throw new SinkError(scrub(err.message, secrets));
    const msg = err instanceof Error ? err.message : String(err);
    throw new SinkError(scrub(`delivering key ${maskKeyId(value.accessKeyId)} to ${target} failed: ${msg}; check GITHUB_API_URL (${client.baseUrl}) and the network, then rerun rotate`, secrets));
  }
}
