/**
 * Access key lifecycle, as a pure assessment of (keys, recorded state, rules, now).
 * The rotation state machine builds on this: it reads the same record and performs the steps
 * this module says are due.
 *
 * The record lives in user tags written by the rotation (never by hand):
 *   `iam-connections:key-pending`  = `<key id>@<ISO time it was created>`: written right after
 *                                    CreateAccessKey, before any sink sees the key; cleared by
 *                                    the record that makes it current
 *   `iam-connections:key-current`  = `<key id>@<ISO time it was delivered to every sink>`
 *   `iam-connections:key-previous` = `<key id>@<ISO time it was replaced>`
 * A key that is none of these was not made by a rotation that got as far as marking it: a
 * leftover of a run killed between CreateAccessKey and the pending mark (young, never used:
 * deleted), or a key made by hand (reported and kept, with the command that removes it).
 *
 * Every age counts from IAM's CreateDate; the record's times count only "since replaced".
 *
 * Timeline of one rotation, all measured from the current key's creation (`age`):
 *   age >= rotateAfter              `key-due`     rotate: create, deliver, verify, record
 *   age >= rotateAfter + overlap    `key-overdue` a rotation started on time would already have
 *                                                 retired this key: rotate at once (high)
 * and from the moment the previous key was replaced (`since`):
 *   since <  overlap                               both keys active: expected, nothing to do
 *   since >= overlap, active        `key-retire`  deactivate, if unused for requireUnusedFor
 *                                                 (or `force`); if known to be in use: `key-in-use`
 *   since >= overlap + deleteAfter, inactive  `key-delete`
 * Temporary connections: past `expires` every active key is `key-expired` (deactivate at once);
 * past `expires + deleteAfter` the whole user goes (the diff handles the user).
 */
import type { ChangeKind } from './model.js';
import type { AccessKeyState } from '../aws/inventory-model.js';
import type { KeyRules } from '../manifest/model.js';
import { TOOL_TAGS } from '../manifest/tool-tags.js';

export const KEY_CURRENT_TAG = TOOL_TAGS.keyCurrent;
export const KEY_PREVIOUS_TAG = TOOL_TAGS.keyPrevious;
export const KEY_PENDING_TAG = TOOL_TAGS.keyPending;
/**
 * An unmarked key younger than this and never used is an interrupted run's leftover: a run
 * marks its new key pending within seconds of CreateAccessKey, and a run's steps take minutes,
 * so an hour separates "a run died right after creating it" from "someone made it by hand";
 * never used means no vendor can depend on it. Anything older or used is kept and reported.
 */
export const LEFTOVER_MAX_AGE_S = 3600;
/** IAM's hard limit, inactive keys included. */
export const MAX_KEYS_PER_USER = 2;

export interface KeyMark {
  id: string;
  /** ISO-8601. */
  at: string;
}

export interface KeyRecord {
  current?: KeyMark;
  previous?: KeyMark;
  /** A new key on its way to the sinks (created, maybe verified, maybe delivered to some). */
  pending?: KeyMark;
}

function parseMark(v: string | undefined): KeyMark | undefined {
  if (v === undefined) return undefined;
  const i = v.indexOf('@');
  if (i <= 0) return undefined;
  const id = v.slice(0, i);
  const at = v.slice(i + 1);
  return Number.isNaN(Date.parse(at)) ? undefined : { id, at };
}

export function readKeyRecord(tags: Record<string, string>): KeyRecord {
  const record: KeyRecord = {};
  const current = parseMark(tags[KEY_CURRENT_TAG]);
  const previous = parseMark(tags[KEY_PREVIOUS_TAG]);
  const pending = parseMark(tags[KEY_PENDING_TAG]);
  if (current) record.current = current;
  if (previous) record.previous = previous;
  if (pending) record.pending = pending;
  return record;
}

export function keyRecordTags(record: KeyRecord): Record<string, string> {
  const tags: Record<string, string> = {};
  if (record.current) tags[KEY_CURRENT_TAG] = `${record.current.id}@${record.current.at}`;
  if (record.previous) tags[KEY_PREVIOUS_TAG] = `${record.previous.id}@${record.previous.at}`;
  if (record.pending) tags[KEY_PENDING_TAG] = `${record.pending.id}@${record.pending.at}`;
  return tags;
}

