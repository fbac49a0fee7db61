import { OWNER_TAG } from '../../src/manifest/model.js';
import { checkManifestPolicies } from '../../src/policy/checks.js';
import { policySize } from '../../src/policy/limits.js';
import { connection, manifest, oneUser, policyDoc, role, user } from './fixtures.js';

/** A document whose minified size is exactly `size` characters. */
function sized(size: number) {
  const base = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/' }] };
  const pad = size - policySize(base);
  base.Statement[0]!.Resource += 'x'.repeat(pad);
  expect(policySize(base)).toBe(size);
  return base;
}
const checks = (m: Parameters<typeof checkManifestPolicies>[0]) => checkManifestPolicies(m).map((f) => f.check);

test('size is counted without whitespace', () => {
  expect(policySize({ a: [1, 2] })).toBe(JSON.stringify({ a: [1, 2] }).length);
  expect(checks(oneUser([policyDoc('ok', sized(6144))]))).toEqual([]);
  expect(checks(oneUser([policyDoc('big', sized(6145))]))).toEqual(['limits/managed-policy-size']);
});

test('inline policies: 2,048 in total for a user, 10,240 for a role', () => {
  const inline = (n: number, size: number) => Array.from({ length: n }, (_, i) => policyDoc(`i${i}`, sized(size), { kind: 'inline' }));
  expect(checks(manifest([connection('c', { user: user('u', { inlinePolicies: inline(2, 1024) }) })]))).toEqual([]);
  expect(checks(manifest([connection('c', { user: user('u', { inlinePolicies: inline(2, 1025) }) })]))).toEqual(['limits/inline-policy-size']);
  const trusted = { awsPrincipals: [], awsAccount: '111122223333', at: { file: 'connections.yaml', line: 7, column: 7 } };
  expect(checks(manifest([connection('c', { role: role('r', { trust: trusted, inlinePolicies: inline(2, 2049) }) })]))).toEqual([]);
  expect(checks(manifest([connection('c', { role: role('r', { trust: trusted, inlinePolicies: inline(5, 2049) }) })]))).toEqual(['limits/inline-policy-size']);
});

test('at most 10 managed policies, counting policies and managedPolicies', () => {
  const policies = Array.from({ length: 4 }, (_, i) => policyDoc(`p${i}`, sized(200)));
  const six = Array.from({ length: 6 }, (_, i) => `arn:aws:iam::111122223333:policy/x${i}`);
  expect(checks(oneUser(policies, {}, { managedPolicies: six }))).toEqual([]);
  expect(checks(oneUser(policies, {}, { managedPolicies: [...six, 'arn:aws:iam::111122223333:policy/x7'] }))).toEqual(['limits/managed-policy-count']);
});

test('50 tags per principal, including the ownership tag', () => {
  const tags = (n: number, prefix: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 'v']));
  const m = (n: number) => manifest([connection('c', { tags: tags(20, 'c'), user: user('u', { tags: { ...tags(n, 'u'), [OWNER_TAG]: 'c' } }) })], {
    defaults: { path: '/', tags: tags(10, 'd'), keys: { rotateAfter: 1, overlap: 1, deleteAfter: 1, requireUnusedFor: 1, force: false } },
  });
  expect(checks(m(19))).toEqual([]);
  const [f] = checkManifestPolicies(m(20));
  expect(f?.check).toBe('limits/tag-count');
  expect(f?.message).toContain('51 tags');
});
