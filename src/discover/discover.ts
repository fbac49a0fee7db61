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

/** What the manifest declares in the account; resources named under `watch:` count as declared. */
export function declaredIn(desired: DesiredAccount): DiscoverContext['declared'] {
  const lower = (xs: readonly { name: string; connection: string }[], type: 'role' | 'user' | 'policy') =>
    new Map([...desired.watches.filter((w) => w.type === type), ...xs].map((x) => [x.name.toLowerCase(), x.connection]));
  return {
    roles: lower(desired.roles, 'role'),
    users: lower(desired.users, 'user'),
    policies: lower(desired.policies, 'policy'),
    buckets: new Map(desired.buckets.map((b) => [b.name, b.connection])),
  };
}

export function discoverContext(manifest: Manifest, desired: DesiredAccount, now: Date): DiscoverContext {
  return {
    manifestAccountIds: new Set(manifest.accounts.map((a) => a.id)),
    knownAccounts: manifest.defaults.knownAccounts ?? {},
    declared: declaredIn(desired),
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
