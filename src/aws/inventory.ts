/**
 * Reads what one account holds with as few calls as IAM allows: GetAccountAuthorizationDetails
 * pages (users, roles, local policies with documents, attachments, tags), then one
 * ListAccessKeys per user we manage or declare (GAAD has no keys), and nothing per policy or
 * attachment. Console passwords come from the credential report (2-3 calls per account) when
 * asked; GetLoginProfile (one call per managed user) only when asked.
 */
import {
  GetAccessKeyLastUsedCommand,
  GetAccountAuthorizationDetailsCommand,
  GetLoginProfileCommand,
  GetRoleCommand,
  ListAccessKeysCommand,
  ListPolicyTagsCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { GetBucketPolicyCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { OWNER_TAG } from '../manifest/model.js';
import { readCredentialReport, withCredentialReport } from './credential-report.js';
import { mapGaadPages, withAccessKeys, isoDate, type GaadPage } from './gaad.js';
import type { AccessKeyState, AccountInventory, BucketState, ManagedPolicyState, RoleState, UserState } from './inventory-model.js';
import { decodePolicyDocument, PolicyDecodeError } from './policy-decode.js';
import { awsErrorAdvice, isWrongBucketRegion, wrongRegionAdvice } from './error-advice.js';
import { classifyAwsError, errorCode, errorSummary, httpStatus, RetriesExhaustedError, withRetry, type RetryOptions } from './retry.js';
import { mapLimit } from '../concurrency.js';
import { now } from '../clock.js';

const capitalize = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** A read that failed for a reason a human must fix (denied, malformed answer...). */
export class InventoryReadError extends Error {
  readonly account: string;
  readonly action: string;
  readonly code: string | undefined;
  constructor(account: string, action: string, err: unknown, hint?: string) {
    const denied = classifyAwsError(err) === 'denied';
    const advice = awsErrorAdvice(err, action);
    const fix =
      hint ??
      (advice !== undefined ? `${capitalize(advice)}.` : undefined) ??
      (denied
        ? `The role used for account "${account}" needs ${action} (plan reads with iam:GetAccountAuthorizationDetails, ` +
          'iam:ListAccessKeys, iam:GenerateCredentialReport, iam:GetCredentialReport, iam:GetLoginProfile, iam:GetRole, ' +
          'iam:GetAccessKeyLastUsed, s3:ListBucket and s3:GetBucketPolicy).'
        : 'Rerun; if it persists, run with the AWS SDK debug log or report it with this message.');
    super(`Reading account "${account}": ${action} failed: ${errorSummary(err)}. ${fix}`, { cause: err });
    this.name = 'InventoryReadError';
    this.account = account;
    this.action = action;
    this.code = errorCode(err);
  }
}

export interface ReadInventoryOptions {
  /** Manifest name of the account. */
  account: string;
  accountId: string;
  /**
   * Users whose keys must be read although they lack the owner tag: the users the manifest
   * declares in this account (name clashes, adoption). Users with the owner tag always are.
   */
  isDeclaredUser?: (name: string) => boolean;
  /**
   * Read the IAM credential report (GenerateCredentialReport, GetCredentialReport: 2-3 calls
   * per account) for console passwords and MFA of every user. Denial does not fail the read:
   * the inventory's `credentialReport.unavailable` says what is missing. Default false; `plan`
   * turns it on.
   */
  credentialReport?: boolean;
  /** How long to wait for IAM to generate the credential report. Default 60 s. */
  credentialReportWaitMs?: number;
  /**
   * One GetLoginProfile per managed or declared user: current to the second where the report
   * may be 4 hours old. Overrides the report's answer for those users. Default false.
   */
  readLoginProfiles?: boolean;
  /**
   * One GetRole per managed (tagged) or declared role, for what GAAD leaves out: description
   * and maximum session duration. Default false.
   */
  readRoleDetails?: boolean;
  isDeclaredRole?: (name: string) => boolean;
  /**
   * Customer-managed policies whose tags must be read (ListPolicyTags, one call each), since GAAD
   * returns none: the declared policies whose Description carries no owner marker (adopted ones,
   * whose owner tag was written by TagPolicy, or someone else's). Default: none.
   */
  needsPolicyTags?: (p: ManagedPolicyState) => boolean;
  /**
   * Buckets to read with readBucketState (e.g. the Cloudyn billing bucket). A bucket with a region
   * (billingBucket.region) is read with `s3For(region)`: S3 answers 301 to a client of another region.
   */
  buckets?: { s3: S3Client; names: readonly string[]; regions?: Readonly<Record<string, string>>; s3For?: (region: string) => S3Client };
  retry?: RetryOptions;
  /** Parallel per-user calls. Default 4 (IAM throttles bursts). */
  concurrency?: number;
  /** GAAD page size. Default 1000 (the maximum). */
  pageSize?: number;
  now?: () => Date;
}

export function isOwned(tags: Record<string, string>): boolean {
  return Object.prototype.hasOwnProperty.call(tags, OWNER_TAG);
}


/** Safety net against a server that keeps answering IsTruncated with the same marker. */
const MAX_PAGES = 10_000;

/** All GAAD pages for users, roles and local policies, following Marker while IsTruncated. */
export async function readGaadPages(
  iam: IAMClient,
  opts: { account: string; pageSize?: number; retry?: RetryOptions },
): Promise<GetAccountAuthorizationDetailsCommandOutput[]> {
  const pages: GetAccountAuthorizationDetailsCommandOutput[] = [];
  const seen = new Set<string>();
  let marker: string | undefined;
  do {
    const page = await call(opts.account, 'iam:GetAccountAuthorizationDetails', opts.retry, () =>
      iam.send(
        new GetAccountAuthorizationDetailsCommand({
          Filter: ['User', 'Role', 'LocalManagedPolicy'],
          MaxItems: opts.pageSize ?? 1000,
          Marker: marker,
        }),
      ),
    );
    pages.push(page);
    marker = page.IsTruncated === true ? page.Marker : undefined;
    if (page.IsTruncated === true && !marker) {
      throw new InventoryReadError(opts.account, 'iam:GetAccountAuthorizationDetails', new Error('a page was truncated but carried no Marker'));
    }
    if (marker !== undefined) {
      if (seen.has(marker) || pages.length >= MAX_PAGES) {
        throw new InventoryReadError(
          opts.account,
          'iam:GetAccountAuthorizationDetails',
          new Error(`pagination does not advance (marker repeated after ${pages.length} pages)`),
        );
      }
      seen.add(marker);
    }
  } while (marker !== undefined);
  return pages;
}

async function call<T>(account: string, action: string, retry: RetryOptions | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await withRetry(fn, { ...retry, label: `${action} in account "${account}"` });
  } catch (err) {
    if (err instanceof RetriesExhaustedError) throw err;
    throw new InventoryReadError(account, action, err);
  }
}

function isNoSuchEntity(err: unknown): boolean {
  return errorCode(err) === 'NoSuchEntity' || errorCode(err) === 'NoSuchEntityException';
}

/** A user's access keys (IAM allows two; the marker is followed anyway). */
export async function readAccessKeys(
  iam: IAMClient,
  userName: string,
  opts: { account: string; retry?: RetryOptions },
): Promise<AccessKeyState[]> {
  const keys: AccessKeyState[] = [];
  let marker: string | undefined;
  do {
    const out = await call(opts.account, `iam:ListAccessKeys for user ${userName}`, opts.retry, () =>
      iam.send(new ListAccessKeysCommand({ UserName: userName, Marker: marker })),
    );
    for (const k of out.AccessKeyMetadata ?? []) {
      if (!k.AccessKeyId) continue;
      keys.push({ id: k.AccessKeyId, status: k.Status === 'Active' ? 'Active' : 'Inactive', created: isoDate(k.CreateDate) });
    }
    marker = out.IsTruncated === true ? out.Marker : undefined;
  } while (marker !== undefined);
  return keys;
}

/** Whether the user has a console password. */
export async function readLoginProfile(iam: IAMClient, userName: string, opts: { account: string; retry?: RetryOptions }): Promise<boolean> {
  try {
    await withRetry(() => iam.send(new GetLoginProfileCommand({ UserName: userName })), {
      ...opts.retry,
      label: `iam:GetLoginProfile for user ${userName}`,
    });
    return true;
  } catch (err) {
    if (isNoSuchEntity(err)) return false;
    if (err instanceof RetriesExhaustedError) throw err;
    throw new InventoryReadError(opts.account, `iam:GetLoginProfile for user ${userName}`, err);
  }
}

/** When a key was last used (ISO-8601), or null if never. Call only where a decision needs it. */
export async function readKeyLastUsed(
  iam: IAMClient,
  keyId: string,
  opts: { account?: string; retry?: RetryOptions } = {},
): Promise<string | null> {
  const account = opts.account ?? '?';
  const out = await call(account, `iam:GetAccessKeyLastUsed for key ${maskKeyId(keyId)}`, opts.retry, () =>
    iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: keyId })),
  );
  const d = out.AccessKeyLastUsed?.LastUsedDate;
  return d === undefined ? null : isoDate(d);
}

