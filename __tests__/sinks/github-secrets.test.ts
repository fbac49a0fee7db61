import sodium from 'libsodium-wrappers';
import { deliverToGitHubSecret, type GitHubSecretSink } from '../../src/sinks/github-secrets.js';
import type { KeyPayload } from '../../src/sinks/payload.js';
import { startGitHubServer, type GitHubServer } from '../helpers/github-server.js';

const at = { file: 'connections.yaml', line: 3, column: 5 };
const payload: KeyPayload = { accessKeyId: 'AKIAEXAMPLEKEY123456', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzSECRET', user: 'u', account: '123456789012', createdAt: '2026-01-01T00:00:00.000Z' };
const TOKEN = 'ghp_never_in_a_message';
let gh: GitHubServer;
let kp: { publicKey: Uint8Array; privateKey: Uint8Array };
const client = (): { baseUrl: string; token: string } => ({ baseUrl: gh.url, token: TOKEN });

beforeAll(async () => {
  gh = await startGitHubServer();
  await sodium.ready;
  kp = sodium.crypto_box_keypair();
});
afterAll(() => gh.stop());
beforeEach(() => gh.clear());

function serveKey(path: string): void {
  gh.on('GET', path, () => ({ status: 200, body: { key_id: 'k1', key: sodium.to_base64(kp.publicKey, sodium.base64_variants.ORIGINAL) } }));
}
function open(b64: string): string {
  return sodium.to_string(sodium.crypto_box_seal_open(sodium.from_base64(b64, sodium.base64_variants.ORIGINAL), kp.publicKey, kp.privateKey));
}

test.each([
  ['environment', { repository: 'acme/vault-sync', environment: 'prod' }, '/repos/acme/vault-sync/environments/prod/secrets'],
  ['organization', { organization: 'acme' }, '/orgs/acme/actions/secrets'],
  ['repository', { repository: 'acme/vault-sync' }, '/repos/acme/vault-sync/actions/secrets'],
])('%s scope: sealed with that scope\'s key, bearer token, {ACCOUNT} expanded', async (_label, scope, base) => {
  serveKey(`${base}/public-key`);
  gh.on('PUT', `${base}/:name`, () => ({ status: 201 }));
  const sink = { kind: 'githubSecret', name: 'KEY_{ACCOUNT}', at, ...scope } as GitHubSecretSink;
  const d = await deliverToGitHubSecret(client(), sink, payload, 'prod-eu');
  expect(d.outcome).toBe('created');
  const put = gh.calls.find((c) => c.method === 'PUT')!;
  expect(put.path).toBe(`${base}/KEY_PROD_EU`);
  expect(put.headers.authorization).toBe(`Bearer ${TOKEN}`);
  const body = put.body as { encrypted_value: string; key_id: string; visibility?: string };
  expect(body.key_id).toBe('k1');
  expect(JSON.parse(open(body.encrypted_value))).toEqual(payload);
  expect(body.visibility).toBe(base.startsWith('/orgs') ? 'private' : undefined);
  expect(JSON.stringify(put.body)).not.toContain(payload.secretAccessKey);
});

test.each([403, 404])('HTTP %i: says the token cannot write secrets there and what to pass instead', async (status) => {
  serveKey('/repos/acme/locked/actions/secrets/public-key');
  gh.on('PUT', '/repos/acme/locked/actions/secrets/:name', () => ({ status, body: { message: 'Resource not accessible by integration' } }));
  const sink: GitHubSecretSink = { kind: 'githubSecret', repository: 'acme/locked', name: 'K', at };
  const err = await deliverToGitHubSecret(client(), sink, payload, 'prod').then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(err?.message).toMatch(/the token cannot write Actions secrets to acme\/locked .*the default GITHUB_TOKEN never can; pass a fine-grained token with Secrets: write \(or a GitHub App token\) as github-token/);
  expect(err?.message).not.toContain(TOKEN);
  expect(err?.message).not.toContain(payload.secretAccessKey);
});

test('a sink without repository outside Actions says how to fix it', async () => {
  const sink: GitHubSecretSink = { kind: 'githubSecret', name: 'K', at };
  await expect(deliverToGitHubSecret(client(), sink, payload, 'prod')).rejects.toThrow(/githubSecret.repository: owner\/repo/);
});
