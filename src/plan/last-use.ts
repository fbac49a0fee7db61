/**
 * Two-phase planning for key decisions that depend on last use. GAAD and ListAccessKeys do not
 * say when a key was last used, and GetAccessKeyLastUsed is one call per key, so the first plan
 * leaves such decisions open (`after.needsLastUsed: true`, action 'none'); the command reads
 * last use for exactly the keys listed here, records it on the inventory (`withKeyLastUsed` in
 * src/aws/gaad.ts) and plans again:
 *
 *     let plan = buildPlan(input);
 *     const wanted = keysNeedingLastUsed(plan);
 *     if (wanted.length > 0) {
 *       // per account: readKeysLastUsed(iam, ids) then withKeyLastUsed(inventory, answers)
 *       plan = buildPlan({ ...input, inventories: updated });
 *     }
 */
import type { AccountInventory } from '../aws/inventory-model.js';
import { maskKeyId } from './keys.js';
import type { AccountPlan, Plan } from './model.js';

export interface LastUseRequest {
  account: string;
  user: string;
  /** As the plan holds it: masked (`AKIA…WXYZ`); `liveKeyId` finds the key it names. */
  keyId: string;
}

/**
 * The full ID of the key a plan names by its masked form (or in full, from an older plan): the
 * one key of `user` in the inventory whose mask matches. A user holds at most two keys, so a
 * match is unique unless both share their first and last four characters; then none is returned.
 */
export function liveKeyId(inv: AccountInventory, user: string, keyId: string): string | undefined {
  const keys = inv.users.find((u) => u.name === user)?.accessKeys ?? [];
  const hits = keys.filter((k) => k.id === keyId || maskKeyId(k.id) === keyId);
  return hits.length === 1 ? hits[0]!.id : undefined;
}

/** A change waiting for last use names its key, or (`lastUseOf`) every key its decision reads. */
function requests(account: string, after: unknown): LastUseRequest[] {
  if (typeof after !== 'object' || after === null) return [];
  const a = after as { needsLastUsed?: unknown; keyId?: unknown; lastUseOf?: unknown; user?: unknown };
  if (a.needsLastUsed !== true || typeof a.user !== 'string') return [];
  const user = a.user;
  const ids = Array.isArray(a.lastUseOf) ? a.lastUseOf.filter((k): k is string => typeof k === 'string') : typeof a.keyId === 'string' ? [a.keyId] : [];
  return ids.map((keyId) => ({ account, user, keyId }));
}

/** The keys whose last use a decision of the plan waits for, by account, in a stable order. */
export function keysNeedingLastUsed(plan: Plan | readonly AccountPlan[]): LastUseRequest[] {
  const accounts = Array.isArray(plan) ? (plan as readonly AccountPlan[]) : (plan as Plan).accounts;
  const seen = new Set<string>();
  const out: LastUseRequest[] = [];
  for (const a of accounts) {
    for (const c of a.changes) {
      for (const r of requests(a.account, c.after)) {
        if (seen.has(`${r.account}/${r.keyId}`)) continue;
        seen.add(`${r.account}/${r.keyId}`);
        out.push(r);
      }
    }
  }
  return out.sort((x, y) => x.account.localeCompare(y.account) || x.user.localeCompare(y.user) || x.keyId.localeCompare(y.keyId));
}