/**
 * Last use of exactly the keys a plan asked for (`keysNeedingLastUsed`), one call each, a few
 * at a time; feed the answer to `withKeyLastUsed` and plan again.
 */
export async function readKeysLastUsed(
  iam: IAMClient,
  keyIds: readonly string[],
  opts: { account?: string; retry?: RetryOptions; concurrency?: number } = {},
): Promise<Map<string, string | null>> {
  const ids = [...new Set(keyIds)].sort();
  const answers = await mapLimit(ids, opts.concurrency ?? 4, (id) => readKeyLastUsed(iam, id, opts));
  return new Map(ids.map((id, i) => [id, answers[i] ?? null]));
}

/** `AKIA…WXYZ`, the only way an access key id is shown. */
export function maskKeyId(id: string): string {
  return id.length <= 8 ? id : `${id.slice(0, 4)}…${id.slice(-4)}`;
}

/** Whether the bucket exists (for us) and its policy; a missing policy is not an error. */
export async function readBucketState(
  s3: S3Client,
  name: string,
  opts: { account?: string; retry?: RetryOptions } = {},
): Promise<BucketState> {
  const account = opts.account ?? '?';
  const wrongRegion = async (action: string, err: unknown): Promise<InventoryReadError> =>
    new InventoryReadError(account, `${action} ${name}`, err, `${capitalize(wrongRegionAdvice(name, err, await s3.config.region()))}, then rerun.`);
  try {
    await withRetry(() => s3.send(new HeadBucketCommand({ Bucket: name })), { ...opts.retry, label: `s3:HeadBucket ${name}` });
  } catch (err) {
    const code = errorCode(err);
    const status = httpStatus(err);
    if (isWrongBucketRegion(err)) throw await wrongRegion('s3:HeadBucket', err);
    if (code === 'NotFound' || code === 'NoSuchBucket' || status === 404) return { name, exists: false };
    if (err instanceof RetriesExhaustedError) throw err;
    if (status === 403 || code === 'Forbidden') {
      throw new InventoryReadError(
        account,
        `s3:HeadBucket ${name}`,
        err,
        `The bucket exists but this account cannot read it: it may belong to another AWS account (bucket names are global; choose another name), or the role lacks s3:ListBucket on arn:aws:s3:::${name}.`,
      );
    }
    throw new InventoryReadError(account, `s3:HeadBucket ${name}`, err);
  }
  try {
    const out = await withRetry(() => s3.send(new GetBucketPolicyCommand({ Bucket: name })), {
      ...opts.retry,
      label: `s3:GetBucketPolicy ${name}`,
    });
    return { name, exists: true, policy: decodePolicyDocument(out.Policy, `bucket ${name}`) };
  } catch (err) {
    if (errorCode(err) === 'NoSuchBucketPolicy') return { name, exists: true };
    if (isWrongBucketRegion(err)) throw await wrongRegion('s3:GetBucketPolicy', err);
    if (err instanceof RetriesExhaustedError || err instanceof PolicyDecodeError) throw err;
    throw new InventoryReadError(account, `s3:GetBucketPolicy ${name}`, err);
  }
}

