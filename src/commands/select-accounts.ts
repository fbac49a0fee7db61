/** The `accounts` input: names or globs (`*`, `?`) over the manifest's account names. */

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

export interface Selection {
  selected: string[];
  /** Patterns that matched no account: almost always a typo, so callers report them. */
  unmatched: string[];
}

export function selectAccounts(all: readonly string[], patterns: readonly string[]): Selection {
  if (patterns.length === 0) return { selected: [...all], unmatched: [] };
  const chosen = new Set<string>();
  const unmatched: string[] = [];
  for (const p of patterns) {
    const re = globToRegExp(p);
    const hits = all.filter((name) => re.test(name));
    if (hits.length === 0) unmatched.push(p);
    for (const h of hits) chosen.add(h);
  }
  return { selected: all.filter((a) => chosen.has(a)), unmatched };
}
