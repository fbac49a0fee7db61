/**
 * `discover` end to end against moto: two accounts seeded with 20 principals of mixed kinds, and
 * the action must list exactly the third-party doors, with vendor names, ranks and last use, in
 * JSON and SARIF that validate; and plan must show the same doors as `undeclared` drift.
 */
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  UpdateAccessKeyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DiscoverResult } from '../../src/discover/discover.js';
import { renderDiscoverText } from '../../src/report/discover-text.js';
import { STACK_TRACE } from './run-action.js';
import { startWorld, type World } from './world.js';

const PROD = '111122223333';
const STAGING = '444455556666';
const DATADOG = '464622532012';
const NEW_RELIC = '754728514883';
const STRANGER = '999988887777';
const EXTERNAL_ID = 'Contoso-4f1e9b7c';

const manifest = `version: 1
defaults: { path: /connections/ }
accounts:
  prod: { id: "${PROD}", role: "arn:aws:iam::${PROD}:role/iam-connections" }
  staging: { id: "${STAGING}", role: "arn:aws:iam::${STAGING}:role/iam-connections", via: prod }
connections:
  costs:
    accounts: [prod]
    adopt: true
    role:
      name: costs-reader
      trust: { awsAccount: "432263259397", externalId: { env: COSTS_EXTERNAL_ID } }
      managedPolicies: [ReadOnlyAccess]
`;

const trust = (principal: unknown, externalId?: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: principal,
        Action: typeof principal === 'object' && principal !== null && 'Federated' in principal ? 'sts:AssumeRoleWithWebIdentity' : 'sts:AssumeRole',
        ...(externalId ? { Condition: { StringEquals: { 'sts:ExternalId': externalId } } } : {}),
      },
    ],
  });

async function role(iam: IAMClient, name: string, principal: unknown, opts: { externalId?: string; managed?: string } = {}) {
  await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust(principal, opts.externalId) }));
  if (opts.managed) await iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: `arn:aws:iam::aws:policy/${opts.managed}` }));
}

async function user(iam: IAMClient, name: string, opts: { key?: 'active' | 'inactive'; password?: boolean; managed?: string } = {}) {
  await iam.send(new CreateUserCommand({ UserName: name }));
  if (opts.key) {
    const k = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
    if (opts.key === 'inactive') await iam.send(new UpdateAccessKeyCommand({ UserName: name, AccessKeyId: k.AccessKey!.AccessKeyId!, Status: 'Inactive' }));
  }
  if (opts.password) await iam.send(new CreateLoginProfileCommand({ UserName: name, Password: 'Not-a-real-passw0rd!' }));
  if (opts.managed) await iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: `arn:aws:iam::aws:policy/${opts.managed}` }));
}

/** 20 principals: 11 doors (one declared), 9 that are not. */
async function seed(world: World): Promise<void> {
  // Made 120 days before the run and never used since: ranked medium.
  world.at('2026-02-01T10:00:00Z');
  const prod = (await world.clients(PROD)).iam;
  await role(prod, 'old-datadog', { AWS: `arn:aws:iam::${DATADOG}:root` }, { externalId: 'dd-old', managed: 'ReadOnlyAccess' });

  world.at('2026-05-30T10:00:00Z');
  await role(prod, 'datadog-no-extid', { AWS: `arn:aws:iam::${DATADOG}:root` }, { managed: 'ReadOnlyAccess' });
  await role(prod, 'datadog-extid', { AWS: `arn:aws:iam::${DATADOG}:root` }, { externalId: 'dd-1234', managed: 'ReadOnlyAccess' });
  await role(prod, 'stranger-no-extid', { AWS: `arn:aws:iam::${STRANGER}:role/collector` }, { managed: 'ReadOnlyAccess' });
  await role(prod, 'stranger-extid', { AWS: STRANGER }, { externalId: 'xyz-9876', managed: 'SecurityAudit' });
  await role(prod, 'open-to-all', { AWS: '*' }, { managed: 'ReadOnlyAccess' });
  await role(prod, 'okta-admins', { Federated: `arn:aws:iam::${PROD}:saml-provider/Okta` }, { managed: 'AdministratorAccess' });
  await role(prod, 'costs-reader', { AWS: 'arn:aws:iam::432263259397:root' }, { externalId: EXTERNAL_ID, managed: 'ReadOnlyAccess' });
  // Not doors: GitHub's OIDC, AWS services, an account of the manifest.
  await role(prod, 'github-deploy', { Federated: `arn:aws:iam::${PROD}:oidc-provider/token.actions.githubusercontent.com` }, { managed: 'AdministratorAccess' });
  await role(prod, 'lambda-exec', { Service: 'lambda.amazonaws.com' }, { managed: 'AdministratorAccess' });
  await role(prod, 'ec2-instance', { Service: ['ec2.amazonaws.com', 'ssm.amazonaws.com'] });
  await role(prod, 'from-staging', { AWS: `arn:aws:iam::${STAGING}:root` }, { managed: 'AdministratorAccess' });
  await user(prod, 'siem-reader', { key: 'active', managed: 'ReadOnlyAccess' });
  await user(prod, 'legacy-admin-bot', { key: 'active', managed: 'AdministratorAccess' });
  await user(prod, 'alice', { key: 'active', password: true, managed: 'AdministratorAccess' });
  await user(prod, 'retired-bot', { key: 'inactive' });
  await user(prod, 'no-keys');

  const staging = (await world.clients(STAGING)).iam;
  await role(staging, 'unknown-collector', { AWS: 'arn:aws:iam::210987654321:root' });
  await role(staging, 'newrelic', { AWS: `arn:aws:iam::${NEW_RELIC}:root` }, { externalId: 'nr-5555', managed: 'ReadOnlyAccess' });
  await role(staging, 'ecs-task', { Service: 'ecs-tasks.amazonaws.com' });
  await user(staging, 'backup-bot', { key: 'active' });
}

