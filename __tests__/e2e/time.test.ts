/**
 * Time end to end through `node dist/index.js`, with moto's clock and the tool's moved together
 * (world.clock: libfaketime + IAM_CONNECTIONS_NOW):
 *  - `as-of` never writes: apply and rotate with it (action input or CLI flag) make zero AWS and
 *    GitHub write calls, say what they would do, and exit 0;
 *  - a same-day rerun of rotate after a rotation makes zero writes;
 *  - the scheduled rotate alone retires an expired temporary connection (user, keys, policy),
 *    and leaves a bystander alone.
 */
import { CreateUserCommand, GetAccountAuthorizationDetailsCommand, ListAccessKeysCommand, ListUserTagsCommand, type IAMClient } from '@aws-sdk/client-iam';
import { runCli, STACK_TRACE, type ActionRun } from './run-action.js';
import { startWorld, type World } from './world.js';

const PROD = '111122223333';
const DAY = 86_400_000;
const D0 = '2027-01-04T00:00:00Z';
const day = (n: number) => new Date(Date.parse(D0) + n * DAY).toISOString();
/** Every AWS operation that changes something, as the proxy names them. */
const AWS_WRITE = /^(Create|Delete|Update|Put|Tag|Untag|Attach|Detach|Set|Add|Remove|Deactivate|Enable|Disable|Upload|Rotate|Restore)/;
const GITHUB_WRITE = new Set(['PUT', 'POST', 'PATCH', 'DELETE']);

const manifest = `version: 1
accounts:
  prod: { id: "${PROD}", role: "arn:aws:iam::${PROD}:role/iam-connections" }
connections:
  vendor:
    accounts: [prod]
    user:
      name: vendor-user
      managedPolicies: [SecurityAudit]
      accessKey:
        rotateAfter: 90d
        overlap: 7d
        deleteAfter: 7d
        requireUnusedFor: 24h
        deliver:
          - secretsManager: { secretId: integrations/vendor }
          - githubSecret: { repository: acme/vault-sync, name: VENDOR_AWS_KEY }
  setup:
    accounts: [prod]
    user:
      name: setup-user
      policies: [{ file: policies/setup.json }]
      accessKey: { deliver: [{ secretsManager: { secretId: integrations/setup } }] }
    temporary: { expires: ${day(28)}, deleteAfter: 7d }
`;
const setupPolicy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:ListUsers'], Resource: '*' }] });

// Several runs of the bundle each, on a machine shared with other jobs: generous, not timed.
let world: World;
let iam: IAMClient;
let repo: string;

beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});
beforeEach(async () => {
  await world.reset();
  world.github.useActionsSecrets();
  awsSeen = 0;
  githubSeen = 0;
  iam = (await world.clients(PROD)).iam;
  repo = world.repo({ 'connections.yaml': manifest, 'policies/setup.json': setupPolicy });
});

async function action(command: 'apply' | 'rotate' | 'plan', extra: Record<string, string> = {}): Promise<ActionRun> {
  const r = await world.run({
    inputs: { command, 'github-token': 'github_pat_fine_grained_secret_writer', ...extra },
    cwd: repo,
    env: { GITHUB_EVENT_NAME: command === 'apply' ? 'push' : 'schedule' },
  });
  expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
  return r;
}

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCli(args, repo, {
    AWS_ENDPOINT_URL: world.proxy.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'cli-secret-not-real',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    GITHUB_TOKEN: 'github_pat_fine_grained_secret_writer',
    GITHUB_API_URL: world.github.url,
    ...world.clock.env(),
  });
}

/** The write calls since the last `forget()`: AWS by operation, GitHub by method and path. */
function writes(): string[] {
  return [
    ...awsCalls().filter((c) => AWS_WRITE.test(c.action)).map((c) => `${c.service}:${c.action}`),
    ...world.github.calls.slice(githubSeen).filter((c) => GITHUB_WRITE.has(c.method)).map((c) => `${c.method} ${c.path}`),
  ];
}
// Marks, not proxy.clear(): that would also drop the rules that stand in for moto's gaps.
let awsSeen = 0;
let githubSeen = 0;
const awsCalls = () => world.proxy.calls.slice(awsSeen);
function forget(): void {
  awsSeen = world.proxy.calls.length;
  githubSeen = world.github.calls.length;
}

async function users(): Promise<string[]> {
  const out = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User'] }));
  return (out.UserDetailList ?? []).map((u) => u.UserName ?? '').sort();
}
async function policies(): Promise<string[]> {
  const out = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['LocalManagedPolicy'] }));
  return (out.Policies ?? []).map((p) => p.PolicyName ?? '').sort();
}
const keys = async (user: string) => ((await iam.send(new ListAccessKeysCommand({ UserName: user }))).AccessKeyMetadata ?? []).map((k) => `${k.AccessKeyId}:${k.Status}`).sort();

