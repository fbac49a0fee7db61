/**
 * The executor's last check before it changes or deletes anything on a principal or policy:
 * the live owner tag. The plan already decided, but a plan can be stale (someone tagged or
 * replaced a resource since), and deleting what is not ours is the one mistake we cannot undo.
 */
import { GetPolicyCommand, ListPolicyTagsCommand, ListRoleTagsCommand, ListUserTagsCommand, type Tag } from '@aws-sdk/client-iam';
import { OWNER_TAG } from '../manifest/model.js';
import { awsCall, isNoSuchEntity, StepError, type StepContext } from './call.js';
import { ownerFromDescription } from '../plan/policy-owner.js';

export type OwnedKind = 'user' | 'role' | 'policy';

function ownerIn(tags: Tag[] | undefined): string | null {
  return tags?.find((t) => t.Key === OWNER_TAG)?.Value ?? null;
}

async function allTags(ctx: StepContext, kind: OwnedKind, id: string): Promise<Tag[]> {
  const tags: Tag[] = [];
  let marker: string | undefined;
  do {
    const out =
      kind === 'user'
        ? await awsCall(ctx, 'iam:ListUserTags', id, () => ctx.iam.send(new ListUserTagsCommand({ UserName: id, Marker: marker })))
        : kind === 'role'
          ? await awsCall(ctx, 'iam:ListRoleTags', id, () => ctx.iam.send(new ListRoleTagsCommand({ RoleName: id, Marker: marker })))
          : await awsCall(ctx, 'iam:ListPolicyTags', id, () => ctx.iam.send(new ListPolicyTagsCommand({ PolicyArn: id, Marker: marker })));
    tags.push(...(out.Tags ?? []));
    marker = out.IsTruncated === true ? out.Marker : undefined;
  } while (marker !== undefined);
  return tags;
}

/**
 * The live owner of a user/role (by name) or policy (by ARN): the connection its owner tag
 * names (for policies, else the Description marker), null when it has none, 'gone' when it
 * does not exist. Cached for the run; steps that tag or create update the cache.
 */
export async function liveOwner(ctx: StepContext, kind: OwnedKind, id: string): Promise<string | null | 'gone'> {
  const key = `${kind}:${id}`;
  if (ctx.owners.has(key)) return ctx.owners.get(key) ?? null;
  let owner: string | null;
  try {
    owner = ownerIn(await allTags(ctx, kind, id));
    if (owner === null && kind === 'policy') {
      const out = await awsCall(ctx, 'iam:GetPolicy', id, () => ctx.iam.send(new GetPolicyCommand({ PolicyArn: id })));
      owner = ownerFromDescription(out.Policy?.Description) ?? null;
    }
  } catch (err) {
    if (isNoSuchEntity(err)) return 'gone';
    throw err;
  }
  ctx.owners.set(key, owner);
  return owner;
}

export function noteOwner(ctx: StepContext, kind: OwnedKind, id: string, owner: string): void {
  ctx.owners.set(`${kind}:${id}`, owner);
}

/**
 * Refuses (StepError) unless the resource carries `connection`'s owner tag. Returns 'gone'
 * when it no longer exists, so a delete can count as done.
 */
export async function requireOurs(ctx: StepContext, kind: OwnedKind, id: string, connection: string | undefined, doing: string): Promise<'ours' | 'gone'> {
  const owner = await liveOwner(ctx, kind, id);
  if (owner === 'gone') return 'gone';
  if (connection !== undefined && owner === connection) return 'ours';
  const holder = owner === null ? 'has no iam-connections owner tag' : `is tagged for connection "${owner}"`;
  throw new StepError(
    `refused to ${doing}: ${kind} ${id} ${holder}, and iam-connections never changes what it does not own` +
      `${connection !== undefined ? ` (the change belongs to connection "${connection}")` : ''}. ` +
      'The account changed since the plan was made: run plan again; to take the resource over, set adopt: true on the connection.',
    { code: 'NotOwned', conflict: true },
  );
}
