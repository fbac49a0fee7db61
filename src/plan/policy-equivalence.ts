/**
 * Semantic comparison of IAM policy documents, so that a plan never reports drift that IAM
 * itself would not see: key order, array order, a string versus a one-element array, an
 * account ID versus its `:root` ARN, `true` versus `"true"` in a condition, duplicate
 * statements and `Sid`s are all cosmetic.
 *
 * What stays significant, and why:
 *  - `Version`: a missing Version means IAM's default `2008-10-17`, which disables policy
 *    variables; so missing equals `2008-10-17` and differs from `2012-10-17`.
 *  - Resources and condition values are case-sensitive (ARNs and string matches are);
 *    actions and condition keys are not (IAM matches both case-insensitively).
 *  - Condition operator names are kept exactly as written (IAM's grammar names them exactly).
 */
import { createHash } from 'node:crypto';

/** Principal type (`AWS`, `Service`, `Federated`, `CanonicalUser`) to a sorted set of values. */
export type NormalizedPrincipal = Record<string, string[]>;

export interface NormalizedStatement {
  effect: string;
  principal?: NormalizedPrincipal;
  notPrincipal?: NormalizedPrincipal;
  /** Lower-cased, sorted, unique. */
  action?: string[];
  notAction?: string[];
  /** Sorted, unique, case kept. */
  resource?: string[];
  notResource?: string[];
  /** operator (as written) -> lower-cased condition key -> sorted unique values as strings. */
  condition?: Record<string, Record<string, string[]>>;
}

export interface NormalizedPolicy {
  /** `2008-10-17` when the document names none (IAM's default). */
  version: string;
  /** Sorted by canonical form, duplicates collapsed. */
  statements: NormalizedStatement[];
  /** Statement ids as written, sorted: not significant, kept so a delta can mention them. */
  sids: string[];
  /** Lower-cased action -> first spelling seen, to quote actions the way the author wrote them. */
  spelling: Record<string, string>;
}

export const IAM_DEFAULT_VERSION = '2008-10-17';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Scalars become strings (`true` and `"true"` are one value to IAM); objects keep a stable JSON form. */
function scalar(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return canonicalJson(v);
}

function stringSet(v: unknown, fold?: (s: string) => string): string[] {
  const list = Array.isArray(v) ? v : [v];
  const out = new Set<string>();
  for (const item of list) {
    const s = scalar(item);
    out.add(fold ? fold(s) : s);
  }
  return [...out].sort();
}

const ACCOUNT_ID = /^\d{12}$/;

function principalValue(type: string, value: string): string {
  // IAM stores a bare account ID as its root ARN; both name the same principal.
  if (type === 'AWS' && ACCOUNT_ID.test(value)) return `arn:aws:iam::${value}:root`;
  return value;
}

function normalizePrincipal(v: unknown): NormalizedPrincipal {
  // `"Principal": "*"` and `{"AWS": "*"}` both mean every principal.
  if (!isRecord(v)) return { AWS: stringSet(v) };
  const out: NormalizedPrincipal = {};
  for (const type of Object.keys(v).sort()) {
    out[type] = [...new Set(stringSet(v[type]).map((s) => principalValue(type, s)))].sort();
  }
  return out;
}

function normalizeCondition(v: unknown): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  if (!isRecord(v)) return out;
  for (const op of Object.keys(v).sort()) {
    const block = v[op];
    const keys: Record<string, string[]> = out[op] ?? {};
    if (isRecord(block)) {
      for (const key of Object.keys(block)) {
        const k = key.toLowerCase();
        keys[k] = [...new Set([...(keys[k] ?? []), ...stringSet(block[key])])].sort();
      }
    }
    out[op] = Object.fromEntries(Object.entries(keys).sort(([a], [b]) => a.localeCompare(b)));
  }
  return out;
}

