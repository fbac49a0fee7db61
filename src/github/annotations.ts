/**
 * Findings as GitHub annotations on the manifest and policy lines. GitHub shows at most 10
 * annotations of each kind per step, so the rest are summed up in one line instead of vanishing.
 */
import type { AnnotationProperties } from '@actions/core';
import { type Finding, sortFindings } from '../diagnostics.js';
import { label } from '../report/findings-text.js';
import { printable } from '../text/printable.js';

export const ANNOTATIONS_PER_KIND = 10;

export interface Annotation {
  kind: 'error' | 'warning' | 'notice';
  message: string;
  properties: AnnotationProperties;
}

function kindOf(f: Finding): Annotation['kind'] {
  const l = label(f);
  return l === 'error' ? 'error' : l === 'risk' || l === 'warning' ? 'warning' : 'notice';
}

/** Pure: which annotations to emit, plus one overflow line per kind that hit the cap. */
export function planAnnotations(findings: readonly Finding[]): { annotations: Annotation[]; overflow: string[] } {
  const byKind = new Map<Annotation['kind'], Annotation[]>();
  for (const f of sortFindings(findings)) {
    const kind = kindOf(f);
    const list = byKind.get(kind) ?? [];
    const fix = f.acknowledged ? ` (acknowledged: ${f.acknowledged.reason})` : f.fix ? ` Fix: ${f.fix}` : '';
    // Annotation files are repository paths: a preset-supplied document has none.
    const onFile = !f.location.file.startsWith('preset:');
    list.push({
      kind,
      message: printable(`${f.message}${fix}`),
      properties: {
        title: `${f.check}${f.connection ? ` (${f.connection})` : ''}`,
        ...(onFile
          ? { file: f.location.file, startLine: f.location.line, startColumn: f.location.column }
          : {}),
      },
    });
    byKind.set(kind, list);
  }
  const annotations: Annotation[] = [];
  const overflow: string[] = [];
  for (const [kind, list] of byKind) {
    annotations.push(...list.slice(0, ANNOTATIONS_PER_KIND));
    if (list.length > ANNOTATIONS_PER_KIND) {
      overflow.push(`${list.length - ANNOTATIONS_PER_KIND} more ${kind}s are not annotated (GitHub shows ${ANNOTATIONS_PER_KIND} per step): see the job summary.`);
    }
  }
  return { annotations, overflow };
}
