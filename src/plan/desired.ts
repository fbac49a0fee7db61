/**
 * What must exist in one account, derived from the resolved manifest: names, ARNs, tags,
 * documents (the role trust generated from `trust:`), attachments, with the manifest location
 * of each so reports point at the line to edit.
 *
 * External IDs: the value (from the manifest or the environment) is held here, in memory, only
 * to compare trust documents. Everything a plan shows uses `trustShown`, where the value is
 * replaced by a placeholder; the executor puts the value back with `fillExternalId`.
 */
import { isAwsManagedRef, managedPolicyArn as awsManagedPolicyArn } from '../policy/managed-policies.js';
import type { SourceLocation } from '../diagnostics.js';
import type { ConnectionSpec, KeyRules, Manifest, PrincipalSpec, ResolvedPolicy, TrustSpec } from '../manifest/model.js';
import { OWNER_TAG } from '../manifest/model.js';
import { TOOL_TAGS } from '../manifest/tool-tags.js';
import { policyHash } from './policy-equivalence.js';

/** Managed policies carry the hash of the document last applied: a mismatch with the live
 * document means someone edited it outside iam-connections. */
export const POLICY_HASH_TAG = TOOL_TAGS.policyHash;

/** AWS's billing delivery account, which writes reports into the billing bucket (seed 004). */
export const AWS_BILLING_ACCOUNT = '386209384616';

export interface DesiredPolicy {
  connection: string;
  name: string;
  path: string;
  arn: string;
  document: unknown;
  description?: string;
  tags: Record<string, string>;
  at: SourceLocation;
  /** The default name an earlier version gave it: a policy deployed under that name keeps it (./legacy-names.ts). */
  legacyName?: string;
}

export interface DesiredInline {
  name: string;
  document: unknown;
  at: SourceLocation;
  legacyName?: string;
}

export interface DesiredAttachment {
  arn: string;
  /** The policy's name (last ARN segment): AWS-managed names given bare may live under a path. */
  name: string;
  /** A customer-managed policy this connection creates (then it must exist before attaching). */
  ours: boolean;
  at: SourceLocation;
}

export interface DesiredPrincipal {
  connection: string;
  name: string;
  path: string;
  arn: string;
  tags: Record<string, string>;
  attachments: DesiredAttachment[];
  inline: DesiredInline[];
  permissionsBoundary?: string;
  at: SourceLocation;
}

export interface DesiredUser extends DesiredPrincipal {
  accessKey?: { rules: KeyRules; sinks: number; at: SourceLocation };
}

export interface ExternalIdBinding {
  /** Where the executor reads the value at apply time. */
  source: { env: string } | { manifest: SourceLocation };
  /** The text standing in for the value in every document a plan shows. */
  placeholder: string;
  /** The value, when known (never serialised: the plan builder copies only `trustShown`). */
  value?: string;
}

export interface DesiredRole extends DesiredPrincipal {
  /** The trust document with the real external ID (or the placeholder when it is unknown). */
  trust: unknown;
  /** The same document with the placeholder: the only form that goes into a plan. */
  trustShown: unknown;
  externalId?: ExternalIdBinding;
  description?: string;
  maxSessionDuration?: number;
  trustAt: SourceLocation;
}

export interface DesiredBucket {
  connection: string;
  name: string;
  region?: string;
  policy: unknown;
  at: SourceLocation;
}

export interface DesiredWatch {
  connection: string;
  type: 'role' | 'user' | 'policy';
  name: string;
  at: SourceLocation;
}

export interface DesiredConnection {
  name: string;
  adopt: boolean;
  at: SourceLocation;
  temporary?: { expires?: string; ttl?: number; deleteAfter: number; at: SourceLocation };
}

export interface DesiredAccount {
  account: string;
  accountId: string;
  partition: string;
  /** Connections that apply to this account. */
  connections: DesiredConnection[];
  /** Every connection the manifest declares, for any account: a tag naming one of them is not an orphan's. */
  declaredConnections: string[];
  users: DesiredUser[];
  roles: DesiredRole[];
  policies: DesiredPolicy[];
  buckets: DesiredBucket[];
  watches: DesiredWatch[];
}

