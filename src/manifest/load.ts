/**
 * The manifest loader: text -> YAML -> schema -> cross-field rules -> files and normalisation.
 * Offline and synchronous. `manifest` is returned only when no error was found, so everything
 * downstream can trust it.
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { sortFindings, type Finding, type Severity } from '../diagnostics.js';
import type { FileAccess } from './files.js';
import type { Manifest } from './model.js';
import { normalize } from './normalize.js';
import { defaultCatalog, type PresetCatalog } from './presets.js';
import { checkRules } from './rules.js';
import { EXTERNAL_ID } from './schema.js';
import { validateShape } from './validate-shape.js';
import { MAX_MANIFEST_BYTES, parseYaml } from './yaml.js';

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
  manifest?: Manifest;
  findings: Finding[];
}

function result(findings: Finding[], manifest?: Manifest): LoadResult {
  const sorted = sortFindings(findings);
  const ok = !sorted.some((f) => f.severity === 'error');
  return ok && manifest ? { manifest, findings: sorted } : { findings: sorted };
}

/** The pure core: manifest text in, model and findings out. `file` is used for locations and to resolve `file:` references. */
export function parseManifestText(text: string, file: string, opts: Omit<LoadOptions, 'readFile'>): LoadResult {
  const parsed = parseYaml(text, file);
  if (!parsed.source || parsed.findings.some((f) => f.severity === 'error')) return result(parsed.findings);
  const shape = validateShape(parsed.value, parsed.source);
  const findings = [...parsed.findings, ...shape.findings];
  if (!shape.doc) return result(findings);
  const catalog = opts.catalog ?? defaultCatalog;
  findings.push(...checkRules(shape.doc, parsed.source, catalog));
  const normalized = normalize(shape.doc, parsed.source, {
    root: opts.root,
    manifestDir: path.dirname(path.resolve(file)),
    catalog,
    ...(opts.fs ? { fs: opts.fs } : {}),
  });
  findings.push(...normalized.findings);
  return result(findings, normalized.manifest);
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
