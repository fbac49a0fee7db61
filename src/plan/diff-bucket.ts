/** A declared billing bucket against the live one: only what merging our statements would change counts. */
import type { AccountDiff } from './account-diff.js';
import { mergeBucketPolicy } from './bucket-policy.js';
import type { DesiredAccount } from './desired.js';
import { documentDrift } from './document-drift.js';
import { policiesEqual } from './policy-equivalence.js';

export function diffBucket(ctx: AccountDiff, b: DesiredAccount['buckets'][number]): void {
  const live = ctx.actual.buckets.find((x) => x.name === b.name);
  const after: Record<string, unknown> = { name: b.name, policy: b.policy };
  if (b.region !== undefined) after.region = b.region;
  if (!live || !live.exists) {
    ctx.set.add({
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
  ctx.set.add({
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
