/**
 * The sticky pull-request comment, the job summary and the SARIF file of `plan`, end to end:
 * `node dist/index.js` on a `pull_request` event, against moto and the local GitHub server.
 */
import { CreateUserCommand } from '@aws-sdk/client-iam';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { annotations, STACK_TRACE } from './run-action.js';
import type { GitHubServer, GitHubUser } from '../helpers/github-server.js';
import { startWorld, type World } from './world.js';

const PROD = '111122223333';
const TOKEN = 'ghs_test';
const PR = 7;
const REPO = 'acme/infra';
/** One branch, oldest first: the compare API answers from this. */
const [SHA_A, SHA_B, SHA_C] = ['a1'.repeat(20), 'b2'.repeat(20), 'c3'.repeat(20)] as [string, string, string];
const MiB = 1024 * 1024;
const GITHUB_COMMENT_LIMIT = 65_536;

// ajv 6 is the validator that still speaks draft-04, the SARIF schema's dialect.
const require = createRequire(import.meta.url);
type Validate = ((data: unknown) => boolean) & { errors?: unknown };
interface AjvLike {
  addMetaSchema(schema: unknown): void;
  compile(schema: unknown): Validate;
}
const Ajv = require('ajv') as new (opts: Record<string, unknown>) => AjvLike;
const sarifSchema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')) as unknown;

const readerPolicy = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'Read', Effect: 'Allow', Action: ['iam:ListUsers', 'iam:GetUser'], Resource: '*' }],
};

const manifest = `version: 1
defaults: { path: /connections/ }
accounts:
  prod: { id: "${PROD}", role: "arn:aws:iam::${PROD}:role/iam-connections" }
connections:
  reader:
    accounts: [prod]
    user:
      name: reader-user
      policies: [{ file: policies/reader.json }]
  auditor:
    accounts: [prod]
    user: { name: auditor-user, managedPolicies: [SecurityAudit] }
`;

/** A policy long enough that a few hundred folded diffs pass GitHub's comment limit. */
const widePolicy = {
  Version: '2012-10-17',
  Statement: Array.from({ length: 6 }, (_, i) => ({
    Sid: `Read${i}`,
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:ListBucket', 'cloudwatch:GetMetricData', 'logs:FilterLogEvents'],
    Resource: [`arn:aws:s3:::vendor-bucket-${i}`, `arn:aws:s3:::vendor-bucket-${i}/*`],
  })),
};

const BIG = 300;
const bigName = (i: number): string => `vendor-${String(i).padStart(3, '0')}`;
function bigManifest(): string {
  const lines = ['version: 1', 'defaults: { path: /connections/ }', 'accounts:', `  prod: { id: "${PROD}", role: "arn:aws:iam::${PROD}:role/iam-connections" }`, 'connections:'];
  for (let i = 0; i < BIG; i++) {
    lines.push(`  ${bigName(i)}:`, '    accounts: [prod]', `    user: { name: ${bigName(i)}-user, policies: [{ file: policies/wide.json }] }`);
  }
  return `${lines.join('\n')}\n`;
}

function prEvent(head: string, headRepo = REPO): unknown {
  return {
    action: 'synchronize',
    number: PR,
    pull_request: { number: PR, head: { sha: head, ref: 'feature', repo: { full_name: headRepo } }, base: { sha: SHA_A, ref: 'main', repo: { full_name: REPO } } },
    repository: { full_name: REPO },
  };
}

let world: World;
let repo: string;
let store: ReturnType<GitHubServer['useIssueComments']>;
let compare: { requests: string[] };

beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});
beforeEach(async () => {
  await world.reset();
  // Handlers added later win, so each test starts from a fresh store and history.
  store = world.github.useIssueComments();
  compare = world.github.useCompare([SHA_A, SHA_B, SHA_C]);
  repo = world.repo({ 'connections.yaml': manifest, 'policies/reader.json': JSON.stringify(readerPolicy, null, 2) });
});

function planOnPr(head: string, opts: { cwd?: string; headRepo?: string; inputs?: Record<string, string> } = {}) {
  return world.run({
    inputs: { command: 'plan', manifest: 'connections.yaml', 'github-token': TOKEN, ...opts.inputs },
    cwd: opts.cwd ?? repo,
    env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: world.github.writeEvent(prEvent(head, opts.headRepo)) },
  });
}

const commentWrites = () => world.github.calls.filter((c) => c.method !== 'GET' && c.path.includes('/comments'));
const notices = (stdout: string) => annotations(stdout).filter((a) => a.kind === 'notice').map((a) => a.message);
/** The head commit recorded in a comment's hidden marker. */
function markerHead(body: string): string | undefined {
  const json = /<!-- iam-connections (\{[^\n]*?\}) -->/.exec(body)?.[1];
  return json === undefined ? undefined : (JSON.parse(json) as { head?: string }).head;
}

