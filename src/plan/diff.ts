/**
 * The plan as a pure function of (desired, actual, now): every difference between what the
 * manifest declares for an account and what the account holds, ranked so security-relevant
 * drift comes first. No I/O, no clock: `now` is an argument (`as-of`).
 *
 * Ownership decides what may be touched: a resource carrying our owner tag for its connection
 * is ours; a declared name held by anything else is a `conflict`, which withholds every other
 * change of that connection (not of the others), unless the connection says `adopt: true`
 * and the holder is untagged or tagged by a connection the manifest no longer declares.
 */
import { createHash } from 'node:crypto';
import type { SourceLocation } from '../diagnostics.js';
import { CREDENTIAL_REPORT_PERMISSIONS } from '../aws/inventory-model.js';
import type { AccessKeyState, AccountInventory, AttachedPolicy, InlinePolicy, ManagedPolicyState, RoleState, UserState } from '../aws/inventory-model.js';
import { OWNER_TAG } from '../manifest/model.js';
import type { Manifest } from '../manifest/model.js';
import type {
  DesiredAccount,
  DesiredConnection,
  DesiredPolicy,
  DesiredPrincipal,
  DesiredRole,
  DesiredUser,
  ExternalIdBinding,
} from './desired.js';
import { desiredState, externalIdsIn, mapExternalIds, POLICY_HASH_TAG } from './desired.js';
import { assessKeys, maskKeyId } from './keys.js';
import type { AccountPlan, Change, Plan, Severity } from './model.js';
import { compareChanges } from './model.js';
import { mergeBucketPolicy } from './bucket-policy.js';
import { ownerTags } from './policy-owner.js';
import { describeDelta, policiesEqual, policyDelta, policyHash } from './policy-equivalence.js';
import { summarize } from './summary.js';
import { watchReport } from './watch.js';

export interface PlanOptions {
  /** Delete managed resources that left the manifest. */
  prune: boolean;
}

/** AWS-managed policies whose attachment to an integration principal is critical drift. */
const ADMIN_POLICIES = new Set(['AdministratorAccess', 'IAMFullAccess', 'PowerUserAccess']);

type Ownership = 'ours' | 'untagged' | 'declared-elsewhere' | 'orphaned';

/** A change before the set gives it its id and account. */
type Draft = Omit<Change, 'id' | 'account' | 'withheld'>;

class ChangeSet {
  readonly changes: Change[] = [];
  private readonly ids = new Set<string>();
  constructor(private readonly account: string) {}

  add(d: Draft): string {
    let id = `${this.account}/${d.connection ?? '-'}/${d.resource.type}/${d.resource.name}/${d.kind}`;
    for (let n = 2; this.ids.has(id); n++) id = `${id.replace(/#\d+$/, '')}#${n}`;
    this.ids.add(id);
    const c: Change = {
      id,
      account: this.account,
      resource: d.resource,
      kind: d.kind,
      action: d.action,
      severity: d.severity,
      security: d.security,
      reason: d.reason,
    };
    if (d.connection !== undefined) c.connection = d.connection;
    if (d.before !== undefined) c.before = d.before;
    if (d.after !== undefined) c.after = d.after;
    if (d.at !== undefined) c.at = d.at;
    if (d.dependsOn !== undefined && d.dependsOn.length > 0) c.dependsOn = [...d.dependsOn].sort();
    this.changes.push(c);
    return id;
  }
}

function ownership(tags: Record<string, string>, connection: string, declared: readonly string[]): Ownership {
  const owner = tags[OWNER_TAG];
  if (owner === undefined) return 'untagged';
  if (owner === connection) return 'ours';
  return declared.includes(owner) ? 'declared-elsewhere' : 'orphaned';
}

function byName<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  // IAM names are unique regardless of case and path.
  return new Map(items.map((i) => [i.name.toLowerCase(), i]));
}

const EXTERNAL_ID_KEY = 'sts:externalid';

export function fingerprint(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8);
}

/** A live trust document as a plan may show it: external IDs become placeholders or fingerprints. */
function showLiveTrust(trust: unknown, binding: ExternalIdBinding | undefined): unknown {
  return mapExternalIds(trust, (v) =>
    binding?.value !== undefined && v === binding.value ? binding.placeholder : `(externalId sha256:${fingerprint(v)})`,
  );
}

function rolePrincipalType(p: DesiredPrincipal): 'user' | 'role' {
  return 'trust' in p ? 'role' : 'user';
}

/**
 * Where a live document that differs from the manifest came from, as far as can be told:
 * `manifest` (it is what iam-connections last applied), `unknown` (no record; wording assumes
 * the live side moved), `unrecorded` (no record can exist, e.g. a policy read through GAAD,
 * which returns no policy tags: the wording claims no origin).
 */
type DocumentOrigin = 'unknown' | 'manifest' | 'unrecorded';

