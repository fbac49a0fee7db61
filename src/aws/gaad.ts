/**
 * Maps GetAccountAuthorizationDetails pages into AccountInventory. Shared by the live read
 * (./inventory.ts, SDK output with Date objects and URL-encoded documents) and the snapshot
 * loader (./snapshot.ts, the AWS CLI's JSON with ISO strings and decoded documents), so the
 * types below are the loose union of both.
 */
import type {
  AccessKeyState,
  AccountInventory,
  AttachedPolicy,
  InlinePolicy,
  ManagedPolicyState,
  RoleState,
  UserState,
} from './inventory-model.js';
import { decodePolicyDocument } from './policy-decode.js';

export interface GaadTag {
  Key?: string;
  Value?: string;
}
export interface GaadAttachedPolicy {
  PolicyName?: string;
  PolicyArn?: string;
}
export interface GaadInlinePolicy {
  PolicyName?: string;
  PolicyDocument?: unknown;
}
type GaadDate = Date | string;

export interface GaadUser {
  Path?: string;
  UserName?: string;
  UserId?: string;
  Arn?: string;
  CreateDate?: GaadDate;
  UserPolicyList?: GaadInlinePolicy[];
  GroupList?: string[];
  AttachedManagedPolicies?: GaadAttachedPolicy[];
  PermissionsBoundary?: { PermissionsBoundaryArn?: string };
  Tags?: GaadTag[];
}
export interface GaadRole {
  Path?: string;
  RoleName?: string;
  RoleId?: string;
  Arn?: string;
  CreateDate?: GaadDate;
  AssumeRolePolicyDocument?: unknown;
  RolePolicyList?: GaadInlinePolicy[];
  AttachedManagedPolicies?: GaadAttachedPolicy[];
  PermissionsBoundary?: { PermissionsBoundaryArn?: string };
  Tags?: GaadTag[];
  /** Not in GAAD; present when a snapshot or GetRole supplied it. */
  Description?: string;
  MaxSessionDuration?: number;
  /** GAAD carries it: when and where the role was last assumed. */
  RoleLastUsed?: { LastUsedDate?: GaadDate; Region?: string };
}
export interface GaadPolicyVersion {
  Document?: unknown;
  VersionId?: string;
  IsDefaultVersion?: boolean;
}
export interface GaadPolicy {
  PolicyName?: string;
  Arn?: string;
  Path?: string;
  DefaultVersionId?: string;
  AttachmentCount?: number;
  /** Set at CreatePolicy, immutable; carries our owner marker (GAAD has no policy tags). */
  Description?: string;
  PolicyVersionList?: GaadPolicyVersion[];
  /** Not in GAAD (IAM leaves managed-policy tags out); kept when a snapshot has them. */
  Tags?: GaadTag[];
}
export interface GaadPage {
  UserDetailList?: GaadUser[];
  RoleDetailList?: GaadRole[];
  Policies?: GaadPolicy[];
}

/** A structural problem in the data (a user without a name...), named by its place. */
export class GaadShapeError extends Error {
  constructor(where: string, what: string) {
    super(`${where}: ${what}`);
    this.name = 'GaadShapeError';
  }
}

