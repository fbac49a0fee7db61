/**
 * The plan as Markdown for the job summary and the report file: a per-account, per-connection
 * summary table that is never cut, then the changes, security-relevant first.
 */
import type { Change, Plan } from '../plan/model.js';
import { escapeCell } from './findings-markdown.js';
import { notReadHeadline, readPart } from './not-read.js';
import { orgMarkdown } from './organization.js';
import { changeVerb } from './plan-text.js';

export const SEVERITY_ICON: Record<string, string> = {
  critical: ':rotating_light:',
  high: ':red_circle:',
  medium: ':orange_circle:',
  low: ':yellow_circle:',
  info: ':white_circle:',
};

/** Keeps the report well under the job summary's 1 MiB, whatever the plan. */
const MAX_CHANGE_ROWS = 1000;

type Counts = { creates: number; updates: number; deletes: number; rotations: number; reportOnly: number; risks: number };

function bucket(c: Change): keyof Omit<Counts, 'risks'> {
  if (c.action === 'none') return 'reportOnly';
  if (c.action === 'create' || c.action === 'attach' || c.action === 'put') return 'creates';
  if (c.action === 'delete' || c.action === 'detach' || c.action === 'remove') return 'deletes';
  if (c.action === 'rotate' || c.action === 'deactivate') return 'rotations';
  return 'updates';
}

export function summaryRows(plan: Plan): { account: string; connection: string; counts: Counts }[] {
  const rows = new Map<string, { account: string; connection: string; counts: Counts }>();
  for (const a of plan.accounts) {
    for (const c of a.changes) {
      const key = `${a.account}\u0000${c.connection ?? '-'}`;
      const row = rows.get(key) ?? {
        account: a.account,
        connection: c.connection ?? '-',
        counts: { creates: 0, updates: 0, deletes: 0, rotations: 0, reportOnly: 0, risks: 0 },
      };
      row.counts[bucket(c)]++;
      if (c.security) row.counts.risks++;
      rows.set(key, row);
    }
  }
  return [...rows.values()];
}

export function renderPlanMarkdown(plan: Plan, title: string): string {
  const s = plan.summary;
  const unread = notReadHeadline(plan);
  const counts = `**${s.changes} change(s)** to make, ${s.total - s.changes} report-only, **${s.security} security-relevant**${s.withheld ? `, ${s.withheld} withheld by conflicts or missing input` : ''}`;
  const out = [`## ${title}`, ''];
  if (unread) {
    // Unknown is not clean: this leads, and no line below may read as "no drift".
    out.push(
      `:x: **${unread.title}**: their drift is unknown. As of ${plan.asOf}.`,
      '',
      ...unread.notRead.map((n) => `- **${escapeCell(n.account)}**: ${escapeCell(n.reason)}`),
      '',
      `${readPart(unread, counts)}.`,
      '',
    );
  } else {
    out.push(s.drift ? `${counts}. As of ${plan.asOf}.` : `No drift: the accounts match the manifest. As of ${plan.asOf}.`, '');
  }
  out.push(...orgMarkdown(plan, escapeCell));
  const rows = summaryRows(plan);
  if (rows.length) {
    out.push('| account | connection | creates | updates | deletes | rotations | report-only | security |', '|---|---|--:|--:|--:|--:|--:|--:|');
    for (const r of rows) {
      const c = r.counts;
      out.push(`| ${escapeCell(r.account)} | ${escapeCell(r.connection)} | ${c.creates} | ${c.updates} | ${c.deletes} | ${c.rotations} | ${c.reportOnly} | ${c.risks ? `:warning: ${c.risks}` : 0} |`);
    }
    out.push('');
  }
  const changes = plan.accounts.flatMap((a) => a.changes);
  if (changes.length) {
    out.push('### Changes', '', '| | account | connection | resource | drift | action | why |', '|---|---|---|---|---|---|---|');
    for (const c of changes.slice(0, MAX_CHANGE_ROWS)) {
      out.push(
        `| ${SEVERITY_ICON[c.severity]} ${c.severity}${c.security ? ' (security)' : ''} | ${escapeCell(c.account)} | ${escapeCell(c.connection ?? '-')} | ${c.resource.type} \`${escapeCell(c.resource.name)}\` | ${c.kind} | ${escapeCell(changeVerb(c.action, c.withheld))} | ${escapeCell(c.reason)} |`,
      );
    }
    if (changes.length > MAX_CHANGE_ROWS) out.push('', `…and ${changes.length - MAX_CHANGE_ROWS} more: see the plan JSON (the \`plan\` output).`);
    out.push('');
  }
  const watched = plan.accounts.flatMap((a) => a.watched);
  if (watched.length) {
    out.push('### Vendor-created resources (watched, never changed)', '', '| | account | connection | resource | what it allows |', '|---|---|---|---|---|');
    for (const w of watched) {
      out.push(
        `| ${SEVERITY_ICON[w.severity]} ${w.severity} | ${escapeCell(w.account)} | ${escapeCell(w.connection)} | ${w.resource.type} \`${escapeCell(w.resource.name)}\` | ${escapeCell(w.found ? w.risks.join(' ') || 'no risky grants found' : 'not found in the account')} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
