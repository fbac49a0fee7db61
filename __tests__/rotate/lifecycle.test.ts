import type { AccessKeyState } from '../../src/aws/inventory-model.js';
import type { KeyRules } from '../../src/manifest/model.js';
import { keyRecordTags } from '../../src/plan/keys.js';
import { planUserRotation } from '../../src/rotate/lifecycle.js';
import { prng } from '../reliability/chaos.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const iso = (days: number): string => new Date(T0 + days * DAY).toISOString();
const RULES: KeyRules = { rotateAfter: 90 * 86400, overlap: 7 * 86400, deleteAfter: 7 * 86400, requireUnusedFor: 86400, force: false };
const key = (id: string, createdDay: number, status: 'Active' | 'Inactive' = 'Active', lastUsed?: string | null): AccessKeyState => ({
  id,
  status,
  created: iso(createdDay),
  ...(lastUsed !== undefined ? { lastUsed } : {}),
});
const A = 'AKIAAAAAAAAAAAAAAAAA';
const B = 'AKIABBBBBBBBBBBBBBBB';
const C = 'AKIACCCCCCCCCCCCCCCC';
const kinds = (p: ReturnType<typeof planUserRotation>): string[] => p.steps.map((s) => `${s.kind}${'keyId' in s && s.keyId ? `:${s.keyId.slice(4, 5)}` : ''}`);

test('a due key is rotated and replaces the current one', () => {
  const p = planUserRotation({ keys: [key(A, 0)], tags: keyRecordTags({ current: { id: A, at: iso(0) } }), rules: RULES, now: new Date(T0 + 91 * DAY) });
  expect(p.steps).toEqual([expect.objectContaining({ kind: 'rotate', replaces: A, trigger: 'key-due' })]);
  expect(p.next[0]).toMatchObject({ kind: 'deactivate', keyId: A, at: iso(98) });
});

test('nothing is due before rotateAfter; next says when', () => {
  const p = planUserRotation({ keys: [key(A, 0)], tags: keyRecordTags({ current: { id: A, at: iso(0) } }), rules: RULES, now: new Date(T0 + 30 * DAY) });
  expect(p.steps).toEqual([]);
  expect(p.next).toEqual([expect.objectContaining({ kind: 'rotate', keyId: A, at: iso(90) })]);
});

test('ages count from CreateDate only: the record time counts only "since replaced"', () => {
  // Rotated on day 91 (B created then); on day 98 B is 7 days old whatever the record says.
  const p = planUserRotation({
    keys: [key(B, 91), key(A, 0)],
    tags: keyRecordTags({ current: { id: B, at: iso(0) }, previous: { id: A, at: iso(91) } }),
    rules: RULES,
    now: new Date(T0 + 98 * DAY),
  });
  // Retiring A reads both last uses: A's idle time and B's use since its delivery (the switch).
  expect(p.needsLastUsed).toEqual([A, B]);
  expect(p.steps.some((s) => s.kind === 'rotate')).toBe(false);
  expect(p.next.find((e) => e.kind === 'rotate')?.at).toBe(iso(181));
});

test('past overlap: deactivated when unused, warned about and kept when in use, deactivated anyway with force', () => {
  const tags = keyRecordTags({ current: { id: B, at: iso(91) }, previous: { id: A, at: iso(91) } });
  const now = new Date(T0 + 98 * DAY);
  const b = key(B, 91, 'Active', iso(93)); // the vendor switched on day 93
  expect(kinds(planUserRotation({ keys: [b, key(A, 0, 'Active', null)], tags, rules: RULES, now }))).toEqual(['deactivate:A']);
  const inUse = planUserRotation({ keys: [b, key(A, 0, 'Active', iso(97.9))], tags, rules: RULES, now });
  expect(kinds(inUse)).toEqual(['warn:A']);
  expect(inUse.steps[0]).toMatchObject({ finding: 'key-in-use' });
  expect(kinds(planUserRotation({ keys: [key(B, 91), key(A, 0)], tags, rules: { ...RULES, force: true }, now }))).toEqual(['deactivate:A']);
});

