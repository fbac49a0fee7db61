/**
 * Which front door `node dist/index.js` opens, and where the action writes: the action only on
 * a runner (GITHUB_ACTIONS=true), the usage elsewhere; a GITHUB_OUTPUT or GITHUB_STEP_SUMMARY
 * that names a missing file is one clear error after the validation result (never "internal
 * error", never the deprecated ::set-output); report files in a fresh private folder off a runner.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DIST, STACK_TRACE, annotations, runAction } from './run-action.js';

function node(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [DIST, ...args], { env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((res) => child.on('close', (code) => res({ code: code ?? -1, stdout, stderr })));
}

test('no arguments off a runner: the usage on stderr, exit 2; nothing runs as the action', async () => {
  const r = await node([], { INPUT_COMMAND: 'validate', INPUT_MANIFEST: 'examples/connections.yaml' });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/no command given[\s\S]*Usage: iam-connections <command> \[options\]/);
  expect(r.stderr).not.toMatch(/::set-output|manifest\/not-found/);
});

test.each(['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY'])('%s naming a missing file: the validation result, then one error naming it', async (variable) => {
  const dir = mkdtempSync(join(tmpdir(), 'iamc-missing-'));
  const missing = join(dir, 'not-created-by-anyone');
  const run = await runAction({ inputs: { command: 'plan', manifest: 'examples/connections.yaml' }, env: { [variable]: missing, CLOUDYN_EXTERNAL_ID: 'Contoso-0123456789' } });
  expect(run.code).toBe(1);
  expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stdout).not.toMatch(/internal error|::set-output/);
  const valid = run.stdout.indexOf('examples/connections.yaml is valid');
  const errors = annotations(run.stdout).filter((a) => a.kind === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]?.message).toContain(`${variable} names ${missing}, which does not exist`);
  expect(errors[0]?.message).toMatch(/"plan" did not run \(nothing was read from or written to AWS\)/);
  expect(valid).toBeGreaterThan(-1);
  expect(valid).toBeLessThan(run.stdout.indexOf(`${variable} names`));
  // It did not create the file either: the runner's files are the runner's.
  expect(existsSync(missing)).toBe(false);
  rmSync(dir, { recursive: true, force: true });
});

test('off a runner (no RUNNER_TEMP) the report goes to a fresh private folder, a new one per run', async () => {
  const first = await runAction({ inputs: { command: 'validate', manifest: 'examples/connections.yaml' }, env: { RUNNER_TEMP: '' } });
  const second = await runAction({ inputs: { command: 'validate', manifest: 'examples/connections.yaml' }, env: { RUNNER_TEMP: '' } });
  expect([first.code, second.code]).toEqual([0, 0]);
  const reports = [first.outputs.report as string, second.outputs.report as string];
  for (const report of reports) {
    expect(report.startsWith(join(tmpdir(), 'iam-connections-'))).toBe(true);
    expect(statSync(dirname(report)).mode & 0o777).toBe(0o700);
    expect(statSync(report).mode & 0o777).toBe(0o600);
    expect(readFileSync(report, 'utf8')).toContain('iam-connections validate');
  }
  expect(dirname(reports[0] as string)).not.toBe(dirname(reports[1] as string));
  for (const report of reports) rmSync(dirname(report), { recursive: true, force: true });
});
