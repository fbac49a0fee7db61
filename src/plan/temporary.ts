/** Where a temporary connection stands at `now`: active, expired (keys off) or deletable. */
import type { DesiredConnection } from './desired.js';

export interface TemporaryStage {
  stage: 'active' | 'expired' | 'deletable';
  expiresAt?: Date;
  deleteAt?: Date;
}

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
