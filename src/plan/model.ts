/**
 * The plan: what differs between the manifest and each account, and what `apply`/`rotate` will
 * do about it. It is written as the JSON plan file (the `plan` output) and read by the executor,
 * so it is plain data, in a stable order, and holds NO secret: external ID values appear only as
 * placeholders saying where the value comes from (`(externalId set, from env NAME)`,
 * `(externalId literal, N characters, from manifest FILE:LINE:COL)`) or, for a live value the
 * manifest does not declare, its length; never the value nor any hash of it. Access key IDs are
 * masked (`AKIA…WXYZ`) everywhere, the `keyId` data fields included: the executor resolves the
 * key live among the user's (at most two) keys.
 *
 * What the executor finds in `after`/`before`, by `resource.type` and `action`:
 *  - user create:        after = { name, path, tags, permissionsBoundary? }
 *  - role create:        after = { name, path, tags, trust, description?, maxSessionDuration?, permissionsBoundary?, externalId? }
 *  - role update:        after = { trust? , description?, maxSessionDuration? } (only what changes), externalId?
 *  - user update (path): after = { path }
 *  - policy create:      after = { name, path, document, description?, tags }
 *  - policy update:      after = { arn, document, tags, deleteVersionFirst? } (a new default version)
 *  - policy/user/role delete: before = the live state needed to take it apart (keys, attachments, inline, groups)
 *  - attachment attach/detach: after/before = { principalType, principal, policyArn }
 *  - inline-policy put:  after = { principalType, principal, name, document }; delete: before = { principalType, principal, name }
 *  - tags tag:           after = { principalType, name, arn?, set: {...} } (keys to set; others are left alone)
 *  - access-key create/rotate/deactivate/delete: after = { user, keyId? (masked), rules }; unexpected key delete: before = { user, keyId (masked) }
 *  - login-profile delete, group-membership remove: before = { user, group? }
 *  - permissions-boundary update: after = { principalType, principal, arn? } (absent arn: delete it)
 *  - bucket create / bucket-policy update: after = { name, region?, policy }
 * A role's `trust` carries a placeholder where the external ID goes; `externalId` says where the
 * executor reads the real value (`fillExternalId` in ./desired.ts puts it back in memory only).
 */
import type { SourceLocation } from '../diagnostics.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export type ResourceType =
  | 'account'
  | 'user'
  | 'role'
  | 'policy'
  | 'attachment'
  | 'inline-policy'
  | 'access-key'
  | 'login-profile'
  | 'group-membership'
  | 'permissions-boundary'
  | 'tags'
  | 'bucket'
  | 'bucket-policy'
  | 'external-id';

export type ChangeKind =
  /** Declared, absent. */
  | 'missing'
  /** Ours (owner tag), differs from the manifest. */
  | 'modified'
  /** Ours, no longer declared: deleted only with `prune`. */
  | 'extra'
  /** On a managed principal, something the manifest does not declare. */
  | 'unexpected'
  /** A declared name held by a resource that is not ours: never touched; withholds its connection. */
  | 'conflict'
  /** A principal with no room left for the tags the tool writes (IAM's 50): withholds its connection. */
  | 'tag-budget'
  /** An untagged resource taken over because the connection says `adopt: true`. */
  | 'adopt'
  /** A temporary connection past `expires + deleteAfter`. */
  | 'expired'
  /** A third-party door (role, integration user, policy) the manifest does not declare: report only. */
  | 'undeclared'
  /** Input the plan could not resolve (an unset environment variable, the wrong account). */
  | 'unresolved'
  | 'key-missing'
  | 'key-due'
  | 'key-overdue'
  | 'key-unused'
  | 'key-retire'
  | 'key-in-use'
  | 'key-delete'
  | 'key-expired'
  | 'key-unrecorded'
  | 'key-orphan'
  /** A new key marked pending by a rotation that did not finish: resumed or retired, never deleted blind. */
  | 'key-pending'
  | 'key-inactive';

export type Action =
  | 'create'
  | 'update'
  | 'delete'
  | 'attach'
  | 'detach'
  | 'put'
  | 'tag'
  | 'rotate'
  | 'deactivate'
  | 'remove'
  /** Report only. */
  | 'none';

export interface Change {
  /** Stable: `account/connection/resource type/resource name/kind`. */
  id: string;
  account: string;
  /** Absent for resources no declared connection claims. */
  connection?: string;
  resource: { type: ResourceType; name: string; arn?: string };
  kind: ChangeKind;
  action: Action;
  severity: Severity;
  /** Security-relevant drift is ranked first among equal severities. */
  security: boolean;
  /** One or two sentences: what differs and what will happen (or what to do). No secrets. */
  reason: string;
  before?: unknown;
  after?: unknown;
  /** The manifest entry that declares the resource. */
  at?: SourceLocation;
  /** Ids of changes that must succeed first (e.g. create the policy before attaching it). */
  dependsOn?: string[];
  /** Set when a conflict (or unresolved input) holds this change back: `action` is then 'none'. */
  withheld?: { action: Action; by: string };
}

/** A vendor-created resource named under `watch:`: reported with its risk, never changed. */
export interface WatchReport {
  account: string;
  connection: string;
  resource: { type: 'role' | 'user' | 'policy'; name: string; arn?: string };
  found: boolean;
  severity: Severity;
  /** Sentences on what it allows, e.g. `allows * except iam:CreateUser: still allows ...`. */
  risks: string[];
  /** Managed policy ARNs attached and inline policy names, for the report. */
  policies: string[];
  /** For roles: who may assume it, and whether an external ID is required. */
  trust?: { principals: string[]; externalId: boolean };
  at?: SourceLocation;
}

export interface AccountPlan {
  account: string;
  accountId: string;
  changes: Change[];
  watched: WatchReport[];
}

export interface PlanSummary {
  /** Changes with an action other than 'none', in the accounts read: the `changes` output. */
  changes: number;
  /**
   * Any change at all in the accounts read, report-only ones included. The `drift` output is
   * `driftState(plan)` (./summary.ts): `unknown` whenever an account was not read.
   */
  drift: boolean;
  /** All changes, report-only included. */
  total: number;
  withheld: number;
  security: number;
  bySeverity: Record<Severity, number>;
  byKind: Partial<Record<ChangeKind, number>>;
}

/** A selected account the plan could not read (or not completely): its drift is unknown. */
export interface AccountNotRead {
  account: string;
  /** Why, in the reader's words (no secret: credential and API errors only). */
  reason: string;
}

export interface Plan {
  version: 1;
  generatedAt: string;
  /** The instant time-based rules were evaluated at (`as-of`, or now). */
  asOf: string;
  /** The manifest's path as given. */
  manifest: string;
  prune: boolean;
  accounts: AccountPlan[];
  /**
   * Selected accounts that were not read, or not completely: present (and non-empty) only then.
   * Their drift is unknown, so the plan as a whole is never "clean" while this is set.
   */
  notRead?: AccountNotRead[];
  /** Present when the manifest selects accounts from AWS Organizations: what the read found. */
  organization?: OrgPlanInfo;
  summary: PlanSummary;
}

/** The organisation accounts this plan covers (name, ID, OU, when they joined) and what was skipped. */
export interface OrgPlanInfo {
  accounts: { account: string; accountId: string; organizationName: string; ou: string; joined?: string }[];
  notes: string[];
}

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Most severe first, security-relevant before the rest, then by id: the same input sorts the same. */
export function compareChanges(a: Change, b: Change): number {
  return (
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    Number(b.security) - Number(a.security) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
