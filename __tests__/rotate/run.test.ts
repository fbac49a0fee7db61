/**
 * rotateAccount against a real moto_server and the local GitHub server: the day-91/98/105
 * staged rotation, reruns, a crash between CreateAccessKey and delivery, the two-key limit,
 * a GitHub token that cannot write secrets, two concurrent runs, and no secret anywhere.
 *
 * Day 0 is set up with the SDK directly: the user and its first key, recorded as current with
 * the record's own format (`keyRecordTags`), as a previous rotate would have left it. Day N is
 * the tool's `now` = the key's CreateDate + N days (+1 h), and moto's clock moves with it
 * (../helpers/time.ts), so CreateDate and last use are stamped on the same timeline.
 */
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  GetUserCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListUserTagsCommand,
  TagUserCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { CreateSecretCommand, DescribeSecretCommand, GetSecretValueCommand, ListSecretVersionIdsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import sodium from 'libsodium-wrappers';
import { secretsManagerClient } from '../../src/aws/clients.js';
import type { AccountInventory } from '../../src/aws/inventory-model.js';
import type { ConnectionSpec, KeyRules, Sink } from '../../src/manifest/model.js';
import { KEY_CURRENT_TAG, KEY_PENDING_TAG, KEY_PREVIOUS_TAG, keyRecordTags } from '../../src/plan/keys.js';
import { rotateReportMarkdown, rotateReportText } from '../../src/rotate/report.js';
import { rotateAccount, type RotateAccountInput, type RotateAccountResult } from '../../src/rotate/run.js';
import { gitHubSecretsClient } from '../../src/sinks/github-secrets.js';
import { startAwsProxy, type AwsProxy } from '../helpers/aws-proxy.js';
import { awsTestEnv, setEnv } from '../helpers/env.js';
import { startGitHubServer, type GitHubServer } from '../helpers/github-server.js';
import { startMoto, type MotoServer } from '../helpers/moto.js';
import { shareClock, type SharedClock } from '../helpers/time.js';

const DAY = 86_400_000;
const USER = 'senhasegura-cloud-iam';
const ACCOUNT = { name: 'prod', id: '123456789012' };
const at = { file: 'connections.yaml', line: 1, column: 1 };
const RULES: KeyRules = { rotateAfter: 90 * 86400, overlap: 7 * 86400, deleteAfter: 7 * 86400, requireUnusedFor: 86400, force: false };
const SINKS: Sink[] = [
  { kind: 'secretsManager', secretId: 'integrations/senhasegura/{account}', at },
  { kind: 'githubSecret', repository: 'acme/vault-sync', name: 'SENHASEGURA_AWS_KEY_{ACCOUNT}', at },
];

function connection(deliver: Sink[] = SINKS, rules: KeyRules = RULES): ConnectionSpec {
  return {
    name: 'senhasegura',
    accounts: ['prod'],
    user: { name: USER, path: '/connections/', tags: {}, policies: [], inlinePolicies: [], managedPolicies: [], at, accessKey: { rules, deliver, at } },
    watch: { roles: [], users: [], policies: [] },
    adopt: false,
    acknowledge: [],
    tags: {},
    at,
  } as ConnectionSpec;
}

let moto: MotoServer;
let clock: SharedClock;
let proxy: AwsProxy;
let gh: GitHubServer;
let restoreEnv: () => void;
let iam: IAMClient;
let sm: SecretsManagerClient;
let ghKeys: { publicKey: Uint8Array; privateKey: Uint8Array };
let ghSecrets: Map<string, { encrypted_value: string; key_id: string }>;

beforeAll(async () => {
  moto = await startMoto({ faketime: true });
  clock = shareClock(moto);
  proxy = await startAwsProxy(moto.endpoint);
  gh = await startGitHubServer();
  restoreEnv = setEnv(awsTestEnv(proxy.endpoint));
  iam = new IAMClient({ region: 'us-east-1' });
  sm = new SecretsManagerClient({ region: 'us-east-1' });
  await sodium.ready;
  ghKeys = sodium.crypto_box_keypair();
});

afterAll(async () => {
  restoreEnv();
  await gh.stop();
  await proxy.stop();
  await moto.stop();
});

/** Every secret the library handed to `mask`, and every log line: scanned at the end of each test. */
let masked: string[];
let logs: string[];
let outputs: { name: string; value: string }[];

beforeEach(async () => {
  clock.real();
  await moto.reset();
  proxy.clear();
  gh.clear();
  masked = [];
  logs = [];
  outputs = [];
  ghSecrets = gh.useActionsSecrets().secrets;
  // The ready-made key has no private half: serve our own pair so the test can decrypt.
  gh.on('GET', '/repos/:owner/:repo/actions/secrets/public-key', () => ({
    status: 200,
    body: { key_id: 'test-key-1', key: sodium.to_base64(ghKeys.publicKey, sodium.base64_variants.ORIGINAL) },
  }));
});

/** Day 0: the user and its first key, recorded as current. Returns the key ID and day 0. */
async function dayZero(): Promise<{ k0: string; t0: number }> {
  await iam.send(new CreateUserCommand({ UserName: USER, Path: '/connections/' }));
  const k = (await iam.send(new CreateAccessKeyCommand({ UserName: USER }))).AccessKey!;
  const t0 = k.CreateDate!.getTime();
  await tag({ ...keyRecordTags({ current: { id: k.AccessKeyId!, at: new Date(t0).toISOString() } }) });
  dayZeroKey = { id: k.AccessKeyId!, secret: k.SecretAccessKey! };
  return { k0: k.AccessKeyId!, t0 };
}

let dayZeroKey: { id: string; secret: string } | undefined;

/**
 * The vendor signs a call at `at` with the key Secrets Manager serves (or, before the first
 * delivery, the day-0 key): moto records the use, the evidence that the vendor switched.
 */
async function vendorSignsIn(at: Date): Promise<string> {
  clock.set(at);
  const served = await currentSecret();
  const key = served ? { id: served.accessKeyId!, secret: served.secretAccessKey! } : dayZeroKey!;
  const sts = new STSClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: key.id, secretAccessKey: key.secret } });
  await sts.send(new GetCallerIdentityCommand({}));
  return key.id;
}

