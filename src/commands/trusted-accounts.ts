/**
 * The fork stage of a plan (`workflow_run`, `pull_request_target`): the pull request's manifest
 * is data from an outsider. Its connections are what to plan, but which accounts exist, their
 * IDs and the roles assumed to read them come from the base branch's manifest, which only people
 * with write access changed. And only read-only `planRole`s are assumed there: a fork that drops
 * `planRole` (or points `role` at another ARN) must never get a plan run with the writer role,
 * whose output (live policy documents) is posted publicly. Pure: manifests in, manifest out.
 */
import type { AccountSpec, Manifest } from '../manifest/model.js';

export interface TrustedAccounts {
  accounts: readonly AccountSpec[];
  /** Where they come from, for messages: e.g. `connections.yaml at 1a2b3c4d5e6f (base branch)`. */
  source: string;
}

/** The accounts `name` is reached through (its `via` chain, itself first), as `accounts` declares them. */
function chain(accounts: readonly AccountSpec[], name: string): string[] {
  const out: string[] = [];
  for (let cur: string | undefined = name; cur !== undefined && !out.includes(cur); ) {
    out.push(cur);
    cur = accounts.find((a) => a.name === cur)?.via;
  }
  return out;
}

/**
 * `manifest` with its accounts replaced by the trusted ones (same names; the manifest's own
 * source locations kept for messages). Errors: a selected account the trusted manifest does
 * not declare, and any account on the way to a selected one that has no `planRole`.
 */
export function withTrustedAccounts(manifest: Manifest, trusted: TrustedAccounts, selected: readonly string[]): { manifest?: Manifest; errors: string[] } {
  const errors: string[] = [];
  const byName = new Map(trusted.accounts.map((a) => [a.name, a]));
  const needed = new Set<string>();
  for (const name of selected) {
    if (!byName.has(name)) {
      errors.push(
        `account "${name}" is not declared in ${trusted.source}: a pull request from a fork can only plan accounts the base branch already declares; add it there first`,
      );
      continue;
    }
    for (const hop of chain(trusted.accounts, name)) needed.add(hop);
  }
  for (const name of needed) {
    const spec = byName.get(name);
    if (spec === undefined) {
      errors.push(`account "${name}" (on the via chain of a selected account) is not declared in ${trusted.source}`);
    } else if (spec.planRole === undefined) {
      errors.push(
        `account "${name}" has no planRole in ${trusted.source}: a plan of a pull request from a fork never assumes the writer role (${spec.role ?? 'the role'}), ` +
          'whose reads would be posted publicly. Add `planRole:` (a read-only role, see `iam-connections permissions`) to this account on the base branch before plans of forks can run.',
      );
    }
  }
  if (errors.length) return { errors };
  const accounts = manifest.accounts
    .filter((a) => byName.has(a.name))
    .map((a) => ({ ...(byName.get(a.name) as AccountSpec), at: a.at }));
  // Hubs the trusted manifest routes through but the fork's manifest dropped are kept.
  for (const name of needed) if (!accounts.some((a) => a.name === name)) accounts.push(byName.get(name) as AccountSpec);
  return { manifest: { ...manifest, accounts }, errors };
}
