/**
 * The rotate lock (src/rotate/lock*.ts) against moto behind the recording proxy, with the local
 * GitHub server standing in for the Actions API: the tag format (old values still parse), the
 * takeover of a lock whose holder's run GitHub reports completed, and the fallback to expiry
 * (with the reason) when it reports the run in progress, 404 or 403; one settle per batch; a run
 * whose own lock write is slower than the settle backs off; the re-check before writes; and a
 * re-run attempt removing its predecessor's lock when it has nothing to do.
 */
import { CreateAccessKeyCommand, CreateUserCommand, GetUserCommand, IAMClient, ListUserTagsCommand, TagUserCommand } from '@aws-sdk/client-iam';
import { realClock, type RetryClock } from '../../src/aws/retry.js';
import type { ConnectionSpec, KeyRules } from '../../src/manifest/model.js';
import { keyRecordTags } from '../../src/plan/keys.js';
import { rotateAccount } from '../../src/rotate/run.js';
import { workflowRuns } from '../../src/github/workflow-runs.js';
import { acquireLocks, assertLockHeld, clearStaleLock, LockLost, releaseUserLock, type LockOptions } from '../../src/rotate/lock.js';
import { holderLiveness } from '../../src/rotate/lock-holder.js';
import { describeHolder, formatLock, holderId, parseLock, ROTATE_LOCK_TAG, supersedes } from '../../src/rotate/lock-tag.js';
import { startAwsProxy, type AwsProxy } from '../helpers/aws-proxy.js';
import { awsTestEnv, setEnv } from '../helpers/env.js';
import { startGitHubServer, type GitHubServer } from '../helpers/github-server.js';
import { startMoto, type MotoServer } from '../helpers/moto.js';

const TOKEN = 'ghs_lock_lookup_token_0123456789';
const MIN = 60_000;
/**
 * Long enough that one read and one write finish within it on a loaded test machine (the lock
 * backs off otherwise, which is what the slow-write tests provoke on purpose).
 */
const SETTLE = 1_000;

describe('lock tag', () => {
  test('a workflow run holder carries repository, run id and attempt, and round-trips within IAM limits', () => {
    const id = holderId({ GITHUB_REPOSITORY: 'acme/infra', GITHUB_RUN_ID: '9876543210', GITHUB_RUN_ATTEMPT: '3' }, 'a1b2c3');
    expect(id).toBe('gh:acme/infra:9876543210:3:a1b2c3');
    const value = formatLock(id, Date.parse('2026-12-04T16:00:00Z'));
    expect(value).toBe('gh:acme/infra:9876543210:3:a1b2c3@2026-12-04T16:00:00.000Z');
    const l = parseLock(value)!;
    expect(l.holder).toEqual({ id, repository: 'acme/infra', runId: '9876543210', attempt: 3 });
    expect(l.expiresAt).toBe(Date.parse('2026-12-04T16:00:00Z'));
    expect(describeHolder(l.holder)).toBe('acme/infra run 9876543210 attempt 3');
    // The longest names GitHub allows still fit a tag value.
    const longest = holderId({ GITHUB_REPOSITORY: `${'o'.repeat(39)}/${'r'.repeat(100)}`, GITHUB_RUN_ID: '9'.repeat(20), GITHUB_RUN_ATTEMPT: '99' }, 'ffffff');
    expect(longest.startsWith('gh:')).toBe(true);
    expect(formatLock(longest, Date.now()).length).toBeLessThanOrEqual(256);
  });

  test('old values still parse; outside a workflow the holder is a CLI id; hostile ids are refused', () => {
    expect(parseLock('4242-1-bb22cc@2026-12-04T16:00:00.000Z')!.holder).toEqual({ id: '4242-1-bb22cc', runId: '4242', attempt: 1 });
    expect(parseLock('cli-77-lq3x@2026-12-04T16:00:00.000Z')!.holder).toEqual({ id: 'cli-77-lq3x' });
    expect(parseLock('no expiry')).toBeUndefined();
    expect(parseLock('x@not-a-date')).toBeUndefined();
    expect(holderId({}, 'abc123')).toMatch(/^cli-\d+-[0-9a-z]+-abc123$/);
    // A repository that is not GitHub's shape does not become a run holder (nor a tag value with '<').
    expect(holderId({ GITHUB_REPOSITORY: 'acme/<x>', GITHUB_RUN_ID: '1' }, 'abc123')).toMatch(/^cli-/);
    expect(() => formatLock('gh:a/b:1:1:ab;rm', Date.now())).toThrow(/not a valid IAM tag value/);
  });

  test('a later attempt of the same run supersedes an earlier one; nothing else does', () => {
    expect(supersedes('gh:acme/infra:4242:2:aa11', 'gh:acme/infra:4242:1:bb22')).toBe(true);
    expect(supersedes('gh:acme/infra:4242:2:aa11', '4242-1-bb22')).toBe(true); // the old format
    expect(supersedes('gh:acme/infra:4242:1:aa11', 'gh:acme/infra:4242:1:bb22')).toBe(false); // two jobs of one attempt
    expect(supersedes('gh:acme/other:4242:2:aa11', 'gh:acme/infra:4242:1:bb22')).toBe(false);
    expect(supersedes('gh:acme/infra:4243:2:aa11', 'gh:acme/infra:4242:1:bb22')).toBe(false);
    expect(supersedes('gh:acme/infra:4242:1:aa11', 'gh:acme/infra:4242:2:bb22')).toBe(false);
    expect(supersedes('cli-1-x', 'gh:acme/infra:4242:1:bb22')).toBe(false);
  });
});

