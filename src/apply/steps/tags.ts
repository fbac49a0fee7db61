/** Tags on users, roles and policies: the owner tag on adoption, declared tags, never others removed. */
import { TagPolicyCommand, TagRoleCommand, TagUserCommand } from '@aws-sdk/client-iam';
import { OWNER_TAG } from '../../manifest/model.js';
import type { Change } from '../../plan/model.js';
import { awsCall, StepError } from '../call.js';
import { noteOwner, requireOurs } from '../ownership.js';
import { optStr, section, str, strRecord, tagList } from '../plan-data.js';
import { connectionOf, done, type PreparedStep } from './kit.js';

export function tagStep(c: Change): PreparedStep {
  const f = section(c, 'after');
  const type = f.principalType;
  if (type !== 'user' && type !== 'role' && type !== 'policy') throw new StepError(`change ${c.id}: after.principalType must be user, role or policy; run plan again`, { code: 'MalformedPlan' });
  const name = str(c, f, 'after', 'name');
  const arn = optStr(c, f, 'after', 'arn') ?? c.resource.arn;
  const set = strRecord(c, f, 'after', 'set');
  const connection = connectionOf(c);
  const adopt = c.kind === 'adopt';
  // Adoption is the one place we tag what is not (yet) ours, so it must end up carrying our owner tag.
  const tags = adopt ? { ...set, [OWNER_TAG]: connection } : set;
  if (type === 'policy' && arn === undefined) throw new StepError(`change ${c.id}: tagging a policy needs its ARN; run plan again`, { code: 'MalformedPlan' });
  return {
    async run(ctx) {
      const id = type === 'policy' ? (arn as string) : name;
      if (!adopt && (await requireOurs(ctx, type, id, connection, `tag ${type} ${name}`)) === 'gone') {
        throw new StepError(`${type} ${name} no longer exists; run plan again`, { code: 'NoSuchEntity' });
      }
      if (Object.keys(tags).length === 0) return done('no tag to set');
      const list = tagList(tags);
      if (type === 'user') await awsCall(ctx, 'iam:TagUser', arn ?? name, () => ctx.iam.send(new TagUserCommand({ UserName: name, Tags: list })));
      else if (type === 'role') await awsCall(ctx, 'iam:TagRole', arn ?? name, () => ctx.iam.send(new TagRoleCommand({ RoleName: name, Tags: list })));
      else await awsCall(ctx, 'iam:TagPolicy', id, () => ctx.iam.send(new TagPolicyCommand({ PolicyArn: id, Tags: list })));
      if (adopt) noteOwner(ctx, type, id, connection);
      return done(adopt ? `adopted: tagged ${OWNER_TAG}=${connection}` : undefined);
    },
  };
}
