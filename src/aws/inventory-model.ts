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
  /** True when GAAD or GetLoginProfile shows a console password. */
  hasLoginProfile?: boolean;
}

export interface RoleState {
  name: string;
  arn: string;
  id: string;
  path: string;
  created: string;
  tags: Record<string, string>;
  trust: unknown;
  description?: string;
  maxSessionDuration?: number;
  attached: AttachedPolicy[];
  inline: InlinePolicy[];
  permissionsBoundary?: string;
}

export interface ManagedPolicyState {
  name: string;
  arn: string;
  path: string;
  defaultVersionId: string;
  /** The default version's document. */
  document: unknown;
  versionIds: string[];
  attachmentCount: number;
  tags: Record<string, string>;
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
}
