/** Offline findings through the runner: log lines, annotations within GitHub's caps. */
import * as core from '@actions/core';
import type { Finding } from '../diagnostics.js';
import { planAnnotations } from '../github/annotations.js';
import type { Plan } from '../plan/model.js';
import { renderFindingsText } from '../report/findings-text.js';

/** Drift on the manifest line that declares it: security-relevant as warnings, the rest as notices. */
export function driftAnnotations(plan: Plan): Finding[] {
  return plan.accounts.flatMap((a) =>
    a.changes
      .filter((c) => c.at !== undefined)
      .map((c) => ({
        check: `drift/${c.kind}`,
        severity: c.security ? ('warning' as const) : ('notice' as const),
        message: `${a.account}: ${c.reason}`,
        location: c.at!,
        ...(c.connection ? { connection: c.connection } : {}),
      })),
  );
}

/**
 * Findings go to the log and, with the plan's drift, to annotations: GitHub shows ten of each
 * kind per step, so they share that budget, in manifest order, and the rest is summed up.
 */
export function emitFindings(findings: readonly Finding[], plan?: Plan): void {
  const text = renderFindingsText(findings);
  if (text) core.info(text);
  const { annotations, overflow } = planAnnotations([...findings, ...(plan ? driftAnnotations(plan) : [])]);
  for (const a of annotations) core[a.kind](a.message, a.properties);
  for (const line of overflow) core.info(line);
}
