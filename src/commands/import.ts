/**
 * `import`: turn chosen doors into manifest entries. Reads as discover does, writes only local
 * files (the manifest, policy files under policies/): never AWS. The edited manifest is validated
 * before anything is written; an invalid result is not written at all.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Door } from '../discover/doors.js';
import type { Finding } from '../diagnostics.js';
import { importDoor, type ImportEntry } from '../import/entries.js';
import { addConnections } from '../import/manifest-yaml.js';
import { runDiscover } from './discover.js';
import type { PlanCommandOptions } from './plan.js';
import { validate } from './validate.js';

export interface ImportOptions extends PlanCommandOptions {
  /** `role/NAME` or `user/NAME`; empty with `allUndeclared`. */
  principals: string[];
  allUndeclared: boolean;
}

export interface ImportResult {
  errors: string[];
  findings: Finding[];
  imported: ImportEntry[];
  skipped: { door: string; reason: string }[];
  /** Files written, relative to the manifest's folder (the manifest itself included). */
  written: string[];
}

function chosen(d: Door, opts: ImportOptions): boolean {
  if (opts.allUndeclared) return d.rank !== 'managed' && (d.type === 'role' || d.type === 'user');
  return opts.principals.includes(`${d.type}/${d.name}`);
}

export async function runImport(file: string, opts: ImportOptions): Promise<ImportResult> {
  const out: ImportResult = { errors: [], findings: [], imported: [], skipped: [], written: [] };
  if (!opts.allUndeclared && opts.principals.length === 0) {
    out.errors.push('say which doors to import: --principal role/NAME (or user/NAME), or --all-undeclared');
    return out;
  }
  const bad = opts.principals.filter((p) => !/^(role|user)\/[\w+=,.@-]+$/.test(p));
  if (bad.length > 0) {
    out.errors.push(`--principal takes role/NAME or user/NAME, not ${bad.map((b) => `"${b}"`).join(', ')}`);
    return out;
  }
  const found = await runDiscover(file, opts);
  out.findings = found.findings;
  out.errors.push(...found.errors, ...found.failures.map((f) => `account ${f.account} was not read: ${f.message}`));
  if (!found.discovery || out.errors.length > 0) return out;
  const doors = found.discovery.accounts.flatMap((a) => a.doors).filter((d) => chosen(d, opts));
  for (const p of opts.principals) {
    if (!doors.some((d) => `${d.type}/${d.name}` === p)) out.errors.push(`${p} is not a third-party door in the accounts read (${found.selected.join(', ')}): see iam-connections discover`);
  }
  if (out.errors.length > 0) return out;

  const taken = new Set(found.manifest?.connections.map((c) => c.name) ?? []);
  for (const d of doors) {
    const inv = found.inventories.find((i) => i.account === d.account);
    const r = inv ? importDoor(inv, d, taken, opts.now.toISOString()) : { ok: false as const, door: d, reason: 'not read' };
    if (r.ok) out.imported.push(r.entry);
    else out.skipped.push({ door: `${d.account}/${d.type}/${d.name}`, reason: r.reason });
  }
  if (out.imported.length === 0) return out;

  const path = resolve(opts.root, file);
  const folder = dirname(path);
  const files = Object.assign({}, ...out.imported.map((e) => e.files)) as Record<string, string>;
  const clash = Object.keys(files).filter((f) => existsSync(join(folder, f)));
  if (clash.length > 0) {
    out.errors.push(`not overwriting existing file(s) ${clash.join(', ')}: move them away and rerun`);
    return out;
  }
  const before = readFileSync(path, 'utf8');
  const after = addConnections(before, out.imported);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, f)), { recursive: true });
    writeFileSync(join(folder, f), text);
    out.written.push(f);
  }
  writeFileSync(path, after);
  const check = validate(file, { root: opts.root, env: opts.env });
  if (!check.ok) {
    // Put the manifest back: an import never leaves a manifest that does not validate.
    writeFileSync(path, before);
    out.findings = check.findings;
    out.errors.push('the imported entries do not validate (see the findings); the manifest was left unchanged, the policy files written are listed');
    return out;
  }
  out.findings = check.findings;
  out.written.push(file);
  return out;
}
