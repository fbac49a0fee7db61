/**
 * Where a temporary connection stands at `now`: active, expired (keys off, roles unassumable) or
 * deletable (its users, roles and customer-managed policies deleted by apply).
 */
import type { DesiredConnection } from './desired.js';

export interface TemporaryStage {
  stage: 'active' | 'expired' | 'deletable';
  expiresAt?: Date;
  deleteAt?: Date;
}

/** When a temporary connection expires and when it may be deleted; `ttl` counts from `userCreated`. */
export function temporaryWindow(
  t: DesiredConnection['temporary'],
  userCreated: string | undefined,
): { expiresAt: Date; deleteAt: Date } | undefined {
  if (!t) return undefined;
  const expiresAt =
    t.expires !== undefined ? new Date(t.expires) : t.ttl !== undefined && userCreated !== undefined ? new Date(Date.parse(userCreated) + t.ttl * 1000) : undefined;
  if (expiresAt === undefined || Number.isNaN(expiresAt.getTime())) return undefined;
  return { expiresAt, deleteAt: new Date(expiresAt.getTime() + t.deleteAfter * 1000) };
}

/** `ttl` counts from the creation of the connection's first user, or of its first role when it has no user. */
export function temporaryStage(conn: DesiredConnection, userCreated: string | undefined, now: Date): TemporaryStage {
  const w = temporaryWindow(conn.temporary, userCreated);
  if (!w) return { stage: 'active' };
  const stage = now >= w.deleteAt ? 'deletable' : now >= w.expiresAt ? 'expired' : 'active';
  return { stage, ...w };
}

/**
 * The trust an expired temporary role gets: nobody may assume it. Chosen over detaching its
 * policies because it is one document, reversible in one call (moving `expires` later makes the
 * next apply put the declared trust back), and leaves attachments and inline policies as they
 * were, so nothing has to be rebuilt. Like a deactivated key it stops new credentials at once;
 * sessions issued before stay valid until they end (at most the role's maximum session duration).
 */
export const EXPIRED_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'IamConnectionsTemporaryExpired', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
} as const;
