/** Offline findings through the runner: log lines, annotations within GitHub's caps. */
import * as core from '@actions/core';
import type { Finding } from '../diagnostics.js';
import { planAnnotations } from '../github/annotations.js';
import { renderFindingsText } from '../report/findings-text.js';

export function emitFindings(findings: readonly Finding[]): void {
  const text = renderFindingsText(findings);
  if (text) core.info(text);
  const { annotations, overflow } = planAnnotations(findings);
  for (const a of annotations) core[a.kind](a.message, a.properties);
  for (const line of overflow) core.info(line);
}
