import sodium from 'libsodium-wrappers';
import { rateLimitSignal } from '../../src/github/client.js';
import { deliverToGitHubSecret, gitHubSecretsClient, type GitHubSecretsClient, type GitHubSecretSink } from '../../src/sinks/github-secrets.js';
import type { KeyPayload } from '../../src/sinks/payload.js';
import { startGitHubServer, type GitHubServer, type OrgSecrets } from '../helpers/github-server.js';

const at = { file: 'connections.yaml', line: 3, column: 5 };
const payload: KeyPayload = { accessKeyId: 'AKIAEXAMPLEKEY123456', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzSECRET', user: 'u', account: '123456789012', createdAt: '2026-01-01T00:00:00.000Z' };
const TOKEN = 'ghp_never_in_a_message';
let gh: GitHubServer;
let kp: { publicKey: Uint8Array; privateKey: Uint8Array };
let logged: string[];
const client = (opts: { maxRateLimitWaitMs?: number } = {}): GitHubSecretsClient => gitHubSecretsClient(TOKEN, { GITHUB_API_URL: gh.url }, { log: (l) => logged.push(l), ...opts });

beforeAll(async () => {
  gh = await startGitHubServer();
  await sodium.ready;
  kp = sodium.crypto_box_keypair();
});
afterAll(() => gh.stop());
beforeEach(() => {
  gh.clear();
  logged = [];
});

function serveKey(path: string): void {
  gh.on('GET', path, () => ({ status: 200, body: { key_id: 'k1', key: sodium.to_base64(kp.publicKey, sodium.base64_variants.ORIGINAL) } }));
}
function open(b64: string): string {
  return sodium.to_string(sodium.crypto_box_seal_open(sodium.from_base64(b64, sodium.base64_variants.ORIGINAL), kp.publicKey, kp.privateKey));
}
async function failure(p: Promise<unknown>): Promise<Error | undefined> {
  return p.then(
    () => undefined,
    (e: unknown) => e as Error,
  );
}
const puts = (): typeof gh.calls => gh.calls.filter((c) => c.method === 'PUT');

test.each([
  ['environment', { repository: 'acme/vault-sync', environment: 'prod' }, '/repos/acme/vault-sync/environments/prod/secrets'],
  ['repository', { repository: 'acme/vault-sync' }, '/repos/acme/vault-sync/actions/secrets'],
])('%s scope: sealed with that scope\'s key, bearer token, {ACCOUNT} expanded', async (_label, scope, base) => {
  serveKey(`${base}/public-key`);
  gh.on('PUT', `${base}/:name`, () => ({ status: 201 }));
  const sink = { kind: 'githubSecret', name: 'KEY_{ACCOUNT}', at, ...scope } as GitHubSecretSink;
  const d = await deliverToGitHubSecret(client(), sink, payload, 'prod-eu');
  expect(d.outcome).toBe('created');
  const put = puts()[0]!;
  expect(put.path).toBe(`${base}/KEY_PROD_EU`);
  expect(put.headers.authorization).toBe(`token ${TOKEN}`);
  const body = put.body as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['encrypted_value', 'key_id']);
  expect(body.key_id).toBe('k1');
  expect(JSON.parse(open(body.encrypted_value as string))).toEqual(payload);
  expect(JSON.stringify(put.body)).not.toContain(payload.secretAccessKey);
});

