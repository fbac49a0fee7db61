/**
 * `apply` end to end through `node dist/index.js`: the example manifest (all four seed vendors)
 * into empty accounts, reruns, manifest edits, out-of-band drift, conflicts, prune and the
 * temporary CloudCoreo connection with IAM_CONNECTIONS_NOW moving the clock.
 */
import {
  AttachUserPolicyCommand,
  CreateUserCommand,
  GetAccountAuthorizationDetailsCommand,
  GetRoleCommand,
  ListAccessKeysCommand,
  ListUserTagsCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { GetBucketPolicyCommand } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleRepo, expand, readmeWorkflow } from './readme.js';
import { STACK_TRACE } from './run-action.js';
import { startWorld, type World } from './world.js';

const PROD = '111122223333';
const STAGING = '444455556666';
const OWNER = 'iam-connections:connection';
const EXTERNAL_ID = 'Contoso-77a1c0de';
const env = { CLOUDYN_EXTERNAL_ID: EXTERNAL_ID };
const NOW = '2026-11-22T12:00:00Z';

type PlanJson = { summary: { changes: number; drift: boolean }; accounts: { account: string; changes: { kind: string; action: string; connection?: string; resource: { type: string; name: string } }[] }[] };

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});
beforeEach(async () => {
  await world.reset();
  world.github.useActionsSecrets();
});

const plan = (run: { outputs: Record<string, string> }) => JSON.parse(readFileSync(run.outputs.plan as string, 'utf8')) as PlanJson;
const executable = (p: PlanJson) => p.accounts.flatMap((a) => a.changes.filter((c) => c.action !== 'none'));

async function inventory(iam: IAMClient) {
  const out = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User', 'Role', 'LocalManagedPolicy'] }));
  return {
    users: (out.UserDetailList ?? []).map((u) => ({ name: u.UserName, owner: u.Tags?.find((t) => t.Key === OWNER)?.Value, attached: (u.AttachedManagedPolicies ?? []).map((p) => p.PolicyName).sort() })),
    roles: (out.RoleDetailList ?? []).map((r) => ({ name: r.RoleName, owner: r.Tags?.find((t) => t.Key === OWNER)?.Value })),
    policies: (out.Policies ?? []).map((p) => ({ name: p.Arn?.split('/').pop(), description: p.Description })),
  };
}

async function apply(repo: string, inputs: Record<string, string> = {}) {
  const { now = NOW, ...rest } = inputs;
  const run = await world.run({ inputs: { command: 'apply', 'github-token': 'ghp_fine_grained_test', ...rest }, cwd: repo, env: { ...env, GITHUB_EVENT_NAME: 'push', IAM_CONNECTIONS_NOW: now } });
  expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  return run;
}

