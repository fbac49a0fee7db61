/** Findings as a person reads them in a terminal or a job log: one block per finding, then a tally. */
import { type Finding, formatLocation, isBlocking, sortFindings } from '../diagnostics.js';
import { printable } from '../text/printable.js';

export interface Tally {
  errors: number;
  /** Risky grants that are not acknowledged: they fail the check like errors. */
  unacknowledged: number;
  warnings: number;
  notices: number;
}

export function tally(findings: readonly Finding[]): Tally {
  const t: Tally = { errors: 0, unacknowledged: 0, warnings: 0, notices: 0 };
  for (const f of findings) {
    if (f.severity === 'error') t.errors++;
    else if (isBlocking(f)) t.unacknowledged++;
    else if (f.severity === 'warning') t.warnings++;
    else t.notices++;
  }
  return t;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function tallyLine(t: Tally): string {
  const parts = [plural(t.errors, 'error')];
  if (t.unacknowledged) parts.push(`${plural(t.unacknowledged, 'unacknowledged risk')}`);
  parts.push(plural(t.warnings, 'warning'), plural(t.notices, 'notice'));
  return parts.join(', ');
}

/** The label a finding is shown with: blocking risks say so, acknowledged ones say why they pass. */
export function label(f: Finding): string {
  if (f.acknowledged) return 'acknowledged';
  if (isBlocking(f) && f.severity !== 'error') return 'risk';
  return f.severity;
}

export function renderFindingsText(findings: readonly Finding[]): string {
  const lines: string[] = [];
  for (const f of sortFindings(findings)) {
    const where = f.connection ? ` [${f.connection}]` : '';
    lines.push(`${formatLocation(f.location)}: ${label(f)} ${f.check}${where}: ${f.message}`);
    if (f.acknowledged) lines.push(`    acknowledged: ${f.acknowledged.reason}`);
    else if (f.fix) lines.push(`    fix: ${f.fix}`);
  }
  return printable(lines.join('\n'));
}
