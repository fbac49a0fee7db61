/**
 * The rotation state machine for one user, as a pure function of (live keys, the key record in
 * the user's tags, what the sinks hold of a pending key, the rules, now). It builds on
 * `assessKeys` (src/plan/keys.ts), which says what is due; this module turns that into ordered
 * steps the shell (./run.ts, ./deliver.ts) performs, and says what happens next and when.
 *
 * One rotation, as AWS's own rotation does it (every arrow a point where a run may die):
 *   CreateAccessKey -> mark pending (user tag) -> verify (sts:GetCallerIdentity) ->
 *   Secrets Manager sinks get it as AWSPENDING -> other sinks (GitHub, output) ->
 *   promote AWSPENDING to AWSCURRENT -> record current = new, previous = replaced, unmark.
 * Invariants (tested by killing the process after every call, __tests__/reliability/):
 *  - every sink holds a key that is active in IAM: a sink only ever receives a verified new key,
 *    and the key it held before (the current one) stays active until it is recorded as replaced,
 *    which happens only after every sink holds the new one;
 *  - no key a sink may hold is deleted blind or deactivated before it is unused for
 *    requireUnusedFor: a pending key is resumed (its secret read back from the Secrets Manager
 *    version that holds it), deleted only when provably in no sink (the first Secrets Manager
 *    sink, which every other sink comes after, has no version of it), and otherwise recorded
 *    as replaced and retired like any replaced key;
 *  - never more than two keys: a key is created only into a free slot.
 *
 * Step order: the pending key first (it decides whether a rotation is in flight), then keys
 * outside the record (young never-used leftovers deleted, anything else kept and reported),
 * then the previous key's retirement, then room for a new key (only an inactive replaced key
 * may be deleted early), then the rotation itself.
 */
import type { AccessKeyState } from '../aws/inventory-model.js';
import type { KeyRules } from '../manifest/model.js';
import { assessKeys, formatDuration, KEY_CURRENT_TAG, KEY_PENDING_TAG, KEY_PREVIOUS_TAG, maskKeyId, MAX_KEYS_PER_USER, readKeyRecord, type KeyFinding, type KeyRecord } from '../plan/keys.js';

export type RotationStep =
  /** A key outside the record, young and never used: an interrupted run's leftover. */
  | { kind: 'delete-orphan'; keyId: string; reason: string }
  /** The replaced key, inactive past deleteAfter, or deleted early to make room for a new key. */
  | { kind: 'delete'; keyId: string; why: 'retired' | 'make-room'; reason: string }
  /** The replaced key past overlap and unused (or `force`), or any key of an expired temporary user. */
  | { kind: 'deactivate'; keyId: string; why: 'retire' | 'expired'; reason: string }
  /** Create, mark pending, verify, deliver, promote, record. `replaces` becomes the previous key. */
  | { kind: 'rotate'; replaces?: string; trigger: KeyFinding['kind']; reason: string }
  /** Finish an interrupted rotation with the pending key (its secret read back from a sink). */
  | { kind: 'resume'; keyId: string; replaces?: string; reason: string }
  /** A pending key no sink holds (provably): deleted, and its mark removed. */
  | { kind: 'delete-pending'; keyId: string; reason: string }
  /** A pending key that cannot be resumed: recorded as replaced, so it retires like one. */
  | { kind: 'abandon-pending'; keyId: string; reason: string }
  /** A pending mark whose key is gone or already current: removed. */
  | { kind: 'clear-pending'; keyId: string; reason: string }
  /** Nothing is done; the report says why and what to do. */
  | { kind: 'warn'; keyId?: string; finding: KeyFinding['kind'] | 'rotation-blocked'; reason: string };

export interface NextEvent {
  kind: 'rotate' | 'deactivate' | 'delete' | 'expire';
  keyId?: string;
  /** ISO-8601. */
  at: string;
  what: string;
}

/**
 * What the sinks hold of the pending key, as the shell found out (./deliver.ts probePending):
 *  - `resumable`: a Secrets Manager sink holds it and its secret was read back;
 *  - `undelivered`: the first Secrets Manager sink has no version of it, so no sink has it
 *    (every other sink is written after that one);
 *  - `unreachable`: a sink may hold it but the secret cannot be read back (no Secrets Manager
 *    sink, or GetSecretValue refused).
 */
export type PendingDelivery = 'resumable' | 'undelivered' | 'unreachable';

export interface LifecycleInput {
  keys: readonly AccessKeyState[];
  tags: Record<string, string>;
  rules: KeyRules;
  now: Date;
  /** The IAM user name (for the commands findings quote). */
  user?: string;
  temporary?: { expiresAt: Date; deleteAt: Date };
  /** Required when the record holds a pending key that is live and not current. */
  pendingDelivery?: PendingDelivery;
}

