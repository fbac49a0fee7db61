import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWNER_TAG } from '../../src/manifest/model.js';
import { reservedTags, TOOL_TAGS } from '../../src/manifest/tool-tags.js';
import { POLICY_HASH_TAG } from '../../src/plan/desired.js';
import { KEY_CURRENT_TAG, KEY_PREVIOUS_TAG } from '../../src/plan/keys.js';
import { ROTATE_LOCK_TAG } from '../../src/rotate/lock.js';
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

describe('the tag budget reserves every tag the tool writes', () => {
  const tags = (n: number, prefix = 't') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 'v']));
  const rules = { rotateAfter: 1, overlap: 1, deleteAfter: 1, requireUnusedFor: 1, force: false };
  const withKey = (n: number) => manifest([connection('c', { user: user('u', { tags: tags(n), accessKey: { rules, deliver: [], at: { file: 'connections.yaml', line: 9, column: 9 } } }) })]);

  test('a user with an access key: 45 declared tags fit, 46 do not (lock, key record and pending key)', () => {
    expect(checks(withKey(45))).toEqual([]);
    const [f] = checkManifestPolicies(withKey(46));
    expect(f?.check).toBe('limits/tag-count');
    expect(f?.message).toBe(
      'user u would carry 51 tags: 46 declared (defaults, connection and user tags) and 5 that iam-connections writes (iam-connections:connection, iam-connections:rotate-lock, iam-connections:key-current, iam-connections:key-previous, iam-connections:key-pending); IAM allows 50',
    );
    expect(f?.fix).toMatch(/^Remove at least 1 declared tag\(s\)/);
  });

  test.each([48, 49, 50])('a user at %i declared tags fails at validate', (n) => {
    expect(checks(withKey(n))).toEqual(['limits/tag-count']);
  });

  test('a user without an access key carries only the ownership tag', () => {
    expect(checks(manifest([connection('c', { user: user('u', { tags: tags(49) }) })]))).toEqual([]);
  });

  test('a role whose customer-managed policies carry its tags and the policy hash', () => {
    const trust = { awsPrincipals: [], awsAccount: '111122223333', at: { file: 'connections.yaml', line: 7, column: 7 } };
    const r = (n: number, policies: ReturnType<typeof policyDoc>[]) => manifest([connection('c', { role: role('r', { trust, tags: tags(n), policies }) })]);
    expect(checks(r(49, []))).toEqual([]);
    expect(checks(r(48, [policyDoc('p', sized(200))]))).toEqual([]);
    expect(checks(r(49, [policyDoc('p', sized(200))]))).toEqual(['limits/tag-count']);
  });

  test('reserved tags are the writers\' keys, and every tool tag key in the code comes from one list', () => {
    expect(reservedTags('user', { accessKey: true }).sort()).toEqual([OWNER_TAG, ROTATE_LOCK_TAG, KEY_CURRENT_TAG, KEY_PREVIOUS_TAG, TOOL_TAGS.keyPending].sort());
    expect(reservedTags('policy')).toContain(POLICY_HASH_TAG);
    // A new writer with its own literal tag key would escape the budget: there must be none.
    const known = new Set<string>(Object.values(TOOL_TAGS));
    const strays: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('tool-tags.ts')) {
          for (const m of readFileSync(p, 'utf8').matchAll(/['"`](iam-connections:[a-z][a-z-]*)/g)) if (!known.has(m[1]!)) strays.push(`${p}: ${m[1]}`);
        }
      }
    };
    walk('src');
    expect(strays).toEqual([]);
  });
});
