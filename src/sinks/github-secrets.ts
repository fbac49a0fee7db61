/**
 * Delivery to GitHub Actions secrets: repository, environment or organisation scope. GitHub
 * takes a secret only encrypted with that scope's public key as a libsodium sealed box
 * (`crypto_box_seal`), base64-encoded, together with the key's ID. Calls go through the tool's
 * one Octokit (../github/client.ts): 5xx and network failures are retried, rate limits waited out.
 *
 * Organisation secrets carry who may read them. A rotation must not widen that: an existing
 * secret is written back with the visibility, and for `selected` the repositories, it has now
 * (the PUT requires a visibility, so it is read first); a new one gets what the sink declares,
 * `selected` with the declared repositories unless the sink says `visibility: private|all`.
 */
import sodium from 'libsodium-wrappers';
import type { Sink } from '../manifest/model.js';
import { createGitHubClient, gitHubApiUrl, rateLimitSignal, type GitHubClient, type GitHubClientOptions } from '../github/client.js';
import { maskKeyId } from '../plan/keys.js';
import { expandAccount } from '../manifest/sink-targets.js';
import { payloadJson, scrub, type KeyPayload } from './payload.js';
import { SinkError, type SinkDelivery } from './secrets-manager.js';

export type GitHubSecretSink = Extract<Sink, { kind: 'githubSecret' }>;
type Visibility = 'private' | 'all' | 'selected';

export interface GitHubSecretsClient {
  octokit: GitHubClient;
  /** e.g. `https://api.github.com` (GITHUB_API_URL), for messages. */
  baseUrl: string;
  /** The token the Octokit sends; kept only to scrub it from messages. */
  token: string;
  /** `owner/repo` used when a sink names neither repository nor organization (GITHUB_REPOSITORY). */
  defaultRepository?: string;
}

export function gitHubSecretsClient(
  token: string,
  env: Record<string, string | undefined> = process.env,
  opts: GitHubClientOptions & { octokit?: GitHubClient } = {},
): GitHubSecretsClient {
  return {
    octokit: opts.octokit ?? createGitHubClient(token, env, opts),
    baseUrl: gitHubApiUrl(env),
    token,
    ...(env.GITHUB_REPOSITORY ? { defaultRepository: env.GITHUB_REPOSITORY } : {}),
  };
}

type Scope =
  | { kind: 'org'; label: string; org: string }
  | { kind: 'repo'; label: string; owner: string; repo: string }
  | { kind: 'environment'; label: string; owner: string; repo: string; environment: string };

function scopeOf(sink: GitHubSecretSink, client: GitHubSecretsClient): Scope {
  if (sink.organization) return { kind: 'org', label: `organization ${sink.organization}`, org: sink.organization };
  const full = sink.repository ?? client.defaultRepository;
  const [owner, repo] = (full ?? '').split('/');
  if (!owner || !repo) {
    throw new SinkError(
      `GitHub secret ${sink.name}: no repository to write it to: name one in the sink (githubSecret.repository: owner/repo) or run inside GitHub Actions (GITHUB_REPOSITORY)`,
    );
  }
  if (sink.environment) return { kind: 'environment', label: `environment ${sink.environment} of ${owner}/${repo}`, owner, repo, environment: sink.environment };
  return { kind: 'repo', label: `${owner}/${repo}`, owner, repo };
}

/** The sealed box GitHub expects, base64 (standard alphabet, padded). */
export async function sealForGitHub(publicKeyB64: string, plaintext: string): Promise<string> {
  await sodium.ready;
  const pk = sodium.from_base64(publicKeyB64, sodium.base64_variants.ORIGINAL);
  const sealed = sodium.crypto_box_seal(sodium.from_string(plaintext), pk);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}

function deniedMessage(scope: Scope, status: number, name: string): string {
  const what = scope.kind === 'org' ? `organization ${scope.org}` : scope.label;
  const perm = scope.kind === 'org' ? 'Secrets: write on the organization (organization_secrets)' : scope.kind === 'environment' ? 'Environments: write (environment secrets)' : 'Secrets: write';
  return (
    `the token cannot write Actions secrets to ${what} (HTTP ${status} writing ${name}): the default GITHUB_TOKEN never can; ` +
    `pass a fine-grained token with ${perm} (or a GitHub App token) as github-token` +
    (status === 404 ? `, and check that ${what} exists and the token can see it` : '')
  );
}

