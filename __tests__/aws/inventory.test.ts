/**
 * The inventory read against moto, through the recording proxy: what it maps, and above all
 * how few calls it makes.
 */
import {
  AttachUserPolicyCommand,
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetAccountAuthorizationDetailsCommand,
  PutUserPolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutBucketPolicyCommand, type S3Client } from '@aws-sdk/client-s3';
import { iamClient, s3Client } from '../../src/aws/clients.js';
import { InventoryReadError, readBucketState, readInventory, readKeyLastUsed, type ReadInventoryOptions } from '../../src/aws/inventory.js';
import { loadSnapshot } from '../../src/aws/snapshot.js';
import { OWNER_TAG } from '../../src/manifest/model.js';
import { accessDenied, throttling, type AwsProxy } from '../helpers/aws-proxy.js';
import { motoBehindProxy } from '../helpers/moto-lab.js';

const ACCOUNT_ID = '123456789012'; // moto's default account for static credentials
const noWait = { clock: { now: () => 0, sleep: () => Promise.resolve() } };
const base: ReadInventoryOptions = { account: 'prod', accountId: ACCOUNT_ID, retry: noWait };

const plusPolicy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::reports+archive/*' }],
};
const trust = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::432263259397:root' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'ext-1234' } },
    },
  ],
};

const lab = motoBehindProxy();
let proxy: AwsProxy;
let iam: IAMClient;
let s3: S3Client;

beforeAll(() => {
  proxy = lab.proxy;
  iam = iamClient({ region: 'us-east-1' });
  s3 = s3Client({ region: 'us-east-1' });
});

/** 3 managed users, 2 unmanaged, 5 local policies, a role; keys, an inline policy, a console password. */
async function seedAccount(): Promise<{ keys: Record<string, string[]> }> {
  const managed = ['vendor-c', 'vendor-a', 'vendor-b'];
  for (const name of managed) {
    await iam.send(
      new CreateUserCommand({ UserName: name, Path: '/connections/', Tags: [{ Key: OWNER_TAG, Value: name }, { Key: 'owner', Value: 'security' }] }),
    );
  }
  for (const name of ['bob', 'alice']) await iam.send(new CreateUserCommand({ UserName: name }));
  const arns: string[] = [];
  for (const n of [5, 3, 1, 4, 2]) {
    const doc = n === 1 ? plusPolicy : { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: `iam:Get${n}*`, Resource: '*' }] };
    const out = await iam.send(new CreatePolicyCommand({ PolicyName: `policy-${n}`, Path: '/connections/', PolicyDocument: JSON.stringify(doc) }));
    arns[n] = out.Policy?.Arn ?? '';
  }
  await iam.send(new AttachUserPolicyCommand({ UserName: 'vendor-a', PolicyArn: arns[1] }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'vendor-a', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'vendor-b', PolicyName: 'inline-plus', PolicyDocument: JSON.stringify(plusPolicy) }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'vendor-c', Password: 'Correct-Horse-42!' }));
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'cloudyn-cost-reader',
      Path: '/connections/',
      AssumeRolePolicyDocument: JSON.stringify(trust),
      Description: 'Cloudyn cost reader',
      MaxSessionDuration: 7200,
      Tags: [{ Key: OWNER_TAG, Value: 'cloudyn' }],
    }),
  );
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'cloudyn-cost-reader', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  const keys: Record<string, string[]> = {};
  for (const user of ['vendor-a', 'vendor-a', 'vendor-b', 'alice']) {
    const out = await iam.send(new CreateAccessKeyCommand({ UserName: user }));
    (keys[user] ??= []).push(out.AccessKey?.AccessKeyId ?? '');
  }
  proxy.clear();
  return { keys };
}

