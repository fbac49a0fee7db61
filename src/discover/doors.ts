/**
 * Third-party doors in one account's inventory, declared or not: roles whose trust admits a party
 * outside the manifest's accounts, integration users (active keys, no console password),
 * customer-managed policies that name other accounts, and declared billing buckets whose policy
 * does. Pure: reads only the inventory plan already has (GAAD carries trust and RoleLastUsed; the
 * credential report carries every user's key slots and their last use).
 */
import type { AccountInventory, RoleState, UserState } from '../aws/inventory-model.js';
import { maskKeyId } from '../aws/inventory.js';
import { knownAccount } from '../vendors/catalogue.js';
import { capability, type Capability } from './capability.js';
import { namedAccounts, outsideParties, type OutsideParty } from './trust.js';

/** `managed`: the manifest declares it (its risks are the plan's and the checks' business). */
export type DoorRank = 'critical' | 'high' | 'medium' | 'low' | 'managed';
export const DOOR_RANKS: readonly DoorRank[] = ['critical', 'high', 'medium', 'low', 'managed'];

/** Unused this long (or never, since made this long ago) is worth a look. */
export const UNUSED_DAYS = 90;

export interface DoorKey {
  /** Masked (`AKIA…WXYZ`) when ListAccessKeys read it; absent otherwise (the report has no IDs). */
  id?: string;
  /** The credential report's slot, when it supplied the key. */
  slot?: 1 | 2;
  created?: string;
  ageDays?: number;
  /** null: never used. */
  lastUsed: { date: string; region?: string; service?: string } | null;
}

export interface Door {
  account: string;
  accountId: string;
  type: 'role' | 'user' | 'policy' | 'bucket-policy';
  name: string;
  arn: string;
  /** Roles, policies and buckets: who outside the manifest's accounts they admit or name. */
  parties: OutsideParty[];
  /** Vendor names of the parties, as the catalogue or `defaults.knownAccounts` gives them. */
  vendors: string[];
  /** Roles: whether every outside party must present an external ID. */
  externalId?: boolean;
  can?: Capability;
  /** Roles: RoleLastUsed (null: IAM has no record of use). Users: their keys' latest use. */
  lastUsed?: { date: string; region?: string; service?: string } | null;
  keys?: DoorKey[];
  /** The connection that declares it, when the manifest does. */
  connection?: string;
  rank: DoorRank;
  /** The rank it would have undeclared (the same as `rank` unless `managed`). */
  risk: Exclude<DoorRank, 'managed'>;
  /** Why this rank, most severe first. */
  reasons: string[];
}

export interface DiscoverContext {
  /** Every account ID the manifest declares: principals there are not third parties. */
  manifestAccountIds: ReadonlySet<string>;
  knownAccounts: Readonly<Record<string, string>>;
  /** Lower-cased declared name -> connection, per resource type, for this account. */
  declared: { roles: ReadonlyMap<string, string>; users: ReadonlyMap<string, string>; policies: ReadonlyMap<string, string>; buckets: ReadonlyMap<string, string> };
  now: Date;
}

const DAY = 86_400_000;

function days(from: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(from)) / DAY);
}

function worst(a: Exclude<DoorRank, 'managed'>, b: Exclude<DoorRank, 'managed'>): Exclude<DoorRank, 'managed'> {
  return DOOR_RANKS.indexOf(a) <= DOOR_RANKS.indexOf(b) ? a : b;
}

function partyLabel(p: OutsideParty): string {
  if (p.kind === 'anyone') return 'anyone (Principal "*")';
  if (p.kind !== 'account') return `${p.kind.toUpperCase()} provider ${p.principal}`;
  const root = p.principal === p.accountId || p.principal.endsWith(':root');
  return p.vendor ? `${p.vendor.name} (${p.principal})` : `unknown account ${p.accountId ?? p.principal}${root ? '' : ` (${p.principal})`}`;
}

