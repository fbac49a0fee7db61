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

/**
 * The customer-managed (or inline) policy name an entry gets: its `name`, else the file stem
 * prefixed by the connection, unless the stem already starts with it (`senhasegura` +
 * `senhasegura-cloud-iam.json` is `senhasegura-cloud-iam`, not `senhasegura-senhasegura-cloud-iam`).
 */
export function policyRefName(connection: string, ref: PolicyRefDoc): string {
  if (ref.name !== undefined) return ref.name;
  if (!('file' in ref)) return connection;
  const stem = fileStem(ref.file);
  const lower = stem.toLowerCase();
  const prefix = connection.toLowerCase();
  return lower === prefix || lower.startsWith(`${prefix}-`) ? stem : `${connection}-${stem}`;
}

/**
 * The default name iam-connections 0.1 gave the same entry (`<connection>-<file stem>` always),
 * when it differs from today's: a policy already deployed under it keeps that name (IAM cannot
 * rename a policy, and replacing it would be churn for no change in access).
 */
export function legacyPolicyRefName(connection: string, ref: PolicyRefDoc): string | undefined {
  if (ref.name !== undefined || !('file' in ref)) return undefined;
  const old = `${connection}-${fileStem(ref.file)}`;
  return old === policyRefName(connection, ref) ? undefined : old;
}

/**
 * Managed policy names are kept as ARNs; bare names are AWS-managed policies, at their real path
 * (`ViewOnlyAccess` is `arn:aws:iam::aws:policy/job-function/ViewOnlyAccess`).
 */
export function managedPolicyArn(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn : awsManagedPolicyArn(nameOrArn);
}
