/**
 * One idempotent step per (resource type, action). `prepareStep` is pure: it reads everything a
 * step needs out of the change (and the external ID out of the caller's map) and fails on a
 * malformed change, so the executor can validate the whole plan before its first write. The
 * returned `run` does the AWS calls; run again after a crash, it converges (already exists and
 * ours: done; already gone: done).
 */
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteLoginProfileCommand,
  DeletePolicyVersionCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DeleteUserPermissionsBoundaryCommand,
  DeleteUserPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  ListPolicyVersionsCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
  TagPolicyCommand,
  TagRoleCommand,
  TagUserCommand,
  UpdateAccessKeyCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-iam';
import { maskKeyId } from '../aws/inventory.js';
import { OWNER_TAG } from '../manifest/model.js';
import { fillExternalId } from '../plan/desired.js';
import type { Change } from '../plan/model.js';
import { createBucket, putMergedBucketPolicy } from './bucket.js';
import { awsCall, isCode, isNoSuchEntity, StepError, stepFailure, type StepContext } from './call.js';
import { liveOwner, noteOwner, requireOurs } from './ownership.js';
import { doc, optNum, optStr, principalType, section, str, strRecord, tagList, target, type Fields } from './plan-data.js';
import { describeWithOwner } from '../plan/policy-owner.js';
import { deletePolicy, deleteRole, deleteUser } from './teardown.js';

export type StepResult = { status: 'done'; note?: string; roleArn?: string } | { status: 'skipped'; reason: string };

export interface PreparedStep {
  run(ctx: StepContext): Promise<StepResult>;
}

const done = (note?: string): StepResult => (note === undefined ? { status: 'done' } : { status: 'done', note });

const PLACEHOLDER = /^\(externalId[ )]/;

function hasPlaceholder(docValue: unknown): boolean {
  if (typeof docValue === 'string') return PLACEHOLDER.test(docValue);
  if (Array.isArray(docValue)) return docValue.some(hasPlaceholder);
  if (typeof docValue === 'object' && docValue !== null) return Object.values(docValue).some(hasPlaceholder);
  return false;
}

/** The trust document with the real external ID, in memory only. */
function trustWithExternalId(c: Change, f: Fields, externalIds: ReadonlyMap<string, string>): unknown {
  const trust = doc(c, f, 'after', 'trust');
  const binding = f.externalId as { placeholder?: unknown; source?: unknown } | undefined;
  let filled = trust;
  if (binding !== undefined) {
    const placeholder = typeof binding.placeholder === 'string' ? binding.placeholder : '';
    const source = binding.source as { env?: unknown } | undefined;
    const env = typeof source?.env === 'string' ? source.env : undefined;
    const value = env !== undefined ? externalIds.get(env) : externalIds.get(placeholder);
    if (value === undefined || value === '' || placeholder === '') {
      throw new StepError(
        env !== undefined
          ? `role ${c.resource.name}: the external ID comes from environment variable ${env}, which is not set for apply; set it from a secret in the workflow's env (the same one plan used)`
          : `role ${c.resource.name}: the external ID written in the manifest (${placeholder || 'no placeholder'}) was not passed to the executor; pass it in externalIds keyed by its placeholder`,
        { code: 'ExternalIdUnavailable' },
      );
    }
    filled = fillExternalId(trust, { placeholder }, value);
  }
  if (hasPlaceholder(filled)) {
    throw new StepError(
      `role ${c.resource.name}: the trust document still holds an external ID placeholder; applying it would lock the vendor out. Run plan with the external ID's environment variable set, then apply`,
      { code: 'ExternalIdUnavailable' },
    );
  }
  return filled;
}

function connectionOf(c: Change): string {
  if (c.connection === undefined) {
    throw new StepError(`change ${c.id} names no connection, so the executor cannot tag what it creates; run plan again`, { code: 'MalformedPlan' });
  }
  return c.connection;
}

function alreadyExists(err: unknown): boolean {
  return isCode(err, 'EntityAlreadyExists');
}

async function claimExisting(ctx: StepContext, kind: 'user' | 'role' | 'policy', id: string, connection: string, err: unknown): Promise<StepResult> {
  const owner = await liveOwner(ctx, kind, id);
  if (owner === connection) return done(`${kind} already existed with the owner tag of ${connection}`);
  const holder = owner === 'gone' ? 'was reported to exist but cannot be read' : owner === null ? 'has no iam-connections owner tag' : `is tagged for connection "${owner}"`;
  throw new StepError(
    `conflict: ${kind} ${id} already exists and ${holder}; iam-connections never changes resources it does not own. Rename it in the manifest, or set adopt: true on connection ${connection} to take it over`,
    { code: 'EntityAlreadyExists', conflict: true, cause: err },
  );
}

