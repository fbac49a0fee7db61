import { checkPolicyDocument } from '../../src/policy/checks.js';
import { isConditionOperator } from '../../src/policy/grammar.js';
import { policyFromText } from './fixtures.js';

const check = (text: string, kind: 'identity' | 'trust' | 'bucket' = 'identity') =>
  checkPolicyDocument(policyFromText('p.json', text), kind).map((f) => `${f.check}@${f.location.line}:${f.location.column}`);

test('a single statement object is accepted', () => {
  expect(check('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}}')).toEqual([]);
});

test('documents that are not objects, or have no usable Statement', () => {
  expect(check('[]')).toEqual(['policy/document-shape@1:1']);
  expect(check('{"Version":"2012-10-17"}')).toEqual(['policy/document-shape@1:1']);
  expect(check('{"Version":"2012-10-17",\n"Statement":"x"}')).toEqual(['policy/document-shape@2:13']);
  expect(check('{"Version":"2012-10-17",\n"Statement":[]}')).toEqual(['policy/document-shape@2:13']);
});

test('unknown top-level keys, Action and NotAction together, wrong value types', () => {
  const text = `{
  "Version": "2012-10-17",
  "Statment": [],
  "Statement": [
    { "Effect": "Allow", "Action": "iam:ListUsers", "NotAction": "iam:GetUser", "Resource": 5 }
  ]
}`;
  expect(check(text)).toEqual(['policy/unknown-key@3:3', 'policy/action-element@5:53', 'policy/invalid-value@5:93']);
});

test('a statement without Action or Effect', () => {
  expect(check('{"Version":"2012-10-17","Statement":[{"Resource":"*"}]}')).toEqual(['policy/action-element@1:38', 'policy/effect@1:38']);
});

test('trust policies need Principal and must not have Resource', () => {
  const ok = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::432263259397:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"x"}}}]}';
  expect(check(ok, 'trust')).toEqual([]);
  expect(check('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}', 'trust')).toEqual([
    'policy/principal-missing@1:38',
    'policy/resource-element@1:82',
  ]);
  expect(check('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"User":"x"},"Action":"sts:AssumeRole"}]}', 'trust')).toEqual([
    'policy/invalid-principal@1:69',
  ]);
});

test('bucket policies allow Sids with other characters, identity policies do not', () => {
  const text = '{"Version":"2012-10-17","Statement":[{"Sid":"read-reports","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}';
  expect(check(text, 'bucket')).toEqual([]);
  expect(check(text, 'identity')).toEqual(['policy/invalid-sid@1:45', 'policy/principal-not-allowed@1:77']);
});

test('condition operators: suffixes, set prefixes, Null, and case', () => {
  for (const op of ['StringEquals', 'StringLikeIfExists', 'ForAllValues:StringEquals', 'ForAnyValue:ArnLike', 'Null', 'DateGreaterThan', 'NumericLessThanEquals', 'Bool', 'IpAddress', 'stringequals']) {
    expect([op, isConditionOperator(op)]).toEqual([op, true]);
  }
  for (const op of ['StringEqual', 'NullIfExists', 'ForAllValues:', 'ForEach:StringEquals', 'IfExists']) {
    expect([op, isConditionOperator(op)]).toEqual([op, false]);
  }
});

test('the shipped preset documents are grammatical', () => {
  // (the bucket template is checked in __tests__/presets)
  expect(check('{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:iam::*:role/x"}]}')).toEqual([]);
});
