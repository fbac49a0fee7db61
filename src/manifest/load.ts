/**
 * The manifest loader: text -> YAML -> schema -> cross-field rules -> files and normalisation.
 * Offline and synchronous. `manifest` is returned only when no error was found, so everything
 * downstream can trust it.
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { sortFindings, type Finding, type Severity } from '../diagnostics.js';
import type { FileAccess } from './files.js';
import type { AccountSpec, Manifest } from './model.js';
import { accountSpecs, normalize } from './normalize.js';
import { defaultCatalog, type PresetCatalog } from './presets.js';
import { checkRules } from './rules.js';
import { EXTERNAL_ID } from './schema.js';
import { validateShape } from './validate-shape.js';
import { locate, MAX_MANIFEST_BYTES, parseYaml, type YamlSource } from './yaml.js';

export interface LoadOptions {
  /** Repository root (GITHUB_WORKSPACE or the working directory): `file:` references may not leave it. */
  root: string;
  /** Reads the manifest itself; default: the file system. */
  readFile?: (file: string) => string;
  /** File access for policy files; default: the file system. */
  fs?: FileAccess;
  /** Vendor presets; default: the shipped catalogue. */
  catalog?: PresetCatalog;
}

export interface LoadResult {
  /** Set only when nothing is wrong: everything downstream of loading may trust it. */
  manifest?: Manifest;
  /**
   * For the offline policy checks only: the resolved manifest without the connections whose shape
   * or files are broken, set even when the manifest has errors, so that one broken connection
   * never hides the policy, trust and vendor findings of the others. Never planned or applied.
   */
  checkable?: Manifest;
  findings: Finding[];
}

function result(findings: Finding[], manifest?: Manifest, checkable?: Manifest): LoadResult {
  const sorted = sortFindings(findings);
  const ok = !sorted.some((f) => f.severity === 'error');
  if (ok && manifest) return { manifest, checkable: manifest, findings: sorted };
  return checkable ? { checkable, findings: sorted } : { findings: sorted };
}

/** Connections that the errors in `findings` belong to (only when every error belongs to one). */
function brokenConnections(findings: readonly Finding[]): Set<string> | undefined {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.some((f) => f.connection === undefined)) return undefined;
  return new Set(errors.map((f) => f.connection as string));
}

function withoutConnections(value: unknown, names: ReadonlySet<string>): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const connections = (value as Record<string, unknown>).connections;
  if (typeof connections !== 'object' || connections === null || Array.isArray(connections)) return value;
  return { ...value, connections: Object.fromEntries(Object.entries(connections).filter(([name]) => !names.has(name))) };
}

/** The notice that says which checks did not run, and why, at the connection's key. */
function skipped(src: YamlSource, name: string, what: 'shape' | 'file'): Finding {
  return {
    check: 'manifest/checks-skipped',
    severity: 'notice',
    message: `policy, trust and vendor checks of connection "${name}" skipped: fix its ${what === 'shape' ? 'shape' : 'policy file'} errors first`,
    fix: 'fix the errors reported for this connection and run validate again: its remaining checks run then',
    location: locate(src, ['connections', name], 'key'),
    connection: name,
  };
}

/**
 * The pure core: manifest text in, model and findings out. `file` is used for locations and to
 * resolve `file:` references. Every independent mistake is reported in one run: a connection
 * whose shape is wrong is set aside (with a note) and the rest of the manifest goes through the
 * later passes; only YAML errors and shape errors outside connections stop the passes there.
 */
export function parseManifestText(text: string, file: string, opts: Omit<LoadOptions, 'readFile'>): LoadResult {
  const parsed = parseYaml(text, file);
  if (!parsed.source || parsed.findings.some((f) => f.severity === 'error')) return result(parsed.findings);
  const src = parsed.source;
  const shape = validateShape(parsed.value, src);
  const findings = [...parsed.findings, ...shape.findings];
  let doc = shape.doc;
  if (!doc) {
    const broken = brokenConnections(shape.findings);
    const rest = broken && validateShape(withoutConnections(parsed.value, broken), src);
    if (!broken || !rest?.doc) return result(findings);
    doc = rest.doc;
    findings.push(...[...broken].map((name) => skipped(src, name, 'shape')));
  }
  const catalog = opts.catalog ?? defaultCatalog;
  findings.push(...checkRules(doc, src, catalog));
  const normalized = normalize(doc, src, {
    root: opts.root,
    manifestDir: path.dirname(path.resolve(file)),
    catalog,
    ...(opts.fs ? { fs: opts.fs } : {}),
  });
  findings.push(...normalized.findings);
  // A connection with an unreadable policy file would be checked without that document (and a
  // vendor check could then report its actions missing): set it aside too, and say so.
  const unreadable = new Set(normalized.findings.filter((f) => f.severity === 'error' && f.connection !== undefined).map((f) => f.connection as string));
  findings.push(...[...unreadable].map((name) => skipped(src, name, 'file')));
  const checkable = { ...normalized.manifest, connections: normalized.manifest.connections.filter((c) => !unreadable.has(c.name)) };
  return result(findings, shape.doc ? normalized.manifest : undefined, checkable);
}