test('one sticky comment: created, updated for a newer head, untouched when unchanged or older', async () => {
  store.comments.push({ id: 1, issue: PR, body: 'LGTM, but run the plan first' });

  const first = await planOnPr(SHA_B);
  expect(first.stderr).not.toMatch(STACK_TRACE);
  expect(first.code).toBe(0);
  const ours = () => store.comments.filter((c) => c.body.includes('<!-- iam-connections '));
  expect(ours()).toHaveLength(1);
  expect(commentWrites().map((c) => c.method)).toEqual(['POST']);
  expect(commentWrites()[0]?.headers.authorization).toBe(`token ${TOKEN}`);
  const created = ours()[0]!;
  expect(markerHead(created.body)).toBe(SHA_B);
  expect(created.body).toContain('reader-user');
  expect(created.body).toContain('auditor-user');
  expect(created.body).toContain(`/${REPO}/actions/runs/`);
  expect(store.comments[0]?.body).toBe('LGTM, but run the plan first');

  // The next commit of the PR, after someone created the auditor's user out of band.
  const { iam } = await world.clients(PROD);
  await iam.send(new CreateUserCommand({ UserName: 'auditor-user', Path: '/connections/', Tags: [{ Key: 'iam-connections:connection', Value: 'auditor' }] }));
  world.github.clear();
  const second = await planOnPr(SHA_C);
  expect(second.code).toBe(0);
  expect(ours()).toHaveLength(1);
  expect(commentWrites().map((c) => `${c.method} ${c.path}`)).toEqual([`PATCH /repos/${REPO}/issues/comments/${created.id}`]);
  expect(markerHead(ours()[0]!.body)).toBe(SHA_C);
  expect(compare.requests).toEqual([`${SHA_C}...${SHA_B}`]);
  const updated = ours()[0]!.body;

  // The same head and the same accounts: only the timestamp would differ, so nothing is written.
  world.github.clear();
  const third = await planOnPr(SHA_C);
  expect(third.code).toBe(0);
  expect(commentWrites()).toEqual([]);
  expect(ours()[0]?.body).toBe(updated);

  // A re-run for an older commit has the later timestamp but must not win.
  world.github.clear();
  const older = await planOnPr(SHA_A);
  expect(older.code).toBe(0);
  expect(commentWrites()).toEqual([]);
  expect(ours()).toHaveLength(1);
  expect(ours()[0]?.body).toBe(updated);
  expect(notices(older.stdout).join('\n')).toMatch(new RegExp(`comment .*is for commit ${SHA_C.slice(0, 12)}, newer than this run's ${SHA_A.slice(0, 12)}`));

  for (const run of [first, second, third, older]) expect(run.stdout + run.stderr + run.summary).not.toContain(TOKEN);
});

test('a forged marker "from 2099" by another user is ignored: the plan posts its own comment and later updates only that', async () => {
  const forged = (JSON.parse(readFileSync(new URL('../fixtures/comments/forged-2099.json', import.meta.url), 'utf8')) as { comment: { id: number; body: string; user: GitHubUser } }).comment;
  const forgedBody = forged.body;
  store.comments.push({ id: forged.id, issue: PR, body: forged.body, user: forged.user });
  const first = await planOnPr(SHA_B);
  expect(first.code).toBe(0);
  expect(store.comments.map((c) => c.body === forgedBody)).toEqual([true, false]);
  expect(commentWrites().map((c) => c.method)).toEqual(['POST']);
  expect(notices(first.stdout).join('\n')).toMatch(/Ignored 1 comment\(s\) carrying the iam-connections marker for connections\.yaml that github-actions\[bot\] did not write/);
  expect(first.stdout).toContain('Plan comments are those written by github-actions[bot] (GITHUB_TOKEN default).');

  world.github.clear();
  expect((await planOnPr(SHA_C)).code).toBe(0);
  expect(commentWrites().map((c) => `${c.method} ${c.path}`)).toEqual([`PATCH /repos/${REPO}/issues/comments/${store.comments[1]!.id}`]);
  expect(store.comments[0]?.body).toBe(forgedBody);
});