let moto: MotoServer;
let proxy: AwsProxy;
let gh: GitHubServer;
let restoreEnv: () => void;
let iam: IAMClient;
/** The Actions API's answer for each run id; absent: 404. */
let runs: Map<string, { status: number; body?: unknown }>;

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startAwsProxy(moto.endpoint);
  gh = await startGitHubServer();
  restoreEnv = setEnv(awsTestEnv(proxy.endpoint));
  iam = new IAMClient({ region: 'us-east-1' });
});

afterAll(async () => {
  restoreEnv();
  await gh.stop();
  await proxy.stop();
  await moto.stop();
});

beforeEach(async () => {
  await moto.reset();
  proxy.clear();
  gh.clear();
  runs = new Map();
  gh.on('GET', '/repos/:owner/:repo/actions/runs/:id', (c, p) => {
    if (c.headers.authorization !== `Bearer ${TOKEN}`) return { status: 401, body: { message: 'Bad credentials' } };
    return runs.get(`${p.owner}/${p.repo}#${p.id}`) ?? { status: 404, body: { message: 'Not Found' } };
  });
});

const ME = 'gh:acme/infra:5001:1:aaaaaa';
const OTHER = 'gh:acme/infra:4242:1:bbbbbb';

/** Records the sleeps it is asked for (the settle), and sleeps them for real. */
function countingClock(): RetryClock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, now: realClock.now, sleep: (ms) => (sleeps.push(ms), realClock.sleep(ms)) };
}

function opts(extra: Partial<LockOptions> = {}): LockOptions {
  return { runId: ME, clock: realClock, settleMs: SETTLE, liveness: holderLiveness(workflowRuns(TOKEN, { GITHUB_API_URL: gh.url })), ...extra };
}

async function users(...names: string[]): Promise<void> {
  for (const n of names) await iam.send(new CreateUserCommand({ UserName: n }));
}

async function lockTag(user: string): Promise<string | undefined> {
  const out = await iam.send(new ListUserTagsCommand({ UserName: user }));
  return out.Tags?.find((t) => t.Key === ROTATE_LOCK_TAG)?.Value;
}

async function setLock(user: string, holder: string, expiresAt: number): Promise<string> {
  const value = formatLock(holder, expiresAt);
  await iam.send(new TagUserCommand({ UserName: user, Tags: [{ Key: ROTATE_LOCK_TAG, Value: value }] }));
  return value;
}

const answer = (status: string, conclusion: string | null, attempt = 1) => ({ status: 200, body: { id: 4242, status, conclusion, run_attempt: attempt } });

