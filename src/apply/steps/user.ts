/** A user that stays: its access keys, console password and group memberships. */
import { DeleteAccessKeyCommand, DeleteLoginProfileCommand, RemoveUserFromGroupCommand } from '@aws-sdk/client-iam';
import { maskKeyId } from '../../aws/inventory.js';
import type { Change } from '../../plan/model.js';
import { awsCall, isNoSuchEntity } from '../call.js';
import { str, target } from '../plan-data.js';
import { done, onUser, type PreparedStep } from './kit.js';

/**
 * Keys of a user that declares an access key are never touched here: every key-* change
 * (create, rotate, deactivate, delete, a pending key to resume) runs after the executor through
 * the rotation path, under the user's rotate lock and with its re-checks (src/commands/apply.ts),
 * so an apply cannot delete the key a concurrent rotate is delivering. What remains here is a
 * key on a user whose manifest declares none (`unexpected`): no rotation manages that user.
 */
export function accessKey(c: Change): PreparedStep {
  if (c.kind !== 'unexpected') {
    return { run: () => Promise.resolve({ status: 'skipped', reason: 'carried out by the rotation path under the rotate lock, after the other changes: see the key results' }) };
  }
  const { fields: f, where } = target(c);
  const keyId = str(c, f, where, 'keyId');
  const masked = maskKeyId(keyId);
  return onUser(c, `delete access key ${masked}`, async (ctx, user) => {
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