test('the comment is found on a later page of a long thread and updated, not duplicated', async () => {
  for (let i = 1; i <= 130; i++) store.comments.push({ id: i, issue: PR, body: `review comment ${i}` });
  expect((await planOnPr(SHA_B)).code).toBe(0);
  world.github.clear();
  expect((await planOnPr(SHA_C)).code).toBe(0);
  expect(store.comments.filter((c) => c.body.includes('<!-- iam-connections '))).toHaveLength(1);
  expect(commentWrites().map((c) => c.method)).toEqual(['PATCH']);
  expect(world.github.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/comments')).map((c) => c.query.page)).toEqual(['1', '2']);
});

test('a plan too big for one comment keeps the whole summary table and points to the job summary', async () => {
  const big = world.repo({ 'connections.yaml': bigManifest(), 'policies/wide.json': JSON.stringify(widePolicy, null, 2) });
  const run = await planOnPr(SHA_B, { cwd: big });
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.code).toBe(0);
  const plan = JSON.parse(readFileSync(run.outputs.plan as string, 'utf8')) as { accounts: { changes: { connection?: string; kind: string }[] }[] };
  const changes = plan.accounts.flatMap((a) => a.changes);
  expect(new Set(changes.filter((c) => c.kind === 'missing').map((c) => c.connection)).size).toBe(BIG);

  expect(store.comments).toHaveLength(1);
  const body = store.comments[0]!.body;
  expect(body.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
  expect(body).toContain('| account | connection | creates | updates | deletes | rotations | report-only | security |');
  const tableRows = body.split('\n').filter((l) => /^\| prod \| vendor-\d{3} \|/.test(l));
  expect(tableRows).toHaveLength(BIG);
  for (let i = 0; i < BIG; i++) expect(body).toContain(`| prod | ${bigName(i)} |`);
  const more = /…and (\d+) more sections?: see \[the job summary\]\(([^)]+)\) for the full report\./.exec(body);
  expect(more).not.toBeNull();
  expect(Number(more![1])).toBeGreaterThan(0);
  expect(more![2]).toBe(`${world.github.url}/${REPO}/actions/runs/4242`);
  // Sections are dropped whole: no <details> or code fence is left open.
  expect(body.split('<details>').length).toBe(body.split('</details>').length);
  expect((body.match(/^```/gm) ?? []).length % 2).toBe(0);

  // The job summary has everything, under GitHub's 1 MiB per step.
  expect(run.summary.length).toBeGreaterThan(body.length);
  expect(Buffer.byteLength(run.summary, 'utf8')).toBeLessThan(MiB);
  for (let i = 0; i < BIG; i++) expect(run.summary).toContain(`| prod | ${bigName(i)} |`);
});

test('a 403 on posting the comment is a notice; the step keeps its exit status', async () => {
  world.github.on('POST', '/repos/:owner/:repo/issues/:n/comments', () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }));
  const run = await planOnPr(SHA_B);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.code).toBe(0);
  expect(world.github.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comments')).map((c) => c.status)).toEqual([403]);
  expect(store.comments).toEqual([]);
  const notice = notices(run.stdout).join('\n');
  expect(notice).toContain('403');
  expect(notice).toContain('Resource not accessible by integration');
  expect(notice).toContain('pull-requests: write');
  expect(annotations(run.stdout).filter((a) => a.kind === 'error')).toEqual([]);
  expect(run.stdout + run.stderr).not.toContain(TOKEN);
  // The report still reaches the job summary.
  expect(run.summary).toContain('reader-user');
});

test('a fork pull request posts nothing and says why; the plan itself still runs', async () => {
  const run = await planOnPr(SHA_B, { headRepo: 'outsider/infra' });
  expect(run.code).toBe(0);
  expect(run.outputs.drift).toBe('true');
  expect(world.github.calls.filter((c) => c.path.includes('/issues/'))).toEqual([]);
  expect(store.comments).toEqual([]);
  expect(notices(run.stdout).join('\n')).toMatch(/fork/);
  expect(run.summary).toContain('reader-user');
});

test('the SARIF output validates against SARIF 2.1.0 and puts drift on the manifest lines', async () => {
  const run = await planOnPr(SHA_B);
  expect(run.code).toBe(0);
  const sarif = JSON.parse(readFileSync(run.outputs.sarif as string, 'utf8')) as {
    runs: { results: { ruleId: string; properties?: { connection?: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
  };
  const ajv = new Ajv({ schemaId: 'id', meta: false, allErrors: true, unknownFormats: 'ignore' });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
  const validate = ajv.compile(sarifSchema);
  expect(validate(sarif) ? [] : validate.errors).toEqual([]);

  const lines = manifest.trimEnd().split('\n');
  const blockOf = (conn: string): [number, number] => {
    const start = lines.indexOf(`  ${conn}:`) + 1;
    const next = lines.findIndex((l, i) => i >= start && /^ {2}\S/.test(l));
    return [start, next < 0 ? lines.length : next];
  };
  const drift = sarif.runs[0]!.results.filter((r) => r.ruleId.startsWith('drift/'));
  for (const conn of ['reader', 'auditor']) {
    const mine = drift.filter((r) => r.properties?.connection === conn);
    expect(mine.map((r) => r.ruleId)).toContain('drift/missing');
    const [from, to] = blockOf(conn);
    for (const r of mine) {
      const loc = r.locations[0]!.physicalLocation;
      expect(loc.artifactLocation.uri).toBe('connections.yaml');
      // 1-based lines inside the connection's own block of the manifest.
      expect(loc.region.startLine).toBeGreaterThanOrEqual(from);
      expect(loc.region.startLine).toBeLessThanOrEqual(to);
    }
  }
});
