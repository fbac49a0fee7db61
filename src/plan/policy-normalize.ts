/**
 * IAM policy documents in a canonical form, so that a plan never reports drift that IAM itself
 * would not see: key order, array order, a string versus a one-element array, an account ID
 * versus its `:root` ARN (in the document's partition), `true` versus `"true"` in a condition,
 * URL-encoded text as IAM returns it, duplicate statements and `Sid`s are all cosmetic.
 *
 * What stays significant, and why:
 *  - `Version`: a missing Version means IAM's default `2008-10-17`, which disables policy
 *    variables; so missing equals `2008-10-17` and differs from `2012-10-17`.
 *  - Resources and condition values are case-sensitive (ARNs and string matches are);
 *    action names and condition keys are not (IAM documents context key names as
 *    case-insensitive, and matches actions case-insensitively).
 *  - Condition operator names are kept exactly as written: IAM's policy grammar documents them
 *    in one spelling only, so a differently spelled operator is treated as a different one.
 *  - The partition: `arn:aws-us-gov:iam::ID:root` and `arn:aws:iam::ID:root` are different
 *    principals; a bare account ID means the root of that account in the document's partition.
 */

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
  /** The partition bare account IDs were read in. */
  partition: string;
  /** Sorted by canonical form, duplicates collapsed. */
  statements: NormalizedStatement[];
  /** Statement ids as written, sorted: not significant, kept so a delta can mention them. */
  sids: string[];
  /** Canonical statement text -> the Sids it was written with, to name a statement in a report. */
  sidsOf: Record<string, string[]>;
  /** Lower-cased action -> first spelling seen, to quote actions the way the author wrote them. */
  spelling: Record<string, string>;
}

export const IAM_DEFAULT_VERSION = '2008-10-17';
export const PARTITIONS = ['aws', 'aws-us-gov', 'aws-cn'] as const;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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

/** Accepts a parsed document, or its JSON text (URL-encoded as IAM returns it, or not). */
export function parseDocument(doc: unknown): unknown {
  if (typeof doc !== 'string') return doc;
  let text = doc.trim();
  if (text.startsWith('%')) text = decodeURIComponent(text);
  return JSON.parse(text) as unknown;
}

const ARN_PARTITION = /^arn:(aws(?:-[a-z]+)*):/;

/** Every partition named by an ARN in the document's principals and resources. */
function partitionsIn(doc: unknown, out: Set<string>): Set<string> {
  if (typeof doc === 'string') {
    const m = ARN_PARTITION.exec(doc);
    if (m?.[1]) out.add(m[1]);
  } else if (Array.isArray(doc)) {
    for (const d of doc) partitionsIn(d, out);
  } else if (isRecord(doc)) {
    for (const [k, v] of Object.entries(doc)) if (k !== 'Condition') partitionsIn(v, out);
  }
  return out;
}

/**
 * The partition a bare account ID in these documents belongs to: the one their ARNs name, when
 * they name exactly one; `aws` otherwise. A caller that knows the account's partition passes it.
 */
export function documentPartition(...docs: unknown[]): string {
  const found = new Set<string>();
  for (const d of docs) {
    try {
      partitionsIn(parseDocument(d), found);
    } catch {
      // unparsable text is compared as it is; it names no partition
    }
  }
  return found.size === 1 ? [...found][0]! : 'aws';
}

const ACCOUNT_ID = /^\d{12}$/;

function principalValue(type: string, value: string, partition: string): string {
  // IAM stores a bare account ID as its root ARN; both name the same principal.
  if (type === 'AWS' && ACCOUNT_ID.test(value)) return `arn:${partition}:iam::${value}:root`;
  return value;
}

function normalizePrincipal(v: unknown, partition: string): NormalizedPrincipal {
  // `"Principal": "*"` and `{"AWS": "*"}` both mean every principal.
  if (!isRecord(v)) return { AWS: stringSet(v) };
  const out: NormalizedPrincipal = {};
  for (const type of Object.keys(v).sort()) {
    out[type] = [...new Set(stringSet(v[type]).map((s) => principalValue(type, s, partition)))].sort();
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

const lower = (s: string) => s.toLowerCase();

function normalizeStatement(raw: unknown, partition: string, spelling: Record<string, string>): NormalizedStatement {
  const s = isRecord(raw) ? raw : {};
  const out: NormalizedStatement = { effect: scalar(s.Effect ?? '') };
  if (s.Principal !== undefined) out.principal = normalizePrincipal(s.Principal, partition);
  if (s.NotPrincipal !== undefined) out.notPrincipal = normalizePrincipal(s.NotPrincipal, partition);
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

/** `partition` defaults to the one the document's ARNs name (see documentPartition). */
export function normalizePolicy(doc: unknown, partition?: string): NormalizedPolicy {
  const d = parseDocument(doc);
  const part = partition ?? documentPartition(d);
  const body = isRecord(d) ? d : {};
  const rawStatements = body.Statement === undefined ? [] : Array.isArray(body.Statement) ? body.Statement : [body.Statement];
  const spelling: Record<string, string> = {};
  const byKey = new Map<string, NormalizedStatement>();
  const sidsOf: Record<string, string[]> = {};
  const sids = new Set<string>();
  for (const raw of rawStatements) {
    const st = normalizeStatement(raw, part, spelling);
    const key = canonicalJson(st);
    byKey.set(key, st);
    if (isRecord(raw) && typeof raw.Sid === 'string' && raw.Sid !== '') {
      sids.add(raw.Sid);
      sidsOf[key] = [...new Set([...(sidsOf[key] ?? []), raw.Sid])].sort();
    }
  }
  const statements = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, st]) => st);
  return {
    version: typeof body.Version === 'string' ? body.Version : IAM_DEFAULT_VERSION,
    partition: part,
    statements,
    sids: [...sids].sort(),
    sidsOf,
    spelling,
  };
}
