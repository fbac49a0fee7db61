/**
 * `plan`: validate everything offline first (no AWS call for an invalid manifest), then read
 * each selected account (live through the credential resolver, or from a snapshot) and diff.
 * The diff itself is pure (src/plan/diff.ts); this module only gathers its inputs.
 */
import type { AccountInventory } from '../aws/inventory-model.js';
import type { Finding } from '../diagnostics.js';
import { isBlocking } from '../diagnostics.js';
import { loadManifest, resolveEnvRefs } from '../manifest/load.js';
import type { AccountSpec, Manifest } from '../manifest/model.js';
import { desiredState } from '../plan/desired.js';
import { withKeyLastUsed } from '../aws/gaad.js';
import { buildPlan } from '../plan/diff.js';
import { keysNeedingLastUsed, liveKeyId } from '../plan/last-use.js';
import type { Plan } from '../plan/model.js';
import { withNotRead } from '../plan/summary.js';
import { checkManifestPolicies } from '../policy/checks.js';
import { selectAccounts } from './select-accounts.js';
import { type TrustedAccounts, withTrustedAccounts } from './trusted-accounts.js';
import { mapLimit } from '../concurrency.js';
import type { OrgSnapshot } from '../org/model.js';
import { orgPlanInfo, withOrganization } from './organization.js';

/** Reads accounts: the live reader and the snapshot reader both fit. */
export interface InventoryReader {
  read(account: AccountSpec, desired: ReturnType<typeof desiredState>): Promise<AccountInventory>;
  /**
   * `GetAccessKeyLastUsed` for exactly the keys a decision needs (the plan says which); a
   * snapshot cannot answer, and the plan then says the decision waits for that read.
   */
  lastUsed?(account: AccountSpec, keyIds: readonly string[]): Promise<ReadonlyMap<string, string | null>>;
}

export interface PlanCommandOptions {
  root: string;
  env: Record<string, string | undefined>;
  /** Account names or globs; empty: all. */
  accounts: string[];
  /** The instant time-based rules are evaluated at: the clock's now, or `as-of`. */
  now: Date;
  /** When the plan was made, if not `now` (a run with `as-of`: the clock's now). */
  generatedAt?: Date;
  prune: boolean;
  /**
   * Makes the reader once the manifest is valid and the accounts are selected; it may throw
   * to refuse the selection (e.g. `role-to-assume` with several accounts): nothing is read then.
   */
  reader: (manifest: Manifest, selected: readonly string[]) => InventoryReader;
  /** How many accounts are read at once. */
  concurrency?: number;
  /**
   * Accounts and roles from a trusted manifest (the base branch's), replacing the manifest's own:
   * the fork stage of a plan. Every account used must be there with a `planRole`.
   */
  trustedAccounts?: TrustedAccounts;
  /**
   * Reads the organisation for a manifest with an `organization:` section (src/org/read.ts
   * through the `via` account's session); `tagsFor` says whose tags a selector needs.
   */
  organization?: (manifest: Manifest, tagsFor: (snapshot: OrgSnapshot) => string[]) => Promise<OrgSnapshot>;
}

export interface AccountFailure {
  account: string;
  message: string;
}

export interface PlanCommandResult {
  manifest?: Manifest;
  /** Offline findings; any blocking one stops the plan before AWS is read. */
  findings: Finding[];
  /** Problems with the command's own options (an `accounts` pattern that matches nothing). */
  errors: string[];
  failures: AccountFailure[];
  plan?: Plan;
  /** The accounts that were planned, in manifest order. */
  selected: string[];
  /** Resolved `{ env: NAME }` values: in memory only, for the executor. Never serialised. */
  envValues: ReadonlyMap<string, string>;
  /** What was read, per account (for rotate, which works from the same read). */
  inventories: AccountInventory[];
  /** Said, not fatal: organisation accounts skipped (suspended, closed), selectors that matched nothing. */
  notes?: string[];
}

/** Validation as `plan` and `apply` need it: an unset `{ env: NAME }` is an error here. */
export function validateForAws(file: string, root: string, env: Record<string, string | undefined>) {
  const loaded = loadManifest(file, { root });
  const findings = [...loaded.findings];
  let values = new Map<string, string>();
  if (loaded.checkable) findings.push(...checkManifestPolicies(loaded.checkable));
  if (loaded.manifest) {
    const resolved = resolveEnvRefs(loaded.manifest, env, 'error');
    findings.push(...resolved.findings);
    values = resolved.values;
  }
  return { manifest: loaded.manifest, findings, values, ok: loaded.manifest !== undefined && !findings.some(isBlocking) };
}