/** Access key IDs are not secret, but reports show them as `AKIA…WXYZ` all the same. */
export function maskKeyId(id: string): string {
  return id.length <= 8 ? id : `${id.slice(0, 4)}…${id.slice(-4)}`;
}

/** The key drift kinds of the plan (src/plan/model.ts). */
export type KeyFindingKind = Extract<ChangeKind, `key-${string}`>;

export interface KeyFinding {
  kind: KeyFindingKind;
  /** The key concerned (absent for `key-missing`). */
  keyId?: string;
  action: 'create' | 'rotate' | 'deactivate' | 'delete' | 'update' | 'none';
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  security: boolean;
  reason: string;
  /** Seconds since the key was created. */
  age?: number;
  /**
   * The decision depends on when the key was last used, which was not read: `action` is
   * 'none' until GetAccessKeyLastUsed answers and the plan is made again.
   */
  needsLastUsed?: boolean;
  /** With `needsLastUsed`: the keys whose last use is wanted (default: `keyId`). */
  lastUseOf?: string[];
}

export interface KeyAssessmentInput {
  keys: AccessKeyState[];
  /** The IAM user name, for the commands the findings quote. */
  user?: string;
  tags: Record<string, string>;
  rules: KeyRules;
  now: Date;
  /** Set for temporary connections. */
  temporary?: { expiresAt: Date; deleteAt: Date };
}

export interface KeyAssessment {
  record: KeyRecord;
  /** Free key slots (IAM allows two keys, inactive ones count). */
  freeSlots: number;
  findings: KeyFinding[];
}

const DAY = 86400;

/** `90d`, `36h`, `15m`: durations as the manifest writes them. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s >= DAY && s % DAY === 0) return `${s / DAY}d`;
  if (s >= DAY) return `${Math.floor(s / DAY)}d${Math.floor((s % DAY) / 3600)}h`;
  if (s >= 3600) return `${Math.floor(s / 3600)}h`;
  if (s >= 60) return `${Math.floor(s / 60)}m`;
  return `${s}s`;
}

function secondsBetween(from: string, now: Date): number {
  return (now.getTime() - Date.parse(from)) / 1000;
}

/**
 * The new key's use counts as evidence that the vendor switched only when it comes this long
 * after the delivery time the record holds. The tool's own verification (GetCallerIdentity with
 * the new key) happens before delivery, so it must never count, whatever the skew between the
 * runner's clock and AWS's (minutes) and however AWS rounds LastUsedDate. The margin only ever
 * keeps the replaced key longer: a vendor that uses its key once a day shows a later use.
 */
export const SWITCH_EVIDENCE_MARGIN_S = 15 * 60;

/**
 * Whether the vendor uses the current (new) key: its last use came after its delivery (the
 * record's time) plus the margin. `unknown` when the last use was not read.
 */
export type SwitchEvidence =
  | { state: 'unknown' }
  | { state: 'used'; lastUsed: string; deliveredAt: string }
  | { state: 'not-used'; lastUsed: string | null; deliveredAt: string; why: string };

export function switchEvidence(current: AccessKeyState | undefined, mark: KeyMark | undefined): SwitchEvidence {
  if (!current || !mark || mark.id !== current.id) {
    return { state: 'not-used', lastUsed: null, deliveredAt: mark?.at ?? '', why: 'the recorded current key no longer exists' };
  }
  if (current.lastUsed === undefined) return { state: 'unknown' };
  const deliveredAt = mark.at;
  if (current.status !== 'Active') return { state: 'not-used', lastUsed: current.lastUsed, deliveredAt, why: `the new key ${maskKeyId(current.id)} is inactive` };
  if (current.lastUsed !== null && Date.parse(current.lastUsed) > Date.parse(deliveredAt) + SWITCH_EVIDENCE_MARGIN_S * 1000) {
    return { state: 'used', lastUsed: current.lastUsed, deliveredAt };
  }
  return {
    state: 'not-used',
    lastUsed: current.lastUsed,
    deliveredAt,
    why:
      current.lastUsed === null
        ? `the new key ${maskKeyId(current.id)} has never been used since its delivery at ${deliveredAt}`
        : `the new key ${maskKeyId(current.id)} was last used at ${current.lastUsed}, not after its delivery at ${deliveredAt} (the tool's own verification, made before delivery, does not count)`,
  };
}