/** How serious a document difference is, read in both directions. */
function documentDrift(
  declared: unknown,
  live: unknown,
  what: string,
  origin: DocumentOrigin = 'unknown',
): { severity: Severity; security: boolean; reason: string } {
  const liveDelta = policyDelta(declared, live); // what the live document has beyond the manifest
  const applyDelta = policyDelta(live, declared); // what apply would grant
  if (origin === 'manifest') {
    // The live document is what we last applied: the difference is a reviewed manifest edit.
    return applyDelta.loosens
      ? { severity: 'medium', security: true, reason: `the manifest widens ${what}: ${describeDelta(applyDelta)}; apply updates it` }
      : { severity: 'low', security: false, reason: `the manifest changes ${what}: ${describeDelta(applyDelta)}; apply updates it` };
  }
  const lostExternalId = liveDelta.removedConditions.some((c) => c.toLowerCase().endsWith(` ${EXTERNAL_ID_KEY}`));
  if (lostExternalId) {
    return {
      severity: 'critical',
      security: true,
      reason: `${what} no longer requires the external ID (sts:ExternalId) the manifest declares: any principal it trusts can assume it without the vendor's secret (confused deputy); apply restores the declared document. Live vs manifest: ${describeDelta(liveDelta)}`,
    };
  }
  if (liveDelta.newWildcardActions.length > 0 || liveDelta.newPrincipals.length > 0) {
    return {
      severity: 'critical',
      security: true,
      reason:
        origin === 'unrecorded'
          ? `${what} is wider than the manifest declares: ${describeDelta(liveDelta)}; apply sets the declared document`
          : `${what} was widened outside the manifest: ${describeDelta(liveDelta)}; apply restores the declared document`,
    };
  }
  if (liveDelta.loosens) {
    return {
      severity: 'high',
      security: true,
      reason: `${what} allows more than the manifest declares: ${describeDelta(liveDelta)}; apply restores the declared document`,
    };
  }
  if (applyDelta.loosens) {
    return {
      severity: 'medium',
      security: true,
      reason: `the manifest widens ${what}: ${describeDelta(applyDelta)}; apply updates it`,
    };
  }
  return { severity: 'medium', security: false, reason: `${what} differs from the manifest: ${describeDelta(applyDelta)}; apply updates it` };
}

const versionNumber = (v: string): number => Number(/\d+/.exec(v)?.[0] ?? Number.MAX_SAFE_INTEGER);

/**
 * What can honestly be said about why a live policy document differs from the manifest.
 * With the policy-hash tag (a snapshot that has tags): whether the live document is the one
 * last applied. Without it (GAAD returns no policy tags) only the version history speaks:
 * iam-connections always makes the version it creates the default, so a default that is not
 * the newest version was chosen outside iam-connections (SetDefaultPolicyVersion). Otherwise
 * the origin is not claimed.
 */
function policyOrigin(p: DesiredPolicy, live: ManagedPolicyState): { origin: DocumentOrigin; note: string } {
  const recorded = live.tagsRead === false ? undefined : live.tags[POLICY_HASH_TAG];
  if (recorded !== undefined) {
    return recorded === policyHash(live.document)
      ? { origin: 'manifest', note: ' (the live document is the one iam-connections last applied: the manifest changed)' }
      : { origin: 'unknown', note: ' (the live document was edited outside iam-connections since the last apply)' };
  }
  const newest = [...live.versionIds].sort((a, b) => versionNumber(a) - versionNumber(b)).pop();
  const matching = Object.entries(live.versions ?? {})
    .filter(([v, d]) => v !== live.defaultVersionId && policiesEqual(p.document, d))
    .map(([v]) => v)
    .sort((a, b) => versionNumber(a) - versionNumber(b));
  const match = matching.length > 0 ? `; the manifest's document is version ${matching.join(', ')}` : '';
  if (newest !== undefined && newest !== live.defaultVersionId) {
    return {
      origin: 'unknown',
      note: ` (the default version is ${live.defaultVersionId}, not the newest ${newest}: an older version was made the default outside iam-connections, which always makes the version it creates the default${match})`,
    };
  }
  if (live.tagsRead === false) {
    return {
      origin: 'unrecorded',
      note: ` (whether the manifest changed or the policy was edited outside iam-connections cannot be told: GetAccountAuthorizationDetails returns no policy tags${match})`,
    };
  }
  return { origin: 'unknown', note: match === '' ? '' : ` (${match.slice(2)})` };
}

function versionToDelete(p: ManagedPolicyState): string | undefined {
  if (p.versionIds.length < 5) return undefined;
  return p.versionIds.filter((v) => v !== p.defaultVersionId).sort((a, b) => versionNumber(a) - versionNumber(b))[0];
}

function tagDiff(declared: Record<string, string>, live: Record<string, string>): Record<string, string> {
  const set: Record<string, string> = {};
  for (const key of Object.keys(declared).sort()) if (live[key] !== declared[key]) set[key] = declared[key] ?? '';
  return set;
}

/** The live state the executor needs to take a user apart (keys, profile, groups, policies first). */
function userTeardown(u: UserState) {
  return {
    name: u.name,
    arn: u.arn,
    accessKeys: (u.accessKeys ?? []).map((k) => k.id).sort(),
    hasLoginProfile: u.hasLoginProfile === true,
    groups: [...u.groups].sort(),
    attached: u.attached.map((a) => a.arn).sort(),
    inline: u.inline.map((i) => i.name).sort(),
  };
}

function roleTeardown(r: RoleState) {
  return { name: r.name, arn: r.arn, attached: r.attached.map((a) => a.arn).sort(), inline: r.inline.map((i) => i.name).sort() };
}

interface TemporaryStage {
  stage: 'active' | 'expired' | 'deletable';
  expiresAt?: Date;
  deleteAt?: Date;
}

