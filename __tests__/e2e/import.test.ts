/**
 * `import --all-undeclared`, then validate, apply and plan, against moto: the imported roles and
 * users are adopted and tagged and nothing else (their trust, policies and keys compared before and
 * after; apply starts replacing hand-made keys, the vendor's key stays active), and the plan after
 * apply shows no drift for them.
 * A role without an external ID is refused, not declared with one apply would add.
 */
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAccessKeysCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListRoleTagsCommand,
  ListUserTagsCommand,
  PutRolePolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, STACK_TRACE } from './run-action.js';
import { startWorld, type World } from './world.js';

const PROD = '111122223333';
const DATADOG = '464622532012';
const DD_EXTERNAL_ID = 'dd-ext-7c1f2a';
const MANIFEST = `# The team's manifest: its comments and order must survive the import.
version: 1
accounts:
  prod: { id: "${PROD}", role: "arn:aws:iam::${PROD}:role/iam-connections" } # the only account
connections: {}
`;

const trust = (account: string, externalId?: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole', ...(externalId ? { Condition: { StringEquals: { 'sts:ExternalId': externalId } } } : {}) }],
  });

async function seed(world: World, iam: IAMClient): Promise<void> {
  // The integration user and its key were made by hand a month ago.
  world.at('2026-05-01T10:00:00Z');
  await iam.send(new CreateUserCommand({ UserName: 'siem-reader' }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'siem-reader', PolicyArn: 'arn:aws:iam::aws:policy/SecurityAudit' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'siem-reader' }));
  world.at('2026-05-31T10:00:00Z');
  await iam.send(new CreateRoleCommand({ RoleName: 'DatadogIntegration', AssumeRolePolicyDocument: trust(DATADOG, DD_EXTERNAL_ID) }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'DatadogIntegration', PolicyArn: 'arn:aws:iam::aws:policy/SecurityAudit' }));
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'DatadogIntegration',
      PolicyName: 'logs',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['logs:FilterLogEvents'], Resource: '*' }] }),
    }),
  );
  await iam.send(new CreateRoleCommand({ RoleName: 'NoExternalId', AssumeRolePolicyDocument: trust('999988887777') }));
}

/** Everything but tags, as IAM shows it: what import and apply must leave alone. */
async function documents(iam: IAMClient) {
  const role = (await iam.send(new GetRoleCommand({ RoleName: 'DatadogIntegration' }))).Role!;
  return {
    trust: decodeURIComponent(role.AssumeRolePolicyDocument ?? ''),
    path: role.Path,
    roleAttached: (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'DatadogIntegration' }))).AttachedPolicies,
    inline: decodeURIComponent((await iam.send(new GetRolePolicyCommand({ RoleName: 'DatadogIntegration', PolicyName: 'logs' }))).PolicyDocument ?? ''),
    userAttached: (await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'siem-reader' }))).AttachedPolicies,
    keys: (await iam.send(new ListAccessKeysCommand({ UserName: 'siem-reader' }))).AccessKeyMetadata?.map((k) => [k.AccessKeyId, k.Status]),
  };
}

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

function cli(repo: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [DIST, ...args], {
    cwd: repo,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: repo,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'local-secret-not-real',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL: world.proxy.endpoint,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      ...world.clock.env(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((res) => child.on('close', (code) => res({ code: code ?? -1, stdout, stderr })));
}

test('import --all-undeclared, validate, apply, plan: adopted and tagged, documents unchanged, no drift left for them', async () => {
  await world.reset();
  const { iam } = await world.clients(PROD);
  await seed(world, iam);
  world.at('2026-06-01T09:00:00Z');
  const before = await documents(iam);
  const repo = world.repo({ 'connections.yaml': MANIFEST });

  const imported = await cli(repo, ['import', '-m', 'connections.yaml', '--all-undeclared'], {});
  expect(imported.stderr).not.toMatch(STACK_TRACE);
  expect(imported.stderr).not.toMatch(/error/i);
  expect(imported.code).toBe(0);
  expect(imported.stdout).toMatch(/^not imported prod\/role\/NoExternalId: role NoExternalId requires no external ID/m);
  expect(imported.stdout).toMatch(/^set DATADOGINTEGRATION_EXTERNAL_ID to /m);
  const text = readFileSync(join(repo, 'connections.yaml'), 'utf8');
  expect(text.startsWith("# The team's manifest: its comments and order must survive the import.\nversion: 1\naccounts:\n")).toBe(true);
  expect(text).toContain('# the only account');
  expect(text).toMatch(/# Imported by iam-connections import on \d{4}-\d\d-\d\d from role arn:aws:iam::111122223333:role\/DatadogIntegration/);
  expect(text).toContain('env: DATADOGINTEGRATION_EXTERNAL_ID');
  expect(text).not.toContain(DD_EXTERNAL_ID);
  expect(JSON.parse(readFileSync(join(repo, 'policies/datadogintegration-logs.json'), 'utf8'))).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['logs:FilterLogEvents'], Resource: '*' }] });

  const env = { DATADOGINTEGRATION_EXTERNAL_ID: DD_EXTERNAL_ID };
  const validate = await world.run({ inputs: { command: 'validate', manifest: 'connections.yaml' }, cwd: repo, env });
  expect(validate.code).toBe(0);
  const apply = await world.run({ inputs: { command: 'apply', manifest: 'connections.yaml' }, cwd: repo, env: { ...env, GITHUB_EVENT_NAME: 'push' } });
  expect(apply.stderr).not.toMatch(STACK_TRACE);
  expect(apply.code).toBe(0);

  // Apply starts the rotation of the hand-made key (a recorded key delivered to the sink): the
  // vendor's key stays active beside it until rotate retires it once unused. Nothing else moved.
  const after = await documents(iam);
  expect({ ...after, keys: undefined }).toEqual({ ...before, keys: undefined });
  expect(after.keys).toEqual(expect.arrayContaining(before.keys ?? []));
  const roleTags = (await iam.send(new ListRoleTagsCommand({ RoleName: 'DatadogIntegration' }))).Tags ?? [];
  const userTags = (await iam.send(new ListUserTagsCommand({ UserName: 'siem-reader' }))).Tags ?? [];
  expect(roleTags).toContainEqual({ Key: 'iam-connections:connection', Value: 'datadogintegration' });
  expect(userTags).toContainEqual({ Key: 'iam-connections:connection', Value: 'siem-reader' });

  const plan = await world.run({ inputs: { command: 'plan', manifest: 'connections.yaml' }, cwd: repo, env });
  expect(plan.code).toBe(0);
  const json = JSON.parse(readFileSync(plan.outputs.plan as string, 'utf8')) as { accounts: { changes: { kind: string; resource: { name: string } }[] }[] };
  const left = json.accounts.flatMap((a) => a.changes).map((c) => `${c.kind} ${c.resource.name}`);
  // Zero drift for what was imported; the role refused for lack of an external ID stays a door.
  expect(left).toEqual(['undeclared NoExternalId']);
});
