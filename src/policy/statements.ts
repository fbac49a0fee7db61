/**
 * A policy document as statements with paths: the shape every check walks. Tolerant: a malformed
 * element is reported by the grammar check and simply yields nothing here.
 */
import type { NodePath } from './document.js';

export interface Value {
  value: string;
  path: NodePath;
}

export interface Statement {
  /** `['Statement', i]`, or `['Statement']` when Statement is a single object. */
  path: NodePath;
  raw: Record<string, unknown>;
  sid?: string;
  effect?: 'Allow' | 'Deny';
  action?: Value[];
  notAction?: Value[];
  resource?: Value[];
  notResource?: Value[];
  hasCondition: boolean;
  condition?: Record<string, unknown>;
  principal?: unknown;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string-or-array-of-strings element; non-strings are skipped (grammar reports them). */
export function values(raw: unknown, path: NodePath): Value[] | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string') return [{ value: raw, path }];
  if (Array.isArray(raw)) {
    const out: Value[] = [];
    raw.forEach((v, i) => {
      if (typeof v === 'string') out.push({ value: v, path: [...path, i] });
    });
    return out;
  }
  return [];
}

const cache = new WeakMap<object, Statement[]>();

export function statements(document: unknown): Statement[] {
  if (!isObject(document)) return [];
  const hit = cache.get(document);
  if (hit) return hit;
  const st = document['Statement'];
  const raws: [Record<string, unknown>, NodePath][] = isObject(st)
    ? [[st, ['Statement']]]
    : Array.isArray(st)
      ? st.flatMap((s, i): [Record<string, unknown>, NodePath][] => (isObject(s) ? [[s, ['Statement', i]]] : []))
      : [];
  const out = raws.map(([raw, path]): Statement => {
    const effect = raw['Effect'];
    const condition = raw['Condition'];
    return {
      path,
      raw,
      sid: typeof raw['Sid'] === 'string' ? raw['Sid'] : undefined,
      effect: effect === 'Allow' || effect === 'Deny' ? effect : undefined,
      action: values(raw['Action'], [...path, 'Action']),
      notAction: values(raw['NotAction'], [...path, 'NotAction']),
      resource: values(raw['Resource'], [...path, 'Resource']),
      notResource: values(raw['NotResource'], [...path, 'NotResource']),
      hasCondition: isObject(condition) && Object.keys(condition).length > 0,
      condition: isObject(condition) ? condition : undefined,
      principal: raw['Principal'],
    };
  });
  cache.set(document, out);
  return out;
}

/**
 * Whether a statement applies to every resource: `*`, NotResource, or an ARN whose resource part
 * is only a wildcard (`arn:aws:iam::*:user/*`). A path-scoped ARN (`user/connections/*`) is not.
 */
export function unrestrictedResource(s: Statement): boolean {
  if (s.notResource !== undefined) return true;
  return (s.resource ?? []).some(({ value }) => {
    if (value === '*') return true;
    const parts = value.split(':');
    if (parts.length < 6) return false;
    const rest = parts.slice(5).join(':');
    return rest === '*' || /^[\w-]+\/\*$/.test(rest);
  });
}
