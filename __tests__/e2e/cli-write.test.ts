/**
 * apply and rotate on the command line, as terraform users expect them: the plan first; on a
 * terminal (a real pseudo-terminal here, from util-linux `script`) nothing is written until the
 * answer is exactly `yes`; without a terminal they proceed; `--dry-run` reads and never writes
 * (every AWS call is counted by the proxy); `--format json` is one JSON document on stdout.
 */
import { spawn } from 'node:child_process';
import { DIST, STACK_TRACE } from './run-action.js';
import { startWorld, type World } from './world.js';
import type { AwsCall } from '../helpers/aws-proxy.js';

const PROD = '111122223333';
const MANIFEST = `version: 1
accounts:
  prod: { id: "${PROD}", role: "arn:aws:iam::${PROD}:role/iam-connections" }
connections:
  vendor:
    accounts: [prod]
    user:
      name: vendor-user
      managedPolicies: [SecurityAudit]
      accessKey: { deliver: [{ secretsManager: { secretId: integrations/vendor } }] }
  reader:
    accounts: [prod]
    role:
      name: reader-role
      trust: { awsAccount: "432263259397", externalId: { env: READER_EXTERNAL_ID } }
      managedPolicies: [SecurityAudit]
`;
const EXTERNAL_ID = 'ext-id-for-the-cli-test-0042';

/** Reads (a credential report is generated, not written to IAM): anything else is a write, lock tags included. */
const READ = /^(Get|List|Describe|Head|AssumeRole$|GetCallerIdentity$|GenerateCredentialReport$)/;
const writes = (calls: readonly AwsCall[]): string[] => calls.map((c) => c.action).filter((a) => !READ.test(a));

let world: World;
let repo: string;
beforeAll(async () => {
  world = await startWorld();
});
beforeEach(() => {
  repo = world.repo({ 'connections.yaml': MANIFEST });
});
afterEach(async () => {
  await world.reset();
});
afterAll(async () => {
  await world?.stop();
});

function env(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: repo,
    TERM: 'dumb',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'local-secret-not-real',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: world.proxy.endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    READER_EXTERNAL_ID: EXTERNAL_ID,
    ...world.clock.env(),
  };
}

/** `node dist/index.js ...` with stdin and stdout pipes: no terminal, as in CI. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [DIST, ...args], { cwd: repo, env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((res) => child.on('close', (code) => res({ code: code ?? -1, stdout, stderr })));
}

/**
 * The same on a pseudo-terminal: `script` gives the CLI a tty for stdin and stdout. `answer` is
 * typed once the question has been printed, and the AWS calls made until then are returned.
 */
function onTerminal(args: string[], answer: string): Promise<{ code: number; output: string; callsBeforeAnswer: number }> {
  const command = [process.execPath, DIST, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], { cwd: repo, env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let callsBeforeAnswer = -1;
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
    if (callsBeforeAnswer < 0 && output.includes('Enter a value:')) {
      callsBeforeAnswer = world.proxy.calls.length;
      child.stdin.write(`${answer}\n`);
    }
  });
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((res) =>
    child.on('close', (code) => {
      res({ code: code ?? -1, output, callsBeforeAnswer });
    }),
  );
}

test('--dry-run prints the plan and makes no write at all; apply and rotate alike', async () => {
  const apply = await cli(['apply', '-m', 'connections.yaml', '--dry-run']);
  expect(apply.stderr).not.toMatch(STACK_TRACE);
  expect(apply.code).toBe(0);
  expect(apply.stdout).toMatch(/user vendor-user: missing -> create/);
  expect(apply.stdout).toMatch(/trusts AWS arn:aws:iam::432263259397:root; requires external ID \(from env READER_EXTERNAL_ID\)/);
  expect(apply.stdout).toMatch(/^dry run: nothing was written; the plan above was read from the accounts\./m);
  expect(world.proxy.calls.length).toBeGreaterThan(0); // it did read
  expect(writes(world.proxy.calls)).toEqual([]);

  // With a user holding a key, rotate would take its lock (TagUser) and more: a dry run does not.
  expect((await cli(['apply', '-m', 'connections.yaml'])).code).toBe(0);
  world.proxy.clear();
  const rotate = await cli(['rotate', '-m', 'connections.yaml', '--dry-run', '--format', 'json']);
  expect(rotate.code).toBe(0);
  const parsed = JSON.parse(rotate.stdout) as { command: string; dryRun: boolean; plan: { accounts: unknown[] } };
  expect([parsed.command, parsed.dryRun, parsed.plan.accounts.length]).toEqual(['rotate', true, 1]);
  expect(writes(world.proxy.calls)).toEqual([]);
});

