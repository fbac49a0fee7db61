/**
 * A rotation with two sinks (Secrets Manager and a GitHub secret), killed right after each of
 * its AWS and GitHub calls, and separately with each sink call failing once; then the re-run
 * attempt of the same workflow run, a third run the same day, and the runs of the following
 * weeks, each with the tool's clock (IAM_CONNECTIONS_NOW) and moto's (libfaketime) on that day.
 *
 * The invariants are checked from the proxies' call hooks, before every AWS and GitHub call of
 * every run (the state between two calls), not only at the end:
 *  - every sink holds a key that is Active in IAM;
 *  - no key any sink ever held is deactivated (or deleted while active) before it has been
 *    unused for requireUnusedFor (the vendor uses whatever the sinks hold at the start of each day);
 *  - never more than two keys.
 * And at the end of each scenario: the re-run exits 0, a third run the same day makes zero
 * writes, the replaced key is deactivated on day 98 and gone on day 105, both sinks hold the
 * one key left.
 *
 * Fast part (`npm test`): a few kill points and sink faults drawn by a seeded PRNG. With
 * RELIABILITY_LONG=1 (scripts/reliability.mjs): four kill points and two sink faults spread over the
 * rotation; RELIABILITY_FULL=1: every call and every sink call.
 */
import { GetAccessKeyLastUsedCommand, ListAccessKeysCommand, type IAMClient } from '@aws-sdk/client-iam';
import { DescribeSecretCommand, GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { ChildProcess } from 'node:child_process';
import sodium from 'libsodium-wrappers';
import type { ActionRun } from '../e2e/run-action.js';
import type { GitHubCall } from '../helpers/github-server.js';
import { startWorld, type World } from '../e2e/world.js';
import { day, directClients, LONG, PROD, prng } from './chaos.js';

const SEED = Number(process.env.RELIABILITY_SEED ?? 8);
// Each scenario is seven runs of the action (about a minute each on a loaded two-core machine).
const FAST = { kills: 1, faults: 1 };
const USER = 'vendor-user';
const SECRET_ID = 'integrations/vendor';
const GH_SECRET = 'VENDOR_AWS_KEY';
const HOUR = 3_600_000;
const REQUIRE_UNUSED_MS = 24 * HOUR;
const WRITE = /^(Create|Delete|Update|Put|Tag|Untag|Attach|Detach|Set|Add|Remove)/;

const MANIFEST = `version: 1
accounts:
  prod: { id: "${PROD}", role: "arn:aws:iam::${PROD}:role/iam-connections" }
connections:
  vendor:
    accounts: [prod]
    user:
      name: ${USER}
      managedPolicies: [SecurityAudit]
      accessKey:
        rotateAfter: 90d
        overlap: 7d
        deleteAfter: 7d
        requireUnusedFor: 24h
        deliver:
          - secretsManager: { secretId: ${SECRET_ID} }
          - githubSecret: { repository: acme/vault-sync, name: ${GH_SECRET} }
`;

/** A call of the rotation as the two stand-ins saw it. */
interface Seen {
  where: 'aws' | 'github';
  name: string;
}

let world: World;
let iam: IAMClient;
let sm: SecretsManagerClient;
let ghPair: { publicKey: Uint8Array; privateKey: Uint8Array };
let ghSecrets: Map<string, { encrypted_value: string; key_id: string }>;

beforeAll(async () => {
  await sodium.ready;
  world = await startWorld();
}, 60_000);
afterAll(async () => {
  await world?.stop();
});

/** A fresh account on day 0: the user applied, its first key in both sinks. */
async function dayZero(): Promise<string> {
  await world.reset();
  ghSecrets = world.github.useActionsSecrets().secrets;
  ghPair = sodium.crypto_box_keypair();
  world.github.on('GET', '/repos/:owner/:repo/actions/secrets/public-key', () => ({
    status: 200,
    body: { key_id: 'test-key-1', key: sodium.to_base64(ghPair.publicKey, sodium.base64_variants.ORIGINAL) },
  }));
  ({ iam, sm } = await directClients(world));
  const repo = world.repo({ 'connections.yaml': MANIFEST });
  const applied = await run(repo, 'apply', day(0), { attempt: 1 });
  if (applied.code !== 0) throw new Error(`apply on day 0 failed:\n${applied.stdout.slice(-2000)}`);
  return repo;
}

async function run(repo: string, command: 'apply' | 'rotate', at: string, opts: { attempt: number; runId?: string; onSpawn?: (c: ChildProcess) => void }): Promise<ActionRun> {
  return world.run({
    inputs: { command, 'github-token': 'github_pat_fine_grained_secret_writer' },
    cwd: repo,
    env: { ...world.at(at), GITHUB_EVENT_NAME: 'schedule', GITHUB_RUN_ID: opts.runId ?? '4242', GITHUB_RUN_ATTEMPT: String(opts.attempt) },
    ...(opts.onSpawn ? { onSpawn: opts.onSpawn } : {}),
  });
}

/** What the sinks serve to readers now: Secrets Manager's AWSCURRENT (read through the stages) and the GitHub secret. */
async function held(): Promise<{ sink: string; id: string; secret: string }[]> {
  const out: { sink: string; id: string; secret: string }[] = [];
  try {
    const d = await sm.send(new DescribeSecretCommand({ SecretId: SECRET_ID }));
    const version = Object.entries(d.VersionIdsToStages ?? {}).find(([, st]) => st.includes('AWSCURRENT'))?.[0];
    const v = JSON.parse((await sm.send(new GetSecretValueCommand({ SecretId: SECRET_ID, VersionId: version }))).SecretString ?? '{}') as Record<string, string>;
    out.push({ sink: 'secrets-manager', id: v.accessKeyId ?? '', secret: v.secretAccessKey ?? '' });
  } catch {
    // not created yet
  }
  const g = ghSecrets.get(GH_SECRET);
  if (g) {
    const plain = sodium.crypto_box_seal_open(sodium.from_base64(g.encrypted_value, sodium.base64_variants.ORIGINAL), ghPair.publicKey, ghPair.privateKey);
    const v = JSON.parse(sodium.to_string(plain)) as Record<string, string>;
    out.push({ sink: 'github', id: v.accessKeyId ?? '', secret: v.secretAccessKey ?? '' });
  }
  return out;
}

async function liveKeys(): Promise<{ id: string; status: string; created: number }[]> {
  const out = await iam.send(new ListAccessKeysCommand({ UserName: USER }));
  return (out.AccessKeyMetadata ?? []).map((k) => ({ id: k.AccessKeyId ?? '', status: k.Status ?? '', created: k.CreateDate?.getTime() ?? 0 }));
}

/** The vendor at the start of a day: signs in with whatever each sink serves (moto records the use). */
async function vendorUses(at: string): Promise<void> {
  world.at(at);
  for (const h of await held()) {
    const sts = new STSClient({ region: 'us-east-1', endpoint: world.moto.endpoint, credentials: { accessKeyId: h.id, secretAccessKey: h.secret } });
    await sts.send(new GetCallerIdentityCommand({})).catch((err: unknown) => {
      throw new Error(`the vendor could not sign in with the key ${h.sink} serves: ${String(err)}`);
    });
  }
}

/** Checks the invariants before every AWS and GitHub call while installed. */
class Monitor {
  readonly violations: string[] = [];
  readonly everHeld = new Set<string>();
  private last = new Map<string, string>();
  checks = 0;
  now = 0;
  private readonly removers: (() => void)[] = [];

  install(): void {
    const before = (where: string) => () => this.check(where);
    this.removers.push(world.proxy.hook({ before: (c) => before(`before ${c.service}:${c.action}`)() }));
    const gh = { before: (c: { method: string; path: string }) => before(`before GitHub ${c.method} ${c.path}`)() };
    world.github.hooks.push(gh);
    this.removers.push(() => world.github.hooks.splice(world.github.hooks.indexOf(gh), 1));
  }

  uninstall(): void {
    for (const r of this.removers.splice(0)) r();
  }

  async check(where: string): Promise<void> {
    this.checks++;
    const keys = await liveKeys();
    const status = new Map(keys.map((k) => [k.id, k.status]));
    if (keys.length > 2) this.violations.push(`${where}: ${keys.length} keys`);
    for (const h of await held()) {
      this.everHeld.add(h.id);
      if (status.get(h.id) !== 'Active') this.violations.push(`${where}: ${h.sink} serves ${h.id.slice(-4)}, which is ${status.get(h.id) ?? 'deleted'}`);
    }
    for (const [id, was] of this.last) {
      const is = status.get(id);
      if (!this.everHeld.has(id) || was !== 'Active' || is === 'Active') continue;
      const k = (await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: id })).catch(() => undefined))?.AccessKeyLastUsed?.LastUsedDate;
      const idle = k ? this.now - k.getTime() : undefined;
      if (is === undefined) this.violations.push(`${where}: ${id.slice(-4)}, held by a sink, was deleted while active`);
      else if (idle !== undefined && idle < REQUIRE_UNUSED_MS) this.violations.push(`${where}: ${id.slice(-4)}, held by a sink, deactivated after ${Math.round(idle / HOUR)} h unused`);
    }
    this.last = status;
  }
}

