/** A declared user against the live one: existence, temporary expiry, path, password, groups, keys. */
import type { AccessKeyState, UserState } from '../aws/inventory-model.js';
import { reservedTags } from '../manifest/tool-tags.js';
import type { AccountDiff } from './account-diff.js';
import type { DesiredConnection, DesiredUser } from './desired.js';
import { diffNewPrincipalPolicies, diffPrincipalPolicies } from './diff-principal.js';
import { assessKeys, maskKeyId } from './keys.js';
import { userTeardown } from './teardown-state.js';
import type { TemporaryStage } from './temporary.js';

export function diffUser(ctx: AccountDiff, conn: DesiredConnection, u: DesiredUser, policyIds: Map<string, string>, temp: TemporaryStage): void {
  const live = ctx.users.get(u.name.toLowerCase());
  if (!live) {
    if (temp.stage !== 'active') return; // an expired temporary user is not recreated
    const after: Record<string, unknown> = { name: u.name, path: u.path, tags: u.tags };
    if (u.permissionsBoundary !== undefined) after.permissionsBoundary = u.permissionsBoundary;
    const id = ctx.set.add({
      connection: conn.name,
      resource: { type: 'user', name: u.name, arn: u.arn },
      kind: 'missing',
      action: 'create',
      severity: 'medium',
      security: false,
      reason:
        conn.temporary?.ttl !== undefined
          ? `user ${u.name} does not exist: apply creates it, and its ttl counts from then. If this temporary connection already ran its course and was removed, delete it from the manifest instead: nothing in the account remembers a ttl once its user is gone`
          : `user ${u.name} does not exist: apply creates it`,
      after,
      at: u.at,
    });
    diffNewPrincipalPolicies(ctx, conn, u, id, policyIds);
    if (u.accessKey) {
      ctx.set.add({
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
  if (!ctx.claim(conn, 'user', u.name, live.arn, live.tags, u.at, u.tags)) return;

  if (temp.stage === 'deletable') {
    ctx.set.add({
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
    ctx.set.add({
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
  ctx.tags(conn, 'user', u.name, live.arn, u.tags, live.tags, u.at);
  ctx.tagBudget(conn, 'user', u.name, live.arn, u.tags, live.tags, reservedTags('user', { accessKey: u.accessKey !== undefined }), u.at);
  diffPrincipalPolicies(ctx, conn, u, live, policyIds);
  if (live.hasLoginProfile) {
    const mfa = live.mfaActive === true ? ' (and an active MFA device)' : '';
    const asOf =
      live.loginProfileAsOf !== undefined
        ? ` Seen in the IAM credential report generated at ${live.loginProfileAsOf}; IAM reuses a report for up to 4 hours, so a password removed since still shows here.`
        : '';
    const before: Record<string, unknown> = { user: u.name };
    if (live.loginProfileAsOf !== undefined) before.asOf = live.loginProfileAsOf;
    if (live.mfaActive !== undefined) before.mfaActive = live.mfaActive;
    ctx.set.add({
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
    ctx.set.add({
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
  diffKeys(ctx, conn, u, live, temp);
}

export function diffKeys(ctx: AccountDiff, conn: DesiredConnection, u: DesiredUser, live: UserState, temp: TemporaryStage): void {
  if (live.accessKeys === undefined) return; // not read: no decision can be made
  const keys: AccessKeyState[] = [...live.accessKeys].sort((a, b) => a.id.localeCompare(b.id));
  if (!u.accessKey) {
    for (const k of keys) {
      ctx.set.add({
        connection: conn.name,
        resource: { type: 'access-key', name: `${u.name}/${maskKeyId(k.id)}` },
        kind: 'unexpected',
        action: 'delete',
        severity: 'high',
        security: true,
        reason: `user ${u.name} has access key ${maskKeyId(k.id)} but the manifest declares no accessKey for it: apply deletes the key; declare accessKey if the vendor needs one`,
        before: { user: u.name, keyId: maskKeyId(k.id), status: k.status, created: k.created },
        at: u.at,
      });
    }
    return;
  }
  const assessment = assessKeys({
    keys,
    user: live.name,
    tags: live.tags,
    rules: u.accessKey.rules,
    now: ctx.now,
    ...(temp.expiresAt && temp.deleteAt ? { temporary: { expiresAt: temp.expiresAt, deleteAt: temp.deleteAt } } : {}),
  });
  for (const f of assessment.findings) {
    const after: Record<string, unknown> = { user: u.name, rules: u.accessKey.rules, freeSlots: assessment.freeSlots };
    // Masked: the executor resolves the key live among the user's (at most two) keys.
    if (f.keyId !== undefined) after.keyId = maskKeyId(f.keyId);
    if (f.needsLastUsed === true) after.needsLastUsed = true;
    if (f.lastUseOf !== undefined) after.lastUseOf = f.lastUseOf.map(maskKeyId);
    ctx.set.add({
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
