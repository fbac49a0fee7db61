/**
 * `plan` on a live read (moto through the recording proxy): an account set up the way the
 * executor sets it up plans to nothing; a console password shows up first; and the read makes
 * only the calls it must (GAAD pages, ListAccessKeys per managed user, the credential report).
 */
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  SetDefaultPolicyVersionCommand,
  TagUserCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { iamClient } from '../../src/aws/clients.js';
import { withKeyLastUsed } from '../../src/aws/gaad.js';
import { readInventory, readKeysLastUsed, type ReadInventoryOptions } from '../../src/aws/inventory.js';
import type { AccountInventory } from '../../src/aws/inventory-model.js';
import { DEFAULT_KEY_RULES, OWNER_TAG, type Manifest } from '../../src/manifest/model.js';
import { POLICY_HASH_TAG } from '../../src/plan/desired.js';
import { buildPlan } from '../../src/plan/diff.js';
import { keyRecordTags, maskKeyId } from '../../src/plan/keys.js';
import { keysNeedingLastUsed, liveKeyId } from '../../src/plan/last-use.js';
import type { Plan } from '../../src/plan/model.js';
import { policyHash } from '../../src/plan/policy-equivalence.js';
import { describeWithOwner } from '../../src/plan/policy-owner.js';
import type { AwsProxy } from '../helpers/aws-proxy.js';
import { motoBehindProxy } from '../helpers/moto-lab.js';
import { at, connection, doc, manifest as fixtureManifest, resolvedPolicy, roleSpec, userSpec } from './fixtures.js';

const ACCOUNT_ID = '123456789012'; // moto's account for static credentials
const EXTERNAL_ID = 'Contoso-ext-8f3a91c2';
const DAY_MS = 86400_000;
const SENHA_DOC = doc({ Effect: 'Allow', Action: ['iam:CreateUser', 'iam:GetUser', 'opsworks:DescribeUserProfiles'], Resource: '*' });
const WIDE_DOC = doc({ Effect: 'Allow', Action: ['iam:*'], Resource: '*' });
const USER = 'senhasegura-cloud-iam';
const ROLE = 'cloudyn-cost-reader';
const noWait = { clock: { now: () => 0, sleep: () => Promise.resolve() } };

const lab = motoBehindProxy();
let proxy: AwsProxy;
let iam: IAMClient;

beforeAll(() => {
  proxy = lab.proxy;
  iam = iamClient({ region: 'us-east-1' });
});

function theManifest(): Manifest {
  const m = fixtureManifest([
    connection('senhasegura', {
      vendor: 'senhasegura',
      user: userSpec(USER, {
        policies: [resolvedPolicy(USER, SENHA_DOC)],
        accessKey: { rules: DEFAULT_KEY_RULES, deliver: [], at: at(8) },
      }),
    }),
    connection('cloudyn', {
      vendor: 'cloudyn',
      // Declared settings GAAD cannot show: they must not read as drift.
      role: roleSpec(ROLE, { managedPolicies: ['ReadOnlyAccess'], description: 'Cloudyn cost reader', maxSessionDuration: 7200 }),
    }),
  ]);
  return { ...m, accounts: [{ name: 'prod', id: ACCOUNT_ID, role: `arn:aws:iam::${ACCOUNT_ID}:role/iam-connections`, at: at(3) }] };
}

const userTags = (extra: Record<string, string> = {}) => [
  { Key: 'owner', Value: 'platform-security' },
  { Key: OWNER_TAG, Value: 'senhasegura' },
  ...Object.entries(extra).map(([Key, Value]) => ({ Key, Value })),
];

/** What apply leaves behind: policy with the marker (and tags GAAD will not show), user, key, role. */
async function provision(): Promise<{ keyId: string; policyArn: string }> {
  const policy = await iam.send(
    new CreatePolicyCommand({
      PolicyName: USER,
      Path: '/connections/',
      PolicyDocument: JSON.stringify(SENHA_DOC),
      Description: describeWithOwner(undefined, 'senhasegura'),
      Tags: [
        { Key: OWNER_TAG, Value: 'senhasegura' },
        { Key: POLICY_HASH_TAG, Value: policyHash(SENHA_DOC) },
      ],
    }),
  );
  const policyArn = policy.Policy?.Arn ?? '';
  await iam.send(new CreateUserCommand({ UserName: USER, Path: '/connections/', Tags: userTags() }));
  await iam.send(new AttachUserPolicyCommand({ UserName: USER, PolicyArn: policyArn }));
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: USER }));
  const keyId = key.AccessKey?.AccessKeyId ?? '';
  const record = keyRecordTags({ current: { id: keyId, at: new Date().toISOString() } });
  await iam.send(new TagUserCommand({ UserName: USER, Tags: Object.entries(record).map(([Key, Value]) => ({ Key, Value })) }));
  await iam.send(
    new CreateRoleCommand({
      RoleName: ROLE,
      Path: '/connections/',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::432263259397:root' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } },
          },
        ],
      }),
      Tags: [
        { Key: 'owner', Value: 'platform-security' },
        { Key: OWNER_TAG, Value: 'cloudyn' },
      ],
    }),
  );
  await iam.send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  proxy.clear();
  return { keyId, policyArn };
}