class Ranker {
  risk: Exclude<DoorRank, 'managed'> = 'low';
  readonly reasons: { rank: Exclude<DoorRank, 'managed'>; text: string }[] = [];
  add(rank: Exclude<DoorRank, 'managed'>, text: string): void {
    this.risk = worst(this.risk, rank);
    this.reasons.push({ rank, text });
  }
  sorted(): string[] {
    return [...this.reasons].sort((a, b) => DOOR_RANKS.indexOf(a.rank) - DOOR_RANKS.indexOf(b.rank)).map((r) => r.text);
  }
}

function rankCapability(r: Ranker, can: Capability): void {
  if (can.admin) r.add('high', 'a third party with administrator access');
  else if (can.iamWrite) r.add('high', 'a third party that can write IAM (privilege escalation)');
}

function finish(
  base: Omit<Door, 'rank' | 'risk' | 'reasons' | 'connection'>,
  r: Ranker,
  connection: string | undefined,
): Door {
  return {
    ...base,
    ...(connection !== undefined ? { connection } : {}),
    rank: connection !== undefined ? 'managed' : r.risk,
    risk: r.risk,
    reasons: r.sorted(),
  };
}

function vendorsOf(parties: readonly OutsideParty[]): string[] {
  return [...new Set(parties.flatMap((p) => (p.vendor ? [p.vendor.name] : [])))].sort();
}

function roleDoor(inv: AccountInventory, role: RoleState, ctx: DiscoverContext, own: ReadonlySet<string>): Door | undefined {
  const parties = outsideParties(role.trust, { ownAccounts: own, knownAccounts: ctx.knownAccounts });
  if (parties.length === 0) return undefined;
  const r = new Ranker();
  for (const p of parties) {
    if (p.externalId) continue;
    if (p.kind === 'anyone') r.add('critical', 'trusts anyone (Principal "*") without an external ID');
    else if (p.kind === 'account' && p.vendor === undefined) r.add('critical', `trusts ${partyLabel(p)} without an external ID`);
    else if (p.kind === 'account') r.add('high', `trusts ${partyLabel(p)} without an external ID (confused deputy)`);
  }
  for (const p of parties.filter((x) => x.kind === 'oidc' || x.kind === 'saml')) r.add('low', `trusts the ${partyLabel(p)}`);
  const can = capability(inv, role.attached, role.inline);
  rankCapability(r, can);
  const lastUsed = role.lastUsed ?? null;
  const since = lastUsed?.date ?? role.created;
  if (since !== '' && days(since, ctx.now) >= UNUSED_DAYS) {
    r.add('medium', lastUsed === null ? `no recorded use, made ${days(role.created, ctx.now)} days ago` : `unused for ${days(since, ctx.now)} days`);
  }
  const externalId = parties.every((p) => p.externalId);
  return finish(
    { account: inv.account, accountId: inv.accountId, type: 'role', name: role.name, arn: role.arn, parties, vendors: vendorsOf(parties), externalId, can, lastUsed },
    r,
    ctx.declared.roles.get(role.name.toLowerCase()),
  );
}

function userKeys(u: UserState, now: Date): DoorKey[] {
  if (u.reportedKeys !== undefined) {
    return u.reportedKeys
      .filter((k) => k.active)
      .map((k) => {
        // The report has no key IDs: a listed key made in the same second is the same key.
        const listed = k.lastRotated === undefined ? undefined : u.accessKeys?.find((a) => Math.floor(Date.parse(a.created) / 1000) === Math.floor(Date.parse(k.lastRotated ?? '') / 1000));
        return {
          ...(listed ? { id: maskKeyId(listed.id) } : {}),
          slot: k.slot,
          ...(k.lastRotated !== undefined ? { created: k.lastRotated, ageDays: days(k.lastRotated, now) } : {}),
          lastUsed: k.lastUsed ?? null,
        };
      });
  }
  return (u.accessKeys ?? [])
    .filter((k) => k.status === 'Active')
    .map((k) => ({ id: maskKeyId(k.id), created: k.created, ageDays: days(k.created, now), lastUsed: k.lastUsed ? { date: k.lastUsed } : null }));
}

