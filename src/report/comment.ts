/**
 * The sticky PR comment: one per manifest and target, found again by the hidden marker on its
 * first line. The summary table always survives; per-connection details are folded and are the
 * first thing dropped when the body would pass GitHub's size limit (the job summary keeps all).
 */
import type { Finding } from '../diagnostics.js';
import { formatLocation, isBlocking, sortFindings } from '../diagnostics.js';
import type { Manifest } from '../manifest/model.js';
import { maskKeyId } from '../plan/keys.js';
import type { Change, Plan, WatchReport } from '../plan/model.js';
import { compareChanges } from '../plan/model.js';
import { type DroppableSection, DEFAULT_COMMENT_BUDGET, fitSections } from './comment-budget.js';
import { escapeCell } from './findings-markdown.js';
import { buildAccessGraph } from './mermaid.js';
import { SEVERITY_ICON, summaryRows } from './plan-markdown.js';
import { notReadHeadline, readPart } from './not-read.js';
import { changeVerb } from './plan-text.js';

export const MARKER_TOOL = 'iam-connections';
const MARKER_RE = /<!-- iam-connections (\{[^\n]*?\}) -->/;

export interface MarkerMeta {
  tool: typeof MARKER_TOOL;
  /** What the comment is about: the manifest path, plus the account selection when not all. */
  target: string;
  /** The pull request head commit the plan was made for. */
  head: string;
  generatedAt: string;
  /** Whether that plan found drift: the next run says "resolved" when it no longer does. */
  drift?: boolean;
}

/** The hidden first line. JSON inside an HTML comment, with `--`, `<` and `>` escaped so no value can end it. */
export function renderMarker(meta: Omit<MarkerMeta, 'tool'>): string {
  const json = JSON.stringify({ tool: MARKER_TOOL, target: meta.target, head: meta.head, generatedAt: meta.generatedAt, ...(meta.drift === undefined ? {} : { drift: meta.drift }) })
    .replace(/--/g, '-\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e');
  return `<!-- iam-connections ${json} -->`;
}

/** The marker of a comment body, or undefined for any other comment (or a damaged marker). */
export function parseMarker(body: string): MarkerMeta | undefined {
  const m = MARKER_RE.exec(body);
  if (!m?.[1]) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(m[1]);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (o.tool !== MARKER_TOOL || typeof o.target !== 'string' || typeof o.head !== 'string' || typeof o.generatedAt !== 'string') return undefined;
  return { tool: MARKER_TOOL, target: o.target, head: o.head, generatedAt: o.generatedAt, ...(typeof o.drift === 'boolean' ? { drift: o.drift } : {}) };
}

/** Access key IDs are not secret, but reports only ever show them as `AKIA…WXYZ`. */
export function maskAccessKeyIds(text: string): string {
  return text.replace(/\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,}\b/g, maskKeyId);
}

/** A code span that survives backticks in its content (and keeps `@name` from mentioning anyone). */
export function codeSpan(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const ticks = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${ticks}`;
}

/** A fenced block longer than any backtick run inside, so content can never close it early. */
export function fenced(lang: string, content: string): string {
  const runs = content.match(/`{3,}/g) ?? [];
  const ticks = '`'.repeat(Math.max(3, ...runs.map((r) => r.length + 1)));
  return `${ticks}${lang}\n${content}\n${ticks}`;
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Line diff by longest common subsequence: small documents, so O(n·m) is fine; huge ones fall back to replace-all. */
export function lineDiff(before: readonly string[], after: readonly string[]): string[] {
  const n = before.length;
  const m = after.length;
  if (n * m > 4_000_000) return [...before.map((l) => `- ${l}`), ...after.map((l) => `+ ${l}`)];
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    const below = lcs[i + 1] as number[];
    for (let j = m - 1; j >= 0; j--) row[j] = before[i] === after[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      out.push(`  ${before[i] ?? ''}`);
      i++;
      j++;
    } else if (j < m && (i >= n || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
      out.push(`+ ${after[j] ?? ''}`);
      j++;
    } else {
      out.push(`- ${before[i] ?? ''}`);
      i++;
    }
  }
  return out;
}

function field(v: unknown, key: string): unknown {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
}

const DIFFABLE = ['document', 'trust', 'policy'] as const;

