/**
 * The executor against a real moto_server: plan, apply, read again, plan again: the second plan
 * has nothing left to do.
 */
import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreatePolicyVersionCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetUserCommand,
  UntagUserCommand,
  ListAccessKeysCommand,
  ListAttachedUserPoliciesCommand,
  ListPolicyVersionsCommand,
  ListUserTagsCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetBucketPolicyCommand, PutBucketPolicyCommand, type S3Client } from '@aws-sdk/client-s3';
import { orderChanges } from '../../src/apply/order.js';
import type { Plan } from '../../src/plan/model.js';
import { iamClient, s3Client } from '../../src/aws/clients.js';
import { executePlan, summarizeApply } from '../../src/apply/executor.js';
import { ownerFromDescription } from '../../src/plan/policy-owner.js';
import { decodePolicyDocument } from '../../src/aws/policy-decode.js';
import { OWNER_TAG } from '../../src/manifest/model.js';
import type { AwsProxy } from '../helpers/aws-proxy.js';
import { motoBehindProxy } from '../helpers/moto-lab.js';
import { connection, doc, EXTERNAL_ID, resolvedPolicy, roleSpec, userSpec } from '../plan/fixtures.js';
import { applyContext, emulateMotoGaps, executable, failures, manifestFor, MOTO_ACCOUNT, planFor, remaining } from './harness.js';

const lab = motoBehindProxy();
let proxy: AwsProxy;
let iam: IAMClient;
let s3: S3Client;

beforeAll(() => {
  proxy = lab.proxy;
  iam = iamClient({ region: 'us-east-1' });
  s3 = s3Client({ region: 'us-east-1' });
});

function resetCalls(): void {
  proxy.clear();
  emulateMotoGaps(proxy);
}

beforeEach(() => emulateMotoGaps(proxy));

const env = new Map([['CLOUDYN_EXTERNAL_ID', EXTERNAL_ID]]);
const readDoc = doc({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' });

function vendorUser() {
  return connection('senhasegura', {
    user: userSpec('senhasegura-cloud-iam', {
      policies: [resolvedPolicy('senhasegura-cloud-iam', readDoc)],
      managedPolicies: ['arn:aws:iam::aws:policy/IAMReadOnlyAccess'],
      inlinePolicies: [resolvedPolicy('opsworks', doc({ Effect: 'Allow', Action: 'opsworks:Describe*', Resource: '*' }), 'inline')],
    }),
  });
}

function vendorRole() {
  return connection('cloudyn', {
    role: roleSpec('cloudyn-cost-reader', {
      managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      description: 'Cloudyn cost reader',
      maxSessionDuration: 7200,
    }),
  });
}

describe('create', () => {
  test('creates a user connection and a role connection; a second plan has nothing left to do', async () => {
    const m = manifestFor([vendorUser(), vendorRole()]);
    const plan = await planFor(iam, s3, m, { env });
    expect(executable(plan).length).toBeGreaterThan(5);
    const log: string[] = [];
    const result = await executePlan(plan, applyContext(iam, s3, env, log));
    expect(failures(result)).toEqual([]);
    expect(summarizeApply(result).ok).toBe(true);
    expect(result.roleArns['cloudyn/prod']).toBe(`arn:aws:iam::${MOTO_ACCOUNT}:role/connections/cloudyn-cost-reader`);

    const role = await iam.send(new GetRoleCommand({ RoleName: 'cloudyn-cost-reader' }));
    const trust = decodePolicyDocument(role.Role?.AssumeRolePolicyDocument, 'trust') as { Statement: { Condition: unknown }[] };
    expect(trust.Statement[0]?.Condition).toEqual({ StringEquals: { 'sts:ExternalId': EXTERNAL_ID } });
    expect(role.Role?.MaxSessionDuration).toBe(7200);
    expect(role.Role?.Description).toBe('Cloudyn cost reader');

    const tags = await iam.send(new ListUserTagsCommand({ UserName: 'senhasegura-cloud-iam' }));
    expect(tags.Tags).toEqual(expect.arrayContaining([{ Key: OWNER_TAG, Value: 'senhasegura' }]));
    const policy = await iam.send(new GetPolicyCommand({ PolicyArn: `arn:aws:iam::${MOTO_ACCOUNT}:policy/connections/senhasegura-cloud-iam` }));
    expect(ownerFromDescription(policy.Policy?.Description)).toBe('senhasegura');
    const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'senhasegura-cloud-iam' }));
    expect((attached.AttachedPolicies ?? []).map((p) => p.PolicyName).sort()).toEqual(['IAMReadOnlyAccess', 'senhasegura-cloud-iam']);

    // No secret in what the executor says.
    expect(log.join('\n')).not.toContain(EXTERNAL_ID);
    expect(JSON.stringify(result)).not.toContain(EXTERNAL_ID);

    const again = await planFor(iam, s3, m, { env });
    expect(remaining(again)).toEqual([]);
  });
});

