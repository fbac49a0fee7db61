import type { TrustSpec } from '../../src/manifest/model.js';
import { checkManifestPolicies } from '../../src/policy/checks.js';
import { connection, manifest, policyFromText, role } from './fixtures.js';

const trustAt = { file: 'connections.yaml', line: 7, column: 7 };
const withTrust = (trust: Partial<TrustSpec>, vendor?: string) =>
  manifest([connection('vendor', { vendor, role: role('vendor-role', { trust: { awsPrincipals: [], at: trustAt, ...trust } }) })]);
const checks = (m: Parameters<typeof checkManifestPolicies>[0]) => checkManifestPolicies(m).map((f) => `${f.check}@${f.location.line}:${f.location.column}`);

test('cross-account trust without an external ID is an error on the trust entry', () => {
  const [f, ...rest] = checkManifestPolicies(withTrust({ awsAccount: '432263259397' }));
  expect(rest).toEqual([]);
  expect(f).toMatchObject({ check: 'trust/missing-external-id', severity: 'error', location: trustAt });
  expect(f?.message).toBe('role vendor-role trusts 432263259397 without an external ID');
});

test('an external ID (value, env or sts:ExternalId condition) satisfies it, and never appears in messages', () => {
  expect(checks(withTrust({ awsAccount: '432263259397', externalId: { env: 'VENDOR_ID' } }))).toEqual([]);
  expect(checks(withTrust({ awsAccount: '432263259397', conditions: { StringEquals: { 'sts:ExternalId': 'abc' } } }))).toEqual([]);
  const secretish = 'Contoso-123456';
  const all = checkManifestPolicies(withTrust({ awsPrincipals: ['*'], externalId: { value: secretish } }));
  expect(JSON.stringify(all)).not.toContain(secretish);
});

test('trusting one of our own accounts needs no external ID', () => {
  expect(checks(withTrust({ awsPrincipals: ['arn:aws:iam::111122223333:role/ci'] }))).toEqual([]);
});

test('a preset that requires an external ID says so', () => {
  const f = checkManifestPolicies(withTrust({ awsAccount: '432263259397' }, 'cloudyn')).find((x) => x.check === 'trust/missing-external-id');
  expect(f?.message).toContain('Cloudyn (Azure Cost Management) issues one');
});

test('"*" in generated trust is public', () => {
  expect(checks(withTrust({ awsPrincipals: ['*'], externalId: { env: 'X' } }))).toEqual(['trust/public-principal@7:7']);
});

describe('trust documents given by file', () => {
  const fileTrust = (text: string) =>
    withTrust({ document: policyFromText('policies/trust.json', text, { kind: 'inline', name: 'trust' }) });

  test('a foreign account without sts:ExternalId is reported at its principal', () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::432263259397:root"] },
      "Action": "sts:AssumeRole"
    }
  ]
}`;
    expect(checks(fileTrust(text))).toEqual(['trust/missing-external-id@6:64']);
    expect(checks(fileTrust(text.replace('"Action"', '"Condition": { "StringEquals": { "sts:ExternalId": "x" } },\n      "Action"')))).toEqual([]);
  });

  test('Principal "*" and {"AWS": "*"} are public', () => {
    expect(checks(fileTrust('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}]}'))).toEqual([
      'trust/public-principal@1:68',
    ]);
    expect(checks(fileTrust('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}'))).toEqual([
      'trust/public-principal@1:75',
    ]);
  });

  test('trust files get the trust grammar and size limit', () => {
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: Array.from({ length: 30 }, () => ({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })),
    });
    expect(checks(fileTrust(big))).toEqual(['limits/trust-policy-size@1:1']);
  });
});