/** A failed call, as far as a message needs it. */
class CallFailed extends Error {
  constructor(
    readonly stage: string,
    readonly failure: unknown,
  ) {
    super(stage);
  }
}

function statusOf(e: unknown): number | undefined {
  const s = typeof e === 'object' && e !== null ? (e as { status?: unknown }).status : undefined;
  return typeof s === 'number' ? s : undefined;
}

async function call<T>(stage: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw new CallFailed(stage, e);
  }
}

/** Every repository of an existing `selected` organisation secret, across pages. */
async function selectedRepositoryIds(octokit: GitHubClient, org: string, name: string): Promise<number[]> {
  const ids: number[] = [];
  const perPage = 100;
  for (let page = 1; page <= 1000; page++) {
    const res = await octokit.request('GET /orgs/{org}/actions/secrets/{secret_name}/repositories', { org, secret_name: name, per_page: perPage, page });
    const repos = res.data.repositories;
    ids.push(...repos.map((r) => Number(r.id)));
    if (repos.length < perPage || ids.length >= res.data.total_count) break;
  }
  return ids;
}

interface OrgAccess {
  visibility: Visibility;
  ids?: number[];
  /** For the outcome line. */
  note: string;
}

/** What the PUT of an organisation secret must say about access: the secret's own, or the sink's for a new one. */
async function orgAccess(octokit: GitHubClient, sink: GitHubSecretSink, org: string, name: string): Promise<OrgAccess> {
  let existing: Visibility | undefined;
  try {
    existing = (await octokit.request('GET /orgs/{org}/actions/secrets/{secret_name}', { org, secret_name: name })).data.visibility;
  } catch (e) {
    if (statusOf(e) !== 404) throw new CallFailed(`GET ${name}`, e);
  }
  if (existing !== undefined) {
    if (existing !== 'selected') return { visibility: existing, note: `kept visibility ${existing}` };
    const ids = await call(`GET ${name}/repositories`, () => selectedRepositoryIds(octokit, org, name));
    return { visibility: 'selected', ids, note: `kept visibility selected (${ids.length} repositories)` };
  }
  const declared = sink.repositories ?? [];
  const visibility: Visibility | undefined = sink.visibility ?? (declared.length > 0 ? 'selected' : undefined);
  if (visibility === undefined) {
    throw new SinkError(
      `GitHub secret ${name} (organization ${org}) does not exist yet and the sink says neither which repositories may read it nor a visibility: ` +
        'add `repositories: [owner/name]` (or `visibility: private|all`) to the githubSecret sink',
    );
  }
  if (visibility !== 'selected') return { visibility, note: `visibility ${visibility}` };
  const ids: number[] = [];
  for (const full of declared) {
    const [owner = '', repo = ''] = full.split('/');
    try {
      ids.push(Number((await octokit.request('GET /repos/{owner}/{repo}', { owner, repo })).data.id));
    } catch (e) {
      if (statusOf(e) === 404) {
        throw new SinkError(`GitHub secret ${name} (organization ${org}): repository ${full} in githubSecret.repositories does not exist or the token cannot see it; correct the name, or grant the token read access to it`);
      }
      throw new CallFailed(`GET /repos/${full}`, e);
    }
  }
  return { visibility, ids, note: `visibility selected (${declared.join(', ') || 'no repositories'})` };
}

async function publicKey(octokit: GitHubClient, scope: Scope): Promise<{ key?: unknown; key_id?: unknown }> {
  switch (scope.kind) {
    case 'org':
      return (await octokit.request('GET /orgs/{org}/actions/secrets/public-key', { org: scope.org })).data;
    case 'environment':
      return (await octokit.request('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key', { owner: scope.owner, repo: scope.repo, environment_name: scope.environment })).data;
    case 'repo':
      return (await octokit.request('GET /repos/{owner}/{repo}/actions/secrets/public-key', { owner: scope.owner, repo: scope.repo })).data;
  }
}