function userCreate(c: Change): PreparedStep {
  const f = section(c, 'after');
  const name = str(c, f, 'after', 'name');
  const path = str(c, f, 'after', 'path');
  const tags = strRecord(c, f, 'after', 'tags');
  const boundary = optStr(c, f, 'after', 'permissionsBoundary');
  const connection = connectionOf(c);
  if (tags[OWNER_TAG] !== connection) throw new StepError(`change ${c.id}: the user's tags lack ${OWNER_TAG}=${connection}; run plan again`, { code: 'MalformedPlan' });
  return {
    async run(ctx) {
      try {
        await awsCall(ctx, 'iam:CreateUser', c.resource.arn ?? name, () =>
          ctx.iam.send(new CreateUserCommand({ UserName: name, Path: path, Tags: tagList(tags), ...(boundary ? { PermissionsBoundary: boundary } : {}) })),
        );
      } catch (err) {
        if (alreadyExists(err)) return claimExisting(ctx, 'user', name, connection, err);
        throw stepFailure(`creating user ${name}`, err);
      }
      ctx.created.add(`user:${name}`);
      noteOwner(ctx, 'user', name, connection);
      return done();
    },
  };
}

function roleCreate(c: Change, externalIds: ReadonlyMap<string, string>): PreparedStep {
  const f = section(c, 'after');
  const name = str(c, f, 'after', 'name');
  const path = str(c, f, 'after', 'path');
  const tags = strRecord(c, f, 'after', 'tags');
  const description = optStr(c, f, 'after', 'description');
  const maxSession = optNum(c, f, 'after', 'maxSessionDuration');
  const boundary = optStr(c, f, 'after', 'permissionsBoundary');
  const connection = connectionOf(c);
  const trust = trustWithExternalId(c, f, externalIds);
  if (tags[OWNER_TAG] !== connection) throw new StepError(`change ${c.id}: the role's tags lack ${OWNER_TAG}=${connection}; run plan again`, { code: 'MalformedPlan' });
  return {
    async run(ctx) {
      let arn: string | undefined;
      try {
        const out = await awsCall(ctx, 'iam:CreateRole', c.resource.arn ?? name, () =>
          ctx.iam.send(
            new CreateRoleCommand({
              RoleName: name,
              Path: path,
              AssumeRolePolicyDocument: JSON.stringify(trust),
              Tags: tagList(tags),
              ...(description !== undefined ? { Description: description } : {}),
              ...(maxSession !== undefined ? { MaxSessionDuration: maxSession } : {}),
              ...(boundary ? { PermissionsBoundary: boundary } : {}),
            }),
          ),
        );
        arn = out.Role?.Arn;
      } catch (err) {
        if (alreadyExists(err)) {
          const r = await claimExisting(ctx, 'role', name, connection, err);
          return c.resource.arn !== undefined && r.status === 'done' ? { ...r, roleArn: c.resource.arn } : r;
        }
        throw stepFailure(`creating role ${name}`, err);
      }
      ctx.created.add(`role:${name}`);
      noteOwner(ctx, 'role', name, connection);
      const roleArn = arn ?? c.resource.arn;
      return roleArn === undefined ? done() : { status: 'done', roleArn };
    },
  };
}

function roleUpdate(c: Change, externalIds: ReadonlyMap<string, string>): PreparedStep {
  const f = section(c, 'after');
  const name = str(c, f, 'after', 'name');
  const trust = f.trust === undefined ? undefined : trustWithExternalId(c, f, externalIds);
  const description = optStr(c, f, 'after', 'description');
  const maxSession = optNum(c, f, 'after', 'maxSessionDuration');
  const connection = connectionOf(c);
  const arn = c.resource.arn ?? name;
  return {
    async run(ctx) {
      if ((await requireOurs(ctx, 'role', name, connection, `update role ${name}`)) === 'gone') {
        throw new StepError(`role ${name} no longer exists; run plan again (apply will create it)`, { code: 'NoSuchEntity' });
      }
      const recentlyCreated = ctx.created.has(`role:${name}`);
      if (trust !== undefined) {
        await awsCall(ctx, 'iam:UpdateAssumeRolePolicy', arn, () => ctx.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: JSON.stringify(trust) })), {
          recentlyCreated,
        });
      }
      if (description !== undefined || maxSession !== undefined) {
        await awsCall(ctx, 'iam:UpdateRole', arn, () =>
          ctx.iam.send(
            new UpdateRoleCommand({
              RoleName: name,
              ...(description !== undefined ? { Description: description } : {}),
              ...(maxSession !== undefined ? { MaxSessionDuration: maxSession } : {}),
            }),
          ),
        { recentlyCreated });
      }
      return done();
    },
  };
}

