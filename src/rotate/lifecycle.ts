/**
 * The rotation state machine for one user, as a pure function of (live keys, the key record in
 * the user's tags, the rules, now). It builds on `assessKeys` (src/plan/keys.ts), which says what
 * is due; this module turns that into ordered steps the shell (./run.ts) performs, and says what
 * happens next and when.
 *
 * Record protocol (why no sink ever holds a key that is not active in IAM):
 *  1. CreateAccessKey; the secret is masked at once and lives only in memory.
 *  2. Deliver to every sink, then verify with sts:GetCallerIdentity.
 *  3. Only then write the record: current = new key, previous = the key it replaces.
 * A key that exists but is in neither tag is therefore an interrupted rotation (an orphan,
 * deleted by the next run) unless nothing was ever recorded (first adoption: `key-unrecorded`,
 * replaced by a normal rotation). The replaced key is deactivated only after the new one was
 * recorded, i.e. delivered everywhere, and deleted only once inactive.
 *
 * Step order: orphans go first (they free a slot and are in no complete delivery), then the
 * previous key's retirement (delete if inactive long enough, deactivate if past overlap and
 * unused), then room for a new key (IAM's two-key limit: only an inactive replaced key may be
 * deleted early), then the rotation itself.
 */
import type { AccessKeyState } from '../aws/inventory-model.js';
import type { KeyRules } from '../manifest/model.js';
import { assessKeys, formatDuration, maskKeyId, MAX_KEYS_PER_USER, type KeyFinding, type KeyRecord } from '../plan/keys.js';

export type RotationStep =
  /** An unrecorded key while a record exists: left by an interrupted rotation or made by hand. */
  | { kind: 'delete-orphan'; keyId: string; reason: string }
  /** The replaced key, inactive past deleteAfter, or deleted early to make room for a new key. */
  | { kind: 'delete'; keyId: string; why: 'retired' | 'make-room'; reason: string }
  /** The replaced key past overlap and unused (or `force`), or any key of an expired temporary user. */
  | { kind: 'deactivate'; keyId: string; why: 'retire' | 'expired'; reason: string }
  /** Create, deliver, verify, record. `replaces` becomes the previous key (absent: none to replace). */
  | { kind: 'rotate'; replaces?: string; trigger: KeyFinding['kind']; reason: string }
  /** Nothing is done; the report says why and what to do. */
  | { kind: 'warn'; keyId?: string; finding: KeyFinding['kind'] | 'rotation-blocked'; reason: string };

export interface NextEvent {
  kind: 'rotate' | 'deactivate' | 'delete' | 'expire';
  keyId?: string;
  /** ISO-8601. */
  at: string;
  what: string;
}

export interface LifecycleInput {
  keys: readonly AccessKeyState[];
  tags: Record<string, string>;
  rules: KeyRules;
  now: Date;
  temporary?: { expiresAt: Date; deleteAt: Date };
}

export interface LifecyclePlan {
  record: KeyRecord;
  steps: RotationStep[];
  /**
   * Keys whose last use decides a step that was left open: read GetAccessKeyLastUsed for
   * exactly these, set `lastUsed` on them and plan again.
   */
  needsLastUsed: string[];
  /** Upcoming events after the steps are done, earliest first. */
  next: NextEvent[];
}

const ROTATE_TRIGGERS = new Set<KeyFinding['kind']>(['key-due', 'key-overdue', 'key-missing', 'key-unrecorded', 'key-inactive']);

/**
 * Key age counts from the later of IAM's CreateDate and the recorded delivery time. In real
 * runs they differ by seconds; with `as-of` the record carries the evaluated time while IAM
 * stamps the wall clock, and only the record keeps the timeline consistent.
 */
export function effectiveKeys(keys: readonly AccessKeyState[], record: KeyRecord): AccessKeyState[] {
  return keys.map((k) => {
    if (record.current?.id !== k.id) return { ...k };
    const recorded = Date.parse(record.current.at);
    return recorded > Date.parse(k.created) ? { ...k, created: new Date(recorded).toISOString() } : { ...k };
  });
}

