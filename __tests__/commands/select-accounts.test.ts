import { selectAccounts } from '../../src/commands/select-accounts.js';

const all = ['prod', 'prod-eu', 'staging', 'dev.1'];

test('no pattern selects every account, in manifest order', () => {
  expect(selectAccounts(all, [])).toEqual({ selected: all, unmatched: [] });
});

test('names and globs select in manifest order, without duplicates', () => {
  expect(selectAccounts(all, ['staging', 'prod*', 'prod'])).toEqual({ selected: ['prod', 'prod-eu', 'staging'], unmatched: [] });
  expect(selectAccounts(all, ['dev?1']).selected).toEqual(['dev.1']);
  expect(selectAccounts(all, ['dev.?']).selected).toEqual(['dev.1']);
});

test('a pattern that matches nothing is reported, and dots are literal', () => {
  expect(selectAccounts(all, ['prdo', 'dev.']).unmatched).toEqual(['prdo', 'dev.']);
});

test('a 12-digit pattern selects the account with that ID; organisation selectors go through `select`', () => {
  const ids: Record<string, string> = { prod: '111122223333', staging: '444455556666' };
  expect(selectAccounts(all, ['444455556666'], { idOf: (n) => ids[n] })).toEqual({ selected: ['staging'], unmatched: [] });
  expect(selectAccounts(all, ['999999999999'], { idOf: (n) => ids[n] }).unmatched).toEqual(['999999999999']);
  const select = (p: string) => (p === 'ou:/workloads' ? ['prod-eu'] : p.startsWith('ou:') ? [] : undefined);
  expect(selectAccounts(all, ['ou:/workloads', 'staging'], { select })).toEqual({ selected: ['prod-eu', 'staging'], unmatched: [] });
  expect(selectAccounts(all, ['ou:/empty'], { select }).unmatched).toEqual(['ou:/empty']);
});