const byName = <T extends { name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function required(value: string | undefined, where: string, field: string): string {
  if (typeof value !== 'string' || value === '') throw new GaadShapeError(where, `has no ${field}`);
  return value;
}

export function isoDate(d: GaadDate | undefined): string {
  if (d === undefined) return '';
  const t = d instanceof Date ? d : new Date(d);
  return Number.isNaN(t.getTime()) ? String(d) : t.toISOString();
}

export function tagRecord(tags: GaadTag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (typeof t.Key === 'string') out[t.Key] = t.Value ?? '';
  return out;
}

function attached(list: GaadAttachedPolicy[] | undefined, where: string): AttachedPolicy[] {
  return (list ?? [])
    .map((p, i) => ({
      name: required(p.PolicyName, `${where}, attached policy ${i}`, 'PolicyName'),
      arn: required(p.PolicyArn, `${where}, attached policy ${i}`, 'PolicyArn'),
    }))
    .sort(byName);
}

function inline(list: GaadInlinePolicy[] | undefined, where: string): InlinePolicy[] {
  return (list ?? [])
    .map((p, i) => {
      const name = required(p.PolicyName, `${where}, inline policy ${i}`, 'PolicyName');
      return { name, document: decodePolicyDocument(p.PolicyDocument, `${where}, inline policy ${name}`) };
    })
    .sort(byName);
}

export function mapUser(u: GaadUser, where: string): UserState {
  const name = required(u.UserName, where, 'UserName');
  const at = `user ${name}`;
  const state: UserState = {
    name,
    arn: u.Arn ?? '',
    id: u.UserId ?? '',
    path: u.Path ?? '/',
    created: isoDate(u.CreateDate),
    tags: tagRecord(u.Tags),
    attached: attached(u.AttachedManagedPolicies, at),
    inline: inline(u.UserPolicyList, at),
    groups: [...(u.GroupList ?? [])].sort(),
  };
  if (u.PermissionsBoundary?.PermissionsBoundaryArn) state.permissionsBoundary = u.PermissionsBoundary.PermissionsBoundaryArn;
  return state;
}

export function mapRole(r: GaadRole, where: string): RoleState {
  const name = required(r.RoleName, where, 'RoleName');
  const at = `role ${name}`;
  const state: RoleState = {
    name,
    arn: r.Arn ?? '',
    id: r.RoleId ?? '',
    path: r.Path ?? '/',
    created: isoDate(r.CreateDate),
    tags: tagRecord(r.Tags),
    trust: decodePolicyDocument(r.AssumeRolePolicyDocument, `${at}, trust policy`),
    attached: attached(r.AttachedManagedPolicies, at),
    inline: inline(r.RolePolicyList, at),
  };
  // Absent means unknown (GAAD never has it); a snapshot's '' means read, and empty.
  if (r.Description !== undefined) state.description = r.Description;
  if (r.MaxSessionDuration !== undefined) state.maxSessionDuration = r.MaxSessionDuration;
  if (r.PermissionsBoundary?.PermissionsBoundaryArn) state.permissionsBoundary = r.PermissionsBoundary.PermissionsBoundaryArn;
  if (r.RoleLastUsed?.LastUsedDate !== undefined) {
    state.lastUsed = { date: isoDate(r.RoleLastUsed.LastUsedDate) };
    if (r.RoleLastUsed.Region) state.lastUsed.region = r.RoleLastUsed.Region;
  }
  return state;
}

function versionNumber(id: string): number {
  const n = Number(id.replace(/^v/, ''));
  return Number.isNaN(n) ? Number.MAX_SAFE_INTEGER : n;
}

export function mapPolicy(p: GaadPolicy, where: string): ManagedPolicyState {
  // moto leaves PolicyName out of GAAD; the ARN's last segment is the same name.
  const name = required(p.PolicyName ?? p.Arn?.split('/').pop(), where, 'PolicyName or Arn');
  const at = `policy ${name}`;
  const versions = p.PolicyVersionList ?? [];
  const defaultVersionId =
    p.DefaultVersionId ?? versions.find((v) => v.IsDefaultVersion === true)?.VersionId ?? '';
  const def = versions.find((v) => v.VersionId === defaultVersionId) ?? versions.find((v) => v.IsDefaultVersion === true);
  const document = decodePolicyDocument(def?.Document, `${at}, version ${defaultVersionId}`);
  const documents: Record<string, unknown> = {};
  for (const v of versions) {
    if (typeof v.VersionId !== 'string' || v.Document === undefined) continue;
    documents[v.VersionId] = v === def ? document : decodePolicyDocument(v.Document, `${at}, version ${v.VersionId}`);
  }
  const state: ManagedPolicyState = {
    name,
    arn: p.Arn ?? '',
    path: p.Path ?? '/',
    defaultVersionId,
    document,
    versionIds: versions
      .map((v) => v.VersionId)
      .filter((v): v is string => typeof v === 'string')
      .sort((a, b) => versionNumber(a) - versionNumber(b)),
    attachmentCount: p.AttachmentCount ?? 0,
    tags: tagRecord(p.Tags),
  };
  if (Object.keys(documents).length > 0) state.versions = documents;
  if (p.Description !== undefined) state.description = p.Description;
  // GAAD never returns policy tags: an empty record would read as "untagged".
  if (p.Tags === undefined) state.tagsRead = false;
  return state;
}

export interface InventoryMeta {
  account: string;
  accountId: string;
  readAt: string;
}

/**
 * All pages into one inventory (users without access keys: those are added by the caller).
 * Items repeated across pages (never by IAM, possibly in hand-merged snapshots) keep the last.
 */
export function mapGaadPages(pages: readonly GaadPage[], meta: InventoryMeta, source = 'GetAccountAuthorizationDetails'): AccountInventory {
  const users = new Map<string, UserState>();
  const roles = new Map<string, RoleState>();
  const policies = new Map<string, ManagedPolicyState>();
  pages.forEach((page, p) => {
    const pageAt = pages.length > 1 ? `${source} page ${p + 1}` : source;
    (page.UserDetailList ?? []).forEach((u, i) => {
      const s = mapUser(u, `${pageAt}, UserDetailList[${i}]`);
      users.set(s.name, s);
    });
    (page.RoleDetailList ?? []).forEach((r, i) => {
      const s = mapRole(r, `${pageAt}, RoleDetailList[${i}]`);
      roles.set(s.name, s);
    });
    (page.Policies ?? []).forEach((pol, i) => {
      const s = mapPolicy(pol, `${pageAt}, Policies[${i}]`);
      policies.set(s.arn || s.name, s);
    });
  });
  return {
    account: meta.account,
    accountId: meta.accountId,
    readAt: meta.readAt,
    users: [...users.values()].sort(byName),
    roles: [...roles.values()].sort(byName),
    policies: [...policies.values()].sort(byName),
    buckets: [],
  };
}

/** Adds access keys (sorted by creation, then id) to the named users. */
export function withAccessKeys(inv: AccountInventory, keys: ReadonlyMap<string, AccessKeyState[]>): AccountInventory {
  return {
    ...inv,
    users: inv.users.map((u) => {
      const k = keys.get(u.name);
      return k === undefined
        ? u
        : { ...u, accessKeys: [...k].sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id)) };
    }),
  };
}

/**
 * Records GetAccessKeyLastUsed answers (ISO time, or null for never used) on the keys they
 * belong to: the second phase of a plan whose key decisions need last use.
 */
export function withKeyLastUsed(inv: AccountInventory, lastUsed: ReadonlyMap<string, string | null>): AccountInventory {
  if (lastUsed.size === 0) return inv;
  return {
    ...inv,
    users: inv.users.map((u) =>
      u.accessKeys === undefined || !u.accessKeys.some((k) => lastUsed.has(k.id))
        ? u
        : { ...u, accessKeys: u.accessKeys.map((k) => (lastUsed.has(k.id) ? { ...k, lastUsed: lastUsed.get(k.id) ?? null } : k)) },
    ),
  };
}