export function planUserRotation(input: LifecycleInput): LifecyclePlan {
  const first = assessKeys({ keys: [...input.keys], tags: input.tags, rules: input.rules, now: input.now, temporary: input.temporary });
  const record = first.record;
  const keys = effectiveKeys(input.keys, record);
  const assessment = assessKeys({ keys, tags: input.tags, rules: input.rules, now: input.now, temporary: input.temporary });
  const steps: RotationStep[] = [];
  const needsLastUsed: string[] = [];
  const gone = new Set<string>();
  const deactivated = new Set<string>();

  const byKind = (kind: KeyFinding['kind']): KeyFinding[] => assessment.findings.filter((f) => f.kind === kind);

  for (const f of byKind('key-orphan')) {
    if (f.keyId === undefined) continue;
    steps.push({ kind: 'delete-orphan', keyId: f.keyId, reason: f.reason });
    gone.add(f.keyId);
  }
  for (const f of byKind('key-expired')) {
    if (f.keyId === undefined) continue;
    steps.push({ kind: 'deactivate', keyId: f.keyId, why: 'expired', reason: f.reason });
    deactivated.add(f.keyId);
  }
  for (const f of byKind('key-delete')) {
    if (f.keyId === undefined) continue;
    steps.push({ kind: 'delete', keyId: f.keyId, why: 'retired', reason: f.reason });
    gone.add(f.keyId);
  }
  for (const f of byKind('key-retire')) {
    if (f.keyId === undefined) continue;
    if (f.needsLastUsed === true) {
      needsLastUsed.push(f.keyId);
    } else if (f.action === 'deactivate') {
      steps.push({ kind: 'deactivate', keyId: f.keyId, why: 'retire', reason: f.reason });
      deactivated.add(f.keyId);
    }
  }
  for (const f of byKind('key-in-use')) steps.push({ kind: 'warn', keyId: f.keyId, finding: f.kind, reason: f.reason });

  // At most one rotation per run, whatever triggered it. While a last use is pending, the
  // second pass decides retirement first, then whether a rotation fits in the two slots.
  const trigger = assessment.findings.find((f) => ROTATE_TRIGGERS.has(f.kind) && (f.kind !== 'key-unrecorded' || f.action === 'rotate'));
  if (trigger !== undefined && needsLastUsed.length === 0) {
    const replaces = record.current && keys.some((k) => k.id === record.current?.id) ? record.current.id : trigger.kind === 'key-unrecorded' ? trigger.keyId : undefined;
    const remaining = keys.filter((k) => !gone.has(k.id));
    let free = MAX_KEYS_PER_USER - remaining.length;
    const blockers: string[] = [];
    for (const k of remaining) {
      if (free > 0) break;
      if (k.id === replaces) continue;
      const inactive = k.status === 'Inactive' || deactivated.has(k.id);
      if (inactive && k.id === record.previous?.id) {
        steps.push({
          kind: 'delete',
          keyId: k.id,
          why: 'make-room',
          reason: `IAM allows two access keys per user: the replaced key ${maskKeyId(k.id)} is inactive and is deleted early to make room for the new key`,
        });
        gone.add(k.id);
        free++;
      } else {
        blockers.push(k.id);
      }
    }
    if (free > 0) {
      steps.push({ kind: 'rotate', ...(replaces !== undefined ? { replaces } : {}), trigger: trigger.kind, reason: trigger.reason });
    } else {
      const who = blockers.map((id) => maskKeyId(id)).join(', ');
      steps.push({
        kind: 'warn',
        finding: 'rotation-blocked',
        reason:
          `a rotation is due (${trigger.reason}) but the user already holds ${MAX_KEYS_PER_USER} access keys and ${who || 'the other key'} is still active: ` +
          'rotation waits until the replaced key is deactivated (unused for requireUnusedFor, or `force: true`); if that key is not ours, delete it by hand',
      });
    }
  }
  for (const f of assessment.findings) {
    if (f.kind === 'key-inactive' && !steps.some((s) => s.kind === 'rotate')) steps.push({ kind: 'warn', keyId: f.keyId, finding: f.kind, reason: f.reason });
    if (f.kind === 'key-unrecorded' && f.action !== 'rotate') steps.push({ kind: 'warn', keyId: f.keyId, finding: f.kind, reason: f.reason });
  }

  return { record, steps, needsLastUsed, next: nextEvents({ ...input, keys }, record, steps) };
}