describe('a lock held by another workflow run', () => {
  test.each<[string, { status: number; body?: unknown } | undefined, boolean, RegExp]>([
    ['completed (cancelled)', answer('completed', 'cancelled'), true, /took over the lock of acme\/infra run 4242 attempt 1 \(until .+\): GitHub reports acme\/infra run 4242 attempt 1 as completed \(cancelled\)/],
    ['completed (success)', answer('completed', 'success'), true, /as completed \(success\)/],
    ['a later attempt in progress', answer('in_progress', null, 2), true, /GitHub reports attempt 2 of that run, so acme\/infra run 4242 attempt 1 ended/],
    ['in progress', answer('in_progress', null), false, /another rotate run \(acme\/infra run 4242 attempt 1\) holds the lock on user u1 until \d{4}-.+ \(GitHub reports acme\/infra run 4242 attempt 1 as in_progress\)/],
    ['404', undefined, false, /holds the lock on user u1 until .+ \(GitHub answers 404 for acme\/infra run 4242 attempt 1: the token cannot see acme\/infra, or the run was deleted\)/],
    ['403', { status: 403, body: { message: 'Resource not accessible by integration' } }, false, /\(the GitHub token may not read workflow runs of acme\/infra \(HTTP 403\): give the workflow `permissions: actions: read`/],
  ])('GitHub reports the holder %s', async (_name, reply, taken, message) => {
    await users('u1');
    const until = Date.now() + 10 * MIN;
    const theirs = await setLock('u1', OTHER, until);
    if (reply) runs.set('acme/infra#4242', reply);
    const got = (await acquireLocks(iam, ['u1'], opts())).get('u1')!;
    expect(got.held).toBe(taken);
    expect(got.held ? got.note : got.message).toMatch(message);
    if (!got.held) expect(got.message).toContain(new Date(until).toISOString());
    expect(await lockTag('u1')).toBe(got.held ? got.value : theirs);
    // Asked once, with the token, and the token is in no message.
    expect(gh.calls.filter((c) => c.path === '/repos/acme/infra/actions/runs/4242')).toHaveLength(1);
    expect(JSON.stringify(got)).not.toContain(TOKEN);
  });

  test('without a token GitHub is not asked: the expiry decides, and the message says why', async () => {
    await users('u1');
    await setLock('u1', OTHER, Date.now() + 10 * MIN);
    const got = (await acquireLocks(iam, ['u1'], opts({ liveness: holderLiveness(undefined) }))).get('u1')!;
    expect(got).toMatchObject({ held: false });
    expect(!got.held && got.message).toMatch(/\(no GitHub token was given, so GitHub was not asked whether acme\/infra run 4242 attempt 1 ended\)/);
    expect(gh.calls).toHaveLength(0);
  });

  test('an expired lock is taken without asking; an old-format holder falls back to expiry', async () => {
    await users('u1', 'u2');
    await setLock('u1', OTHER, Date.now() - 1000);
    await setLock('u2', '4242-1-bb22cc', Date.now() + 10 * MIN);
    const got = await acquireLocks(iam, ['u1', 'u2'], opts());
    expect(got.get('u1')).toMatchObject({ held: true, note: expect.stringMatching(/took over the lock of acme\/infra run 4242 attempt 1 \(until .+\): it expired/) });
    expect(got.get('u2')).toMatchObject({ held: false, message: expect.stringMatching(/run 4242 attempt 1 names no repository and run, so GitHub cannot be asked/) });
    expect(gh.calls).toHaveLength(0);
  });
});

describe('acquisition', () => {
  test('a batch of users pays the settle once: per user one read, one write, one confirming read', async () => {
    const names = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'];
    await users(...names);
    proxy.clear();
    const clock = countingClock();
    const got = await acquireLocks(iam, names, opts({ clock }));
    expect([...got.values()].filter((r) => !r.held)).toEqual([]);
    expect(clock.sleeps).toEqual([SETTLE]);
    expect(proxy.count('ListUserTags')).toBe(12);
    expect(proxy.count('TagUser')).toBe(6);
    for (const n of names) expect(parseLock(await lockTag(n))!.holder.id).toBe(ME);
    // The confirming read's tags come back for the caller's plan.
    expect(got.get('b1')).toMatchObject({ held: true, tags: { [ROTATE_LOCK_TAG]: expect.stringMatching(/^gh:acme\/infra:5001:1:aaaaaa@/) } });
  });

  test('a run whose own lock write takes longer than the settle backs off, reports contention, and leaves its value as a fence', async () => {
    await users('slow');
    proxy.inject({ action: 'TagUser', delayMs: SETTLE + 400, times: 1 });
    const got = (await acquireLocks(iam, ['slow'], opts())).get('slow')!;
    expect(got.held).toBe(false);
    expect(!got.held && got.message).toMatch(/^lock contention on user slow: writing the lock took \d+ ms from the check, longer than the 1000 ms settle time, so another run may have taken it meanwhile: nothing done here; the lock stays until it expires at .+ or this run ends; retry later$/);
    expect(parseLock(await lockTag('slow'))!.holder.id).toBe(ME);
    // Another run respects the fence; once GitHub reports this run completed, it takes it over.
    const other = (await acquireLocks(iam, ['slow'], opts({ runId: 'gh:acme/infra:6001:1:cccccc' }))).get('slow')!;
    expect(other.held).toBe(false);
    runs.set('acme/infra#5001', answer('completed', 'failure'));
    const later = (await acquireLocks(iam, ['slow'], opts({ runId: 'gh:acme/infra:6002:1:dddddd' }))).get('slow')!;
    expect(later).toMatchObject({ held: true, note: expect.stringMatching(/acme\/infra run 5001 attempt 1 as completed \(failure\)/) });
  });

  test('two runs, one of whose lock writes lands after the other confirmed: the late one never holds it, and the early one loses it at its re-check', async () => {
    await users('race');
    const B = 'gh:acme/infra:7002:1:eeeeee';
    // B's TagUser reaches IAM only after A has confirmed (A's confirm comes SETTLE after its write).
    proxy.inject({ action: 'TagUser', when: (c) => Object.values(c.params).some((v) => v.startsWith(B)), delayMs: SETTLE + 600 });
    const [a, b] = await Promise.all([acquireLocks(iam, ['race'], opts()), acquireLocks(iam, ['race'], opts({ runId: B }))]);
    const held = [a.get('race')!, b.get('race')!].filter((r) => r.held);
    expect(held.length).toBeLessThanOrEqual(1);
    expect(b.get('race')!.held).toBe(false);
    if (a.get('race')!.held) await expect(assertLockHeld(iam, 'race', 'creating a new access key', opts())).rejects.toThrow(LockLost);
  });
});

describe('re-check before writes', () => {
  test('LockLost names what happened, and the holder keeps writing only while the lock is its own', async () => {
    await users('u1');
    await setLock('u1', ME, Date.now() + 10 * MIN);
    await expect(assertLockHeld(iam, 'u1', 'recording AKIA…WXYZ', opts())).resolves.toBeUndefined();
    await setLock('u1', OTHER, Date.now() + 10 * MIN);
    await expect(assertLockHeld(iam, 'u1', 'recording AKIA…WXYZ', opts())).rejects.toThrow(
      /^the rotate lock on user u1 is now held by another run \(acme\/infra run 4242 attempt 1, until .+\): stopped before recording AKIA…WXYZ; nothing more was written for u1/,
    );
    await releaseUserLock(iam, 'u1', opts()); // not ours: left alone
    expect(parseLock(await lockTag('u1'))!.holder.id).toBe(OTHER);
    await iam.send(new TagUserCommand({ UserName: 'u1', Tags: [{ Key: 'other', Value: 'x' }] }));
    await setLock('u1', ME, Date.now() + 2 * MIN);
    await expect(assertLockHeld(iam, 'u1', 'deleting AKIA…WXYZ', opts())).rejects.toThrow(/expires at .+, too soon to start a write under it: stopped before deleting/);
  });

  test('a lock past half its life is extended by the re-check', async () => {
    await users('u1');
    await setLock('u1', ME, Date.now() + 6 * MIN);
    await assertLockHeld(iam, 'u1', 'creating a new access key', opts());
    expect(parseLock(await lockTag('u1'))!.expiresAt).toBeGreaterThan(Date.now() + 14 * MIN);
  });
});

describe('a user with nothing to do', () => {
  test('a re-run attempt removes its predecessor’s lock; a live run’s lock stays; a changed tag is left alone', async () => {
    await users('done', 'busy');
    const rerun = 'gh:acme/infra:4242:2:ffffff';
    const left = await setLock('done', OTHER, Date.now() + 10 * MIN);
    await setLock('busy', 'gh:acme/infra:9999:1:999999', Date.now() + 10 * MIN);
    runs.set('acme/infra#9999', answer('in_progress', null));
    const said = await clearStaleLock(iam, 'done', { [ROTATE_LOCK_TAG]: left }, opts({ runId: rerun }));
    expect(said).toMatch(/^removed the lock of acme\/infra run 4242 attempt 1 \(until .+\): this is a later attempt of the same workflow run$/);
    expect(await lockTag('done')).toBeUndefined();
    expect(await clearStaleLock(iam, 'busy', { [ROTATE_LOCK_TAG]: (await lockTag('busy'))! }, opts({ runId: rerun }))).toBeUndefined();
    expect(await lockTag('busy')).toBeDefined();
    // The inventory's view is stale (an expired lock) but another run took the user since: keep its lock.
    const stale = formatLock('gh:acme/infra:1:1:111111', Date.now() - MIN);
    const fresh = await setLock('done', 'gh:acme/infra:8888:1:888888', Date.now() + 10 * MIN);
    expect(await clearStaleLock(iam, 'done', { [ROTATE_LOCK_TAG]: stale }, opts({ runId: rerun }))).toBeUndefined();
    expect(await lockTag('done')).toBe(fresh);
  });
});

describe('rotateAccount', () => {
  const at = { file: 'connections.yaml', line: 1, column: 1 };
  const rules: KeyRules = { rotateAfter: 90 * 86400, overlap: 7 * 86400, deleteAfter: 7 * 86400, requireUnusedFor: 86400, force: false };
  const conn = (name: string): ConnectionSpec =>
    ({
      name,
      accounts: ['prod'],
      user: { name, path: '/', tags: {}, policies: [], inlinePolicies: [], managedPolicies: [], at, accessKey: { rules, deliver: [{ kind: 'output', name: 'k', at }], at } },
      watch: { roles: [], users: [], policies: [] },
      adopt: false,
      acknowledge: [],
      tags: {},
      at,
    }) as unknown as ConnectionSpec;

  test('a re-run attempt with nothing left to do removes the lock its killed predecessor left, and writes nothing else', async () => {
    // Attempt 1 recorded its key and was killed before releasing the lock.
    await users('settled');
    const k = (await iam.send(new CreateAccessKeyCommand({ UserName: 'settled' }))).AccessKey!;
    const record = keyRecordTags({ current: { id: k.AccessKeyId!, at: k.CreateDate!.toISOString() } });
    await iam.send(new TagUserCommand({ UserName: 'settled', Tags: Object.entries(record).map(([Key, Value]) => ({ Key, Value })) }));
    const left = await setLock('settled', OTHER, Date.now() + 10 * MIN);
    const u = (await iam.send(new GetUserCommand({ UserName: 'settled' }))).User!;
    const tags = { ...record, [ROTATE_LOCK_TAG]: left };
    proxy.clear();
    const logs: string[] = [];
    const r = await rotateAccount({
      account: { name: 'prod', id: '123456789012' },
      inventory: {
        account: 'prod',
        accountId: '123456789012',
        readAt: new Date().toISOString(),
        users: [{ name: 'settled', arn: u.Arn!, id: u.UserId!, path: '/', created: u.CreateDate!.toISOString(), tags, attached: [], inline: [], groups: [], accessKeys: [{ id: k.AccessKeyId!, status: 'Active', created: k.CreateDate!.toISOString() }] }],
        roles: [],
        policies: [],
        buckets: [],
      },
      connections: [conn('settled')],
      clients: { iam, secretsManager: () => { throw new Error('no secrets here'); } },
      region: 'us-east-1',
      now: new Date(k.CreateDate!.getTime() + 3_600_000),
      runId: 'gh:acme/infra:4242:2:cafe01',
      mask: () => undefined,
      log: (l) => logs.push(l),
      lock: { settleMs: SETTLE },
    });
    expect(r.users[0]!.status).toBe('unchanged');
    expect(await lockTag('settled')).toBeUndefined();
    expect(logs.join('\n')).toMatch(/removed the lock of acme\/infra run 4242 attempt 1 \(until .+\): this is a later attempt of the same workflow run \(nothing else to do for settled\)/);
    const writes = proxy.calls.filter((c) => /^(Create|Delete|Update|Tag|Untag|Put)/.test(c.action)).map((c) => c.action);
    expect(writes).toEqual(['UntagUser']);
    // The same run with another, unrelated lock in place leaves it: only its own run's earlier attempt is cleared.
    const foreign = await setLock('settled', 'gh:acme/infra:5555:1:abcdef', Date.now() + 10 * MIN);
    runs.set('acme/infra#5555', answer('in_progress', null));
    expect(await clearStaleLock(iam, 'settled', { [ROTATE_LOCK_TAG]: foreign }, opts({ runId: 'gh:acme/infra:4242:2:cafe01' }))).toBeUndefined();
    expect(await lockTag('settled')).toBe(foreign);
  });
});
