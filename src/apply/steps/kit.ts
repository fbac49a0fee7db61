/**
 * What every step shares: its result, the ownership checks before touching a live resource, and the
 * failure for a change the executor has no step for.
 */
import type { Change } from '../../plan/model.js';
import { isCode, type StepContext, StepError } from '../call.js';
import { liveOwner, requireOurs } from '../ownership.js';
import { type Fields, principalType, str, target } from '../plan-data.js';

export type StepResult =
  | { status: 'done'; note?: string; roleArn?: string }
  /** `deferred`: another path carries the change out later in the same run (keys: the locked rotation path). */
  | { status: 'skipped'; reason: string; deferred?: 'rotation' };

export interface PreparedStep {
  run(ctx: StepContext): Promise<StepResult>;
}

export const done = (note?: string): StepResult => (note === undefined ? { status: 'done' } : { status: 'done', note });

export function connectionOf(c: Change): string {
  if (c.connection === undefined) {
    throw new StepError(`change ${c.id} names no connection, so the executor cannot tag what it creates; run plan again`, { code: 'MalformedPlan' });
  }
  return c.connection;
}

export function alreadyExists(err: unknown): boolean {
  return isCode(err, 'EntityAlreadyExists');
}

export async function claimExisting(ctx: StepContext, kind: 'user' | 'role' | 'policy', id: string, connection: string, err: unknown): Promise<StepResult> {
  const owner = await liveOwner(ctx, kind, id);
  if (owner === connection) return done(`${kind} already existed with the owner tag of ${connection}`);
  const holder = owner === 'gone' ? 'was reported to exist but cannot be read' : owner === null ? 'has no iam-connections owner tag' : `is tagged for connection "${owner}"`;
  throw new StepError(
    `conflict: ${kind} ${id} already exists and ${holder}; iam-connections never changes resources it does not own. Rename it in the manifest, or set adopt: true on connection ${connection} to take it over`,
    { code: 'EntityAlreadyExists', conflict: true, cause: err },
  );
}

/** Steps on something hanging off a principal that stays (attachments, inline, boundary). */
export function onPrincipal(c: Change, where: 'before' | 'after', f: Fields, doing: string, fn: (ctx: StepContext, type: 'user' | 'role', name: string, recent: boolean) => Promise<StepResult>): PreparedStep {
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

/** Steps on a user that stays: its keys, console password, groups. */
export function onUser(c: Change, doing: string, fn: (ctx: StepContext, user: string) => Promise<StepResult>): PreparedStep {
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

export function unsupported(c: Change): never {
  throw new StepError(`change ${c.id}: the executor has no step for ${c.action} on ${c.resource.type}; this is a defect, please report it with the plan file`, { code: 'Unsupported' });
}
