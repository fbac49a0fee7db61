/**
 * One account's diff: the context every per-resource diff (./diff-*.ts) writes into, ownership
 * claims, and the order connections are walked in.
 */
import type { SourceLocation } from '../diagnostics.js';
import { CREDENTIAL_REPORT_PERMISSIONS } from '../aws/inventory-model.js';
import type { AccountInventory, ManagedPolicyState, RoleState, UserState } from '../aws/inventory-model.js';
import { OWNER_TAG } from '../manifest/model.js';
import { MAX_TAGS_PER_PRINCIPAL, tagsAtMost } from '../manifest/tool-tags.js';
import { byName, ChangeSet, ownership, tagDiff } from './change-set.js';
import type { DesiredAccount, DesiredConnection } from './desired.js';
import type { PlanOptions } from './diff.js';
import { diffBucket } from './diff-bucket.js';
import { diffExtras } from './diff-extras.js';
import { diffPolicy } from './diff-policy.js';
import { diffRole } from './diff-role.js';
import { diffUndeclared } from './diff-undeclared.js';
import { diffUser } from './diff-user.js';
import type { Change } from './model.js';
import { compareChanges } from './model.js';
import { temporaryStage } from './temporary.js';

export class AccountDiff {
  readonly set: ChangeSet;
  readonly users: Map<string, UserState>;
  readonly roles: Map<string, RoleState>;
  readonly policies: Map<string, ManagedPolicyState>;

  constructor(
    readonly desired: DesiredAccount,
    readonly actual: AccountInventory,
    readonly now: Date,
    readonly opts: PlanOptions,
  ) {
    this.set = new ChangeSet(desired.account);
    this.users = byName(actual.users);
    this.roles = byName(actual.roles);
    this.policies = byName(actual.policies);
  }

  run(): Change[] {
    for (const conn of [...this.desired.connections].sort((a, b) => a.name.localeCompare(b.name))) this.connection(conn);
    diffExtras(this);
    if (this.opts.undeclared) diffUndeclared(this, this.opts.undeclared);
    this.credentialReportGap();
    return [...this.set.changes].sort(compareChanges);
  }


  /** Returns whether the live resource may be changed, recording a conflict or adoption otherwise. */
  claim(
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
    const firstRole = roles[0] ? this.roles.get(roles[0].name.toLowerCase()) : undefined;
    const temp = temporaryStage(conn, firstUser?.created ?? firstRole?.created, this.now);
    const start = this.set.changes.length;

    const policyIds = new Map<string, string>();
    for (const p of policies) {
      const id = diffPolicy(this, conn, p, temp);
      if (id) policyIds.set(p.arn, id);
    }
    for (const r of roles) diffRole(this, conn, r, policyIds, temp);
    for (const u of users) diffUser(this, conn, u, policyIds, temp);
    for (const b of this.desired.buckets.filter((x) => x.connection === conn.name)) diffBucket(this, b);

    const mine = this.set.changes.slice(start);
    if (temp.stage === 'deletable') {
      // Policies go after the users and roles they are attached to.
      const userDeletes = mine.filter((c) => c.kind === 'expired' && c.action === 'delete' && (c.resource.type === 'user' || c.resource.type === 'role')).map((c) => c.id);
      for (const c of mine) if (c.kind === 'expired' && c.resource.type === 'policy' && userDeletes.length > 0) c.dependsOn = userDeletes;
    }
    // A conflict (or no room for the tool's tags) stops this connection only: its other changes stay visible but are withheld.
    const blocker = mine.find((c) => c.kind === 'conflict' || c.kind === 'tag-budget');
    if (blocker) {
      for (const c of mine) {
        if (c === blocker || c.action === 'none') continue;
        c.withheld = { action: c.action, by: blocker.id };
        c.action = 'none';
      }
    }
  }

  tags(
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

  /**
   * A principal whose live tags, with the declared ones and the ones the tool writes, exceed IAM's
   * limit: TagUser would fail mid-rotation, after the new key reached a sink. The connection is
   * stopped in this account (like a conflict) until tags are removed.
   */
  tagBudget(
    conn: DesiredConnection,
    principalType: 'user' | 'role',
    name: string,
    arn: string,
    declared: Record<string, string>,
    live: Record<string, string>,
    reserved: readonly string[],
    at: SourceLocation,
  ): void {
    const total = tagsAtMost([...Object.keys(live), ...Object.keys(declared)], reserved);
    if (total <= MAX_TAGS_PER_PRINCIPAL) return;
    const undeclared = Object.keys(live).filter((k) => !Object.hasOwn(declared, k) && !reserved.includes(k)).sort();
    const shown = undeclared.slice(0, 10).join(', ') + (undeclared.length > 10 ? `, and ${undeclared.length - 10} more` : '');
    this.set.add({
      connection: conn.name,
      resource: { type: 'tags', name: `${principalType}/${name}`, arn },
      kind: 'tag-budget',
      action: 'none',
      severity: 'high',
      security: false,
      reason:
        `${principalType} ${name} has ${Object.keys(live).length} tags in IAM; with the declared ones and those iam-connections writes (${reserved.join(', ')}) it would need ${total}, and IAM allows ${MAX_TAGS_PER_PRINCIPAL}: ` +
        `a rotation would fail after delivering the new key, so changes of ${conn.name} in this account are withheld. ` +
        `Remove at least ${total - MAX_TAGS_PER_PRINCIPAL} tag(s) from the ${principalType}${undeclared.length > 0 ? ` (not in the manifest: ${shown})` : ''} or from the manifest`,
      at,
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
}
