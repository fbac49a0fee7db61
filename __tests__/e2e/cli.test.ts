/**
 * The command line, as a person runs it: `node dist/index.js <command>` with the standard AWS
 * credential chain (static keys here) against moto, and the offline demo's commands.
 */
import { ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { runCli as cli, STACK_TRACE } from './run-action.js';
import { startWorld, type World } from './world.js';

const PROD = '111122223333';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

test('npm run demo:offline: validate and plan the example against the bundled snapshot, no credentials', async () => {
  const env = { CLOUDYN_EXTERNAL_ID: 'Contoso-0123456789' };
  const v = await cli(['validate', '-m', 'examples/connections.yaml'], process.cwd(), env);
  expect(v.code).toBe(0);
  const p = await cli(['plan', '-m', 'examples/connections.yaml', '--state', 'examples/snapshot.json', '--as-of', '2026-11-20'], process.cwd(), env);
  expect(p.code).toBe(0);
  expect(p.stdout).toMatch(/\[critical\] cloudyn: role cloudyn-cost-reader: modified -> update/);
  expect(p.stdout).toMatch(/AdministratorAccess: unexpected -> detach/);
  expect(p.stdout + p.stderr).not.toMatch(STACK_TRACE);
});

test('apply, plan and rotate from a laptop with the standard credential chain', async () => {
  const repo = world.repo({
    'connections.yaml': `version: 1
accounts:
  prod: { id: "${PROD}", role: "arn:aws:iam::${PROD}:role/iam-connections" }
connections:
  vendor:
    accounts: [prod]
    user:
      name: vendor-user
      managedPolicies: [SecurityAudit]
      accessKey: { deliver: [{ secretsManager: { secretId: integrations/vendor } }] }
`,
  });
  const env = {
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'local-secret-not-real',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: world.proxy.endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
  };
  const applied = await cli(['apply', '-m', 'connections.yaml'], repo, env);
  expect(applied.stderr).not.toMatch(STACK_TRACE);
  expect(applied.code).toBe(0);
  expect(applied.stdout).toMatch(/give vendor \(prod\): access key of user vendor-user; Secrets Manager secret `integrations\/vendor`/);
  // The account's role was assumed from the local credentials.
  expect(world.proxy.calls.filter((c) => c.action === 'AssumeRole').map((c) => c.params.RoleArn)).toContain(`arn:aws:iam::${PROD}:role/iam-connections`);

  const planned = await cli(['plan', '-m', 'connections.yaml', '--fail-on', 'drift'], repo, env);
  expect(planned.code).toBe(0);
  expect(planned.stdout).toMatch(/drift: no/);

  const { iam } = await world.clients(PROD);
  const before = (await iam.send(new ListAccessKeysCommand({ UserName: 'vendor-user' }))).AccessKeyMetadata ?? [];
  const due = new Date(Date.now() + 91 * 86_400_000).toISOString();
  const rotated = await cli(['rotate', '-m', 'connections.yaml'], repo, { ...env, IAM_CONNECTIONS_NOW: due });
  expect(rotated.code).toBe(0);
  const after = (await iam.send(new ListAccessKeysCommand({ UserName: 'vendor-user' }))).AccessKeyMetadata ?? [];
  expect([before.length, after.length]).toEqual([1, 2]);
});

test('usage errors exit 2 with the usage; an unknown command is named', async () => {
  const r = await cli(['aply'], process.cwd(), {});
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/unknown command "aply"/);
  expect((await cli(['--help'], process.cwd(), {})).stdout).toMatch(/Usage: iam-connections <command>/);
});