async function tag(tags: Record<string, string>): Promise<void> {
  await iam.send(new TagUserCommand({ UserName: USER, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }));
}

async function inventory(): Promise<AccountInventory> {
  const u = (await iam.send(new GetUserCommand({ UserName: USER }))).User!;
  return {
    account: 'prod',
    accountId: ACCOUNT.id,
    readAt: new Date().toISOString(),
    users: [{ name: USER, arn: u.Arn!, id: u.UserId!, path: u.Path!, created: u.CreateDate!.toISOString(), tags: {}, attached: [], inline: [], groups: [] }],
    roles: [],
    policies: [],
    buckets: [],
  };
}

async function run(now: Date, extra: Partial<RotateAccountInput> = {}, conn = connection()): Promise<RotateAccountResult> {
  clock.set(now);
  return rotateAccount({
    account: ACCOUNT,
    inventory: extra.inventory ?? (await inventory()),
    connections: [conn],
    clients: { iam, secretsManager: ({ region }) => secretsManagerClient({ region }), github: gitHubSecretsClient('ghp_test_token_with_secrets_write', { GITHUB_API_URL: gh.url }) },
    region: 'us-east-1',
    now,
    runId: 'run-1',
    mask: (s) => masked.push(s),
    log: (l) => logs.push(l),
    setOutput: (name, value) => outputs.push({ name, value }),
    lock: { settleMs: 1000 },
    ...extra,
  });
}

async function liveKeys(): Promise<Map<string, string>> {
  const out = await iam.send(new ListAccessKeysCommand({ UserName: USER }));
  return new Map((out.AccessKeyMetadata ?? []).map((k) => [k.AccessKeyId!, k.Status!]));
}

async function userTags(): Promise<Record<string, string>> {
  const out = await iam.send(new ListUserTagsCommand({ UserName: USER }));
  return Object.fromEntries((out.Tags ?? []).map((t) => [t.Key!, t.Value!]));
}

/**
 * What readers of the secret get (AWSCURRENT), read through the version stages: moto's plain
 * GetSecretValue keeps answering the first version after UpdateSecretVersionStage, real AWS does not.
 */
