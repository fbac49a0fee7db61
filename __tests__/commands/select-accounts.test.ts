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
