import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lookupAction } from '../../src/policy/action-table.js';
import { checkPolicyDocument } from '../../src/policy/checks.js';
import { statements } from '../../src/policy/statements.js';
import { AWS_BILLING_ACCOUNT, billingBucketPolicy, fillTemplate, getPreset, presetIds } from '../../src/presets/catalog.js';

const seedsDir = join(process.cwd(), '__tests__/fixtures/policy/seeds');
const seed = (prefix: string) => readFileSync(join(seedsDir, `${prefix}.txt`), 'utf8');
/** The JSON policy documents a runbook shows, in order: each `{` opening a "Version" object, to its matching `}`. */
function seedDocuments(text: string): unknown[] {
  const docs: unknown[] = [];
  for (const m of text.matchAll(/\{\s*"Version"/g)) {
    let depth = 0;
    let inString = false;
    for (let i = m.index; i < text.length; i++) {
      const ch = text[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) {
        docs.push(JSON.parse(text.slice(m.index, i + 1)));
        break;
      }
    }
  }
  return docs;
}
const actionsOf = (doc: unknown) => statements(doc).flatMap((s) => (s.action ?? []).map((v) => v.value));
const presetDoc = (id: string, i = 0) => JSON.parse(getPreset(id)?.defaultPolicies[i]?.text ?? 'null') as unknown;

test('the catalogue has the four seed presets', () => {
  expect(presetIds()).toEqual(['senhasegura', 'sekoia', 'cloudcoreo', 'cloudyn']);
  expect(getPreset('nope')).toBeUndefined();
});

test("senhasegura's document has exactly seed 000's actions, in order, and requires all of them", () => {
  const [fromSeed] = seedDocuments(seed('000_5fc38913ad77a664'));
  expect(actionsOf(presetDoc('senhasegura'))).toEqual(actionsOf(fromSeed));
  expect(getPreset('senhasegura')?.requiredActions.slice().sort()).toEqual(actionsOf(fromSeed).sort());
});

test("sekoia's required actions and shipped reader policy are seed 001's list, less the one action IAM does not have", () => {
  const [fromSeed] = seedDocuments(seed('001_a4bfa6586851912f'));
  const shipped = JSON.parse(readFileSync(join(process.cwd(), 'policies/sekoia-iam-reader.json'), 'utf8')) as unknown;
  const real = actionsOf(fromSeed).filter((a) => lookupAction(a) !== undefined);
  expect(actionsOf(fromSeed).filter((a) => !real.includes(a))).toEqual(['iam:ListGroupTags']);
  expect(actionsOf(shipped)).toEqual(real);
  expect(getPreset('sekoia')?.requiredActions).toEqual(real);
  expect(getPreset('sekoia')?.defaultManagedPolicies).toEqual(['IAMReadOnlyAccess']);
});

test("cloudcoreo's bootstrap policy is seeds 002 and 003's, and its known risk is seed 003's role policy", () => {
  const [from002] = seedDocuments(seed('002_ae2c59a99fd85235'));
  const [from003, rolePolicy] = seedDocuments(seed('003_e052912c0c0ec39c'));
  expect(actionsOf(from002)).toEqual(actionsOf(from003));
  expect(actionsOf(presetDoc('cloudcoreo'))).toEqual(actionsOf(from002));
  expect(getPreset('cloudcoreo')?.requiredActions).toEqual(actionsOf(from002));
  expect(getPreset('cloudcoreo')?.knownRisks[0]?.document).toEqual(rolePolicy);
  expect(getPreset('cloudcoreo')).toMatchObject({ temporaryExpected: true, watch: { roles: ['CloudCoreoAssumedRole'] } });
});

test("cloudyn is seed 004's role: vendor account, external ID, ReadOnlyAccess, billing bucket", () => {
  const text = seed('004_914405b0e2a5a415');
  const p = getPreset('cloudyn');
  expect(p).toMatchObject({ principal: 'role', trust: { awsAccount: '432263259397', externalIdRequired: true }, defaultManagedPolicies: ['ReadOnlyAccess'] });
  expect(text).toContain('`432263259397`');
  const [fromSeed] = seedDocuments(text);
  const filled = billingBucketPolicy(p!, 'acme-billing', 'arn:aws:iam::111122223333:role/cloudyn');
  const seedFilled = JSON.parse(
    JSON.stringify(fromSeed).replaceAll('<BillingBucketName>', 'acme-billing').replaceAll('<ReadOnlyUserOrRole>', 'arn:aws:iam::111122223333:role/cloudyn'),
  ) as unknown;
  expect(filled).toEqual(seedFilled);
  expect(JSON.stringify(filled)).toContain(`arn:aws:iam::${AWS_BILLING_ACCOUNT}:root`);
});

test('every shipped document passes the grammar and action checks (bucket template as a bucket policy)', () => {
  for (const id of presetIds()) {
    for (const d of getPreset(id)?.defaultPolicies ?? []) {
      const policy = { kind: 'managed' as const, name: d.name, document: JSON.parse(d.text) as unknown, source: { file: d.file, text: d.text }, at: { file: 'm', line: 1, column: 1 } };
      expect([d.file, checkPolicyDocument(policy, 'identity').filter((f) => f.severity === 'error')]).toEqual([d.file, []]);
    }
  }
  const bucket = getPreset('cloudyn')!.billingBucketPolicy!;
  const doc = billingBucketPolicy(getPreset('cloudyn')!, 'acme-billing', 'arn:aws:iam::111122223333:role/cloudyn');
  expect(checkPolicyDocument({ kind: 'managed', name: 'b', document: doc, source: { file: bucket.file, text: bucket.text }, at: { file: 'm', line: 1, column: 1 } }, 'bucket')).toEqual([]);
});

test('every required action exists in the action table', () => {
  for (const id of presetIds()) for (const a of getPreset(id)?.requiredActions ?? []) expect([a, lookupAction(a)?.name]).toEqual([a, a]);
});

test('templates escape values and refuse missing placeholders', () => {
  expect(fillTemplate('{"a":"${X}"}', { X: 'q"uote' })).toBe('{"a":"q\\"uote"}');
  expect(() => fillTemplate('${Y}', {})).toThrow('template placeholder ${Y} has no value');
});