test('the example manifest into empty accounts: exactly the declared resources, tagged; a rerun and a plan change nothing', async () => {
  const repo = exampleRepo(world);
  const first = await apply(repo);
  expect({ code: first.code, failed: first.stdout.match(/^FAILED: .*$/gm) ?? [] }).toEqual({ code: 0, failed: [] });

  // A progress line per account (done / total, throttled, elapsed) and a log group per account.
  expect(first.stdout).toMatch(/^prod: \d+\/\d+ changes, \d+ throttled, [\d.]+ s/m);
  expect(first.stdout).toMatch(/^::group::prod: \d+ change\(s\)$/m);
  expect(first.stdout).toMatch(/^::group::staging: \d+ change\(s\)$/m);

  const { iam: prodIam, s3 } = await world.clients(PROD);
  const prod = await inventory(prodIam);
  expect(prod.users.map((u) => [u.name, u.owner]).sort()).toEqual([
    ['cloudcoreo-setup', 'cloudcoreo-setup'],
    ['sekoia-iam-reader', 'sekoia'],
    ['senhasegura-cloud-iam', 'senhasegura'],
  ]);
  expect(prod.users.find((u) => u.name === 'sekoia-iam-reader')?.attached).toEqual(['IAMReadOnlyAccess']);
  expect(prod.roles.filter((r) => r.owner).map((r) => [r.name, r.owner])).toEqual([['cloudyn-cost-reader', 'cloudyn']]);
  expect(prod.policies.map((p) => [p.name, p.description]).sort()).toEqual([
    ['cloudcoreo-setup-cloudcoreo-bootstrap', 'Managed by iam-connections [iam-connections:connection=cloudcoreo-setup]'],
    ['senhasegura-cloud-iam', 'Managed by iam-connections [iam-connections:connection=senhasegura]'],
  ]);
  const trust = JSON.parse(decodeURIComponent((await prodIam.send(new GetRoleCommand({ RoleName: 'cloudyn-cost-reader' }))).Role!.AssumeRolePolicyDocument!));
  expect(JSON.stringify(trust)).toContain(EXTERNAL_ID);
  expect(JSON.stringify(trust)).toContain('432263259397');
  const bucket = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: 'acme-cloudyn-billing' }))).Policy!);
  expect(JSON.stringify(bucket)).toContain('386209384616');

  const staging = await inventory((await world.clients(STAGING)).iam);
  expect(staging.users.map((u) => u.name)).toEqual(['senhasegura-cloud-iam']);

  // role-arns: what the vendor asks back; the report says where keys went, never a secret.
  expect(JSON.parse(first.outputs['role-arns'] as string)).toEqual({ 'cloudyn/prod': `arn:aws:iam::${PROD}:role/connections/cloudyn-cost-reader` });
  const report = readFileSync(first.outputs.report as string, 'utf8');
  expect(report).toContain('What to give the vendor');
  expect(report).toContain('integrations/senhasegura/staging');
  for (const text of [first.stdout, first.summary, report, readFileSync(first.outputs.plan as string, 'utf8')]) expect(text).not.toContain(EXTERNAL_ID);

  const second = await apply(repo);
  expect(second.code).toBe(0);
  expect(executable(plan(second))).toEqual([]);
  const after = await world.run({ inputs: { command: 'plan', 'as-of': NOW }, cwd: repo, env });
  expect(after.code).toBe(0);
  expect(plan(after).accounts.flatMap((a) => a.changes)).toEqual([]);
  expect(after.outputs.drift).toBe('false');
});

const small = (extra = '') => `version: 1
accounts:
  prod: { id: "${PROD}", role: "arn:aws:iam::${PROD}:role/iam-connections" }
connections:
  reader:
    accounts: [prod]
    user: { name: reader-user, policies: [{ file: policies/reader.json }] }
  auditor:
    accounts: [prod]
    user: { name: auditor-user, managedPolicies: [SecurityAudit] }
${extra}`;
const readerDoc = (actions: string[]) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }, null, 2);

test('a policy edited in the manifest becomes a new default version; the next apply does what the plan said', async () => {
  const repo = world.repo({ 'connections.yaml': small(), 'policies/reader.json': readerDoc(['iam:ListUsers']) });
  expect((await apply(repo)).code).toBe(0);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(repo, 'policies/reader.json'), readerDoc(['iam:ListUsers', 'iam:GetUser']));
  const p = await world.run({ inputs: { command: 'plan' }, cwd: repo });
  expect(executable(plan(p)).map((c) => `${c.resource.type}:${c.kind}:${c.action}`)).toEqual(['policy:modified:update']);
  expect((await apply(repo)).code).toBe(0);
  expect(executable(plan(await world.run({ inputs: { command: 'plan' }, cwd: repo })))).toEqual([]);
});