const policyArn = (name: string) => `arn:aws:iam::${MOTO_ACCOUNT}:policy/connections/${name}`;

async function applyAll(m: ReturnType<typeof manifestFor>, o: Parameters<typeof planFor>[3] = {}) {
  const plan = await planFor(iam, s3, m, { env, ...o });
  const result = await executePlan(plan, applyContext(iam, s3, env));
  return { plan, result };
}

async function exists(f: () => Promise<unknown>): Promise<boolean> {
  try {
    await f();
    return true;
  } catch (err) {
    if ((err as { name?: string }).name === 'NoSuchEntity' || (err as { name?: string }).name === 'NoSuchEntityException') return false;
    throw err;
  }
}

describe('managed policies', () => {
  test('a policy edited in the manifest gets a new default version', async () => {
    await applyAll(manifestFor([vendorUser()]));
    const edited = vendorUser();
    const newDoc = doc({ Effect: 'Allow', Action: ['iam:Get*'], Resource: '*' });
    edited.user!.policies = [resolvedPolicy('senhasegura-cloud-iam', newDoc)];
    const m = manifestFor([edited]);
    const { plan, result } = await applyAll(m);
    expect(executable(plan).map((c) => `${c.resource.type}/${c.action}`)).toEqual(['policy/update']);
    expect(failures(result)).toEqual([]);
    const p = await iam.send(new GetPolicyCommand({ PolicyArn: policyArn('senhasegura-cloud-iam') }));
    expect(p.Policy?.DefaultVersionId).toBe('v2');
    const v = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn('senhasegura-cloud-iam'), VersionId: 'v2' }));
    expect(decodePolicyDocument(v.PolicyVersion?.Document, 'v2')).toEqual(newDoc);
    expect(remaining(await planFor(iam, s3, m, { env }))).toEqual([]);
  });

  test('with five versions, the oldest non-default one is deleted before the new one is created', async () => {
    await applyAll(manifestFor([vendorUser()]));
    const arn = policyArn('senhasegura-cloud-iam');
    for (let i = 2; i <= 5; i++) {
      await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: JSON.stringify(doc({ Effect: 'Allow', Action: `s3:Get${i}`, Resource: '*' })), SetAsDefault: false }));
    }
    const edited = vendorUser();
    edited.user!.policies = [resolvedPolicy('senhasegura-cloud-iam', doc({ Effect: 'Allow', Action: ['iam:Get*'], Resource: '*' }))];
    const m = manifestFor([edited]);
    resetCalls();
    const { plan, result } = await applyAll(m);
    const update = executable(plan).find((c) => c.resource.type === 'policy');
    expect((update?.after as { deleteVersionFirst?: string }).deleteVersionFirst).toBe('v2');
    expect(failures(result)).toEqual([]);
    const writes = proxy.actions('iam').filter((a) => a === 'DeletePolicyVersion' || a === 'CreatePolicyVersion');
    expect(writes).toEqual(['DeletePolicyVersion', 'CreatePolicyVersion']);
    const versions = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    expect((versions.Versions ?? []).map((v) => v.VersionId).sort()).toEqual(['v1', 'v3', 'v4', 'v5', 'v6']);
    expect(versions.Versions?.find((v) => v.IsDefaultVersion)?.VersionId).toBe('v6');
    expect(remaining(await planFor(iam, s3, m, { env }))).toEqual([]);
  });
});