async function currentSecret(): Promise<Record<string, string> | undefined> {
  try {
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 'integrations/senhasegura/prod' }));
    const version = Object.entries(d.VersionIdsToStages ?? {}).find(([, st]) => st.includes('AWSCURRENT'))?.[0];
    const v = await sm.send(new GetSecretValueCommand({ SecretId: 'integrations/senhasegura/prod', VersionId: version }));
    return JSON.parse(v.SecretString!) as Record<string, string>;
  } catch {
    return undefined; // not created yet
  }
}

/** The key ID each sink holds now (undefined: nothing delivered yet). */
async function sinkKeys(): Promise<{ sm?: string; gh?: string }> {
  const out: { sm?: string; gh?: string } = {};
  const current = await currentSecret();
  if (current) out.sm = current.accessKeyId;
  const g = ghSecrets.get('SENHASEGURA_AWS_KEY_PROD');
  if (g) {
    const plain = sodium.crypto_box_seal_open(sodium.from_base64(g.encrypted_value, sodium.base64_variants.ORIGINAL), ghKeys.publicKey, ghKeys.privateKey);
    out.gh = (JSON.parse(sodium.to_string(plain)) as { accessKeyId: string }).accessKeyId;
  }
  return out;
}

/** The invariant: whatever a sink holds is an active key in IAM. */
async function expectSinksHoldActiveKeys(): Promise<void> {
  const keys = await liveKeys();
  const held = await sinkKeys();
  for (const id of [held.sm, held.gh]) if (id !== undefined) expect(keys.get(id)).toBe('Active');
}

function expectNoSecretLeak(results: unknown[]): void {
  const haystack = [...logs, ...results.map((r) => JSON.stringify(r)), ...results.flatMap((r) => (Array.isArray(r) ? [] : [rotateReportMarkdown([r as RotateAccountResult]), ...rotateReportText([r as RotateAccountResult])]))].join('\n');
  expect(masked.length).toBeGreaterThan(0);
  for (const s of masked) expect(haystack.includes(s)).toBe(false);
  // And no GitHub call carried it in clear text.
  for (const c of gh.calls) for (const s of masked) expect(JSON.stringify(c.body ?? '').includes(s)).toBe(false);
}

/** Writes other than taking and releasing the run's own lock. */
const writes = (): number =>
  proxy.calls.filter((c) => /^(Create|Delete|Update|Tag|Untag|Put)/.test(c.action) && !JSON.stringify(c.params).includes('iam-connections:rotate-lock')).length;

