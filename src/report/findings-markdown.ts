/** Findings as a Markdown table for the job summary and the report file. */
import { type Finding, formatLocation, sortFindings } from '../diagnostics.js';
import { printable } from '../text/printable.js';
import { label, tally, tallyLine } from './findings-text.js';

/** Keeps the job summary far below GitHub's 1 MiB cap, whatever the manifest. */
const MAX_ROWS = 500;

export function escapeCell(s: string): string {
  return printable(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>').replace(/</g, '&lt;');
}

export function renderFindingsMarkdown(title: string, findings: readonly Finding[]): string {
  const sorted = sortFindings(findings);
  const out = [`## ${title}`, '', tallyLine(tally(findings)), ''];
  if (sorted.length === 0) return [...out, 'No problems found.', ''].join('\n');
  out.push('| | check | where | message | fix |', '|---|---|---|---|---|');
  for (const f of sorted.slice(0, MAX_ROWS)) {
    const icon = { error: ':x:', risk: ':warning:', warning: ':warning:', notice: ':information_source:', acknowledged: ':white_check_mark:' }[label(f)];
    const fix = f.acknowledged ? `acknowledged: ${f.acknowledged.reason}` : (f.fix ?? '');
    out.push(
      `| ${icon} ${label(f)} | \`${f.check}\` | \`${escapeCell(formatLocation(f.location))}\` | ${escapeCell(f.message)} | ${escapeCell(fix)} |`,
    );
  }
  if (sorted.length > MAX_ROWS) out.push('', `…and ${sorted.length - MAX_ROWS} more: run \`iam-connections validate\` locally for the full list.`);
  return [...out, ''].join('\n');
}
