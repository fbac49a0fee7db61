/**
 * Unknown is not clean, end to end: `node dist/index.js plan` with one of two accounts unreadable
 * (its AssumeRole denied at the proxy) never says "no drift" anywhere, puts "1 of 2 accounts not
 * read" first in the job summary, the PR comment and the log, outputs `drift=unknown`, counts
 * only what was read, and fails the step unless `fail-on: never`.
 */
import { readFileSync } from 'node:fs';
import { accessDenied } from '../helpers/aws-proxy.js';
import { STACK_TRACE, annotations, type ActionRun } from './run-action.js';
import { startWorld, type World } from './world.js';

const PROD = '111122223333';
const REPO = 'acme/infra';
const PR = 7;
const HEAD = 'd4'.repeat(20);
const DENIED = 'Not authorized to perform sts:AssumeRole on the staging role';

// prod declares nothing, so once read it is clean; staging is reached via prod, and denied.
const manifest = readFileSync(new URL('../fixtures/not-read/connections.yaml', import.meta.url), 'utf8');

/** Every way a report could call the plan clean. */
const CLEAN_WORDS = /no drift|match(es)? the manifest|drift: no|drift=false/i;

let world: World;
let repo: string;
let store: { comments: { id: number; issue: number; body: string }[] };
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});
beforeEach(async () => {
  await world.reset();
  store = world.github.useIssueComments();
  world.github.useCompare([HEAD]);
  repo = world.repo({ 'connections.yaml': manifest });
  world.proxy.inject(accessDenied('AssumeRole', DENIED, { service: 'sts' }));
});

function plan(inputs: Record<string, string> = {}): Promise<ActionRun> {
  const event = { number: PR, pull_request: { number: PR, head: { sha: HEAD, repo: { full_name: REPO } }, base: { sha: HEAD, repo: { full_name: REPO } } }, repository: { full_name: REPO } };
  return world.run({
    inputs: { command: 'plan', manifest: 'connections.yaml', 'github-token': 'ghs_test', ...inputs },
    cwd: repo,
    env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: world.github.writeEvent(event) },
  });
}

/** Every text the run produced: log, job summary, report file, plan file, PR comment. */
function texts(run: ActionRun): Record<string, string> {
  return {
    log: run.stdout + run.stderr,
    summary: run.summary,
    report: readFileSync(run.outputs.report as string, 'utf8'),
    plan: readFileSync(run.outputs.plan as string, 'utf8'),
    comment: store.comments.map((c) => c.body).join('\n'),
  };
}

test('fail-on never: green, but drift is unknown and nothing says "no drift"', async () => {
  const run = await plan({ 'fail-on': 'never' });
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.code).toBe(0);
  expect(world.proxy.calls.filter((c) => c.action === 'AssumeRole' && c.injected)).toHaveLength(1);
  expect(run.outputs.drift).toBe('unknown');
  // Only what was read is counted: prod declares nothing, so nothing is to change there.
  expect(run.outputs.changes).toBe('0');

  const all = texts(run);
  for (const [where, text] of Object.entries(all)) expect({ where, clean: CLEAN_WORDS.exec(text)?.[0] }).toEqual({ where, clean: undefined });

  // The headline comes before anything else, with why per account.
  const firstLine = (md: string) => md.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('<!--'));
  expect(firstLine(run.summary)).toMatch(/^:x: \*\*1 of 2 accounts not read\*\*/);
  expect(firstLine(all.comment ?? '')).toMatch(/^:x: \*\*1 of 2 accounts not read\*\*/);
  expect(run.summary).toMatch(new RegExp(`- \\*\\*staging\\*\\*: .*${DENIED}`));
  expect(all.comment ?? '').toMatch(new RegExp(`- \\*\\*staging\\*\\*: .*${DENIED}`));
  expect(run.stdout).toMatch(/^1 OF 2 ACCOUNTS NOT READ: their drift is unknown\.$/m);
  expect(run.stdout.indexOf('1 OF 2 ACCOUNTS NOT READ')).toBeLessThan(run.stdout.indexOf(`prod (${PROD})`));
  const planJson = JSON.parse(all.plan ?? '') as { notRead?: { account: string; reason: string }[]; accounts: { account: string }[] };
  expect(planJson.notRead?.map((n) => n.account)).toEqual(['staging']);
  expect(planJson.accounts.map((a) => a.account)).toEqual(['prod']);
  // The step stays green, and says loudly that it would have failed.
  expect(annotations(run.stdout).filter((a) => a.kind === 'warning').map((a) => a.message).join('\n')).toMatch(/1 of 2 accounts not read .*fail-on is "never"/);
});

test('fail-on error (the default): an account not read fails the step', async () => {
  const run = await plan();
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.code).toBe(1);
  expect(run.outputs.drift).toBe('unknown');
  const errors = annotations(run.stdout).filter((a) => a.kind === 'error').map((a) => a.message);
  expect(errors.join('\n')).toContain(`account staging was not read: `);
  expect(errors.join('\n')).toMatch(/1 of 2 accounts not read \(staging\), so drift is unknown/);
  for (const [where, text] of Object.entries(texts(run))) expect({ where, clean: CLEAN_WORDS.exec(text)?.[0] }).toEqual({ where, clean: undefined });
});

test('fail-on drift: an account not read fails the step too, even with nothing to change where read', async () => {
  const run = await plan({ 'fail-on': 'drift' });
  expect(run.code).toBe(1);
  expect(run.outputs.drift).toBe('unknown');
});

test('the command line: the headline first, drift unknown, never "drift: no", in text and Markdown', async () => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  // The bundled demo snapshot without staging: staging cannot be read.
  const snapshot = JSON.parse(readFileSync('examples/snapshot.json', 'utf8')) as { accounts: Record<string, unknown> };
  delete snapshot.accounts.staging;
  const file = join(mkdtempSync(join(tmpdir(), 'iamc-snap-')), 'snapshot.json');
  writeFileSync(file, JSON.stringify(snapshot));
  for (const format of ['text', 'markdown']) {
    const out = spawnSync(process.execPath, ['dist/index.js', 'plan', '-m', 'examples/connections.yaml', '--state', file, '--as-of', '2026-11-20', '--format', format, '--fail-on', 'never'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', CLOUDYN_EXTERNAL_ID: 'Contoso-0123456789' },
    });
    expect(out.status).toBe(0);
    expect(out.stdout + out.stderr).not.toMatch(CLEAN_WORDS);
    const first = out.stdout.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#'));
    expect({ format, first }).toEqual({ format, first: expect.stringMatching(/1 of 2 accounts not read/i) });
    expect(out.stdout).toContain('has no entry for account "staging"');
  }
});
