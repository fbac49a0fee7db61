/**
 * `validate`: the offline pull-request check. Reads the manifest and its policy files, applies
 * presets, runs every policy check; no AWS access, so it also runs on fork pull requests.
 */
import type { Finding } from '../diagnostics.js';
import { isBlocking } from '../diagnostics.js';
import { loadManifest, resolveEnvRefs } from '../manifest/load.js';
import type { Manifest } from '../manifest/model.js';
import { checkManifestPolicies } from '../policy/checks.js';

export interface ValidateOptions {
  /** Repository root: `file:` references may not leave it. */
  root: string;
  env: Record<string, string | undefined>;
}

export interface ValidateResult {
  manifest?: Manifest;
  findings: Finding[];
  ok: boolean;
}

export function validate(file: string, opts: ValidateOptions): ValidateResult {
  const loaded = loadManifest(file, { root: opts.root });
  const findings = [...loaded.findings];
  // The policy checks also run over what is sound in a manifest with errors: all findings in one run.
  if (loaded.checkable) findings.push(...checkManifestPolicies(loaded.checkable));
  if (loaded.manifest) {
    // Secrets such as a vendor's external ID are often absent on pull requests: a warning here,
    // an error when plan or apply needs the value.
    findings.push(...resolveEnvRefs(loaded.manifest, opts.env, 'warning').findings);
  }
  return { manifest: loaded.manifest, findings, ok: !findings.some(isBlocking) };
}