/**
 * The replaced key, past its overlap and still active: deactivated only with evidence of the
 * switch (the new key used since delivery) and once unused for requireUnusedFor, or with
 * `force`. Neither last use is guessed: deactivating a key in use cuts the vendor off.
 */
function retirement(previous: AccessKeyState, current: AccessKeyState | undefined, record: KeyRecord, since: number, input: KeyAssessmentInput): KeyFinding {
  const { rules, now } = input;
  const old = maskKeyId(previous.id);
  const past = `the replaced access key ${old} is past its overlap of ${formatDuration(rules.overlap)}`;
  if (rules.force) {
    return { kind: 'key-retire', keyId: previous.id, action: 'deactivate', severity: 'medium', security: true, reason: `${past}: deactivate it (force: true, whatever its last use and the new key's)` };
  }
  // Never used: unused since it was created (not "forever": a key handed over an hour ago has
  // been unused for an hour, and the vendor may be about to start).
  const idle = previous.lastUsed === undefined ? undefined : secondsBetween(previous.lastUsed ?? previous.created, now);
  const evidence = switchEvidence(current, record.current);
  const unread = [...(idle === undefined ? [previous.id] : []), ...(evidence.state === 'unknown' && current ? [current.id] : [])];
  if (unread.length > 0) {
    return {
      kind: 'key-retire',
      keyId: previous.id,
      action: 'none',
      severity: 'medium',
      security: true,
      needsLastUsed: true,
      lastUseOf: unread,
      reason: `${past} and is deactivated only once the new key has been used since its delivery and the replaced key unused for ${formatDuration(rules.requireUnusedFor)}, but the last use of ${unread.map(maskKeyId).join(' and ')} was not read: nothing is decided until GetAccessKeyLastUsed answers (rotate reads it and plans again)`,
    };
  }
  const oldUse = previous.lastUsed === null ? 'was never used' : `was last used ${previous.lastUsed} (${formatDuration(idle ?? 0)} ago)`;
  const kept = (reason: string): KeyFinding => ({ kind: 'key-in-use', keyId: previous.id, action: 'none', severity: 'medium', security: true, reason });
  if (evidence.state !== 'used') {
    return kept(
      `${past} but ${evidence.state === 'not-used' ? evidence.why : 'the new key was not read'}, so there is no evidence the vendor switched: the replaced key ${oldUse} and stays active until the new key is used (make sure the vendor has the new key, or set force: true)`,
    );
  }
  const newUse = `the new key ${maskKeyId(record.current?.id ?? '')} was used at ${evidence.lastUsed}, after its delivery at ${evidence.deliveredAt}`;
  if ((idle ?? 0) < rules.requireUnusedFor) {
    return kept(
      `${past}; ${newUse}, but the replaced key was used ${formatDuration(idle ?? 0)} ago (${previous.lastUsed ?? 'never'}): it stays active until unused for ${formatDuration(rules.requireUnusedFor)}; make sure the vendor uses the new key everywhere (or set force: true)`,
    );
  }
  return {
    kind: 'key-retire',
    keyId: previous.id,
    action: 'deactivate',
    severity: 'medium',
    security: true,
    reason: `${past}; ${newUse}, and the replaced key ${oldUse} (requireUnusedFor ${formatDuration(rules.requireUnusedFor)}): deactivate it`,
  };
}

