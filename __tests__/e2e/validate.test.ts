/**
 * `validate` end to end through the bundled action, as the runner runs it: the example passes,
 * and every manifest of the bad corpus fails with an annotation on the right file, line and
 * column, a message that says how to fix it, and no stack trace.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CheckId, checkInfo } from '../../src/policy/catalogue.js';
import { STACK_TRACE, annotations, runAction } from './run-action.js';

type Expectation = { check: string; line: number; column: number };

async function inBatches<T, R>(items: T[], size: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

test('the example manifest is valid', async () => {
  const run = await runAction({
    inputs: { command: 'validate', manifest: 'examples/connections.yaml' },
    env: { CLOUDYN_EXTERNAL_ID: 'Contoso-0123456789' },
  });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(annotations(run.stdout).filter((a) => a.kind === 'error')).toEqual([]);
  expect(run.stdout).toContain('examples/connections.yaml is valid');
  expect(run.summary).toContain('iam-connections validate');
  expect(readFileSync(run.outputs.report as string, 'utf8')).toContain('iam-connections validate');
  expect(run.stdout).not.toContain('Contoso-0123456789');
});

test('a missing external ID variable is a warning in validate, not a failure', async () => {
  const run = await runAction({ inputs: { command: 'validate', manifest: 'examples/connections.yaml' } });
  expect(run.code).toBe(0);
  const warning = annotations(run.stdout).find((a) => a.message.includes('CLOUDYN_EXTERNAL_ID'));
  expect(warning).toMatchObject({ kind: 'warning', props: { file: 'examples/connections.yaml' } });
});

const corpus = join('__tests__', 'fixtures', 'bad');
const expectations = JSON.parse(readFileSync(join(corpus, 'expectations.json'), 'utf8')) as Record<string, Expectation>;

test('the bad-manifest corpus has at least 40 cases', () => {
  expect(Object.keys(expectations).length).toBeGreaterThanOrEqual(40);
});

test('every bad manifest fails with the right file:line:col, a fix and no stack trace', async () => {
  const results = await inBatches(Object.entries(expectations), 8, async ([file, want]) => {
    const run = await runAction({ inputs: { command: 'validate', manifest: join(corpus, file) } });
    const errors = annotations(run.stdout).filter((a) => a.kind === 'error' || a.kind === 'warning');
    const hit = errors.find(
      (a) => a.props.title?.startsWith(want.check) && Number(a.props.line) === want.line && Number(a.props.col) === want.column,
    );
    return {
      file,
      code: run.code,
      hit: Boolean(hit),
      fixed: Boolean(hit && / Fix: \S/.test(hit.message)),
      crashed: STACK_TRACE.test(run.stdout) || STACK_TRACE.test(run.stderr),
      got: errors.map((a) => `${a.props.title}@${a.props.line}:${a.props.col}`),
    };
  });
  const wrong = results.filter((r) => r.code !== 1 || !r.hit || !r.fixed || r.crashed);
  expect(wrong).toEqual([]);
});

const policyCorpus = join('__tests__', 'fixtures', 'policy', 'bad');
const policyExpectations = JSON.parse(readFileSync(join(policyCorpus, 'expectations.json'), 'utf8')) as Record<string, Expectation>;

test('every bad policy file is annotated on its own line, and fails validation when the check blocks', async () => {
  const results = await inBatches(Object.entries(policyExpectations), 8, async ([file, want]) => {
    const repo = mkdtempSync(join(tmpdir(), 'iamc-policy-'));
    mkdirSync(join(repo, 'policies'));
    copyFileSync(join(policyCorpus, file), join(repo, 'policies', file));
    writeFileSync(
      join(repo, 'connections.yaml'),
      [
        'version: 1',
        'accounts:',
        '  prod: { id: "111122223333" }',
        'connections:',
        '  vendor:',
        '    accounts: [prod]',
        '    user:',
        '      name: vendor-user',
        `      policies: [{ file: policies/${file} }]`,
        '',
      ].join('\n'),
    );
    const run = await runAction({ inputs: { command: 'validate' }, cwd: repo });
    const hit = annotations(run.stdout).find(
      (a) =>
        a.props.title?.startsWith(want.check) &&
        a.props.file === `policies/${file}` &&
        Number(a.props.line) === want.line &&
        Number(a.props.col) === want.column,
    );
    const info = checkInfo(want.check as CheckId);
    const blocks = info?.severity === 'error' || info?.acknowledgeable === true;
    return { file, code: run.code, expected: blocks ? 1 : 0, hit: Boolean(hit), crashed: STACK_TRACE.test(run.stdout + run.stderr), got: annotations(run.stdout).map((a) => `${a.props.title}@${a.props.file}:${a.props.line}:${a.props.col}`) };
  });
  expect(results.filter((r) => r.code !== r.expected || !r.hit || r.crashed)).toEqual([]);
  expect(results.filter((r) => r.expected === 1).length).toBeGreaterThanOrEqual(12);
});

test('a misspelt AWS managed policy, or one at the wrong path, fails validate at its entry with the real name', async () => {
  const cases = [
    { file: 'typo.yaml', line: 9, column: 25, fix: 'Did you mean ReadOnlyAccess?' },
    { file: 'wrong-path.yaml', line: 11, column: 11, fix: 'Did you mean arn:aws:iam::aws:policy/job-function/ViewOnlyAccess?' },
  ];
  for (const c of cases) {
    const run = await runAction({ inputs: { command: 'validate', manifest: join('__tests__', 'fixtures', 'managed', c.file) } });
    expect(run.code).toBe(1);
    const hit = annotations(run.stdout).find((a) => a.props.title?.startsWith('policy/unknown-managed-policy'));
    expect(hit).toMatchObject({ kind: 'error', props: { line: String(c.line), col: String(c.column) } });
    expect(hit?.message).toContain(c.fix);
    expect(STACK_TRACE.test(run.stdout + run.stderr)).toBe(false);
  }
});
