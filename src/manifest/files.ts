/**
 * `file:` references from the manifest: resolved against the manifest's folder and confined to
 * the repository root, because a pull request controls both the manifest and the paths in it
 * (`../../etc/passwd`, an absolute path, or a committed symlink must not be read and echoed).
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import type { Finding, SourceLocation } from '../diagnostics.js';
import { didYouMean } from '../text/suggest.js';
import { offsetToLineColumn, scanJson } from './json-text.js';

export const MAX_POLICY_FILE_BYTES = 256 * 1024;

/** The file system operations used here; tests and the CLI may substitute them. */
export interface FileAccess {
  readFile(abs: string): Uint8Array;
  realpath(abs: string): string;
  stat(abs: string): { size: number; isFile(): boolean };
  list(dir: string): string[];
}

export const nodeFileAccess: FileAccess = {
  readFile: (p) => nodeFs.readFileSync(p),
  realpath: (p) => nodeFs.realpathSync(p),
  stat: (p) => nodeFs.statSync(p),
  list: (p) => nodeFs.readdirSync(p),
};

export interface FileContext {
  /** Repository root (GITHUB_WORKSPACE or the working directory): files may not leave it. */
  root: string;
  /** Folder of the manifest: references are relative to it. */
  manifestDir: string;
  /** Where the reference is written in the manifest. */
  at: SourceLocation;
  connection?: string;
  fs?: FileAccess;
}

export interface RepoFile {
  /** Path relative to the repository root, for messages and annotations. */
  file: string;
  /** Absolute real path. */
  abs: string;
  /** Contents, UTF-8, without a byte-order mark. */
  text: string;
}

export interface JsonFile extends RepoFile {
  document: unknown;
}

const isErrno = (e: unknown, code: string): boolean => (e as { code?: unknown } | null)?.code === code;

function within(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Reads a file named in the manifest, refusing anything outside the repository root. */
export function readRepoFile(ref: string, ctx: FileContext): { file?: RepoFile; findings: Finding[] } {
  const fs = ctx.fs ?? nodeFileAccess;
  const extra = ctx.connection === undefined ? {} : { connection: ctx.connection };
  const fail = (check: string, message: string, fix: string, location = ctx.at) => ({
    findings: [{ check, severity: 'error' as const, message, fix, location, ...extra }],
  });

  if (path.isAbsolute(ref) || path.win32.isAbsolute(ref)) {
    return fail('policy-file/absolute-path', `file "${ref}" is an absolute path`, 'write the path relative to the manifest\'s folder, inside the repository (e.g. policies/vendor.json)');
  }
  const root = path.resolve(ctx.root);
  const resolved = path.resolve(ctx.manifestDir, ref);
  if (!within(root, resolved)) {
    return fail('policy-file/outside-root', `file "${ref}" resolves outside the repository root`, 'keep policy files inside the repository; remove the ".." segments');
  }
  const display = path.relative(root, resolved).split(path.sep).join('/');
  let real: string;
  let realRoot: string;
  try {
    realRoot = fs.realpath(root);
    real = fs.realpath(resolved);
  } catch (e) {
    if (isErrno(e, 'ENOENT') || isErrno(e, 'ENOTDIR')) {
      let hint: string | undefined;
      try {
        const name = didYouMean(path.basename(resolved), fs.list(path.dirname(resolved)));
        if (name !== undefined) hint = `did you mean "${path.posix.join(path.posix.dirname(ref), name)}"?`;
      } catch {
        // The folder is missing too: no suggestion.
      }
      return fail('policy-file/not-found', `file "${ref}" does not exist (looked for ${display})`, hint ?? 'check the path: it is relative to the folder of the manifest');
    }
    return fail('policy-file/unreadable', `file "${ref}" cannot be read (${(e as { code?: string }).code ?? 'error'})`, 'check the path and the file\'s permissions');
  }
  if (!within(realRoot, real)) {
    return fail('policy-file/symlink-outside-root', `file "${ref}" is a symbolic link (or inside one) that leads outside the repository root`, 'replace the link with the policy file itself, committed inside the repository');
  }
  const st = fs.stat(real);
  if (!st.isFile()) return fail('policy-file/not-a-file', `"${ref}" is not a regular file`, 'point `file:` at a JSON policy document');
  if (st.size > MAX_POLICY_FILE_BYTES) {
    return fail('policy-file/too-large', `file "${ref}" is ${st.size} bytes, over the ${MAX_POLICY_FILE_BYTES / 1024} KiB limit`, 'IAM policies are at most 10,240 characters: point at the policy document itself');
  }
  const bytes = fs.readFile(real);
  const findings: Finding[] = [];
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('policy-file/encoding', `file "${ref}" is UTF-16 encoded`, 'save it as UTF-8', { file: display, line: 1, column: 1 });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('policy-file/encoding', `file "${ref}" is not valid UTF-8`, 'save it as UTF-8', { file: display, line: 1, column: 1 });
  }
  // TextDecoder strips a leading BOM by default (ignoreBOM: false): detect it from the bytes.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    findings.push({
      check: 'policy-file/bom',
      severity: 'notice',
      message: `file "${ref}" starts with a UTF-8 byte-order mark; it was ignored`,
      fix: 'save the file as UTF-8 without BOM to silence this notice',
      location: { file: display, line: 1, column: 1 },
      ...extra,
    });
  }
  return { file: { file: display, abs: real, text }, findings };
}

/** Parses a policy (or trust policy) document: strict JSON, an object at the top. */
export function parsePolicyJson(text: string, file: string, connection?: string): { document?: unknown; findings: Finding[] } {
  const extra = connection === undefined ? {} : { connection };
  const problem = scanJson(text);
  if (problem) {
    const pos = offsetToLineColumn(text, problem.offset);
    const check = problem.kind === 'syntax' ? 'policy-file/json-syntax' : `policy-file/${problem.kind}`;
    const fix =
      problem.kind === 'duplicate-key'
        ? 'remove one of the two keys: JSON keeps only the last, so the first one is silently ignored'
        : problem.kind === 'too-deep'
          ? 'a policy document is never this deeply nested: check the file'
          : 'fix the JSON at this position: policy files are strict JSON (double quotes, no comments, no trailing commas)';
    return { findings: [{ check, severity: 'error', message: `${file} is not valid JSON: ${problem.message}`, fix, location: { file, ...pos }, ...extra }] };
  }
  const document: unknown = JSON.parse(text);
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return {
      findings: [
        {
          check: 'policy-file/not-an-object',
          severity: 'error',
          message: `${file} must contain a JSON object (a policy document with "Version" and "Statement")`,
          fix: 'wrap the statements in { "Version": "2012-10-17", "Statement": [ ... ] }',
          location: { file, line: 1, column: 1 },
          ...extra,
        },
      ],
    };
  }
  return { document, findings: [] };
}

/** readRepoFile + parsePolicyJson. */
export function readPolicyFile(ref: string, ctx: FileContext): { policy?: JsonFile; findings: Finding[] } {
  const read = readRepoFile(ref, ctx);
  if (!read.file) return { findings: read.findings };
  const parsed = parsePolicyJson(read.file.text, read.file.file, ctx.connection);
  const findings = [...read.findings, ...parsed.findings];
  if (parsed.document === undefined) return { findings };
  return { policy: { ...read.file, document: parsed.document }, findings };
}
