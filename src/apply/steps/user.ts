/** A user that stays: its access keys, console password and group memberships. */
import { DeleteAccessKeyCommand, DeleteLoginProfileCommand, RemoveUserFromGroupCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { maskKeyId } from '../../aws/inventory.js';
import type { Change } from '../../plan/model.js';
import { awsCall, isNoSuchEntity } from '../call.js';
import { str, target } from '../plan-data.js';
import { done, onUser, type PreparedStep } from './kit.js';

export function accessKey(c: Change): PreparedStep {
  if (c.action === 'create' || c.action === 'rotate') {
    return { run: () => Promise.resolve({ status: 'skipped', reason: 'keys are created by rotate: run the rotate command to create and deliver it' }) };
  }
  const { fields: f, where } = target(c);
  const keyId = str(c, f, where, 'keyId');
  const masked = maskKeyId(keyId);
  if (c.action === 'deactivate') {
    return onUser(c, `deactivate access key ${masked}`, async (ctx, user) => {
      await awsCall(ctx, 'iam:UpdateAccessKey', `user ${user}, key ${masked}`, () => ctx.iam.send(new UpdateAccessKeyCommand({ UserName: user, AccessKeyId: keyId, Status: 'Inactive' })));
      return done();
    });
  }
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
