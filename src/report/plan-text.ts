/** The plan as log lines: one per change, most severe first, as the plan orders them. */
import type { Plan } from '../plan/model.js';

export function changeVerb(action: string, withheld?: { action: string; by: string }): string {
  if (withheld) return `withheld ${withheld.action} (${withheld.by})`;
  return action === 'none' ? 'report only' : action;
}

export function renderPlanText(plan: Plan): string {
  const lines: string[] = [];
  for (const a of plan.accounts) {
    lines.push(`${a.account} (${a.accountId}): ${a.changes.length === 0 ? 'no drift' : `${a.changes.length} item(s)`}`);
    for (const c of a.changes) {
      const mark = c.security ? '!' : ' ';
      lines.push(
        `  ${mark} [${c.severity}] ${c.connection ?? '-'}: ${c.resource.type} ${c.resource.name}: ${c.kind} -> ${changeVerb(c.action, c.withheld)}`,
        `      ${c.reason}`,
      );
    }
    for (const w of a.watched) {
      lines.push(`    [${w.severity}] watched ${w.resource.type} ${w.resource.name} (${w.connection}): ${w.found ? w.risks.join(' ') || 'found' : 'not found'}`);
    }
  }
  const s = plan.summary;
  lines.push(
    `Plan: ${s.changes} change(s) to make, ${s.total - s.changes} report-only, ${s.security} security-relevant, ${s.withheld} withheld; drift: ${s.drift ? 'yes' : 'no'} (as of ${plan.asOf}).`,
  );
  return lines.join('\n');
}