test('day 91 rotates and delivers, day 98 deactivates the unused old key, day 105 deletes it; reruns change nothing', async () => {
  const { k0, t0 } = await dayZero();
  const day = (n: number): Date => new Date(t0 + n * DAY + 3_600_000);
  const results: RotateAccountResult[] = [];

  // Day 30: nothing due.
  proxy.clear();
  results.push(await run(day(30)));
  expect(results.at(-1)!.users[0]!.status).toBe('unchanged');
  expect(writes()).toBe(0);
  expect(results.at(-1)!.users[0]!.next[0]).toMatchObject({ kind: 'rotate', at: new Date(t0 + 90 * DAY).toISOString() });

  // Day 91: a new key, in both sinks, verified, recorded; the old one still active.
  results.push(await run(day(91)));
  const r91 = results.at(-1)!.users[0]!;
  expect(r91.status).toBe('changed');
  expect(r91.failures).toEqual([]);
  const keys91 = await liveKeys();
  expect(keys91.size).toBe(2);
  expect(keys91.get(k0)).toBe('Active');
  const k1 = [...keys91.keys()].find((k) => k !== k0)!;
  expect(keys91.get(k1)).toBe('Active');
  expect(await sinkKeys()).toEqual({ sm: k1, gh: k1 });
  const secret = (await currentSecret())!;
  expect(Object.keys(secret)).toEqual(['accessKeyId', 'secretAccessKey', 'user', 'account', 'createdAt']);
  expect(secret).toMatchObject({ accessKeyId: k1, user: USER, account: ACCOUNT.id });
  expect(masked).toEqual([secret.secretAccessKey]);
  const tags91 = await userTags();
  expect(tags91[KEY_CURRENT_TAG]).toBe(`${k1}@${day(91).toISOString()}`);
  expect(tags91[KEY_PREVIOUS_TAG]).toBe(`${k0}@${day(91).toISOString()}`);
  expect(tags91['iam-connections:rotate-lock']).toBeUndefined();
  expect(r91.after.map((k) => k.role).sort()).toEqual(['current', 'previous']);
  expect(r91.next[0]).toMatchObject({ kind: 'deactivate', at: new Date(day(91).getTime() + 7 * DAY).toISOString() });
  await expectSinksHoldActiveKeys();

  // Rerun the same day: nothing.
  proxy.clear();
  results.push(await run(day(91)));
  expect(results.at(-1)!.users[0]!.status).toBe('unchanged');
  expect(writes()).toBe(0);
  expect(proxy.count('CreateAccessKey')).toBe(0);

  // Day 98 with the new key used only by the tool's own verification (made before delivery):
  // no evidence the vendor switched, so the old key stays active, and the report says why.
  proxy.clear();
  results.push(await run(day(98)));
  expect(results.at(-1)!.users[0]!.status).toBe('unchanged');
  expect(proxy.count('GetAccessKeyLastUsed')).toBe(2);
  expect(writes()).toBe(0);
  expect((await liveKeys()).get(k0)).toBe('Active');
  expect(results.at(-1)!.users[0]!.warnings.join(' ')).toMatch(/not after its delivery at .*does not count.*no evidence the vendor switched/);

  // The vendor signs in with what the sink serves (the new key): day 98, later that day, the old
  // key past its overlap and never used is deactivated.
  expect(await vendorSignsIn(new Date(day(98).getTime() + 3_600_000))).toBe(k1);
  proxy.clear();
  results.push(await run(new Date(day(98).getTime() + 2 * 3_600_000)));
  expect(results.at(-1)!.users[0]!.status).toBe('changed');
  expect(proxy.count('GetAccessKeyLastUsed')).toBe(2);
  const keys98 = await liveKeys();
  expect(keys98.get(k0)).toBe('Inactive');
  expect(keys98.get(k1)).toBe('Active');
  await expectSinksHoldActiveKeys();
  proxy.clear();
  results.push(await run(new Date(day(98).getTime() + 2 * 3_600_000)));
  expect(results.at(-1)!.users[0]!.status).toBe('unchanged');
  expect(writes()).toBe(0);

  // Day 105: deleted, and the record forgets it.
  results.push(await run(day(105)));
  expect(results.at(-1)!.users[0]!.status).toBe('changed');
  expect([...(await liveKeys()).entries()]).toEqual([[k1, 'Active']]);
  expect((await userTags())[KEY_PREVIOUS_TAG]).toBeUndefined();
  await expectSinksHoldActiveKeys();
  proxy.clear();
  results.push(await run(day(105)));
  expect(results.at(-1)!.users[0]!.status).toBe('unchanged');
  expect(writes()).toBe(0);

  // Secrets Manager got exactly one version for the one rotation.
  const versions = await sm.send(new ListSecretVersionIdsCommand({ SecretId: 'integrations/senhasegura/prod' }));
  expect(versions.Versions).toHaveLength(1);
  const report = rotateReportMarkdown(results.slice(1, 2));
  expect(report).toContain(`${k1.slice(0, 4)}…${k1.slice(-4)}`);
  expect(report).not.toContain(k1);
  expectNoSecretLeak(results);
});

test('a run killed between CreateAccessKey and delivery leaves an orphan that the next run deletes before rotating cleanly', async () => {
  const { k0, t0 } = await dayZero();
  const day91 = new Date(t0 + 91 * DAY + 3_600_000);
  const crashed = await run(day91, {
    afterCreate: () => {
      throw new Error('simulated kill');
    },
  });
  const u = crashed.users[0]!;
  expect(u.status).toBe('failed');
  expect(u.failures.join(' ')).toMatch(/not marked pending, and the next run deletes it \(young, never used\)/);
  const afterCrash = await liveKeys();
  expect(afterCrash.size).toBe(2);
  const orphan = [...afterCrash.keys()].find((k) => k !== k0)!;
  expect(await sinkKeys()).toEqual({});
  expect((await userTags())[KEY_CURRENT_TAG]).toMatch(new RegExp(`^${k0}@`));

  const next = await run(day91);
  const steps = next.users[0]!.steps;
  expect(steps.map((s) => `${s.kind}:${s.status}`)).toEqual(['delete-orphan:done', 'rotate:done']);
  const keys = await liveKeys();
  expect(keys.has(orphan)).toBe(false);
  const k1 = [...keys.keys()].find((k) => k !== k0)!;
  expect(keys.get(k0)).toBe('Active');
  expect(await sinkKeys()).toEqual({ sm: k1, gh: k1 });
  await expectSinksHoldActiveKeys();
  expect(masked).toHaveLength(2);
  expectNoSecretLeak([crashed, next]);
});

