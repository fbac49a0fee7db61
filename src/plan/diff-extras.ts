/** Resources carrying our owner tag that the manifest no longer declares for this account: `extra`. */
import { OWNER_TAG } from '../manifest/model.js';
import type { AccountDiff } from './account-diff.js';
import { ownerTags } from './policy-owner.js';
import { roleTeardown, userTeardown } from './teardown-state.js';

/** Resources carrying our owner tag that nothing in the manifest declares for this account. */
export function diffExtras(ctx: AccountDiff): void {
  const declared = {
    user: new Set(ctx.desired.users.map((u) => u.name.toLowerCase())),
    role: new Set(ctx.desired.roles.map((r) => r.name.toLowerCase())),
    policy: new Set(ctx.desired.policies.map((p) => p.name.toLowerCase())),
  };
  const prune = ctx.opts.prune;
  const add = (type: 'user' | 'role' | 'policy', name: string, arn: string, tags: Record<string, string>, before: unknown) => {
    const owner = tags[OWNER_TAG];
    if (owner === undefined || declared[type].has(name.toLowerCase())) return;
    const gone = ctx.desired.connections.some((c) => c.name === owner)
      ? `connection ${owner} no longer declares it`
      : ctx.desired.declaredConnections.includes(owner)
        ? `connection ${owner} no longer lists this account`
        : `connection ${owner} is no longer in the manifest`;
    ctx.set.add({
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
  for (const u of ctx.actual.users) add('user', u.name, u.arn, u.tags, userTeardown(u));
  for (const r of ctx.actual.roles) add('role', r.name, r.arn, r.tags, roleTeardown(r));
  for (const p of ctx.actual.policies) add('policy', p.name, p.arn, ownerTags(p), { arn: p.arn, attachmentCount: p.attachmentCount });
}