function partitionOf(roleArn: string | undefined): string {
  const m = roleArn === undefined ? null : /^arn:(aws[\w-]*):/.exec(roleArn);
  return m?.[1] ?? 'aws';
}

/** AWS managed policies live in every partition: the account's partition decides the ARN. */
function managedPolicyArn(partition: string, ref: string): string {
  return isAwsManagedRef(ref) ? awsManagedPolicyArn(ref, partition) : ref;
}

function lastSegment(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function formatAt(at: SourceLocation): string {
  return `${at.file}:${at.line}:${at.column}`;
}

/** Deep copy of `doc` with every string equal to `from` replaced by `to`. */
function replaceString(doc: unknown, from: string, to: string): unknown {
  if (typeof doc === 'string') return doc === from ? to : doc;
  if (Array.isArray(doc)) return doc.map((d) => replaceString(d, from, to));
  if (typeof doc === 'object' && doc !== null) {
    return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, replaceString(v, from, to)]));
  }
  return doc;
}

const EXTERNAL_ID_KEY = 'sts:externalid';

/** Maps every `sts:ExternalId` condition value of a document (keys are case-insensitive). */
export function mapExternalIds(doc: unknown, f: (value: string) => string): unknown {
  if (Array.isArray(doc)) return doc.map((d) => mapExternalIds(d, f));
  if (typeof doc !== 'object' || doc === null) return doc;
  return Object.fromEntries(
    Object.entries(doc).map(([k, v]) => {
      if (k.toLowerCase() === EXTERNAL_ID_KEY) return [k, Array.isArray(v) ? v.map((x) => f(String(x))) : f(String(v))];
      return [k, mapExternalIds(v, f)];
    }),
  );
}

/** The external ID values a document requires. */
export function externalIdsIn(doc: unknown): string[] {
  const found = new Set<string>();
  mapExternalIds(doc, (v) => {
    found.add(v);
    return v;
  });
  return [...found].sort();
}

/** Puts the external ID value back into a trust document from a plan (in memory, for the API call). */
export function fillExternalId(trustShown: unknown, binding: Pick<ExternalIdBinding, 'placeholder'>, value: string): unknown {
  return replaceString(trustShown, binding.placeholder, value);
}

/**
 * The text a plan shows instead of an external ID: where the value comes from and, for a literal,
 * its length. Never the value, nor a hash of it. Starts with `(externalId` so the executor can
 * tell a placeholder it has not filled.
 */
export function externalIdPlaceholder(from: { env: string; set: boolean } | { literal: string; at: string }): string {
  return 'env' in from
    ? `(externalId ${from.set ? 'set' : 'not set'}, from env ${from.env})`
    : `(externalId literal, ${from.literal.length} characters, from ${from.at})`;
}

function externalIdBinding(trust: TrustSpec, env: ReadonlyMap<string, string>): ExternalIdBinding | undefined {
  const ref = trust.externalId;
  if (ref === undefined) return undefined;
  if ('env' in ref) {
    const value = env.get(ref.env);
    const set = value !== undefined && value !== '';
    const binding: ExternalIdBinding = { source: { env: ref.env }, placeholder: externalIdPlaceholder({ env: ref.env, set }) };
    if (set) binding.value = value;
    return binding;
  }
  return { source: { manifest: trust.at }, placeholder: externalIdPlaceholder({ literal: ref.value, at: `manifest ${formatAt(trust.at)}` }), value: ref.value };
}