test('out-of-band attachment is detached; an unmanaged user with a declared name is a conflict left untouched', async () => {
  const repo = world.repo({ 'connections.yaml': small(), 'policies/reader.json': readerDoc(['iam:ListUsers']) });
  const { iam } = await world.clients(PROD);
  await iam.send(new CreateUserCommand({ UserName: 'auditor-user' })); // someone else's
  const first = await apply(repo);
  expect(first.code).toBe(0);
  await iam.send(new AttachUserPolicyCommand({ UserName: 'reader-user', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
  const p = plan(await world.run({ inputs: { command: 'plan' }, cwd: repo }));
  expect(executable(p).map((c) => `${c.connection}:${c.kind}:${c.action}`)).toEqual(['reader:unexpected:detach']);
  expect(p.accounts[0]?.changes.some((c) => c.connection === 'auditor' && c.kind === 'conflict')).toBe(true);
  expect((await apply(repo)).code).toBe(0);
  const inv = await inventory(iam);
  expect(inv.users.find((u) => u.name === 'reader-user')?.attached).toEqual(['reader']);
  expect(inv.users.find((u) => u.name === 'auditor-user')).toEqual({ name: 'auditor-user', owner: undefined, attached: [] });
});

test('a connection removed from the manifest stays without prune and is deleted with it', async () => {
  const repo = world.repo({ 'connections.yaml': small(), 'policies/reader.json': readerDoc(['iam:ListUsers']) });
  expect((await apply(repo)).code).toBe(0);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(repo, 'connections.yaml'), small().replace(/ {2}reader:\n[\s\S]*?(?= {2}auditor:)/, ''));
  const kept = await apply(repo);
  expect(kept.code).toBe(0);
  const { iam } = await world.clients(PROD);
  expect((await inventory(iam)).users.map((u) => u.name).sort()).toEqual(['auditor-user', 'reader-user']);
  expect(plan(kept).accounts[0]?.changes.filter((c) => c.kind === 'extra').length).toBeGreaterThan(0);
  const pruned = await apply(repo, { prune: 'true' });
  expect(pruned.code).toBe(0);
  const inv = await inventory(iam);
  expect(inv.users.map((u) => u.name)).toEqual(['auditor-user']);
  expect(inv.policies).toEqual([]);
});

test('a temporary connection: keys deactivated past expiry, everything it owned removed after deleteAfter; others untouched', async () => {
  const repo = world.repo({
    'connections.yaml': small(`  setup:
    accounts: [prod]
    user:
      name: setup-user
      policies: [{ file: policies/reader.json }]
      accessKey: { deliver: [{ output: true }] }
    temporary: { expires: 2026-12-01T00:00:00Z, deleteAfter: 7d }
`),
    'policies/reader.json': readerDoc(['iam:ListUsers']),
  });
  const { iam } = await world.clients(PROD);
  await iam.send(new CreateUserCommand({ UserName: 'bystander' }));
  const made = await apply(repo);
  expect(made.code).toBe(0);
  const keys = async () => (await iam.send(new ListAccessKeysCommand({ UserName: 'setup-user' }))).AccessKeyMetadata ?? [];
  expect((await keys()).map((k) => k.Status)).toEqual(['Active']);

  expect((await apply(repo, { now: '2026-12-02T00:00:00Z' })).code).toBe(0);
  expect((await keys()).map((k) => k.Status)).toEqual(['Inactive']);

  expect((await apply(repo, { now: '2026-12-09T00:00:00Z' })).code).toBe(0);
  const inv = await inventory(iam);
  expect(inv.users.map((u) => u.name).sort()).toEqual(['auditor-user', 'bystander', 'reader-user']);
  expect(inv.policies.map((p) => p.name)).toEqual(['reader']);
  expect((await iam.send(new ListUserTagsCommand({ UserName: 'bystander' }))).Tags).toEqual([]);
});

test('the release workflow in the README: apply one new account with exactly its step inputs', async () => {
  const wf = readmeWorkflow('.github/workflows/connections-release.yml');
  expect(wf.permissions).toEqual({ contents: 'read', 'id-token': 'write', actions: 'read' });
  const step = wf.steps.find((s) => s.uses?.includes('iam-connections'));
  const inputs = Object.fromEntries(Object.entries(step?.with ?? {}).map(([k, v]) => [k, expand(String(v)).replace('${{ inputs.account }}', 'staging')]));
  expect(inputs).toEqual({ command: 'apply', manifest: 'connections.yaml', accounts: 'staging' });
  const stepEnv = Object.fromEntries(Object.entries(step?.env ?? {}).map(([k, v]) => [k, expand(v)]));
  const repo = exampleRepo(world);
  const run = await world.run({ inputs: { ...inputs, 'github-token': 'ghp_fine_grained_test' }, cwd: repo, env: { ...stepEnv, GITHUB_EVENT_NAME: 'workflow_dispatch' } });
  expect(run.code).toBe(0);
  const staging = await inventory((await world.clients(STAGING)).iam);
  expect(staging.users.map((u) => [u.name, u.owner])).toEqual([['senhasegura-cloud-iam', 'senhasegura']]);
  // Only the selected account was touched.
  expect((await inventory((await world.clients(PROD)).iam)).users).toEqual([]);
});

test('apply refuses to run on pull_request events, before touching anything', async () => {
  const repo = exampleRepo(world);
  const run = await world.run({ inputs: { command: 'apply' }, cwd: repo, env: { ...env, GITHUB_EVENT_NAME: 'pull_request' } });
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/refuses to run on pull_request events/);
  expect(world.proxy.calls).toEqual([]);
});
