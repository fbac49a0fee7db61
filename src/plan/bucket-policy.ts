/**
 * A bucket policy is one document shared with everyone else who uses the bucket: ours is merged
 * into it by statement Sid, never written over it. The plan compares what apply would write.
 */
/** Statements with a Sid starting with this are ours even when the manifest no longer declares them. */
export const OWNED_SID_PREFIX = 'IamConnections';

function statements(doc: unknown): unknown[] {
  if (typeof doc !== 'object' || doc === null) return [];
  const s = (doc as { Statement?: unknown }).Statement;
  return Array.isArray(s) ? s : s === undefined ? [] : [s];
}

function sidOf(statement: unknown): string | undefined {
  const sid = typeof statement === 'object' && statement !== null ? (statement as { Sid?: unknown }).Sid : undefined;
  return typeof sid === 'string' && sid !== '' ? sid : undefined;
}

/**
 * `live` with our statements put in: a live statement whose Sid one of `desired`'s statements
 * carries (or that starts with `IamConnections`) is replaced, every other statement is kept,
 * in its place.
 */
export function mergeBucketPolicy(live: unknown, desired: unknown): unknown {
  const ours = statements(desired);
  const ourSids = new Set(ours.map(sidOf).filter((s): s is string => s !== undefined));
  const kept = statements(live).filter((s) => {
    const sid = sidOf(s);
    return sid === undefined || (!ourSids.has(sid) && !sid.startsWith(OWNED_SID_PREFIX));
  });
  const out: Record<string, unknown> = {};
  const base = typeof live === 'object' && live !== null ? (live as Record<string, unknown>) : {};
  out.Version = base.Version ?? (desired as { Version?: unknown } | null)?.Version ?? '2012-10-17';
  if (base.Id !== undefined) out.Id = base.Id;
  out.Statement = [...kept, ...ours];
  return out;
}

