/**
 * The numbers behind the action's outputs: `changes` counts what apply/rotate would do,
 * `drift` says whether anything at all differs (report-only findings included).
 */
import type { Change, ChangeKind, PlanSummary, Severity } from './model.js';
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