function generatedTrust(partition: string, trust: TrustSpec, externalId: string | undefined): unknown {
  const principals = [
    ...(trust.awsAccount ? [`arn:${partition}:iam::${trust.awsAccount}:root`] : []),
    ...trust.awsPrincipals,
  ];
  const condition: Record<string, Record<string, unknown>> = {};
  for (const [op, block] of Object.entries(trust.conditions ?? {})) condition[op] = { ...block };
  if (externalId !== undefined) condition.StringEquals = { ...condition.StringEquals, 'sts:ExternalId': externalId };
  const statement: Record<string, unknown> = {
    Effect: 'Allow',
    Principal: { AWS: principals.length === 1 ? principals[0] : principals },
    Action: 'sts:AssumeRole',
  };
  if (Object.keys(condition).length > 0) statement.Condition = condition;
  return { Version: '2012-10-17', Statement: [statement] };
}

function principalTags(manifest: Manifest, conn: ConnectionSpec, p: PrincipalSpec): Record<string, string> {
  return { ...manifest.defaults.tags, ...conn.tags, ...p.tags, [OWNER_TAG]: conn.name };
}

function customerPolicy(
  partition: string,
  accountId: string,
  conn: ConnectionSpec,
  p: PrincipalSpec,
  pol: ResolvedPolicy,
  tags: Record<string, string>,
): DesiredPolicy {
  const d: DesiredPolicy = {
    connection: conn.name,
    name: pol.name,
    path: p.path,
    arn: `arn:${partition}:iam::${accountId}:policy${p.path}${pol.name}`,
    document: pol.document,
    tags: { ...tags, [POLICY_HASH_TAG]: policyHash(pol.document) },
    at: pol.at,
  };
  if (pol.description !== undefined) d.description = pol.description;
  if (pol.legacyName !== undefined) d.legacyName = pol.legacyName;
  return d;
}

function principal(
  partition: string,
  accountId: string,
  manifest: Manifest,
  conn: ConnectionSpec,
  p: PrincipalSpec,
  kind: 'user' | 'role',
  policies: Map<string, DesiredPolicy>,
): DesiredPrincipal {
  const tags = principalTags(manifest, conn, p);
  const attachments: DesiredAttachment[] = [];
  for (const pol of p.policies) {
    const d = policies.get(pol.name.toLowerCase()) ?? customerPolicy(partition, accountId, conn, p, pol, tags);
    policies.set(pol.name.toLowerCase(), d);
    attachments.push({ arn: d.arn, name: d.name, ours: true, at: pol.at });
  }
  for (const ref of p.managedPolicies) {
    const arn = managedPolicyArn(partition, ref);
    attachments.push({ arn, name: lastSegment(arn), ours: false, at: p.at });
  }
  const out: DesiredPrincipal = {
    connection: conn.name,
    name: p.name,
    path: p.path,
    arn: `arn:${partition}:iam::${accountId}:${kind}${p.path}${p.name}`,
    tags,
    attachments,
    inline: p.inlinePolicies.map((i) => ({ name: i.name, document: i.document, at: i.at, ...(i.legacyName !== undefined ? { legacyName: i.legacyName } : {}) })),
    at: p.at,
  };
  if (p.permissionsBoundary !== undefined) out.permissionsBoundary = managedPolicyArn(partition, p.permissionsBoundary);
  return out;
}

