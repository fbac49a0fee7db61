/**
 * What one account holds, as plain data: read by ./inventory.ts (GAAD pages plus
 * ListAccessKeys per managed user), or loaded from a snapshot file (`plan --state`).
 * Policy documents are already URL-decoded and JSON-parsed.
 */
export interface AttachedPolicy {
  name: string;
  arn: string;
}

export interface InlinePolicy {
  name: string;
  document: unknown;
}

export interface AccessKeyState {
  id: string;
  status: 'Active' | 'Inactive';
  created: string; // ISO-8601
  /** From GetAccessKeyLastUsed, read only where a decision needs it. */
  lastUsed?: string | null;
}

export interface UserState {
  name: string;
  arn: string;
  id: string;
  path: string;
  created: string;
  tags: Record<string, string>;
  attached: AttachedPolicy[];
  inline: InlinePolicy[];
  groups: string[];
  permissionsBoundary?: string;
  /** Present only when the user has been read with ListAccessKeys (managed or name-matched users). */
  accessKeys?: AccessKeyState[];
  /**
   * Whether the user has a console password: from the IAM credential report (see
   * `loginProfileAsOf`), GetLoginProfile or a snapshot. Absent: not known (GAAD does not say).
   */
  hasLoginProfile?: boolean;
  /** From the credential report: whether an MFA device is active (integration users need none). */
  mfaActive?: boolean;
  /**
   * Set when `hasLoginProfile` comes from the credential report: the report's GeneratedTime.
   * IAM reuses a report for up to 4 hours, so the answer can be that old.
   */
  loginProfileAsOf?: string;
  /**
   * The credential report's two key slots (no key IDs): whether each is active, when it was last
   * rotated and last used. Read for every user at no extra call, for discover's integration users.
   */
  reportedKeys?: ReportedKey[];
}

export interface ReportedKey {
  slot: 1 | 2;
  active: boolean;
  /** ISO-8601: the key's creation (IAM's "last rotated"). */
  lastRotated?: string;
  lastUsed?: { date: string; region?: string; service?: string };
}

export interface RoleState {
  name: string;
  arn: string;
  id: string;
  path: string;
  created: string;
  tags: Record<string, string>;
  trust: unknown;
  /**
   * GAAD returns neither: both are absent unless GetRole (or a snapshot) supplied them, and
   * absent means unknown, not empty. A role read without a description has `''`.
   */
  description?: string;
  maxSessionDuration?: number;
  attached: AttachedPolicy[];
  inline: InlinePolicy[];
  permissionsBoundary?: string;
  /** GAAD's RoleLastUsed; absent when IAM has no record (never used, or not in the tracking window). */
  lastUsed?: { date: string; region?: string };
}

export interface ManagedPolicyState {
  name: string;
  arn: string;
  path: string;
  defaultVersionId: string;
  /** The default version's document. */
  document: unknown;
  versionIds: string[];
  /** Every version's document (GAAD returns them all), by version id. */
  versions?: Record<string, unknown>;
  attachmentCount: number;
  /**
   * Set by CreatePolicy and immutable afterwards; GAAD returns it. Policies iam-connections
   * creates end it with the owner marker (see src/plan/policy-owner.ts), because GAAD does
   * not return policy tags.
   */
  description?: string;
  tags: Record<string, string>;
  /**
   * False when the source cannot return policy tags (GAAD never does): `tags` is then empty
   * for lack of knowledge, and nothing may be concluded from it. Absent: the tags were read.
   */
  tagsRead?: boolean;
}

export interface BucketState {
  name: string;
  exists: boolean;
  policy?: unknown;
}

export interface AccountInventory {
  account: string; // manifest name
  accountId: string;
  readAt: string; // ISO-8601
  users: UserState[];
  roles: RoleState[];
  /** Customer-managed (local) policies only. */
  policies: ManagedPolicyState[];
  buckets: BucketState[];
  /** Present when the IAM credential report was asked for (console passwords, MFA). */
  credentialReport?: CredentialReportInfo;
}

/** What reading the credential report takes: the plan names them when they are missing. */
export const CREDENTIAL_REPORT_PERMISSIONS = ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'] as const;

export interface CredentialReportInfo {
  /** The report's GeneratedTime (ISO-8601) when it was read. */
  generatedAt?: string;
  /** Set when it could not be read: why, and the permissions to grant if it was denied. */
  unavailable?: { reason: string; missingPermissions?: string[] };
}
