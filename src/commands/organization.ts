/**
 * The step right after loading, for manifests with an `organization:` section: read the
 * organisation once (through the `via` account), resolve every selector, and hand plan, apply and
 * rotate a manifest whose selected accounts look declared. Also the `accounts` input's
 * organisation selectors (`ou:/workloads`, `tag:team=data`).
 */
import type { Manifest } from '../manifest/model.js';
import type { OrgPlanInfo } from '../plan/model.js';
import type { AccountSelector, OrgSnapshot } from '../org/model.js';
import { resolveOrganization, tagsNeeded } from '../org/resolve.js';
import { matchSelector, OrgIndex, parseSelectorText, stableName, UnknownOuError } from '../org/selectors.js';
import type { PlanCommandOptions } from './plan.js';

export interface WithOrganization {
  /** Unset when the organisation could not be read or resolved (`errors` says why). */
  manifest?: Manifest;
  errors: string[];
  notes: string[];
  /** For the `accounts` input: the names an `ou:` or `tag:` pattern selects. */
  select?: (pattern: string) => string[] | undefined;
}

/** `ou:` and `tag:` patterns of the `accounts` input, which the organisation resolves. */
function inputSelectors(patterns: readonly string[]): AccountSelector[] {
  return patterns.flatMap((p) => {
    if (!/^(ou|tag):/.test(p)) return [];
    const parsed = parseSelectorText(p);
    return 'selector' in parsed ? [parsed.selector] : [];
  });
}

export async function withOrganization(manifest: Manifest, opts: Pick<PlanCommandOptions, 'organization' | 'accounts'>): Promise<WithOrganization> {
  const needsOrg = manifest.organization !== undefined;
  const badInput = opts.accounts.find((p) => /^(ou|tag):/.test(p) && (!needsOrg || 'error' in parseSelectorText(p)));
  if (badInput !== undefined) {
    const parsed = parseSelectorText(badInput);
    return {
      errors: ['error' in parsed ? `input "accounts": ${parsed.error}` : `input "accounts": "${badInput}" selects organisation accounts, but the manifest has no \`organization:\` section`],
      notes: [],
    };
  }
  if (!needsOrg) return { manifest, errors: [], notes: [] };
  if (!opts.organization) {
    return { errors: ['the manifest selects accounts from AWS Organizations (`organization:`), which this run cannot read (a snapshot plan reads no organisation): plan against AWS, or declare the accounts under `accounts:`'], notes: [] };
  }
  const extra = inputSelectors(opts.accounts);
  let snapshot: OrgSnapshot;
  try {
    snapshot = await opts.organization(manifest, (s) => tagsNeeded(manifest, s, extra));
  } catch (err) {
    return { errors: [`${err instanceof Error ? err.message : String(err)}; nothing was read from the accounts`], notes: [] };
  }
  const resolved = resolveOrganization(manifest, snapshot);
  if (!resolved.manifest) return { errors: resolved.errors, notes: resolved.notes };
  const out = resolved.manifest;
  const byId = new Map(out.accounts.map((a) => [a.id, a.name]));
  const index = new OrgIndex(snapshot);
  const nameOf = (a: { id: string; name: string }) => byId.get(a.id) ?? stableName(a.name, a.id);
  const select = (pattern: string): string[] | undefined => {
    if (!/^(ou|tag):/.test(pattern)) return undefined;
    const parsed = parseSelectorText(pattern);
    if (!('selector' in parsed)) return [];
    try {
      // Only accounts the manifest covers (scope and connections): the others have no role to assume.
      return matchSelector(parsed.selector, { index, nameOf }).flatMap((a) => (a.status === 'ACTIVE' && byId.has(a.id) ? [byId.get(a.id)!] : []));
    } catch (err) {
      if (err instanceof UnknownOuError) return [];
      throw err;
    }
  };
  return { manifest: out, errors: [], notes: resolved.notes, select };
}

/** The plan's account list for organisation accounts among `selected`: name, ID, OU and when each joined. */
export function orgPlanInfo(manifest: Manifest, selected: readonly string[], notes: readonly string[]): OrgPlanInfo {
  const accounts = manifest.accounts.flatMap((a) =>
    a.organization && selected.includes(a.name)
      ? [{ account: a.name, accountId: a.id, organizationName: a.organization.name, ou: a.organization.ou, ...(a.organization.joined !== undefined ? { joined: a.organization.joined } : {}) }]
      : [],
  );
  return { accounts, notes: [...notes] };
}
