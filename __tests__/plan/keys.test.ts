import { DEFAULT_KEY_RULES } from '../../src/manifest/model.js';
import type { KeyRules } from '../../src/manifest/model.js';
import { assessKeys, formatDuration, keyRecordTags, lastUseNeeded, maskKeyId, readKeyRecord, SWITCH_EVIDENCE_MARGIN_S } from '../../src/plan/keys.js';
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
  // The vendor switched: the new key was used a day ago, well after its delivery.
  const switched = { lastUsed: daysBefore(1) };
  const input = (rotatedDaysAgo: number, previous: Parameters<typeof key>[2], r: KeyRules = rules, current: Parameters<typeof key>[2] = switched) => ({
    keys: [key(CUR, rotatedDaysAgo, current), key(OLD, 100 + rotatedDaysAgo, previous)],
    tags: tagsFor({ current: { id: CUR, at: daysBefore(rotatedDaysAgo) }, previous: { id: OLD, at: daysBefore(rotatedDaysAgo) } }),
    rules: r,
    now: NOW,
  });

  test('within overlap: both active is expected', () => {
    expect(kinds(input(3, {}))).toEqual([]);
  });
  test('past overlap, unused, new key used since delivery: deactivate, saying both facts with their dates', () => {
    const a = assessKeys(input(8, { lastUsed: daysBefore(3) }));
    expect(a.findings.map((x) => [x.kind, x.action])).toEqual([['key-retire', 'deactivate']]);
    expect(a.findings[0]?.reason).toContain(`the new key ${maskKeyId(CUR)} was used at ${daysBefore(1)}, after its delivery at ${daysBefore(8)}`);
    expect(a.findings[0]?.reason).toContain(`was last used ${daysBefore(3)}`);
  });
  test('past overlap, last use not read: nothing is guessed, the finding asks for both keys\' last use', () => {
    const a = assessKeys(input(8, {}, rules, {}));
    expect(a.findings.map((x) => [x.kind, x.action, x.needsLastUsed])).toEqual([['key-retire', 'none', true]]);
    expect(a.findings[0]?.reason).toContain('GetAccessKeyLastUsed');
    expect(lastUseNeeded(a)).toEqual([OLD, CUR]);
    // Only the one not read is asked for.
    expect(lastUseNeeded(assessKeys(input(8, { lastUsed: null }, rules, {})))).toEqual([CUR]);
    expect(lastUseNeeded(assessKeys(input(8, {})))).toEqual([OLD]);
  });
  test('never used counts as unused', () => {
    expect(kinds(input(8, { lastUsed: null }))).toEqual([['key-retire', 'deactivate']]);
  });
  test('force needs no last use and no evidence', () => {
    const a = assessKeys(input(8, {}, { ...rules, force: true }, {}));
    expect(a.findings.map((x) => [x.kind, x.action])).toEqual([['key-retire', 'deactivate']]);
    expect(lastUseNeeded(a)).toEqual([]);
    expect(kinds(input(8, { lastUsed: null }, { ...rules, force: true }, { lastUsed: null }))).toEqual([['key-retire', 'deactivate']]);
  });
  test('decisions that do not depend on use never ask for it', () => {
    expect(lastUseNeeded(assessKeys(input(3, {}, rules, {})))).toEqual([]);
    expect(lastUseNeeded(assessKeys(input(14, { status: 'Inactive' }, rules, {})))).toEqual([]);
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

describe('evidence of the switch: the old key is kept until the new key is used after its delivery', () => {
  const deliveredDaysAgo = 8;
  const delivered = Date.parse(daysBefore(deliveredDaysAgo));
  const at = (ms: number) => new Date(ms).toISOString();
  const input = (newKeyLastUsed: string | null, oldLastUsed: string | null = daysBefore(5), r: KeyRules = rules) => ({
    keys: [key(CUR, deliveredDaysAgo, { lastUsed: newKeyLastUsed }), key(OLD, 100, { lastUsed: oldLastUsed })],
    tags: tagsFor({ current: { id: CUR, at: daysBefore(deliveredDaysAgo) }, previous: { id: OLD, at: daysBefore(deliveredDaysAgo) } }),
    rules: r,
    now: NOW,
  });

  test('a new key never used: the idle old key stays active, and the reason says why with the dates', () => {
    const a = assessKeys(input(null));
    expect(a.findings.map((x) => [x.kind, x.action])).toEqual([['key-in-use', 'none']]);
    expect(a.findings[0]?.reason).toContain(`the new key ${maskKeyId(CUR)} has never been used since its delivery at ${daysBefore(deliveredDaysAgo)}`);
    expect(a.findings[0]?.reason).toContain(`was last used ${daysBefore(5)}`);
    expect(a.findings[0]?.reason).toContain('force: true');
  });
  test('the tool\'s own verification, seconds before delivery, is no evidence', () => {
    expect(kinds(input(at(delivered - 5_000)))).toEqual([['key-in-use', 'none']]);
  });
  test('a use within the margin after the recorded delivery (clock skew, rounding) is no evidence either', () => {
    expect(kinds(input(at(delivered + 1_000)))).toEqual([['key-in-use', 'none']]);
    expect(kinds(input(at(delivered + SWITCH_EVIDENCE_MARGIN_S * 1000)))).toEqual([['key-in-use', 'none']]);
    expect(kinds(input(at(delivered + SWITCH_EVIDENCE_MARGIN_S * 1000 + 1_000)))).toEqual([['key-retire', 'deactivate']]);
  });
  test('a never-used old key is kept too while the new key is unused: the rule only ever keeps keys longer', () => {
    expect(kinds(input(null, null))).toEqual([['key-in-use', 'none']]);
  });
  test('the recorded current key gone or inactive: the replaced key is the vendor\'s only way in and is kept', () => {
    const gone = { ...input(daysBefore(1)), keys: [key(OLD, 100, { lastUsed: daysBefore(5) })] };
    expect(assessKeys(gone).findings.filter((f) => f.keyId === OLD).map((f) => [f.kind, f.action])).toEqual([['key-in-use', 'none']]);
    const off = { ...input(daysBefore(1)), keys: [key(CUR, deliveredDaysAgo, { lastUsed: daysBefore(1), status: 'Inactive' }), key(OLD, 100, { lastUsed: daysBefore(5) })] };
    expect(assessKeys(off).findings.filter((f) => f.keyId === OLD).map((f) => [f.kind, f.action])).toEqual([['key-in-use', 'none']]);
  });
  test('over every pair of last uses, the evidence rule never deactivates a key the old rule kept', () => {
    const uses: (string | null)[] = [null, ...[-9, -8.5, -8, -7.99, -7, -3, -1.5, -1, -0.5, -0.01].map((d) => at(NOW.getTime() + d * DAY * 1000))];
    for (const n of uses) {
      for (const o of uses) {
        const withRule = kinds(input(n, o));
        const oldIdle = (NOW.getTime() - (o === null ? NOW.getTime() - 100 * DAY * 1000 : Date.parse(o))) / 1000;
        if (oldIdle < rules.requireUnusedFor) expect([n, o, withRule]).toEqual([n, o, [['key-in-use', 'none']]]);
        const newUsed = n !== null && Date.parse(n) > delivered + SWITCH_EVIDENCE_MARGIN_S * 1000;
        if (!newUsed) expect([n, o, withRule]).toEqual([n, o, [['key-in-use', 'none']]]);
        if (newUsed && oldIdle >= rules.requireUnusedFor) expect([n, o, withRule]).toEqual([n, o, [['key-retire', 'deactivate']]]);
      }
    }
  });
  test('force: true bypasses it', () => {
    expect(kinds(input(null, daysBefore(0.01), { ...rules, force: true }))).toEqual([['key-retire', 'deactivate']]);
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
