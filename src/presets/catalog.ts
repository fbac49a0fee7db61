/**
 * Vendor presets (`vendor: senhasegura | sekoia | cloudcoreo | cloudyn`). Each one implements a
 * seed runbook from ../shared/seeds and says which.
 *
 * Contract used by the manifest normaliser (src/manifest/normalize.ts):
 *  - when a connection names a vendor and its principal declares no `policies` and no
 *    `managedPolicies`, the preset's `defaultPolicies` and `defaultManagedPolicies` are filled in;
 *  - when a role's trust names no `awsAccount`/`awsPrincipals`, the preset's `trust.awsAccount` is used.
 * Everything else a preset knows (required actions, forbidden combinations, warnings) is used by
 * the policy checks (src/policy/).
 * (Stub: the catalogue is filled in by the presets work.)
 */
export interface PresetDocument {
  /** Default customer-managed policy name. */
  name: string;
  /** The shipped file under policies/ this document comes from, e.g. `policies/senhasegura-cloud-iam.json`. */
  file: string;
  /** The document's JSON text (bundled: no file is read at run time). */
  text: string;
}

export interface VendorPreset {
  id: string;
  title: string;
  /** The seed runbook(s) this preset implements, e.g. ['000']. */
  seeds: string[];
  principal: 'user' | 'role';
  defaultPolicies: PresetDocument[];
  /** AWS-managed policy names, e.g. `IAMReadOnlyAccess`. */
  defaultManagedPolicies: string[];
  trust?: { awsAccount: string; externalIdRequired: boolean };
}

export function getPreset(_id: string): VendorPreset | undefined {
  return undefined;
}

export function presetIds(): string[] {
  return [];
}
