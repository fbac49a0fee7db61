/**
 * The two roles the action itself needs for one manifest, least privilege:
 *
 * - a planner role with exactly the reads `plan` makes, which GitHub OIDC tokens of pull-request
 *   runs (and the default branch) may assume;
 * - a writer role with what `apply` and `rotate` call, scoped to the manifest's IAM path(s),
 *   declared names, sink secrets and billing buckets, which only the default branch (or, when
 *   given, one protected environment) may assume. A pull request that edits the workflow still
 *   presents `sub = repo:<repo>:pull_request` and cannot write.
 *
 * One document of each kind serves every account of the manifest: resource ARNs carry account
 * IDs, so statements naming another account simply never match. `trustByAccount` gives the
 * exact trust per account (OIDC where the account is reached directly, the hub's role for `via`).
 */
import type { AccountSpec, Manifest } from '../manifest/model.js';
import { expandAccount } from '../report/vendor-handoff.js';
import {
  ATTACH_ACTIONS,
  BOUNDARY_ACTIONS,
  PLAN_ACCOUNT_READS,
  PLAN_BUCKET_READS,
  PLAN_ROLE_READS,
  PLAN_USER_READS,
  TEARDOWN_GROUP_ACTIONS,
  TEARDOWN_INSTANCE_PROFILE_ACTIONS,
  TEARDOWN_MFA_ACTIONS,
  WRITE_BUCKET_ACTIONS,
  WRITE_POLICY_ACTIONS,
  WRITE_ROLE_ACTIONS,
  WRITE_SECRET_ACTIONS,
  WRITE_SECRET_KMS_ACTIONS,
  WRITE_USER_ACTIONS,
} from './actions.js';
import { organizationStatements } from './organization.js';

export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

export interface Statement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource?: string[];
  Principal?: { Federated?: string[] } | { AWS?: string[] };
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: Statement[];
}

export interface RoleDocuments {
  /** Role name to create in each account. */
  name: string;
  /** One line on what the role is for. */
  purpose: string;
  /**
   * The union of `trustByAccount`: usable as is only in a single-account manifest (a federated
   * principal must be the account's own OIDC provider); otherwise use `trustByAccount`.
   */
  trust: PolicyDocument;
  trustByAccount: Record<string, PolicyDocument>;
  /** The permissions policy (inline or customer-managed), valid in every account. */
  policy: PolicyDocument;
}

export interface PermissionsOptions {
  /** `owner/name` of the repository whose workflows run the action. */
  repository: string;
  /** Default `main`. */
  defaultBranch?: string;
  /** When given, only jobs in this (protected) environment may assume the writer role. */
  environment?: string;
  /** OIDC provider: a host (default token.actions.githubusercontent.com) or a full provider ARN. */
  oidcProvider?: string;
}

export interface Permissions {
  planner: RoleDocuments;
  writer: RoleDocuments;
}

export class PermissionsInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermissionsInputError';
  }
}

