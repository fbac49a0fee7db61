/** Doors across the accounts read: the manifest's declarations and names as discover's context. */
import type { AccountInventory } from '../aws/inventory-model.js';
import type { Manifest } from '../manifest/model.js';
import type { DesiredAccount } from '../plan/desired.js';
import { DOOR_RANKS, findDoors, type DiscoverContext, type Door, type DoorRank } from './doors.js';

export interface DiscoverResult {
  version: 1;
  generatedAt: string;
  manifest: string;
  accounts: { account: string; accountId: string; doors: Door[] }[];
  /** Selected accounts that were not read: their doors are unknown. */
  notRead?: { account: string; reason: string }[];
  summary: { doors: number; undeclared: number; byRank: Record<DoorRank, number> };
}

export function discoverContext(manifest: Manifest, desired: DesiredAccount, now: Date): DiscoverContext {
  const lower = <T extends { name: string; connection: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.name.toLowerCase(), x.connection]));
  return {
    manifestAccountIds: new Set(manifest.accounts.map((a) => a.id)),
    knownAccounts: manifest.defaults.knownAccounts ?? {},
    declared: {
      roles: lower(desired.roles),
      users: lower(desired.users),
      policies: lower(desired.policies),
      buckets: new Map(desired.buckets.map((b) => [b.name, b.connection])),
    },
    now,
  };
}

export function discoverAccounts(
  manifest: Manifest,
  inventories: readonly AccountInventory[],
  desiredOf: (account: string) => DesiredAccount,
  now: Date,
  generatedAt: Date = now,
): DiscoverResult {
  const accounts = inventories.map((inv) => ({
    account: inv.account,
    accountId: inv.accountId,
    doors: findDoors(inv, discoverContext(manifest, desiredOf(inv.account), now)),
  }));
  const all = accounts.flatMap((a) => a.doors);
  const byRank = Object.fromEntries(DOOR_RANKS.map((r) => [r, all.filter((d) => d.rank === r).length])) as Record<DoorRank, number>;
  return {
    version: 1,
    generatedAt: generatedAt.toISOString(),
    manifest: manifest.file,
    accounts,
    summary: { doors: all.length, undeclared: all.filter((d) => d.rank !== 'managed').length, byRank },
  };
}