async function putSecret(octokit: GitHubClient, scope: Scope, name: string, sealed: { encrypted_value: string; key_id: string }, access?: OrgAccess): Promise<number> {
  switch (scope.kind) {
    case 'org':
      return (
        await octokit.request('PUT /orgs/{org}/actions/secrets/{secret_name}', {
          org: scope.org,
          secret_name: name,
          ...sealed,
          visibility: access!.visibility,
          ...(access!.visibility === 'selected' ? { selected_repository_ids: access!.ids ?? [] } : {}),
        })
      ).status;
    case 'environment':
      return (await octokit.request('PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', { owner: scope.owner, repo: scope.repo, environment_name: scope.environment, secret_name: name, ...sealed })).status;
    case 'repo':
      return (await octokit.request('PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}', { owner: scope.owner, repo: scope.repo, secret_name: name, ...sealed })).status;
  }
}

function githubMessage(e: unknown): string {
  return e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
}

export async function deliverToGitHubSecret(
  client: GitHubSecretsClient,
  sink: GitHubSecretSink,
  value: KeyPayload,
  accountName: string,
): Promise<SinkDelivery> {
  const name = expandAccount(sink.name, accountName);
  const secrets = [value.secretAccessKey, client.token];
  let scope: Scope | undefined;
  const target = (): string => `GitHub secret ${name} (${scope?.label ?? 'unknown scope'})`;
  const key = maskKeyId(value.accessKeyId);
  try {
    scope = scopeOf(sink, client);
    const octokit = client.octokit;
    const access = scope.kind === 'org' ? await orgAccess(octokit, sink, scope.org, name) : undefined;
    const pk = await call('GET public-key', () => publicKey(octokit, scope!));
    if (typeof pk.key !== 'string' || typeof pk.key_id !== 'string') {
      throw new SinkError(`delivering to ${target()}: GitHub's public-key answer has no key/key_id; is GITHUB_API_URL (${client.baseUrl}) the GitHub API?`);
    }
    const sealed = { encrypted_value: await sealForGitHub(pk.key, payloadJson(value)), key_id: pk.key_id };
    const status = await call(`PUT ${name}`, () => putSecret(octokit, scope!, name, sealed, access));
    const outcome = status === 201 ? 'created' : 'updated';
    return { target: target(), outcome: access ? `${outcome}, ${access.note}` : outcome };
  } catch (err) {
    if (err instanceof SinkError) throw new SinkError(scrub(err.message, secrets));
    const stage = err instanceof CallFailed ? err.stage : 'delivery';
    const cause = err instanceof CallFailed ? err.failure : err;
    const status = statusOf(cause);
    const limit = rateLimitSignal(cause);
    let msg: string;
    if (limit !== undefined) {
      msg =
        `delivering key ${key} to ${target()}: GitHub's ${limit} rate limit was still in force after waiting (HTTP ${status} at ${stage}: ${githubMessage(cause)}); ` +
        'this is not a permission problem: rerun rotate later (delivery is idempotent)';
    } else if (status === 401) {
      msg = `delivering key ${key} to ${target()}: GitHub rejected the token (HTTP 401 at ${stage}): it is invalid or expired; pass a valid token as github-token`;
    } else if ((status === 403 || status === 404) && scope !== undefined) {
      msg = `delivering key ${key} to ${target()}: ${deniedMessage(scope, status, name)}`;
    } else if (status !== undefined && status !== 500) {
      msg = `delivering key ${key} to ${target()} failed: HTTP ${status} at ${stage} (${githubMessage(cause)}); rerun rotate (delivery is idempotent)`;
    } else {
      msg = `delivering key ${key} to ${target()} failed at ${stage}: ${githubMessage(cause)}; check GITHUB_API_URL (${client.baseUrl}) and the network, then rerun rotate`;
    }
    throw new SinkError(scrub(msg, secrets));
  }
}
