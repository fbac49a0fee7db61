/**
 * All findings in one pass, end to end: a manifest with four independent mistakes in four
 * connections (a shape error, an unknown policy action, a trust without external ID, an
 * undeclared account) reports all four in one `node dist/index.js` validate run, each as an
 * annotation at its file:line:col, and says which checks the broken connection skipped.
 */
import { join } from 'node:path';
import { STACK_TRACE, annotations, runAction } from './run-action.js';

const DIR = join('__tests__', 'fixtures', 'four-mistakes');
const MANIFEST = join(DIR, 'connections.yaml');
const POLICY = join(DIR, 'policies', 'typo.json');

test('validate: four independent mistakes, four errors at their places, in one run', async () => {
  const run = await runAction({ inputs: { command: 'validate', manifest: MANIFEST } });
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.code).toBe(1);
  const found = annotations(run.stdout)
    .filter((a) => a.kind === 'error' && a.props.file !== undefined)
    .map((a) => `${a.props.file}:${a.props.line}:${a.props.col} ${a.props.title?.split(' ')[0]}`)
    .sort();
  expect(found).toEqual(
    [
      `${MANIFEST}:12:49 manifest/invalid-type`, // shaped: managedPolicies is a string
      `${MANIFEST}:22:7 trust/missing-external-id`, // vendor
      `${MANIFEST}:25:16 manifest/undeclared-account`, // lost: prodd
      `${POLICY}:6:18 policy/unknown-action`, // typo: s3:GetObjekt
    ].sort(),
  );
  // What was skipped, and why, on the broken connection's own line.
  const skipped = annotations(run.stdout).filter((a) => a.props.title?.startsWith('manifest/checks-skipped'));
  expect(skipped.map((a) => `${a.kind} ${a.props.line}:${a.props.col} ${a.message.split(' Fix:')[0]}`)).toEqual([
    'notice 10:3 policy, trust and vendor checks of connection "shaped" skipped: fix its shape errors first',
  ]);
  // The step's own failure line counts them all.
  expect(annotations(run.stdout).find((a) => a.kind === 'error' && a.props.file === undefined)?.message).toMatch(/4 errors/);
  expect(run.summary).toContain('s3:GetObjekt');
  expect(run.summary).toContain('prodd');
});

test('the command line reports the same four, then INVALID', async () => {
  const { spawnSync } = await import('node:child_process');
  const out = spawnSync(process.execPath, ['dist/index.js', 'validate', '-m', MANIFEST], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(out.status).toBe(1);
  for (const where of [`${MANIFEST}:12:49: error`, `${MANIFEST}:22:7: error`, `${MANIFEST}:25:16: error`, `${POLICY}:6:18: error`]) expect(out.stdout + out.stderr).toContain(where);
  expect(out.stdout + out.stderr).toMatch(/INVALID \(4 errors/);
});
