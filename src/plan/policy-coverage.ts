/**
 * Whether one policy allows (or denies) at least what another does, statement by statement.
 *
 * A statement is the cross product of its principals, actions and resources under all of its
 * conditions, so a live Allow is covered when each (principal, action, resource) it names is
 * covered by one declared Allow that names the same or a wider principal, action pattern and
 * resource pattern and whose every condition the live statement also has, as narrow or narrower.
 * A declared Deny is kept when each triple it names is denied by a live Deny with no condition
 * the declared one lacks. Anything else is reported as not covered: this module errs towards
 * "wider", never towards "the same".
 *
 * Conservative on purpose:
 *  - NotAction/NotResource/NotPrincipal are covered only by the same or a smaller exclusion list
 *    (or by `*`), and cover only names without wildcards that none of their patterns match.
 *  - A `*` inside an ARN segment does not span a colon unless it ends its segment (IAM's rule).
 *  - Condition operators must match exactly; values of `...Not...` operators may only grow,
 *    values of other equality and pattern operators may only shrink, the rest must be equal.
 */
import type { NormalizedPolicy, NormalizedPrincipal, NormalizedStatement } from './policy-normalize.js';

/** One element of a statement's Principal/Action/Resource: a value, an exclusion list, or nothing. */
type Element = { value: string } | { not: string[] } | { absent: true };

interface Dimension {
  list?: string[];
  not?: string[];
}

type Match = (outer: string, inner: string) => boolean;

const hasWildcard = (s: string) => s.includes('*') || s.includes('?');

/**
 * True when every string the glob `inner` matches is matched by the glob `outer`. In ARN mode a
 * `*` spans colons only when it is the last character of its segment, and `?` never matches one.
 */
export function patternCovers(outer: string, inner: string, arn = false): boolean {
  if (outer === inner) return true;
  if (!hasWildcard(outer)) return false;
  const memo = new Map<number, boolean>();
  const spans = (p: string, i: number) => !arn || i + 1 === p.length || p[i + 1] === ':';
  const go = (i: number, j: number): boolean => {
    const k = i * (inner.length + 1) + j;
    const hit = memo.get(k);
    if (hit !== undefined) return hit;
    let r: boolean;
    if (i === outer.length) r = j === inner.length;
    else if (outer[i] === '*') {
      const c = inner[j];
      const consumable = j < inner.length && (spans(outer, i) || (c !== ':' && !(c === '*' && spans(inner, j))));
      r = go(i + 1, j) || (consumable && go(i, j + 1));
    } else if (j === inner.length || inner[j] === '*') r = false;
    else if (outer[i] === '?') r = !(arn && inner[j] === ':') && go(i + 1, j + 1);
    else r = inner[j] !== '?' && outer[i] === inner[j] && go(i + 1, j + 1);
    memo.set(k, r);
    return r;
  };
  return go(0, 0);
}

/** `Type:value` principals; the root of an account (in its partition) covers everything in it. */
export function principalCovers(outer: string, inner: string): boolean {
  if (outer === inner || outer === 'AWS:*') return true;
  const root = /^AWS:arn:(aws[\w-]*):iam::(\d{12}):root$/.exec(outer);
  if (!root) return false;
  return new RegExp(`^AWS:arn:${root[1]}:(iam|sts)::${root[2]}:`).test(inner);
}

const actionMatch: Match = (o, i) => patternCovers(o, i);
const resourceMatch: Match = (o, i) => patternCovers(o, i, true);

function principalList(p: NormalizedPrincipal | undefined): string[] | undefined {
  if (p === undefined) return undefined;
  return Object.entries(p).flatMap(([type, values]) => values.map((v) => `${type}:${v}`));
}

function elements(d: Dimension): Element[] {
  if (d.list !== undefined) return d.list.map((value) => ({ value }));
  if (d.not !== undefined) return [{ not: d.not }];
  return [{ absent: true }];
}

function dimensionCovers(outer: Dimension, e: Element, match: Match, universal: string): boolean {
  if ('absent' in e) return outer.list === undefined && outer.not === undefined;
  if ('value' in e) {
    if (outer.list !== undefined) return outer.list.some((o) => match(o, e.value));
    if (outer.not !== undefined) return !hasWildcard(e.value) && !outer.not.some((n) => match(n, e.value) || match(e.value, n));
    return false;
  }
  // "everything except N": covered by everything, or by an exclusion that excludes no more than N does.
  if (outer.list !== undefined) return outer.list.includes(universal);
  if (outer.not !== undefined) return outer.not.every((o) => e.not.some((n) => match(n, o)));
  return false;
}

type Conditions = NonNullable<NormalizedStatement['condition']>;

const subset = (a: readonly string[], b: readonly string[]) => a.length > 0 && a.every((x) => b.includes(x));

/** Whether live values for one operator and key are at least as narrow as the declared ones. */
function valuesNarrower(op: string, live: readonly string[], declared: readonly string[]): boolean {
  const base = op.replace(/^For(All|Any)Values:/, '').replace(/IfExists$/, '');
  if (/Not(Equals|Like)|^NotIpAddress$/.test(base)) return subset(declared, live);
  if (/Equals|Like|^IpAddress$|^Bool$|^Null$/.test(base)) return subset(live, declared);
  return live.length === declared.length && subset(live, declared);
}

