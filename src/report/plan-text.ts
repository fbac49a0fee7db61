/** The plan as log lines: one per change, most severe first, as the plan orders them. */
import type { Plan } from '../plan/model.js';
import { notReadHeadline, readPart } from './not-read.js';

export function changeVerb(action: string, withheld?: { action: string; by: string }): string {
  if (withheld) return `withheld ${withheld.action} (${withheld.by})`;
  return action === 'none' ? 'report only' : action;
}

export function renderPlanText(plan: Plan): string {
  const lines: string[] = [];
  const unread = notReadHeadline(plan);
  // Unknown is not clean: the unread accounts lead, and no line may read as "no drift" then.
  if (unread) {
    lines.push(`${unread.title.toUpperCase()}: their drift is unknown.`);
    for (const n of unread.notRead) lines.push(`  ${n.account}: ${n.reason}`);
  }
  for (const a of plan.accounts) {
    lines.push(`${a.account} (${a.accountId}): ${a.changes.length ? `${a.changes.length} item(s)` : unread ? 'nothing to change found' : 'no drift'}`);
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
  const counts = `${s.changes} change(s) to make, ${s.total - s.changes} report-only, ${s.security} security-relevant, ${s.withheld} withheld`;
  lines.push(
    unread
      ? `Plan: ${readPart(unread, counts)}; drift: unknown (${unread.title}; as of ${plan.asOf}).`
      : `Plan: ${counts}; drift: ${s.drift ? 'yes' : 'no'} (as of ${plan.asOf}).`,
  );
  return lines.join('\n');
}