test('evidence of the switch: an idle old key stays active while the new key is unused since delivery; force bypasses it', () => {
  const tags = keyRecordTags({ current: { id: B, at: iso(91) }, previous: { id: A, at: iso(91) } });
  const oldIdle = key(A, 0, 'Active', iso(90));
  for (const day of [98, 105, 200]) {
    const now = new Date(T0 + day * DAY);
    // Never used, or used only by the verification a few seconds before the delivery time.
    for (const used of [null, new Date(T0 + 91 * DAY - 5_000).toISOString()]) {
      const p = planUserRotation({ keys: [key(B, 91, 'Active', used), oldIdle], tags, rules: RULES, now });
      expect(p.steps.filter((s) => s.kind === 'deactivate' || s.kind === 'delete')).toEqual([]);
      expect(p.steps).toContainEqual(expect.objectContaining({ kind: 'warn', keyId: A, finding: 'key-in-use' }));
    }
    expect(kinds(planUserRotation({ keys: [key(B, 91, 'Active', null), oldIdle], tags, rules: { ...RULES, force: true }, now }))).toContain('deactivate:A');
  }
  // Last use not read yet: both keys are read before anything is decided.
  expect(planUserRotation({ keys: [key(B, 91), key(A, 0)], tags, rules: RULES, now: new Date(T0 + 98 * DAY) }).needsLastUsed).toEqual([A, B]);
});

test('an inactive replaced key is deleted after overlap + deleteAfter', () => {
  const tags = keyRecordTags({ current: { id: B, at: iso(91) }, previous: { id: A, at: iso(91) } });
  expect(kinds(planUserRotation({ keys: [key(B, 91), key(A, 0, 'Inactive')], tags, rules: RULES, now: new Date(T0 + 104 * DAY) }))).toEqual([]);
  expect(kinds(planUserRotation({ keys: [key(B, 91), key(A, 0, 'Inactive')], tags, rules: RULES, now: new Date(T0 + 105 * DAY) }))).toEqual(['delete:A']);
});

test("a key outside the record: an interrupted run's young unused leftover is deleted before a due rotation; any other is kept", () => {
  const tags = keyRecordTags({ current: { id: A, at: iso(0) } });
  const young = (lastUsed?: string | null) => ({ ...key(C, 0), created: new Date(T0 + 91 * DAY - 600_000).toISOString(), ...(lastUsed !== undefined ? { lastUsed } : {}) });
  const now = new Date(T0 + 91 * DAY);
  expect(kinds(planUserRotation({ keys: [key(A, 0), young(null)], tags, rules: RULES, now }))).toEqual(['delete-orphan:C', 'rotate']);
  expect(planUserRotation({ keys: [key(A, 0), young()], tags, rules: RULES, now }).needsLastUsed).toEqual([C]);
  const used = planUserRotation({ keys: [key(A, 0), young(iso(90.999))], tags, rules: RULES, now });
  expect(kinds(used)).toEqual(['warn:C', 'warn']);
  expect(used.steps[1]).toMatchObject({ finding: 'rotation-blocked' });
  expect(kinds(planUserRotation({ keys: [key(A, 0), key(C, 80, 'Active', null)], tags, rules: RULES, now }))).toEqual(['warn:C', 'warn']);
});

describe('a pending key an interrupted rotation left', () => {
  const now = new Date(T0 + 91 * DAY);
  const P = C;
  const tags = keyRecordTags({ current: { id: A, at: iso(0) }, pending: { id: P, at: iso(91) } });
  const keys = [key(A, 0), { ...key(P, 91), created: new Date(T0 + 91 * DAY - 60_000).toISOString(), lastUsed: iso(91) }];
  test('nothing is decided before the sinks are probed', () => {
    const p = planUserRotation({ keys, tags, rules: RULES, now });
    expect([p.needsPendingProbe, p.steps]).toEqual([P, []]);
  });
  test('resumable: its delivery is finished, replacing the current key; nothing else is created', () => {
    const p = planUserRotation({ keys, tags, rules: RULES, now, pendingDelivery: 'resumable' });
    expect(p.steps).toEqual([expect.objectContaining({ kind: 'resume', keyId: P, replaces: A })]);
    expect(p.next.find((e) => e.kind === 'deactivate')).toMatchObject({ keyId: A, at: iso(98) });
  });
  test('provably in no sink: deleted, then the due rotation runs', () => {
    expect(kinds(planUserRotation({ keys, tags, rules: RULES, now, pendingDelivery: 'undelivered' }))).toEqual(['delete-pending:C', 'rotate']);
  });
  test('in a sink but not readable: recorded as replaced and retired like one (never deleted blind)', () => {
    const p = planUserRotation({ keys, tags, rules: RULES, now, pendingDelivery: 'unreachable' });
    expect(kinds(p)).toEqual(['abandon-pending:C', 'warn']);
    expect(p.steps[1]).toMatchObject({ finding: 'rotation-blocked' });
    // The next runs see it as the previous key: deactivated past overlap only once unused.
    const later = keyRecordTags({ current: { id: A, at: iso(0) }, previous: { id: P, at: iso(91) } });
    const a = key(A, 0, 'Active', iso(97)); // the vendor goes on using the current key
    const inUse = planUserRotation({ keys: [a, { ...keys[1]!, lastUsed: iso(97.5) }], tags: later, rules: RULES, now: new Date(T0 + 98 * DAY) });
    expect(kinds(inUse)).toEqual(['warn:C', 'warn']);
    expect(kinds(planUserRotation({ keys: [a, keys[1]!], tags: later, rules: RULES, now: new Date(T0 + 98 * DAY) }))).toEqual(['deactivate:C', 'warn']);
  });
  test('a first key pending: resumed without a key to replace, or deleted and made again', () => {
    const first = keyRecordTags({ pending: { id: P, at: iso(91) } });
    expect(planUserRotation({ keys: [keys[1]!], tags: first, rules: RULES, now, pendingDelivery: 'resumable' }).steps).toEqual([expect.objectContaining({ kind: 'resume', keyId: P })]);
    expect(planUserRotation({ keys: [keys[1]!], tags: first, rules: RULES, now, pendingDelivery: 'resumable' }).steps[0]).not.toHaveProperty('replaces');
    expect(kinds(planUserRotation({ keys: [keys[1]!], tags: first, rules: RULES, now, pendingDelivery: 'undelivered' }))).toEqual(['delete-pending:C', 'rotate']);
  });
  test('a stale mark (the key already current, or gone) is removed and nothing else happens', () => {
    const done = keyRecordTags({ current: { id: P, at: iso(91) }, previous: { id: A, at: iso(91) }, pending: { id: P, at: iso(91) } });
    expect(kinds(planUserRotation({ keys, tags: done, rules: RULES, now }))).toEqual(['clear-pending:C']);
    expect(kinds(planUserRotation({ keys: [key(A, 0)], tags: { ...keyRecordTags({ current: { id: A, at: iso(0) } }), ...keyRecordTags({ pending: { id: P, at: iso(91) } }) }, rules: RULES, now: new Date(T0 + 30 * DAY) }))).toEqual(['clear-pending:C']);
  });
});

