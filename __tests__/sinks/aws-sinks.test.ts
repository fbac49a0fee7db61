import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateSecretCommand, ListSecretVersionIdsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { KeyPayload } from '../../src/sinks/payload.js';
import { deliverToSecretsManager, describeSecret, ownershipProblem, promoteInSecretsManager, readStagedKey, versionToken, type SecretsManagerSink } from '../../src/sinks/secrets-manager.js';
import { verifyKey } from '../../src/sinks/verify.js';
import { startAwsProxy, type AwsProxy } from '../helpers/aws-proxy.js';
import { awsTestEnv, setEnv } from '../helpers/env.js';
import { startMoto, type MotoServer } from '../helpers/moto.js';

const at = { file: 'connections.yaml', line: 1, column: 1 };
let moto: MotoServer;
let proxy: AwsProxy;
let restore: () => void;
beforeAll(async () => {
  moto = await startMoto();
  proxy = await startAwsProxy(moto.endpoint);
  restore = setEnv(awsTestEnv(proxy.endpoint));
});
afterAll(async () => {
  restore();
  await proxy.stop();
  await moto.stop();
});
beforeEach(async () => {
  await moto.reset();
  proxy.clear();
});

const payload = (id: string): KeyPayload => ({ accessKeyId: id, secretAccessKey: `secret-of-${id}`, user: 'u', account: '123456789012', createdAt: '2026-01-01T00:00:00.000Z' });

const owner = { connection: 'c', user: 'u', account: '123456789012' };

test('Secrets Manager: created tagged the first time, later keys staged as AWSPENDING and promoted, idempotent per key', async () => {
  const sm = new SecretsManagerClient({ region: 'eu-west-1' });
  const sink: SecretsManagerSink = { kind: 'secretsManager', secretId: 'integrations/x/{account}', region: 'eu-west-1', at };
  const opts = { accountName: 'prod', region: 'us-east-1', owner };
  const id = 'integrations/x/prod';
  const [first, second] = ['AKIAFIRSTKEY00000001', 'AKIASECONDKEY0000002'];
  expect((await deliverToSecretsManager(sm, sink, payload(first), await describeSecret(sm, id), opts)).outcome).toBe('created');
  expect((await deliverToSecretsManager(sm, sink, payload(second), await describeSecret(sm, id), opts)).outcome).toBe('staged as AWSPENDING');
  expect((await deliverToSecretsManager(sm, sink, payload(second), await describeSecret(sm, id), opts)).outcome).toBe('already staged');
  let state = await describeSecret(sm, id);
  expect(state?.tags).toEqual({ 'iam-connections:connection': 'c', 'iam-connections:user': 'u', 'iam-connections:account': '123456789012' });
  expect(state?.versions).toEqual({ [versionToken(first)]: ['AWSCURRENT'], [versionToken(second)]: ['AWSPENDING'] });
  // Readers still get the old key until the promotion; the pending one can be read back.
  expect(await readStagedKey(sm, id, second)).toBe(payload(second).secretAccessKey);
  expect(await promoteInSecretsManager(sm, sink, second, opts)).toMatch(/AWSCURRENT moved/);
  expect(await promoteInSecretsManager(sm, sink, second, opts)).toMatch(/already AWSCURRENT/);
  state = await describeSecret(sm, id);
  expect(Object.entries(state?.versions ?? {}).find(([, st]) => st.includes('AWSCURRENT'))?.[0]).toBe(versionToken(second));
  const versions = await sm.send(new ListSecretVersionIdsCommand({ SecretId: id }));
  expect(versions.Versions).toHaveLength(2);
});

