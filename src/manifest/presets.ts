/**
 * How the manifest applies vendor presets, in one place so the rules (duplicate names) and the
 * normaliser (filled-in documents) agree. The catalogue itself lives in src/presets/; it is passed
 * in so tests can use a small one.
 */
import { managedPolicyArn as awsManagedPolicyArn } from '../policy/managed-policies.js';
import { getPreset, presetIds, type VendorPreset } from '../presets/catalog.js';
import type { ConnectionDoc, PolicyRefDoc } from './schema.js';

export interface PresetCatalog {
  getPreset(id: string): VendorPreset | undefined;
  presetIds(): string[];
}

export const defaultCatalog: PresetCatalog = { getPreset, presetIds };

type PrincipalDoc = NonNullable<ConnectionDoc['user']> | NonNullable<ConnectionDoc['role']>;

/**
 * Per the catalogue contract: a principal that declares no `policies` and no `managedPolicies`
 * receives the preset's defaults. Applies to every principal of the connection that qualifies.
 */
export function presetFillsPolicies(principal: PrincipalDoc, preset: VendorPreset | undefined): preset is VendorPreset {
  return preset !== undefined && (principal.policies ?? []).length === 0 && (principal.managedPolicies ?? []).length === 0;
}

/** `policies/senhasegura-cloud-iam.json` -> `senhasegura-cloud-iam`. */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.json$/i, '');
}

/** The customer-managed (or inline) policy name an entry gets: its `name`, else `<connection>-<file stem>`. */
export function policyRefName(connection: string, ref: PolicyRefDoc): string {
  if (ref.name !== undefined) return ref.name;
  return 'file' in ref ? `${connection}-${fileStem(ref.file)}` : connection;
}

/**
 * Managed policy names are kept as ARNs; bare names are AWS-managed policies, at their real path
 * (`ViewOnlyAccess` is `arn:aws:iam::aws:policy/job-function/ViewOnlyAccess`).
 */
export function managedPolicyArn(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn : awsManagedPolicyArn(nameOrArn);
}