const readOpts = (m: Manifest, over: Partial<ReadInventoryOptions> = {}): ReadInventoryOptions => ({
  account: 'prod',
  accountId: ACCOUNT_ID,
  retry: noWait,
  credentialReport: true,
  isDeclaredUser: (n) => m.connections.some((c) => c.user?.name === n),
  isDeclaredRole: (n) => m.connections.some((c) => c.role?.name === n),
  ...over,
});

function planOf(m: Manifest, inv: AccountInventory, now = new Date()): Plan {
  return buildPlan({ manifest: m, inventories: [inv], env: new Map([['CLOUDYN_EXTERNAL_ID', EXTERNAL_ID]]), now, prune: false });
}

const changesOf = (p: Plan) => p.accounts[0]?.changes ?? [];

test('an account as apply leaves it plans to nothing, with GAAD + ListAccessKeys + the credential report only', async () => {
  await provision();
  const m = theManifest();
  const inv = await readInventory(iam, readOpts(m));

  expect(proxy.actions()).toEqual([
    'GetAccountAuthorizationDetails',
    'ListAccessKeys',
    'GenerateCredentialReport',
    'GenerateCredentialReport',
    'GetCredentialReport',
  ]);
  expect(proxy.calls.filter((c) => /Polic|Attached|Role|Tags/.test(c.action) && c.action !== 'GetAccountAuthorizationDetails')).toEqual([]);
  const policy = inv.policies.find((p) => p.name === USER);
  expect(policy).toMatchObject({ tags: {}, tagsRead: false, description: 'Managed by iam-connections [iam-connections:connection=senhasegura]' });
  expect(inv.roles[0]?.description).toBeUndefined();
  expect(inv.users[0]).toMatchObject({ hasLoginProfile: false, loginProfileAsOf: inv.credentialReport?.generatedAt });

  const p = planOf(m, inv);
  expect(changesOf(p)).toEqual([]);
  expect(p.summary).toMatchObject({ drift: false, changes: 0 });
});

test('a console password set outside: a security change ranked first, dated by the report', async () => {
  await provision();
  await iam.send(new CreateLoginProfileCommand({ UserName: USER, Password: 'Correct-Horse-42!' }));
  await iam.send(new TagUserCommand({ UserName: USER, Tags: [{ Key: 'owner', Value: 'someone-else' }] }));
  proxy.clear();
  const m = theManifest();
  const inv = await readInventory(iam, readOpts(m));
  expect(proxy.count('GetLoginProfile')).toBe(0);

  const changes = changesOf(planOf(m, inv));
  expect(changes.map((c) => [c.resource.type, c.kind, c.action])).toEqual([
    ['login-profile', 'unexpected', 'delete'],
    ['tags', 'modified', 'tag'],
  ]);
  expect(changes[0]).toMatchObject({ severity: 'high', security: true, connection: 'senhasegura' });
  expect(changes[0]?.reason).toContain(`credential report generated at ${inv.credentialReport?.generatedAt ?? '?'}`);
  expect(JSON.stringify(changes)).not.toContain('Correct-Horse');
});

test('credential report denied: the plan still runs and says what it could not check', async () => {
  await provision();
  proxy.inject({ action: 'GenerateCredentialReport', status: 403, code: 'AccessDenied', message: 'not authorized to perform: iam:GenerateCredentialReport' });
  const m = theManifest();
  const changes = changesOf(planOf(m, await readInventory(iam, readOpts(m))));
  expect(changes.map((c) => [c.kind, c.action])).toEqual([['unresolved', 'none']]);
  expect(changes[0]?.reason).toContain('iam:GenerateCredentialReport');
});