export interface LifecyclePlan {
  record: KeyRecord;
  steps: RotationStep[];
  /**
   * Keys whose last use decides a step that was left open: read GetAccessKeyLastUsed for
   * exactly these, set `lastUsed` on them and plan again.
   */
  needsLastUsed: string[];
  /** The pending key whose sinks must be probed (`pendingDelivery`) before anything is decided. */
  needsPendingProbe?: string;
  /** Upcoming events after the steps are done, earliest first. */
  next: NextEvent[];
}

const ROTATE_TRIGGERS = new Set<KeyFinding['kind']>(['key-due', 'key-overdue', 'key-missing', 'key-unrecorded', 'key-inactive']);

/** The live pending key of a record (not the current one), if any. */
export function livePending(keys: readonly AccessKeyState[], record: KeyRecord): AccessKeyState | undefined {
  const p = record.pending;
  return p && p.id !== record.current?.id ? keys.find((k) => k.id === p.id) : undefined;
}

export function planUserRotation(input: LifecycleInput): LifecyclePlan {
  const record = readKeyRecord(input.tags);
  const steps: RotationStep[] = [];
  let keys = [...input.keys];
  const tags = { ...input.tags };
  const nowIso = input.now.toISOString();

  // 1. The pending key: the state after it is resolved is what the rest is planned on.
  let resume: Extract<RotationStep, { kind: 'resume' }> | undefined;
  if (record.pending) {
    const p = record.pending;
    const live = livePending(keys, record);
    if (!live) {
      steps.push({ kind: 'clear-pending', keyId: p.id, reason: `the pending mark of ${maskKeyId(p.id)} is stale (the key is ${p.id === record.current?.id ? 'already current' : 'gone'}): removed` });
      delete tags[KEY_PENDING_TAG];
    } else if (input.temporary && input.now >= input.temporary.expiresAt) {
      // Expired: no delivery is finished; the key is deactivated with the others below.
      delete tags[KEY_PENDING_TAG];
    } else if (input.pendingDelivery === undefined) {
      return { record, steps: [], needsLastUsed: [], needsPendingProbe: live.id, next: [] };
    } else if (input.pendingDelivery === 'resumable') {
      const current = record.current && keys.some((k) => k.id === record.current?.id) ? record.current.id : undefined;
      resume = {
        kind: 'resume',
        keyId: live.id,
        ...(current !== undefined ? { replaces: current } : {}),
        reason: `a rotation was interrupted after creating ${maskKeyId(live.id)}: its delivery is finished (verified, every sink, promoted, recorded)`,
      };
      // Planned as if done (the record resume writes), so nothing below creates a second key,
      // retires the key it replaces, or takes the pending key for a key outside the record.
      tags[KEY_CURRENT_TAG] = `${live.id}@${nowIso}`;
      if (current !== undefined) tags[KEY_PREVIOUS_TAG] = `${current}@${nowIso}`;
      delete tags[KEY_PENDING_TAG];
    } else if (input.pendingDelivery === 'undelivered') {
      steps.push({
        kind: 'delete-pending',
        keyId: live.id,
        reason: `the interrupted rotation's key ${maskKeyId(live.id)} reached no sink (the first Secrets Manager sink, written before any other, has no version of it): deleted`,
      });
      keys = keys.filter((k) => k.id !== live.id);
      delete tags[KEY_PENDING_TAG];
    } else if (record.previous && record.previous.id !== live.id && keys.some((k) => k.id === record.previous?.id)) {
      // The replaced-key slot of the record is taken by a live key: recording this one there
      // would drop that one from the record. Both are kept until the replaced key is retired.
      steps.push({
        kind: 'warn',
        keyId: live.id,
        finding: 'key-pending',
        reason: `the interrupted rotation's key ${maskKeyId(live.id)} may be held by a sink but its secret cannot be read back, and the replaced key ${maskKeyId(record.previous.id)} is still recorded: it is kept (never deleted blind) and retired once that key is gone`,
      });
    } else {
      steps.push({
        kind: 'abandon-pending',
        keyId: live.id,
        reason: `the interrupted rotation's key ${maskKeyId(live.id)} may be held by a sink but its secret cannot be read back: it is recorded as replaced and retired like one (deactivated only once unused for ${formatDuration(input.rules.requireUnusedFor)}, deleted ${formatDuration(input.rules.deleteAfter)} later)`,
      });
      tags[KEY_PREVIOUS_TAG] = `${live.id}@${nowIso}`;
      delete tags[KEY_PENDING_TAG];
    }
  }

  const assessment = assessKeys({ keys, tags, rules: input.rules, now: input.now, temporary: input.temporary, ...(input.user ? { user: input.user } : {}) });
  const state = assessment.record;
  const needsLastUsed: string[] = [];
  const gone = new Set<string>();
  const byKind = (kind: KeyFinding['kind']): KeyFinding[] => assessment.findings.filter((f) => f.kind === kind);

  for (const f of byKind('key-orphan')) {
    if (f.keyId === undefined) continue;
    if (f.needsLastUsed === true) needsLastUsed.push(f.keyId);
    else if (f.action === 'delete') {
      steps.push({ kind: 'delete-orphan', keyId: f.keyId, reason: f.reason });
      gone.add(f.keyId);
    } else steps.push({ kind: 'warn', keyId: f.keyId, finding: f.kind, reason: f.reason });
  }
  for (const f of byKind('key-expired')) {
    if (f.keyId === undefined) continue;
    steps.push({ kind: 'deactivate', keyId: f.keyId, why: 'expired', reason: f.reason });
  }
  for (const f of byKind('key-delete')) {
    if (f.keyId === undefined) continue;
    steps.push({ kind: 'delete', keyId: f.keyId, why: 'retired', reason: f.reason });
    gone.add(f.keyId);
  }
  for (const f of byKind('key-retire')) {
    if (f.keyId === undefined) continue;
    if (f.needsLastUsed === true) {
      needsLastUsed.push(...(f.lastUseOf ?? [f.keyId]));
    } else if (f.action === 'deactivate') {
      steps.push({ kind: 'deactivate', keyId: f.keyId, why: 'retire', reason: f.reason });
    }
  }
  for (const f of byKind('key-in-use')) steps.push({ kind: 'warn', keyId: f.keyId, finding: f.kind, reason: f.reason });

  // At most one rotation per run, whatever triggered it; a resumed one is that rotation. While
  // a last use is pending, the second pass decides retirement first, then whether a rotation fits.
  const expired = input.temporary !== undefined && input.now >= input.temporary.expiresAt;
  // Deleting the only key (an interrupted run's leftover) leaves the user with none: make its key
  // in the same run, as a rerun of the interrupted run would have, rather than one run later.
  const emptied: KeyFinding | undefined =
    keys.length > 0 && keys.every((k) => gone.has(k.id)) && !expired
      ? { kind: 'key-missing', action: 'create', severity: 'medium', security: false, reason: 'the only access key was an interrupted run\'s leftover, deleted in this run: a new key is made in its place' }
      : undefined;
  const trigger = assessment.findings.find((f) => ROTATE_TRIGGERS.has(f.kind) && (f.kind !== 'key-unrecorded' || f.action === 'rotate')) ?? emptied;
  if (resume) {
    steps.push(resume);
  } else if (trigger !== undefined && needsLastUsed.length === 0) {
    const replaces = state.current && keys.some((k) => k.id === state.current?.id) ? state.current.id : trigger.kind === 'key-unrecorded' ? trigger.keyId : undefined;
    const remaining = keys.filter((k) => !gone.has(k.id));
    let free = MAX_KEYS_PER_USER - remaining.length;
    const blockers: string[] = [];
    for (const k of remaining) {
      if (free > 0) break;
      if (k.id === replaces) continue;
      // Only a key already inactive when the run began: one deactivated a moment ago keeps at
      // least until the next run, the window in which someone can still reactivate it.
      if (k.status === 'Inactive' && k.id === state.previous?.id && !steps.some((st) => st.kind === 'abandon-pending' && st.keyId === k.id)) {
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
    if (f.kind === 'key-inactive' && !steps.some((s) => s.kind === 'rotate' || s.kind === 'resume')) steps.push({ kind: 'warn', keyId: f.keyId, finding: f.kind, reason: f.reason });
  }

  return { record, steps, needsLastUsed, next: nextEvents({ ...input, keys }, state, steps) };
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
  const rotated = steps.some((s) => s.kind === 'rotate' || s.kind === 'resume');
  const removed = new Set(steps.flatMap((s) => (s.kind === 'delete' || s.kind === 'delete-orphan' ? [s.keyId] : [])));
  const deactivated = new Set(steps.flatMap((s) => (s.kind === 'deactivate' ? [s.keyId] : [])));
  const current = input.keys.find((k) => k.id === record.current?.id);

  if (rotated) {
    out.push({ kind: 'rotate', at: at(nowIso, rules.rotateAfter), what: `the new key is due for rotation (rotateAfter ${formatDuration(rules.rotateAfter)})` });
    const replaced = steps.find((s): s is Extract<RotationStep, { kind: 'rotate' | 'resume' }> => s.kind === 'rotate' || s.kind === 'resume')?.replaces;
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
