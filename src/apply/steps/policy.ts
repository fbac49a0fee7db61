/** Customer-managed policies: create, new default version (within IAM's five), delete. */
import { CreatePolicyCommand, CreatePolicyVersionCommand, DeletePolicyVersionCommand, ListPolicyVersionsCommand, TagPolicyCommand } from '@aws-sdk/client-iam';
import type { Change } from '../../plan/model.js';
import { describeWithOwner } from '../../plan/policy-owner.js';
import { awsCall, isCode, isNoSuchEntity, StepError, stepFailure } from '../call.js';
import { noteOwner, requireOurs } from '../ownership.js';
import { doc, type Fields, optStr, section, str, strRecord, tagList } from '../plan-data.js';
import { deletePolicy } from '../teardown.js';
import { alreadyExists, claimExisting, connectionOf, done, type PreparedStep } from './kit.js';

export function policyCreate(c: Change): PreparedStep {
  const f = section(c, 'after');
  const name = str(c, f, 'after', 'name');
  const path = str(c, f, 'after', 'path');
  const document = doc(c, f, 'after', 'document');
  const tags = strRecord(c, f, 'after', 'tags');
  const connection = connectionOf(c);
  const description = describeWithOwner(optStr(c, f, 'after', 'description'), connection);
  return {
    async run(ctx) {
      let arn = c.resource.arn;
      try {
        const out = await awsCall(ctx, 'iam:CreatePolicy', arn ?? name, () =>
          ctx.iam.send(new CreatePolicyCommand({ PolicyName: name, Path: path, PolicyDocument: JSON.stringify(document), Description: description, Tags: tagList(tags) })),
        );
        arn = out.Policy?.Arn ?? arn;
      } catch (err) {
        if (alreadyExists(err) && arn !== undefined) return claimExisting(ctx, 'policy', arn, connection, err);
        throw stepFailure(`creating policy ${name}`, err);
      }
      if (arn !== undefined) {
        ctx.created.add(`policy:${arn}`);
        noteOwner(ctx, 'policy', arn, connection);
      }
      return done();
    },
  };
}

/** The oldest non-default version, by number: the one IAM's 5-version limit makes us drop. */
export function oldestNonDefault(versions: readonly { id: string; isDefault: boolean }[]): string | undefined {
  const num = (v: string): number => Number(/\d+/.exec(v)?.[0] ?? Number.MAX_SAFE_INTEGER);
  return versions.filter((v) => !v.isDefault).sort((a, b) => num(a.id) - num(b.id))[0]?.id;
}

export function policyUpdate(c: Change): PreparedStep {
  const f = section(c, 'after');
  const arn = str(c, f, 'after', 'arn');
  const document = doc(c, f, 'after', 'document');
  const tags = strRecord(c, f, 'after', 'tags');
  const deleteFirst = optStr(c, f, 'after', 'deleteVersionFirst');
  const connection = connectionOf(c);
  return {
    async run(ctx) {
      if ((await requireOurs(ctx, 'policy', arn, connection, `update policy ${arn}`)) === 'gone') {
        throw new StepError(`policy ${arn} no longer exists; run plan again (apply will create it)`, { code: 'NoSuchEntity' });
      }
      const dropVersion = async (id: string): Promise<void> => {
        try {
          await awsCall(ctx, 'iam:DeletePolicyVersion', arn, () => ctx.iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: id })));
        } catch (err) {
          if (!isNoSuchEntity(err)) throw stepFailure(`deleting version ${id} of policy ${arn}`, err);
        }
      };
      if (deleteFirst !== undefined) await dropVersion(deleteFirst);
      const create = () =>
        awsCall(ctx, 'iam:CreatePolicyVersion', arn, () =>
          ctx.iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: JSON.stringify(document), SetAsDefault: true })),
        );
      try {
        await create();
      } catch (err) {
        if (!isCode(err, 'LimitExceeded')) throw stepFailure(`creating a new version of policy ${arn}`, err);
        // The plan is older than the policy's versions (someone added one): make room as IAM requires.
        const out = await awsCall(ctx, 'iam:ListPolicyVersions', arn, () => ctx.iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn })));
        const oldest = oldestNonDefault((out.Versions ?? []).map((v) => ({ id: v.VersionId ?? '', isDefault: v.IsDefaultVersion === true })));
        if (oldest === undefined) throw stepFailure(`creating a new version of policy ${arn}`, err);
        await dropVersion(oldest);
        await create();
      }
      if (Object.keys(tags).length > 0) {
        await awsCall(ctx, 'iam:TagPolicy', arn, () => ctx.iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: tagList(tags) })));
      }
      return done();
    },
  };
}


export function policyDelete(c: Change): PreparedStep {
  const before = typeof c.before === 'object' && c.before !== null ? (c.before as Fields) : {};
  const arn = c.resource.arn ?? str(c, before, 'before', 'arn');
  const connection = connectionOf(c);
  return {
    async run(ctx) {
      if ((await requireOurs(ctx, 'policy', arn, connection, `delete policy ${arn}`)) === 'gone') return done('already gone');
      const removed = await deletePolicy(ctx, arn);
      ctx.owners.delete(`policy:${arn}`);
      return done(removed.length > 0 ? `removed first: ${removed.join(', ')}` : undefined);
    },
  };
}