test('without a terminal and without --yes, apply proceeds (CI); --format json of apply and rotate is one JSON document', async () => {
  const applied = await cli(['apply', '-m', 'connections.yaml', '--format', 'json']);
  expect(applied.stderr).not.toMatch(STACK_TRACE);
  expect(applied.code).toBe(0);
  const result = JSON.parse(applied.stdout) as {
    command: string;
    ok: boolean;
    confirmed: boolean;
    outcomes: { resource: { type: string; name: string }; action: string; status: string; message?: string }[];
    counts: { done: number; failed: number; notRun: number };
    roleArns: Record<string, string>;
  };
  expect([result.command, result.ok, result.confirmed]).toEqual(['apply', true, true]);
  expect(result.counts.failed).toBe(0);
  // The first key is counted as done and says where it went, never "skipped".
  const key = result.outcomes.find((o) => o.resource.type === 'access-key');
  expect(key).toMatchObject({ action: 'create', status: 'done', message: expect.stringMatching(/^first key created, delivered to Secrets Manager secret integrations\/vendor .*, verified$/) as unknown });
  expect(result.counts.done).toBe(result.outcomes.length);
  expect(result.roleArns['reader/prod']).toBe(`arn:aws:iam::${PROD}:role/connections/reader-role`);
  expect(applied.stdout).not.toContain(EXTERNAL_ID);
  expect(world.proxy.count('CreateUser')).toBe(1);

  const rotated = await cli(['rotate', '-m', 'connections.yaml', '--format', 'json']);
  expect(rotated.code).toBe(0);
  const r = JSON.parse(rotated.stdout) as { command: string; ok: boolean; rotation: { account: string; users: { user: string; status: string }[] }[] };
  expect([r.command, r.ok]).toEqual(['rotate', true]);
  expect(r.rotation[0]?.users.map((u) => [u.user, u.status])).toEqual([['vendor-user', 'unchanged']]);
});

test('on a terminal apply shows the plan, then waits: anything but "yes" writes nothing; "yes" applies', async () => {
  const refused = await onTerminal(['apply', '-m', 'connections.yaml'], 'y');
  expect(refused.output).toMatch(/user vendor-user: missing -> create[\s\S]*Do you want to perform these actions\?[\s\S]*Only 'yes' will be accepted/);
  expect(refused.callsBeforeAnswer).toBeGreaterThan(0);
  expect(refused.code).toBe(1);
  expect(refused.output).toMatch(/apply: cancelled \(the answer was not "yes"\); nothing was written/);
  expect(writes(world.proxy.calls)).toEqual([]);

  const accepted = await onTerminal(['apply', '-m', 'connections.yaml'], 'yes');
  expect(accepted.code).toBe(0);
  // Nothing was written while the question was open.
  expect(writes(world.proxy.calls.slice(0, accepted.callsBeforeAnswer))).toEqual([]);
  expect(world.proxy.count('CreateUser')).toBe(1);
  expect(accepted.output).toMatch(/first key created, delivered to Secrets Manager secret integrations\/vendor/);

  // --yes (or --auto-approve) does not ask, even on a terminal.
  const auto = await onTerminal(['apply', '-m', 'connections.yaml', '--auto-approve'], 'unused');
  expect([auto.code, auto.callsBeforeAnswer]).toEqual([0, -1]);
  expect(auto.output).toMatch(/No changes: the accounts match the manifest/);
});