test('two-key limit: an inactive replaced key still inside deleteAfter is deleted early to make room', async () => {
  const { k0, t0 } = await dayZero();
  const old = (await iam.send(new CreateAccessKeyCommand({ UserName: USER }))).AccessKey!.AccessKeyId!;
  await iam.send(new UpdateAccessKeyCommand({ UserName: USER, AccessKeyId: old, Status: 'Inactive' }));
  await tag(keyRecordTags({ current: { id: k0, at: new Date(t0).toISOString() }, previous: { id: old, at: new Date(t0).toISOString() } }));
  const rules = { ...RULES, deleteAfter: 200 * 86400 };
  const r = await run(new Date(t0 + 91 * DAY), {}, connection(SINKS, rules));
  expect(r.users[0]!.steps.map((s) => `${s.kind}:${s.status}`)).toEqual(['delete:done', 'rotate:done']);
  const keys = await liveKeys();
  expect(keys.has(old)).toBe(false);
  expect(keys.get(k0)).toBe('Active');
  expect(keys.size).toBe(2);
  await expectSinksHoldActiveKeys();
  expectNoSecretLeak([r]);
});

test('two-key limit: with the replaced key still active, no key is created and the report says why', async () => {
  const { k0, t0 } = await dayZero();
  const other = (await iam.send(new CreateAccessKeyCommand({ UserName: USER }))).AccessKey!.AccessKeyId!;
  // Replaced at day 88: overlap runs to day 95, so at day 91 it must stay active.
  await tag(keyRecordTags({ current: { id: k0, at: new Date(t0).toISOString() }, previous: { id: other, at: new Date(t0 + 88 * DAY).toISOString() } }));
  proxy.clear();
  const r = await run(new Date(t0 + 91 * DAY));
  expect(proxy.count('CreateAccessKey')).toBe(0);
  expect(r.users[0]!.status).toBe('unchanged');
  expect(r.users[0]!.warnings.join(' ')).toMatch(/already holds 2 access keys/);
  expect((await liveKeys()).size).toBe(2);
});

test('a GitHub token that cannot write secrets: actionable message, rotation not recorded, next run converges', async () => {
  const { k0, t0 } = await dayZero();
  const day91 = new Date(t0 + 91 * DAY + 3_600_000);
  gh.on('PUT', '/repos/:owner/:repo/actions/secrets/:name', () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }));
  const r = await run(day91);
  const u = r.users[0]!;
  expect(u.status).toBe('failed');
  const msg = u.failures.join('\n');
  expect(msg).toContain('the token cannot write Actions secrets to acme/vault-sync');
  expect(msg).toContain('the default GITHUB_TOKEN never can');
  expect(msg).toContain('as github-token');
  expect(msg).not.toContain('ghp_test_token_with_secrets_write');
  expect((await userTags())[KEY_CURRENT_TAG]).toMatch(new RegExp(`^${k0}@`));
  await expectSinksHoldActiveKeys();

  // The new key stays pending, staged in Secrets Manager (readers still get the old one).
  const pending = (await userTags())[KEY_PENDING_TAG]?.split('@')[0];
  expect(pending).toMatch(/^AKIA/);
  // (The secret is new: with no earlier reader its first version is current at once; the vendor still has k0.)
  expect(await sinkKeys()).toEqual({ sm: pending });
  expect((await liveKeys()).get(k0)).toBe('Active');

  // GitHub fixed: the next run resumes the same key (read back from its AWSPENDING version), no new key.
  ghSecrets = gh.useActionsSecrets().secrets;
  gh.on('GET', '/repos/:owner/:repo/actions/secrets/public-key', () => ({
    status: 200,
    body: { key_id: 'test-key-1', key: sodium.to_base64(ghKeys.publicKey, sodium.base64_variants.ORIGINAL) },
  }));
  proxy.clear();
  const again = await run(day91);
  expect(again.users[0]!.status).toBe('changed');
  expect(again.users[0]!.steps.map((st) => `${st.kind}:${st.status}`)).toEqual(['resume:done']);
  expect(proxy.count('CreateAccessKey')).toBe(0);
  const held = await sinkKeys();
  expect([held.sm, held.gh]).toEqual([pending, pending]);
  expect((await userTags())[KEY_PENDING_TAG]).toBeUndefined();
  expect((await userTags())[KEY_CURRENT_TAG]).toMatch(new RegExp(`^${held.sm}@`));
  await expectSinksHoldActiveKeys();
  expectNoSecretLeak([r, again]);
});

