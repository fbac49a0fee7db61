/**
 * Door detection and ranking, rule by rule, with the inputs most likely to slip through: a party
 * admitted twice (once without an external ID), GitHub's OIDC host in every spelling, principals
 * of the manifest's own accounts, an unknown console-password state, Deny statements.
 */
import { parseCredentialReport } from '../../src/aws/credential-report.js';
import { findDoors, type DiscoverContext } from '../../src/discover/doors.js';
import { outsideParties } from '../../src/discover/trust.js';
import { AWS_BILLING_ACCOUNT, getPreset } from '../../src/presets/catalog.js';
import { buildPlan } from '../../src/plan/diff.js';
import { knownAccount } from '../../src/vendors/catalogue.js';
import { ACCOUNT_ID, NOW, daysBefore, doc, inventory, key, managedArn, manifest, policyState, roleState, userState } from '../plan/fixtures.js';

const OTHER_MANIFEST_ACCOUNT = '444455556666';
const DATADOG = '464622532012';
const STRANGER = '999988887777';

function ctx(over: Partial<DiscoverContext> = {}): DiscoverContext {
  return {
    manifestAccountIds: new Set([ACCOUNT_ID, OTHER_MANIFEST_ACCOUNT]),
    knownAccounts: {},
    declared: { roles: new Map(), users: new Map(), policies: new Map(), buckets: new Map() },
    now: NOW,
    ...over,
  };
}

const allow = (Principal: unknown, externalId?: string) => ({
  Effect: 'Allow',
  Principal,
  Action: 'sts:AssumeRole',
  ...(externalId ? { Condition: { StringEquals: { 'sts:ExternalId': externalId } } } : {}),
});