function userUpdate(c: Change): PreparedStep {
  const f = section(c, 'after');
  const name = str(c, f, 'after', 'name');
  const path = str(c, f, 'after', 'path');
  const connection = connectionOf(c);
  return {
    async run(ctx) {
      if ((await requireOurs(ctx, 'user', name, connection, `move user ${name}`)) === 'gone') {
        throw new StepError(`user ${name} no longer exists; run plan again`, { code: 'NoSuchEntity' });
      }
      await awsCall(ctx, 'iam:UpdateUser', c.resource.arn ?? name, () => ctx.iam.send(new UpdateUserCommand({ UserName: name, NewPath: path })));
      return done();
    },
  };
}

function policyCreate(c: Change): PreparedStep {
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

function policyUpdate(c: Change): PreparedStep {
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

function tagStep(c: Change): PreparedStep {
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

/** Steps on something hanging off a principal that stays (attachments, inline, boundary). */
function onPrincipal(c: Change, where: 'before' | 'after', f: Fields, doing: string, fn: (ctx: StepContext, type: 'user' | 'role', name: string, recent: boolean) => Promise<StepResult>): PreparedStep {
  const type = principalType(c, f, where);
  const name = str(c, f, where, 'principal');
  const connection = connectionOf(c);
  return {
    async run(ctx) {
      if ((await requireOurs(ctx, type, name, connection, `${doing} (${type} ${name})`)) === 'gone') {
        throw new StepError(`${type} ${name} does not exist (any more); run plan again`, { code: 'NoSuchEntity' });
      }
      return fn(ctx, type, name, ctx.created.has(`${type}:${name}`));
    },
  };
}

function attach(c: Change): PreparedStep {
  const f = section(c, 'after');
  const policyArn = str(c, f, 'after', 'policyArn');
  return onPrincipal(c, 'after', f, `attach ${policyArn}`, async (ctx, type, name, recent) => {
    const recentlyCreated = recent || ctx.created.has(`policy:${policyArn}`);
    if (type === 'user') {
      await awsCall(ctx, 'iam:AttachUserPolicy', policyArn, () => ctx.iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: policyArn })), { recentlyCreated });
    } else {
      await awsCall(ctx, 'iam:AttachRolePolicy', policyArn, () => ctx.iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: policyArn })), { recentlyCreated });
    }
    return done();
  });
}

function detach(c: Change): PreparedStep {
  const { fields: f, where } = target(c);
  const policyArn = str(c, f, where, 'policyArn');
  return onPrincipal(c, where, f, `detach ${policyArn}`, async (ctx, type, name) => {
    try {
      if (type === 'user') await awsCall(ctx, 'iam:DetachUserPolicy', policyArn, () => ctx.iam.send(new DetachUserPolicyCommand({ UserName: name, PolicyArn: policyArn })));
      else await awsCall(ctx, 'iam:DetachRolePolicy', policyArn, () => ctx.iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: policyArn })));
    } catch (err) {
      if (isNoSuchEntity(err)) return done('already detached');
      throw err;
    }
    return done();
  });
}

function putInline(c: Change): PreparedStep {
  const f = section(c, 'after');
  const policyName = str(c, f, 'after', 'name');
  const document = JSON.stringify(doc(c, f, 'after', 'document'));
  return onPrincipal(c, 'after', f, `put inline policy ${policyName}`, async (ctx, type, name, recentlyCreated) => {
    const arn = c.resource.name;
    if (type === 'user') await awsCall(ctx, 'iam:PutUserPolicy', arn, () => ctx.iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: policyName, PolicyDocument: document })), { recentlyCreated });
    else await awsCall(ctx, 'iam:PutRolePolicy', arn, () => ctx.iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: policyName, PolicyDocument: document })), { recentlyCreated });
    return done();
  });
}

