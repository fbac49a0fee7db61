/**
 * Credentials against real parts: moto behind the recording proxy for STS, the local GitHub
 * server for the OIDC token, @actions/core's real getIDToken in between.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ListUsersCommand } from '@aws-sdk/client-iam';
import { iamClient, stsClient } from '../../src/aws/clients.js';
import { createCredentialResolver, CredentialError, type CredentialResolverOptions } from '../../src/aws/credentials.js';
import { OidcUnavailableError } from '../../src/github/oidc.js';
import type { AccountSpec } from '../../src/manifest/model.js';
import { accessDenied, startAwsProxy, throttling, type AwsProxy } from '../helpers/aws-proxy.js';
import { awsTestEnv, captureWorkflowCommands, setEnv } from '../helpers/env.js';
import { startGitHubServer, type GitHubServer } from '../helpers/github-server.js';
import { startMoto, type MotoServer } from '../helpers/moto.js';

const at = { file: 'connections.yaml', line: 1, column: 1 };
const prod: AccountSpec = { name: 'prod', id: '111122223333', role: 'arn:aws:iam::111122223333:role/iam-connections', at };
const staging: AccountSpec = { name: 'staging', id: '444455556666', role: 'arn:aws:iam::444455556666:role/iam-connections', via: 'prod', at };
const accounts = [prod, staging];
const noWait = { clock: { now: () => 0, sleep: () => Promise.resolve() } };

let moto: MotoServer;
let proxy: AwsProxy;
let gh: GitHubServer;
let restoreEnv: () => void;
let workflowCommands: ReturnType<typeof captureWorkflowCommands>;

beforeAll(async () => {
  workflowCommands = captureWorkflowCommands();
  moto = await startMoto();
  proxy = await startAwsProxy(moto.endpoint);
  gh = await startGitHubServer();
  // An Actions runner with no static AWS credentials at all.
  restoreEnv = setEnv({ ...awsTestEnv(proxy.endpoint), AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, ...gh.env() });
});

afterEach(async () => {
  proxy.clear();
  gh.clear();
  delete gh.oidc.fail;
  await moto.reset();
});

afterAll(async () => {
  workflowCommands?.restore();
  restoreEnv?.();
  await proxy?.stop();
  await gh?.stop();
  await moto?.stop();
});

function resolver(extra: Partial<CredentialResolverOptions> = {}): ReturnType<typeof createCredentialResolver> {
  return createCredentialResolver({ accounts, mode: 'oidc', retry: noWait, ...extra });
}

async function callerOf(creds: Awaited<ReturnType<ReturnType<typeof createCredentialResolver>>>): Promise<{ Account?: string; Arn?: string }> {
  return stsClient({ region: 'us-east-1', credentials: creds }).send(new GetCallerIdentityCommand({}));
}

describe('GitHub OIDC into the account role', () => {
  test('assumes the role with the runner token and a session name naming the run', async () => {
    const creds = await resolver()(prod);

    expect(gh.tokenRequests).toHaveLength(1);
    expect(gh.tokenRequests[0]?.query.audience).toBe('sts.amazonaws.com');
    const assume = proxy.calls.filter((c) => c.action === 'AssumeRoleWithWebIdentity');
    expect(assume).toHaveLength(1);
    expect(assume[0]?.service).toBe('sts');
    expect(assume[0]?.params.RoleArn).toBe(prod.role);
    expect(assume[0]?.params.RoleSessionName).toBe('iam-connections@acme.infra-4242-1');
    expect(assume[0]?.params.WebIdentityToken).toBe(gh.issuedTokens[0]);
    // @actions/core masks the token in the log the moment it has it.
    expect(workflowCommands.lines).toContain(`::add-mask::${gh.issuedTokens[0] ?? 'missing'}`);

    const who = await callerOf(creds);
    expect(who.Account).toBe('111122223333');
    expect(who.Arn).toBe('arn:aws:sts::111122223333:assumed-role/iam-connections/iam-connections@acme.infra-4242-1');
  });

  test('clients built on the resolved provider sign with the assumed session', async () => {
    const creds = await resolver()(prod);
    await iamClient({ region: 'us-east-1', credentials: creds }).send(new ListUsersCommand({}));
    const list = proxy.calls.find((c) => c.action === 'ListUsers');
    expect(list?.service).toBe('iam');
    expect(String(list?.headers.authorization)).toMatch(/Credential=ASIA/);
    expect(list?.headers['x-amz-security-token']).toBeDefined();
  });

  test('each account is assumed once per run, also under concurrent callers', async () => {
    const resolve = resolver();
    await Promise.all([resolve(prod), resolve(prod), resolve(prod)]);
    await resolve(prod);
    expect(proxy.count('AssumeRoleWithWebIdentity')).toBe(1);
  });

  test('a session close to expiry is assumed again when a client asks for it', async () => {
    let now = Date.now();
    const provider = await resolver({ now: () => now })(prod);
    const first = await provider();
    expect(await provider()).toBe(first);
    expect(proxy.count('AssumeRoleWithWebIdentity')).toBe(1);
    now = (first.expiration?.getTime() ?? 0) - 60_000; // inside the 5-minute refresh margin
    const second = await provider();
    expect(proxy.count('AssumeRoleWithWebIdentity')).toBe(2);
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(gh.tokenRequests).toHaveLength(2);
  });

  test('`via` assumes the hub with OIDC, then the account role with the hub session', async () => {
    const creds = await resolver()(staging);
    expect(proxy.actions('sts')).toEqual(['AssumeRoleWithWebIdentity', 'AssumeRole']);
    const [web, hop] = proxy.calls;
    expect(web?.params.RoleArn).toBe(prod.role);
    expect(hop?.params.RoleArn).toBe(staging.role);
    expect(hop?.params.RoleSessionName).toBe('iam-connections@acme.infra-4242-1');
    // The AssumeRole call is signed with the hub's session, not with anything local.
    expect(String(hop?.headers.authorization)).toMatch(/Credential=ASIA/);
    expect(hop?.headers['x-amz-security-token']).toBeDefined();
    expect((await callerOf(creds)).Account).toBe('444455556666');
  });

  test('a denied hop from the hub names both roles', async () => {
    proxy.inject(accessDenied('AssumeRole', 'Not authorized to perform sts:AssumeRole'));
    const err = (await resolver()(staging).catch((e: unknown) => e)) as CredentialError;
    expect(err).toBeInstanceOf(CredentialError);
    expect(err.roleArn).toBe(staging.role);
    expect(err.message).toMatch(
      /^Could not assume arn:aws:iam::444455556666:role\/iam-connections for account "staging" \(444455556666\) from the hub account "prod" \(role arn:aws:iam::111122223333:role\/iam-connections\): AccessDenied/,
    );
    expect(err.message).toContain('trust policy of arn:aws:iam::444455556666:role/iam-connections allows sts:AssumeRole');
    expect(proxy.count('AssumeRole')).toBe(1);
  });

  test('STS that stays throttled ends in a bounded time, without blaming the trust policy', async () => {
    proxy.inject(throttling('AssumeRoleWithWebIdentity'));
    let t = 0;
    const clock = { now: () => t, sleep: (ms: number) => ((t += ms), Promise.resolve()) };
    const err = (await resolver({ retry: { clock, maxElapsedMs: 20_000 } })(prod).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(CredentialError);
    expect(err.message).toMatch(/still throttled after \d+ attempts: Throttling: Rate exceeded/);
    expect(err.message).not.toContain('trust policy');
    expect(t).toBeLessThanOrEqual(20_000);
    expect(proxy.count('AssumeRoleWithWebIdentity')).toBeGreaterThan(2);
  });

  test('role-to-assume replaces the manifest role and is assumed directly', async () => {
    const override = 'arn:aws:iam::444455556666:role/break-glass';
    const creds = await resolver({ roleToAssume: override })(staging);
    expect(proxy.actions('sts')).toEqual(['AssumeRoleWithWebIdentity']);
    expect(proxy.calls[0]?.params.RoleArn).toBe(override);
    expect((await callerOf(creds)).Arn).toContain(':assumed-role/break-glass/');
  });

  test('a denied AssumeRoleWithWebIdentity fails at once, naming the role and the token claims, never the token', async () => {
    proxy.inject(accessDenied('AssumeRoleWithWebIdentity', 'Not authorized to perform sts:AssumeRoleWithWebIdentity'));
    const err = (await resolver()(prod).catch((e: unknown) => e)) as CredentialError;

    expect(err).toBeInstanceOf(CredentialError);
    expect(proxy.count('AssumeRoleWithWebIdentity')).toBe(1);
    expect(err.code).toBe('AccessDenied');
    expect(err.message).toContain('arn:aws:iam::111122223333:role/iam-connections');
    expect(err.message).toContain('account "prod" (111122223333)');
    expect(err.message).toContain('AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity');
    expect(err.message).toContain('sub = "repo:acme/infra:pull_request"');
    expect(err.message).toContain('aud = "sts.amazonaws.com"');
    expect(err.message).toContain('token.actions.githubusercontent.com:sub = "repo:acme/infra:pull_request"');
    expect(err.message).toContain('token.actions.githubusercontent.com:aud = "sts.amazonaws.com"');
    const token = gh.issuedTokens[0] ?? 'missing';
    for (const part of [token, ...token.split('.')]) expect(err.message).not.toContain(part);
    expect(err.message).not.toContain(gh.oidc.requestToken);
  });

  test('an invalid token points at the account OIDC provider and its audiences', async () => {
    proxy.inject({ action: 'AssumeRoleWithWebIdentity', status: 400, code: 'InvalidIdentityToken', message: 'No OpenIDConnect provider found' });
    await expect(resolver({ audience: 'api://AzureADTokenExchange' })(prod)).rejects.toThrow(
      /oidc-provider\/token\.actions\.githubusercontent\.com .*audiences include "api:\/\/AzureADTokenExchange"/,
    );
    expect(gh.tokenRequests[0]?.query.audience).toBe('api://AzureADTokenExchange');
  });

  test("STS's intermittent \"Couldn't retrieve verification key\" is retried on configure-aws-credentials' schedule, then the role is assumed", async () => {
    const verificationKey = { action: 'AssumeRoleWithWebIdentity', status: 400, code: 'InvalidIdentityToken', message: "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements" };
    const rule = proxy.inject({ ...verificationKey, times: 3 });
    const waits: number[] = [];
    const creds = await resolver({ retry: { clock: { now: () => 0, sleep: (ms) => (waits.push(ms), Promise.resolve()) }, random: () => 0.999 } })(prod);
    expect(rule.hits).toBe(3);
    expect(proxy.count('AssumeRoleWithWebIdentity')).toBe(4);
    // Full jitter below 50 ms x 2^(attempt-1), as configure-aws-credentials' retryAndBackoff.
    expect(waits).toEqual([49, 99, 199]);
    expect((await callerOf(creds)).Account).toBe('111122223333');
  });

  test('a verification-key failure that persists gives up after 12 attempts without blaming the trust policy', async () => {
    proxy.inject({ action: 'AssumeRoleWithWebIdentity', status: 400, code: 'InvalidIdentityToken', message: "Couldn't retrieve verification key from your identity provider" });
    const err = (await resolver()(prod).catch((e: unknown) => e)) as CredentialError;
    expect(err).toBeInstanceOf(CredentialError);
    expect(proxy.count('AssumeRoleWithWebIdentity')).toBe(12);
    expect(err.message).toMatch(/could not retrieve the OIDC issuer's verification key after 12 attempts/);
    expect(err.message).toMatch(/trust policy are not at fault/);
    expect(err.message).not.toMatch(/oidc-provider|network path/);
  });

  test('any other InvalidIdentityToken is not retried', async () => {
    proxy.inject({ action: 'AssumeRoleWithWebIdentity', status: 400, code: 'InvalidIdentityToken', message: 'Incorrect token audience' });
    await expect(resolver()(prod)).rejects.toThrow(CredentialError);
    expect(proxy.count('AssumeRoleWithWebIdentity')).toBe(1);
  });

  test('throttling is retried, then the role is assumed', async () => {
    const rule = proxy.inject(throttling('AssumeRoleWithWebIdentity', { times: 2 }));
    const creds = await resolver()(prod);
    expect(rule.hits).toBe(2);
    expect(proxy.count('AssumeRoleWithWebIdentity')).toBe(3);
    expect(gh.tokenRequests).toHaveLength(1);
    expect((await callerOf(creds)).Account).toBe('111122223333');
  });

  test('an expired token is replaced once with a fresh one', async () => {
    proxy.inject({ action: 'AssumeRoleWithWebIdentity', status: 400, code: 'ExpiredTokenException', message: 'Token expired', times: 1 });
    await resolver()(prod);
    expect(gh.tokenRequests).toHaveLength(2);
    const sent = proxy.calls.map((c) => c.params.WebIdentityToken);
    expect(sent).toEqual([gh.issuedTokens[0], gh.issuedTokens[1]]);
  });

  test('without the token request variables it names `permissions: id-token: write` and calls nothing', async () => {
    const restore = setEnv({ ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined });
    try {
      const err = await resolver()(prod).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OidcUnavailableError);
      expect((err as Error).message).toContain('ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set');
      expect((err as Error).message).toContain('permissions: id-token: write');
    } finally {
      restore();
    }
    expect(proxy.calls).toHaveLength(0);
    expect(gh.calls).toHaveLength(0);
  });

  test('a role in another account than the manifest declares is refused', async () => {
    const wrong = { ...prod, role: 'arn:aws:iam::999999999999:role/iam-connections' };
    await expect(createCredentialResolver({ accounts: [wrong], mode: 'oidc' })(wrong)).rejects.toThrow(
      /credentials for AWS account 999999999999 .*declares account "prod" \(111122223333\)/,
    );
  });

  test('an account without a role cannot be reached with OIDC, and says what to add', async () => {
    const bare = { name: 'dev', id: '777788889999', at };
    await expect(createCredentialResolver({ accounts: [bare], mode: 'oidc' })(bare)).rejects.toThrow(
      'Add `role: arn:aws:iam::777788889999:role/<name>`',
    );
  });
});

describe('local runs (default credential chain)', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = setEnv({ AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'local-secret', GITHUB_RUN_ID: undefined });
  });
  afterEach(() => restore());

  test('assume the account role with the local credentials, through the hub for `via`', async () => {
    const creds = await createCredentialResolver({ accounts, mode: 'default-chain', retry: noWait })(staging);
    expect(proxy.actions('sts')).toEqual(['AssumeRole', 'AssumeRole']);
    expect(String(proxy.calls[0]?.headers.authorization)).toContain('Credential=AKIAIOSFODNN7EXAMPLE/');
    expect(proxy.calls[0]?.params.RoleSessionName).toBe('iam-connections-local');
    expect((await callerOf(creds)).Account).toBe('444455556666');
    expect(gh.tokenRequests).toHaveLength(0);
  });

  test('without a role, the local credentials are used after checking their account', async () => {
    const local = { name: 'sandbox', id: '123456789012', at }; // moto's default account
    const creds = await createCredentialResolver({ accounts: [local], mode: 'default-chain' })(local);
    expect(proxy.actions('sts')).toEqual(['GetCallerIdentity']);
    expect((await creds()).accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');

    const other = { name: 'prod', id: '111122223333', at };
    await expect(createCredentialResolver({ accounts: [other], mode: 'default-chain' })(other)).rejects.toThrow(
      /local AWS credentials belong to account 123456789012 .*Switch AWS_PROFILE/,
    );
  });
});

describe('endpoints come from the standard AWS_ENDPOINT_URL_* variables', () => {
  test('AWS_ENDPOINT_URL_STS and AWS_ENDPOINT_URL_IAM win over AWS_ENDPOINT_URL', async () => {
    // Nothing listens on port 9 (discard): a call that went to AWS_ENDPOINT_URL would fail.
    const restore = setEnv({ AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_ENDPOINT_URL_STS: proxy.endpoint, AWS_ENDPOINT_URL_IAM: proxy.endpoint });
    try {
      const creds = await resolver()(prod);
      await iamClient({ region: 'us-east-1', credentials: creds }).send(new ListUsersCommand({}));
    } finally {
      restore();
    }
    expect(proxy.actions()).toEqual(['AssumeRoleWithWebIdentity', 'ListUsers']);
  });
});