describe('roles', () => {
  test('a party admitted once with and once without an external ID is admitted without one', () => {
    const trust = doc(allow({ AWS: `arn:aws:iam::${STRANGER}:root` }, 'abc-123'), allow({ AWS: STRANGER }));
    const [d] = findDoors(inventory({ roles: [roleState('r', trust)] }), ctx());
    expect(d).toMatchObject({ rank: 'critical', externalId: false });
  });

  test('every external ID required, on every statement: not critical', () => {
    const trust = doc(allow({ AWS: STRANGER }, 'abc-123'));
    const [d] = findDoors(inventory({ roles: [roleState('r', trust)] }), ctx());
    expect(d).toMatchObject({ rank: 'low', externalId: true });
  });

  test.each([
    ['GitHub OIDC by provider ARN', { Federated: `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/token.actions.githubusercontent.com` }],
    ['GitHub OIDC host in capitals', { Federated: `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/TOKEN.ACTIONS.GITHUBUSERCONTENT.COM` }],
    ['an AWS service', { Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com'] }],
    ['the account itself', { AWS: `arn:aws:iam::${ACCOUNT_ID}:role/admin` }],
    ['another account of the manifest', { AWS: OTHER_MANIFEST_ACCOUNT }],
  ])('not a door: %s', (_what, principal) => {
    expect(findDoors(inventory({ roles: [roleState('r', doc(allow(principal)))] }), ctx())).toEqual([]);
  });

  test('a Deny naming a stranger is no door; an Allow to anyone is critical', () => {
    const deny = { Effect: 'Deny', Principal: { AWS: STRANGER }, Action: 'sts:AssumeRole' };
    expect(findDoors(inventory({ roles: [roleState('r', doc(deny))] }), ctx())).toEqual([]);
    const [open] = findDoors(inventory({ roles: [roleState('r', doc(allow('*')))] }), ctx());
    expect(open).toMatchObject({ rank: 'critical', parties: [{ kind: 'anyone' }] });
  });

  test('another OIDC or a SAML provider is a door; admin makes it high', () => {
    const trust = doc(allow({ Federated: 'accounts.google.com' }), allow({ Federated: `arn:aws:iam::${ACCOUNT_ID}:saml-provider/Okta` }));
    const [d] = findDoors(inventory({ roles: [roleState('r', trust, { attached: [{ name: 'AdministratorAccess', arn: managedArn('AdministratorAccess') }] })] }), ctx());
    expect(d?.parties.map((p) => p.kind).sort()).toEqual(['oidc', 'saml']);
    expect(d).toMatchObject({ rank: 'high', can: { admin: true } });
  });

  test('known vendor without external ID is high; the manifest names an account the catalogue lacks', () => {
    const inv = inventory({ roles: [roleState('dd', doc(allow({ AWS: DATADOG }))), roleState('acme', doc(allow({ AWS: STRANGER })))] });
    const doors = findDoors(inv, ctx({ knownAccounts: { [STRANGER]: 'Acme SIEM' } }));
    expect(doors.map((d) => [d.name, d.rank, d.vendors])).toEqual([
      ['acme', 'high', ['Acme SIEM']],
      ['dd', 'high', ['Datadog']],
    ]);
  });

  test('IAM write through an inline policy is high; unused for 90 days is medium, 89 is not', () => {
    const passRole = doc({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' });
    const trust = doc(allow({ AWS: DATADOG }, 'x-1'));
    const inv = inventory({
      roles: [
        roleState('writer', trust, { inline: [{ name: 'p', document: passRole }] }),
        roleState('idle', trust, { created: daysBefore(400), lastUsed: { date: daysBefore(90), region: 'eu-west-1' } }),
        roleState('busy', trust, { created: daysBefore(400), lastUsed: { date: daysBefore(89) } }),
      ],
    });
    const ranks = Object.fromEntries(findDoors(inv, ctx()).map((d) => [d.name, d.rank]));
    expect(ranks).toEqual({ writer: 'high', idle: 'medium', busy: 'low' });
  });

  test('declared in the manifest: managed, with the rank it would have', () => {
    const inv = inventory({ roles: [roleState('costs', doc(allow({ AWS: STRANGER })))] });
    const [d] = findDoors(inv, ctx({ declared: { roles: new Map([['costs', 'costs']]), users: new Map(), policies: new Map(), buckets: new Map() } }));
    expect(d).toMatchObject({ rank: 'managed', risk: 'critical', connection: 'costs' });
  });
});

describe('users', () => {
  test('active key and no console password: a door; a password, no key, an inactive key or an unknown password state: not', () => {
    const users = [
      userState('bot', { accessKeys: [key('AKIAEXAMPLEBOT000001', 10)] }),
      userState('alice', { hasLoginProfile: true, accessKeys: [key('AKIAEXAMPLEALICE0001', 10)] }),
      userState('nokeys'),
      userState('retired', { accessKeys: [key('AKIAEXAMPLERETIRED01', 10, { status: 'Inactive' })] }),
      userState('unknown', { hasLoginProfile: undefined as unknown as boolean, accessKeys: [key('AKIAEXAMPLEUNKNOWN01', 10)] }),
    ];
    const doors = findDoors(inventory({ users }), ctx());
    expect(doors.map((d) => d.name)).toEqual(['bot']);
    expect(doors[0]?.keys).toEqual([{ id: 'AKIA…0001', created: daysBefore(10), ageDays: 10, lastUsed: null }]);
  });

  test("the credential report's key slots give age and last use (service, region); admin is high", () => {
    const csv = [
      'user,arn,user_creation_time,password_enabled,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service',
      `siem,arn:aws:iam::${ACCOUNT_ID}:user/siem,2025-01-01T00:00:00+00:00,false,false,true,2025-01-01T00:00:00+00:00,2026-05-30T12:00:00+00:00,eu-west-1,s3,false,N/A,N/A,N/A,N/A`,
    ].join('\n');
    const [row] = parseCredentialReport(csv);
    expect(row?.keys).toEqual([{ slot: 1, active: true, lastRotated: '2025-01-01T00:00:00.000Z', lastUsed: { date: '2026-05-30T12:00:00.000Z', region: 'eu-west-1', service: 's3' } }]);
    const u = userState('siem', { accessKeys: undefined, reportedKeys: row?.keys ?? [], attached: [{ name: 'AdministratorAccess', arn: managedArn('AdministratorAccess') }] });
    const [d] = findDoors(inventory({ users: [u] }), ctx());
    expect(d).toMatchObject({ rank: 'high', lastUsed: { date: '2026-05-30T12:00:00.000Z', service: 's3', region: 'eu-west-1' } });
    expect(d?.reasons.join(' ')).toMatch(/a key is 516 days old/);
  });
});

describe('policies and billing buckets', () => {
  test('a customer-managed policy naming another account is a door; naming its own is not', () => {
    const out = doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${STRANGER}:role/x` });
    const own = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::b/${ACCOUNT_ID}/*` });
    const doors = findDoors(inventory({ policies: [policyState('out', out), policyState('own', own)] }), ctx());
    expect(doors.map((d) => [d.name, d.rank])).toEqual([['out', 'medium']]);
  });

  test("a declared billing bucket's policy letting AWS Billing in: managed, named", () => {
    const policy = doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${AWS_BILLING_ACCOUNT}:root` }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::bills/*' });
    const [d] = findDoors(
      inventory({ buckets: [{ name: 'bills', exists: true, policy }] }),
      ctx({ declared: { roles: new Map(), users: new Map(), policies: new Map(), buckets: new Map([['bills', 'cloudyn']]) } }),
    );
    expect(d).toMatchObject({ type: 'bucket-policy', rank: 'managed', risk: 'low', vendors: ['Billing'] });
  });
});

test('the catalogue names the seed presets\' accounts', () => {
  expect(knownAccount(getPreset('cloudyn')!.trust!.awsAccount)).toEqual({ name: 'Azure Billing Management', source: 'catalogue', aws: false });
  expect(knownAccount(AWS_BILLING_ACCOUNT)).toMatchObject({ name: 'Billing', aws: true });
  expect(knownAccount(DATADOG, { [DATADOG]: 'Our Datadog' })).toEqual({ name: 'Our Datadog', source: 'manifest', aws: false });
  expect(outsideParties('not json {', { ownAccounts: new Set(), knownAccounts: {} })).toEqual([]);
});

test('plan: undeclared doors are report-only drift, and defaults.discover: false turns them off', () => {
  const inv = inventory({ roles: [roleState('hand-made', doc(allow({ AWS: STRANGER })))] });
  const m = manifest([]);
  const on = buildPlan({ manifest: m, inventories: [inv], env: new Map(), now: NOW, prune: false });
  expect(on.accounts[0]?.changes).toEqual([
    expect.objectContaining({ kind: 'undeclared', action: 'none', severity: 'critical', security: true, resource: expect.objectContaining({ type: 'role', name: 'hand-made' }) }),
  ]);
  const off = buildPlan({ manifest: { ...m, defaults: { ...m.defaults, discover: false } }, inventories: [inv], env: new Map(), now: NOW, prune: false });
  expect(off.accounts[0]?.changes).toEqual([]);
});
