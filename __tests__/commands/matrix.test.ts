import { accountMatrix } from '../../src/commands/matrix.js';

const accounts = Array.from({ length: 7 }, (_, i) => `acct${i + 1}`);

test('one shard per account by default', () => {
  expect(accountMatrix(['prod', 'staging'])).toEqual({ include: [{ shard: 1, accounts: 'prod' }, { shard: 2, accounts: 'staging' }] });
});

test('N balanced, contiguous shards in manifest order that cover every account once', () => {
  const m = accountMatrix(accounts, 3);
  expect(m.include.map((s) => s.accounts)).toEqual(['acct1,acct2,acct3', 'acct4,acct5', 'acct6,acct7']);
  expect(m.include.flatMap((s) => s.accounts.split(','))).toEqual(accounts);
});

test('never more shards than accounts, and no empty shard', () => {
  expect(accountMatrix(['a', 'b'], 5).include).toEqual([{ shard: 1, accounts: 'a' }, { shard: 2, accounts: 'b' }]);
  expect(accountMatrix([], 3).include).toEqual([]);
});