function temporaryStage(conn: DesiredConnection, userCreated: string | undefined, now: Date): TemporaryStage {
  const t = conn.temporary;
  if (!t) return { stage: 'active' };
  let expiresAt: Date | undefined;
  if (t.expires !== undefined) expiresAt = new Date(t.expires);
  else if (t.ttl !== undefined && userCreated !== undefined) expiresAt = new Date(Date.parse(userCreated) + t.ttl * 1000);
  if (!expiresAt) return { stage: 'active' };
  const deleteAt = new Date(expiresAt.getTime() + t.deleteAfter * 1000);
  const stage = now >= deleteAt ? 'deletable' : now >= expiresAt ? 'expired' : 'active';
  return { stage, expiresAt, deleteAt };
}

class AccountDiff {
  readonly set: ChangeSet;
  private readonly users: Map<string, UserState>;
  private readonly roles: Map<string, RoleState>;
  private readonly policies: Map<string, ManagedPolicyState>;

  constructor(
    private readonly desired: DesiredAccount,
    private readonly actual: AccountInventory,
    private readonly now: Date,
    private readonly opts: PlanOptions,
  ) {
    this.set = new ChangeSet(desired.account);
    this.users = byName(actual.users);
    this.roles = byName(actual.roles);
    this.policies = byName(actual.policies);
  }

  run(): Change[] {
    for (const conn of [...this.desired.connections].sort((a, b) => a.name.localeCompare(b.name))) this.connection(conn);
    this.extras();
    this.credentialReportGap();
    return [...this.set.changes].sort(compareChanges);
  }

  /** Returns whether the live resource may be changed, recording a conflict or adoption otherwise. */
  private claim(
    conn: DesiredConnection,
    type: 'user' | 'role' | 'policy',
    name: string,
    arn: string,
    tags: Record<string, string>,
    at: SourceLocation,
    declaredTags: Record<string, string>,
  ): boolean {
    const own = ownership(tags, conn.name, this.desired.declaredConnections);
    if (own === 'ours') return true;
    const holder = own === 'untagged' ? 'has no iam-connections owner tag' : `is tagged for connection "${tags[OWNER_TAG]}"`;
    if (conn.adopt && own !== 'declared-elsewhere') {
      this.set.add({
        connection: conn.name,
        resource: { type, name, arn },
        kind: 'adopt',
        action: 'tag',
        severity: 'medium',
        security: false,
        reason: `${type} ${name} exists and ${holder}; the connection says adopt: true, so apply tags it as ${conn.name}'s and then brings it to the declared state`,
        after: { principalType: type, name, arn, set: tagDiff(declaredTags, tags) },
        at,
      });
      return true;
    }
    this.set.add({
      connection: conn.name,
      resource: { type, name, arn },
      kind: 'conflict',
      action: 'none',
      severity: 'high',
      security: true,
      reason:
        own === 'declared-elsewhere'
          ? `${type} ${name} belongs to connection "${tags[OWNER_TAG]}": two connections cannot declare the same ${type}; rename one of them. Changes of ${conn.name} in this account are withheld`
          : `${type} ${name} already exists and ${holder}: iam-connections never changes resources it does not own. Rename it in the manifest, or set adopt: true on connection ${conn.name} to take it over. Changes of ${conn.name} in this account are withheld`,
      at,
    });
    return false;
  }

  private connection(conn: DesiredConnection): void {
    const users = this.desired.users.filter((u) => u.connection === conn.name);
    const roles = this.desired.roles.filter((r) => r.connection === conn.name);
    const policies = this.desired.policies.filter((p) => p.connection === conn.name);
    const firstUser = users[0] ? this.users.get(users[0].name.toLowerCase()) : undefined;
    const temp = temporaryStage(conn, firstUser?.created, this.now);
    const start = this.set.changes.length;

    const policyIds = new Map<string, string>();
    for (const p of policies) {
      const id = this.policy(conn, p, temp);
      if (id) policyIds.set(p.arn, id);
    }
    for (const r of roles) this.role(conn, r, policyIds);
    for (const u of users) this.user(conn, u, policyIds, temp);
    for (const b of this.desired.buckets.filter((x) => x.connection === conn.name)) this.bucket(b);

    const mine = this.set.changes.slice(start);
    if (temp.stage === 'deletable') {
      // Policies go after the user they are attached to.
      const userDeletes = mine.filter((c) => c.kind === 'expired' && c.resource.type === 'user').map((c) => c.id);
      for (const c of mine) if (c.kind === 'expired' && c.resource.type === 'policy' && userDeletes.length > 0) c.dependsOn = userDeletes;
    }
    // A conflict stops this connection only: its other changes stay visible but are withheld.
    const blocker = mine.find((c) => c.kind === 'conflict');
    if (blocker) {
      for (const c of mine) {
        if (c === blocker || c.action === 'none') continue;
        c.withheld = { action: c.action, by: blocker.id };
        c.action = 'none';
      }
    }
  }