const at91 = new Date(Date.parse(day(91)) + 3 * HOUR).toISOString();

/** The day-91 rotation and what follows it; `disturb` kills or faults the first run. */
async function scenario(disturb: (repo: string, monitor: Monitor) => Promise<ActionRun>): Promise<{ verdict: Record<string, unknown>; monitor: Monitor }> {
  const repo = await dayZero();
  const monitor = new Monitor();
  await vendorUses(new Date(Date.parse(at91) - 2 * HOUR).toISOString());
  const k0 = (await liveKeys())[0]!.id;
  monitor.now = Date.parse(at91);
  monitor.install();
  await monitor.check('start');
  const first = await disturb(repo, monitor);
  await monitor.check('after the disturbed run');
  // The re-run attempt of the same workflow run takes over the dead attempt's lock.
  const rerun = await run(repo, 'rotate', at91, { attempt: 2 });
  const seen = world.proxy.calls.length;
  const third = await run(repo, 'rotate', at91, { attempt: 1, runId: '4343' });
  const thirdWrites = world.proxy.calls.slice(seen).filter((c) => c.service !== 'moto' && WRITE.test(c.action)).map((c) => c.action);
  const after91 = await liveKeys();
  const k1 = after91.find((k) => k.id !== k0)?.id;
  const sinks91 = (await held()).map((h) => `${h.sink}: ${h.id === k1 ? 'the new key' : h.id === k0 ? 'the old key' : h.id.slice(-4)}`).join(', ');
  const verdict: Record<string, unknown> = { first: first.code === 137 ? 'killed' : first.code, rerun: rerun.code, third: third.code, thirdWrites, keys91: after91.length, sinks91 };
  for (const d of [98, 105]) {
    // Later in the day than day 91's runs: the record carries the instant the day-91 rerun wrote it
    // (its clock runs on from IAM_CONNECTIONS_NOW), and deleteAfter counts from that instant.
    const at = new Date(Date.parse(day(d)) + 6 * HOUR).toISOString();
    monitor.uninstall();
    await vendorUses(new Date(Date.parse(at) - 2 * HOUR).toISOString());
    monitor.now = Date.parse(at);
    monitor.install();
    const r = await run(repo, 'rotate', at, { attempt: 1, runId: String(5000 + d) });
    const keys = await liveKeys();
    verdict[`day${d}`] = r.code;
    verdict[`k0day${d}`] = keys.find((k) => k.id === k0)?.status ?? 'gone';
    verdict[`keys${d}`] = keys.length;
    if (process.env.CRASH_DEBUG) console.log(`day ${d}:\n${r.stdout.split('\n').filter((l) => /AKIA|key|used/i.test(l)).join('\n').slice(-3000)}`);
  }
  monitor.uninstall();
  const sinks = await held();
  const left = await liveKeys();
  verdict.sinksEnd = sinks.map((s) => (left.length === 1 && left[0]?.id === s.id && left[0].status === 'Active' ? `${s.sink}: the one active key` : `${s.sink}: ${s.id.slice(-4)}`)).join(', ');
  verdict.violations = monitor.violations;
  if (process.env.CRASH_DEBUG && (rerun.code !== 0 || third.code !== 0)) console.log(`rerun:\n${rerun.stdout.slice(-3000)}\nthird:\n${third.stdout.slice(-2000)}`);
  return { verdict, monitor };
}

