import { loadSnapshot, SnapshotError } from '../../src/aws/snapshot.js';
import { OWNER_TAG } from '../../src/manifest/model.js';

const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:Get*', Resource: 'arn:aws:iam::111122223333:user/a+b' }] };

/** As `aws iam get-account-authorization-details` prints it: documents decoded to objects. */
const cliOutput = {
  UserDetailList: [
    {
      Path: '/connections/',
      UserName: 'sekoia-iam-reader',
      UserId: 'AIDAEXAMPLE2',
      Arn: 'arn:aws:iam::111122223333:user/connections/sekoia-iam-reader',
      CreateDate: '2024-03-01T10:00:00+00:00',
      GroupList: ['readers', 'auditors'],
      AttachedManagedPolicies: [{ PolicyName: 'IAMReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }],
      UserPolicyList: [{ PolicyName: 'extra', PolicyDocument: doc }],
      Tags: [{ Key: OWNER_TAG, Value: 'sekoia' }],
    },
    { Path: '/', UserName: 'alice', UserId: 'AIDAEXAMPLE1', Arn: 'arn:aws:iam::111122223333:user/alice', CreateDate: '2020-01-01T00:00:00Z' },
  ],
  RoleDetailList: [
    {
      Path: '/',
      RoleName: 'cloudyn',
      RoleId: 'AROAEXAMPLE',
      Arn: 'arn:aws:iam::111122223333:role/cloudyn',
      CreateDate: '2024-03-01T10:00:00Z',
      AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(doc)),
      RolePolicyList: [],
      AttachedManagedPolicies: [],
      InstanceProfileList: [],
      Tags: [],
    },
  ],
  Policies: [
    {
      PolicyName: 'senhasegura',
      PolicyId: 'ANPAEXAMPLE',
      Arn: 'arn:aws:iam::111122223333:policy/connections/senhasegura',
      Path: '/connections/',
      DefaultVersionId: 'v2',
      AttachmentCount: 1,
      PolicyVersionList: [
        { Document: { Version: '2012-10-17', Statement: [] }, VersionId: 'v1', IsDefaultVersion: false },
        { Document: JSON.stringify(doc), VersionId: 'v2', IsDefaultVersion: true },
      ],
    },
  ],
  GroupDetailList: [],
  AccessKeys: { 'sekoia-iam-reader': [{ AccessKeyId: 'AKIAEXAMPLEKEY00WXYZ', Status: 'Active', CreateDate: '2024-03-01T10:00:05Z' }] },
  LoginProfiles: ['alice'],
};

test('loads the AWS CLI output with its extensions into the inventory', () => {
  const inv = loadSnapshot(JSON.stringify(cliOutput), { account: 'prod', readAt: '2025-01-01T00:00:00.000Z' });
  expect(inv.accountId).toBe('111122223333');
  expect(inv.users.map((u) => u.name)).toEqual(['alice', 'sekoia-iam-reader']);
  const sekoia = inv.users[1];
  expect(sekoia).toMatchObject({
    path: '/connections/',
    created: '2024-03-01T10:00:00.000Z',
    groups: ['auditors', 'readers'],
    tags: { [OWNER_TAG]: 'sekoia' },
    inline: [{ name: 'extra', document: doc }],
    accessKeys: [{ id: 'AKIAEXAMPLEKEY00WXYZ', status: 'Active', created: '2024-03-01T10:00:05.000Z' }],
    hasLoginProfile: false,
  });
  expect(inv.users[0]?.accessKeys).toBeUndefined();
  expect(inv.users[0]?.hasLoginProfile).toBe(true);
  expect(inv.roles[0]?.trust).toEqual(doc);
  expect(inv.policies[0]).toMatchObject({ name: 'senhasegura', defaultVersionId: 'v2', versionIds: ['v1', 'v2'], document: doc });
  expect(inv.buckets).toEqual([]);
});

test('the account id comes from the options, the AccountId extension, or the ARNs', () => {
  expect(loadSnapshot(cliOutput, { account: 'prod', accountId: '999988887777' }).accountId).toBe('999988887777');
  expect(loadSnapshot({ ...cliOutput, AccountId: '444455556666' }, { account: 'prod' }).accountId).toBe('444455556666');
  expect(() => loadSnapshot({ UserDetailList: [] }, { account: 'prod', file: 'state.json' })).toThrow(/add "AccountId"/);
});

test('rejects what is not a snapshot, saying where and how to make one', () => {
  expect(() => loadSnapshot('{nope', { account: 'p', file: 'state.json' })).toThrow(/^state\.json is not a usable inventory snapshot: it is not JSON/);
  expect(() => loadSnapshot({ Users: [] }, { account: 'p', file: 'state.json' })).toThrow(/none of UserDetailList, RoleDetailList, Policies.*aws iam get-account-authorization-details/);
  expect(() => loadSnapshot({ ...cliOutput, AccessKeys: { x: [{ AccessKeyId: 'A', Status: 'On', CreateDate: 'x' }] } }, { account: 'p' })).toThrow(
    /at AccessKeys\.x\.0\.Status/,
  );
  expect(() => loadSnapshot({ UserDetailList: [{ Arn: 'arn:aws:iam::111122223333:user/x' }] }, { account: 'p', file: 's.json' })).toThrow(
    SnapshotError,
  );
  expect(() => loadSnapshot({ UserDetailList: [{ Arn: 'arn:aws:iam::111122223333:user/x' }] }, { account: 'p', file: 's.json' })).toThrow(
    /UserDetailList\[0\]: has no UserName/,
  );
});

test('policy tags count as read only when listed; the description and every version are kept', () => {
  const two = {
    Policies: [
      {
        PolicyName: 'marked',
        Arn: 'arn:aws:iam::111122223333:policy/marked',
        DefaultVersionId: 'v2',
        Description: 'Reads [iam-connections:connection=sekoia]',
        PolicyVersionList: [
          { VersionId: 'v1', IsDefaultVersion: false, Document: { Version: '2012-10-17', Statement: [] } },
          { VersionId: 'v2', IsDefaultVersion: true, Document: doc },
        ],
      },
      { PolicyName: 'tagged', Arn: 'arn:aws:iam::111122223333:policy/tagged', DefaultVersionId: 'v1', Tags: [], PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: doc }] },
    ],
    RoleDetailList: [
      { RoleName: 'r', Arn: 'arn:aws:iam::111122223333:role/r', AssumeRolePolicyDocument: doc, Description: '', MaxSessionDuration: 3600 },
    ],
  };
  const inv = loadSnapshot(two, { account: 'prod' });
  expect(inv.policies[0]).toMatchObject({
    name: 'marked',
    description: 'Reads [iam-connections:connection=sekoia]',
    tagsRead: false,
    versions: { v1: { Version: '2012-10-17', Statement: [] }, v2: doc },
  });
  expect(inv.policies[1]?.tagsRead).toBeUndefined();
  // An empty description that was read is known to be empty, unlike one never read.
  expect(inv.roles[0]).toMatchObject({ description: '', maxSessionDuration: 3600 });
});