function deleteInline(c: Change): PreparedStep {
  const { fields: f, where } = target(c);
  const policyName = str(c, f, where, 'name');
  return onPrincipal(c, where, f, `delete inline policy ${policyName}`, async (ctx, type, name) => {
    try {
      if (type === 'user') await awsCall(ctx, 'iam:DeleteUserPolicy', c.resource.name, () => ctx.iam.send(new DeleteUserPolicyCommand({ UserName: name, PolicyName: policyName })));
      else await awsCall(ctx, 'iam:DeleteRolePolicy', c.resource.name, () => ctx.iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: policyName })));
    } catch (err) {
      if (isNoSuchEntity(err)) return done('already deleted');
      throw err;
    }
    return done();
  });
}

function boundary(c: Change): PreparedStep {
  const f = section(c, 'after');
  const arn = optStr(c, f, 'after', 'arn');
  return onPrincipal(c, 'after', f, arn ? `set permissions boundary ${arn}` : 'remove the permissions boundary', async (ctx, type, name) => {
    if (arn !== undefined) {
      if (type === 'user') await awsCall(ctx, 'iam:PutUserPermissionsBoundary', name, () => ctx.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: name, PermissionsBoundary: arn })));
      else await awsCall(ctx, 'iam:PutRolePermissionsBoundary', name, () => ctx.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: name, PermissionsBoundary: arn })));
      return done();
    }
    try {
      if (type === 'user') await awsCall(ctx, 'iam:DeleteUserPermissionsBoundary', name, () => ctx.iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: name })));
      else await awsCall(ctx, 'iam:DeleteRolePermissionsBoundary', name, () => ctx.iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: name })));
    } catch (err) {
      if (isNoSuchEntity(err)) return done('no boundary to remove');
      throw err;
    }
    return done();
  });
}

/** Steps on a user that stays: its keys, console password, groups. */
function onUser(c: Change, doing: string, fn: (ctx: StepContext, user: string) => Promise<StepResult>): PreparedStep {
  const { fields: f, where } = target(c);
  const user = str(c, f, where, 'user');
  const connection = connectionOf(c);
  return {
    async run(ctx) {
      if ((await requireOurs(ctx, 'user', user, connection, `${doing} of user ${user}`)) === 'gone') return done(`user ${user} no longer exists`);
      return fn(ctx, user);
    },
  };
}

function accessKey(c: Change): PreparedStep {
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

function loginProfile(c: Change): PreparedStep {
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

function groupRemove(c: Change): PreparedStep {
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

function principalDelete(c: Change, type: 'user' | 'role'): PreparedStep {
  const before = typeof c.before === 'object' && c.before !== null ? (c.before as Fields) : {};
  const name = optStr(c, before, 'before', 'name') ?? c.resource.name;
  const arn = c.resource.arn ?? optStr(c, before, 'before', 'arn') ?? name;
  const connection = connectionOf(c);
  return {
    async run(ctx) {
      if ((await requireOurs(ctx, type, name, connection, `delete ${type} ${name}`)) === 'gone') return done(`${type} ${name} was already gone`);
      const removed = type === 'user' ? await deleteUser(ctx, name, arn) : await deleteRole(ctx, name, arn);
      ctx.owners.delete(`${type}:${name}`);
      return done(removed.length > 0 ? `removed first: ${removed.join(', ')}` : undefined);
    },
  };
}

function policyDelete(c: Change): PreparedStep {
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

function bucketStep(c: Change): PreparedStep {
  const f = section(c, 'after');
  const name = str(c, f, 'after', 'name');
  const region = optStr(c, f, 'after', 'region');
  const policy = doc(c, f, 'after', 'policy');
  const create = c.action === 'create';
  return {
    async run(ctx) {
      const made = create ? await createBucket(ctx, name, region) : undefined;
      const put = await putMergedBucketPolicy(ctx, name, policy);
      const notes = [made === 'existed' ? 'the bucket already existed' : undefined, put === 'unchanged' ? 'its policy already held our statements' : 'policy merged (other statements kept)'];
      return done(notes.filter((n) => n !== undefined).join('; '));
    },
  };
}

function unsupported(c: Change): never {
  throw new StepError(`change ${c.id}: the executor has no step for ${c.action} on ${c.resource.type}; this is a defect, please report it with the plan file`, { code: 'Unsupported' });
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