/** JSON with object keys sorted, so equal values have equal text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isRecord(v)) {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const lower = (s: string) => s.toLowerCase();

function normalizeStatement(raw: unknown, spelling: Record<string, string>): NormalizedStatement {
  const s = isRecord(raw) ? raw : {};
  const out: NormalizedStatement = { effect: scalar(s.Effect ?? '') };
  if (s.Principal !== undefined) out.principal = normalizePrincipal(s.Principal);
  if (s.NotPrincipal !== undefined) out.notPrincipal = normalizePrincipal(s.NotPrincipal);
  for (const [field, key] of [
    ['Action', 'action'],
    ['NotAction', 'notAction'],
  ] as const) {
    if (s[field] === undefined) continue;
    for (const a of stringSet(s[field])) spelling[a.toLowerCase()] ??= a;
    out[key] = stringSet(s[field], lower);
  }
  if (s.Resource !== undefined) out.resource = stringSet(s.Resource);
  if (s.NotResource !== undefined) out.notResource = stringSet(s.NotResource);
  if (s.Condition !== undefined) {
    const c = normalizeCondition(s.Condition);
    if (Object.keys(c).length > 0) out.condition = c;
  }
  return out;
}

/** Accepts a parsed document, or its JSON text (URL-encoded as IAM returns it, or not). */
function parseDocument(doc: unknown): unknown {
  if (typeof doc !== 'string') return doc;
  let text = doc.trim();
  if (text.startsWith('%')) text = decodeURIComponent(text);
  return JSON.parse(text) as unknown;
}

export function normalizePolicy(doc: unknown): NormalizedPolicy {
  const d = parseDocument(doc);
  const body = isRecord(d) ? d : {};
  const rawStatements = body.Statement === undefined ? [] : Array.isArray(body.Statement) ? body.Statement : [body.Statement];
  const spelling: Record<string, string> = {};
  const byKey = new Map<string, NormalizedStatement>();
  const sids = new Set<string>();
  for (const raw of rawStatements) {
    if (isRecord(raw) && typeof raw.Sid === 'string') sids.add(raw.Sid);
    const st = normalizeStatement(raw, spelling);
    byKey.set(canonicalJson(st), st);
  }
  const statements = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, st]) => st);
  return {
    version: typeof body.Version === 'string' ? body.Version : IAM_DEFAULT_VERSION,
    statements,
    sids: [...sids].sort(),
    spelling,
  };
}

function significant(p: NormalizedPolicy): string {
  return canonicalJson({ version: p.version, statements: p.statements });
}

function asNormalized(doc: unknown): NormalizedPolicy {
  return isRecord(doc) && Array.isArray(doc.statements) && typeof doc.version === 'string' && isRecord(doc.spelling)
    ? (doc as unknown as NormalizedPolicy)
    : normalizePolicy(doc);
}

/** True when IAM would treat both documents the same. Accepts raw or normalised documents. */
export function policiesEqual(a: unknown, b: unknown): boolean {
  return significant(asNormalized(a)) === significant(asNormalized(b));
}

/** A short, stable fingerprint of the document's meaning (cosmetic edits keep it). */
export function policyHash(doc: unknown): string {
  return `sha256:${createHash('sha256').update(significant(asNormalized(doc))).digest('hex').slice(0, 16)}`;
}

export interface PolicyDelta {
  equal: boolean;
  /** Only `Sid`s differ: worth a mention, never a change. */
  sidsOnly: boolean;
  version?: { from: string; to: string };
  /** Statements in `b` that are not in `a`, and the reverse. */
  added: NormalizedStatement[];
  removed: NormalizedStatement[];
  /** Actions allowed by `b` that no `Allow` in `a` covers (as the author of `b` spelled them). */
  newActions: string[];
  /** Of those, wildcards; an `Allow` with `NotAction` counts as `* except ...`. */
  newWildcardActions: string[];
  /** `Type:value` principals allowed by `b` and not by `a`. */
  newPrincipals: string[];
  /** `Operator key` pairs that guard an `Allow` in `a` and guard none in `b` (e.g. `StringEquals sts:externalid`). */
  removedConditions: string[];
  /** `Deny` statements of `a` that `b` no longer has. */
  removedDenies: number;
  /** `b` is looser than `a` in one of the ways above. */
  loosens: boolean;
}

function wildcardRegex(pattern: string): RegExp {
  const body = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}

/** True when an IAM action pattern (`iam:*`, `s3:Get*`, `*`) matches `action`, case-insensitively. */
export function actionCovered(action: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => p === action || wildcardRegex(p).test(action));
}

function allowed(p: NormalizedPolicy): NormalizedStatement[] {
  return p.statements.filter((s) => s.effect === 'Allow');
}

function principalsOf(statements: NormalizedStatement[]): Set<string> {
  const out = new Set<string>();
  for (const s of statements) {
    for (const [type, values] of Object.entries(s.principal ?? {})) for (const v of values) out.add(`${type}:${v}`);
  }
  return out;
}