/**
 * What happens next and when, assuming this run's steps succeed: the answer to "what rotates
 * next month?" when evaluated `as-of` a later date.
 */
export function nextEvents(input: LifecycleInput, record: KeyRecord, steps: readonly RotationStep[]): NextEvent[] {
  const { rules } = input;
  const out: NextEvent[] = [];
  const at = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString();
  const nowIso = input.now.toISOString();
  if (input.temporary) {
    if (input.now < input.temporary.expiresAt) {
      out.push({ kind: 'expire', at: input.temporary.expiresAt.toISOString(), what: 'the temporary connection expires: every key is deactivated' });
    }
    if (input.now < input.temporary.deleteAt) {
      out.push({ kind: 'delete', at: input.temporary.deleteAt.toISOString(), what: 'the temporary user is deleted with its keys (by apply)' });
    }
    if (input.now >= input.temporary.expiresAt) return out;
  }
  const rotated = steps.some((s) => s.kind === 'rotate');
  const removed = new Set(steps.flatMap((s) => (s.kind === 'delete' || s.kind === 'delete-orphan' ? [s.keyId] : [])));
  const deactivated = new Set(steps.flatMap((s) => (s.kind === 'deactivate' ? [s.keyId] : [])));
  const current = input.keys.find((k) => k.id === record.current?.id);

  if (rotated) {
    out.push({ kind: 'rotate', at: at(nowIso, rules.rotateAfter), what: `the new key is due for rotation (rotateAfter ${formatDuration(rules.rotateAfter)})` });
    const replaced = steps.find((s): s is Extract<RotationStep, { kind: 'rotate' }> => s.kind === 'rotate')?.replaces;
    if (replaced !== undefined) {
      out.push({ kind: 'deactivate', keyId: replaced, at: at(nowIso, rules.overlap), what: `the replaced key ${maskKeyId(replaced)} is deactivated if unused for ${formatDuration(rules.requireUnusedFor)}` });
      out.push({ kind: 'delete', keyId: replaced, at: at(nowIso, rules.overlap + rules.deleteAfter), what: `the replaced key ${maskKeyId(replaced)} is deleted` });
    }
  } else if (current) {
    out.push({ kind: 'rotate', keyId: current.id, at: at(current.created, rules.rotateAfter), what: `key ${maskKeyId(current.id)} is due for rotation` });
  }
  const prev = record.previous;
  const prevKey = prev ? input.keys.find((k) => k.id === prev.id) : undefined;
  if (!rotated && prev && prevKey && !removed.has(prev.id)) {
    if (prevKey.status === 'Active' && !deactivated.has(prev.id)) {
      const when = at(prev.at, rules.overlap);
      out.push({
        kind: 'deactivate',
        keyId: prev.id,
        at: Date.parse(when) > input.now.getTime() ? when : nowIso,
        what: `the replaced key ${maskKeyId(prev.id)} is deactivated once unused for ${formatDuration(rules.requireUnusedFor)}${rules.force ? ' (force: whatever its use)' : ''}`,
      });
    }
    out.push({ kind: 'delete', keyId: prev.id, at: at(prev.at, rules.overlap + rules.deleteAfter), what: `the replaced key ${maskKeyId(prev.id)} is deleted (once inactive)` });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));
}