test('first adoption: a single unrecorded key is replaced by a rotation, not deleted', () => {
  const p = planUserRotation({ keys: [key(A, 0)], tags: {}, rules: RULES, now: new Date(T0 + 10 * DAY) });
  expect(p.steps).toEqual([expect.objectContaining({ kind: 'rotate', replaces: A, trigger: 'key-unrecorded' })]);
});

test('two unrecorded keys: report only', () => {
  const p = planUserRotation({ keys: [key(A, 0), key(B, 1)], tags: {}, rules: RULES, now: new Date(T0 + 10 * DAY) });
  expect(p.steps.every((s) => s.kind === 'warn')).toBe(true);
  expect(p.steps).toHaveLength(2);
});

test('no key at all: one is created', () => {
  const p = planUserRotation({ keys: [], tags: {}, rules: RULES, now: new Date(T0) });
  expect(p.steps).toEqual([expect.objectContaining({ kind: 'rotate', trigger: 'key-missing' })]);
  expect(p.steps[0]).not.toHaveProperty('replaces');
});

test('two-key limit: a due rotation waits while the replaced key is active', () => {
  const p = planUserRotation({
    keys: [key(B, 0), key(A, -100)],
    tags: keyRecordTags({ current: { id: B, at: iso(0) }, previous: { id: A, at: iso(88) } }),
    rules: { ...RULES, rotateAfter: 90 * 86400 },
    now: new Date(T0 + 91 * DAY),
  });
  expect(kinds(p)).toEqual(['warn']);
  expect(p.steps[0]).toMatchObject({ finding: 'rotation-blocked' });
});

test('expired temporary connection: every active key deactivated, no rotation', () => {
  const p = planUserRotation({
    keys: [key(A, 0)],
    tags: keyRecordTags({ current: { id: A, at: iso(0) } }),
    rules: RULES,
    now: new Date(T0 + 200 * DAY),
    temporary: { expiresAt: new Date(T0 + 2 * DAY), deleteAt: new Date(T0 + 9 * DAY) },
  });
  expect(kinds(p)).toEqual(['deactivate:A']);
});

describe('lock takeover', () => {
  test('a re-run attempt of the same workflow run supersedes the earlier attempt; nothing else does', async () => {
    const { supersedes } = await import('../../src/rotate/lock.js');
    expect(supersedes('4242-2-aa11', '4242-1-bb22')).toBe(true);
    expect(supersedes('4242-1-aa11', '4242-1-bb22')).toBe(false); // two jobs of one attempt
    expect(supersedes('4243-2-aa11', '4242-1-bb22')).toBe(false); // another run
    expect(supersedes('4242-1-aa11', '4242-2-bb22')).toBe(false); // an older attempt never wins
    expect(supersedes('cli-1-x', '4242-1-bb22')).toBe(false);
  });
});