test('reads one GAAD page plus one ListAccessKeys per managed user, and nothing per policy', async () => {
  await seedAccount();
  const inv = await readInventory(iam, base);

  expect(proxy.actions()).toEqual(['GetAccountAuthorizationDetails', 'ListAccessKeys', 'ListAccessKeys', 'ListAccessKeys']);
  expect(proxy.calls.filter((c) => /Polic(y|ies)/.test(c.action))).toEqual([]);
  const gaad = proxy.calls[0]?.params ?? {};
  expect([gaad['Filter.member.1'], gaad['Filter.member.2'], gaad['Filter.member.3']]).toEqual(['User', 'Role', 'LocalManagedPolicy']);
  expect(gaad.MaxItems).toBe('1000');
  expect(proxy.calls.slice(1).map((c) => c.params.UserName).sort()).toEqual(['vendor-a', 'vendor-b', 'vendor-c']);

  expect(inv.users.map((u) => u.name)).toEqual(['alice', 'bob', 'vendor-a', 'vendor-b', 'vendor-c']);
  expect(inv.policies.map((p) => p.name)).toEqual(['policy-1', 'policy-2', 'policy-3', 'policy-4', 'policy-5']);
  const a = inv.users.find((u) => u.name === 'vendor-a');
  expect(a?.tags).toEqual({ [OWNER_TAG]: 'vendor-a', owner: 'security' });
  expect(a?.path).toBe('/connections/');
  expect(a?.attached.map((p) => p.name)).toEqual(['IAMReadOnlyAccess', 'policy-1']);
  expect(a?.accessKeys).toHaveLength(2);
  expect(a?.accessKeys?.every((k) => k.status === 'Active' && /^\d{4}-\d\d-\d\dT/.test(k.created))).toBe(true);
  // Unmanaged users' keys are unknown, not "none".
  expect(inv.users.find((u) => u.name === 'alice')?.accessKeys).toBeUndefined();
  expect(inv.users.find((u) => u.name === 'vendor-c')?.accessKeys).toEqual([]);
  expect(a?.hasLoginProfile).toBeUndefined();
});

test('documents are decoded: + survives as +, the role trust policy is parsed', async () => {
  await seedAccount();
  const inv = await readInventory(iam, base);
  expect(inv.policies.find((p) => p.name === 'policy-1')).toMatchObject({ document: plusPolicy, defaultVersionId: 'v1', versionIds: ['v1'], attachmentCount: 1 });
  expect(inv.users.find((u) => u.name === 'vendor-b')?.inline).toEqual([{ name: 'inline-plus', document: plusPolicy }]);
  const role = inv.roles.find((r) => r.name === 'cloudyn-cost-reader');
  expect(role?.trust).toEqual(trust);
  expect(role?.tags).toEqual({ [OWNER_TAG]: 'cloudyn' });
  expect(role?.attached).toEqual([{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }]);
});

test('declared users get their keys read too; login profiles only when asked (one call per user)', async () => {
  await seedAccount();
  const inv = await readInventory(iam, { ...base, isDeclaredUser: (n) => n === 'alice', readLoginProfiles: true });
  expect(proxy.count('ListAccessKeys')).toBe(4);
  expect(proxy.count('GetLoginProfile')).toBe(4);
  expect(proxy.calls.some((c) => c.params.UserName === 'bob')).toBe(false);
  const byName = new Map(inv.users.map((u) => [u.name, u]));
  expect(byName.get('alice')?.accessKeys).toHaveLength(1);
  expect(byName.get('vendor-c')?.hasLoginProfile).toBe(true);
  expect(byName.get('vendor-a')?.hasLoginProfile).toBe(false);
  expect(byName.get('bob')?.hasLoginProfile).toBeUndefined();
});

test('role details (not in GAAD) only when asked: one GetRole per managed role', async () => {
  await seedAccount();
  const plain = await readInventory(iam, base);
  expect(plain.roles[0]?.description).toBeUndefined();
  proxy.clear();
  const inv = await readInventory(iam, { ...base, readRoleDetails: true });
  expect(proxy.count('GetRole')).toBe(1);
  expect(inv.roles[0]).toMatchObject({ name: 'cloudyn-cost-reader', description: 'Cloudyn cost reader', maxSessionDuration: 7200 });
});

test('follows Marker across truncated GAAD pages', async () => {
  await seedAccount();
  // moto never paginates: serve users and roles on page 1 (truncated), policies on page 2.
  proxy.inject({
    action: 'GetAccountAuthorizationDetails',
    respond: async (call, forward) => {
      const r = await forward();
      let body = r.body.toString();
      if (call.params.Marker === undefined) {
        body = body
          .replace(/<Policies>[\s\S]*?<\/Policies>/, '<Policies/>')
          .replace('<IsTruncated>false</IsTruncated>', '<IsTruncated>true</IsTruncated><Marker>page-2</Marker>');
      } else {
        body = body
          .replace(/<UserDetailList>[\s\S]*?<\/UserDetailList>/, '<UserDetailList/>')
          .replace(/<RoleDetailList>[\s\S]*?<\/RoleDetailList>/, '<RoleDetailList/>');
      }
      return { ...r, body };
    },
  });
  const inv = await readInventory(iam, base);
  const pages = proxy.calls.filter((c) => c.action === 'GetAccountAuthorizationDetails');
  expect(pages.map((p) => p.params.Marker)).toEqual([undefined, 'page-2']);
  expect(inv.users).toHaveLength(5);
  expect(inv.roles.map((r) => r.name)).toEqual(['cloudyn-cost-reader']);
  expect(inv.policies).toHaveLength(5);
  expect(proxy.count('ListAccessKeys')).toBe(3);
});

