/**
 * Live tags: a managed user whose tags (declared, added by hand, and the ones the tool writes)
 * would pass IAM's 50 is stopped at plan, and rotate never starts on it, so no key is created
 * and delivered that TagUser could then not record.
 */
import { rotateAccounts, rotatingConnections, tagBudgetBlocked } from '../../src/commands/rotate.js';
import { DEFAULT_KEY_RULES } from '../../src/manifest/model.js';
import { TOOL_TAGS } from '../../src/manifest/tool-tags.js';
import { buildPlan } from '../../src/plan/diff.js';
import { keyRecordTags } from '../../src/plan/keys.js';
import type { Plan } from '../../src/plan/model.js';
import { at, connection, inventory, key, manifest, NOW, owned, userSpec, userState } from './fixtures.js';

const byHand = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`team:${i}`, 'x']));
const conn = connection('vendor', { user: userSpec('vendor-user', { accessKey: { rules: DEFAULT_KEY_RULES, deliver: [], at: at(8) } }) });
const m = manifest([conn]);

function planWith(liveTags: Record<string, string>): Plan {
  return buildPlan({ manifest: m, inventories: [inventory({ users: [userState('vendor-user', { tags: liveTags })] })], env: new Map(), now: NOW, prune: false });
}

test('live tags leaving room for the lock, the key record and a pending key: nothing withheld', () => {
  // owner (declared default) + ownership + 44 by hand + lock, current, previous, pending = 50.
  const plan = planWith(owned('vendor', byHand(44)));
  const changes = plan.accounts[0]!.changes;
  expect(changes.filter((c) => c.kind === 'tag-budget')).toEqual([]);
  expect(changes.some((c) => c.withheld !== undefined)).toBe(false);
  expect(rotatingConnections(m, plan, 'prod', false).map((c) => c.name)).toEqual(['vendor']);
});

test.each([45, 46, 47])('a user at %i hand-made tags (51 or more in all at rotation): a tag-budget change, the connection withheld, rotate skips it', (n) => {
  const live = owned('vendor', { ...byHand(n), [TOOL_TAGS.keyCurrent]: 'AKIAEXAMPLE@2026-01-01T00:00:00Z' });
  const plan = planWith(live);
  const changes = plan.accounts[0]!.changes;
  const budget = changes.filter((c) => c.kind === 'tag-budget');
  expect(budget).toHaveLength(1);
  expect(budget[0]!.severity).toBe('high');
  expect(budget[0]!.reason).toMatch(new RegExp(`^user vendor-user has ${n + 3} tags in IAM; .* it would need ${n + 6}, and IAM allows 50: a rotation would fail after delivering the new key`));
  expect(budget[0]!.reason).toContain('(not in the manifest: team:0, team:1,');
  for (const c of changes) if (c !== budget[0] && c.connection === 'vendor') expect(c.action).toBe('none');
  expect(rotatingConnections(m, plan, 'prod', false)).toEqual([]);
});

test('rotate reports the withheld user as failed, with the reason, and never asks for AWS clients', async () => {
  const inv = inventory({ users: [userState('vendor-user', { tags: owned('vendor', byHand(46)) })] });
  const plan = buildPlan({ manifest: m, inventories: [inv], env: new Map(), now: NOW, prune: false });
  const done: string[] = [];
  const results = await rotateAccounts(
    { manifest: m, plan, findings: [], errors: [], failures: [], selected: ['prod'], envValues: new Map(), inventories: [inv] },
    {
      region: 'us-east-1',
      now: NOW,
      runId: 'test',
      mask: () => undefined,
      log: () => undefined,
      onUserDone: (u) => done.push(`${u.connection}:${u.status}`),
      clients: () => () => Promise.reject(new Error('no AWS client may be made for a withheld user')),
    },
  );
  expect(results).toHaveLength(1);
  expect(results[0]!.failed).toBe(true);
  expect(results[0]!.error).toBeUndefined();
  expect(results[0]!.users.map((u) => [u.user, u.status])).toEqual([['vendor-user', 'failed']]);
  expect(results[0]!.users[0]!.failures[0]).toMatch(/^not rotated: user vendor-user has 48 tags in IAM; .*IAM allows 50/);
  expect(done).toEqual(['vendor:failed']);
});

test("apply's first keys: a blocked user is reported only when it would have got its first key", () => {
  const noKey = planWith(owned('vendor', byHand(46)));
  expect([...tagBudgetBlocked(noKey, 'prod', true).keys()]).toEqual(['vendor']);
  const inv = inventory({
    users: [userState('vendor-user', { tags: owned('vendor', { ...byHand(46), ...keyRecordTags({ current: { id: 'AKIAEXAMPLE000000001', at: NOW.toISOString() } }) }), accessKeys: [key('AKIAEXAMPLE000000001', 1)] })],
  });
  const recorded = buildPlan({ manifest: m, inventories: [inv], env: new Map(), now: NOW, prune: false });
  expect([...tagBudgetBlocked(recorded, 'prod', false).keys()]).toEqual(['vendor']);
  expect([...tagBudgetBlocked(recorded, 'prod', true).keys()]).toEqual([]);
});