/**
 * The state machine against random states (keys, record, what the sinks hold of a pending key,
 * last use, now): whatever the input, no step takes a key a sink may hold, deactivates a key
 * used within requireUnusedFor, deletes an active key other than a provable leftover, or makes
 * a third key.
 */
test('random states: no step breaks the key invariants', () => {
  const random = prng(11);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const ids = [A, B, C];
  let checked = 0;
  for (let i = 0; i < 20_000; i++) {
    const now = T0 + 100 * DAY;
    const n = Math.floor(random() * 3);
    const keys: AccessKeyState[] = ids.slice(0, n).map((id) => ({
      id,
      status: random() < 0.75 ? 'Active' : 'Inactive',
      created: new Date(now - Math.floor(random() * 200 * DAY * (random() < 0.3 ? 0.0001 : 1))).toISOString(),
      ...(random() < 0.7 ? { lastUsed: random() < 0.3 ? null : new Date(now - Math.floor(random() * 30 * DAY * (random() < 0.3 ? 0.01 : 1))).toISOString() } : {}),
    }));
    const mark = () => ({ id: pick([...ids, 'AKIAGHOST00000000000']), at: new Date(now - Math.floor(random() * 120 * DAY)).toISOString() });
    const record = { ...(random() < 0.7 ? { current: mark() } : {}), ...(random() < 0.5 ? { previous: mark() } : {}), ...(random() < 0.4 ? { pending: mark() } : {}) };
    const rules = { ...RULES, force: random() < 0.1 };
    const pendingDelivery = pick(['resumable', 'undelivered', 'unreachable'] as const);
    let plan = planUserRotation({ keys, tags: keyRecordTags(record), rules, now: new Date(now), pendingDelivery });
    if (plan.needsLastUsed.length > 0) {
      const read = keys.map((k) => (plan.needsLastUsed.includes(k.id) && k.lastUsed === undefined ? { ...k, lastUsed: random() < 0.5 ? null : new Date(now - random() * 3 * DAY).toISOString() } : k));
      plan = planUserRotation({ keys: read, tags: keyRecordTags(record), rules, now: new Date(now), pendingDelivery });
      keys.splice(0, keys.length, ...read);
    }
    const byId = new Map(keys.map((k) => [k.id, k]));
    const current = record.current && byId.has(record.current.id) ? record.current.id : undefined;
    const pending = record.pending && record.pending.id !== current && byId.has(record.pending.id) ? record.pending.id : undefined;
    const where = () => JSON.stringify({ keys, record, pendingDelivery, force: rules.force, steps: plan.steps.map((s) => s.kind) });
    let count = keys.length;
    for (const step of plan.steps) {
      checked++;
      const k = 'keyId' in step && step.keyId !== undefined ? byId.get(step.keyId) : undefined;
      switch (step.kind) {
        case 'deactivate': {
          // The current key (what every sink serves) and a pending key a sink may hold are never deactivated.
          if (step.keyId === current || step.keyId === pending) throw new Error(`deactivated a key a sink holds: ${where()}`);
          const idle = k?.lastUsed === undefined ? undefined : now - Date.parse(k.lastUsed ?? k.created);
          if (!rules.force && (idle === undefined || idle < rules.requireUnusedFor * 1000)) throw new Error(`deactivated a key not known unused for requireUnusedFor: ${where()}`);
          break;
        }
        case 'delete':
          if (k?.status !== 'Inactive' || step.keyId === current || step.keyId === pending) throw new Error(`deleted a key that was active or held: ${where()}`);
          count--;
          break;
        case 'delete-orphan':
          if (!k || k.lastUsed !== null || now - Date.parse(k.created) >= 3_600_000 || step.keyId === current || step.keyId === pending || step.keyId === record.previous?.id)
            throw new Error(`deleted a key outside the record that was not a young unused leftover: ${where()}`);
          count--;
          break;
        case 'delete-pending':
          if (step.keyId !== pending || pendingDelivery !== 'undelivered') throw new Error(`deleted a pending key not proven undelivered: ${where()}`);
          count--;
          break;
        case 'rotate':
          if (++count > 2) throw new Error(`a third key: ${where()}`);
          break;
        case 'resume':
          if (step.keyId !== pending || pendingDelivery !== 'resumable') throw new Error(`resumed without the secret: ${where()}`);
          break;
        default:
          break;
      }
    }
    if (plan.steps.filter((s) => s.kind === 'rotate' || s.kind === 'resume').length > 1) throw new Error(`two rotations in a run: ${where()}`);
  }
  expect(checked).toBeGreaterThan(5_000);
});