describe('drift on managed principals', () => {
  test('an attachment made outside the manifest is detached', async () => {
    const m = manifestFor([vendorUser()]);
    await applyAll(m);
    await iam.send(new AttachUserPolicyCommand({ UserName: 'senhasegura-cloud-iam', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    const { plan, result } = await applyAll(m);
    expect(executable(plan).map((c) => `${c.resource.type}/${c.action}`)).toEqual(['attachment/detach']);
    expect(failures(result)).toEqual([]);
    const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'senhasegura-cloud-iam' }));
    expect((attached.AttachedPolicies ?? []).map((p) => p.PolicyName).sort()).toEqual(['IAMReadOnlyAccess', 'senhasegura-cloud-iam']);
  });
});

describe('prune', () => {
  async function decorate(user: string): Promise<void> {
    await iam.send(new CreateAccessKeyCommand({ UserName: user }));
    await iam.send(new CreateLoginProfileCommand({ UserName: user, Password: 'Not-a-real-password-1!' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'admins' }));
    await iam.send(new AddUserToGroupCommand({ UserName: user, GroupName: 'admins' }));
    const mfa = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: `${user}-mfa` }));
    await iam.send(
      new EnableMFADeviceCommand({ UserName: user, SerialNumber: mfa.VirtualMFADevice?.SerialNumber, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }),
    );
  }

  test('a connection removed with prune: the user is taken apart in IAM order, DeleteUser last, then its policy', async () => {
    await applyAll(manifestFor([vendorUser(), vendorRole()]));
    await decorate('senhasegura-cloud-iam');
    const m = manifestFor([vendorRole()]);
    resetCalls();
    const { plan, result } = await applyAll(m, { prune: true });
    expect(executable(plan).map((c) => `${c.resource.type}/${c.action}`).sort()).toEqual(['policy/delete', 'user/delete']);
    expect(failures(result)).toEqual([]);
    const order = proxy
      .actions('iam')
      .filter((a) => /^(Delete|Detach|Deactivate|Remove)/.test(a));
    expect(order).toEqual([
      'DeleteLoginProfile',
      'DeleteAccessKey',
      'DeactivateMFADevice',
      'DeleteVirtualMFADevice',
      'DeleteUserPolicy',
      'DetachUserPolicy',
      'DetachUserPolicy',
      'RemoveUserFromGroup',
      'DeleteUser',
      'DeletePolicy',
    ]);
    const lastUserCall = Math.max(...proxy.calls.filter((c) => c.params.UserName === 'senhasegura-cloud-iam').map((c) => c.seq));
    expect(proxy.calls.find((c) => c.seq === lastUserCall)?.action).toBe('DeleteUser');
    expect(await exists(() => iam.send(new GetUserCommand({ UserName: 'senhasegura-cloud-iam' })))).toBe(false);
    expect(await exists(() => iam.send(new GetPolicyCommand({ PolicyArn: policyArn('senhasegura-cloud-iam') })))).toBe(false);
    expect(await exists(() => iam.send(new GetRoleCommand({ RoleName: 'cloudyn-cost-reader' })))).toBe(true);
    expect(remaining(await planFor(iam, s3, m, { env, prune: true }))).toEqual([]);
  });

  test('without prune, nothing is deleted', async () => {
    await applyAll(manifestFor([vendorUser(), vendorRole()]));
    const m = manifestFor([vendorRole()]);
    resetCalls();
    const { plan, result } = await applyAll(m);
    expect(executable(plan)).toEqual([]);
    expect(result.accounts[0]?.outcomes).toEqual([]);
    expect(proxy.actions('iam').filter((a) => /^(Delete|Detach|Remove)/.test(a))).toEqual([]);
    expect(await exists(() => iam.send(new GetUserCommand({ UserName: 'senhasegura-cloud-iam' })))).toBe(true);
  });
});

