/** Where the action writes its report and plan files: the runner's temp folder, else the OS one. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function outputDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = join(env.RUNNER_TEMP || tmpdir(), 'iam-connections');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function writeOutputFile(name: string, content: string, env: NodeJS.ProcessEnv = process.env): string {
  const path = join(outputDir(env), name);
  writeFileSync(path, content, { mode: 0o600 });
  return path;
}
