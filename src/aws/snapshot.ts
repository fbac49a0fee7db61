/**
 * `plan --state snapshot.json`: plan against a saved inventory instead of a live account.
 *
 * The snapshot format is exactly what
 *
 *     aws iam get-account-authorization-details --filter User Role LocalManagedPolicy > snapshot.json
 *
 * prints (all pages merged, as the CLI does by default):
 *
 *     {
 *       "UserDetailList": [{ "UserName", "UserId", "Arn", "Path", "CreateDate",
 *                            "UserPolicyList": [{ "PolicyName", "PolicyDocument" }],
 *                            "GroupList": [], "AttachedManagedPolicies": [{ "PolicyName", "PolicyArn" }],
 *                            "PermissionsBoundary"?, "Tags": [{ "Key", "Value" }] }],
 *       "RoleDetailList": [{ "RoleName", ..., "AssumeRolePolicyDocument", "RolePolicyList", ... }],
 *       "Policies": [{ "PolicyName", "Arn", "Path", "DefaultVersionId", "AttachmentCount", "Description"?,
 *                      "PolicyVersionList": [{ "Document", "VersionId", "IsDefaultVersion" }] }],
 *       "GroupDetailList"?: ignored,
 *
 *       // extensions (optional, not printed by the AWS CLI):
 *       "AccessKeys": { "<user name>": [{ "AccessKeyId", "Status", "CreateDate" }] },
 *       "LoginProfiles": ["<user name with a console password>", ...],
 *       "AccountId": "123456789012"
 *     }
 *
 * Like the live read, a snapshot has no policy tags unless a policy carries a "Tags" list (then
 * they count as read); a policy's owner otherwise comes from the marker at the end of its
 * Description. Roles may carry "Description" and "MaxSessionDuration" (GetRole's fields) to have
 * them compared; without them they are unknown, and not compared.
 *
 * Documents may be URL-encoded strings (the API), JSON strings, or objects (the CLI decodes
 * them). Users listed in `AccessKeys` get exactly those keys (an empty list means "read, none");
 * users not listed have unknown keys, as in a live read of an unmanaged user. The same mapper
 * as the live read (./gaad.ts) builds the inventory.
 */
import { z } from 'zod';
import { mapGaadPages, withAccessKeys, isoDate, type GaadPage } from './gaad.js';
import type { AccessKeyState, AccountInventory } from './inventory-model.js';
import { now } from '../clock.js';

const looseList = z.array(z.looseObject({})).optional();

const snapshotSchema = z.looseObject({
  UserDetailList: looseList,
  RoleDetailList: looseList,
  Policies: looseList,
  AccessKeys: z
    .record(
      z.string(),
      z.array(
        z.looseObject({
          AccessKeyId: z.string().min(1),
          Status: z.enum(['Active', 'Inactive']),
          CreateDate: z.string().min(1),
        }),
      ),
    )
    .optional(),
  LoginProfiles: z.array(z.string()).optional(),
  AccountId: z.string().regex(/^\d{12}$/).optional(),
});

export class SnapshotError extends Error {
  constructor(file: string, reason: string) {
    super(
      `${file} is not a usable inventory snapshot: ${reason}. Produce it with ` +
        '`aws iam get-account-authorization-details --filter User Role LocalManagedPolicy > snapshot.json`.',
    );
    this.name = 'SnapshotError';
  }
}

export interface LoadSnapshotOptions {
  /** Manifest name of the account the snapshot stands for. */
  account: string;
  /** Default: the snapshot's AccountId, else the account in the first ARN. */
  accountId?: string;
  /** Shown in errors. Default `snapshot`. */
  file?: string;
  /** Default: now. */
  readAt?: string;
}

function firstArnAccount(data: Record<string, unknown>): string | undefined {
  for (const list of ['UserDetailList', 'RoleDetailList', 'Policies']) {
    const items = data[list];
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      const arn = (item as { Arn?: unknown }).Arn;
      const id = typeof arn === 'string' ? arn.split(':')[4] : undefined;
      if (id !== undefined && /^\d{12}$/.test(id)) return id;
    }
  }
  return undefined;
}

/** Accepts the parsed JSON or its text. */
export function loadSnapshot(json: unknown, opts: LoadSnapshotOptions): AccountInventory {
  const file = opts.file ?? 'snapshot';
  let data: unknown = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (err) {
      throw new SnapshotError(file, `it is not JSON (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? issue.path.join('.') : 'the top level';
    throw new SnapshotError(file, `at ${at}: ${issue?.message ?? 'invalid'}`);
  }
  const snap = parsed.data;
  if (snap.UserDetailList === undefined && snap.RoleDetailList === undefined && snap.Policies === undefined) {
    throw new SnapshotError(file, 'it has none of UserDetailList, RoleDetailList, Policies');
  }
  const accountId = opts.accountId ?? snap.AccountId ?? firstArnAccount(snap);
  if (accountId === undefined) {
    throw new SnapshotError(file, 'its account id cannot be told (no ARN in it); add "AccountId": "<12 digits>"');
  }
  let inv: AccountInventory;
  try {
    inv = mapGaadPages([snap as GaadPage], { account: opts.account, accountId, readAt: opts.readAt ?? now().toISOString() }, file);
  } catch (err) {
    throw new SnapshotError(file, err instanceof Error ? err.message : String(err));
  }
  if (snap.AccessKeys !== undefined) {
    const keys = new Map<string, AccessKeyState[]>(
      Object.entries(snap.AccessKeys).map(([user, list]) => [
        user,
        list.map((k) => ({ id: k.AccessKeyId, status: k.Status, created: isoDate(k.CreateDate) })),
      ]),
    );
    inv = withAccessKeys(inv, keys);
  }
  if (snap.LoginProfiles !== undefined) {
    const withPassword = new Set(snap.LoginProfiles);
    inv = { ...inv, users: inv.users.map((u) => ({ ...u, hasLoginProfile: withPassword.has(u.name) })) };
  }
  return inv;
}