describe('ownership', () => {
  test('an unmanaged user with a declared name is a conflict: untouched, the other connection still applied', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'senhasegura-cloud-iam' }));
    const m = manifestFor([vendorUser(), vendorRole()]);
    resetCalls();
    const { result } = await applyAll(m);
    expect(failures(result)).toEqual([]);
    const outcomes = result.accounts[0]?.outcomes ?? [];
    expect(outcomes.filter((o) => o.connection === 'senhasegura').every((o) => o.status === 'skipped')).toBe(true);
    expect(outcomes.some((o) => o.connection === 'senhasegura')).toBe(true);
    expect(outcomes.filter((o) => o.connection === 'cloudyn').every((o) => o.status === 'done')).toBe(true);
    const writesOnUser = proxy.calls.filter((c) => c.params.UserName === 'senhasegura-cloud-iam' && !/^(Get|List)/.test(c.action));
    expect(writesOnUser).toEqual([]);
    const tags = await iam.send(new ListUserTagsCommand({ UserName: 'senhasegura-cloud-iam' }));
    expect(tags.Tags ?? []).toEqual([]);
    expect(await exists(() => iam.send(new GetRoleCommand({ RoleName: 'cloudyn-cost-reader' })))).toBe(true);
  });

  test('a name taken between plan and apply: the create is a conflict that stops its connection only', async () => {
    const m = manifestFor([vendorUser(), vendorRole()]);
    const plan = await planFor(iam, s3, m, { env });
    await iam.send(new CreateUserCommand({ UserName: 'senhasegura-cloud-iam', Path: '/connections/' }));
    const result = await executePlan(plan, applyContext(iam, s3, env));
    const byId = new Map((result.accounts[0]?.outcomes ?? []).map((o) => [o.id, o]));
    const create = [...byId.values()].find((o) => o.resource.type === 'user' && o.action === 'create');
    expect(create?.status).toBe('failed');
    expect(create?.code).toBe('EntityAlreadyExists');
    expect(create?.message).toMatch(/conflict: user senhasegura-cloud-iam already exists and has no iam-connections owner tag/);
    const rest = [...byId.values()].filter((o) => o.connection === 'senhasegura' && o !== create);
    expect(rest.length).toBeGreaterThan(0);
    // The policy create ran before the user's (policies first); everything after the conflict was held back.
    expect(rest.filter((o) => o.status === 'done').map((o) => o.resource.type)).toEqual(['policy']);
    expect([...byId.values()].filter((o) => o.connection === 'cloudyn').every((o) => o.status === 'done')).toBe(true);
    const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'senhasegura-cloud-iam' }));
    expect(attached.AttachedPolicies ?? []).toEqual([]);
  });
});

