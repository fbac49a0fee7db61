/**
 * How serious a difference between a declared and a live policy document is, and what can honestly
 * be said about where it came from. Shared by managed, inline, trust and bucket policies.
 */
import { createHash } from 'node:crypto';
import type { ManagedPolicyState } from '../aws/inventory-model.js';
import type { DesiredPolicy, ExternalIdBinding } from './desired.js';
import { mapExternalIds, POLICY_HASH_TAG } from './desired.js';
import type { Severity } from './model.js';
import { describeDelta, policiesEqual, policyDelta, policyHash } from './policy-equivalence.js';

export const EXTERNAL_ID_KEY = 'sts:externalid';

export function fingerprint(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8);
}

/** A live trust document as a plan may show it: external IDs become placeholders or fingerprints. */
export function showLiveTrust(trust: unknown, binding: ExternalIdBinding | undefined): unknown {
  return mapExternalIds(trust, (v) =>
    binding?.value !== undefined && v === binding.value ? binding.placeholder : `(externalId sha256:${fingerprint(v)})`,
  );
}

/**
 * Where a live document that differs from the manifest came from, as far as can be told:
 * `manifest` (it is what iam-connections last applied), `unknown` (no record; wording assumes
 * the live side moved), `unrecorded` (no record can exist, e.g. a policy read through GAAD,
 * which returns no policy tags: the wording claims no origin).
 */
export type DocumentOrigin = 'unknown' | 'manifest' | 'unrecorded';

/** How serious a document difference is, read in both directions. */
export function documentDrift(
  declared: unknown,
  live: unknown,
  what: string,
  origin: DocumentOrigin = 'unknown',
): { severity: Severity; security: boolean; reason: string } {
  const liveDelta = policyDelta(declared, live); // what the live document has beyond the manifest
  const applyDelta = policyDelta(live, declared); // what apply would grant
  if (origin === 'manifest') {
    // The live document is what we last applied: the difference is a reviewed manifest edit.
    return applyDelta.loosens
      ? { severity: 'medium', security: true, reason: `the manifest widens ${what}: ${describeDelta(applyDelta)}; apply updates it` }
      : { severity: 'low', security: false, reason: `the manifest changes ${what}: ${describeDelta(applyDelta)}; apply updates it` };
  }
  const lostExternalId = liveDelta.removedConditions.some((c) => c.toLowerCase().endsWith(` ${EXTERNAL_ID_KEY}`));
  if (lostExternalId) {
    return {
      severity: 'critical',
      security: true,
      reason: `${what} no longer requires the external ID (sts:ExternalId) the manifest declares: any principal it trusts can assume it without the vendor's secret (confused deputy); apply restores the declared document. Live vs manifest: ${describeDelta(liveDelta)}`,
    };
  }
  if (liveDelta.newWildcardActions.length > 0 || liveDelta.newPrincipals.length > 0) {
    return {
      severity: 'critical',
      security: true,
      reason:
        origin === 'unrecorded'
          ? `${what} is wider than the manifest declares: ${describeDelta(liveDelta)}; apply sets the declared document`
          : `${what} was widened outside the manifest: ${describeDelta(liveDelta)}; apply restores the declared document`,
    };
  }
  if (liveDelta.loosens) {
    return {
      severity: 'high',
      security: true,
      reason: `${what} allows more than the manifest declares: ${describeDelta(liveDelta)}; apply restores the declared document`,
    };
  }
  if (applyDelta.loosens) {
    return {
      severity: 'medium',
      security: true,
      reason: `the manifest widens ${what}: ${describeDelta(applyDelta)}; apply updates it`,
    };
  }
  return { severity: 'medium', security: false, reason: `${what} differs from the manifest: ${describeDelta(applyDelta)}; apply updates it` };
}

const versionNumber = (v: string): number => Number(/\d+/.exec(v)?.[0] ?? Number.MAX_SAFE_INTEGER);

/**
 * What can honestly be said about why a live policy document differs from the manifest.
 * With the policy-hash tag (a snapshot that has tags): whether the live document is the one
 * last applied. Without it (GAAD returns no policy tags) only the version history speaks:
 * iam-connections always makes the version it creates the default, so a default that is not
 * the newest version was chosen outside iam-connections (SetDefaultPolicyVersion). Otherwise
 * the origin is not claimed.
 */
export function policyOrigin(p: DesiredPolicy, live: ManagedPolicyState): { origin: DocumentOrigin; note: string } {
  const recorded = live.tagsRead === false ? undefined : live.tags[POLICY_HASH_TAG];
  if (recorded !== undefined) {
    return recorded === policyHash(live.document)
      ? { origin: 'manifest', note: ' (the live document is the one iam-connections last applied: the manifest changed)' }
      : { origin: 'unknown', note: ' (the live document was edited outside iam-connections since the last apply)' };
  }
  const newest = [...live.versionIds].sort((a, b) => versionNumber(a) - versionNumber(b)).pop();
  const matching = Object.entries(live.versions ?? {})
    .filter(([v, d]) => v !== live.defaultVersionId && policiesEqual(p.document, d))
    .map(([v]) => v)
    .sort((a, b) => versionNumber(a) - versionNumber(b));
  const match = matching.length > 0 ? `; the manifest's document is version ${matching.join(', ')}` : '';
  if (newest !== undefined && newest !== live.defaultVersionId) {
    return {
      origin: 'unknown',
      note: ` (the default version is ${live.defaultVersionId}, not the newest ${newest}: an older version was made the default outside iam-connections, which always makes the version it creates the default${match})`,
    };
  }
  if (live.tagsRead === false) {
    return {
      origin: 'unrecorded',
      note: ` (whether the manifest changed or the policy was edited outside iam-connections cannot be told: GetAccountAuthorizationDetails returns no policy tags${match})`,
    };
  }
  return { origin: 'unknown', note: match === '' ? '' : ` (${match.slice(2)})` };
}

export function versionToDelete(p: ManagedPolicyState): string | undefined {
  if (p.versionIds.length < 5) return undefined;
  return p.versionIds.filter((v) => v !== p.defaultVersionId).sort((a, b) => versionNumber(a) - versionNumber(b))[0];
}
