/**
 * The numbers behind the action's outputs: `changes` counts what apply/rotate would do,
 * `drift` says whether anything at all differs (report-only findings included).
 */
import type { AccountNotRead, Change, ChangeKind, Plan, PlanSummary, Severity } from './model.js';
import { SEVERITY_ORDER } from './model.js';

export function summarize(changes: readonly Change[]): PlanSummary {
  const bySeverity = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0])) as Record<Severity, number>;
  const byKind: Partial<Record<ChangeKind, number>> = {};
  for (const c of changes) {
    bySeverity[c.severity] += 1;
    byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
  }
  const sortedKinds = Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => a.localeCompare(b))) as Partial<
    Record<ChangeKind, number>
  >;
  return {
    changes: changes.filter((c) => c.action !== 'none').length,
    drift: changes.length > 0,
    total: changes.length,
    withheld: changes.filter((c) => c.withheld !== undefined).length,
    security: changes.filter((c) => c.security).length,
    bySeverity,
    byKind: sortedKinds,
  };
}

/**
 * Records the accounts that were not read. Pure: a new plan. Sorted by account so the same
 * failures give the same plan; one entry per account (its reasons joined).
 */
export function withNotRead(plan: Plan, failures: readonly AccountNotRead[]): Plan {
  if (failures.length === 0) {
    const { notRead: _dropped, ...rest } = plan;
    return rest;
  }
  const byAccount = new Map<string, string[]>();
  for (const f of failures) byAccount.set(f.account, [...(byAccount.get(f.account) ?? []), f.reason]);
  const notRead = [...byAccount].sort(([a], [b]) => a.localeCompare(b)).map(([account, reasons]) => ({ account, reason: reasons.join('; ') }));
  return { ...plan, notRead };
}

/** What `drift` says: `unknown` while any selected account was not read, whatever the others show. */
export function driftState(plan: Plan): 'true' | 'false' | 'unknown' {
  if (plan.notRead?.length) return 'unknown';
  return plan.summary.drift ? 'true' : 'false';
}

/** How many accounts were selected, and which of them were not read. */
export function coverage(plan: Plan): { selected: number; notRead: AccountNotRead[] } {
  const notRead = plan.notRead ?? [];
  return { selected: new Set([...plan.accounts.map((a) => a.account), ...notRead.map((n) => n.account)]).size, notRead };
}