const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const BRANCH = /^[^\s*?[\]~^:\\]+$/;
const ENVIRONMENT = /^[^\s*?'"`,;:\\]{1,255}$/;

function checkOptions(opts: PermissionsOptions): void {
  if (!REPO.test(opts.repository)) {
    throw new PermissionsInputError(`repository must be owner/name (for example acme/infra), not "${opts.repository}"`);
  }
  if (opts.defaultBranch !== undefined && !BRANCH.test(opts.defaultBranch)) {
    throw new PermissionsInputError(`branch "${opts.defaultBranch}" is not a branch name (no spaces or wildcards: the trust matches it exactly)`);
  }
  if (opts.environment !== undefined && !ENVIRONMENT.test(opts.environment)) {
    throw new PermissionsInputError(`environment "${opts.environment}" is not an environment name (no spaces, quotes or wildcards)`);
  }
}

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

/** The writer's name: the manifest's role for the account, else `iam-connections`. */
function writerName(accounts: readonly AccountSpec[]): string {
  const names = sorted(accounts.map((a) => a.role?.split('/').pop()).filter((n): n is string => n !== undefined && n !== ''));
  return names.length === 1 ? (names[0] as string) : 'iam-connections';
}

function providerArn(opts: PermissionsOptions, accountId: string): string {
  const p = opts.oidcProvider ?? GITHUB_OIDC_HOST;
  return p.startsWith('arn:') ? p : `arn:aws:iam::${accountId}:oidc-provider/${p.replace(/^https:\/\//, '')}`;
}

function oidcHost(opts: PermissionsOptions): string {
  const p = opts.oidcProvider ?? GITHUB_OIDC_HOST;
  return p.startsWith('arn:') ? p.replace(/^arn:aws:iam::\d{12}:oidc-provider\//, '') : p.replace(/^https:\/\//, '');
}

function oidcStatement(opts: PermissionsOptions, accountIds: string[], subjects: string[]): Statement {
  const host = oidcHost(opts);
  return {
    Sid: 'GitHubOidc',
    Effect: 'Allow',
    Principal: { Federated: sorted(accountIds.map((id) => providerArn(opts, id))) },
    Action: ['sts:AssumeRoleWithWebIdentity'],
    Condition: { StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com', [`${host}:sub`]: subjects } },
  };
}

function hubStatement(hubRoleArns: string[]): Statement {
  return { Sid: 'ViaHub', Effect: 'Allow', Principal: { AWS: sorted(hubRoleArns) }, Action: ['sts:AssumeRole'] };
}

const roleArn = (accountId: string, name: string): string => `arn:aws:iam::${accountId}:role/${name}`;

function trusts(manifest: Manifest, name: string, opts: PermissionsOptions, subjects: string[]): { trust: PolicyDocument; byAccount: Record<string, PolicyDocument> } {
  const byName = new Map(manifest.accounts.map((a) => [a.name, a]));
  const byAccount: Record<string, PolicyDocument> = {};
  const direct: string[] = [];
  const hubs: string[] = [];
  for (const a of manifest.accounts) {
    const hub = a.via !== undefined ? byName.get(a.via) : undefined;
    if (hub !== undefined) {
      hubs.push(roleArn(hub.id, name));
      byAccount[a.name] = { Version: '2012-10-17', Statement: [hubStatement([roleArn(hub.id, name)])] };
    } else {
      direct.push(a.id);
      byAccount[a.name] = { Version: '2012-10-17', Statement: [oidcStatement(opts, [a.id], subjects)] };
    }
  }
  const statements: Statement[] = [];
  if (direct.length > 0) statements.push(oidcStatement(opts, direct, subjects));
  if (hubs.length > 0) statements.push(hubStatement(hubs));
  return { trust: { Version: '2012-10-17', Statement: statements }, byAccount };
}

/** IAM paths of everything the manifest declares (the default path included). */
function paths(manifest: Manifest): string[] {
  const out = [manifest.defaults.path];
  for (const c of manifest.connections) {
    if (c.user) out.push(c.user.path);
    if (c.role) out.push(c.role.path);
  }
  return sorted(out);
}

interface Scope {
  accountIds: string[];
  paths: string[];
  users: string[];
  roles: string[];
}

function scope(manifest: Manifest): Scope {
  return {
    accountIds: sorted(manifest.accounts.map((a) => a.id)),
    paths: paths(manifest),
    users: sorted(manifest.connections.flatMap((c) => (c.user ? [c.user.name] : []))),
    roles: sorted(manifest.connections.flatMap((c) => (c.role ? [c.role.name] : []))),
  };
}

/** Everything under our paths, plus declared names wherever they are (a clash is read, never changed). */
function readArns(s: Scope, type: 'user' | 'role', names: string[]): string[] {
  return sorted(
    s.accountIds.flatMap((id) => [
      ...s.paths.map((p) => `arn:aws:iam::${id}:${type}${p}*`),
      ...names.flatMap((n) => [`arn:aws:iam::${id}:${type}/${n}`, `arn:aws:iam::${id}:${type}/*/${n}`]),
    ]),
  );
}

const underPaths = (s: Scope, type: 'user' | 'role' | 'policy'): string[] => sorted(s.accountIds.flatMap((id) => s.paths.map((p) => `arn:aws:iam::${id}:${type}${p}*`)));

function buckets(manifest: Manifest): string[] {
  return sorted(manifest.connections.flatMap((c) => (c.billingBucket ? [`arn:aws:s3:::${c.billingBucket.name}`] : [])));
}

/** The hub's sts:AssumeRole onto the roles of the accounts reached through it. */
function viaTargets(manifest: Manifest, name: (a: AccountSpec) => string): string[] {
  return sorted(manifest.accounts.filter((a) => a.via !== undefined).map((a) => roleArn(a.id, name(a))));
}

function accountId(manifest: Manifest, ref: string | undefined, fallback: string): string {
  if (ref === undefined) return fallback;
  if (/^\d{12}$/.test(ref)) return ref;
  return manifest.accounts.find((a) => a.name === ref)?.id ?? fallback;
}

interface SecretScope {
  arns: string[];
  kmsKeys: string[];
}

function secrets(manifest: Manifest): SecretScope {
  const arns: string[] = [];
  const kmsKeys: string[] = [];
  const byName = new Map(manifest.accounts.map((a) => [a.name, a]));
  for (const c of manifest.connections) {
    for (const sink of c.user?.accessKey?.deliver ?? []) {
      if (sink.kind !== 'secretsManager') continue;
      for (const accountName of c.accounts) {
        const account = byName.get(accountName);
        if (account === undefined) continue;
        const id = accountId(manifest, sink.account, account.id);
        // The region is the action's aws-region unless the sink or account pins one.
        const region = sink.region ?? (sink.account === undefined ? account.region : undefined) ?? manifest.defaults.region ?? '*';
        // Secrets Manager appends `-` and six random characters to a secret's ARN.
        arns.push(`arn:aws:secretsmanager:${region}:${id}:secret:${expandAccount(sink.secretId, accountName)}-*`);
        if (sink.kmsKeyId !== undefined) kmsKeys.push(sink.kmsKeyId.startsWith('arn:') ? sink.kmsKeyId : `arn:aws:kms:${region}:${id}:*`);
      }
    }
  }
  return { arns: sorted(arns), kmsKeys: sorted(kmsKeys) };
}

function boundaries(manifest: Manifest): string[] {
  return sorted(manifest.connections.flatMap((c) => [c.user?.permissionsBoundary, c.role?.permissionsBoundary].filter((b): b is string => b !== undefined)));
}

function attachable(manifest: Manifest, s: Scope): string[] {
  const declared = manifest.connections.flatMap((c) => [...(c.user?.managedPolicies ?? []), ...(c.role?.managedPolicies ?? [])]);
  return sorted([...declared, ...underPaths(s, 'policy')]);
}

function plannerPolicy(manifest: Manifest, s: Scope, plannerName: string): PolicyDocument {
  const statements: Statement[] = [
    { Sid: 'AccountInventory', Effect: 'Allow', Action: [...PLAN_ACCOUNT_READS], Resource: ['*'] },
    { Sid: 'UserKeysAndLogins', Effect: 'Allow', Action: [...PLAN_USER_READS], Resource: readArns(s, 'user', s.users) },
  ];
  // Owned roles left over from an earlier manifest are read too, for the `extra` report.
  statements.push({ Sid: 'RoleDetails', Effect: 'Allow', Action: [...PLAN_ROLE_READS], Resource: readArns(s, 'role', s.roles) });
  const b = buckets(manifest);
  if (b.length > 0) statements.push({ Sid: 'BillingBuckets', Effect: 'Allow', Action: [...PLAN_BUCKET_READS], Resource: b });
  const via = viaTargets(manifest, () => plannerName);
  if (via.length > 0) statements.push({ Sid: 'ViaHub', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: via });
  statements.push(...organizationStatements(manifest, (o) => o.planRoleName ?? o.roleName));
  statements.push({ Sid: 'WhoAmI', Effect: 'Allow', Action: ['sts:GetCallerIdentity'], Resource: ['*'] });
  return { Version: '2012-10-17', Statement: statements };
}

function writerPolicy(manifest: Manifest, s: Scope, writer: string): PolicyDocument {
  const policyArns = underPaths(s, 'policy');
  const statements: Statement[] = [
    { Sid: 'AccountInventory', Effect: 'Allow', Action: [...PLAN_ACCOUNT_READS], Resource: ['*'] },
    { Sid: 'ReadDeclaredUsers', Effect: 'Allow', Action: [...PLAN_USER_READS], Resource: readArns(s, 'user', s.users) },
    { Sid: 'ReadDeclaredRoles', Effect: 'Allow', Action: [...PLAN_ROLE_READS], Resource: readArns(s, 'role', s.roles) },
    { Sid: 'UsersUnderPath', Effect: 'Allow', Action: sorted(WRITE_USER_ACTIONS.filter((a) => !(ATTACH_ACTIONS as readonly string[]).includes(a))), Resource: underPaths(s, 'user') },
    { Sid: 'RolesUnderPath', Effect: 'Allow', Action: sorted(WRITE_ROLE_ACTIONS.filter((a) => !(ATTACH_ACTIONS as readonly string[]).includes(a))), Resource: underPaths(s, 'role') },
    { Sid: 'PoliciesUnderPath', Effect: 'Allow', Action: [...WRITE_POLICY_ACTIONS], Resource: policyArns },
    {
      Sid: 'AttachOnlyDeclaredPolicies',
      Effect: 'Allow',
      Action: [...ATTACH_ACTIONS],
      Resource: sorted([...underPaths(s, 'user'), ...underPaths(s, 'role')]),
      Condition: { ArnLike: { 'iam:PolicyARN': attachable(manifest, s) } },
    },
    {
      Sid: 'TeardownGroupLinks',
      Effect: 'Allow',
      Action: [...TEARDOWN_GROUP_ACTIONS],
      Resource: sorted(s.accountIds.map((id) => `arn:aws:iam::${id}:group/*`)),
      Condition: { ArnLikeIfExists: { 'iam:PolicyARN': policyArns } },
    },
    { Sid: 'TeardownInstanceProfileLinks', Effect: 'Allow', Action: [...TEARDOWN_INSTANCE_PROFILE_ACTIONS], Resource: sorted(s.accountIds.map((id) => `arn:aws:iam::${id}:instance-profile/*`)) },
    // A virtual MFA device's ARN does not carry its user's path; IAM refuses to delete one still
    // assigned to another user, and teardown deletes only devices it just deactivated on ours.
    { Sid: 'TeardownVirtualMfa', Effect: 'Allow', Action: [...TEARDOWN_MFA_ACTIONS], Resource: sorted(s.accountIds.map((id) => `arn:aws:iam::${id}:mfa/*`)) },
  ];
  const bounds = boundaries(manifest);
  if (bounds.length > 0) {
    statements.push({
      Sid: 'OnlyDeclaredBoundaries',
      Effect: 'Allow',
      Action: [...BOUNDARY_ACTIONS],
      Resource: sorted([...underPaths(s, 'user'), ...underPaths(s, 'role')]),
      Condition: { ArnEquals: { 'iam:PermissionsBoundary': bounds } },
    });
  }
  const b = buckets(manifest);
  if (b.length > 0) statements.push({ Sid: 'BillingBuckets', Effect: 'Allow', Action: [...WRITE_BUCKET_ACTIONS], Resource: b });
  const sec = secrets(manifest);
  if (sec.arns.length > 0) statements.push({ Sid: 'SinkSecrets', Effect: 'Allow', Action: [...WRITE_SECRET_ACTIONS], Resource: sec.arns });
  if (sec.kmsKeys.length > 0) {
    statements.push({
      Sid: 'SinkSecretKeys',
      Effect: 'Allow',
      Action: [...WRITE_SECRET_KMS_ACTIONS],
      Resource: sec.kmsKeys,
      Condition: { StringLike: { 'kms:ViaService': 'secretsmanager.*.amazonaws.com' } },
    });
  }
  const via = viaTargets(manifest, (a) => a.role?.split('/').pop() ?? writer);
  if (via.length > 0) statements.push({ Sid: 'ViaHub', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: via });
  statements.push(...organizationStatements(manifest, (o) => o.roleName));
  statements.push({ Sid: 'WhoAmI', Effect: 'Allow', Action: ['sts:GetCallerIdentity'], Resource: ['*'] });
  return { Version: '2012-10-17', Statement: statements };
}

export function permissionsFor(manifest: Manifest, opts: PermissionsOptions): Permissions {
  checkOptions(opts);
  const branch = opts.defaultBranch ?? 'main';
  const s = scope(manifest);
  const writer = writerName(manifest.accounts);
  const planner = `${writer}-planner`;
  const branchSub = `repo:${opts.repository}:ref:refs/heads/${branch}`;
  const plannerTrust = trusts(manifest, planner, opts, [`repo:${opts.repository}:pull_request`, branchSub]);
  // A job in an environment presents the environment as its subject, not the branch: admitting
  // only the environment makes its protection rules (reviewers, branches) the gate.
  const writerSubs = opts.environment !== undefined ? [`repo:${opts.repository}:environment:${opts.environment}`] : [branchSub];
  const writerTrust = trusts(manifest, writer, opts, writerSubs);
  return {
    planner: {
      name: planner,
      purpose: `read-only, for \`plan\`: assumable by pull-request runs and ${branch} of ${opts.repository}; reads the inventory, keys and billing bucket policies, writes nothing`,
      trust: plannerTrust.trust,
      trustByAccount: plannerTrust.byAccount,
      policy: plannerPolicy(manifest, s, planner),
    },
    writer: {
      name: writer,
      purpose: `writer, for \`apply\` and \`rotate\`: assumable only by ${opts.environment !== undefined ? `jobs in the environment "${opts.environment}"` : `the ${branch} branch`} of ${opts.repository}; changes only IAM resources under ${s.paths.join(', ')}, the sink secrets and billing buckets`,
      trust: writerTrust.trust,
      trustByAccount: writerTrust.byAccount,
      policy: writerPolicy(manifest, s, writer),
    },
  };
}

/** Every action a document allows (for tests and the text summary). */
export function allowedActions(doc: PolicyDocument): string[] {
  return sorted(doc.Statement.filter((st) => st.Effect === 'Allow').flatMap((st) => st.Action));
}
