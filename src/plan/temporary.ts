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

/** `ttl` counts from the creation of the connection's first user, or of its first role when it has no user. */
export function temporaryStage(conn: DesiredConnection, userCreated: string | undefined, now: Date): TemporaryStage {
  const t = conn.temporary;
  if (!t) return { stage: 'active' };
  let expiresAt: Date | undefined;
  if (t.expires !== undefined) expiresAt = new Date(t.expires);
  else if (t.ttl !== undefined && userCreated !== undefined) expiresAt = new Date(Date.parse(userCreated) + t.ttl * 1000);
  if (!expiresAt) return { stage: 'active' };
  const deleteAt = new Date(expiresAt.getTime() + t.deleteAfter * 1000);
  const stage = now >= deleteAt ? 'deletable' : now >= expiresAt ? 'expired' : 'active';
  return { stage, expiresAt, deleteAt };
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
