/**
 * The plan as log lines, per account: changes and watched resources in one list, most severe
 * first with the same `!` marker for anything security-relevant, except that a change is always
 * preceded by what it depends on (a role's creation before the attachment to it, a user's
 * before its key), so the list reads in the order apply works. New roles show who they trust
 * and whether an external ID is required: what a reviewer most wants to see.
 */
import type { Change, Plan, Severity, WatchReport } from '../plan/model.js';
import { compareChanges, SEVERITY_ORDER } from '../plan/model.js';
import { PLAIN, type Palette } from '../text/ansi.js';
import { notReadHeadline, readPart } from './not-read.js';
import { orgAccountSuffix } from './organization.js';

export function changeVerb(action: string, withheld?: { action: string; by: string }): string {
  if (withheld) return `withheld ${withheld.action} (${withheld.by})`;
  return action === 'none' ? 'report only' : action;
}

/** Severity order, except that each change comes right before the first change that needs it. */
export function displayOrder(changes: readonly Change[]): Change[] {
  const byId = new Map(changes.map((c) => [c.id, c]));
  const sorted = [...changes].sort(compareChanges);
  const out: Change[] = [];
  const placed = new Set<string>();
  const place = (c: Change, path: Set<string>): void => {
    if (placed.has(c.id) || path.has(c.id)) return;
    path.add(c.id);
    for (const dep of [...(c.dependsOn ?? [])].map((id) => byId.get(id)).filter((d): d is Change => d !== undefined).sort(compareChanges)) place(dep, path);
    placed.add(c.id);
    out.push(c);
  };
  for (const c of sorted) place(c, new Set());
  return out;
}

type Statement = { Principal?: unknown; Condition?: Record<string, Record<string, unknown>> };

/** `AWS 432263259397`, `Service ec2.amazonaws.com`, `Federated arn:...`: the trust's principals. */
export function trustedPrincipals(trust: unknown): string[] {
  const doc = trust as { Statement?: Statement | Statement[] } | undefined;
  const statements = doc?.Statement === undefined ? [] : Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  const out: string[] = [];
  for (const s of statements) {
    const p = s.Principal;
    if (typeof p === 'string') out.push(p);
    else if (p && typeof p === 'object') {
      for (const [kind, v] of Object.entries(p as Record<string, unknown>)) for (const one of Array.isArray(v) ? v : [v]) out.push(`${kind} ${String(one)}`);
    }
  }
  return [...new Set(out)];
}

function externalIdText(after: Record<string, unknown>): string {
  const x = after.externalId as { source?: { env?: string; manifest?: { file?: string; line?: number } }; placeholder?: string } | undefined;
  if (!x) return 'no external ID required';
  if (x.source?.env) return `requires external ID (from env ${x.source.env})`;
  return `requires external ID ${x.placeholder ?? '(from the manifest)'}`;
}

type Item = { severity: Severity; security: boolean; lines: string[] };

function changeItem(c: Change, p: Palette): Item {
  const lines = [`${c.connection ?? '-'}: ${c.resource.type} ${c.resource.name}: ${c.kind} -> ${changeVerb(c.action, c.withheld)}`, c.reason];
  if (c.resource.type === 'role' && (c.action === 'create' || c.withheld?.action === 'create') && c.after && typeof c.after === 'object') {
    const after = c.after as Record<string, unknown>;
    const who = trustedPrincipals(after.trust);
    lines.push(`trusts ${who.length ? who.join(', ') : 'no principal'}; ${externalIdText(after)}`);
  }
  return { severity: c.severity, security: c.security, lines: lines.map((l, i) => (i === 0 ? l : p.dim(l))) };
}

function watchItem(w: WatchReport): Item {
  const what = w.found ? w.risks.join(' ') || 'found' : 'not found';
  const lines = [`${w.connection}: watched ${w.resource.type} ${w.resource.name}: ${what}`];
  if (w.trust) lines.push(`trusted by ${w.trust.principals.map((x) => x.replace(/^(AWS|Service|Federated|CanonicalUser):/, '$1 ')).join(', ') || 'no principal'}; ${w.trust.externalId ? 'requires an external ID' : 'no external ID required'}`);
  return { severity: w.severity, security: w.found && w.risks.length > 0, lines };
}

function renderItem(item: Item, p: Palette): string[] {
  const mark = item.security ? '!' : ' ';
  const [head = '', ...rest] = item.lines;
  const tag = p.severity(item.severity, `${mark} [${item.severity}]`);
  return [`  ${tag} ${item.security ? p.bold(head) : head}`, ...rest.map((l) => `      ${l}`)];
}

export function renderPlanText(plan: Plan, palette: Palette = PLAIN): string {
  const p = palette;
  const lines: string[] = [];
  const unread = notReadHeadline(plan);
  // Unknown is not clean: the unread accounts lead, and no line may read as "no drift" then.
  if (unread) {
    lines.push(p.severity('critical', `${unread.title.toUpperCase()}: their drift is unknown.`));
    for (const n of unread.notRead) lines.push(`  ${n.account}: ${n.reason}`);
  }
  for (const a of plan.accounts) {
    const count = a.changes.length + a.watched.length;
    const state = a.changes.length ? `${a.changes.length} item(s)` : unread ? 'nothing to change found' : 'no drift';
    lines.push(p.bold(`${a.account} (${a.accountId}${orgAccountSuffix(plan, a.account)}): ${state}${a.watched.length ? `, ${a.watched.length} watched` : ''}`));
    if (count === 0) continue;
    // Watched resources take their place by severity; changes keep their dependency order.
    const changes = displayOrder(a.changes).map((c) => changeItem(c, p));
    const watched = [...a.watched].sort((x, y) => SEVERITY_ORDER.indexOf(x.severity) - SEVERITY_ORDER.indexOf(y.severity)).map(watchItem);
    const merged: Item[] = [];
    for (const c of changes) {
      while (watched.length && SEVERITY_ORDER.indexOf((watched[0] as Item).severity) < SEVERITY_ORDER.indexOf(c.severity)) merged.push(watched.shift() as Item);
      merged.push(c);
    }
    merged.push(...watched);
    for (const item of merged) lines.push(...renderItem(item, p));
  }
  const s = plan.summary;
  const counts = `${s.changes} change(s) to make, ${s.total - s.changes} report-only, ${s.security} security-relevant, ${s.withheld} withheld`;
  const summary = unread
    ? `Plan: ${readPart(unread, counts)}; drift: unknown (${unread.title}; as of ${plan.asOf}).`
    : `Plan: ${counts}; drift: ${s.drift ? 'yes' : 'no'} (as of ${plan.asOf}).`;
  lines.push(p.bold(summary));
  return lines.join('\n');
}
