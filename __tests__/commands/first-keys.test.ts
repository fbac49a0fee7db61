/**
 * apply's key outcomes: the executor defers every key change to the rotation path, and the result
 * reports what that path did. Only outcomes marked `deferred` are replaced, whatever their text says.
 */
import type { ApplyResult, ChangeOutcome } from '../../src/apply/executor.js';
import { withFirstKeys } from '../../src/commands/apply.js';
import type { AccountRotation } from '../../src/commands/rotate.js';
import type { UserRotationResult } from '../../src/rotate/run.js';

const key = (over: Partial<ChangeOutcome>): ChangeOutcome => ({
  id: 'prod/vendor/access-key/vendor-user/key-missing',
  account: 'prod',
  connection: 'vendor',
  resource: { type: 'access-key', name: 'vendor-user' },
  action: 'create',
  status: 'skipped',
  message: 'carried out by the rotation path under the rotate lock, after the other changes: see the key results',
  ...over,
});
const applied = (o: ChangeOutcome): ApplyResult => ({ accounts: [{ account: 'prod', accountId: '111122223333', outcomes: [o] }], roleArns: {} });
const user = (over: Partial<UserRotationResult>): UserRotationResult => ({
  account: 'prod',
  connection: 'vendor',
  user: 'vendor-user',
  status: 'changed',
  before: [],
  after: [],
  steps: [],
  delivered: ['secrets-manager integrations/vendor'],
  warnings: [],
  failures: [],
  next: [],
  ...over,
});
const keys = (u: UserRotationResult): AccountRotation[] => [{ account: 'prod', users: [u], failed: false }];
const only = (r: ApplyResult) => r.accounts[0]!.outcomes[0]!;

test('a deferred first key becomes done with where it went', () => {
  expect(only(withFirstKeys(applied(key({ deferred: 'rotation' })), keys(user({}))))).toMatchObject({
    status: 'done',
    message: 'first key created, delivered to secrets-manager integrations/vendor, verified',
  });
});

test('a deferred key the rotation failed is failed, with why', () => {
  const r = withFirstKeys(applied(key({ deferred: 'rotation' })), keys(user({ status: 'failed', failures: ['sink refused'] })));
  expect(only(r)).toMatchObject({ status: 'failed', message: 'first key: sink refused' });
});

test('a key outcome skipped for another reason stays skipped, even if its text mentions the rotation path', () => {
  const blocked = key({ message: 'not run: depends on a change that failed (the rotation path was never reached)' });
  expect(only(withFirstKeys(applied(blocked), keys(user({}))))).toEqual(blocked);
});
