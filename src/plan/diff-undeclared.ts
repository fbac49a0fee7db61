/**
 * Third-party doors the manifest does not declare, as report-only drift (`undeclared`): a vendor
 * role made by hand shows in the pull-request comment the day it appears. Never acted on: apply
 * has nothing to do for them; `import` turns one into a declared connection.
 */
import { capabilityWords } from '../discover/capability.js';
import { declaredIn } from '../discover/discover.js';
import { findDoors, type DiscoverContext, type Door } from '../discover/doors.js';
import type { AccountDiff } from './account-diff.js';
import type { Draft } from './change-set.js';
import type { Severity } from './model.js';

/** What the plan needs beyond the account: set by buildPlan unless `defaults.discover: false`. */
export interface UndeclaredOptions {
  manifestAccountIds: ReadonlySet<string>;
  knownAccounts: Readonly<Record<string, string>>;
}

export function doorSummary(d: Door): string {
  const parts: string[] = [];
  if (d.type === 'role') {
    const who = d.parties.map((p) => (p.vendor ? `${p.vendor.name} (${p.principal})` : p.kind === 'anyone' ? 'anyone (*)' : p.principal));
    parts.push(`trusts ${who.join(', ')}`, d.externalId === true ? 'external ID required' : 'no external ID required');
  } else if (d.type === 'user') {
    parts.push(`${d.keys?.length ?? 0} active access key(s), no console password`);
  } else {
    parts.push(`names ${d.parties.map((p) => (p.vendor ? `${p.vendor.name} (${p.principal})` : p.principal)).join(', ')}`);
  }
  if (d.can) parts.push(`can do: ${capabilityWords(d.can)}`);
  if (d.lastUsed !== undefined) parts.push(d.lastUsed === null ? 'no recorded use' : `last used ${d.lastUsed.date.slice(0, 10)}${d.lastUsed.service ? ` (${d.lastUsed.service}` : ''}${d.lastUsed.region ? `${d.lastUsed.service ? ', ' : ' ('}${d.lastUsed.region}` : ''}${d.lastUsed.service || d.lastUsed.region ? ')' : ''}`);
  return parts.join('; ');
}

export function diffUndeclared(diff: AccountDiff, opts: UndeclaredOptions): void {
  const ctx: DiscoverContext = {
    manifestAccountIds: opts.manifestAccountIds,
    knownAccounts: opts.knownAccounts,
    declared: declaredIn(diff.desired),
    now: diff.now,
  };
  for (const d of findDoors(diff.actual, ctx)) {
    if (d.rank === 'managed' || d.type === 'bucket-policy') continue;
    diff.set.add(doorDraft(d));
  }
}

/** A door as report-only drift: the plan's `undeclared` change, and discover's SARIF result. */
export function doorDraft(d: Door): Draft {
  const severity: Severity = d.risk;
  return {
      resource: { type: d.type, name: d.name, arn: d.arn },
      kind: 'undeclared',
      action: 'none',
      severity,
      security: true,
      reason: `${d.type} ${d.name} is a third-party door the manifest does not declare: ${doorSummary(d)}. ${d.reasons.length > 0 ? `Ranked ${d.risk}: ${d.reasons.join('; ')}. ` : ''}${d.type === 'policy' ? 'Declare it under a connection' : `Run \`iam-connections import --principal ${d.type}/${d.name} --account ${d.account}\``} to declare it, or remove it if nobody needs it; set defaults.discover: false to stop reporting undeclared doors`,
      after: { vendors: d.vendors, ...(d.externalId !== undefined ? { externalId: d.externalId } : {}) },
  };
}
