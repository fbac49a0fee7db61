import type { AccountPlan, Change } from '../../src/plan/model.js';
import { keysNeedingLastUsed } from '../../src/plan/last-use.js';

function change(id: string, after: unknown): Change {
  return { id, account: 'x', resource: { type: 'access-key', name: id }, kind: 'key-retire', action: 'none', severity: 'medium', security: true, reason: '', after };
}

test('lists exactly the keys whose decision waits for last use, once each, in a stable order', () => {
  const accounts: AccountPlan[] = [
    {
      account: 'staging',
      accountId: '444455556666',
      watched: [],
      changes: [change('a', { user: 'u2', keyId: 'AKIAB', needsLastUsed: true })],
    },
    {
      account: 'prod',
      accountId: '111122223333',
      watched: [],
      changes: [
        change('b', { user: 'u1', keyId: 'AKIAZ', needsLastUsed: true }),
        change('c', { user: 'u1', keyId: 'AKIAZ', needsLastUsed: true }),
        change('d', { user: 'u1', keyId: 'AKIAY' }),
        change('e', { user: 'u0', keyId: 'AKIAX', needsLastUsed: true }),
        change('f', undefined),
      ],
    },
  ];
  expect(keysNeedingLastUsed(accounts)).toEqual([
    { account: 'prod', user: 'u0', keyId: 'AKIAX' },
    { account: 'prod', user: 'u1', keyId: 'AKIAZ' },
    { account: 'staging', user: 'u2', keyId: 'AKIAB' },
  ]);
  expect(keysNeedingLastUsed({ accounts } as never)).toHaveLength(3);
  expect(keysNeedingLastUsed([])).toEqual([]);
});