  private policy(conn: DesiredConnection, p: DesiredPolicy, temp: TemporaryStage): string | undefined {
    const live = this.policies.get(p.name.toLowerCase());
    const resource = { type: 'policy' as const, name: p.name, arn: p.arn };
    if (!live) {
      if (temp.stage !== 'active') return undefined; // an expired temporary connection is not recreated
      const after: Record<string, unknown> = { name: p.name, path: p.path, document: p.document, tags: p.tags };
      if (p.description !== undefined) after.description = p.description;
      return this.set.add({
        connection: conn.name,
        resource,
        kind: 'missing',
        action: 'create',
        severity: 'medium',
        security: false,
        reason: `customer-managed policy ${p.name} does not exist: apply creates it`,
        after,
        at: p.at,
      });
    }
    resource.arn = live.arn;
    if (!this.claim(conn, 'policy', p.name, live.arn, ownerTags(live), p.at, p.tags)) return undefined;
    if (temp.stage === 'deletable') {
      return this.set.add({
        connection: conn.name,
        resource,
        kind: 'expired',
        action: 'delete',
        severity: 'high',
        security: true,
        reason: `temporary connection ${conn.name} passed expiry plus deleteAfter (${temp.deleteAt?.toISOString() ?? ''}): apply detaches and deletes policy ${p.name}`,
        before: { arn: live.arn, versionIds: [...live.versionIds].sort(), attachmentCount: live.attachmentCount },
        at: p.at,
      });
    }
    if (live.path !== p.path) {
      this.set.add({
        connection: conn.name,
        resource,
        kind: 'modified',
        action: 'none',
        severity: 'low',
        security: false,
        reason: `policy ${p.name} lives at path ${live.path}, the manifest says ${p.path}: IAM cannot move a policy; delete it and let apply recreate it, or set the path in the manifest`,
        before: { path: live.path },
        after: { path: p.path },
        at: p.at,
      });
    }
    let id: string | undefined;
    if (!policiesEqual(p.document, live.document)) {
      const { origin, note } = policyOrigin(p, live);
      const drift = documentDrift(p.document, live.document, `policy ${p.name}`, origin);
      const del = versionToDelete(live);
      const after: Record<string, unknown> = { arn: live.arn, document: p.document, tags: { [POLICY_HASH_TAG]: p.tags[POLICY_HASH_TAG] } };
      if (del !== undefined) after.deleteVersionFirst = del;
      id = this.set.add({
        connection: conn.name,
        resource,
        kind: 'modified',
        action: 'update',
        ...drift,
        reason: `${drift.reason}${note}. The executor creates a new default version${del ? `; the policy already has ${live.versionIds.length} versions (IAM keeps 5), so it first deletes the oldest non-default version ${del}` : ''}`,
        before: { document: live.document, defaultVersionId: live.defaultVersionId, versionIds: [...live.versionIds].sort() },
        after,
        at: p.at,
      });
    }
    // Tags not read (GAAD) are not tags missing: planning to set them would be noise on every run.
    if (live.tagsRead !== false) {
      const { [POLICY_HASH_TAG]: _hash, ...plainTags } = p.tags;
      this.tags(conn, 'policy', p.name, live.arn, plainTags, live.tags, p.at);
    }
    return id;
  }

  private tags(
    conn: DesiredConnection,
    principalType: 'user' | 'role' | 'policy',
    name: string,
    arn: string,
    declared: Record<string, string>,
    live: Record<string, string>,
    at: SourceLocation,
  ): void {
    const set = tagDiff(declared, live);
    if (Object.keys(set).length === 0 || live[OWNER_TAG] !== conn.name) return; // adoption already tags
    const before: Record<string, string | null> = {};
    for (const k of Object.keys(set)) before[k] = live[k] ?? null;
    this.set.add({
      connection: conn.name,
      resource: { type: 'tags', name: `${principalType}/${name}`, arn },
      kind: 'modified',
      action: 'tag',
      severity: 'low',
      security: false,
      reason: `${principalType} ${name}: tag(s) ${Object.keys(set).join(', ')} differ from the manifest; apply sets them (other tags are left alone)`,
      before,
      after: { principalType, name, arn, set },
      at,
    });
  }