/**
 * Only the accounts of a manifest's text (IDs, roles, planRoles, via): what the fork stage of a
 * plan takes from the base branch. Its policy files are not read (they are the base's, not in
 * this checkout); a connection with shape errors does not matter here.
 */
export function parseManifestAccounts(text: string, file: string): { accounts?: AccountSpec[]; findings: Finding[] } {
  const parsed = parseYaml(text, file);
  if (!parsed.source || parsed.findings.some((f) => f.severity === 'error')) return { findings: sortFindings(parsed.findings) };
  const src = parsed.source;
  const shape = validateShape(parsed.value, src);
  const broken = shape.doc ? undefined : brokenConnections(shape.findings);
  const doc = shape.doc ?? (broken && validateShape(withoutConnections(parsed.value, broken), src).doc);
  if (!doc) return { findings: sortFindings(shape.findings) };
  return { accounts: accountSpecs(doc, src), findings: [] };
}

/** Reads and loads the manifest at `file` (relative to the working directory). */
export function loadManifest(file: string, opts: LoadOptions): LoadResult {
  const at = { file, line: 1, column: 1 };
  let text: string;
  try {
    if (opts.readFile) {
      text = opts.readFile(file);
    } else {
      const size = nodeFs.statSync(file).size;
      // Refuse before reading: the YAML layer repeats the check for injected readers.
      if (size > MAX_MANIFEST_BYTES) {
        return result([
          {
            check: 'manifest/too-large',
            severity: 'error',
            message: `the manifest is ${size} bytes, over the ${MAX_MANIFEST_BYTES}-byte (1 MiB) limit`,
            fix: 'split it or move large policy documents into files referenced with `file:`',
            location: at,
          },
        ]);
      }
      text = nodeFs.readFileSync(file, 'utf8');
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    return result([
      {
        check: 'manifest/not-found',
        severity: 'error',
        message: code === 'ENOENT' ? `manifest "${file}" does not exist` : `manifest "${file}" cannot be read (${code ?? 'error'})`,
        fix: 'pass the path of connections.yaml with the `manifest` input (or -m on the command line), relative to the repository root',
        location: at,
      },
    ]);
  }
  return parseManifestText(text, file, opts);
}

export interface EnvRefs {
  /** Environment variable name -> value, for every `{ env: NAME }` that is set and valid. */
  values: Map<string, string>;
  findings: Finding[];
}

/**
 * Resolves `{ env: NAME }` references. `validate` passes 'warning' (secrets are often absent on
 * pull requests); plan and apply pass 'error'. Values are never echoed: they may be secret.
 */
export function resolveEnvRefs(manifest: Manifest, env: Record<string, string | undefined>, severity: Severity): EnvRefs {
  const values = new Map<string, string>();
  const findings: Finding[] = [];
  for (const c of manifest.connections) {
    const ref = c.role?.trust.externalId;
    if (!ref || !('env' in ref)) continue;
    const at = c.role!.trust.at;
    const value = env[ref.env];
    if (value === undefined || value === '') {
      findings.push({
        check: 'manifest/env-missing',
        severity,
        message: `environment variable ${ref.env} (the external ID of connection "${c.name}") is not set`,
        fix: `set ${ref.env} for this step, e.g. \`env: { ${ref.env}: \${{ secrets.${ref.env} }} }\``,
        location: at,
        connection: c.name,
      });
    } else if (!EXTERNAL_ID.test(value)) {
      findings.push({
        check: 'manifest/env-invalid',
        severity: 'error',
        message: `environment variable ${ref.env} (the external ID of connection "${c.name}") is not a valid external ID; its value is not shown`,
        fix: 'an external ID is 2 to 1,224 characters of letters, digits and _+=,.@:/- with no spaces or newlines: copy it again from the vendor',
        location: at,
        connection: c.name,
      });
    } else {
      values.set(ref.env, value);
    }
  }
  return { values, findings: sortFindings(findings) };
}