test('the policy edited outside (older version made default): reported from the version history alone', async () => {
  const { policyArn } = await provision();
  await iam.send(new CreatePolicyVersionCommand({ PolicyArn: policyArn, PolicyDocument: JSON.stringify(WIDE_DOC), SetAsDefault: true }));
  await iam.send(new CreatePolicyVersionCommand({ PolicyArn: policyArn, PolicyDocument: JSON.stringify(SENHA_DOC), SetAsDefault: true }));
  await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: policyArn, VersionId: 'v2' }));
  proxy.clear();
  const m = theManifest();
  const changes = changesOf(planOf(m, await readInventory(iam, readOpts(m))));
  expect(proxy.count('GetPolicyVersion')).toBe(0);
  expect(changes).toHaveLength(1);
  expect(changes[0]).toMatchObject({ resource: { type: 'policy', name: USER }, kind: 'modified', action: 'update', severity: 'critical' });
  expect(changes[0]?.reason).toContain('the default version is v2, not the newest v3');
  expect(changes[0]?.reason).toContain("the manifest's document is version v1, v3");
});

test('role details are compared once read (readRoleDetails), never guessed before', async () => {
  await provision();
  const m = theManifest();
  const changes = changesOf(planOf(m, await readInventory(iam, readOpts(m, { readRoleDetails: true }))));
  expect(changes.map((c) => [c.resource.type, c.action, c.after])).toEqual([
    ['role', 'update', { name: ROLE, description: 'Cloudyn cost reader', maxSessionDuration: 7200 }],
  ]);
  expect(changes[0]?.before).toEqual({ description: '', maxSessionDuration: 3600 });
});

test('two-phase: last use is read for exactly the keys a decision needs, then the plan decides', async () => {
  const { keyId: oldKey } = await provision();
  const created = (await iam.send(new CreateAccessKeyCommand({ UserName: USER }))).AccessKey;
  const newKey = created?.AccessKeyId ?? '';
  // Delivered a day ago; the vendor signs a call with it now (moto records the use).
  const rotated = new Date(Date.now() - DAY_MS).toISOString();
  const record = keyRecordTags({ current: { id: newKey, at: rotated }, previous: { id: oldKey, at: rotated } });
  await iam.send(new TagUserCommand({ UserName: USER, Tags: Object.entries(record).map(([Key, Value]) => ({ Key, Value })) }));
  proxy.clear();
  const m = theManifest();
  const later = new Date(Date.now() + 7 * DAY_MS); // past the 7-day overlap since `rotated`
  const inv = await readInventory(iam, readOpts(m));
  expect(proxy.count('GetAccessKeyLastUsed')).toBe(0);

  const first = planOf(m, inv, later);
  const wanted = keysNeedingLastUsed(first);
  // Retiring the old key reads both: its idle time, and the new key's use since delivery.
  expect(wanted).toEqual([maskKeyId(oldKey), maskKeyId(newKey)].sort().map((keyId) => ({ account: 'prod', user: USER, keyId })));
  expect(changesOf(first).find((c) => c.kind === 'key-retire')).toMatchObject({ action: 'none', after: { needsLastUsed: true } });

  const read = async () => {
    proxy.clear();
    const lastUsed = await readKeysLastUsed(
      iam,
      wanted.map((w) => liveKeyId(inv, w.user, w.keyId) ?? ''),
      { account: 'prod', retry: noWait },
    );
    expect(proxy.actions()).toEqual(['GetAccessKeyLastUsed', 'GetAccessKeyLastUsed']);
    expect(proxy.calls.map((c) => c.params.AccessKeyId).sort()).toEqual([oldKey, newKey].sort());
    return lastUsed;
  };
  // The new key not used yet: no evidence of the switch, the old key is kept.
  const notYet = planOf(m, withKeyLastUsed(inv, await read()), later);
  expect(changesOf(notYet).find((c) => c.resource.name.endsWith(maskKeyId(oldKey)))).toMatchObject({ kind: 'key-in-use', action: 'none' });

  await new STSClient({ region: 'us-east-1', endpoint: lab.moto.endpoint, credentials: { accessKeyId: newKey, secretAccessKey: created?.SecretAccessKey ?? '' } }).send(new GetCallerIdentityCommand({}));
  const second = planOf(m, withKeyLastUsed(inv, await read()), later);
  expect(changesOf(second).find((c) => c.kind === 'key-retire')).toMatchObject({ action: 'deactivate', after: { keyId: maskKeyId(oldKey) } });
  expect(keysNeedingLastUsed(second)).toEqual([]);
});