/** The billing bucket policy of seed 004: AWS billing writes reports, the connection's principal reads them. */
export function billingBucketPolicy(partition: string, bucket: string, readerArn: string | undefined): unknown {
  const billing = `arn:${partition}:iam::${AWS_BILLING_ACCOUNT}:root`;
  const bucketArn = `arn:${partition}:s3:::${bucket}`;
  const statements: unknown[] = [
    {
      Sid: 'BillingReadBucket',
      Effect: 'Allow',
      Principal: { AWS: billing },
      Action: ['s3:GetBucketAcl', 's3:GetBucketPolicy'],
      Resource: bucketArn,
    },
    { Sid: 'BillingWriteReports', Effect: 'Allow', Principal: { AWS: billing }, Action: 's3:PutObject', Resource: `${bucketArn}/*` },
  ];
  if (readerArn !== undefined) {
    statements.push({
      Sid: 'VendorReadReports',
      Effect: 'Allow',
      Principal: { AWS: readerArn },
      Action: ['s3:List*', 's3:Get*'],
      Resource: [bucketArn, `${bucketArn}/*`],
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/**
 * What `account` (a manifest account name) must hold. `env` supplies `{ env: NAME }` values
 * (external IDs); an unset one leaves the placeholder in the trust, and the plan says so.
 */
export function desiredState(manifest: Manifest, account: string, env: ReadonlyMap<string, string>): DesiredAccount {
  const spec = manifest.accounts.find((a) => a.name === account);
  if (!spec) {
    const known = manifest.accounts.map((a) => a.name).join(', ');
    throw new Error(`account "${account}" is not declared in ${manifest.file} (declared: ${known || 'none'}); add it under accounts: or pick one of those`);
  }
  const partition = partitionOf(spec.role);
  const out: DesiredAccount = {
    account,
    accountId: spec.id,
    partition,
    connections: [],
    declaredConnections: manifest.connections.map((c) => c.name).sort(),
    users: [],
    roles: [],
    policies: [],
    buckets: [],
    watches: [],
  };
  for (const conn of manifest.connections) {
    if (!conn.accounts.includes(account)) continue;
    const dc: DesiredConnection = { name: conn.name, adopt: conn.adopt, at: conn.at };
    if (conn.temporary) dc.temporary = conn.temporary;
    out.connections.push(dc);
    const policies = new Map<string, DesiredPolicy>();
    let readerArn: string | undefined;
    if (conn.role) {
      const r = conn.role;
      const base = principal(partition, spec.id, manifest, conn, r, 'role', policies);
      const binding = externalIdBinding(r.trust, env);
      let trust: unknown;
      let trustShown: unknown;
      let fileBinding: ExternalIdBinding | undefined;
      if (r.trust.document) {
        // A hand-written trust may hold an external ID literally: it must not reach the plan either.
        const file = r.trust.document;
        trust = file.document;
        const shown = (v: string) => externalIdPlaceholder({ literal: v, at: file.source.file });
        trustShown = mapExternalIds(trust, shown);
        const values = externalIdsIn(trust);
        if (values.length === 1) fileBinding = { source: { manifest: file.at }, placeholder: shown(values[0] ?? ''), value: values[0] ?? '' };
      } else {
        trust = generatedTrust(partition, r.trust, binding ? (binding.value ?? binding.placeholder) : undefined);
        trustShown = generatedTrust(partition, r.trust, binding?.placeholder);
      }
      const role: DesiredRole = { ...base, trust, trustShown, trustAt: r.trust.at };
      if (fileBinding ?? binding) role.externalId = fileBinding ?? binding;
      if (r.description !== undefined) role.description = r.description;
      if (r.maxSessionDuration !== undefined) role.maxSessionDuration = r.maxSessionDuration;
      out.roles.push(role);
      readerArn = role.arn;
    }
    if (conn.user) {
      const u = conn.user;
      const user: DesiredUser = principal(partition, spec.id, manifest, conn, u, 'user', policies);
      if (u.accessKey) user.accessKey = { rules: u.accessKey.rules, sinks: u.accessKey.deliver.length, at: u.accessKey.at };
      out.users.push(user);
      readerArn ??= user.arn;
    }
    out.policies.push(...policies.values());
    if (conn.billingBucket) {
      const b = conn.billingBucket;
      const bucket: DesiredBucket = {
        connection: conn.name,
        name: b.name,
        policy: billingBucketPolicy(partition, b.name, readerArn),
        at: b.at,
      };
      if (b.region !== undefined) bucket.region = b.region;
      out.buckets.push(bucket);
    }
    for (const [type, names] of [
      ['role', conn.watch.roles],
      ['user', conn.watch.users],
      ['policy', conn.watch.policies],
    ] as const) {
      for (const name of names) out.watches.push({ connection: conn.name, type, name, at: conn.at });
    }
  }
  return out;
}