export function assessKeys(input: KeyAssessmentInput): KeyAssessment {
  const { keys, rules, now } = input;
  const record = readKeyRecord(input.tags);
  const findings: KeyFinding[] = [];
  const freeSlots = Math.max(0, MAX_KEYS_PER_USER - keys.length);
  const byId = new Map(keys.map((k) => [k.id, k]));

  if (input.temporary && now >= input.temporary.expiresAt) {
    // Expired temporary user: no rotation, no new key; every active key goes off at once.
    for (const k of keys) {
      if (k.status !== 'Active') continue;
      findings.push({
        kind: 'key-expired',
        keyId: k.id,
        action: 'deactivate',
        severity: 'high',
        security: true,
        age: secondsBetween(k.created, now),
        reason: `access key ${maskKeyId(k.id)} belongs to a temporary connection that expired at ${input.temporary.expiresAt.toISOString()}: deactivate it now`,
      });
    }
    return { record, freeSlots, findings };
  }

  const current = record.current ? byId.get(record.current.id) : undefined;
  // A record naming one key as both current and previous (tags edited by hand) keeps it current:
  // retiring it would cut off every sink.
  const previous = record.previous && record.previous.id !== current?.id ? byId.get(record.previous.id) : undefined;

  // A pending key that is not the current one: an interrupted rotation, resumed or retired by
  // rotate (src/rotate/lifecycle.ts), never deleted blind. A mark whose key is gone or already
  // current is stale (a run died between the record and removing the mark).
  const pendingMark = record.pending;
  const pending = pendingMark && pendingMark.id !== current?.id ? byId.get(pendingMark.id) : undefined;
  if (pendingMark && pending) {
    findings.push({
      kind: 'key-pending',
      keyId: pending.id,
      action: 'rotate',
      severity: 'high',
      security: false,
      age: secondsBetween(pending.created, now),
      reason: `a rotation was interrupted after creating access key ${maskKeyId(pending.id)} at ${pending.created}: rotate resumes its delivery (from the Secrets Manager version that holds it) or, if it cannot, retires it like a replaced key; it is never deleted while a sink may hold it`,
    });
  } else if (pendingMark) {
    findings.push({
      kind: 'key-pending',
      keyId: pendingMark.id,
      action: 'update',
      severity: 'info',
      security: false,
      reason: `the pending mark of access key ${maskKeyId(pendingMark.id)} is stale (the key is ${pendingMark.id === current?.id ? 'already current' : 'gone'}): rotate removes the mark`,
    });
  }

  if (!current && !pending) {
    const others = keys.filter((k) => k.id !== previous?.id);
    // With no record, hand-made keys stand in for the current one (reported below).
    if (record.current !== undefined || others.length === 0) {
      const gone = record.current ? `the recorded access key ${maskKeyId(record.current.id)} no longer exists` : 'the user has no access key yet';
      findings.push({
        kind: 'key-missing',
        action: freeSlots > 0 ? 'create' : 'none',
        severity: record.current ? 'high' : 'medium',
        security: false,
        reason:
          freeSlots > 0
            ? `${gone}: create one and deliver it to every sink`
            : `${gone}, and both key slots are taken: the keys below must be deleted before a new one can be created`,
      });
    }
  }

  if (current) {
    const age = secondsBetween(current.created, now);
    if (current.status !== 'Active') {
      findings.push({
        kind: 'key-inactive',
        keyId: current.id,
        action: 'none',
        severity: 'high',
        security: false,
        age,
        reason: `the delivered access key ${maskKeyId(current.id)} was deactivated outside iam-connections: the vendor cannot sign in; reactivate it or run rotate`,
      });
    } else if (age >= rules.rotateAfter + rules.overlap) {
      findings.push({
        kind: 'key-overdue',
        keyId: current.id,
        action: 'rotate',
        severity: 'high',
        security: true,
        age,
        reason: `access key ${maskKeyId(current.id)} is ${formatDuration(age)} old, past rotateAfter (${formatDuration(rules.rotateAfter)}) plus overlap (${formatDuration(rules.overlap)}): rotate it now`,
      });
    } else if (age >= rules.rotateAfter) {
      findings.push({
        kind: 'key-due',
        keyId: current.id,
        action: 'rotate',
        severity: 'medium',
        security: false,
        age,
        reason: `access key ${maskKeyId(current.id)} is ${formatDuration(age)} old (rotateAfter ${formatDuration(rules.rotateAfter)}): rotate it`,
      });
    }
    if (current.status === 'Active' && current.lastUsed !== undefined) {
      const idle = current.lastUsed === null ? age : secondsBetween(current.lastUsed, now);
      if (idle >= rules.rotateAfter) {
        findings.push({
          kind: 'key-unused',
          keyId: current.id,
          action: 'none',
          severity: 'low',
          security: true,
          age,
          reason: `access key ${maskKeyId(current.id)} has ${current.lastUsed === null ? 'never been used' : `not been used for ${formatDuration(idle)}`}: if the vendor no longer needs it, remove the connection`,
        });
      }
    }
  }

  if (previous && record.previous) {
    const since = secondsBetween(record.previous.at, now);
    if (previous.status === 'Active' && since >= rules.overlap) {
      findings.push(retirement(previous, current, record, since, input));
    } else if (previous.status === 'Inactive' && since >= rules.overlap + rules.deleteAfter) {
      findings.push({
        kind: 'key-delete',
        keyId: previous.id,
        action: 'delete',
        severity: 'low',
        security: false,
        reason: `the replaced access key ${maskKeyId(previous.id)} has been inactive past deleteAfter (${formatDuration(rules.deleteAfter)}): delete it`,
      });
    }
  }

  const recorded = record.current !== undefined || record.previous !== undefined || pending !== undefined;
  for (const k of keys) {
    if (k.id === current?.id || k.id === previous?.id || k.id === pending?.id) continue;
    const age = secondsBetween(k.created, now);
    const remove = `aws iam delete-access-key --user-name ${input.user ?? '<user>'} --access-key-id ${k.id}`;
    if (age < LEFTOVER_MAX_AGE_S && k.lastUsed !== null) {
      if (k.lastUsed === undefined) {
        findings.push({
          kind: 'key-orphan',
          keyId: k.id,
          action: 'none',
          severity: 'high',
          security: true,
          age,
          needsLastUsed: true,
          reason: `access key ${maskKeyId(k.id)} is not in the rotation record and is ${formatDuration(age)} old: rotate deletes it only if it was never used (an interrupted run's leftover), which it reads before deciding`,
        });
        continue;
      }
    } else if (age < LEFTOVER_MAX_AGE_S) {
      findings.push({
        kind: 'key-orphan',
        keyId: k.id,
        action: 'delete',
        severity: 'medium',
        security: true,
        age,
        reason: `access key ${maskKeyId(k.id)} is not in the rotation record, ${formatDuration(age)} old and never used: the leftover of a run stopped right after CreateAccessKey, before any sink saw it; delete it`,
      });
      continue;
    }
    if (!recorded && keys.length < MAX_KEYS_PER_USER && k.status === 'Active') {
      // A key made before iam-connections managed the user: replaced through a normal rotation
      // (then retired like any replaced key: only once unused), never cut off.
      findings.push({
        kind: 'key-unrecorded',
        keyId: k.id,
        action: 'rotate',
        severity: 'high',
        security: true,
        age,
        reason: `access key ${maskKeyId(k.id)} was not created by iam-connections: rotate replaces it with a recorded key; it is then retired like any replaced key (deactivated only once unused for requireUnusedFor)`,
      });
      continue;
    }
    findings.push({
      kind: 'key-orphan',
      keyId: k.id,
      action: 'none',
      severity: 'high',
      security: true,
      age,
      reason:
        `access key ${maskKeyId(k.id)} was not created by iam-connections (${formatDuration(age)} old${k.lastUsed === undefined ? '' : k.lastUsed === null ? ', never used' : `, last used ${k.lastUsed}`}): ` +
        `it is kept, since a vendor may depend on it (a break-glass key, say). If nobody needs it, delete it: ${remove}`,
    });
  }

  return { record, freeSlots, findings };
}

/** The keys of an assessment whose decision waits for their last use. */
export function lastUseNeeded(assessment: KeyAssessment): string[] {
  return [...new Set(assessment.findings.flatMap((f) => (f.needsLastUsed === true ? (f.lastUseOf ?? (f.keyId !== undefined ? [f.keyId] : [])) : [])))];
}
