/**
 * The files the action writes: its report and plan files, and the runner's own command files.
 *
 * Report and plan files go under RUNNER_TEMP (the runner empties it after each job) or, off a
 * runner, a fresh private folder (mkdtemp: mode 0700, a new name per run), never a fixed shared
 * path such as /tmp/iam-connections that another user could create first or read.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let privateDir: string | undefined;

export function outputDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RUNNER_TEMP) {
    const dir = join(env.RUNNER_TEMP, 'iam-connections');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  }
  // One folder per process, so the report and the plan of a run sit side by side.
  privateDir ??= mkdtempSync(join(tmpdir(), 'iam-connections-'));
  return privateDir;
}

export function writeOutputFile(name: string, content: string, env: NodeJS.ProcessEnv = process.env): string {
  const path = join(outputDir(env), name);
  writeFileSync(path, content, { mode: 0o600 });
  return path;
}

/** The runner's command files, by the variable that names them. */
export const RUNNER_FILES = ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY'] as const;

/**
 * Variables that name a file that does not exist. The runner creates both files before every
 * step; one that is missing means the environment is not the runner's (or is broken), and the
 * outputs (role ARNs, a key for an `output` sink) would be lost. We do not create it: the run
 * stops before reading or writing AWS, after printing the validation result.
 */
export function missingRunnerFiles(env: NodeJS.ProcessEnv): { variable: string; path: string }[] {
  return RUNNER_FILES.flatMap((variable) => {
    const path = env[variable];
    return path && !existsSync(path) ? [{ variable, path }] : [];
  });
}