/** The before/after of a change worth showing as a diff, as pretty JSON lines. */
function changeDiff(c: Change): string | undefined {
  const lines = (v: unknown): string[] => (v === undefined ? [] : (JSON.stringify(v, null, 2) ?? '').split('\n'));
  let before: unknown;
  let after: unknown;
  for (const k of DIFFABLE) {
    if (field(c.before, k) !== undefined || field(c.after, k) !== undefined) {
      before = field(c.before, k);
      after = field(c.after, k);
      break;
    }
  }
  if (before === undefined && after === undefined && c.resource.type === 'tags') {
    before = c.before;
    after = field(c.after, 'set');
  }
  if (before === undefined && after === undefined) return undefined;
  return fenced('diff', maskAccessKeyIds(lineDiff(lines(before), lines(after)).join('\n')));
}


function cell(text: string): string {
  return escapeCell(maskAccessKeyIds(text));
}

function changeRow(c: Change): string {
  const sec = c.security ? ' :warning: **security**' : '';
  return `| ${SEVERITY_ICON[c.severity] ?? ''} ${c.severity}${sec} | ${c.resource.type} ${escapeCell(codeSpan(maskAccessKeyIds(c.resource.name)))} | ${c.kind} | ${cell(changeVerb(c.action, c.withheld))} | ${cell(c.reason)} |`;
}

function watchRow(w: WatchReport): string {
  const what = w.found ? w.risks.join(' ') || 'no risky grants found' : 'not found in the account';
  const risky = w.found && (w.risks.length > 0 || w.severity === 'critical' || w.severity === 'high');
  return `| ${SEVERITY_ICON[w.severity] ?? ''} ${w.severity}${risky ? ' :warning: **security**' : ''} | ${w.resource.type} ${escapeCell(codeSpan(w.resource.name))} | watched | never changed | ${cell(what)} |`;
}

interface Group {
  account: string;
  connection: string;
  changes: Change[];
  watched: WatchReport[];
}

function groups(plan: Plan): Group[] {
  const map = new Map<string, Group>();
  const get = (account: string, connection: string): Group => {
    const key = `${account}\u0000${connection}`;
    let g = map.get(key);
    if (!g) map.set(key, (g = { account, connection, changes: [], watched: [] }));
    return g;
  };
  for (const a of plan.accounts) {
    for (const c of a.changes) get(a.account, c.connection ?? '-').changes.push(c);
    for (const w of a.watched) get(a.account, w.connection).watched.push(w);
  }
  for (const g of map.values()) g.changes.sort(compareChanges);
  return [...map.values()];
}

function securityCount(g: Group): number {
  return g.changes.filter((c) => c.security).length + g.watched.filter((w) => w.found && w.risks.length > 0).length;
}

function renderGroup(g: Group): string {
  const sec = securityCount(g);
  const who = `<b>${html(g.account)}</b> / <b>${g.connection === '-' ? 'not claimed by any connection' : html(g.connection)}</b>`;
  const counts = [`${g.changes.length} item${g.changes.length === 1 ? '' : 's'}`, ...(g.watched.length ? [`${g.watched.length} watched`] : []), ...(sec ? [`${sec} security-relevant`] : [])];
  const out = [`<details><summary>${sec ? ':warning: ' : ''}${who}: ${counts.join(', ')}</summary>`, ''];
  out.push('| | resource | drift | action | why |', '|---|---|---|---|---|');
  for (const c of g.changes) out.push(changeRow(c));
  for (const w of g.watched) out.push(watchRow(w));
  for (const c of g.changes) {
    const diff = changeDiff(c);
    if (diff) out.push('', `${c.resource.type} ${codeSpan(maskAccessKeyIds(c.resource.name))} (${c.kind}):`, '', diff);
  }
  out.push('', '</details>');
  return out.join('\n');
}

function renderFindings(findings: readonly Finding[]): string {
  const sorted = sortFindings(findings);
  const blocking = sorted.filter(isBlocking).length;
  const out = [`<details><summary>${blocking ? ':x: ' : ''}Manifest and policy checks: ${findings.length} finding${findings.length === 1 ? '' : 's'}${blocking ? `, ${blocking} blocking` : ''}</summary>`, ''];
  out.push('| | check | where | message |', '|---|---|---|---|');
  for (const f of [...sorted.filter(isBlocking), ...sorted.filter((f) => !isBlocking(f))]) {
    out.push(`| ${isBlocking(f) ? ':x:' : f.severity === 'warning' ? ':warning:' : ':information_source:'} ${f.severity} | ${codeSpan(f.check)} | ${escapeCell(codeSpan(formatLocation(f.location)))} | ${cell(f.message)} |`);
  }
  out.push('', '</details>');
  return out.join('\n');
}