describe('organisation secrets keep who may read them', () => {
  let org: OrgSecrets;
  const orgSink = (extra: Partial<GitHubSecretSink> = {}): GitHubSecretSink => ({ kind: 'githubSecret', organization: 'acme', name: 'VENDOR_KEY_{ACCOUNT}', at, ...extra });
  beforeEach(() => {
    org = gh.useOrgSecrets();
    org.publicKey.key = sodium.to_base64(kp.publicKey, sodium.base64_variants.ORIGINAL);
    for (const [n, id] of [['acme/vault-sync', 11], ['acme/billing', 22], ['acme/other', 33]] as const) org.repositories.set(n, id);
  });

  test('an existing selected secret is written back with exactly its selection, even when the sink declares others', async () => {
    // 150 repositories: the selection spans two pages of GitHub's list.
    const selection = Array.from({ length: 150 }, (_, i) => 1000 + i);
    org.secrets.set('acme/vendor_key_prod', { visibility: 'selected', selected_repository_ids: selection });
    const d = await deliverToGitHubSecret(client(), orgSink({ repositories: ['acme/other'] }), payload, 'prod');
    expect(d.outcome).toBe('updated, kept visibility selected (150 repositories)');
    expect(org.puts).toHaveLength(1);
    const body = org.puts[0]!.body;
    expect(body.visibility).toBe('selected');
    expect(body.selected_repository_ids).toEqual(selection);
    expect(JSON.parse(open(body.encrypted_value as string))).toEqual(payload);
    expect(org.secrets.get('acme/vendor_key_prod')?.selected_repository_ids).toEqual(selection);
    // The declared repository was never looked up: the live selection wins.
    expect(gh.calls.some((c) => c.path === '/repos/acme/other')).toBe(false);
  });

  test.each(['private', 'all'] as const)('an existing %s secret keeps that visibility, with no repository list', async (visibility) => {
    org.secrets.set('acme/vendor_key_prod', { visibility });
    const d = await deliverToGitHubSecret(client(), orgSink({ repositories: ['acme/billing'] }), payload, 'prod');
    expect(d.outcome).toBe(`updated, kept visibility ${visibility}`);
    expect(org.puts[0]!.body.visibility).toBe(visibility);
    expect(org.puts[0]!.body).not.toHaveProperty('selected_repository_ids');
  });

  test('a new secret is created selected, shared with the declared repositories only', async () => {
    const d = await deliverToGitHubSecret(client(), orgSink({ repositories: ['acme/vault-sync', 'ACME/Billing'] }), payload, 'prod');
    expect(d.outcome).toBe('created, visibility selected (acme/vault-sync, ACME/Billing)');
    expect(org.puts[0]!.body).toMatchObject({ visibility: 'selected', selected_repository_ids: [11, 22] });
  });

  test('a new secret with an explicit visibility gets that visibility', async () => {
    await deliverToGitHubSecret(client(), orgSink({ visibility: 'private' }), payload, 'prod');
    expect(org.puts[0]!.body.visibility).toBe('private');
    expect(org.puts[0]!.body).not.toHaveProperty('selected_repository_ids');
  });

  test('a new secret whose sink declares no audience is refused before any write', async () => {
    const err = await failure(deliverToGitHubSecret(client(), orgSink(), payload, 'prod'));
    expect(err?.message).toMatch(/does not exist yet and the sink says neither .* add `repositories: \[owner\/name\]` \(or `visibility: private\|all`\)/);
    expect(org.puts).toHaveLength(0);
  });

  test('a declared repository GitHub does not know stops the delivery before the PUT', async () => {
    const err = await failure(deliverToGitHubSecret(client(), orgSink({ repositories: ['acme/vault-sync', 'acme/typo'] }), payload, 'prod'));
    expect(err?.message).toMatch(/repository acme\/typo in githubSecret.repositories does not exist or the token cannot see it/);
    expect(org.puts).toHaveLength(0);
  });
});