/** Day 0: apply makes both users and their first keys, on the moved clock. */
async function applyDay0(): Promise<void> {
  world.clock.set(D0);
  await iam.send(new CreateUserCommand({ UserName: 'bystander' }));
  const made = await action('apply');
  expect(made.code).toBe(0);
  expect(await users()).toEqual(['bystander', 'setup-user', 'vendor-user']);
  // moto follows the moved clock: the first key was created on day 0.
  const created = (await iam.send(new ListAccessKeysCommand({ UserName: 'vendor-user' }))).AccessKeyMetadata?.[0]?.CreateDate;
  expect(created?.toISOString().slice(0, 10)).toBe(D0.slice(0, 10));
}

test('rotate and apply with as-of three months ahead (action and CLI) write nothing, say what they would do, exit 0', async () => {
  await applyDay0();
  const vendorKeys = await keys('vendor-user');
  const before = { users: await users(), policies: await policies() };
  world.clock.set(day(1));
  forget();

  const rotate = await action('rotate', { 'as-of': day(91) });
  expect(rotate.code).toBe(0);
  expect(rotate.stdout).toContain(`dry run: as-of ${day(91).slice(0, 10)} only previews; nothing was written`);
  expect(rotate.stdout).toMatch(/prod\/vendor user vendor-user: would rotate: create a new key/);
  // Past expires + deleteAfter (day 35): the temporary user would go, and only would.
  expect(rotate.stdout).toMatch(/prod: would delete user setup-user \(temporary connection setup expired/);
  expect(rotate.summary).toContain('only previews; nothing was written');
  expect(rotate.outputs).toHaveProperty('plan');
  expect(rotate.outputs).not.toHaveProperty('role-arns');

  const apply = await action('apply', { 'as-of': day(91) });
  expect(apply.code).toBe(0);
  expect(apply.stdout).toMatch(/would delete user setup-user/);
  expect(apply.stdout).toMatch(/would delete policy /);
  expect(apply.summary).toMatch(/What apply would do as of/);
  expect(apply.outputs).not.toHaveProperty('role-arns');

  const cliRotate = await cli(['rotate', '-m', 'connections.yaml', '--as-of', day(91)]);
  expect(cliRotate.code).toBe(0);
  expect(cliRotate.stdout).toMatch(/^dry run: as-of .* only previews; nothing was written/m);
  expect(cliRotate.stdout).toMatch(/would rotate/);
  const cliApply = await cli(['apply', '-m', 'connections.yaml', '--as-of', day(91)]);
  expect(cliApply.code).toBe(0);
  expect(cliApply.stdout).toMatch(/would delete user setup-user/);

  expect(writes()).toEqual([]);
  expect(awsCalls().length).toBeGreaterThan(0); // they did read
  expect({ users: await users(), policies: await policies() }).toEqual(before);
  expect(await keys('vendor-user')).toEqual(vendorKeys);
}, 300_000);

test('a same-day rerun of rotate after a rotation reports and makes zero changes', async () => {
  await applyDay0();
  world.clock.set(day(91));
  const first = await action('rotate');
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/vendor-user: changed/);
  expect(await keys('vendor-user')).toHaveLength(2);
  const after = await keys('vendor-user');

  world.clock.set(new Date(Date.parse(day(91)) + 6 * 3_600_000));
  forget();
  const again = await action('rotate');
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/vendor-user: no change/);
  expect(writes()).toEqual([]);
  expect(await keys('vendor-user')).toEqual(after);
  // And plan, from the same instants, agrees: nothing to do for the key.
  const plan = await action('plan');
  expect(plan.stdout).not.toMatch(/access-key vendor-user.*(rotate|deactivate|delete)/);
}, 300_000);

test('the scheduled rotate alone retires an expired temporary connection; a bystander is untouched', async () => {
  await applyDay0();
  const bystanderTags = (await iam.send(new ListUserTagsCommand({ UserName: 'bystander' }))).Tags;

  // Past expires (day 28): rotate deactivates the temporary user's key, deletes nothing yet.
  world.clock.set(day(29));
  const expired = await action('rotate');
  expect(expired.code).toBe(0);
  expect((await keys('setup-user')).map((k) => k.split(':')[1])).toEqual(['Inactive']);
  expect(await users()).toContain('setup-user');

  // Past expires + deleteAfter (day 35): user, keys and its policy go, as apply's teardown does it.
  world.clock.set(day(36));
  forget();
  const retired = await action('rotate');
  expect({ code: retired.code, log: retired.code === 0 ? '' : retired.stdout }).toEqual({ code: 0, log: '' });
  expect(retired.stdout).toMatch(/expired temporary connections removed/);
  expect(await users()).toEqual(['bystander', 'vendor-user']);
  expect(await policies()).toEqual([]);
  expect((await iam.send(new ListUserTagsCommand({ UserName: 'bystander' }))).Tags).toEqual(bystanderTags);
  const deleted = awsCalls().filter((c) => /^Delete/.test(c.action)).map((c) => `${c.action} ${c.params.UserName ?? c.params.PolicyArn ?? ''}`);
  expect(deleted).toEqual(expect.arrayContaining(['DeleteUser setup-user', 'DeleteAccessKey setup-user']));
  expect(deleted.some((d) => d.includes('bystander') || d.includes('vendor-user'))).toBe(false);

  // The next scheduled run finds nothing left to retire and writes nothing.
  forget();
  const next = await action('rotate');
  expect(next.code).toBe(0);
  expect(writes()).toEqual([]);
}, 300_000);
