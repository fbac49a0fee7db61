/** A declared customer-managed policy against the live one. */
import type { AccountDiff } from './account-diff.js';
import type { DesiredConnection, DesiredPolicy } from './desired.js';
import { POLICY_HASH_TAG } from './desired.js';
import { documentDrift, policyOrigin, versionToDelete } from './document-drift.js';
import { ownerTags } from './policy-owner.js';
import { policiesEqual } from './policy-equivalence.js';
import type { TemporaryStage } from './temporary.js';

export function diffPolicy(ctx: AccountDiff, conn: DesiredConnection, p: DesiredPolicy, temp: TemporaryStage): string | undefined {
  const live = ctx.policies.get(p.name.toLowerCase());
  const resource = { type: 'policy' as const, name: p.name, arn: p.arn };
  if (!live) {
    if (temp.stage !== 'active') return undefined; // an expired temporary connection is not recreated
    const after: Record<string, unknown> = { name: p.name, path: p.path, document: p.document, tags: p.tags };
    if (p.description !== undefined) after.description = p.description;
    return ctx.set.add({
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
  if (!ctx.claim(conn, 'policy', p.name, live.arn, ownerTags(live), p.at, p.tags)) return undefined;
  if (temp.stage === 'deletable') {
    return ctx.set.add({
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
    ctx.set.add({
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
    id = ctx.set.add({
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
    ctx.tags(conn, 'policy', p.name, live.arn, plainTags, live.tags, p.at);
  }
  return id;
}
