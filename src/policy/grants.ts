/**
 * Whether a set of documents allows an action, at the action level: some Allow statement matches
 * it and no unconditional Deny on every resource removes it. Resource scoping is not evaluated
 * (offline we do not know the ARNs), so this answers "could the vendor call it at all?".
 */
import { patternMatches } from './action-table.js';
import { statements, type Statement } from './statements.js';

function matchesAny(patterns: { value: string }[], actionLower: string): boolean {
  for (const p of patterns) if (patternMatches(p.value, actionLower)) return true;
  return false;
}

export function statementMatches(s: Statement, actionLower: string): boolean {
  if (s.action) return matchesAny(s.action, actionLower);
  if (s.notAction) return !matchesAny(s.notAction, actionLower);
  return false;
}

function deniesEverywhere(s: Statement): boolean {
  return s.effect === 'Deny' && !s.hasCondition && s.notResource === undefined && (s.resource ?? []).some((r) => r.value === '*');
}

/** The actions (as given) that none of `documents` grants. */
export function missingActions(actions: readonly string[], documents: readonly unknown[]): string[] {
  const all = documents.flatMap((d) => statements(d));
  const allows = all.filter((s) => s.effect === 'Allow');
  const denies = all.filter(deniesEverywhere);
  return actions.filter((a) => {
    const lower = a.toLowerCase();
    return !allows.some((s) => statementMatches(s, lower)) || denies.some((s) => statementMatches(s, lower));
  });
}
