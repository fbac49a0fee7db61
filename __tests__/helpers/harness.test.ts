/** The shared harnesses do what their docs promise (others build on them). */
import { execFileSync } from 'node:child_process';
import { ListUsersCommand } from '@aws-sdk/client-iam';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { iamClient, secretsManagerClient } from '../../src/aws/clients.js';
import { classifyAwsError, withRetry } from '../../src/aws/retry.js';
import { s3Action, startAwsProxy, throttling, type AwsProxy } from './aws-proxy.js';
import { awsTestEnv, setEnv } from './env.js';
import { startGitHubServer } from './github-server.js';
import { startMoto, type MotoServer } from './moto.js';

describe('moto + aws-proxy', () => {
  let moto: MotoServer;
  let proxy: AwsProxy;
  let restore: () => void;
  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startAwsProxy(moto.endpoint);
    restore = setEnv(awsTestEnv(proxy.endpoint));
  });
  afterEach(() => proxy.clear());
  afterAll(async () => {
    restore();
    await proxy.stop();
    await moto.stop();
  });

  test('a dropped connection reaches the SDK as a retryable network error', async () => {
    const iam = iamClient({ region: 'us-east-1' });
    proxy.inject({ action: 'ListUsers', network: 'reset', times: 1 });
    const errors: string[] = [];
    await withRetry(() => iam.send(new ListUsersCommand({})), {
      clock: { now: () => 0, sleep: () => Promise.resolve() },
      onRetry: (i) => errors.push(i.errorClass),
    });
    expect(errors).toEqual(['transient']);
    expect(proxy.calls.map((c) => [c.action, c.status])).toEqual([
      ['ListUsers', 0],
      ['ListUsers', 200],
    ]);
  });

  test('errors are injected in the JSON protocol for JSON services', async () => {
    proxy.inject(throttling('GetSecretValue', { service: 'secretsmanager' }));
    const err = await secretsManagerClient({ region: 'us-east-1' })
      .send(new GetSecretValueCommand({ SecretId: 'integrations/x' }))
      .catch((e: unknown) => e);
    expect((err as Error).name).toBe('Throttling');
    expect(classifyAwsError(err)).toBe('throttle');
    expect(proxy.calls[0]).toMatchObject({ service: 'secretsmanager', action: 'GetSecretValue', json: { SecretId: 'integrations/x' }, injected: true });
  });

  test('rules can be limited, removed, and conditioned on parameters', async () => {
    const iam = iamClient({ region: 'us-east-1' });
    const rule = proxy.inject({ action: 'ListUsers', when: (c) => c.params.PathPrefix === '/x/', status: 500, code: 'ServiceUnavailable' });
    await iam.send(new ListUsersCommand({}));
    await expect(iam.send(new ListUsersCommand({ PathPrefix: '/x/' }))).rejects.toMatchObject({ name: 'ServiceUnavailable' });
    rule.remove();
    await iam.send(new ListUsersCommand({ PathPrefix: '/x/' }));
    expect(rule.hits).toBe(1);
    expect(proxy.count('ListUsers', 'iam')).toBe(3);
  });

  test('names S3 REST operations', () => {
    expect(s3Action('HEAD', '/b')).toBe('HeadBucket');
    expect(s3Action('GET', '/b?policy')).toBe('GetBucketPolicy');
    expect(s3Action('PUT', '/b/')).toBe('CreateBucket');
    expect(s3Action('PUT', '/b/k/e.csv?x-id=PutObject')).toBe('PutObject');
    expect(s3Action('GET', '/b?list-type=2&prefix=a')).toBe('ListObjectsV2');
  });

  test('stop() ends the moto process', async () => {
    const other = await startMoto();
    const pids = (): string => execFileSync('ss', ['-ltnp'], { encoding: 'utf8' });
    expect(pids()).toContain(`127.0.0.1:${other.port} `);
    await other.stop();
    expect(pids()).not.toContain(`127.0.0.1:${other.port} `);
  });
});

describe('github-server', () => {
  test('records calls, answers 404 by default, and serves comments and secrets when asked', async () => {
    const gh = await startGitHubServer();
    try {
      const api = (method: string, path: string, body?: unknown): Promise<Response> =>
        fetch(`${gh.url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json' } });

      expect((await api('GET', '/repos/acme/infra/issues/7/comments')).status).toBe(404);
      const comments = gh.useIssueComments();
      const created = (await (await api('POST', '/repos/acme/infra/issues/7/comments', { body: 'plan v1' })).json()) as { id: number };
      expect((await api('PATCH', `/repos/acme/infra/issues/comments/${created.id}`, { body: 'plan v2' })).status).toBe(200);
      const listed = (await (await api('GET', '/repos/acme/infra/issues/7/comments')).json()) as { body: string }[];
      expect(listed.map((c) => c.body)).toEqual(['plan v2']);
      expect(comments.comments).toHaveLength(1);

      const secrets = gh.useActionsSecrets();
      const key = (await (await api('GET', '/repos/acme/vault-sync/actions/secrets/public-key')).json()) as { key_id: string };
      expect(key.key_id).toBe(secrets.publicKey.key_id);
      expect((await api('PUT', '/repos/acme/vault-sync/actions/secrets/AWS_KEY', { encrypted_value: 'c2VhbGVk', key_id: key.key_id })).status).toBe(201);
      expect(secrets.secrets.get('AWS_KEY')?.encrypted_value).toBe('c2VhbGVk');

      expect(gh.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
        'GET /repos/acme/infra/issues/7/comments 404',
        'POST /repos/acme/infra/issues/7/comments 201',
        `PATCH /repos/acme/infra/issues/comments/${created.id} 200`,
        'GET /repos/acme/infra/issues/7/comments 200',
        'GET /repos/acme/vault-sync/actions/secrets/public-key 200',
        'PUT /repos/acme/vault-sync/actions/secrets/AWS_KEY 201',
      ]);
      expect(gh.env()).toMatchObject({ GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/infra', GITHUB_RUN_ID: '4242' });
      const bad = await fetch(gh.env().ACTIONS_ID_TOKEN_REQUEST_URL ?? '', { headers: { authorization: 'Bearer wrong' } });
      expect(bad.status).toBe(401);
    } finally {
      await gh.stop();
    }
  });
});
