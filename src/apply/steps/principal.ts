/** Users and roles themselves: create (with owner tags), update (path, trust, settings), delete. */
import { CreateRoleCommand, CreateUserCommand, UpdateAssumeRolePolicyCommand, UpdateRoleCommand, UpdateUserCommand } from '@aws-sdk/client-iam';
import { OWNER_TAG } from '../../manifest/model.js';
import { fillExternalId } from '../../plan/desired.js';
import type { Change } from '../../plan/model.js';
import { awsCall, StepError, stepFailure } from '../call.js';
import { noteOwner, requireOurs } from '../ownership.js';
import { doc, type Fields, optNum, optStr, section, str, strRecord, tagList } from '../plan-data.js';
import { deleteRole, deleteUser } from '../teardown.js';
import { alreadyExists, claimExisting, connectionOf, done, type PreparedStep } from './kit.js';

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


export function userCreate(c: Change): PreparedStep {
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

export function roleCreate(c: Change, externalIds: ReadonlyMap<string, string>): PreparedStep {
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

export function roleUpdate(c: Change, externalIds: ReadonlyMap<string, string>): PreparedStep {
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

export function userUpdate(c: Change): PreparedStep {
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


export function principalDelete(c: Change, type: 'user' | 'role'): PreparedStep {
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
