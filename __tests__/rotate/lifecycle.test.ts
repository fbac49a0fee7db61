import type { AccessKeyState } from '../../src/aws/inventory-model.js';
import type { KeyRules } from '../../src/manifest/model.js';
import { keyRecordTags } from '../../src/plan/keys.js';
import { planUserRotation } from '../../src/rotate/lifecycle.js';

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

test('age counts from the recorded delivery when it is later than CreateDate (as-of runs)', () => {
  // Created "day 0" by IAM's clock, recorded at day 91 by an as-of run: not due again at day 98.
  const p = planUserRotation({
    keys: [key(B, 0), key(A, -90)],
    tags: keyRecordTags({ current: { id: B, at: iso(91) }, previous: { id: A, at: iso(91) } }),
    rules: RULES,
    now: new Date(T0 + 98 * DAY),
  });
  expect(p.needsLastUsed).toEqual([A]);
  expect(p.steps.some((s) => s.kind === 'rotate')).toBe(false);
});

test('past overlap: deactivated when unused, warned about and kept when in use, deactivated anyway with force', () => {
  const tags = keyRecordTags({ current: { id: B, at: iso(91) }, previous: { id: A, at: iso(91) } });
  const now = new Date(T0 + 98 * DAY);
  expect(kinds(planUserRotation({ keys: [key(B, 91), key(A, 0, 'Active', null)], tags, rules: RULES, now }))).toEqual(['deactivate:A']);
  const inUse = planUserRotation({ keys: [key(B, 91), key(A, 0, 'Active', iso(97.9))], tags, rules: RULES, now });
  expect(kinds(inUse)).toEqual(['warn:A']);
  expect(inUse.steps[0]).toMatchObject({ finding: 'key-in-use' });
  expect(kinds(planUserRotation({ keys: [key(B, 91), key(A, 0)], tags, rules: { ...RULES, force: true }, now }))).toEqual(['deactivate:A']);
});

test('an inactive replaced key is deleted after overlap + deleteAfter', () => {
  const tags = keyRecordTags({ current: { id: B, at: iso(91) }, previous: { id: A, at: iso(91) } });
  expect(kinds(planUserRotation({ keys: [key(B, 91), key(A, 0, 'Inactive')], tags, rules: RULES, now: new Date(T0 + 104 * DAY) }))).toEqual([]);
  expect(kinds(planUserRotation({ keys: [key(B, 91), key(A, 0, 'Inactive')], tags, rules: RULES, now: new Date(T0 + 105 * DAY) }))).toEqual(['delete:A']);
});

test('an unrecorded key beside a record is an orphan, deleted before a due rotation', () => {
  const p = planUserRotation({ keys: [key(A, 0), key(C, 91)], tags: keyRecordTags({ current: { id: A, at: iso(0) } }), rules: RULES, now: new Date(T0 + 91 * DAY) });
  expect(kinds(p)).toEqual(['delete-orphan:C', 'rotate']);
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
