import { closest, expandPattern, isKnownService, lookupAction, suggestAction, suggestService } from '../../src/policy/action-table.js';

test('actions are found case-insensitively, with AWS casing and access level', () => {
  expect(lookupAction('IAM:passrole')).toEqual({ name: 'iam:PassRole', level: 'Write' });
  expect(lookupAction('iam:AttachUserPolicy')?.level).toBe('Permissions management');
  expect(lookupAction('iam:TagUser')?.level).toBe('Tagging');
  expect(lookupAction('iam:ListUsers')?.level).toBe('List');
  expect(lookupAction('iam:ListUser')).toBeUndefined();
  expect(lookupAction('nocolon')).toBeUndefined();
});

test('services are known by prefix', () => {
  expect(isKnownService('s3')).toBe(true);
  expect(isKnownService('opsworks')).toBe(true);
  expect(isKnownService('iamm')).toBe(false);
  expect(isKnownService('constructor')).toBe(false);
});

test('wildcards expand within their service', () => {
  const created = expandPattern('iam:Create*').map((a) => a.name);
  expect(created).toContain('iam:CreateAccessKey');
  expect(created).not.toContain('iam:DeleteUser');
  expect(expandPattern('iam:Lst*')).toEqual([]);
  expect(expandPattern('iam:?etUser').map((a) => a.name)).toEqual(['iam:GetUser']);
  expect(expandPattern('nosuch:*')).toEqual([]);
});

test('did-you-mean stays within the service and only suggests near misses', () => {
  expect(suggestAction('iam:ListUser')).toBe('iam:ListUsers');
  expect(suggestAction('iam:GetAcountSummary')).toBe('iam:GetAccountSummary');
  expect(suggestAction('iam:Frobnicate')).toBeUndefined();
  expect(suggestService('iamm')).toBe('iam');
  expect(closest('xyz', ['abcdefgh'])).toEqual([]);
});
