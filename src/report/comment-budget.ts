/**
 * Fitting a PR comment under GitHub's body limit (65,536 characters) with room to spare.
 * Sections are dropped whole, never cut, so a code fence or a <details> block is either
 * complete or absent; the summary table is required and always kept.
 */

/** GitHub rejects issue comment bodies longer than this (HTTP 422). */
export const GITHUB_COMMENT_LIMIT = 65_536;
export const DEFAULT_COMMENT_BUDGET = 60_000;

export interface DroppableSection {
  /** Shown in nothing: for callers and tests to know what was dropped. */
  id: string;
  text: string;
  /** Lower ranks are dropped first; within a rank, the largest goes first. Default 0. */
  rank?: number;
}

export interface FitInput {
  /** Marker, title, summary table: kept whatever the size. */
  head: string;
  /** In display order. */
  sections: DroppableSection[];
  /** After the sections (e.g. the generated-at line); kept. */
  foot?: string;
  budget?: number;
  /** Link to the job summary, where the full report always is. */
  summaryUrl?: string;
}

export interface FitResult {
  body: string;
  /** Ids of dropped sections, in drop order. */
  dropped: string[];
  /** The required parts alone did not fit: they were cut at a line outside any code fence. */
  truncatedHead: boolean;
}

const SEP = '\n\n';

export function moreNote(dropped: number, summaryUrl?: string): string {
  const where = summaryUrl ? `[the job summary](${summaryUrl})` : 'the job summary';
  return `…and ${dropped} more section${dropped === 1 ? '' : 's'}: see ${where} for the full report.`;
}

function join(parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join(SEP) + '\n';
}

/** Drops the largest droppable sections (lowest rank first) until the body fits the budget. */
export function fitSections(input: FitInput): FitResult {
  const budget = input.budget ?? DEFAULT_COMMENT_BUDGET;
  const foot = input.foot ?? '';
  const kept = new Set(input.sections.map((_, i) => i));
  const dropOrder = input.sections
    .map((s, i) => ({ i, rank: s.rank ?? 0, size: s.text.length }))
    .sort((a, b) => a.rank - b.rank || b.size - a.size || b.i - a.i);
  const dropped: string[] = [];

  const render = (head: string): string => {
    const parts = [head, ...input.sections.filter((_, i) => kept.has(i)).map((s) => s.text)];
    if (dropped.length) parts.push(moreNote(dropped.length, input.summaryUrl));
    parts.push(foot);
    return join(parts);
  };

  let body = render(input.head);
  for (const d of dropOrder) {
    if (body.length <= budget) break;
    kept.delete(d.i);
    const section = input.sections[d.i];
    if (section) dropped.push(section.id);
    body = render(input.head);
  }
  if (body.length <= budget) return { body, dropped, truncatedHead: false };

  // Only the required parts are left and still too long (thousands of summary rows): cut them
  // rather than have GitHub reject the comment, at a line boundary outside any fence.
  const room = Math.max(0, budget - (render('').length + SEP.length + 200));
  const head = `${cutOutsideFence(input.head, room)}\n\n*(the summary was cut to fit the comment size limit)*`;
  return { body: render(head), dropped, truncatedHead: true };
}

/** The opening fence of a line (``` or ~~~, 3 or more), or undefined. */
function fenceOf(line: string): { char: string; len: number } | undefined {
  const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
  return m?.[1] ? { char: m[1][0] ?? '`', len: m[1].length } : undefined;
}

type Fence = { char: string; len: number } | undefined;

/** The fence state after `line`, given the state before it. */
function step(open: Fence, line: string): Fence {
  const f = fenceOf(line);
  if (!f) return open;
  if (open === undefined) return f;
  // CommonMark: a fence closes on a line of at least as many of the same character, nothing else.
  const closes = f.char === open.char && f.len >= open.len && new RegExp(`^ {0,3}\\${f.char}+\\s*$`).test(line);
  return closes ? undefined : open;
}

/** Code fences left open at the end of `text` (0 when balanced). */
export function openFences(text: string): number {
  let open: Fence;
  for (const line of text.split('\n')) open = step(open, line);
  return open === undefined ? 0 : 1;
}

/** The longest prefix of whole lines within `max` characters that leaves no fence open. */
export function cutOutsideFence(text: string, max: number): string {
  if (text.length <= max) return text;
  let open: Fence;
  let best = 0;
  // The end offset of the lines taken so far; -1 so the first line needs no newline.
  let end = -1;
  for (const line of text.split('\n')) {
    const next = end + 1 + line.length;
    if (next > max) break;
    end = next;
    open = step(open, line);
    if (open === undefined) best = Math.max(0, end);
  }
  return text.slice(0, best);
}
