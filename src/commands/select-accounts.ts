/**
 * The `accounts` input: names or globs (`*`, `?`) over the manifest's account names, 12-digit
 * account IDs, and (with an `organization:` section) organisation selectors such as
 * `ou:/workloads` or `tag:team=data`, which the caller resolves through `select`.
 */

import { globToRegExp } from '../org/selectors.js';

export interface Selection {
  selected: string[];
  /** Patterns that matched no account: almost always a typo, so callers report them. */
  unmatched: string[];
}

export interface SelectOptions {
  /** An account's ID, so a 12-digit pattern selects it. */
  idOf?: (name: string) => string | undefined;
  /** Names a pattern selects when it is not a name or glob (an organisation selector); undefined: it is one. */
  select?: (pattern: string) => string[] | undefined;
}

export function selectAccounts(all: readonly string[], patterns: readonly string[], opts: SelectOptions = {}): Selection {
  if (patterns.length === 0) return { selected: [...all], unmatched: [] };
  const chosen = new Set<string>();
  const unmatched: string[] = [];
  for (const p of patterns) {
    const special = opts.select?.(p);
    const re = globToRegExp(p);
    const hits = special ?? all.filter((name) => re.test(name) || (/^\d{12}$/.test(p) && opts.idOf?.(name) === p));
    if (hits.length === 0) unmatched.push(p);
    for (const h of hits) chosen.add(h);
  }
  return { selected: all.filter((a) => chosen.has(a)), unmatched };
}
