import { describeDelta, normalizePolicy, policiesEqual, policyDelta, policyHash } from '../../src/plan/policy-equivalence.js';

const base = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Read',
      Effect: 'Allow',
      Action: ['iam:GetUser', 'iam:ListUsers'],
      Resource: '*',
    },
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::432263259397:root' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'abc123' }, Bool: { 'aws:SecureTransport': true } },
    },
  ],
};

describe('policiesEqual: cosmetic differences are not drift', () => {
  test.each([
    [
      'key order and statement order',
      {
        Statement: [
          {
            Condition: { Bool: { 'aws:SecureTransport': true }, StringEquals: { 'sts:ExternalId': 'abc123' } },
            Action: 'sts:AssumeRole',
            Principal: { AWS: 'arn:aws:iam::432263259397:root' },
            Effect: 'Allow',
          },
          { Resource: '*', Action: ['iam:GetUser', 'iam:ListUsers'], Effect: 'Allow', Sid: 'Read' },
        ],
        Version: '2012-10-17',
      },
    ],
    ['array order', { ...base, Statement: [{ ...base.Statement[0], Action: ['iam:ListUsers', 'iam:GetUser'] }, base.Statement[1]] }],
    ['string vs one-element array', { ...base, Statement: [{ ...base.Statement[0], Resource: ['*'] }, { ...base.Statement[1], Action: ['sts:AssumeRole'] }] }],
    ['account id vs root ARN', { ...base, Statement: [base.Statement[0], { ...base.Statement[1], Principal: { AWS: '432263259397' } }] }],
    [
      'account id vs root ARN inside an array',
      { ...base, Statement: [base.Statement[0], { ...base.Statement[1], Principal: { AWS: ['432263259397'] } }] },
    ],
    [
      'condition bool true vs "true"',
      {
        ...base,
        Statement: [
          base.Statement[0],
          { ...base.Statement[1], Condition: { StringEquals: { 'sts:ExternalId': 'abc123' }, Bool: { 'aws:SecureTransport': 'true' } } },
        ],
      },
    ],
    [
      'condition key case',
      {
        ...base,
        Statement: [
          base.Statement[0],
          { ...base.Statement[1], Condition: { StringEquals: { 'STS:externalid': 'abc123' }, Bool: { 'aws:securetransport': true } } },
        ],
      },
    ],
    ['action case', { ...base, Statement: [{ ...base.Statement[0], Action: ['IAM:getuser', 'iam:LISTUSERS'] }, base.Statement[1]] }],
    ['Sid removed', { ...base, Statement: [{ ...base.Statement[0], Sid: undefined }, base.Statement[1]] }],
    ['duplicate statements', { ...base, Statement: [base.Statement[0], base.Statement[1], base.Statement[0]] }],
    ['whitespace in the JSON text', JSON.stringify(base, null, 7)],
    ['URL-encoded JSON text, as IAM returns it', encodeURIComponent(JSON.stringify(base))],
  ])('%s', (_name, other) => {
    expect(policiesEqual(base, other)).toBe(true);
    expect(policyHash(base)).toBe(policyHash(other));
  });
});

describe('policiesEqual: meaningful differences are drift', () => {
  test.each([
    ['resource case', { ...base, Statement: [{ ...base.Statement[0], Resource: 'arn:aws:s3:::Bucket' }, base.Statement[1]] }],
    ['missing Version (IAM default 2008-10-17)', { Statement: base.Statement }],
    [
      'condition operator case',
      {
        ...base,
        Statement: [
          base.Statement[0],
          { ...base.Statement[1], Condition: { stringequals: { 'sts:ExternalId': 'abc123' }, Bool: { 'aws:SecureTransport': true } } },
        ],
      },
    ],
    ['condition value case', { ...base, Statement: [base.Statement[0], { ...base.Statement[1], Condition: { StringEquals: { 'sts:ExternalId': 'ABC123' } } }] }],
    ['an extra action', { ...base, Statement: [{ ...base.Statement[0], Action: ['iam:GetUser', 'iam:ListUsers', 'iam:ListRoles'] }, base.Statement[1]] }],
    ['Effect', { ...base, Statement: [{ ...base.Statement[0], Effect: 'Deny' }, base.Statement[1]] }],
  ])('%s', (_name, other) => {
    expect(policiesEqual(base, other)).toBe(false);
  });

  test('missing Version equals an explicit 2008-10-17', () => {
    expect(policiesEqual({ Statement: base.Statement }, { Version: '2008-10-17', Statement: base.Statement })).toBe(true);
  });
});

describe('normalizePolicy', () => {
  test('collapses duplicates, keeps sids aside and remembers action spelling', () => {
    const n = normalizePolicy({ Statement: [base.Statement[0], { ...base.Statement[0], Sid: 'Other' }] });
    expect(n.statements).toHaveLength(1);
    expect(n.sids).toEqual(['Other', 'Read']);
    expect(n.version).toBe('2008-10-17');
    expect(n.statements[0]?.action).toEqual(['iam:getuser', 'iam:listusers']);
    expect(n.spelling['iam:getuser']).toBe('iam:GetUser');
  });

  test('a lone Statement object equals a one-element array', () => {
    expect(policiesEqual({ Version: '2012-10-17', Statement: base.Statement[0] }, { Version: '2012-10-17', Statement: [base.Statement[0]] })).toBe(true);
  });
});

describe('policyDelta', () => {
  test('only Sids differ: equal, mentioned', () => {
    const d = policyDelta(base, { ...base, Statement: [{ ...base.Statement[0], Sid: 'Renamed' }, base.Statement[1]] });
    expect(d.equal).toBe(true);
    expect(d.sidsOnly).toBe(true);
    expect(describeDelta(d)).toMatch(/Sid/);
  });

  test('a narrower document does not loosen, and says so', () => {
    const d = policyDelta(base, { ...base, Statement: [{ ...base.Statement[0], Action: 'iam:GetUser' }, base.Statement[1]] });
    expect(d.loosens).toBe(false);
    expect(d.added).toHaveLength(1);
    expect(d.removed).toHaveLength(1);
    expect(describeDelta(d)).toContain('nothing is allowed that was not before');
  });
});
