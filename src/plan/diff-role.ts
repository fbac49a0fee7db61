/** A declared role against the live one: existence, trust (external ID first), settings, path. */
import type { AccountDiff } from './account-diff.js';
import { reservedTags } from '../manifest/tool-tags.js';
import type { DesiredConnection, DesiredRole } from './desired.js';
import { mapExternalIds } from './desired.js';
import { diffNewPrincipalPolicies, diffPrincipalPolicies } from './diff-principal.js';
import { documentDrift, showLiveTrust } from './document-drift.js';
import { policiesEqual } from './policy-equivalence.js';
import { EXPIRED_TRUST, type TemporaryStage } from './temporary.js';

export function diffRole(ctx: AccountDiff, conn: DesiredConnection, r: DesiredRole, policyIds: Map<string, string>, temp: TemporaryStage = { stage: 'active' }): void {
  const live = ctx.roles.get(r.name.toLowerCase());
  if (temp.stage !== 'active') {
    diffTemporaryRole(ctx, conn, r, live, temp, policyIds);
    return;
  }
  const resource = { type: 'role' as const, name: r.name, arn: live?.arn ?? r.arn };
  const externalId = r.externalId ? { placeholder: r.externalId.placeholder, source: r.externalId.source } : undefined;
  let unresolved: string | undefined;
  if (r.externalId && r.externalId.value === undefined && 'env' in r.externalId.source) {
    unresolved = ctx.set.add({
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
    const c = ctx.set.changes.find((x) => x.id === id);
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
    const id = ctx.set.add({
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
    diffNewPrincipalPolicies(ctx, conn, r, id, policyIds);
    return;
  }
  if (!ctx.claim(conn, 'role', r.name, live.arn, live.tags, r.at, r.tags)) return;

  const binding = r.externalId;
  const partition = ctx.desired.partition;
  const liveTrust = binding && binding.value === undefined ? mapExternalIds(live.trust, () => binding.placeholder) : live.trust;
  if (!policiesEqual(r.trust, liveTrust, partition)) {
    const sameShape = policiesEqual(
      mapExternalIds(r.trust, () => '(externalId)'),
      mapExternalIds(live.trust, () => '(externalId)'),
      partition,
    );
    const drift = sameShape
      ? {
          severity: 'high' as const,
          security: true,
          reason: `the trust of role ${r.name} requires a different external ID than the manifest declares (values not shown): the vendor's own ID no longer works, or another customer's does; apply sets the declared one`,
        }
      : documentDrift(r.trust, liveTrust, `the trust of role ${r.name}`, { partition });
    const after: Record<string, unknown> = { name: r.name, trust: r.trustShown };
    if (externalId) after.externalId = externalId;
    const id = ctx.set.add({
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
    ctx.set.add({
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
    ctx.set.add({
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
  ctx.tags(conn, 'role', r.name, live.arn, r.tags, live.tags, r.at);
  ctx.tagBudget(conn, 'role', r.name, live.arn, r.tags, live.tags, reservedTags('role'), r.at);
  diffPrincipalPolicies(ctx, conn, r, live, policyIds);
}

type LiveRole = NonNullable<ReturnType<AccountDiff['roles']['get']>>;

/**
 * A role of a temporary connection past `expires`: never (re)created; past expiry its trust is
 * replaced by EXPIRED_TRUST (one trust update, the only one for the role: the declared trust is
 * not compared then); past `deleteAfter` it is deleted with what hangs off it.
 */
function diffTemporaryRole(ctx: AccountDiff, conn: DesiredConnection, r: DesiredRole, live: LiveRole | undefined, temp: TemporaryStage, policyIds: Map<string, string>): void {
  if (!live) return; // an expired temporary role is not recreated
  if (!ctx.claim(conn, 'role', r.name, live.arn, live.tags, r.at, r.tags)) return;
  const resource = { type: 'role' as const, name: r.name, arn: live.arn };
  const at = conn.temporary?.at ?? r.at;
  const expired = temp.expiresAt?.toISOString() ?? '';
  if (temp.stage === 'deletable') {
    ctx.set.add({
      connection: conn.name,
      resource,
      kind: 'expired',
      action: 'delete',
      severity: 'high',
      security: true,
      reason: `temporary connection ${conn.name} expired at ${expired} and its deleteAfter passed at ${temp.deleteAt?.toISOString() ?? ''}: apply deletes role ${r.name} with its attachments and inline policies`,
      before: { name: r.name, arn: live.arn },
      at,
    });
    return;
  }
  if (!policiesEqual(EXPIRED_TRUST, live.trust)) {
    ctx.set.add({
      connection: conn.name,
      resource,
      kind: 'expired',
      action: 'update',
      severity: 'high',
      security: true,
      reason:
        `temporary connection ${conn.name} expired at ${expired}: apply replaces the trust of role ${r.name} with a deny-all document, so nobody can assume it ` +
        `(sessions issued before last until they end); its policies stay attached. Moving expires later restores the declared trust; the role is deleted after ${temp.deleteAt?.toISOString() ?? ''}`,
      before: { trust: showLiveTrust(live.trust, r.externalId) },
      after: { name: r.name, trust: EXPIRED_TRUST },
      at,
    });
  }
  ctx.tags(conn, 'role', r.name, live.arn, r.tags, live.tags, r.at);
  diffPrincipalPolicies(ctx, conn, r, live, policyIds);
}
