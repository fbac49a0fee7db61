/**
 * How serious a difference between a declared and a live policy document is, and what can honestly
 * be said about where it came from. Shared by managed, inline, trust and bucket policies.
 */
import type { ManagedPolicyState } from '../aws/inventory-model.js';
import type { DesiredPolicy, ExternalIdBinding } from './desired.js';
import { mapExternalIds, POLICY_HASH_TAG } from './desired.js';
import type { Severity } from './model.js';
import { describeDelta, policiesEqual, policyDelta, policyHash, type PolicyDelta } from './policy-equivalence.js';

export const EXTERNAL_ID_KEY = 'sts:externalid';

/**
 * A live trust document as a plan may show it. The declared external ID becomes its placeholder;
 * any other value is described by its length only: no value, and no hash of one (an unsalted
 * hash of a structured ID is a guessing oracle).
 */
export function showLiveTrust(trust: unknown, binding: ExternalIdBinding | undefined): unknown {
  return mapExternalIds(trust, (v) => {
    if (binding?.value !== undefined && v === binding.value) return binding.placeholder;
    if (binding?.value !== undefined) return `(an external ID (${v.length} characters) that is not the declared one)`;
    return `(an external ID (${v.length} characters); ${binding === undefined ? 'the manifest declares none' : 'the declared one is not set'})`;
  });
}

/**
 * Where a live document that differs from the manifest came from, as far as can be told:
 * `manifest` (it is what iam-connections last applied), `unknown` (no record; wording assumes
 * the live side moved), `unrecorded` (no record can exist, e.g. a policy read through GAAD,
 * which returns no policy tags: the wording claims no origin).
 */
export type DocumentOrigin = 'unknown' | 'manifest' | 'unrecorded';

export interface DriftOptions {
  origin?: DocumentOrigin;
  /** The account's partition: a bare account ID is the root of that account in it. */
  partition?: string;
}

const lacksExternalId = (d: PolicyDelta) => d.uncovered.some((g) => g.missingConditions.some((c) => c.toLowerCase().endsWith(` ${EXTERNAL_ID_KEY}`)));

/**
 * How serious a difference between a declared and a live document is, read in both directions,
 * statement by statement: every live Allow must be covered by a declared one and every declared
 * Deny kept. A live statement without the declared external ID, or naming a new principal, is
 * critical; new wildcard grants too; any other uncovered action, resource, condition or Deny is high.
 */
export function documentDrift(
  declared: unknown,
  live: unknown,
  what: string,
  how: DocumentOrigin | DriftOptions = {},
): { severity: Severity; security: boolean; reason: string } {
  const opts: DriftOptions = typeof how === 'string' ? { origin: how } : how;
  const liveDelta = policyDelta(declared, live, opts.partition); // what the live document has beyond the manifest
  const applyDelta = policyDelta(live, declared, opts.partition); // what apply would grant
  if (opts.origin === 'manifest') {
    // The live document is what we last applied: the difference is a reviewed manifest edit.
    return applyDelta.loosens
      ? { severity: 'medium', security: true, reason: `the manifest widens ${what}: ${describeDelta(applyDelta)}; apply updates it` }
      : { severity: 'low', security: false, reason: `the manifest changes ${what}: ${describeDelta(applyDelta)}; apply updates it` };
  }
  const beyond = `live statements the manifest does not cover: ${describeDelta(liveDelta)}`;
  const Beyond = `L${beyond.slice(1)}`;
  if (lacksExternalId(liveDelta)) {
    return {
      severity: 'critical',
      security: true,
      reason: `${what} no longer requires the external ID (sts:ExternalId) the manifest declares on every statement: the principal it trusts can assume it without the vendor's secret (confused deputy); apply restores the declared document. ${Beyond}`,
    };
  }
  if (liveDelta.newWildcardActions.length > 0 || liveDelta.newPrincipals.length > 0) {
    return {
      severity: 'critical',
      security: true,
      reason:
        opts.origin === 'unrecorded'
          ? `${what} is wider than the manifest declares; ${beyond}; apply sets the declared document`
          : `${what} was widened outside the manifest; ${beyond}; apply restores the declared document`,
    };
  }
  if (liveDelta.loosens) {
    return {
      severity: 'high',
      security: true,
      reason: `${what} allows more than the manifest declares; ${beyond}; apply restores the declared document`,
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
