/**
 * Issue 15 end to end through `node dist/index.js` against moto's AWS Organizations: a root,
 * three OUs (sandbox nested in workloads), eight member accounts each reached by AssumeRole into
 * its own account ID through the management account. One connection for "every account in OU
 * workloads except sandbox" plans, applies and re-plans clean across exactly those accounts; a
 * new account in the OU is missing in the next plan and provisioned by the next apply (role ARN
 * in the outputs); an account moved out is extra; the README's release workflow runs with its
 * exact inputs; an account whose role cannot be assumed is reported and blocks no other.
 */
import {
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { readFileSync } from 'node:fs';
import { accessDenied } from '../helpers/aws-proxy.js';
import { readmeWorkflow } from './readme.js';
import { startWorld, type World } from './world.js';

/** moto's default account: the static credentials act in it, so the organisation is created there. */
const MGMT = '123456789012';
const EXTERNAL_ID = 'Vendor-4f1e9b7c';

let world: World;
let org: OrganizationsClient;
let ids: Record<string, string>;
let ous: Record<string, string>;
let root: string;

const manifest = `version: 1
accounts:
  mgmt: { id: "${MGMT}", role: "arn:aws:iam::${MGMT}:role/iam-connections" }
organization: { via: mgmt, roleName: iam-connections }
connections:
  vendor-reader:
    accounts:
      - ou: /workloads
        exclude: ["ou:/workloads/sandbox"]
    role:
      name: vendor-reader
      trust: { awsAccount: "999988887777", externalId: ${EXTERNAL_ID} }
      managedPolicies: [ReadOnlyAccess]
`;

async function createAccount(name: string, parent: string): Promise<string> {
  const made = await org.send(new CreateAccountCommand({ AccountName: name, Email: `${name.replace(/\W/g, '')}@example.com` }));
  const id = made.CreateAccountStatus!.AccountId!;
  await org.send(new MoveAccountCommand({ AccountId: id, SourceParentId: root, DestinationParentId: parent }));
  return id;
}

beforeAll(async () => {
  world = await startWorld();
  org = new OrganizationsClient({ region: 'us-east-1', endpoint: world.moto.endpoint, credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'seed-secret-not-real' } });
  await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  root = (await org.send(new ListRootsCommand({}))).Roots![0]!.Id!;
  const ou = async (name: string, parent: string) => (await org.send(new CreateOrganizationalUnitCommand({ ParentId: parent, Name: name }))).OrganizationalUnit!.Id!;
  ous = { workloads: await ou('workloads', root), platform: await ou('platform', root) };
  ous.sandbox = await ou('sandbox', ous.workloads!);
  ids = {};
  for (const [name, parent] of [
    ['Web Prod', 'workloads'],
    ['Web Dev', 'workloads'],
    ['Data Prod', 'workloads'],
    ['Data Dev', 'workloads'],
    ['Sandbox A', 'sandbox'],
    ['Sandbox B', 'sandbox'],
    ['Tools', 'platform'],
    ['Logs', 'platform'],
  ] as const) {
    ids[name] = await createAccount(name, ous[parent]!);
  }
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

type PlanJson = { accounts: { account: string; accountId: string; changes: { kind: string; resource: { type: string; name: string } }[] }[]; summary: { changes: number }; notRead?: { account: string }[]; organization?: { accounts: { account: string; joined?: string }[] } };

const readPlan = (path: string): PlanJson => JSON.parse(readFileSync(path, 'utf8')) as PlanJson;
const getRole = async (account: string) => (await world.clients(account)).iam.send(new GetRoleCommand({ RoleName: 'vendor-reader' }));

async function run(dir: string, inputs: Record<string, string>) {
  const r = await world.run({ inputs: { 'github-token': 'ghp_fine_grained_test', ...inputs }, cwd: dir, env: { GITHUB_EVENT_NAME: 'workflow_dispatch' } });
  return { ...r, plan: r.outputs.plan ? readPlan(r.outputs.plan) : undefined };
}

const withChanges = (p: PlanJson, kind: string) => p.accounts.filter((a) => a.changes.some((c) => c.kind === kind && c.resource.type === 'role')).map((a) => a.account).sort();
const orgCalls = () => world.proxy.calls.filter((c) => c.service === 'organizations');

test('one connection over "workloads except sandbox": plan, apply, clean re-plan; a new account is missing then provisioned; a moved account is extra', async () => {
  const dir = world.repo({ 'connections.yaml': manifest });
  world.proxy.clear();
  const first = await run(dir, { command: 'plan', shards: '2' });
  expect(first.code).toBe(0);
  // The matrix fans out over the resolved accounts (declared hub + the eight in scope), in balanced shards.
  const matrix = JSON.parse(first.outputs.matrix!) as { include: { shard: number; accounts: string }[] };
  expect(matrix.include.map((m) => m.accounts.split(',').length)).toEqual([5, 4]);
  expect(matrix.include.flatMap((m) => m.accounts.split(',')).sort()).toEqual(['data-dev', 'data-prod', 'logs', 'mgmt', 'sandbox-a', 'sandbox-b', 'tools', 'web-dev', 'web-prod']);
  expect(withChanges(first.plan!, 'missing')).toEqual(['data-dev', 'data-prod', 'web-dev', 'web-prod']);
  // The organisation is read once: ListRoots, then two listings per parent (root + 3 OUs); no tags (no tag selector).
  expect(orgCalls().map((c) => c.action).filter((a) => a === 'ListRoots')).toHaveLength(1);
  expect(orgCalls().filter((c) => c.action === 'ListTagsForResource')).toHaveLength(0);
  expect(orgCalls()).toHaveLength(1 + 2 * 4);
  // Each member account is reached by AssumeRole into its own ID, from the management account's session.
  const assumed = world.proxy.calls.filter((c) => c.action === 'AssumeRole').map((c) => c.params.RoleArn);
  expect(assumed).toContain(`arn:aws:iam::${ids['Web Prod']}:role/iam-connections`);

  const applied = await run(dir, { command: 'apply' });
  expect(applied.code).toBe(0);
  const arns = JSON.parse(applied.outputs['role-arns']!) as Record<string, string>;
  expect(Object.keys(arns).sort()).toEqual(['vendor-reader/data-dev', 'vendor-reader/data-prod', 'vendor-reader/web-dev', 'vendor-reader/web-prod']);
  expect(arns['vendor-reader/web-prod']).toBe(`arn:aws:iam::${ids['Web Prod']}:role/connections/vendor-reader`);
  for (const name of ['Sandbox A', 'Tools']) {
    await expect(getRole(ids[name]!)).rejects.toThrow(/not found|NoSuchEntity/);
  }

  const again = await run(dir, { command: 'plan' });
  expect(again.code).toBe(0);
  expect(again.plan!.summary.changes).toBe(0);

  // The account factory adds a ninth account to the OU: the next plan shows it missing, with its name, ID and join date.
  ids['Web Stage'] = await createAccount('Web Stage', ous.workloads!);
  const grown = await run(dir, { command: 'plan' });
  expect(withChanges(grown.plan!, 'missing')).toEqual(['web-stage']);
  expect(grown.plan!.organization!.accounts.find((a) => a.account === 'web-stage')!.joined).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(grown.summary).toMatch(new RegExp(`\\*\\*web-stage\\*\\* \\(${ids['Web Stage']}, Organizations name "Web Stage", OU \`/workloads\`, joined \\d{4}-`));
  const provisioned = await run(dir, { command: 'apply' });
  expect(provisioned.code).toBe(0);
  expect(JSON.parse(provisioned.outputs['role-arns']!)['vendor-reader/web-stage']).toBe(`arn:aws:iam::${ids['Web Stage']}:role/connections/vendor-reader`);

  // Moved out of the OU: its role is extra, deleted only with prune.
  await org.send(new MoveAccountCommand({ AccountId: ids['Data Dev']!, SourceParentId: ous.workloads!, DestinationParentId: ous.platform! }));
  const moved = await run(dir, { command: 'plan' });
  expect(withChanges(moved.plan!, 'extra')).toEqual(['data-dev']);
  expect(withChanges(moved.plan!, 'missing')).toEqual([]);
  const kept = await run(dir, { command: 'apply' });
  expect(kept.code).toBe(0);
  await expect(getRole(ids['Data Dev']!)).resolves.toBeDefined();
  const pruned = await run(dir, { command: 'apply', prune: 'true' });
  expect(pruned.code).toBe(0);
  await expect(getRole(ids['Data Dev']!)).rejects.toThrow(/not found|NoSuchEntity/);
}, 180_000);

/** The expressions of the README's release step, as GitHub evaluates them for each trigger. */
function evaluate(value: string, event: { inputs?: Record<string, string>; client_payload?: Record<string, string> }): string {
  return value.replace(/\$\{\{\s*inputs\.account-id \|\| github\.event\.client_payload\.account_id\s*\}\}/, () => event.inputs?.['account-id'] || event.client_payload?.account_id || '');
}

test("the README's release workflow, with its exact inputs, from workflow_dispatch and from the EventBridge repository_dispatch", async () => {
  const wf = readmeWorkflow('.github/workflows/connections-org-release.yml');
  expect(wf.permissions).toEqual({ contents: 'read', 'id-token': 'write', actions: 'read' });
  const step = wf.steps.find((st) => st.uses?.includes('iam-connections'))!;
  const dir = world.repo({ 'connections.yaml': manifest });
  for (const [trigger, name] of [['workflow_dispatch', 'Payments Prod'], ['repository_dispatch', 'Payments Dev']] as const) {
    const id = await createAccount(name, ous.workloads!);
    const event = trigger === 'workflow_dispatch' ? { inputs: { 'account-id': id } } : { client_payload: { account_id: id } };
    const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(String(v), event)]));
    expect(inputs).toEqual({ command: 'apply', manifest: 'connections.yaml', accounts: id });
    const r = await world.run({ inputs, cwd: dir, env: { GITHUB_EVENT_NAME: trigger } });
    expect(r.code).toBe(0);
    const stable = name.toLowerCase().replace(' ', '-');
    expect(JSON.parse(r.outputs['role-arns']!)).toEqual({ [`vendor-reader/${stable}`]: `arn:aws:iam::${id}:role/connections/vendor-reader` });
    expect(readPlan(r.outputs.plan!).accounts.map((a) => a.accountId)).toEqual([id]);
  }
}, 90_000);

test('an account whose role cannot be assumed yet is reported by name and blocks none of the others', async () => {
  const dir = world.repo({ 'connections.yaml': manifest });
  const id = await createAccount('Fresh Factory', ous.workloads!);
  const ready = await createAccount('Fresh Ready', ous.workloads!);
  world.proxy.inject({ ...accessDenied('AssumeRole', 'not authorized to perform sts:AssumeRole'), when: (c) => (c.params.RoleArn ?? '').includes(id) });
  const r = await run(dir, { command: 'apply' });
  expect(r.code).toBe(1);
  expect(r.plan!.notRead!.map((n) => n.account)).toEqual(['fresh-factory']);
  expect(r.stdout).toMatch(/fresh-factory/);
  // The other new account, created at the same time, is provisioned in the same run.
  await expect(getRole(ready)).resolves.toBeDefined();
  await expect(getRole(id)).rejects.toThrow(/not found|NoSuchEntity/);
  world.proxy.clear();
}, 60_000);