test('a pending key that cannot be read back is recorded as replaced and retired like one, never deleted blind', async () => {
  const { k0, t0 } = await dayZero();
  const day91 = new Date(t0 + 91 * DAY + 3_600_000);
  gh.on('PUT', '/repos/:owner/:repo/actions/secrets/:name', () => ({ status: 500, body: { message: 'Server Error' } }));
  expect((await run(day91)).users[0]!.status).toBe('failed');
  const pending = (await userTags())[KEY_PENDING_TAG]!.split('@')[0]!;
  // The role may not read secrets back: the key cannot be resumed, and a sink may hold it.
  proxy.inject({ action: 'GetSecretValue', status: 400, code: 'AccessDeniedException', message: 'not authorized to read' });
  const r = await run(day91);
  expect(r.users[0]!.steps.map((st) => `${st.kind}:${st.status}`)).toEqual(['abandon-pending:done', 'warn:not-run']);
  expect((await liveKeys()).get(pending)).toBe('Active');
  expect((await userTags())[KEY_PREVIOUS_TAG]).toBe(`${pending}@${day91.toISOString()}`);
  expect((await userTags())[KEY_CURRENT_TAG]).toMatch(new RegExp(`^${k0}@`));
  await expectSinksHoldActiveKeys();
  // A week later, unused, while the vendor goes on with the current key: deactivated (not
  // deleted); the rotation then waits for room.
  expect(await vendorSignsIn(new Date(day91.getTime() + 6 * DAY))).toBe(k0);
  const r98 = await run(new Date(day91.getTime() + 7 * DAY));
  expect(r98.users[0]!.steps.map((st) => st.kind)).toEqual(['deactivate', 'warn']);
  expect((await liveKeys()).get(pending)).toBe('Inactive');
  await expectSinksHoldActiveKeys();
});

test('a Secrets Manager secret someone else owns is refused before any key is made, unless the sink adopts it', async () => {
  const { t0 } = await dayZero();
  const day91 = new Date(t0 + 91 * DAY + 3_600_000);
  await sm.send(new CreateSecretCommand({ Name: 'integrations/senhasegura/prod', SecretString: '{"db":"theirs"}' }));
  proxy.clear();
  const refused = await run(day91);
  expect(refused.users[0]!.status).toBe('failed');
  expect(refused.users[0]!.failures.join(' ')).toMatch(/integrations\/senhasegura\/prod already exists and holds a value iam-connections did not put there.*adopt: true/);
  expect(proxy.count('CreateAccessKey')).toBe(0);
  expect(proxy.count('PutSecretValue')).toBe(0);
  const adopted = await run(day91, {}, connection([{ ...SINKS[0]!, adopt: true } as Sink, SINKS[1]!]));
  expect(adopted.users[0]!.status).toBe('changed');
  await expectSinksHoldActiveKeys();
});