describe('GitHub refusing for rate, not rights', () => {
  const base = '/repos/acme/busy/actions/secrets';
  const sink: GitHubSecretSink = { kind: 'githubSecret', repository: 'acme/busy', name: 'K', at };
  const answerOnce = (first: { status: number; body?: unknown; headers?: Record<string, string> }): void => {
    let n = 0;
    gh.on('PUT', `${base}/:name`, () => (n++ === 0 ? first : { status: 201 }));
  };
  beforeEach(() => serveKey(`${base}/public-key`));

  test.each([
    ['403 with retry-after and no message', { status: 403, body: { message: 'Forbidden' }, headers: { 'retry-after': '1' } }],
    ['403 with the secondary-limit message', { status: 403, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, headers: { 'retry-after': '1' } }],
    ['429 with retry-after', { status: 429, body: { message: 'Too Many Requests' }, headers: { 'retry-after': '1' } }],
    ['403 with the primary limit spent', { status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) } }],
  ])('%s once, then 201: waited, delivered, no permission message', async (_l, first) => {
    answerOnce(first);
    const d = await deliverToGitHubSecret(client(), sink, payload, 'prod');
    expect(d.outcome).toBe('created');
    expect(puts().map((c) => c.status)).toEqual([first.status, 201]);
    expect(logged.join('\n')).toMatch(/GitHub's (primary|secondary) rate limit on PUT .*: waiting \d+ s before trying again/);
    expect(logged.join('\n')).not.toMatch(/cannot write|permission/i);
  });

  test('a limit that outlasts the wait budget fails as a rate limit, never as missing permissions', async () => {
    gh.on('PUT', `${base}/:name`, () => ({ status: 403, body: { message: 'Forbidden' }, headers: { 'retry-after': '30' } }));
    const err = await failure(deliverToGitHubSecret(client({ maxRateLimitWaitMs: 10_000 }), sink, payload, 'prod'));
    expect(err?.message).toMatch(/GitHub's secondary rate limit was still in force after waiting \(HTTP 403 at PUT K.*this is not a permission problem: rerun rotate later/);
    expect(err?.message).not.toMatch(/cannot write|github-token/);
    expect(puts()).toHaveLength(1);
    expect(logged.join('\n')).toMatch(/not waiting another 30 s \(this run waits at most 10 s\)/);
  });

  test('5xx once, then 201: retried and delivered', async () => {
    answerOnce({ status: 502, body: { message: 'Bad Gateway' } });
    const d = await deliverToGitHubSecret(client(), sink, payload, 'prod');
    expect(d.outcome).toBe('created');
    expect(puts().map((c) => c.status)).toEqual([502, 201]);
  });

  test.each([403, 404])('a real permission %i fails at once with the explanation, one PUT, no retry', async (status) => {
    gh.on('PUT', `${base}/:name`, () => ({ status, body: { message: 'Resource not accessible by integration' } }));
    const err = await failure(deliverToGitHubSecret(client(), sink, payload, 'prod'));
    expect(err?.message).toMatch(/the token cannot write Actions secrets to acme\/busy .*the default GITHUB_TOKEN never can; pass a fine-grained token with Secrets: write \(or a GitHub App token\) as github-token/);
    expect(err?.message).not.toContain(TOKEN);
    expect(err?.message).not.toContain(payload.secretAccessKey);
    expect(puts()).toHaveLength(1);
    expect(logged).toEqual([]);
  });

  test('rate limit signals, as GitHub documents them', () => {
    const e = (status: number, message: string, headers: Record<string, string> = {}) => Object.assign(new Error(message), { status, response: { headers } });
    expect(rateLimitSignal(e(403, 'Resource not accessible by integration'))).toBeUndefined();
    expect(rateLimitSignal(e(403, 'Must have admin rights to Repository.'))).toBeUndefined();
    expect(rateLimitSignal(e(403, 'You have exceeded a secondary rate limit'))).toBe('secondary');
    expect(rateLimitSignal(e(403, 'Forbidden', { 'retry-after': '60' }))).toBe('secondary');
    expect(rateLimitSignal(e(429, 'Too Many Requests'))).toBe('secondary');
    expect(rateLimitSignal(e(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0' }))).toBe('primary');
    expect(rateLimitSignal(e(404, 'Not Found', { 'retry-after': '1' }))).toBeUndefined();
  });
});

test('a sink without repository outside Actions says how to fix it', async () => {
  const sink: GitHubSecretSink = { kind: 'githubSecret', name: 'K', at };
  await expect(deliverToGitHubSecret(client(), sink, payload, 'prod')).rejects.toThrow(/githubSecret.repository: owner\/repo/);
});