test('a page that repeats its marker is an error, not an endless loop', async () => {
  proxy.inject({
    action: 'GetAccountAuthorizationDetails',
    respond: async (_call, forward) => {
      const r = await forward();
      return { ...r, body: r.body.toString().replace('<IsTruncated>false</IsTruncated>', '<IsTruncated>true</IsTruncated><Marker>same</Marker>') };
    },
  });
  await expect(readInventory(iam, base)).rejects.toThrow(/pagination does not advance/);
  expect(proxy.count('GetAccountAuthorizationDetails')).toBe(2);
});

test('throttled calls are retried; the read completes', async () => {
  await seedAccount();
  proxy.inject(throttling('ListAccessKeys', { times: 2 }));
  proxy.inject(throttling('GetAccountAuthorizationDetails', { times: 1 }));
  const inv = await readInventory(iam, base);
  expect(proxy.count('GetAccountAuthorizationDetails')).toBe(2);
  expect(proxy.count('ListAccessKeys')).toBe(5);
  expect(inv.users.filter((u) => u.accessKeys !== undefined)).toHaveLength(3);
});

test('a denied read fails at once, naming the account and the permission', async () => {
  proxy.inject(accessDenied('GetAccountAuthorizationDetails', 'User: arn:aws:sts::123456789012:assumed-role/r/s is not authorized to perform: iam:GetAccountAuthorizationDetails'));
  const err = await readInventory(iam, base).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InventoryReadError);
  expect((err as Error).message).toMatch(/^Reading account "prod": iam:GetAccountAuthorizationDetails failed: AccessDenied: User: .* needs iam:GetAccountAuthorizationDetails/);
  expect(proxy.calls).toHaveLength(1);
});

test('readKeyLastUsed is a separate, single call', async () => {
  const { keys } = await seedAccount();
  const id = keys['vendor-b']?.[0] ?? '';
  await expect(readKeyLastUsed(iam, id, { account: 'prod' })).resolves.toBeNull();
  expect(proxy.actions()).toEqual(['GetAccessKeyLastUsed']);
  expect(proxy.calls[0]?.params.AccessKeyId).toBe(id);
});

test('bucket state: absent bucket, bucket without policy, bucket with policy', async () => {
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::386209384616:root' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::acme-billing/*' }],
  };
  await s3.send(new CreateBucketCommand({ Bucket: 'acme-billing' }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: 'acme-billing', Policy: JSON.stringify(policy) }));
  await s3.send(new CreateBucketCommand({ Bucket: 'acme-empty' }));
  proxy.clear();

  await expect(readBucketState(s3, 'acme-missing')).resolves.toEqual({ name: 'acme-missing', exists: false });
  await expect(readBucketState(s3, 'acme-empty')).resolves.toEqual({ name: 'acme-empty', exists: true });
  await expect(readBucketState(s3, 'acme-billing')).resolves.toEqual({ name: 'acme-billing', exists: true, policy });
  expect(proxy.actions('s3')).toEqual(['HeadBucket', 'HeadBucket', 'GetBucketPolicy', 'HeadBucket', 'GetBucketPolicy']);

  proxy.clear();
  const inv = await readInventory(iam, { ...base, buckets: { s3, names: ['acme-billing', 'acme-missing'] } });
  expect(inv.buckets.map((b) => [b.name, b.exists])).toEqual([
    ['acme-billing', true],
    ['acme-missing', false],
  ]);
});

test('a snapshot of the same account loads to the same inventory as the live read', async () => {
  await seedAccount();
  const live = await readInventory(iam, base);
  const raw = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User', 'Role', 'LocalManagedPolicy'] }));
  const accessKeys = Object.fromEntries(
    live.users
      .filter((u) => u.accessKeys !== undefined)
      .map((u) => [u.name, (u.accessKeys ?? []).map((k) => ({ AccessKeyId: k.id, Status: k.status, CreateDate: k.created }))]),
  );
  // Through JSON, as the AWS CLI would print it: Dates become strings.
  const json = JSON.stringify({ UserDetailList: raw.UserDetailList, RoleDetailList: raw.RoleDetailList, Policies: raw.Policies, AccessKeys: accessKeys });
  const snap = loadSnapshot(json, { account: 'prod', readAt: live.readAt });
  expect(snap).toEqual(live);
});
