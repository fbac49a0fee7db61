/** A user that stays: its access keys, console password and group memberships. */
import { DeleteAccessKeyCommand, DeleteLoginProfileCommand, ListAccessKeysCommand, RemoveUserFromGroupCommand } from '@aws-sdk/client-iam';
import { maskKeyId } from '../../aws/inventory.js';
import type { Change } from '../../plan/model.js';
import { awsCall, isNoSuchEntity, StepError, type StepContext } from '../call.js';
import { str, target } from '../plan-data.js';
import { done, onUser, type PreparedStep } from './kit.js';

/**
 * The key a plan names by its masked ID (`AKIA…WXYZ`; plans never hold full key IDs), read live:
 * the one key of the user with that mask (a user holds at most two). Undefined when it is gone.
 */
async function resolveKey(ctx: StepContext, user: string, named: string): Promise<string | undefined> {
  const out = await awsCall(ctx, 'iam:ListAccessKeys', `user ${user}`, () => ctx.iam.send(new ListAccessKeysCommand({ UserName: user })));
  const hits = (out.AccessKeyMetadata ?? []).flatMap((k) => (k.AccessKeyId && (k.AccessKeyId === named || maskKeyId(k.AccessKeyId) === named) ? [k.AccessKeyId] : []));
  if (hits.length > 1) {
    throw new StepError(`user ${user} holds two access keys that both show as ${maskKeyId(named)}: the executor cannot tell which one the plan means; deactivate or delete the right one by hand`, { code: 'AmbiguousKey' });
  }
  return hits[0];
}

/**
 * Keys of a user that declares an access key are never touched here: every key-* change
 * (create, rotate, deactivate, delete, a pending key to resume) runs after the executor through
 * the rotation path, under the user's rotate lock and with its re-checks (src/commands/apply.ts),
 * so an apply cannot delete the key a concurrent rotate is delivering. What remains here is a
 * key on a user whose manifest declares none (`unexpected`): no rotation manages that user.
 */
export function accessKey(c: Change): PreparedStep {
  if (c.kind !== 'unexpected') {
    return { run: () => Promise.resolve({ status: 'skipped', deferred: 'rotation', reason: 'carried out by the rotation path under the rotate lock, after the other changes: see the key results' }) };
  }
  const { fields: f, where } = target(c);
  const masked = maskKeyId(str(c, f, where, 'keyId'));
  return onUser(c, `delete access key ${masked}`, async (ctx, user) => {
    const keyId = await resolveKey(ctx, user, masked);
    if (keyId === undefined) return done('already deleted');
    try {
      await awsCall(ctx, 'iam:DeleteAccessKey', `user ${user}, key ${masked}`, () => ctx.iam.send(new DeleteAccessKeyCommand({ UserName: user, AccessKeyId: keyId })));
    } catch (err) {
      if (isNoSuchEntity(err)) return done('already deleted');
      throw err;
    }
    return done();
  });
}

export function loginProfile(c: Change): PreparedStep {
  return onUser(c, 'delete the console password', async (ctx, user) => {
    try {
      await awsCall(ctx, 'iam:DeleteLoginProfile', user, () => ctx.iam.send(new DeleteLoginProfileCommand({ UserName: user })));
    } catch (err) {
      if (isNoSuchEntity(err)) return done('no login profile left');
      throw err;
    }
    return done();
  });
}

export function groupRemove(c: Change): PreparedStep {
  const { fields: f, where } = target(c);
  const group = str(c, f, where, 'group');
  return onUser(c, `remove from group ${group}`, async (ctx, user) => {
    try {
      await awsCall(ctx, 'iam:RemoveUserFromGroup', group, () => ctx.iam.send(new RemoveUserFromGroupCommand({ UserName: user, GroupName: group })));
    } catch (err) {
      if (isNoSuchEntity(err)) return done('no longer a member');
      throw err;
    }
    return done();
  });
}
