/**
 * `rotate` end to end through `node dist/index.js`, with IAM_CONNECTIONS_NOW moving the tool's
 * clock and libfaketime moving moto's with it (world.at): staged
 * rotation with delivery to Secrets Manager and a GitHub secret, a run killed between
 * CreateAccessKey and delivery, and a search of everything the runs wrote for the secrets.
 */
import { ListAccessKeysCommand, ListUserTagsCommand, TagUserCommand, type IAMClient } from '@aws-sdk/client-iam';
import { DescribeSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import sodium from 'libsodium-wrappers';
import { STACK_TRACE, type ActionRun } from './run-action.js';
import { exampleRepo, readmeWorkflow } from './readme.js';
import { startWorld, type World } from './world.js';

const PROD = '111122223333';
const DAY = 86_400_000;
const WRITE = /^(Create|Delete|Update|Put|Tag|Untag|Attach|Detach|Set|Add|Remove)/;
// Day 0 is just ahead of the real clock; later days move both clocks.
const D0 = new Date(Math.ceil((Date.now() + 3_600_000) / DAY) * DAY);
const day = (n: number) => new Date(D0.getTime() + n * DAY).toISOString();

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
`;

let world: World;
let iam: IAMClient;
let sm: SecretsManagerClient;
let gh: { publicKey: Uint8Array; privateKey: Uint8Array };
let ghSecrets: Map<string, { encrypted_value: string; key_id: string }>;
const runs: ActionRun[] = [];

beforeAll(async () => {
  await sodium.ready;
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});
beforeEach(async () => {
  await world.reset();
  ghSecrets = world.github.useActionsSecrets().secrets;
  gh = sodium.crypto_box_keypair();
  world.github.on('GET', '/repos/:owner/:repo/actions/secrets/public-key', () => ({
    status: 200,
    body: { key_id: 'test-key-1', key: sodium.to_base64(gh.publicKey, sodium.base64_variants.ORIGINAL) },
  }));
  const c = await world.clients(PROD);
  iam = c.iam;
  const creds = await iam.config.credentials();
  sm = new SecretsManagerClient({ region: 'us-east-1', endpoint: world.moto.endpoint, credentials: creds });
});

async function run(command: 'apply' | 'rotate', asOf: string, onSpawn?: (child: ChildProcess) => void): Promise<ActionRun> {
  const repo = world.repo({ 'connections.yaml': manifest });
  const r = await world.run({
    inputs: { command, 'github-token': 'github_pat_fine_grained_secret_writer' },
    cwd: repo,
    env: { ...world.at(asOf), GITHUB_EVENT_NAME: 'schedule' },
    ...(onSpawn ? { onSpawn } : {}),
  });
  runs.push(r);
  if (r.code !== 137) expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
  return r;
}

async function keys(): Promise<{ id: string; status: string }[]> {
  const out = await iam.send(new ListAccessKeysCommand({ UserName: 'vendor-user' }));
  return (out.AccessKeyMetadata ?? []).map((k) => ({ id: k.AccessKeyId!, status: k.Status! })).sort((a, b) => a.id.localeCompare(b.id));
}

/** What each sink holds now: key ID and secret. */
async function sinks(): Promise<{ sm?: { id: string; secret: string }; gh?: { id: string; secret: string } }> {
  const out: { sm?: { id: string; secret: string }; gh?: { id: string; secret: string } } = {};
  try {
    // AWSCURRENT through the stages: moto's plain GetSecretValue keeps the first version after a promotion.
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 'integrations/vendor' }));
    const version = Object.entries(d.VersionIdsToStages ?? {}).find(([, st]) => st.includes('AWSCURRENT'))?.[0];
    const v = JSON.parse((await sm.send(new GetSecretValueCommand({ SecretId: 'integrations/vendor', VersionId: version }))).SecretString!);
    out.sm = { id: v.accessKeyId, secret: v.secretAccessKey };
  } catch {
    // not delivered yet
  }
  const g = ghSecrets.get('VENDOR_AWS_KEY');
  if (g) {
    const plain = sodium.crypto_box_seal_open(sodium.from_base64(g.encrypted_value, sodium.base64_variants.ORIGINAL), gh.publicKey, gh.privateKey);
    const v = JSON.parse(sodium.to_string(plain));
    out.gh = { id: v.accessKeyId, secret: v.secretAccessKey };
  }
  return out;
}

/** Whatever a sink holds is an active key in IAM. */
async function expectSinksHoldActiveKeys(): Promise<void> {
  const live = new Map((await keys()).map((k) => [k.id, k.status]));
  const held = await sinks();
  for (const s of [held.sm, held.gh]) if (s) expect(live.get(s.id)).toBe('Active');
}

/** Every artefact a run leaves: logs (minus the runner-consumed mask commands), outputs, summary, files. */
function artefacts(r: ActionRun): string[] {
  const files = ['plan', 'report', 'sarif'].map((k) => r.outputs[k]).filter((p): p is string => Boolean(p)).map((p) => readFileSync(p, 'utf8'));
  return [r.stdout.replace(/^::add-mask::.*$/gm, ''), r.stderr, r.summary, JSON.stringify(r.outputs), ...files];
}

test('day 91 rotates into both sinks with the old key still active; day 98 deactivates it; day 105 deletes it; reruns change nothing', async () => {
  expect((await run('apply', day(0))).code).toBe(0);
  const [first] = await keys();
  expect((await keys()).map((k) => k.status)).toEqual(['Active']);
  const s0 = await sinks();
  expect([s0.sm?.id, s0.gh?.id]).toEqual([first?.id, first?.id]);

  expect((await run('rotate', day(30))).code).toBe(0);
  expect(await keys()).toEqual([{ id: first!.id, status: 'Active' }]);

  const r91 = await run('rotate', day(91));
  expect(r91.code).toBe(0);
  expect(r91.stdout).toMatch(/^prod: 1\/1 users, \d+ throttled, [\d.]+ s/m);
  const k91 = await keys();
  expect(k91).toHaveLength(2);
  const second = k91.find((k) => k.id !== first!.id)!;
  expect(k91.map((k) => k.status)).toEqual(['Active', 'Active']);
  const s91 = await sinks();
  expect([s91.sm?.id, s91.gh?.id]).toEqual([second.id, second.id]);
  await expectSinksHoldActiveKeys();
  const seen = world.proxy.calls.length;
  const again = await run('rotate', day(91));
  expect(again.code).toBe(0);
  // A rerun on the same day writes nothing at all: no key, no secret version, not even the lock tag.
  expect(world.proxy.calls.slice(seen).filter((c) => WRITE.test(c.action)).map((c) => c.action)).toEqual([]);
  expect(await keys()).toEqual(k91);
  expect((await sinks()).sm?.id).toBe(second.id);
  expect(world.proxy.calls.filter((c) => c.action === 'CreateAccessKey')).toHaveLength(2); // day 0 and day 91 only

  // Day 98, before the vendor has used the new key (its only use is the tool's own verification,
  // made before delivery): no evidence of the switch, the old key stays active and the log says why.
  const early98 = await run('rotate', day(98.02));
  expect(early98.code).toBe(0);
  expect(await keys()).toEqual(k91);
  expect(early98.stdout).toMatch(/no evidence the vendor switched/);
  // The vendor signs in with what the sinks serve (moto records the new key's use).
  world.at(day(98.03));
  const served = (await sinks()).sm!;
  await new STSClient({ region: 'us-east-1', endpoint: world.moto.endpoint, credentials: { accessKeyId: served.id, secretAccessKey: served.secret } }).send(new GetCallerIdentityCommand({}));
  // An hour after day 91's time of day: overlap and deleteAfter count from the instant day 91 recorded.
  expect((await run('rotate', day(98.05))).code).toBe(0);
  expect(await keys()).toEqual(k91.map((k) => ({ ...k, status: k.id === first!.id ? 'Inactive' : 'Active' })));
  await expectSinksHoldActiveKeys();
  const same98 = await keys();
  const seen98 = world.proxy.calls.length;
  expect((await run('rotate', day(98.05))).code).toBe(0);
  expect(await keys()).toEqual(same98);
  expect(world.proxy.calls.slice(seen98).filter((c) => WRITE.test(c.action)).map((c) => c.action)).toEqual([]);

  expect((await run('rotate', day(105.05))).code).toBe(0);
  expect(await keys()).toEqual([{ id: second.id, status: 'Active' }]);
  await expectSinksHoldActiveKeys();
  expect((await run('rotate', day(105.05))).code).toBe(0);
  expect(await keys()).toEqual([{ id: second.id, status: 'Active' }]);

  // The report says what happens next, and when.
  const report = readFileSync(runs.at(-1)!.outputs.report as string, 'utf8');
  expect(report).toMatch(/AKIA…|…/);
});

test('a run killed between CreateAccessKey and delivery leaves an orphan that the next run deletes', async () => {
  expect((await run('apply', day(0))).code).toBe(0);
  const [first] = await keys();
  let child: ChildProcess | undefined;
  const rule = world.proxy.inject({
    action: 'CreateAccessKey',
    times: 1,
    respond: async (_call, forward) => {
      const answer = await forward();
      child?.kill('SIGKILL'); // the key exists in IAM; the process dies before any sink has it
      return answer;
    },
  });
  const killed = await run('rotate', day(91), (c) => (child = c));
  expect(killed.code).toBe(137);
  rule.remove();
  const afterCrash = await keys();
  expect(afterCrash).toHaveLength(2);
  expect((await sinks()).sm?.id).toBe(first!.id); // sinks still hold the working key
  await expectSinksHoldActiveKeys();

  // The killed run still holds its lock: a run within the lock's 15 minutes changes nothing.
  const tags = async () => (await iam.send(new ListUserTagsCommand({ UserName: 'vendor-user' }))).Tags ?? [];
  const lock = (await tags()).find((t) => t.Key === 'iam-connections:rotate-lock');
  expect(lock?.Value).toMatch(/@\d{4}-/);
  const early = await run('rotate', day(91));
  expect(early.stdout).toMatch(/holds the lock on user vendor-user/);
  expect(await keys()).toEqual(afterCrash);
  // Later the lock has expired (the tool's clock rules it: an expiry before it has passed).
  const past = new Date(Date.now() - 60_000).toISOString();
  await iam.send(new TagUserCommand({ UserName: 'vendor-user', Tags: [{ Key: 'iam-connections:rotate-lock', Value: lock!.Value!.replace(/@.*$/, `@${past}`) }] }));

  const next = await run('rotate', day(91));
  expect(next.code).toBe(0);
  const orphan = afterCrash.find((k) => k.id !== first!.id)!;
  const now = await keys();
  expect(now.map((k) => k.id)).not.toContain(orphan.id);
  expect(now).toHaveLength(2); // the orphan deleted, a fresh key rotated in, the old one in its overlap
  const held = await sinks();
  expect(held.sm?.id).toBe(held.gh?.id);
  expect(held.sm?.id).not.toBe(first!.id);
  await expectSinksHoldActiveKeys();
});

test('no secret access key appears in any log, output, report, summary or plan of these runs', async () => {
  expect(runs.length).toBeGreaterThan(5);
  const secrets = new Set<string>();
  const held = await sinks();
  for (const s of [held.sm, held.gh]) if (s) secrets.add(s.secret);
  // Every key ever created passed through the proxy's answers to CreateAccessKey.
  for (const r of runs) for (const line of r.stdout.split('\n')) if (line.startsWith('::add-mask::')) secrets.add(line.slice('::add-mask::'.length));
  const secretKeys = [...secrets].filter((s) => /^[A-Za-z0-9/+]{40}$/.test(s));
  expect(secretKeys.length).toBeGreaterThan(0);
  for (const r of runs) for (const text of artefacts(r)) for (const s of secretKeys) expect(text.includes(s)).toBe(false);
});

test('the scheduled workflow in the README runs rotate with exactly its inputs', async () => {
  const wf = readmeWorkflow('.github/workflows/connections-rotate.yml');
  expect(wf.permissions).toEqual({ contents: 'read', 'id-token': 'write', actions: 'read' });
  const step = wf.steps.find((s) => s.uses?.includes('iam-connections'));
  const inputs = Object.fromEntries(Object.entries(step?.with ?? {}).map(([k, v]) => [k, String(v).replace(/\$\{\{\s*secrets\.\w+\s*\}\}/, 'github_pat_from_secret')]));
  expect(inputs).toEqual({ command: 'rotate', manifest: 'connections.yaml', 'github-token': 'github_pat_from_secret' });
  const repo = exampleRepo(world);
  const r = await world.run({ inputs, cwd: repo, env: { GITHUB_EVENT_NAME: 'schedule', CLOUDYN_EXTERNAL_ID: 'Contoso-77a1c0de' } });
  // Nothing exists yet: rotate makes no key (apply makes first keys) and fails, naming apply, so a
  // scheduled job whose users were never created (or were deleted by hand) does not pass quietly.
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/does not exist in account prod, so its declared access key does not either: run apply/);
  expect(world.proxy.calls.filter((c) => c.action === 'CreateAccessKey')).toEqual([]);
  expect(r.summary).toContain('iam-connections rotate');
});