  /** Attachments, inline policies and boundary of a principal that exists and is ours (or adopted). */
  private principalPolicies(
    conn: DesiredConnection,
    d: DesiredPrincipal,
    live: { attached: AttachedPolicy[]; inline: InlinePolicy[]; permissionsBoundary?: string },
    policyIds: Map<string, string>,
  ): void {
    const principalType = rolePrincipalType(d);
    const label = `${principalType} ${d.name}`;
    const matched = new Set<string>();
    for (const a of d.attachments) {
      const hit = live.attached.find((x) => x.arn === a.arn) ?? (a.ours ? undefined : live.attached.find((x) => x.name === a.name));
      if (hit) {
        matched.add(hit.arn);
        continue;
      }
      const dep = policyIds.get(a.arn);
      this.set.add({
        connection: conn.name,
        resource: { type: 'attachment', name: `${principalType}/${d.name}/${a.name}` },
        kind: 'modified',
        action: 'attach',
        severity: 'medium',
        security: false,
        reason: `${label} lacks the declared policy ${a.name}: apply attaches it`,
        after: { principalType, principal: d.name, policyArn: a.arn },
        at: a.at,
        ...(dep ? { dependsOn: [dep] } : {}),
      });
    }
    for (const x of live.attached) {
      if (matched.has(x.arn)) continue;
      const admin = ADMIN_POLICIES.has(x.name) && x.arn.includes(':iam::aws:policy/');
      this.set.add({
        connection: conn.name,
        resource: { type: 'attachment', name: `${principalType}/${d.name}/${x.name}`, arn: x.arn },
        kind: 'unexpected',
        action: 'detach',
        severity: admin ? 'critical' : 'high',
        security: true,
        reason: `${label} has ${x.name} attached, which the manifest does not declare${admin ? ` (${x.name} on an integration principal hands the vendor the account)` : ''}: apply detaches it; declare it in the manifest if it is needed`,
        before: { principalType, principal: d.name, policyArn: x.arn },
        at: d.at,
      });
    }
    const liveInline = new Map(live.inline.map((i) => [i.name, i]));
    for (const i of d.inline) {
      const hit = liveInline.get(i.name);
      liveInline.delete(i.name);
      if (hit && policiesEqual(i.document, hit.document)) continue;
      const drift = hit
        ? documentDrift(i.document, hit.document, `inline policy ${i.name} of ${label}`)
        : { severity: 'medium' as const, security: false, reason: `${label} lacks the inline policy ${i.name}: apply puts it` };
      this.set.add({
        connection: conn.name,
        resource: { type: 'inline-policy', name: `${principalType}/${d.name}/${i.name}` },
        kind: 'modified',
        action: 'put',
        ...drift,
        ...(hit ? { before: { document: hit.document } } : {}),
        after: { principalType, principal: d.name, name: i.name, document: i.document },
        at: i.at,
      });
    }
    for (const extra of [...liveInline.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      this.set.add({
        connection: conn.name,
        resource: { type: 'inline-policy', name: `${principalType}/${d.name}/${extra.name}` },
        kind: 'unexpected',
        action: 'delete',
        severity: 'high',
        security: true,
        reason: `${label} has an inline policy ${extra.name} the manifest does not declare: apply deletes it; declare it under inlinePolicies if it is needed`,
        before: { principalType, principal: d.name, name: extra.name, document: extra.document },
        at: d.at,
      });
    }
    if ((live.permissionsBoundary ?? null) !== (d.permissionsBoundary ?? null)) {
      const lost = d.permissionsBoundary !== undefined && live.permissionsBoundary === undefined;
      this.set.add({
        connection: conn.name,
        resource: { type: 'permissions-boundary', name: `${principalType}/${d.name}` },
        kind: lost ? 'modified' : 'unexpected',
        action: 'update',
        severity: lost ? 'high' : 'medium',
        security: true,
        reason: lost
          ? `${label} has lost its permissions boundary ${d.permissionsBoundary}: its policies now apply unbounded; apply sets it back`
          : `${label} has permissions boundary ${live.permissionsBoundary ?? 'none'}, the manifest says ${d.permissionsBoundary ?? 'none'}: apply sets the declared one`,
        before: { arn: live.permissionsBoundary ?? null },
        after: { principalType, principal: d.name, ...(d.permissionsBoundary ? { arn: d.permissionsBoundary } : {}) },
        at: d.at,
      });
    }
  }

  /** Attach and put everything a principal that is about to be created needs. */
  private newPrincipalPolicies(conn: DesiredConnection, d: DesiredPrincipal, createId: string, policyIds: Map<string, string>): void {
    const principalType = rolePrincipalType(d);
    for (const a of d.attachments) {
      const dep = policyIds.get(a.arn);
      this.set.add({
        connection: conn.name,
        resource: { type: 'attachment', name: `${principalType}/${d.name}/${a.name}` },
        kind: 'missing',
        action: 'attach',
        severity: 'medium',
        security: false,
        reason: `apply attaches ${a.name} to the new ${principalType} ${d.name}`,
        after: { principalType, principal: d.name, policyArn: a.arn },
        at: a.at,
        dependsOn: dep ? [createId, dep] : [createId],
      });
    }
    for (const i of d.inline) {
      this.set.add({
        connection: conn.name,
        resource: { type: 'inline-policy', name: `${principalType}/${d.name}/${i.name}` },
        kind: 'missing',
        action: 'put',
        severity: 'medium',
        security: false,
        reason: `apply puts the inline policy ${i.name} on the new ${principalType} ${d.name}`,
        after: { principalType, principal: d.name, name: i.name, document: i.document },
        at: i.at,
        dependsOn: [createId],
      });
    }
  }

  private role(conn: DesiredConnection, r: DesiredRole, policyIds: Map<string, string>): void {
    const live = this.roles.get(r.name.toLowerCase());
    const resource = { type: 'role' as const, name: r.name, arn: live?.arn ?? r.arn };
    const externalId = r.externalId ? { placeholder: r.externalId.placeholder, source: r.externalId.source } : undefined;
    let unresolved: string | undefined;
    if (r.externalId && r.externalId.value === undefined && 'env' in r.externalId.source) {
      unresolved = this.set.add({
        connection: conn.name,
        resource: { type: 'external-id', name: r.name },
        kind: 'unresolved',
        action: 'none',
        severity: 'medium',
        security: false,
        reason: `environment variable ${r.externalId.source.env} (the external ID of role ${r.name}) is not set: the trust was compared for the presence of an external ID only, and creating or updating the role's trust is withheld; set it from a secret in the workflow's env`,
        at: r.trustAt,
      });
    }
    const withhold = (id: string) => {
      const c = this.set.changes.find((x) => x.id === id);
      if (c && unresolved) {
        c.withheld = { action: c.action, by: unresolved };
        c.action = 'none';
      }
    };

    if (!live) {
      const after: Record<string, unknown> = { name: r.name, path: r.path, tags: r.tags, trust: r.trustShown };
      if (externalId) after.externalId = externalId;
      if (r.description !== undefined) after.description = r.description;
      if (r.maxSessionDuration !== undefined) after.maxSessionDuration = r.maxSessionDuration;
      if (r.permissionsBoundary !== undefined) after.permissionsBoundary = r.permissionsBoundary;
      const id = this.set.add({
        connection: conn.name,
        resource,
        kind: 'missing',
        action: 'create',
        severity: 'medium',
        security: false,
        reason: `role ${r.name} does not exist: apply creates it (its ARN is then an output for the vendor)`,
        after,
        at: r.at,
      });
      withhold(id);
      this.newPrincipalPolicies(conn, r, id, policyIds);
      return;
    }
    if (!this.claim(conn, 'role', r.name, live.arn, live.tags, r.at, r.tags)) return;

    const binding = r.externalId;
    const liveTrust = binding && binding.value === undefined ? mapExternalIds(live.trust, () => binding.placeholder) : live.trust;
    if (!policiesEqual(r.trust, liveTrust)) {
      const sameShape = policiesEqual(
        mapExternalIds(r.trust, () => '(externalId)'),
        mapExternalIds(live.trust, () => '(externalId)'),
      );
      const drift = sameShape
        ? {
            severity: 'high' as const,
            security: true,
            reason: `the trust of role ${r.name} requires a different external ID than the manifest declares (values not shown): the vendor's own ID no longer works, or another customer's does; apply sets the declared one`,
          }
        : documentDrift(r.trust, liveTrust, `the trust of role ${r.name}`);
      const after: Record<string, unknown> = { name: r.name, trust: r.trustShown };
      if (externalId) after.externalId = externalId;
      const id = this.set.add({
        connection: conn.name,
        resource: { type: 'role', name: r.name, arn: live.arn },
        kind: 'modified',
        action: 'update',
        ...drift,
        before: { trust: showLiveTrust(live.trust, binding) },
        after,
        at: r.trustAt,
      });
      withhold(id);
    }
    const settings: Record<string, unknown> = {};
    const was: Record<string, unknown> = {};
    // GAAD returns neither setting: undefined live values are unknown, and unknown is no drift.
    if (r.description !== undefined && live.description !== undefined && r.description !== live.description) {
      settings.description = r.description;
      was.description = live.description;
    }
    const liveDuration = live.maxSessionDuration;
    if (r.maxSessionDuration !== undefined && liveDuration !== undefined && r.maxSessionDuration !== liveDuration) {
      settings.maxSessionDuration = r.maxSessionDuration;
      was.maxSessionDuration = liveDuration;
    }
    if (Object.keys(settings).length > 0) {
      const longer = settings.maxSessionDuration !== undefined && liveDuration !== undefined && liveDuration > r.maxSessionDuration!;
      this.set.add({
        connection: conn.name,
        resource: { type: 'role', name: r.name, arn: live.arn },
        kind: 'modified',
        action: 'update',
        severity: longer ? 'medium' : 'low',
        security: longer,
        reason: `role ${r.name}: ${Object.keys(settings).join(' and ')} differ from the manifest; apply updates them`,
        before: was,
        after: { name: r.name, ...settings },
        at: r.at,
      });
    }
    if (live.path !== r.path) {
      this.set.add({
        connection: conn.name,
        resource: { type: 'role', name: r.name, arn: live.arn },
        kind: 'modified',
        action: 'none',
        severity: 'low',
        security: false,
        reason: `role ${r.name} lives at path ${live.path}, the manifest says ${r.path}: IAM cannot move a role; recreate it (the vendor must then get the new ARN) or set the path in the manifest`,
        before: { path: live.path },
        after: { path: r.path },
        at: r.at,
      });
    }
    this.tags(conn, 'role', r.name, live.arn, r.tags, live.tags, r.at);
    this.principalPolicies(conn, r, live, policyIds);
  }

  private user(conn: DesiredConnection, u: DesiredUser, policyIds: Map<string, string>, temp: TemporaryStage): void {
    const live = this.users.get(u.name.toLowerCase());
    if (!live) {
      if (temp.stage !== 'active') return; // an expired temporary user is not recreated
      const after: Record<string, unknown> = { name: u.name, path: u.path, tags: u.tags };
      if (u.permissionsBoundary !== undefined) after.permissionsBoundary = u.permissionsBoundary;
      const id = this.set.add({
        connection: conn.name,
        resource: { type: 'user', name: u.name, arn: u.arn },
        kind: 'missing',
        action: 'create',
        severity: 'medium',
        security: false,
        reason: `user ${u.name} does not exist: apply creates it`,
        after,
        at: u.at,
      });
      this.newPrincipalPolicies(conn, u, id, policyIds);
      if (u.accessKey) {
        this.set.add({
          connection: conn.name,
          resource: { type: 'access-key', name: u.name },
          kind: 'key-missing',
          action: 'create',
          severity: 'medium',
          security: false,
          reason: `apply creates an access key for the new user ${u.name} and delivers it to ${u.accessKey.sinks} sink(s)`,
          after: { user: u.name, rules: u.accessKey.rules },
          at: u.accessKey.at,
          dependsOn: [id],
        });
      }
      return;
    }
    if (!this.claim(conn, 'user', u.name, live.arn, live.tags, u.at, u.tags)) return;

    if (temp.stage === 'deletable') {
      this.set.add({
        connection: conn.name,
        resource: { type: 'user', name: u.name, arn: live.arn },
        kind: 'expired',
        action: 'delete',
        severity: 'high',
        security: true,
        reason: `temporary connection ${conn.name} expired at ${temp.expiresAt?.toISOString() ?? ''} and its deleteAfter passed at ${temp.deleteAt?.toISOString() ?? ''}: apply deletes user ${u.name} with its keys, login profile, group memberships and policies`,
        before: userTeardown(live),
        at: conn.temporary?.at ?? u.at,
      });
      return;
    }

    if (live.path !== u.path) {
      this.set.add({
        connection: conn.name,
        resource: { type: 'user', name: u.name, arn: live.arn },
        kind: 'modified',
        action: 'update',
        severity: 'low',
        security: false,
        reason: `user ${u.name} lives at path ${live.path}, the manifest says ${u.path}: apply moves it (its ARN changes)`,
        before: { path: live.path },
        after: { name: u.name, path: u.path },
        at: u.at,
      });
    }
    this.tags(conn, 'user', u.name, live.arn, u.tags, live.tags, u.at);
    this.principalPolicies(conn, u, live, policyIds);
    if (live.hasLoginProfile) {
      const mfa = live.mfaActive === true ? ' (and an active MFA device)' : '';
      const asOf =
        live.loginProfileAsOf !== undefined
          ? ` Seen in the IAM credential report generated at ${live.loginProfileAsOf}; IAM reuses a report for up to 4 hours, so a password removed since still shows here.`
          : '';
      const before: Record<string, unknown> = { user: u.name };
      if (live.loginProfileAsOf !== undefined) before.asOf = live.loginProfileAsOf;
      if (live.mfaActive !== undefined) before.mfaActive = live.mfaActive;
      this.set.add({
        connection: conn.name,
        resource: { type: 'login-profile', name: u.name },
        kind: 'unexpected',
        action: 'delete',
        severity: 'high',
        security: true,
        reason: `user ${u.name} has a console password${mfa}: an integration user needs none, and a password is a second way in; apply deletes the login profile.${asOf}`,
        before,
        at: u.at,
      });
    }
    for (const g of [...live.groups].sort()) {
      this.set.add({
        connection: conn.name,
        resource: { type: 'group-membership', name: `${u.name}/${g}` },
        kind: 'unexpected',
        action: 'remove',
        severity: 'high',
        security: true,
        reason: `user ${u.name} is a member of group ${g}, which grants permissions the manifest does not declare: apply removes it from the group`,
        before: { user: u.name, group: g },
        at: u.at,
      });
    }
    this.keys(conn, u, live, temp);
  }

  private keys(conn: DesiredConnection, u: DesiredUser, live: UserState, temp: TemporaryStage): void {
    if (live.accessKeys === undefined) return; // not read: no decision can be made
    const keys: AccessKeyState[] = [...live.accessKeys].sort((a, b) => a.id.localeCompare(b.id));
    if (!u.accessKey) {
      for (const k of keys) {
        this.set.add({
          connection: conn.name,
          resource: { type: 'access-key', name: `${u.name}/${maskKeyId(k.id)}` },
          kind: 'unexpected',
          action: 'delete',
          severity: 'high',
          security: true,
          reason: `user ${u.name} has access key ${maskKeyId(k.id)} but the manifest declares no accessKey for it: apply deletes the key; declare accessKey if the vendor needs one`,
          before: { user: u.name, keyId: k.id, status: k.status, created: k.created },
          at: u.at,
        });
      }
      return;
    }
    const assessment = assessKeys({
      keys,
      tags: live.tags,
      rules: u.accessKey.rules,
      now: this.now,
      ...(temp.expiresAt && temp.deleteAt ? { temporary: { expiresAt: temp.expiresAt, deleteAt: temp.deleteAt } } : {}),
    });
    for (const f of assessment.findings) {
      const after: Record<string, unknown> = { user: u.name, rules: u.accessKey.rules, freeSlots: assessment.freeSlots };
      if (f.keyId !== undefined) after.keyId = f.keyId;
      if (f.needsLastUsed === true) after.needsLastUsed = true;
      this.set.add({
        connection: conn.name,
        resource: { type: 'access-key', name: f.keyId ? `${u.name}/${maskKeyId(f.keyId)}` : u.name },
        kind: f.kind,
        action: f.action,
        severity: f.severity,
        security: f.security,
        reason: `user ${u.name}: ${f.reason}`,
        after,
        at: f.kind === 'key-expired' ? (conn.temporary?.at ?? u.accessKey.at) : u.accessKey.at,
      });
    }
  }

  private bucket(b: DesiredAccount['buckets'][number]): void {
    const live = this.actual.buckets.find((x) => x.name === b.name);
    const after: Record<string, unknown> = { name: b.name, policy: b.policy };
    if (b.region !== undefined) after.region = b.region;
    if (!live || !live.exists) {
      this.set.add({
        connection: b.connection,
        resource: { type: 'bucket', name: b.name },
        kind: 'missing',
        action: 'create',
        severity: 'medium',
        security: false,
        reason: `billing bucket ${b.name} does not exist: apply creates it with the billing bucket policy`,
        after,
        at: b.at,
      });
      return;
    }
    // Other statements in the bucket policy are not ours: only what the merge would change counts.
    const merged = mergeBucketPolicy(live.policy, b.policy);
    if (live.policy !== undefined && live.policy !== null && policiesEqual(merged, live.policy)) return;
    const drift =
      live.policy === undefined || live.policy === null
        ? { severity: 'medium' as const, security: false, reason: `billing bucket ${b.name} has no bucket policy: apply sets it` }
        : documentDrift(merged, live.policy, `the policy of bucket ${b.name}`);
    this.set.add({
      connection: b.connection,
      resource: { type: 'bucket-policy', name: b.name },
      kind: 'modified',
      action: 'update',
      ...drift,
      ...(live.policy !== undefined && live.policy !== null ? { before: { policy: live.policy } } : {}),
      after,
      at: b.at,
    });
  }

  /** Console passwords are security drift: when they could not be checked, the plan says so. */
  private credentialReportGap(): void {
    const gap = this.actual.credentialReport?.unavailable;
    if (gap === undefined || this.desired.users.length === 0) return;
    const fix =
      gap.missingPermissions !== undefined && gap.missingPermissions.length > 0
        ? `grant the role used for account ${this.desired.account} ${CREDENTIAL_REPORT_PERMISSIONS.join(' and ')} (denied: ${gap.missingPermissions.join(', ')})`
        : 'rerun the plan';
    const users = this.desired.users.map((u) => u.name).sort();
    this.set.add({
      resource: { type: 'account', name: this.desired.account },
      kind: 'unresolved',
      action: 'none',
      severity: 'medium',
      security: true,
      reason: `console passwords of the integration users (${users.join(', ')}) could not be checked: ${gap.reason}. To check them, ${fix}`,
      after: { check: 'console-passwords', ...(gap.missingPermissions ? { missingPermissions: gap.missingPermissions } : {}) },
    });
  }

  /** Resources carrying our owner tag that nothing in the manifest declares for this account. */
  private extras(): void {
    const declared = {
      user: new Set(this.desired.users.map((u) => u.name.toLowerCase())),
      role: new Set(this.desired.roles.map((r) => r.name.toLowerCase())),
      policy: new Set(this.desired.policies.map((p) => p.name.toLowerCase())),
    };
    const prune = this.opts.prune;
    const add = (type: 'user' | 'role' | 'policy', name: string, arn: string, tags: Record<string, string>, before: unknown) => {
      const owner = tags[OWNER_TAG];
      if (owner === undefined || declared[type].has(name.toLowerCase())) return;
      const gone = this.desired.connections.some((c) => c.name === owner)
        ? `connection ${owner} no longer declares it`
        : this.desired.declaredConnections.includes(owner)
          ? `connection ${owner} no longer lists this account`
          : `connection ${owner} is no longer in the manifest`;
      this.set.add({
        connection: owner,
        resource: { type, name, arn },
        kind: 'extra',
        action: prune ? 'delete' : 'none',
        severity: type === 'policy' ? 'low' : 'medium',
        security: type !== 'policy',
        reason: prune
          ? `${type} ${name} carries the owner tag of ${owner}, but ${gone}: prune is on, so apply deletes it`
          : `${type} ${name} carries the owner tag of ${owner}, but ${gone}: it is left alone; run with prune: true to delete it`,
        before,
      });
    };
    for (const u of this.actual.users) add('user', u.name, u.arn, u.tags, userTeardown(u));
    for (const r of this.actual.roles) add('role', r.name, r.arn, r.tags, roleTeardown(r));
    for (const p of this.actual.policies) add('policy', p.name, p.arn, ownerTags(p), { arn: p.arn, attachmentCount: p.attachmentCount });
  }
}

export function planAccount(desired: DesiredAccount, actual: AccountInventory, now: Date, opts: PlanOptions): AccountPlan {
  if (actual.accountId !== desired.accountId) {
    return {
      account: desired.account,
      accountId: actual.accountId,
      changes: [
        {
          id: `${desired.account}/-/account/${desired.account}/unresolved`,
          account: desired.account,
          resource: { type: 'account', name: desired.account },
          kind: 'unresolved',
          action: 'none',
          severity: 'critical',
          security: true,
          reason: `the credentials for account ${desired.account} reached AWS account ${actual.accountId}, but the manifest says ${desired.accountId}: nothing is planned for it; check the account's role (or role-to-assume) and its id`,
        },
      ],
      watched: [],
    };
  }
  const changes = new AccountDiff(desired, actual, now, opts).run();
  const watched = desired.watches
    .map((w) => watchReport(actual, w))
    .sort((a, b) => `${a.connection}/${a.resource.type}/${a.resource.name}`.localeCompare(`${b.connection}/${b.resource.type}/${b.resource.name}`));
  return { account: desired.account, accountId: desired.accountId, changes, watched };
}

/** Last line of defence: no string in the plan may contain a known external ID value. */
function scrub<T>(value: T, secrets: ReadonlyMap<string, string>): T {
  if (secrets.size === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let s = v;
      for (const [secret, placeholder] of secrets) {
        if (s === secret) return placeholder;
        if (secret.length >= 6) s = s.split(secret).join(placeholder);
      }
      return s;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

export interface BuildPlanInput {
  manifest: Manifest;
  inventories: AccountInventory[];
  /** `{ env: NAME }` values (external IDs). */
  env: ReadonlyMap<string, string>;
  /** The instant time-based rules are evaluated at. */
  now: Date;
  /** When the plan was made (defaults to `now`). */
  generatedAt?: Date;
  prune: boolean;
}

export function buildPlan(input: BuildPlanInput): Plan {
  const secrets = new Map<string, string>();
  const accounts = input.inventories.map((inv) => {
    const desired = desiredState(input.manifest, inv.account, input.env);
    for (const r of desired.roles) {
      if (r.externalId?.value !== undefined) secrets.set(r.externalId.value, r.externalId.placeholder);
      for (const v of externalIdsIn(r.trust)) if (!secrets.has(v) && v !== r.externalId?.placeholder) secrets.set(v, `(externalId sha256:${fingerprint(v)})`);
    }
    return planAccount(desired, inv, input.now, { prune: input.prune });
  });
  const plan: Plan = {
    version: 1,
    generatedAt: (input.generatedAt ?? input.now).toISOString(),
    asOf: input.now.toISOString(),
    manifest: input.manifest.file,
    prune: input.prune,
    accounts: scrub(accounts, secrets),
    summary: summarize(accounts.flatMap((a) => a.changes)),
  };
  return plan;
}