describe('adoption and stale plans', () => {
  test('adopt: true tags an unmanaged user first, then brings it to the declared state', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'senhasegura-cloud-iam', Path: '/connections/' }));
    const conn = vendorUser();
    conn.adopt = true;
    const m = manifestFor([conn]);
    const { plan, result } = await applyAll(m);
    expect(failures(result)).toEqual([]);
    const outcomes = result.accounts[0]?.outcomes ?? [];
    expect(outcomes[0]?.id).toBe(executable(plan).find((c) => c.kind === 'adopt')?.id);
    const tags = await iam.send(new ListUserTagsCommand({ UserName: 'senhasegura-cloud-iam' }));
    expect(tags.Tags).toEqual(expect.arrayContaining([{ Key: OWNER_TAG, Value: 'senhasegura' }]));
    expect(remaining(await planFor(iam, s3, m, { env }))).toEqual([]);
  });

  test('a delete is refused when the live user lost our owner tag since the plan', async () => {
    await applyAll(manifestFor([vendorUser()]));
    const m = manifestFor([]);
    const plan = await planFor(iam, s3, m, { env, prune: true });
    expect(executable(plan).some((c) => c.resource.type === 'user' && c.action === 'delete')).toBe(true);
    await iam.send(new UntagUserCommand({ UserName: 'senhasegura-cloud-iam', TagKeys: [OWNER_TAG] }));
    resetCalls();
    const result = await executePlan(plan, applyContext(iam, s3, env));
    const del = result.accounts[0]?.outcomes.find((o) => o.resource.type === 'user');
    expect(del?.status).toBe('failed');
    expect(del?.code).toBe('NotOwned');
    expect(del?.message).toMatch(/refused to delete user senhasegura-cloud-iam: user senhasegura-cloud-iam has no iam-connections owner tag/);
    expect(proxy.calls.filter((c) => c.params.UserName === 'senhasegura-cloud-iam' && !/^(Get|List)/.test(c.action))).toEqual([]);
    expect(await exists(() => iam.send(new GetUserCommand({ UserName: 'senhasegura-cloud-iam' })))).toBe(true);
  });
});

describe('temporary connections', () => {
  const expires = new Date('2030-01-10T00:00:00Z');
  function coreo() {
    return connection('cloudcoreo-setup', {
      user: userSpec('cloudcoreo-setup', {
        policies: [resolvedPolicy('cloudcoreo-bootstrap', doc({ Effect: 'Allow', Action: ['iam:CreatePolicy', 'iam:CreateRole'], Resource: '*' }))],
        accessKey: { rules: { rotateAfter: 90 * 86400, overlap: 7 * 86400, deleteAfter: 7 * 86400, requireUnusedFor: 86400 }, deliver: [{ output: true }], at: { file: 'connections.yaml', line: 40, column: 3 } },
      } as never),
      temporary: { expires: expires.toISOString(), deleteAfter: 7 * 86400, at: { file: 'connections.yaml', line: 41, column: 3 } },
    });
  }

  test('past expires, keys are deactivated; past deleteAfter, the user, its keys and policies are removed, an unmanaged user untouched', async () => {
    const m = manifestFor([coreo()]);
    const before = new Date('2030-01-01T00:00:00Z');
    await applyAll(m, { now: before });
    await iam.send(new CreateAccessKeyCommand({ UserName: 'cloudcoreo-setup' }));
    await iam.send(new CreateUserCommand({ UserName: 'bob' }));

    const expired = new Date('2030-01-11T00:00:00Z');
    const first = await applyAll(m, { now: expired });
    expect(executable(first.plan).map((c) => `${c.resource.type}/${c.action}`)).toEqual(['access-key/deactivate']);
    // The plan names the key masked only; the executor found it live.
    expect(JSON.stringify(first.plan)).not.toMatch(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/);
    expect(failures(first.result)).toEqual([]);
    // The executor never touches a declared user's keys: the deactivation is the locked rotation
    // path's (src/commands/apply.ts runs it after the executor; e2e/time and e2e/apply cover it).
    const keys = await iam.send(new ListAccessKeysCommand({ UserName: 'cloudcoreo-setup' }));
    expect((keys.AccessKeyMetadata ?? []).map((k) => k.Status)).toEqual(['Active']);
    expect(first.result.accounts.flatMap((a) => a.outcomes).filter((o) => o.resource.type === 'access-key').map((o) => o.status)).toEqual(['skipped']);

    const gone = new Date('2030-01-18T00:00:00Z');
    const second = await applyAll(m, { now: gone });
    expect(executable(second.plan).map((c) => `${c.resource.type}/${c.action}`).sort()).toEqual(['policy/delete', 'user/delete']);
    expect(failures(second.result)).toEqual([]);
    expect(await exists(() => iam.send(new GetUserCommand({ UserName: 'cloudcoreo-setup' })))).toBe(false);
    expect(await exists(() => iam.send(new GetPolicyCommand({ PolicyArn: policyArn('cloudcoreo-bootstrap') })))).toBe(false);
    expect(await exists(() => iam.send(new GetUserCommand({ UserName: 'bob' })))).toBe(true);
    expect(remaining(await planFor(iam, s3, m, { env, now: gone }))).toEqual([]);
  });
});

