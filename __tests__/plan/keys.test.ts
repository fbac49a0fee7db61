import { DEFAULT_KEY_RULES } from '../../src/manifest/model.js';
import type { KeyRules } from '../../src/manifest/model.js';
import { assessKeys, formatDuration, keyRecordTags, lastUseNeeded, maskKeyId, readKeyRecord } from '../../src/plan/keys.js';
import type { KeyRecord } from '../../src/plan/keys.js';
import { DAY, NOW, daysBefore, key } from './fixtures.js';

const rules: KeyRules = { ...DEFAULT_KEY_RULES, rotateAfter: 90 * DAY, overlap: 7 * DAY, deleteAfter: 7 * DAY, requireUnusedFor: DAY };
const CUR = 'AKIACURRENT000000001';
const OLD = 'AKIAPREVIOUS00000002';

function tagsFor(record: KeyRecord): Record<string, string> {
  return keyRecordTags(record);
}

function kinds(input: Parameters<typeof assessKeys>[0]) {
  return assessKeys(input).findings.map((f) => [f.kind, f.action]);
}

test('record tags round-trip and ignore garbage', () => {
  const record = { current: { id: CUR, at: '2026-01-01T00:00:00.000Z' }, previous: { id: OLD, at: '2025-10-01T00:00:00.000Z' } };
  expect(readKeyRecord(keyRecordTags(record))).toEqual(record);
  expect(readKeyRecord({ 'iam-connections:key-current': 'nonsense' })).toEqual({});
});