export async function runPlan(file: string, opts: PlanCommandOptions): Promise<PlanCommandResult> {
  const v = validateForAws(file, opts.root, opts.env);
  const result: PlanCommandResult = { manifest: v.manifest, findings: v.findings, errors: [], failures: [], selected: [], envValues: v.values, inventories: [] };
  if (!v.ok || !v.manifest) return result;
  let manifest = v.manifest;

  const org = await withOrganization(manifest, opts);
  if (org.notes.length) result.notes = org.notes;
  if (!org.manifest) {
    result.errors.push(...org.errors);
    return result;
  }
  manifest = result.manifest = org.manifest;
  const { selected, unmatched } = selectAccounts(
    manifest.accounts.map((a) => a.name),
    opts.accounts,
    { idOf: (name) => manifest.accounts.find((a) => a.name === name)?.id, select: org.select },
  );
  for (const p of unmatched) {
    result.errors.push(
      `input "accounts": "${p}" matches no account of the manifest (${manifest.organization ? 'declared or selected from the organisation' : 'declared'}: ${manifest.accounts.map((a) => a.name).join(', ')})`,
    );
  }
  if (result.errors.length) return result;
  if (opts.trustedAccounts) {
    const trusted = withTrustedAccounts(manifest, opts.trustedAccounts, selected);
    if (!trusted.manifest) {
      result.errors.push(...trusted.errors);
      return result;
    }
    manifest = result.manifest = trusted.manifest;
  }
  let read: InventoryReader;
  try {
    read = opts.reader(manifest, selected);
  } catch (err) {
    result.errors.push(err instanceof Error ? err.message : String(err));
    return result;
  }
  result.selected = selected;

  const specs = manifest.accounts.filter((a) => selected.includes(a.name));
  const reads = await mapLimit(specs, opts.concurrency ?? 4, async (spec) => {
    try {
      return await read.read(spec, desiredState(manifest, spec.name, v.values));
    } catch (err) {
      result.failures.push({ account: spec.name, message: err instanceof Error ? err.message : String(err) });
      return undefined;
    }
  });
  let inventories = reads.filter((r): r is AccountInventory => r !== undefined);
  const generatedAt = opts.generatedAt ?? opts.now;
  const plan = (invs: AccountInventory[]) => buildPlan({ manifest, inventories: invs, env: v.values, now: opts.now, generatedAt, prune: opts.prune });
  result.plan = plan(inventories);

  // Second phase: last use is read only for the keys whose retirement depends on it.
  const needed = read.lastUsed ? keysNeedingLastUsed(result.plan) : [];
  if (needed.length && read.lastUsed) {
    const lastUsed = read.lastUsed.bind(read);
    inventories = await mapLimit(inventories, opts.concurrency ?? 4, async (inv) => {
      const ids = needed.filter((n) => n.account === inv.account).flatMap((n) => liveKeyId(inv, n.user, n.keyId) ?? []);
      const spec = specs.find((s) => s.name === inv.account);
      if (!ids.length || !spec) return inv;
      try {
        return withKeyLastUsed(inv, await lastUsed(spec, ids));
      } catch (err) {
        result.failures.push({ account: inv.account, message: `could not read when access keys were last used: ${err instanceof Error ? err.message : String(err)}` });
        return inv;
      }
    });
    result.plan = plan(inventories);
  }
  result.failures.sort((a, b) => a.account.localeCompare(b.account));
  // Unknown is not clean: the plan itself carries the accounts it could not see.
  result.plan = withNotRead(result.plan, result.failures.map((f) => ({ account: f.account, reason: f.message })));
  if (manifest.organization) result.plan = { ...result.plan, organization: orgPlanInfo(manifest, selected, result.notes ?? []) };
  result.inventories = inventories;
  return result;
}

/** The role ARNs the manifest gives each connection in each account: what vendors ask back. */
export function roleArns(manifest: Manifest, accounts: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of manifest.connections) {
    if (!c.role) continue;
    for (const name of c.accounts) {
      const spec = manifest.accounts.find((a) => a.name === name);
      if (!spec || !accounts.includes(name)) continue;
      const partition = /^arn:(aws[\w-]*):/.exec(spec.role ?? '')?.[1] ?? 'aws';
      out[`${c.name}/${name}`] = `arn:${partition}:iam::${spec.id}:role${c.role.path}${c.role.name}`;
    }
  }
  return out;
}

/** A `strategy.matrix` over the selected accounts: `{ include: [{ accounts: "prod" }, ...] }`. */
export function accountMatrix(accounts: readonly string[]): { include: { accounts: string }[] } {
  return { include: accounts.map((a) => ({ accounts: a })) };
}
