/**
 * Comparing IAM policy documents: equality in IAM's eyes (./policy-normalize.ts), and, when they
 * differ, which side allows more, statement by statement (./policy-coverage.ts), described so a
 * reviewer sees the statement that is not covered, never a condition value.
 */
import { createHash } from 'node:crypto';
import { patternCovers, uncoveredAllows, weakenedDenies, type Element, type Uncovered } from './policy-coverage.js';
import {
  canonicalJson,
  documentPartition,
  isRecord,
  normalizePolicy,
  type NormalizedPolicy,
  type NormalizedStatement,
} from './policy-normalize.js';

export { canonicalJson, IAM_DEFAULT_VERSION, normalizePolicy } from './policy-normalize.js';
export type { NormalizedPolicy, NormalizedPrincipal, NormalizedStatement } from './policy-normalize.js';

function significant(p: NormalizedPolicy): string {
  return canonicalJson({ version: p.version, statements: p.statements });
}

function isNormalized(doc: unknown): doc is NormalizedPolicy {
  return isRecord(doc) && Array.isArray(doc.statements) && typeof doc.version === 'string' && isRecord(doc.spelling);
}

/** Both documents normalised in one partition: the caller's, or the one their ARNs name. */
function pair(a: unknown, b: unknown, partition?: string): [NormalizedPolicy, NormalizedPolicy] {
  const part = partition ?? documentPartition(...[a, b].filter((d) => !isNormalized(d)));
  return [isNormalized(a) ? a : normalizePolicy(a, part), isNormalized(b) ? b : normalizePolicy(b, part)];
}

/**
 * True when IAM would treat both documents the same. Accepts raw or normalised documents;
 * `partition` is the account's (a bare account ID is the root of that account in it).
 */
export function policiesEqual(a: unknown, b: unknown, partition?: string): boolean {
  const [pa, pb] = pair(a, b, partition);
  return significant(pa) === significant(pb);
}

/** A short, stable fingerprint of a permission policy's meaning (cosmetic edits keep it). */
export function policyHash(doc: unknown): string {
  const p = isNormalized(doc) ? doc : normalizePolicy(doc);
  return `sha256:${createHash('sha256').update(significant(p)).digest('hex').slice(0, 16)}`;
}

/** One statement that is not covered, as a report shows it (condition values never appear). */
export interface StatementGap {
  /** The statement's Sid(s), if it has any. */
  sids: string[];
  effect: string;
  /** The statement in one line: principals, actions, resources, condition operators and keys. */
  statement: string;
  newPrincipals: string[];
  newActions: string[];
  newResources: string[];
  /** `Operator key` pairs (for an Allow: conditions it lacks; for a Deny: conditions the other side adds). */
  missingConditions: string[];
  /** Each element is allowed somewhere, but not together by one statement. */
  combination: boolean;
}

export interface PolicyDelta {
  equal: boolean;
  /** Only `Sid`s differ: worth a mention, never a change. */
  sidsOnly: boolean;
  version?: { from: string; to: string };
  /** Statements in `b` that are not in `a`, and the reverse (by canonical form). */
  added: NormalizedStatement[];
  removed: NormalizedStatement[];
  /** Allow statements of `b` that `a`'s Allows do not cover. */
  uncovered: StatementGap[];
  /** Deny statements of `a` that `b` lacks or enforces less often. */
  weakenedDenies: StatementGap[];
  /** Over `uncovered`: actions no Allow of `a` names (as `b`'s author spelled them). */
  newActions: string[];
  /** Of those, wildcards; an `Allow` with `NotAction` counts as `* except ...`. */
  newWildcardActions: string[];
  /** `Type:value` principals no Allow of `a` names. */
  newPrincipals: string[];
  newResources: string[];
  /** `Operator key` pairs an uncovered statement lacks (e.g. `StringEquals sts:externalid`). */
  removedConditions: string[];
  /** How many Deny statements of `a` `b` lacks or weakens. */
  removedDenies: number;
  /** `b` allows something `a` does not, or denies less. */
  loosens: boolean;
}

const LIST_LIMIT = 6;

function list(items: readonly string[]): string {
  if (items.length <= LIST_LIMIT) return items.join(', ');
  return `${items.slice(0, LIST_LIMIT).join(', ')} and ${items.length - LIST_LIMIT} more`;
}

function showElement(e: Element, spelling: Record<string, string>): string {
  if ('absent' in e) return '(none)';
  if ('not' in e) return `* except ${e.not.map((x) => spelling[x] ?? x).join(', ')}`;
  return spelling[e.value] ?? e.value;
}

function showPrincipals(s: NormalizedStatement): string | undefined {
  const of = (p: NormalizedStatement['principal']) => Object.entries(p ?? {}).flatMap(([t, vs]) => vs.map((v) => `${t}:${v}`));
  if (s.principal) return list(of(s.principal));
  if (s.notPrincipal) return `every principal except ${list(of(s.notPrincipal))}`;
  return undefined;
}