describe('billing bucket', () => {
  const foreign = { Sid: 'AuditorsRead', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MOTO_ACCOUNT}:root` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-cloudyn-billing/*' };

  test('the bucket policy gets our statements merged in, keeping a foreign statement', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'acme-cloudyn-billing' }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'acme-cloudyn-billing', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [foreign] }) }));
    const conn = vendorRole();
    conn.billingBucket = { name: 'acme-cloudyn-billing', at: { file: 'connections.yaml', line: 50, column: 3 } };
    const m = manifestFor([conn]);
    const { result } = await applyAll(m);
    expect(failures(result)).toEqual([]);
    const live = await s3.send(new GetBucketPolicyCommand({ Bucket: 'acme-cloudyn-billing' }));
    const sids = (JSON.parse(live.Policy ?? '{}') as { Statement: { Sid: string }[] }).Statement.map((s) => s.Sid);
    expect(sids).toEqual(['AuditorsRead', 'BillingReadBucket', 'BillingWriteReports', 'VendorReadReports']);
    // Applying again keeps it so: our statements are replaced in place, the foreign one stays.
    const again = await applyAll(m);
    expect(failures(again.result)).toEqual([]);
    const live2 = await s3.send(new GetBucketPolicyCommand({ Bucket: 'acme-cloudyn-billing' }));
    expect(JSON.parse(live2.Policy ?? '{}')).toEqual(JSON.parse(live.Policy ?? '{}'));
  });

  test('after the merge, a second plan has nothing left to do for the bucket', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'acme-cloudyn-billing' }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'acme-cloudyn-billing', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [foreign] }) }));
    const conn = vendorRole();
    conn.billingBucket = { name: 'acme-cloudyn-billing', at: { file: 'connections.yaml', line: 50, column: 3 } };
    const m = manifestFor([conn]);
    expect(failures((await applyAll(m)).result)).toEqual([]);
    expect(remaining(await planFor(iam, s3, m, { env }))).toEqual([]);
  });

  test('a missing bucket is created with the policy', async () => {
    const conn = vendorRole();
    conn.billingBucket = { name: 'acme-cloudyn-billing', at: { file: 'connections.yaml', line: 50, column: 3 } };
    const m = manifestFor([conn]);
    const { result } = await applyAll(m);
    expect(failures(result)).toEqual([]);
    const live = await s3.send(new GetBucketPolicyCommand({ Bucket: 'acme-cloudyn-billing' }));
    expect(JSON.parse(live.Policy ?? '{}').Statement).toHaveLength(3);
    expect(remaining(await planFor(iam, s3, m, { env }))).toEqual([]);
  });
});

describe('failures and retries', () => {
  test('an S3 "Invalid principal" for the role this run just created is retried, then succeeds', async () => {
    const rule = proxy.inject({ service: 's3', action: 'PutBucketPolicy', times: 2, status: 400, code: 'MalformedPolicy', message: 'Invalid principal in policy' });
    const m = manifestFor([{ ...vendorRole(), billingBucket: { name: 'cloudyn-billing-retry', at: vendorRole().at } }]);
    const { result } = await applyAll(m);
    expect(rule.hits).toBe(2);
    expect(failures(result)).toEqual([]);
    expect(proxy.count('PutBucketPolicy')).toBe(3);
    expect(remaining(await planFor(iam, s3, m, { env }))).toEqual([]);
  });

  test('an "Invalid principal" naming the vendor, with nothing created in this run, fails at once with its fix', async () => {
    proxy.inject({ action: 'CreateRole', status: 400, code: 'MalformedPolicyDocument', message: 'Invalid principal in policy: "AWS":"arn:aws:iam::432263259397:root"' });
    const { result } = await applyAll(manifestFor([vendorRole()]));
    expect(proxy.count('CreateRole')).toBe(1);
    expect(failures(result)).toEqual([expect.stringMatching(/Invalid principal.*a principal the document names does not exist .*fix the ARN in the manifest/)]);
  });

  test('AccessDenied fails fast with the permission and resource; dependents are skipped, other connections run', async () => {
    proxy.inject({ action: 'CreatePolicy', status: 403, code: 'AccessDenied', message: 'User is not authorized to perform: iam:CreatePolicy' });
    const m = manifestFor([vendorUser(), vendorRole()]);
    const { result } = await applyAll(m);
    expect(proxy.count('CreatePolicy')).toBe(1);
    const outcomes = result.accounts[0]?.outcomes ?? [];
    const failed = outcomes.filter((o) => o.status === 'failed');
    expect(failed.map((o) => o.resource.type)).toEqual(['policy']);
    expect(failed[0]?.code).toBe('AccessDenied');
    expect(failed[0]?.message).toContain(`the iam-connections role in account "prod" needs iam:CreatePolicy on ${policyArn('senhasegura-cloud-iam')}`);
    const attach = outcomes.find((o) => o.resource.name === 'user/senhasegura-cloud-iam/senhasegura-cloud-iam');
    expect(attach?.status).toBe('skipped');
    expect(attach?.message).toMatch(/depends on .*policy\/senhasegura-cloud-iam.* which failed/);
    expect(outcomes.find((o) => o.resource.type === 'user' && o.action === 'create')?.status).toBe('done');
    expect(outcomes.filter((o) => o.connection === 'cloudyn').every((o) => o.status === 'done')).toBe(true);
    const summary = summarizeApply(result);
    expect(summary.ok).toBe(false);
    expect(summary.lines[0]).toMatch(/done, 1 failed, 1 not run/);
  });

  test('an unset external ID fails validation before the first write', async () => {
    const m = manifestFor([vendorUser(), vendorRole()]);
    const plan = await planFor(iam, s3, m, { env });
    resetCalls();
    const result = await executePlan(plan, applyContext(iam, s3, new Map()));
    const role = result.accounts[0]?.outcomes.find((o) => o.resource.type === 'role');
    expect(role?.status).toBe('failed');
    expect(role?.message).toContain('environment variable CLOUDYN_EXTERNAL_ID, which is not set');
    const firstWrite = proxy.calls.findIndex((c) => !/^(Get|List)/.test(c.action));
    expect(firstWrite).toBeGreaterThanOrEqual(0); // the user connection still runs
    expect(await exists(() => iam.send(new GetRoleCommand({ RoleName: 'cloudyn-cost-reader' })))).toBe(false);
  });

  test('a rerun after a crash converges', async () => {
    const m = manifestFor([vendorUser(), vendorRole()]);
    const plan = await planFor(iam, s3, m, { env });
    const ordered = orderChanges(plan.accounts[0]!.changes);
    const partial: Plan = { ...plan, accounts: [{ ...plan.accounts[0]!, changes: ordered.slice(0, 4) }] };
    const crashed = await executePlan(partial, applyContext(iam, s3, env));
    expect(failures(crashed)).toEqual([]);
    const next = await planFor(iam, s3, m, { env });
    expect(remaining(next).length).toBeGreaterThan(0);
    const resumed = await executePlan(next, applyContext(iam, s3, env));
    expect(failures(resumed)).toEqual([]);
    expect(remaining(await planFor(iam, s3, m, { env }))).toEqual([]);
    // Running the same (stale) full plan again is harmless too.
    const replay = await executePlan(plan, applyContext(iam, s3, env));
    expect(failures(replay)).toEqual([]);
  });
});
