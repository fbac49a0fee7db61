/**
 * Least privilege for the action itself, against moto_server in its authenticated mode
 * (INITIAL_NO_AUTH_ACTION_COUNT): the first n requests are free (our setup: two users, their
 * policies and keys), every later request is checked. The CLI runs with the static keys of a
 * user holding only the planner policy or only the writer policy of `iam-connections
 * permissions` for this manifest (whose account has no `role`, so the CLI uses the base
 * credentials directly, src/aws/credentials.ts).
 *
 * What moto 5.2.1 enforces (moto/core/authorization.py, moto/iam/access_control.py): the
 * request's SigV4 signature against a known access key; then the caller's identity policies
 * (inline, attached, group) are evaluated for the ACTION, with explicit Deny winning and
 * sts:GetCallerIdentity always allowed. What it does NOT enforce: resources of IAM, STS and
 * Secrets Manager calls (it evaluates them against Resource "*", so a statement scoped to
 * `user/connections/*` never matches: the test widens every Resource to "*" and so checks the
 * action lists, not the ARN scoping), most condition keys, permission boundaries, SCPs,
 * session policies, and trust policies other than for AssumeRole. The resource scoping is
 * covered by the unit tests of src/permissions.
 */
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DIST } from '../e2e/run-action.js';
import { startMoto, type MotoServer } from '../helpers/moto.js';
import { day } from './chaos.js';

const run = promisify(execFile);
const SETUP_CALLS = 6;
const manifest = `version: 1
accounts:
  main: { id: "123456789012" }
connections:
  auditor:
    accounts: [main]
    user:
      name: auditor-user
      managedPolicies: [SecurityAudit]
      accessKey: { deliver: [{ secretsManager: { secretId: integrations/auditor } }] }
`;

let moto: MotoServer;
let repo: string;
const keys: Record<'planner' | 'writer', { id: string; secret: string }> = {} as never;

type Doc = { Statement: { Resource?: string[] }[] };
const anyResource = (doc: Doc): string => JSON.stringify({ ...doc, Statement: doc.Statement.map((s) => ({ ...s, Resource: '*' })) });

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), 'iamc-lp-'));
  writeFileSync(join(repo, 'connections.yaml'), manifest);
  const out = await run(process.execPath, [DIST, 'permissions', '-m', 'connections.yaml', '--repository', 'acme/infra', '--format', 'json'], { cwd: repo });
  const roles = JSON.parse(out.stdout) as Record<'planner' | 'writer', { policy: Doc }>;
  moto = await startMoto({ env: { INITIAL_NO_AUTH_ACTION_COUNT: String(SETUP_CALLS) } });
  const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'setup-not-real' } });
  for (const who of ['planner', 'writer'] as const) {
    await iam.send(new CreateUserCommand({ UserName: who }));
    await iam.send(new PutUserPolicyCommand({ UserName: who, PolicyName: who, PolicyDocument: anyResource(roles[who].policy) }));
    const k = (await iam.send(new CreateAccessKeyCommand({ UserName: who }))).AccessKey!;
    keys[who] = { id: k.AccessKeyId!, secret: k.SecretAccessKey! };
  }
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

async function cli(who: 'planner' | 'writer', command: string, asOf = day(0)): Promise<{ code: number; out: string }> {
  try {
    // plan evaluates as of the date; apply and rotate would only preview with --as-of: the clock moves instead.
    const r = await run(process.execPath, [DIST, command, '-m', 'connections.yaml', ...(command === 'plan' ? ['--as-of', asOf] : [])], {
      cwd: repo,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: repo,
        AWS_ENDPOINT_URL: moto.endpoint,
        AWS_REGION: 'us-east-1',
        IAM_CONNECTIONS_NOW: asOf,
        AWS_ACCESS_KEY_ID: keys[who].id,
        AWS_SECRET_ACCESS_KEY: keys[who].secret,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: '/nonexistent/aws-config',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
      },
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

test('moto checks every request after the setup budget: an unknown key is refused', async () => {
  const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'setup-not-real' } });
  await expect(iam.send(new CreateUserCommand({ UserName: 'intruder' }))).rejects.toThrow(/InvalidClientTokenId|security token|not valid/i);
});

test('apply with the planner policy is refused, saying which permission it lacks', async () => {
  const r = await cli('planner', 'apply');
  expect(r.code).not.toBe(0);
  expect(r.out).toMatch(/AccessDenied/);
  expect(r.out).toMatch(/iam:(CreateUser|CreatePolicy|AttachUserPolicy)/);
});

test('plan works with the planner policy; apply and rotate work with the writer policy; plan after shows the applied state', async () => {
  const plan = await cli('planner', 'plan');
  console.log(`least privilege: planner plan exit ${plan.code}`);
  expect({ code: plan.code, denied: /AccessDenied/.test(plan.out) }).toEqual({ code: 0, denied: false });
  const apply = await cli('writer', 'apply');
  expect({ code: apply.code, out: apply.out.slice(-600) }).toEqual({ code: 0, out: expect.any(String) });
  const rotate = await cli('writer', 'rotate', day(91));
  expect({ code: rotate.code, out: rotate.out.slice(-600) }).toEqual({ code: 0, out: expect.any(String) });
  expect(rotate.out).toMatch(/created AKIA/);
  const after = await cli('planner', 'plan', day(91));
  expect(after.out).not.toMatch(/AccessDenied/);
  console.log(`least privilege: plan with the planner, apply and rotate with the writer: exit ${plan.code}, ${apply.code}, ${rotate.code}`);
}, 120_000);