/** `Operator key` pairs of `outer` that `inner` lacks or has wider: empty when `inner` is as narrow. */
export function missingConditions(outer: Conditions | undefined, inner: Conditions | undefined): string[] {
  const out: string[] = [];
  for (const [op, keys] of Object.entries(outer ?? {})) {
    for (const [key, values] of Object.entries(keys)) {
      const live = inner?.[op]?.[key];
      if (live === undefined || !valuesNarrower(op, live, values)) out.push(`${op} ${key}`);
    }
  }
  return out.sort();
}

interface Dimensions {
  principal: Dimension;
  action: Dimension;
  resource: Dimension;
}

function dimensions(s: NormalizedStatement): Dimensions {
  const principal: Dimension = {};
  const pl = principalList(s.principal);
  const np = principalList(s.notPrincipal);
  if (pl) principal.list = pl;
  if (np) principal.not = np;
  const action: Dimension = {};
  if (s.action) action.list = s.action;
  if (s.notAction) action.not = s.notAction;
  const resource: Dimension = {};
  if (s.resource) resource.list = s.resource;
  if (s.notResource) resource.not = s.notResource;
  return { principal, action, resource };
}

const DIMS = [
  ['principal', principalCovers, 'AWS:*'],
  ['action', actionMatch, '*'],
  ['resource', resourceMatch, '*'],
] as const;

/** What of one statement no statement of the other side covers. */
export interface Uncovered {
  statement: NormalizedStatement;
  /** Elements no statement of the other side names (in any combination). */
  newPrincipals: Element[];
  newActions: Element[];
  newResources: Element[];
  /** Conditions the closest statements of the other side require and this one lacks or widens. */
  missingConditions: string[];
  /** Every element is named somewhere on the other side, but never together under one statement. */
  combination: boolean;
}

export type { Element };

/** `inner` against `outers`: undefined when some outer statement covers each of its triples. */
function uncoveredBy(inner: NormalizedStatement, outers: readonly NormalizedStatement[]): Uncovered | undefined {
  const conditionsOf = (o: NormalizedStatement) => missingConditions(o.condition, inner.condition);
  const d = dimensions(inner);
  const od = outers.map((o) => ({ o, d: dimensions(o) }));
  const news = { principal: [] as Element[], action: [] as Element[], resource: [] as Element[] };
  const missing = new Set<string>();
  let uncovered = false;
  let combination = false;
  const covers = (x: Dimensions, key: 'principal' | 'action' | 'resource', e: Element) => {
    const [, match, universal] = DIMS.find(([k]) => k === key)!;
    return dimensionCovers(x[key], e, match, universal);
  };
  const ps = elements(d.principal);
  const as = elements(d.action);
  const rs = elements(d.resource);
  for (const [key, list] of [
    ['principal', ps],
    ['action', as],
    ['resource', rs],
  ] as const) {
    for (const e of list) if (!od.some((x) => covers(x.d, key, e))) news[key].push(e);
  }
  for (const p of ps) {
    for (const a of as) {
      for (const r of rs) {
        const shape = od.filter((x) => covers(x.d, 'principal', p) && covers(x.d, 'action', a) && covers(x.d, 'resource', r));
        if (shape.some((x) => conditionsOf(x.o).length === 0)) continue;
        uncovered = true;
        if (shape.length === 0) {
          if (!news.principal.includes(p) && !news.action.includes(a) && !news.resource.includes(r)) combination = true;
          continue;
        }
        // The closest declared statements: the fewest conditions missing.
        const gaps = shape.map((x) => conditionsOf(x.o));
        const fewest = Math.min(...gaps.map((g) => g.length));
        for (const g of gaps) if (g.length === fewest) for (const c of g) missing.add(c);
      }
    }
  }
  if (!uncovered) return undefined;
  return {
    statement: inner,
    newPrincipals: news.principal,
    newActions: news.action,
    newResources: news.resource,
    missingConditions: [...missing].sort(),
    combination,
  };
}

/** Allow statements of `wider` that `narrower`'s Allows do not cover: what `wider` grants beyond it. */
export function uncoveredAllows(narrower: NormalizedPolicy, wider: NormalizedPolicy): Uncovered[] {
  const outers = narrower.statements.filter((s) => s.effect === 'Allow');
  return wider.statements
    .filter((s) => s.effect === 'Allow')
    .map((s) => uncoveredBy(s, outers))
    .filter((u): u is Uncovered => u !== undefined);
}

/**
 * Deny statements of `before` that no Deny of `after` still enforces in full. For these,
 * `missingConditions` are the conditions the `after` Deny adds: each makes it apply less often.
 */
export function weakenedDenies(before: NormalizedPolicy, after: NormalizedPolicy): Uncovered[] {
  const outers = after.statements.filter((s) => s.effect === 'Deny');
  return before.statements
    .filter((s) => s.effect === 'Deny')
    .map((s) => uncoveredBy(s, outers))
    .filter((u): u is Uncovered => u !== undefined);
}