const expected = (first: unknown): Record<string, unknown> => ({
  first,
  rerun: 0,
  third: 0,
  thirdWrites: [],
  keys91: 2,
  sinks91: 'secrets-manager: the new key, github: the new key',
  day98: 0,
  k0day98: 'Inactive',
  keys98: 2,
  day105: 0,
  k0day105: 'gone',
  keys105: 1,
  sinksEnd: 'secrets-manager: the one active key, github: the one active key',
  violations: [],
});

/** The calls of a clean day-91 rotation, AWS and GitHub interleaved in arrival order. */
let clean: Seen[] = [];

test('a clean rotation: its calls are what the kill matrix kills after, and it keeps every invariant', async () => {
  const { verdict, monitor } = await scenario(async (repo) => {
    const seen: Seen[] = [];
    const unhook = world.proxy.hook({ after: (c) => Promise.resolve(void seen.push({ where: 'aws', name: `${c.service}:${c.action}` })) });
    const gh = { after: (c: { method: string; path: string }) => Promise.resolve(void seen.push({ where: 'github' as const, name: `${c.method} ${c.path}` })) };
    world.github.hooks.push(gh);
    const r = await run(repo, 'rotate', at91, { attempt: 1 });
    unhook();
    world.github.hooks.splice(world.github.hooks.indexOf(gh), 1);
    clean = seen;
    return r;
  });
  console.log(`rotation calls (${clean.length}): ${clean.map((c) => c.name).join(', ')}; invariant checks: ${monitor.checks}`);
  expect(verdict).toEqual(expected(0));
  expect(clean.map((c) => c.name)).toEqual(
    expect.arrayContaining(['iam:CreateAccessKey', 'iam:TagUser', 'sts:GetCallerIdentity', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage', 'PUT /repos/acme/vault-sync/actions/secrets/VENDOR_AWS_KEY']),
  );
}, 600_000);

/**
 * Kill points: every call (long part), or a few drawn by the seed (fast part), as fractions of
 * the clean run's length since the list must exist before the clean run has counted the calls.
 */
// KILL_POINTS=12,13 reruns chosen points (indices into the clean run's calls, printed by the first test).
const chosen = process.env.KILL_POINTS?.split(',').map((x) => ({ i: Number(x) }));
// Each scenario runs five rotations over four simulated days (minutes each), so the matrix is sized
// to the run: npm test draws one kill and one fault; the CI long part (RELIABILITY_LONG=1) spreads
// LONG_KILLS points over the whole rotation; RELIABILITY_FULL=1 kills after every call and fails
// every sink call once (about 36 scenarios of ~23 s each on an idle 2-core machine).
const FULL = process.env.RELIABILITY_FULL === '1';
const LONG_KILLS = { kills: 4, faults: 2 };
const spread = (k: number, seed: number) => Array.from({ length: k }, (_, n) => ({ f: (n + prng(seed + n)()) / k }));
const killPoints: { i?: number; f?: number }[] =
  chosen ?? (FULL ? [...Array(120).keys()].map((i) => ({ i })) : LONG ? spread(LONG_KILLS.kills, SEED + 2) : Array.from({ length: FAST.kills }, (_, n) => ({ f: prng(SEED + 2 + n)() })));
const faultPoints: { i?: number; f?: number }[] = FULL
  ? [...Array(24).keys()].map((i) => ({ i }))
  : LONG
    ? spread(LONG_KILLS.faults, SEED + 7)
    : Array.from({ length: FAST.faults }, (_, n) => ({ f: prng(SEED + 7 + n)() }));
const index = (p: { i?: number; f?: number }, n: number): number | undefined => {
  expect(n).toBeGreaterThan(0); // the clean run ran and was counted
  const i = p.i ?? Math.floor((p.f ?? 0) * n);
  return i < n ? i : undefined; // the long matrix is sized generously: points past the end do not exist
};

test.each(killPoints)(
  'killed right after a call of the rotation (%o): the invariants hold at every call of every later run, which converge',
  async (point) => {
    const i = index(point, clean.length);
    if (i === undefined) return;
    const { verdict } = await scenario(async (repo) => {
      let n = 0;
      let child: ChildProcess | undefined;
      const kill = () => {
        if (n++ === i) child?.kill('SIGKILL');
        return Promise.resolve();
      };
      world.proxy.hook({ after: kill });
      const gh = { after: kill };
      world.github.hooks.push(gh);
      const r = await run(repo, 'rotate', at91, { attempt: 1, onSpawn: (c) => (child = c) });
      world.github.hooks.splice(world.github.hooks.indexOf(gh), 1);
      return r;
    });
    console.log(`rotate killed after #${i} ${clean[i]?.name}: ${JSON.stringify(verdict)}`);
    expect(verdict).toEqual(expected('killed'));
  },
  900_000,
);

test.each(faultPoints)(
  'a sink call fails once (%o): the run fails without harm, the next converges',
  async (point) => {
    const sinkCalls = clean.map((c, i) => ({ ...c, i })).filter((c) => (c.where === 'github' ? c.name.includes('/actions/secrets') : c.name.startsWith('secretsmanager:')));
    const j = index(point, sinkCalls.length);
    if (j === undefined) return;
    const target = sinkCalls[j]!;
    const { verdict } = await scenario(async (repo) => {
      // One counter over AWS and GitHub calls, in arrival order, as in the clean run.
      let n = 0;
      let fail = false;
      const count = () => {
        fail = n++ === target.i;
        return Promise.resolve();
      };
      world.proxy.hook({ before: count });
      world.github.hooks.push({ before: count });
      world.proxy.inject({ when: () => fail && !(fail = false), status: 400, code: 'AccessDeniedException', message: 'injected: not authorized, this once' });
      const once = <T,>(inner: (c: GitHubCall, p: Record<string, string>) => T) => (c: GitHubCall, p: Record<string, string>) => {
        if (!fail) return inner(c, p);
        fail = false;
        return { status: 422, body: { message: 'injected: validation failed, this once' } };
      };
      world.github.on('GET', '/repos/:owner/:repo/actions/secrets/public-key', once(() => ({
        status: 200,
        body: { key_id: 'test-key-1', key: sodium.to_base64(ghPair.publicKey, sodium.base64_variants.ORIGINAL) },
      })));
      world.github.on('PUT', '/repos/:owner/:repo/actions/secrets/:name', once((c, p) => {
        ghSecrets.set(p.name ?? '', c.body as { encrypted_value: string; key_id: string });
        return { status: 201 };
      }));
      return run(repo, 'rotate', at91, { attempt: 1 });
    });
    console.log(`sink call #${j} (${target.name}) failed once: ${JSON.stringify(verdict)}`);
    expect({ ...verdict, first: verdict.first === 1 || verdict.first === 0 ? 'exit 0 or 1' : verdict.first }).toEqual(expected('exit 0 or 1'));
  },
  900_000,
);