test('a user missing right after CreateUser is read again with backoff; one that stays missing fails apply; names match case-insensitively', async () => {
  const { t0 } = await dayZero();
  const day91 = new Date(t0 + 91 * DAY + 3_600_000);
  const empty = { ...(await inventory()), users: [] };
  // Names compare as IAM compares them: the manifest's spelling finds the listed user.
  const upper = connection();
  upper.user!.name = USER.toUpperCase();
  expect((await run(day91, {}, upper)).users[0]!.status).toBe('changed');
  await vendorSignsIn(new Date(day91.getTime() + DAY)); // the vendor switches to the new key
  // IAM lags: the inventory and the first two GetUser calls miss the user, the third finds it.
  proxy.clear();
  proxy.inject({ action: 'GetUser', times: 2, status: 404, code: 'NoSuchEntity', message: 'The user with name senhasegura-cloud-iam cannot be found.' });
  const found = await run(new Date(day91.getTime() + 91 * DAY), { inventory: empty, requireUsers: true });
  expect(found.users[0]!.status).toBe('changed');
  expect(proxy.count('GetUser')).toBe(3);
  // Rotate alone fails for a declared user that does not exist (nobody else would notice a
  // scheduled job's warning), naming apply; an expired temporary user that is gone is not a failure.
  const gone = connection();
  gone.user!.name = 'never-created';
  const missing = await run(day91, { inventory: empty }, gone);
  expect(missing.users[0]).toMatchObject({ status: 'failed', failures: [expect.stringMatching(/does not exist in account .*: run apply/)] });
  expect(missing.failed).toBe(true);
  const retired = { ...gone, temporary: { expires: new Date(day91.getTime() - DAY).toISOString(), deleteAfter: 0, at: gone.at } };
  const done = await run(day91, { inventory: empty }, retired);
  expect(done.users[0]).toMatchObject({ status: 'skipped', warnings: [expect.stringMatching(/expired .* no longer exists/)] });
  expect(done.failed).toBe(false);
  const notYet = { ...retired, temporary: { ...retired.temporary, expires: new Date(day91.getTime() + DAY).toISOString() } };
  expect((await run(day91, { inventory: empty }, notYet)).failed).toBe(true);
  // A ttl leaves nothing behind once retired: missing may be the cleanup done, so it is reported, not failed.
  const ttl = { ...gone, temporary: { ttl: 2 * DAY / 1000, deleteAfter: 0, at: gone.at } };
  const ttlRun = await run(day91, { inventory: empty }, ttl);
  expect(ttlRun.users[0]).toMatchObject({ status: 'skipped', warnings: [expect.stringMatching(/either apply has not created it yet or it was removed after its ttl/)] });
  expect(ttlRun.failed).toBe(false);
  const failed = await run(day91, { inventory: empty, requireUsers: true, retry: { maxElapsedMs: 1_000 } }, gone);
  expect(failed.users[0]!.status).toBe('failed');
  expect(failed.failed).toBe(true);
}, 120_000);

test('two concurrent runs create at most one key', async () => {
  const { t0 } = await dayZero();
  const day91 = new Date(t0 + 91 * DAY + 3_600_000);
  proxy.clear();
  const [a, b] = await Promise.all([run(day91, { runId: 'run-a', lock: { settleMs: 300 } }), run(day91, { runId: 'run-b', lock: { settleMs: 300 } })]);
  expect(proxy.count('CreateAccessKey')).toBe(1);
  expect([a.users[0]!.status, b.users[0]!.status].sort()).toEqual(['changed', 'locked'].sort());
  expect((await liveKeys()).size).toBe(2);
  expect((await userTags())['iam-connections:rotate-lock']).toBeUndefined();
  await expectSinksHoldActiveKeys();
});

test('an expired lock is taken over; a live one is respected', async () => {
  const { t0 } = await dayZero();
  const day91 = new Date(t0 + 91 * DAY + 3_600_000);
  await tag({ 'iam-connections:rotate-lock': `other-run@${new Date(Date.now() + 600_000).toISOString()}` });
  const held = await run(day91);
  expect(held.users[0]!.status).toBe('locked');
  expect(held.users[0]!.warnings[0]).toMatch(/another rotate run \(other-run\) holds the lock/);
  await tag({ 'iam-connections:rotate-lock': `other-run@${new Date(Date.now() - 1000).toISOString()}` });
  const taken = await run(day91);
  expect(taken.users[0]!.status).toBe('changed');
});

test('an output sink hands the key to the caller only through setOutput', async () => {
  const { t0 } = await dayZero();
  const r = await run(new Date(t0 + 91 * DAY), {}, connection([{ kind: 'output', name: 'vendor-key', at }]));
  expect(r.users[0]!.status).toBe('changed');
  expect(outputs).toHaveLength(1);
  expect(outputs[0]!.name).toBe('vendor-key');
  expect(JSON.parse(outputs[0]!.value)).toMatchObject({ secretAccessKey: masked[0] });
  expectNoSecretLeak([r]);
});
