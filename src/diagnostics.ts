/**
 * Findings are the one currency of every offline check: manifest errors, policy grammar,
 * risky grants. Each carries a stable check id (users acknowledge and suppress by it), a
 * severity and the exact place to fix.
 */
export type Severity = 'error' | 'warning' | 'notice';

export interface SourceLocation {
  /** Path as the user named it (relative to the working directory when possible). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Finding {
  /** Stable id, e.g. `manifest/unknown-key` or `policy/privilege-escalation`. */
  check: string;
  severity: Severity;
  /** What is wrong, in one sentence. Never contains a secret. */
  message: string;
  /** How to fix it. */
  fix?: string;
  location: SourceLocation;
  connection?: string;
  /**
   * Risky-grant warnings fail the check unless the connection acknowledges them
   * (`acknowledge: [{ check, reason }]`); acknowledged ones are downgraded to notices.
   */
  acknowledgeable?: boolean;
  acknowledged?: { reason: string };
}

/** A finding that makes `validate` exit 1. */
export function isBlocking(f: Finding): boolean {
  return f.severity === 'error' || (f.acknowledgeable === true && f.acknowledged === undefined);
}

export function formatLocation(l: SourceLocation): string {
  return `${l.file}:${l.line}:${l.column}`;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Stable order: by file, line, column, then severity and check id. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.location.file.localeCompare(b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      severityRank[a.severity] - severityRank[b.severity] ||
      a.check.localeCompare(b.check),
  );
}
