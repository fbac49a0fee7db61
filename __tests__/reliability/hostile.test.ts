/**
 * Hostile input through the bundled action, as the runner runs it: every case fails `validate`,
 * `plan` and `apply` with an error at the right file:line:col, no stack trace, and no AWS call
 * (the recording proxy in front of moto sees nothing) and no OIDC token request.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STACK_TRACE, annotations, type ActionRun } from '../e2e/run-action.js';
import { startWorld, type World } from '../e2e/world.js';

type Expectation = { check: string; line: number; column: number; file?: string };

/** The cases of the bad corpus that are attacks rather than mistakes. */
const FROM_BAD = [
  'alias-bomb.yaml',
  'deep-nesting.yaml',
  'proto-key.yaml',
  'constructor-key.yaml',
  'duplicate-connection.yaml',
  'file-absolute.yaml',
  'file-escape-dotdot.yaml',
  'file-symlink-escape.yaml',
  'policy-not-json.yaml',
  'policy-duplicate-key.yaml',
  'policy-trailing-comma.yaml',
  'multiple-documents.yaml',
  'user-name-lookalike.yaml',
  'user-name-bad-chars.yaml',
  'external-id-space.yaml',
  'external-id-env-bad.yaml',
];

const badExpect = JSON.parse(readFileSync('__tests__/fixtures/bad/expectations.json', 'utf8')) as Record<string, Expectation>;
const hostileExpect = JSON.parse(readFileSync('__tests__/fixtures/hostile/expectations.json', 'utf8')) as Record<string, Expectation>;

const CASES: [string, Expectation][] = [
  ...FROM_BAD.map((f): [string, Expectation] => [`bad/${f}`, badExpect[f] as Expectation]),
  ...Object.entries(hostileExpect).map(([f, e]): [string, Expectation] => [`hostile/${f}`, e]),
  ['hostile/oversize.yaml', { check: 'manifest/too-large', line: 1, column: 1 }],
];

let world: World;
let repo: string;
beforeAll(async () => {
  world = await startWorld();
  repo = mkdtempSync(join(tmpdir(), 'iamc-hostile-'));
  // verbatimSymlinks keeps escape-link.json pointing at /etc/passwd.
  cpSync('__tests__/fixtures/bad', join(repo, 'bad'), { recursive: true, verbatimSymlinks: true });
  cpSync('__tests__/fixtures/hostile', join(repo, 'hostile'), { recursive: true, verbatimSymlinks: true });
  writeFileSync(
    join(repo, 'hostile/oversize.yaml'),
    `version: 1\n# ${'padding '.repeat(140_000)}\naccounts:\n  prod: { id: "111122223333", role: "arn:aws:iam::111122223333:role/iam-connections" }\nconnections: {}\n`,
  );
});
afterAll(async () => {
  await world?.stop();
});

async function inBatches<T, R>(items: T[], size: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

function run(command: string, manifest: string): Promise<ActionRun> {
  return world.run({
    inputs: { command, manifest, 'github-token': 'ghp_hostile_test_token' },
    cwd: repo,
    env: { GITHUB_EVENT_NAME: command === 'plan' ? 'pull_request' : 'push' },
  });
}

function verdict(r: ActionRun, manifest: string, want: Expectation) {
  const file = want.file !== undefined ? join(manifest, '..', want.file) : manifest;
  const hit = annotations(r.stdout).find(
    (a) => a.kind === 'error' && a.props.title?.startsWith(want.check) && a.props.file === file && Number(a.props.line) === want.line && Number(a.props.col) === want.column,
  );
  return { code: r.code, located: hit !== undefined, fix: hit !== undefined && /Fix: \S/.test(hit.message), crashed: STACK_TRACE.test(r.stdout + r.stderr) };
}

test.each(['validate', 'plan', 'apply'])('%s: every hostile input fails at its file:line:col, with a fix, before any AWS or token call', async (command) => {
  world.proxy.clear();
  world.github.clear();
  const results = await inBatches(CASES, 8, async ([manifest, want]) => ({ manifest, ...verdict(await run(command, manifest), manifest, want) }));
  expect(results.filter((r) => r.code !== 1 || !r.located || !r.fix || r.crashed)).toEqual([]);
  expect(results.length).toBe(FROM_BAD.length + Object.keys(hostileExpect).length + 1);
  expect(world.proxy.calls.map((c) => `${c.service}:${c.action}`)).toEqual([]);
  expect(world.github.tokenRequests).toEqual([]);
  // The figures for the closing note.
  console.log(`hostile inputs (${command}): ${results.length} manifests, ${results.filter((r) => r.code === 1).length} refused, ${world.proxy.calls.length} AWS calls`);
});

test('a missing external ID variable: a warning in validate, an error naming the variable in plan and apply, no AWS call', async () => {
  world.proxy.clear();
  world.github.clear();
  const manifest = 'hostile/external-id-env-missing.yaml';
  const v = await run('validate', manifest);
  expect(v.code).toBe(0);
  expect(annotations(v.stdout).find((a) => a.kind === 'warning' && a.message.includes('HOSTILE_UNSET_EXTERNAL_ID'))).toMatchObject({ props: { file: manifest, line: '9', col: '7' } });
  for (const command of ['plan', 'apply']) {
    const r = await run(command, manifest);
    expect({ command, code: r.code, crashed: STACK_TRACE.test(r.stdout + r.stderr) }).toEqual({ command, code: 1, crashed: false });
    expect(annotations(r.stdout).find((a) => a.kind === 'error' && a.message.includes('HOSTILE_UNSET_EXTERNAL_ID'))).toMatchObject({ props: { file: manifest, line: '9', col: '7' } });
  }
  expect(world.proxy.calls).toEqual([]);
  expect(world.github.tokenRequests).toEqual([]);
});

test('a policy file with a BOM is read with a notice at file:1:1; CRLF line ends are plain JSON whitespace', async () => {
  const bom = await run('validate', 'hostile/policy-bom.yaml');
  expect(bom.code).toBe(0);
  expect(annotations(bom.stdout).find((a) => a.props.title?.startsWith('policy-file/bom'))).toMatchObject({ kind: 'notice', props: { file: 'hostile/policies/bom.json', line: '1', col: '1' } });
  const crlf = await run('validate', 'hostile/policy-crlf.yaml');
  expect({ code: crlf.code, errors: annotations(crlf.stdout).filter((a) => a.kind === 'error') }).toEqual({ code: 0, errors: [] });
});
