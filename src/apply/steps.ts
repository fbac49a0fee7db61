/**
 * One idempotent step per (resource type, action). `prepareStep` is pure: it reads everything a
 * step needs out of the change (and the external ID out of the caller's map) and fails on a
 * malformed change, so the executor can validate the whole plan before its first write. The
 * returned `run` does the AWS calls; run again after a crash, it converges (already exists and
 * ours: done; already gone: done).
 */
import type { Change } from '../plan/model.js';
import { createBucket, inRegion, putMergedBucketPolicy } from './bucket.js';
import { doc, optStr, section, str } from './plan-data.js';
import { attach, boundary, deleteInline, detach, putInline } from './steps/attachment.js';
import { done, type PreparedStep, unsupported } from './steps/kit.js';
import { policyCreate, policyDelete, policyUpdate } from './steps/policy.js';
import { principalDelete, roleCreate, roleUpdate, userCreate, userUpdate } from './steps/principal.js';
import { tagStep } from './steps/tags.js';
import { accessKey, groupRemove, loginProfile } from './steps/user.js';

export { oldestNonDefault } from './steps/policy.js';
export type { PreparedStep, StepResult } from './steps/kit.js';

function bucketStep(c: Change): PreparedStep {
  const f = section(c, 'after');
  const name = str(c, f, 'after', 'name');
  const region = optStr(c, f, 'after', 'region');
  const policy = doc(c, f, 'after', 'policy');
  const create = c.action === 'create';
  return {
    async run(outer) {
      const ctx = inRegion(outer, region);
      const made = create ? await createBucket(ctx, name, region) : undefined;
      const put = await putMergedBucketPolicy(ctx, name, policy);
      const notes = [made === 'existed' ? 'the bucket already existed' : undefined, put === 'unchanged' ? 'its policy already held our statements' : 'policy merged (other statements kept)'];
      return done(notes.filter((n) => n !== undefined).join('; '));
    },
  };
}

/** Validates `c` and binds what it needs; throws StepError when the change cannot run. */
export function prepareStep(c: Change, externalIds: ReadonlyMap<string, string>): PreparedStep {
  const t = c.resource.type;
  switch (t) {
    case 'user':
      if (c.action === 'create') return userCreate(c);
      if (c.action === 'update') return userUpdate(c);
      if (c.action === 'delete') return principalDelete(c, 'user');
      if (c.action === 'tag') return tagStep(c);
      return unsupported(c);
    case 'role':
      if (c.action === 'create') return roleCreate(c, externalIds);
      if (c.action === 'update') return roleUpdate(c, externalIds);
      if (c.action === 'delete') return principalDelete(c, 'role');
      if (c.action === 'tag') return tagStep(c);
      return unsupported(c);
    case 'policy':
      if (c.action === 'create') return policyCreate(c);
      if (c.action === 'update') return policyUpdate(c);
      if (c.action === 'delete') return policyDelete(c);
      if (c.action === 'tag') return tagStep(c);
      return unsupported(c);
    case 'tags':
      return c.action === 'tag' ? tagStep(c) : unsupported(c);
    case 'attachment':
      if (c.action === 'attach') return attach(c);
      if (c.action === 'detach') return detach(c);
      return unsupported(c);
    case 'inline-policy':
      if (c.action === 'put') return putInline(c);
      if (c.action === 'delete') return deleteInline(c);
      return unsupported(c);
    case 'permissions-boundary':
      return c.action === 'update' ? boundary(c) : unsupported(c);
    case 'access-key':
      return accessKey(c);
    case 'login-profile':
      return c.action === 'delete' ? loginProfile(c) : unsupported(c);
    case 'group-membership':
      return c.action === 'remove' ? groupRemove(c) : unsupported(c);
    case 'bucket':
    case 'bucket-policy':
      return c.action === 'create' || c.action === 'update' ? bucketStep(c) : unsupported(c);
    default:
      return unsupported(c);
  }
}