interface DoorJson {
  account: string;
  type: string;
  name: string;
  rank: string;
  risk: string;
  vendors: string[];
  externalId?: boolean;
  lastUsed?: unknown;
  keys?: { ageDays?: number; lastUsed: unknown }[];
  can?: { admin: boolean; iamWrite: boolean; readOnly: boolean };
  connection?: string;
}

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

test('discover lists exactly the doors of two seeded accounts, with vendors, ranks and last use; JSON and SARIF validate; plan shows them as undeclared', async () => {
  await world.reset();
  await seed(world);
  const repo = world.repo({ 'connections.yaml': manifest });
  const env = { ...world.at('2026-06-01T09:00:00Z'), COSTS_EXTERNAL_ID: EXTERNAL_ID };
  const run = await world.run({ inputs: { command: 'discover', manifest: 'connections.yaml' }, cwd: repo, env });
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.code).toBe(0);
  const result = JSON.parse(readFileSync(run.outputs.doors as string, 'utf8')) as { accounts: { account: string; doors: DoorJson[] }[]; summary: { doors: number; undeclared: number } };
  const doors = result.accounts.flatMap((a) => a.doors);
  const brief = Object.fromEntries(doors.map((d) => [`${d.account}/${d.type}/${d.name}`, d.rank]));
  expect(brief).toEqual({
    'prod/role/stranger-no-extid': 'critical',
    'prod/role/open-to-all': 'critical',
    'prod/role/datadog-no-extid': 'high',
    'prod/role/okta-admins': 'high',
    'prod/user/legacy-admin-bot': 'high',
    'prod/role/old-datadog': 'medium',
    'prod/role/datadog-extid': 'low',
    'prod/role/stranger-extid': 'low',
    'prod/user/siem-reader': 'low',
    'prod/role/costs-reader': 'managed',
    'staging/role/unknown-collector': 'critical',
    'staging/role/newrelic': 'low',
    'staging/user/backup-bot': 'low',
  });
  const door = (name: string) => doors.find((d) => d.name === name)!;
  expect(door('datadog-no-extid')).toMatchObject({ vendors: ['Datadog'], externalId: false, can: { admin: false, iamWrite: false, readOnly: true } });
  expect(door('datadog-extid')).toMatchObject({ vendors: ['Datadog'], externalId: true });
  expect(door('newrelic').vendors).toEqual(['New Relic']);
  expect(door('stranger-no-extid').vendors).toEqual([]);
  expect(door('costs-reader')).toMatchObject({ connection: 'costs', vendors: ['Azure Billing Management'], risk: 'low' });
  expect(door('okta-admins').can).toMatchObject({ admin: true });
  expect(door('old-datadog').lastUsed).toBeNull();
  // From the credential report (no key ID there, and siem-reader's keys are not listed by plan).
  expect(door('siem-reader').keys).toEqual([{ slot: 1, created: expect.stringMatching(/^2026-05-30T10:/), ageDays: 1, lastUsed: null }]);
  expect(result.summary).toMatchObject({ doors: 13, undeclared: 12 });
  // The golden text, reviewed once by a person: what a security engineer reads on a terminal.
  expect(renderDiscoverText(result as unknown as DiscoverResult)).toMatchSnapshot();
  // External ID values never leave the account.
  for (const secret of ['dd-old', 'dd-1234', 'xyz-9876', 'nr-5555', EXTERNAL_ID]) {
    expect(readFileSync(run.outputs.doors as string, 'utf8')).not.toContain(secret);
    expect(run.stdout).not.toContain(secret);
  }

  const require = createRequire(import.meta.url);
  const Ajv = require('ajv') as new (opts: Record<string, unknown>) => { addMetaSchema(s: unknown): void; compile(s: unknown): ((d: unknown) => boolean) & { errors?: unknown } };
  const ajv = new Ajv({ schemaId: 'id', meta: false, allErrors: true, unknownFormats: 'ignore' });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
  const validate = ajv.compile(JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')));
  const sarif = JSON.parse(readFileSync(run.outputs.sarif as string, 'utf8')) as { runs: { results: { ruleId: string; level: string }[] }[] };
  expect(validate(sarif)).toBe(true);
  expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(Array(12).fill('drift/undeclared'));
  expect(sarif.runs[0]!.results.filter((r) => r.level === 'error')).toHaveLength(6);

  // The same read, as plan: every undeclared door is report-only drift, the declared one is not.
  const plan = await world.run({ inputs: { command: 'plan', manifest: 'connections.yaml' }, cwd: repo, env });
  expect(plan.code).toBe(0);
  const planJson = JSON.parse(readFileSync(plan.outputs.plan as string, 'utf8')) as { accounts: { changes: { kind: string; action: string; severity: string; resource: { name: string } }[] }[] };
  const undeclared = planJson.accounts.flatMap((a) => a.changes.filter((c) => c.kind === 'undeclared'));
  expect(undeclared.map((c) => c.resource.name).sort()).toEqual(Object.keys(brief).filter((k) => !k.endsWith('costs-reader')).map((k) => k.split('/')[2]).sort());
  expect(undeclared.every((c) => c.action === 'none')).toBe(true);
});
