/**
 * Organisation selectors -> manifest accounts. Pure: (manifest, organisation snapshot) in, the
 * manifest as if every selected account had been declared out, so plan, apply and rotate work on
 * them unchanged. Accounts declared under `accounts:` keep their declared name and role when the
 * organisation lists them too; the others get their stable name (./selectors.ts) and the
 * `organization` section's role, reached via its hub.
 */
import { formatLocation, type SourceLocation } from '../diagnostics.js';
import type { AccountSpec, Manifest, SelectorRef } from '../manifest/model.js';
import type { AccountSelector, OrgAccount, OrgSnapshot } from './model.js';
import { accountsNeedingTags, matchSelector, OrgIndex, stableName, UnknownOuError, type MatchContext } from './selectors.js';

export interface OrgResolution {
  /** Set only when there is no error. */
  manifest?: Manifest;
  errors: string[];
  /** Skipped (suspended, closed) accounts, selectors that matched nothing: said, not fatal. */
  notes: string[];
}

/** The selectors a manifest uses (scope and connections), with the whole organisation as the default scope. */
export function manifestSelectors(manifest: Manifest): SelectorRef[] {
  const org = manifest.organization;
  if (!org) return manifest.connections.flatMap((c) => c.selectors ?? []);
  return [...scopeOf(manifest), ...manifest.connections.flatMap((c) => c.selectors ?? [])];
}

function scopeOf(manifest: Manifest): SelectorRef[] {
  const org = manifest.organization!;
  return org.scope ?? [{ selector: { ou: '/' }, text: 'the whole organisation (no organization.scope)', at: org.at }];
}

function context(manifest: Manifest, snapshot: OrgSnapshot): MatchContext & { declaredById: Map<string, AccountSpec> } {
  const declaredById = new Map(manifest.accounts.map((a) => [a.id, a]));
  return { index: new OrgIndex(snapshot), nameOf: (a: OrgAccount) => declaredById.get(a.id)?.name ?? stableName(a.name, a.id), declaredById };
}

/** Account IDs whose tags must be read before `resolveOrganization` (none when no selector has tags). */
export function tagsNeeded(manifest: Manifest, snapshot: OrgSnapshot, extra: readonly AccountSelector[] = []): string[] {
  return accountsNeedingTags([...manifestSelectors(manifest).map((r) => r.selector), ...extra], context(manifest, snapshot));
}

const where = (at: SourceLocation): string => formatLocation(at);

export function resolveOrganization(manifest: Manifest, snapshot: OrgSnapshot): OrgResolution {
  const org = manifest.organization;
  const errors: string[] = [];
  const notes: string[] = [];
  if (!org) return { manifest, errors, notes };
  const ctx = context(manifest, snapshot);
  const hub = manifest.accounts.find((a) => a.name === org.via);
  const partition = /^arn:(aws[\w-]*):/.exec(hub?.role ?? '')?.[1] ?? 'aws';
  const skipped = new Set<string>();

  /** Active accounts a selector picks, in the organisation's order; inactive ones noted once. */
  const pick = (ref: SelectorRef, owner: string): OrgAccount[] | undefined => {
    let hits: OrgAccount[];
    try {
      hits = matchSelector(ref.selector, ctx);
    } catch (err) {
      if (!(err instanceof UnknownOuError)) throw err;
      errors.push(`${where(ref.at)}: ${owner} selects "${ref.text}", but ${err.message}; fix the OU path or ID`);
      return undefined;
    }
    for (const a of hits.filter((h) => h.status !== 'ACTIVE')) {
      if (skipped.has(a.id)) continue;
      skipped.add(a.id);
      notes.push(`account "${ctx.nameOf(a)}" (${a.id}) is ${a.status.toLowerCase()} in the organisation: skipped`);
    }
    return hits.filter((h) => h.status === 'ACTIVE');
  };

  const orgSpecs = new Map<string, AccountSpec>();
  const declaredSeen = new Map<string, AccountSpec>();
  const add = (a: OrgAccount, at: SourceLocation): string => {
    const info = { name: a.name, ...(a.joined !== undefined ? { joined: a.joined } : {}), ou: ctx.index.pathOf.get(a.parent) ?? a.parent };
    const declared = ctx.declaredById.get(a.id);
    if (declared) {
      declaredSeen.set(declared.name, { ...declared, organization: info });
      return declared.name;
    }
    if (!orgSpecs.has(a.id)) {
      orgSpecs.set(a.id, {
        name: stableName(a.name, a.id),
        id: a.id,
        role: `arn:${partition}:iam::${a.id}:role/${org.roleName}`,
        ...(org.planRoleName !== undefined ? { planRole: `arn:${partition}:iam::${a.id}:role/${org.planRoleName}` } : {}),
        via: org.via,
        organization: info,
        at,
      });
    }
    return orgSpecs.get(a.id)!.name;
  };

  for (const ref of scopeOf(manifest)) for (const a of pick(ref, 'organization.scope') ?? []) add(a, ref.at);
  const connections = manifest.connections.map((c) => {
    if (!c.selectors?.length) return c;
    const names = [...c.accounts];
    for (const ref of c.selectors) {
      const hits = pick(ref, `connection "${c.name}"`);
      if (hits === undefined) continue;
      if (hits.length === 0) notes.push(`connection "${c.name}": "${ref.text}" (${where(ref.at)}) selects no active account of the organisation`);
      for (const a of hits) names.push(add(a, ref.at));
    }
    const { selectors: _resolved, ...rest } = c;
    return { ...rest, accounts: [...new Set(names)] };
  });

  // Two accounts under one name would share `{account}` sinks and reports: refuse, naming both.
  const byName = new Map<string, { id: string; label: string }>(manifest.accounts.map((a) => [a.name, { id: a.id, label: `declared at ${where(a.at)}` }]));
  for (const spec of orgSpecs.values()) {
    const other = byName.get(spec.name);
    if (other) {
      errors.push(
        `accounts ${other.id} (${other.label}) and ${spec.id} (Organizations name "${spec.organization!.name}") both go by the name "${spec.name}": ` +
          `rename one in Organizations, or declare ${spec.id} under accounts with a name of its own (a declared account keeps its declared name)`,
      );
      continue;
    }
    byName.set(spec.name, { id: spec.id, label: `Organizations name "${spec.organization!.name}"` });
  }
  if (errors.length) return { errors, notes };

  // New accounts sort last (by when they joined), so matrix shards keep their accounts as the organisation grows.
  const added = [...orgSpecs.values()].sort((a, b) => (a.organization!.joined ?? '').localeCompare(b.organization!.joined ?? '') || a.id.localeCompare(b.id));
  const accounts = [...manifest.accounts.map((a) => declaredSeen.get(a.name) ?? a), ...added];
  return { manifest: { ...manifest, accounts, connections }, errors, notes };
}
