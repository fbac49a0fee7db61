/**
 * Unknown is not clean, in every renderer: a plan with an account not read leads with "N of M
 * accounts not read" and never uses the words of a clean plan, whatever the accounts read show.
 */
import type { Change } from '../../src/plan/model.js';
import { driftState, withNotRead } from '../../src/plan/summary.js';
import { renderPlanComment } from '../../src/report/comment.js';
import { renderPlanMarkdown } from '../../src/report/plan-markdown.js';
import { renderPlanText } from '../../src/report/plan-text.js';
import { planOf } from './plans.js';

const CLEAN_WORDS = /no drift|match(es)? the manifest|drift: no|white_check_mark/i;
const opts = { target: 'connections.yaml', headSha: 'ffac537e6cbbf934b08745a378932722df287a53', generatedAt: '2026-06-01T00:00:05.000Z' };
const missing: Change = {
  id: 'prod/x/user/x-user/missing',
  account: 'prod',
  connection: 'x',
  resource: { type: 'user', name: 'x-user' },
  kind: 'missing',
  action: 'create',
  severity: 'medium',
  security: false,
  reason: 'declared and absent',
};

function renders(plan: ReturnType<typeof planOf>): Record<string, string> {
  return { text: renderPlanText(plan), markdown: renderPlanMarkdown(plan, 'iam-connections plan'), comment: renderPlanComment(plan, undefined, opts) };
}

const cases = {
  'clean where read': planOf([{ account: 'prod', changes: [] }]),
  'drift where read': planOf([{ account: 'prod', changes: [missing] }]),
  'nothing read': planOf([]),
};

describe.each(Object.entries(cases))('%s, staging not read', (_name, base) => {
  const plan = withNotRead(base, [{ account: 'staging', reason: 'AccessDenied: not authorized to assume arn:aws:iam::444455556666:role/iam-connections' }]);
  const total = base.accounts.length + 1;

  test('drift is unknown; changes count only the accounts read', () => {
    expect(driftState(plan)).toBe('unknown');
    expect(plan.summary.changes).toBe(base.summary.changes);
  });

  test.each(['text', 'markdown', 'comment'])('%s: the headline leads, with why; no clean words', (kind) => {
    const out = renders(plan)[kind]!;
    expect(out).not.toMatch(CLEAN_WORDS);
    const body = out.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('<!--'));
    expect(body[0]).toMatch(new RegExp(`1 of ${total} accounts? not read`, 'i'));
    expect(out.replace(/\*\*/g, '')).toContain('staging: AccessDenied: not authorized to assume');
  });
});

test('an account read but not completely (last use failed) counts once, and the reasons join', () => {
  const plan = withNotRead(cases['clean where read'], [
    { account: 'prod', reason: 'could not read when access keys were last used: Throttling' },
    { account: 'prod', reason: 'second reason' },
  ]);
  expect(plan.notRead).toEqual([{ account: 'prod', reason: 'could not read when access keys were last used: Throttling; second reason' }]);
  expect(renderPlanText(plan).split('\n')[0]).toBe('1 OF 1 ACCOUNT NOT READ: their drift is unknown.');
  expect(driftState(plan)).toBe('unknown');
});

test('without failures the plan has no notRead field and a clean plan still says so', () => {
  const plan = withNotRead(cases['clean where read'], []);
  expect('notRead' in plan).toBe(false);
  expect(driftState(plan)).toBe('false');
  expect(renderPlanText(plan)).toMatch(/drift: no/);
  expect(renderPlanMarkdown(plan, 't')).toContain('No drift');
});

test('the comment marker records no drift answer while an account was not read', () => {
  const body = renderPlanComment(withNotRead(cases['drift where read'], [{ account: 'staging', reason: 'denied' }]), undefined, opts);
  expect(body.split('\n')[0]).not.toContain('"drift"');
});