function userDoor(inv: AccountInventory, u: UserState, ctx: DiscoverContext): Door | undefined {
  // A console password means a person; unknown (no credential report) is not reported as a door.
  if (u.hasLoginProfile !== false) return undefined;
  const keys = userKeys(u, ctx.now);
  if (keys.length === 0) return undefined;
  const r = new Ranker();
  const can = capability(inv, u.attached, u.inline);
  if (u.groups.length > 0) can.unknown.push(...u.groups.map((g) => `group:${g}`));
  rankCapability(r, can);
  const used = keys.flatMap((k) => (k.lastUsed ? [k.lastUsed] : [])).sort((a, b) => (a.date < b.date ? 1 : -1));
  const lastUsed = used[0] ?? null;
  const since = lastUsed?.date ?? keys.map((k) => k.created ?? '').filter(Boolean).sort().at(-1) ?? u.created;
  if (since !== '' && days(since, ctx.now) >= UNUSED_DAYS) {
    r.add('medium', lastUsed === null ? `its keys were never used (newest made ${days(since, ctx.now)} days ago)` : `its keys are unused for ${days(since, ctx.now)} days`);
  }
  const oldest = Math.max(...keys.map((k) => k.ageDays ?? 0));
  if (oldest >= UNUSED_DAYS) r.add('low', `a key is ${oldest} days old (not rotated)`);
  return finish(
    { account: inv.account, accountId: inv.accountId, type: 'user', name: u.name, arn: u.arn, parties: [], vendors: [], can, lastUsed, keys },
    r,
    ctx.declared.users.get(u.name.toLowerCase()),
  );
}

function accountParties(ids: readonly string[], ctx: DiscoverContext): OutsideParty[] {
  return ids.map((id) => {
    const vendor = knownAccount(id, ctx.knownAccounts);
    return { kind: 'account' as const, principal: id, accountId: id, ...(vendor ? { vendor } : {}), externalId: false };
  });
}

function namingDoor(
  inv: AccountInventory,
  type: 'policy' | 'bucket-policy',
  name: string,
  arn: string,
  parties: OutsideParty[],
  connection: string | undefined,
  what: string,
): Door | undefined {
  if (parties.length === 0) return undefined;
  const r = new Ranker();
  for (const p of parties) r.add(p.vendor ? 'low' : 'medium', `${what} ${partyLabel(p)}`);
  return finish({ account: inv.account, accountId: inv.accountId, type, name, arn, parties, vendors: vendorsOf(parties), }, r, connection);
}

export function findDoors(inv: AccountInventory, ctx: DiscoverContext): Door[] {
  const own = new Set([...ctx.manifestAccountIds, inv.accountId]);
  const doors: Door[] = [];
  for (const role of inv.roles) {
    const d = roleDoor(inv, role, ctx, own);
    if (d) doors.push(d);
  }
  for (const u of inv.users) {
    const d = userDoor(inv, u, ctx);
    if (d) doors.push(d);
  }
  for (const p of inv.policies) {
    const d = namingDoor(inv, 'policy', p.name, p.arn, accountParties(namedAccounts(p.document, own), ctx), ctx.declared.policies.get(p.name.toLowerCase()), 'names');
    if (d) doors.push(d);
  }
  for (const b of inv.buckets) {
    const connection = ctx.declared.buckets.get(b.name);
    if (!b.exists || b.policy === undefined || connection === undefined) continue;
    const parties = outsideParties(b.policy, { ownAccounts: own, knownAccounts: ctx.knownAccounts });
    const d = namingDoor(inv, 'bucket-policy', b.name, `arn:aws:s3:::${b.name}`, parties, connection, 'lets in');
    if (d) doors.push(d);
  }
  return doors.sort(compareDoors);
}

/** Most severe first, then by account, type and name: the same input sorts the same. */
export function compareDoors(a: Door, b: Door): number {
  const key = (d: Door) => `${d.account}\u0000${d.type}\u0000${d.name}`;
  return DOOR_RANKS.indexOf(a.rank) - DOOR_RANKS.indexOf(b.rank) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}
