/**
 * Who owns a customer-managed policy. Users and roles carry the owner tag, and GAAD returns
 * their tags; it does not return policy tags, so a policy iam-connections creates also ends its
 * Description (set once at CreatePolicy, immutable, returned by GAAD) with
 * ` [iam-connections:connection=<name>]`. A tag, when one was read, wins over the marker.
 */
import type { ManagedPolicyState } from '../aws/inventory-model.js';
import { OWNER_TAG } from '../manifest/model.js';

/** The suffix the executor appends to the Description of a policy it creates. */
export function POLICY_OWNER_MARKER(connection: string): string {
  return ` [${OWNER_TAG}=${connection}]`;
}

/** What a policy created without a declared description says, so a person in the console knows why it is there. */
export const DEFAULT_POLICY_DESCRIPTION = 'Managed by iam-connections';

/** IAM policy descriptions hold at most 1,000 characters. */
export const MAX_POLICY_DESCRIPTION = 1000;

/**
 * The Description to create a policy with: the declared text (cut to fit) plus the marker.
 * Connection names are short (lowercase, validated), so the marker always fits.
 */
export function describeWithOwner(description: string | undefined, connection: string): string {
  const marker = POLICY_OWNER_MARKER(connection);
  const declared = (description ?? '').trim() || DEFAULT_POLICY_DESCRIPTION;
  return `${declared.slice(0, Math.max(0, MAX_POLICY_DESCRIPTION - marker.length))}${marker}`;
}

// Anchored at the end: the marker must be the last thing, so text a person wrote earlier in a
// description cannot claim a policy by mentioning the marker in passing.
const MARKER_AT_END = new RegExp(`\\s?\\[${OWNER_TAG.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}=([a-z0-9][a-z0-9-]*)\\]\\s*$`);

/** The connection named by a description's trailing marker, if any. */
export function ownerFromDescription(description: string | undefined): string | undefined {
  if (description === undefined) return undefined;
  return MARKER_AT_END.exec(description)?.[1];
}

/** The description as the manifest wrote it, marker removed. */
export function stripOwnerMarker(description: string): string {
  return description.replace(MARKER_AT_END, '');
}

/** The owning connection: the owner tag when the tags were read and carry it, else the marker. */
export function policyOwner(p: Pick<ManagedPolicyState, 'tags' | 'description'>): string | undefined {
  return p.tags[OWNER_TAG] ?? ownerFromDescription(p.description);
}

/** The policy's tags with the owner the marker names filled in, for code that decides by tag. */
export function ownerTags(p: Pick<ManagedPolicyState, 'tags' | 'description'>): Record<string, string> {
  const owner = policyOwner(p);
  return owner === undefined || p.tags[OWNER_TAG] !== undefined ? p.tags : { ...p.tags, [OWNER_TAG]: owner };
}
