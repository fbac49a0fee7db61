/** What is attached to and inlined in a principal (user or role), existing or about to be created. */
import type { AttachedPolicy, InlinePolicy } from '../aws/inventory-model.js';
import type { AccountDiff } from './account-diff.js';
import type { DesiredConnection, DesiredPrincipal } from './desired.js';
import { documentDrift } from './document-drift.js';
import { policiesEqual } from './policy-equivalence.js';

/** AWS-managed policies whose attachment to an integration principal is critical drift. */
const ADMIN_POLICIES = new Set(['AdministratorAccess', 'IAMFullAccess', 'PowerUserAccess']);

function rolePrincipalType(p: DesiredPrincipal): 'user' | 'role' {
  return 'trust' in p ? 'role' : 'user';
}

/** Attachments, inline policies and boundary of a principal that exists and is ours (or adopted). */
export function diffPrincipalPolicies(
  ctx: AccountDiff,
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
    ctx.set.add({
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
    ctx.set.add({
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
    ctx.set.add({
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
    ctx.set.add({
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
    ctx.set.add({
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
export function diffNewPrincipalPolicies(ctx: AccountDiff, conn: DesiredConnection, d: DesiredPrincipal, createId: string, policyIds: Map<string, string>): void {
  const principalType = rolePrincipalType(d);
  for (const a of d.attachments) {
    const dep = policyIds.get(a.arn);
    ctx.set.add({
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
    ctx.set.add({
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