/** Pictures with more nodes than this are folded. */
export const PICTURE_FOLD_NODES = 12;

export interface PlanCommentOptions {
  target: string;
  headSha: string;
  generatedAt: string;
  findings?: Finding[];
  /** The run's job summary, where the full report always is. */
  summaryUrl?: string;
  budget?: number;
  /** The previous comment reported drift: a clean plan then says it is resolved. */
  previouslyDrifted?: boolean;
}

export interface PlanComment {
  body: string;
  /** Sections left out to fit the size budget. */
  dropped: string[];
}

export function buildPlanComment(plan: Plan, manifest: Manifest | undefined, opts: PlanCommentOptions): PlanComment {
  const s = plan.summary;
  const n = plan.accounts.length;
  // Only an explicit as-of is worth a line: "now" changes every run and would defeat the unchanged-body check.
  const asOf = plan.asOf !== plan.generatedAt ? ` Time-based rules evaluated as of ${plan.asOf}.` : '';
  const unread = notReadHeadline(plan);
  const counts = `**${s.changes} change${s.changes === 1 ? '' : 's'}** to make, ${s.total - s.changes} report-only, **${s.security} security-relevant**${s.withheld ? `, ${s.withheld} withheld by conflicts or missing input` : ''}`;
  const head = [
    // An unread account leaves drift unknown: the marker then records neither answer.
    renderMarker({ target: opts.target, head: opts.headSha, generatedAt: opts.generatedAt, ...(unread ? {} : { drift: s.drift }) }),
    `### iam-connections plan: ${codeSpan(opts.target)}`,
    '',
  ];
  if (unread) {
    head.push(
      `:x: **${unread.title}**: their drift is unknown.${asOf}`,
      '',
      ...unread.notRead.map((r) => `- **${html(r.account)}**: ${escapeCell(maskAccessKeyIds(r.reason))}`),
      '',
      `${s.security ? ':warning: ' : ''}${readPart(unread, counts)}.`,
    );
  } else {
    head.push(
      s.drift
        ? `${s.security ? ':warning: ' : ''}${counts}.${asOf}`
        : `:white_check_mark: All ${n} account${n === 1 ? '' : 's'} match the manifest${opts.previouslyDrifted ? ' (resolved since the last run)' : ''}.${asOf}`,
    );
  }
  const rows = summaryRows(plan);
  if (rows.length) {
    head.push('', '| account | connection | creates | updates | deletes | rotations | report-only | security |', '|---|---|--:|--:|--:|--:|--:|--:|');
    for (const r of rows) {
      const c = r.counts;
      head.push(`| ${escapeCell(r.account)} | ${escapeCell(r.connection)} | ${c.creates} | ${c.updates} | ${c.deletes} | ${c.rotations} | ${c.reportOnly} | ${c.risks ? `:warning: ${c.risks}` : 0} |`);
    }
  }

  const sections: DroppableSection[] = [];
  if (opts.findings?.length) sections.push({ id: 'checks', text: renderFindings(opts.findings), rank: opts.findings.some(isBlocking) ? 1 : 0 });
  // Security-relevant connections first, and kept longest when the budget bites.
  const gs = groups(plan).sort((a, b) => Number(securityCount(b) > 0) - Number(securityCount(a) > 0));
  for (const g of gs) sections.push({ id: `${g.account}/${g.connection}`, text: renderGroup(g), rank: securityCount(g) ? 1 : 0 });
  if (manifest && manifest.connections.length) {
    const graph = buildAccessGraph(manifest, plan);
    sections.push({
      id: 'picture',
      text:
        graph.nodes > PICTURE_FOLD_NODES
          ? `<details><summary>Who can get in: ${graph.nodes} nodes</summary>\n\n${graph.mermaid}\n\n</details>`
          : `**Who can get in**\n\n${graph.mermaid}`,
    });
  }

  const foot = `<sub>iam-connections · head ${codeSpan(opts.headSha.slice(0, 12))} · ${html(opts.generatedAt)}${opts.summaryUrl ? ` · [full report in the job summary](${opts.summaryUrl})` : ''}</sub>`;
  const fit = fitSections({ head: head.join('\n'), sections, foot, budget: opts.budget ?? DEFAULT_COMMENT_BUDGET, ...(opts.summaryUrl ? { summaryUrl: opts.summaryUrl } : {}) });
  return { body: fit.body, dropped: fit.dropped };
}

export function renderPlanComment(plan: Plan, manifest: Manifest | undefined, opts: PlanCommentOptions): string {
  return buildPlanComment(plan, manifest, opts).body;
}