/** Whose keys (and login profile) are read: ours by tag, or declared by name. */
export function needsKeyRead(u: UserState, isDeclaredUser: ((name: string) => boolean) | undefined): boolean {
  return isOwned(u.tags) || (isDeclaredUser?.(u.name) ?? false);
}

export async function readInventory(iam: IAMClient, opts: ReadInventoryOptions): Promise<AccountInventory> {
  const readAt = (opts.now?.() ?? now()).toISOString();
  const pages = await readGaadPages(iam, opts);
  const base = mapGaadPages(pages as GaadPage[], { account: opts.account, accountId: opts.accountId, readAt });
  const concurrency = opts.concurrency ?? 4;
  const targets = base.users.filter((u) => needsKeyRead(u, opts.isDeclaredUser));

  const keyLists = await mapLimit(targets, concurrency, (u) => readAccessKeys(iam, u.name, opts));
  let inv = withAccessKeys(base, new Map(targets.map((u, i) => [u.name, keyLists[i] ?? []])));

  const tagTargets = opts.needsPolicyTags === undefined ? [] : inv.policies.filter((p) => p.tagsRead === false && opts.needsPolicyTags?.(p) === true);
  if (tagTargets.length > 0) {
    // At most 50 tags per policy, so one page of 100 holds them all.
    const tagLists = await mapLimit(tagTargets, concurrency, (p) =>
      call(opts.account, `iam:ListPolicyTags ${p.arn}`, opts.retry, () => iam.send(new ListPolicyTagsCommand({ PolicyArn: p.arn, MaxItems: 100 }))),
    );
    const byArn = new Map(tagTargets.map((p, i) => [p.arn, Object.fromEntries((tagLists[i]?.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']))]));
    inv = {
      ...inv,
      policies: inv.policies.map((p) => {
        const tags = byArn.get(p.arn);
        if (tags === undefined) return p;
        const { tagsRead: _unknown, ...rest } = p;
        return { ...rest, tags };
      }),
    };
  }

  if (opts.credentialReport === true) {
    const report = await readCredentialReport(iam, {
      account: opts.account,
      ...(opts.retry !== undefined ? { retry: opts.retry } : {}),
      ...(opts.credentialReportWaitMs !== undefined ? { maxWaitMs: opts.credentialReportWaitMs } : {}),
    }).catch((err: unknown) => {
      if (err instanceof RetriesExhaustedError) throw err;
      throw new InventoryReadError(opts.account, 'the IAM credential report', err);
    });
    inv = withCredentialReport(inv, report);
  }

  if (opts.readLoginProfiles === true) {
    const profiles = await mapLimit(targets, concurrency, (u) => readLoginProfile(iam, u.name, opts));
    const has = new Map(targets.map((u, i) => [u.name, profiles[i] ?? false]));
    inv = {
      ...inv,
      users: inv.users.map((u) => {
        if (!has.has(u.name)) return u;
        const { loginProfileAsOf: _stale, ...rest } = u;
        return { ...rest, hasLoginProfile: has.get(u.name) };
      }),
    };
  }

  if (opts.readRoleDetails === true) {
    const roles = inv.roles.filter((r) => isOwned(r.tags) || (opts.isDeclaredRole?.(r.name) ?? false));
    const details = await mapLimit(roles, concurrency, (r) =>
      call(opts.account, `iam:GetRole ${r.name}`, opts.retry, () => iam.send(new GetRoleCommand({ RoleName: r.name }))),
    );
    const byRole = new Map(roles.map((r, i) => [r.name, details[i]?.Role]));
    inv = {
      ...inv,
      roles: inv.roles.map((r) => {
        const d = byRole.get(r.name);
        if (d === undefined) return r;
        // Read now: an absent description is known to be empty, an absent duration IAM's default.
        const next: RoleState = { ...r, description: d.Description ?? '', maxSessionDuration: d.MaxSessionDuration ?? 3600 };
        return next;
      }),
    };
  }

  if (opts.buckets !== undefined) {
    const { s3, names, regions, s3For } = opts.buckets;
    const clientOf = (n: string): S3Client => {
      const region = regions?.[n];
      return region !== undefined && s3For !== undefined ? s3For(region) : s3;
    };
    const buckets = await mapLimit([...new Set(names)].sort(), concurrency, (n) => readBucketState(clientOf(n), n, opts));
    inv = { ...inv, buckets };
  }
  return inv;
}