test('Secrets Manager: a secret someone else owns is refused unless the sink adopts it', async () => {
  const sm = new SecretsManagerClient({ region: 'us-east-1' });
  await sm.send(new CreateSecretCommand({ Name: 'shared/db', SecretString: '{"password":"theirs"}' }));
  await sm.send(new CreateSecretCommand({ Name: 'other/user', SecretString: '{}', Tags: [{ Key: 'iam-connections:user', Value: 'someone-else' }] }));
  const sink: SecretsManagerSink = { kind: 'secretsManager', secretId: 'shared/db', at };
  expect(ownershipProblem(sink, 'shared/db', await describeSecret(sm, 'shared/db'), owner)).toMatch(
    /shared\/db already exists and holds a value iam-connections did not put there, not the key of user u \(connection c\): nothing was written to it\..*adopt: true on the sink \(connections.yaml:1:1\)/,
  );
  expect(ownershipProblem({ ...sink, secretId: 'other/user' }, 'other/user', await describeSecret(sm, 'other/user'), owner)).toMatch(/holds the key of user someone-else/);
  // Ours (user names compare as IAM compares them), absent, or adopted: no problem.
  expect(ownershipProblem(sink, 'shared/db', await describeSecret(sm, 'shared/db'), { ...owner, user: 'U' })).toBeDefined();
  expect(ownershipProblem(sink, 'x', { tags: { 'iam-connections:user': 'U' }, versions: {} }, owner)).toBeUndefined();
  expect(ownershipProblem(sink, 'x', undefined, owner)).toBeUndefined();
  const adopt = { ...sink, adopt: true };
  expect(ownershipProblem(adopt, 'shared/db', await describeSecret(sm, 'shared/db'), owner)).toBeUndefined();
  await deliverToSecretsManager(sm, adopt, payload('AKIAFIRSTKEY00000001'), await describeSecret(sm, 'shared/db'), { accountName: 'prod', region: 'us-east-1', owner });
  expect((await describeSecret(sm, 'shared/db'))?.tags['iam-connections:user']).toBe('u');
});

test('Secrets Manager: a denial names the permission and never the secret', async () => {
  proxy.inject({ action: 'PutSecretValue', status: 400, code: 'AccessDeniedException', message: 'not authorized' });
  const sm = new SecretsManagerClient({ region: 'us-east-1' });
  await sm.send(new CreateSecretCommand({ Name: 's', SecretString: '{}', Tags: [{ Key: 'iam-connections:user', Value: 'u' }] }));
  const sink: SecretsManagerSink = { kind: 'secretsManager', secretId: 's', at };
  const p = payload('AKIAFIRSTKEY00000001');
  const err = await deliverToSecretsManager(sm, sink, p, await describeSecret(sm, 's'), { accountName: 'prod', region: 'us-east-1', owner }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(err?.message).toMatch(/Grant secretsmanager:PutSecretValue on the secret/);
  expect(err?.message).not.toContain(p.secretAccessKey);
});

describe('verifyKey', () => {
  async function newKey(): Promise<{ id: string; secret: string; arn: string }> {
    const iam = new IAMClient({ region: 'us-east-1' });
    const u = (await iam.send(new CreateUserCommand({ UserName: 'vendor', Path: '/connections/' }))).User!;
    const k = (await iam.send(new CreateAccessKeyCommand({ UserName: 'vendor' }))).AccessKey!;
    return { id: k.AccessKeyId!, secret: k.SecretAccessKey!, arn: u.Arn! };
  }
  const fakeClock = (): { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[] } => {
    let t = 0;
    const slept: number[] = [];
    return { now: () => t, sleep: (ms) => { slept.push(ms); t += ms; return Promise.resolve(); }, slept };
  };

  test('retries while the key propagates, then checks the identity', async () => {
    const k = await newKey();
    proxy.inject({ action: 'GetCallerIdentity', status: 403, code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', times: 3 });
    const clock = fakeClock();
    const v = await verifyKey(k.id, k.secret, 'us-east-1', { expectedArn: k.arn, clock, random: () => 0.5 });
    expect(v).toEqual({ arn: k.arn, attempts: 4 });
    expect(clock.slept).toHaveLength(3);
  });

  test('gives up after about two minutes, saying the old key is untouched', async () => {
    const k = await newKey();
    proxy.inject({ action: 'GetCallerIdentity', status: 403, code: 'InvalidClientTokenId', message: 'invalid' });
    const clock = fakeClock();
    const err = await verifyKey(k.id, k.secret, 'us-east-1', { expectedArn: k.arn, clock, random: () => 0.99 }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
    expect(err?.message).toMatch(/did not work with sts:GetCallerIdentity .* the old key is untouched/);
    expect(err?.message).not.toContain(k.secret);
    expect(clock.now()).toBeLessThanOrEqual(120_000);
    expect(clock.now()).toBeGreaterThan(60_000);
  });

  test('a key that signs in as someone else is refused', async () => {
    const k = await newKey();
    await expect(verifyKey(k.id, k.secret, 'us-east-1', { expectedArn: 'arn:aws:iam::123456789012:user/other' })).rejects.toThrow(/signs in as .*vendor, not as .*other/);
  });
});