test('key ids are masked as AKIA…WXYZ', () => {
  expect(maskKeyId('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA…MPLE');
  expect(formatDuration(90 * DAY)).toBe('90d');
  expect(formatDuration(36 * 3600)).toBe('1d12h');
});

describe('current key age', () => {
  const record = (created: number) => ({
    keys: [key(CUR, created)],
    tags: tagsFor({ current: { id: CUR, at: daysBefore(created) } }),
    rules,
    now: NOW,
  });

  test('younger than rotateAfter: nothing to do', () => {
    expect(kinds(record(89))).toEqual([]);
  });
  test('exactly rotateAfter: due', () => {
    expect(kinds(record(90))).toEqual([['key-due', 'rotate']]);
  });
  test('rotateAfter + overlap: overdue, high and security-relevant', () => {
    const f = assessKeys(record(97)).findings;
    expect(f.map((x) => x.kind)).toEqual(['key-overdue']);
    expect(f[0]?.severity).toBe('high');
    expect(f[0]?.security).toBe(true);
    expect(f[0]?.reason).toContain('AKIA…0001');
    expect(f[0]?.reason).not.toContain(CUR);
  });
  test('just under rotateAfter + overlap: still only due', () => {
    expect(kinds(record(96.9))).toEqual([['key-due', 'rotate']]);
  });
});

test('no key and no record: create one', () => {
  expect(kinds({ keys: [], tags: {}, rules, now: NOW })).toEqual([['key-missing', 'create']]);
});

test('recorded key deleted by hand: missing, high', () => {
  const f = assessKeys({ keys: [], tags: tagsFor({ current: { id: CUR, at: daysBefore(5) } }), rules, now: NOW }).findings;
  expect(f.map((x) => [x.kind, x.action, x.severity])).toEqual([['key-missing', 'create', 'high']]);
});

test('a key outside the record is deleted only when young and never used; anything else is kept with the command that removes it', () => {
  const tags = tagsFor({ current: { id: CUR, at: daysBefore(5) } });
  const at = (minutesAgo: number, lastUsed?: string | null) => ({ ...key('AKIASTRANGER00000003', 0), created: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(), ...(lastUsed !== undefined ? { lastUsed } : {}) });
  const one = (k: ReturnType<typeof at>) => assessKeys({ keys: [key(CUR, 5), k], tags, user: 'vendor', rules, now: NOW }).findings;
  // An interrupted run's leftover: young, never used.
  expect(one(at(5, null)).map((x) => [x.kind, x.action, x.keyId])).toEqual([['key-orphan', 'delete', 'AKIASTRANGER00000003']]);
  // Young, last use not read: nothing is guessed.
  expect(one(at(5)).map((x) => [x.kind, x.action, x.needsLastUsed])).toEqual([['key-orphan', 'none', true]]);
  expect(lastUseNeeded(assessKeys({ keys: [key(CUR, 5), at(5)], tags, rules, now: NOW }))).toEqual(['AKIASTRANGER00000003']);
  // Used (a break-glass key handed to the vendor), or older than an hour: kept, reported high.
  for (const k of [at(5, new Date(NOW.getTime() - 60_000).toISOString()), at(61, null), at(60 * 24 * 30)]) {
    const f = one(k);
    expect(f.map((x) => [x.kind, x.action, x.severity])).toEqual([['key-orphan', 'none', 'high']]);
    expect(f[0]?.reason).toContain('aws iam delete-access-key --user-name vendor --access-key-id AKIASTRANGER00000003');
  }
});

test('hand-made keys on a user with no record are rotated away, not cut off', () => {
  expect(kinds({ keys: [key('AKIAHANDMADE00000004', 400)], tags: {}, rules, now: NOW })).toEqual([['key-unrecorded', 'rotate']]);
  expect(kinds({ keys: [key('AKIAHANDMADE00000004', 400), key('AKIAHANDMADE00000005', 300)], tags: {}, rules, now: NOW })).toEqual([
    ['key-orphan', 'none'],
    ['key-orphan', 'none'],
  ]);
});

test('a pending key is reported for rotate to resume or retire; a stale mark is only removed', () => {
  const P = 'AKIAPENDING000000009';
  const f = assessKeys({ keys: [key(CUR, 95), key(P, 0)], tags: tagsFor({ current: { id: CUR, at: daysBefore(95) }, pending: { id: P, at: daysBefore(0) } }), rules, now: NOW }).findings;
  expect(f.map((x) => [x.kind, x.action, x.keyId])).toEqual([
    ['key-pending', 'rotate', P],
    ['key-due', 'rotate', CUR],
  ]);
  expect(kinds({ keys: [key(P, 0)], tags: tagsFor({ current: { id: P, at: daysBefore(0) }, pending: { id: P, at: daysBefore(0) } }), rules, now: NOW })).toEqual([['key-pending', 'update']]);
  // A pending first key is not "missing": rotate resumes it rather than make another.
  expect(kinds({ keys: [key(P, 0)], tags: tagsFor({ pending: { id: P, at: daysBefore(0) } }), rules, now: NOW })).toEqual([['key-pending', 'rotate']]);
});

describe('previous key after a rotation', () => {
  const input = (rotatedDaysAgo: number, previous: Parameters<typeof key>[2], r: KeyRules = rules) => ({
    keys: [key(CUR, rotatedDaysAgo), key(OLD, 100 + rotatedDaysAgo, previous)],
    tags: tagsFor({ current: { id: CUR, at: daysBefore(rotatedDaysAgo) }, previous: { id: OLD, at: daysBefore(rotatedDaysAgo) } }),
    rules: r,
    now: NOW,
  });

  test('within overlap: both active is expected', () => {
    expect(kinds(input(3, {}))).toEqual([]);
  });
  test('past overlap, unused: deactivate', () => {
    expect(kinds(input(8, { lastUsed: daysBefore(3) }))).toEqual([['key-retire', 'deactivate']]);
  });
  test('past overlap, last use not read: nothing is guessed, the finding asks for last use', () => {
    const a = assessKeys(input(8, {}));
    expect(a.findings.map((x) => [x.kind, x.action, x.needsLastUsed])).toEqual([['key-retire', 'none', true]]);
    expect(a.findings[0]?.reason).toContain('GetAccessKeyLastUsed');
    expect(lastUseNeeded(a)).toEqual([OLD]);
  });
  test('never used counts as unused', () => {
    expect(kinds(input(8, { lastUsed: null }))).toEqual([['key-retire', 'deactivate']]);
  });
  test('force needs no last use', () => {
    const a = assessKeys(input(8, {}, { ...rules, force: true }));
    expect(a.findings.map((x) => [x.kind, x.action])).toEqual([['key-retire', 'deactivate']]);
    expect(lastUseNeeded(a)).toEqual([]);
  });
  test('decisions that do not depend on use never ask for it', () => {
    expect(lastUseNeeded(assessKeys(input(3, {})))).toEqual([]);
    expect(lastUseNeeded(assessKeys(input(14, { status: 'Inactive' })))).toEqual([]);
  });
  test('past overlap but still in use: waits', () => {
    expect(kinds(input(8, { lastUsed: new Date(NOW.getTime() - 3600_000).toISOString() }))).toEqual([['key-in-use', 'none']]);
  });
  test('still in use but force: deactivate', () => {
    expect(kinds(input(8, { lastUsed: new Date(NOW.getTime() - 3600_000).toISOString() }, { ...rules, force: true }))).toEqual([
      ['key-retire', 'deactivate'],
    ]);
  });
  test('inactive past overlap + deleteAfter: delete', () => {
    expect(kinds(input(14, { status: 'Inactive' }))).toEqual([['key-delete', 'delete']]);
    expect(kinds(input(13, { status: 'Inactive' }))).toEqual([]);
  });
});

test('a current key never used for rotateAfter is reported unused', () => {
  const f = kinds({
    keys: [key(CUR, 60, { lastUsed: null })],
    tags: tagsFor({ current: { id: CUR, at: daysBefore(60) } }),
    rules: { ...rules, rotateAfter: 30 * DAY },
    now: NOW,
  });
  expect(f).toContainEqual(['key-unused', 'none']);
});

test('temporary connection past expiry: every active key is deactivated, nothing rotates', () => {
  const expiresAt = new Date(NOW.getTime() - DAY * 1000);
  const f = kinds({
    keys: [key(CUR, 200), key(OLD, 300, { status: 'Inactive' })],
    tags: tagsFor({ current: { id: CUR, at: daysBefore(200) } }),
    rules,
    now: NOW,
    temporary: { expiresAt, deleteAt: new Date(expiresAt.getTime() + 7 * DAY * 1000) },
  });
  expect(f).toEqual([['key-expired', 'deactivate']]);
});