/** `Allow AWS:arn:... sts:AssumeRole on * if StringEquals sts:externalid`: never a condition value. */
export function showStatement(s: NormalizedStatement, spelling: Record<string, string> = {}): string {
  const spell = (xs: readonly string[]) => list(xs.map((x) => spelling[x] ?? x));
  const parts = [s.effect];
  const who = showPrincipals(s);
  if (who !== undefined) parts.push(who);
  if (s.action) parts.push(spell(s.action));
  if (s.notAction) parts.push(`every action except ${spell(s.notAction)}`);
  if (s.resource) parts.push(`on ${list(s.resource)}`);
  if (s.notResource) parts.push(`on every resource except ${list(s.notResource)}`);
  const conditions = Object.entries(s.condition ?? {}).flatMap(([op, keys]) => Object.keys(keys).map((k) => `${op} ${k}`));
  if (conditions.length > 0) parts.push(`if ${list(conditions)}`);
  return parts.join(' ');
}

function gap(u: Uncovered, p: NormalizedPolicy): StatementGap {
  const show = (es: Element[]) => es.map((e) => showElement(e, p.spelling));
  return {
    sids: p.sidsOf[canonicalJson(u.statement)] ?? [],
    effect: u.statement.effect,
    statement: showStatement(u.statement, p.spelling),
    newPrincipals: show(u.newPrincipals),
    newActions: show(u.newActions),
    newResources: show(u.newResources),
    missingConditions: u.missingConditions,
    combination: u.combination,
  };
}

const isWildcard = (a: string) => a.includes('*') || a.includes('?');
const union = (xs: string[][]) => [...new Set(xs.flat())].sort();

/** What `b` changes relative to `a`: read `a` as "before" and `b` as "after". */
export function policyDelta(a: unknown, b: unknown, partition?: string): PolicyDelta {
  const [pa, pb] = pair(a, b, partition);
  const keysA = new Set(pa.statements.map(canonicalJson));
  const keysB = new Set(pb.statements.map(canonicalJson));
  const added = pb.statements.filter((s) => !keysA.has(canonicalJson(s)));
  const removed = pa.statements.filter((s) => !keysB.has(canonicalJson(s)));
  const uncovered = uncoveredAllows(pa, pb).map((u) => gap(u, pb));
  const denies = weakenedDenies(pa, pb).map((u) => gap(u, pa));
  const newActions = union(uncovered.map((g) => g.newActions));
  const equal = pa.version === pb.version && added.length === 0 && removed.length === 0;
  const delta: PolicyDelta = {
    equal,
    sidsOnly: equal && canonicalJson(pa.sids) !== canonicalJson(pb.sids),
    added,
    removed,
    uncovered,
    weakenedDenies: denies,
    newActions,
    newWildcardActions: newActions.filter(isWildcard),
    newPrincipals: union(uncovered.map((g) => g.newPrincipals)),
    newResources: union(uncovered.map((g) => g.newResources)),
    removedConditions: union(uncovered.map((g) => g.missingConditions)),
    removedDenies: denies.length,
    loosens: uncovered.length > 0 || denies.length > 0,
  };
  if (pa.version !== pb.version) delta.version = { from: pa.version, to: pb.version };
  return delta;
}

function named(g: StatementGap): string {
  return `${g.sids.length > 0 ? `statement ${g.sids.map((x) => JSON.stringify(x)).join('/')}` : 'statement'} [${g.statement}]`;
}

function describeAllow(g: StatementGap): string {
  const why: string[] = [];
  if (g.newPrincipals.length > 0) why.push(`adds principal(s) ${list(g.newPrincipals)}`);
  if (g.newActions.length > 0) why.push(`adds action(s) ${list(g.newActions)}`);
  if (g.newResources.length > 0) why.push(`adds resource(s) ${list(g.newResources)}`);
  if (g.missingConditions.length > 0) why.push(`without ${list(g.missingConditions)}`);
  if (g.combination) why.push('combines principal, action and resource as no single statement does');
  return `${named(g)} ${why.join(', ')}`;
}

function describeDeny(g: StatementGap): string {
  if (g.newPrincipals.length + g.newActions.length + g.newResources.length > 0 || g.combination) return `${named(g)} is missing or denies less`;
  return `${named(g)} now applies only if ${list(g.missingConditions)}`;
}

/** One line for a report: what `b` adds or removes relative to `a`. Never quotes condition values. */
export function describeDelta(d: PolicyDelta): string {
  if (d.equal) return d.sidsOnly ? 'only statement ids (Sid) differ, which IAM ignores' : 'no difference';
  const parts: string[] = [];
  if (d.version) parts.push(`Version ${d.version.from} -> ${d.version.to}`);
  for (const g of d.uncovered) parts.push(describeAllow(g));
  for (const g of d.weakenedDenies) parts.push(describeDeny(g));
  if (!d.loosens) {
    if (d.added.length > 0) parts.push(`${d.added.length} statement(s) added`);
    if (d.removed.length > 0) parts.push(`${d.removed.length} statement(s) removed`);
    parts.push('nothing is allowed that was not before');
  }
  return parts.join('; ');
}

/** True when an IAM action pattern (`iam:*`, `s3:Get*`, `*`) matches `action`, case-insensitively. */
export function actionCovered(action: string, patterns: readonly string[]): boolean {
  const a = action.toLowerCase();
  return patterns.some((p) => patternCovers(p.toLowerCase(), a));
}