function conditionKeysOf(statements: NormalizedStatement[]): Set<string> {
  const out = new Set<string>();
  for (const s of statements) {
    for (const [op, keys] of Object.entries(s.condition ?? {})) for (const k of Object.keys(keys)) out.add(`${op} ${k}`);
  }
  return out;
}

function notActionLabel(s: NormalizedStatement, spelling: Record<string, string>): string {
  return `* except ${(s.notAction ?? []).map((a) => spelling[a] ?? a).join(', ')}`;
}

/** What `b` changes relative to `a`: read `a` as "before" and `b` as "after". */
export function policyDelta(a: unknown, b: unknown): PolicyDelta {
  const pa = asNormalized(a);
  const pb = asNormalized(b);
  const keysA = new Set(pa.statements.map(canonicalJson));
  const keysB = new Set(pb.statements.map(canonicalJson));
  const added = pb.statements.filter((s) => !keysA.has(canonicalJson(s)));
  const removed = pa.statements.filter((s) => !keysB.has(canonicalJson(s)));

  const allowA = allowed(pa);
  const allowB = allowed(pb);
  const actionsA = allowA.flatMap((s) => s.action ?? []);
  const notActionsA = new Set(allowA.filter((s) => s.notAction).map((s) => canonicalJson(s.notAction)));
  const newActions = new Set<string>();
  const newWildcards = new Set<string>();
  for (const s of allowB) {
    for (const act of s.action ?? []) {
      if (actionCovered(act, actionsA)) continue;
      const shown = pb.spelling[act] ?? act;
      newActions.add(shown);
      if (act.includes('*') || act.includes('?')) newWildcards.add(shown);
    }
    if (s.notAction && !notActionsA.has(canonicalJson(s.notAction)) && !actionsA.includes('*')) {
      const label = notActionLabel(s, pb.spelling);
      newActions.add(label);
      newWildcards.add(label);
    }
  }
  const principalsA = principalsOf(allowA);
  const newPrincipals = [...principalsOf(allowB)].filter((p) => !principalsA.has(p)).sort();
  const conditionsB = conditionKeysOf(allowB);
  const removedConditions = [...conditionKeysOf(allowA)].filter((c) => !conditionsB.has(c)).sort();
  const removedDenies = removed.filter((s) => s.effect === 'Deny').length;

  const equal = pa.version === pb.version && added.length === 0 && removed.length === 0;
  const delta: PolicyDelta = {
    equal,
    sidsOnly: equal && canonicalJson(pa.sids) !== canonicalJson(pb.sids),
    added,
    removed,
    newActions: [...newActions].sort(),
    newWildcardActions: [...newWildcards].sort(),
    newPrincipals,
    removedConditions,
    removedDenies,
    loosens: newActions.size > 0 || newPrincipals.length > 0 || removedConditions.length > 0 || removedDenies > 0,
  };
  if (pa.version !== pb.version) delta.version = { from: pa.version, to: pb.version };
  return delta;
}

/** One line for a report: what `b` adds or removes relative to `a`. Never quotes condition values. */
export function describeDelta(d: PolicyDelta): string {
  if (d.equal) return d.sidsOnly ? 'only statement ids (Sid) differ, which IAM ignores' : 'no difference';
  const parts: string[] = [];
  if (d.version) parts.push(`Version ${d.version.from} -> ${d.version.to}`);
  if (d.added.length > 0) parts.push(`${d.added.length} statement(s) added`);
  if (d.removed.length > 0) parts.push(`${d.removed.length} statement(s) removed`);
  if (d.newWildcardActions.length > 0) parts.push(`new wildcard grants: ${d.newWildcardActions.join('; ')}`);
  const plain = d.newActions.filter((a) => !d.newWildcardActions.includes(a));
  if (plain.length > 0) parts.push(`new actions: ${plain.join(', ')}`);
  if (d.newPrincipals.length > 0) parts.push(`new principals: ${d.newPrincipals.join(', ')}`);
  if (d.removedConditions.length > 0) parts.push(`conditions removed: ${d.removedConditions.join(', ')}`);
  if (d.removedDenies > 0) parts.push(`${d.removedDenies} Deny statement(s) removed`);
  return parts.join('; ');
}
