/**
 * Runs the bundled action exactly as the runner does: `node dist/index.js` with `INPUT_*`,
 * `GITHUB_*` and a fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY, and reads back what it wrote.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DIST = resolve('dist/index.js');

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  tempDir: string;
}

/** Parses the `name<<DELIM` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseGithubOutput(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const [, name, delim] = m;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] ?? '');
    out[name as string] = value.join('\n');
  }
  return out;
}

export async function runAction(opts: {
  inputs: Record<string, string>;
  env?: Record<string, string>;
  cwd?: string;
  /** The child process as soon as it exists (to kill it mid-run, as a crash would). */
  onSpawn?: (child: ChildProcess) => void;
}): Promise<ActionRun> {
  const tempDir = mkdtempSync(join(tmpdir(), 'iamc-e2e-'));
  const outputFile = join(tempDir, 'output');
  const summaryFile = join(tempDir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: tempDir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: tempDir,
    GITHUB_WORKSPACE: opts.cwd ?? process.cwd(),
    ...opts.env,
  };
  for (const [k, v] of Object.entries(opts.inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  const child = spawn(process.execPath, [DIST], { cwd: opts.cwd ?? process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  opts.onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // A killed process has no exit code: report the signal as 128 + n, as a shell does.
  const code = await new Promise<number>((res) => child.on('close', (c, signal) => res(c ?? (signal === 'SIGKILL' ? 137 : -1))));
  return {
    code,
    stdout,
    stderr,
    outputs: parseGithubOutput(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    tempDir,
  };
}

/** `node dist/index.js <args>` as a person runs it: only PATH and HOME from this process, plus `env`. */
export function runCli(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [DIST, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((res) => child.on('close', (code) => res({ code: code ?? -1, stdout, stderr })));
}

/** Workflow commands such as `::error file=a.yaml,line=3,col=5,title=x::message`. */
export function annotations(stdout: string): { kind: string; props: Record<string, string>; message: string }[] {
  const out = [];
  for (const m of stdout.matchAll(/^::(error|warning|notice)( [^:]*)?::(.*)$/gm)) {
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').trim().split(',')) {
      const i = kv.indexOf('=');
      if (i > 0) props[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1).replace(/%2C/g, ','));
    }
    out.push({ kind: m[1] as string, props, message: m[3] as string });
  }
  return out;
}

/** A stack trace in output means a crash reached the user. */
export const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|\(node:.+\))$/m;
