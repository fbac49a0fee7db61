/**
 * Apply's safety promises end to end through `node dist/index.js` against moto behind the proxy:
 * make-before-break when the replacing attach fails, permanent errors failing at once, a billing
 * bucket in another region than aws-region.
 */
import { CreatePolicyCommand, type IAMClient, ListAttachedRolePoliciesCommand, ListPolicyTagsCommand } from '@aws-sdk/client-iam';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STACK_TRACE } from './run-action.js';
import type { AwsCall } from '../helpers/aws-proxy.js';
import { startWorld, type World } from './world.js';

const PROD = '111122223333';
const VENDOR = '999988887777';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});
beforeEach(async () => {
  await world.reset();
  world.github.useActionsSecrets();
});

async function run(repo: string, command: 'apply' | 'plan', env: Record<string, string> = {}) {
  const r = await world.run({ inputs: { command, 'github-token': 'ghp_fine_grained_test' }, cwd: repo, env: { GITHUB_EVENT_NAME: 'push', VIEWER_EXTERNAL_ID: 'viewer-ext-id-0042', ...env } });
  expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
  return r;
}

const roleManifest = (managed: string) => `version: 1
accounts:
  prod: { id: "${PROD}", role: "arn:aws:iam::${PROD}:role/iam-connections" }
connections:
  viewer:
    accounts: [prod]
    role:
      name: vendor-viewer
      trust: { awsAccount: "${VENDOR}", externalId: { env: VIEWER_EXTERNAL_ID } }
      managedPolicies: [${managed}]
`;

async function attached(iam: IAMClient, role: string): Promise<string[]> {
  const out = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role }));
  return (out.AttachedPolicies ?? []).map((p) => p.PolicyName ?? '').sort();
}

describe('make-before-break', () => {
  test('a rename of a managed policy whose attach fails keeps the old policy attached, says so, exits 1; the next apply completes', async () => {
    const repo = world.repo({ 'connections.yaml': roleManifest('ReadOnlyAccess') });
    expect((await run(repo, 'apply')).code).toBe(0);
    const { iam } = await world.clients(PROD);
    expect(await attached(iam, 'vendor-viewer')).toEqual(['ReadOnlyAccess']);

    writeFileSync(join(repo, 'connections.yaml'), roleManifest('"arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"'));
    // The reconciler may not attach ViewOnlyAccess (a permissions boundary on it, say).
    const fault = world.proxy.inject({ action: 'AttachRolePolicy', status: 403, code: 'AccessDenied', message: 'not authorized to perform iam:AttachRolePolicy' });
    const failed = await run(repo, 'apply');
    fault.remove();
    expect(failed.code).toBe(1);
    // The invariant: at no point after the failed attach is the vendor left without its policy.
    expect(await attached(iam, 'vendor-viewer')).toEqual(['ReadOnlyAccess']);
    expect(world.proxy.count('DetachRolePolicy')).toBe(0);
    expect(failed.stdout).toMatch(/prod: detach attachment role\/vendor-viewer\/ReadOnlyAccess: skipped \(kept ReadOnlyAccess attached: attaching ViewOnlyAccess failed: .*needs iam:AttachRolePolicy/);

    const ok = await run(repo, 'apply');
    expect(ok.code).toBe(0);
    expect(await attached(iam, 'vendor-viewer')).toEqual(['ViewOnlyAccess']);
    // Attach came before detach.
    const order = world.proxy.actions('iam').filter((a) => a === 'AttachRolePolicy' || a === 'DetachRolePolicy');
    expect(order.slice(-2)).toEqual(['AttachRolePolicy', 'DetachRolePolicy']);
  });

  // `validate` now stops a misspelt managed policy before any write; AWS can still answer NoSuchEntity
  // for a name the offline table knows (a policy missing in this partition, or retired since).
  const VIEW_ONLY = 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess';
  const missing = () => world.proxy.inject({ action: 'AttachRolePolicy', status: 404, code: 'NoSuchEntity', message: `Policy ${VIEW_ONLY} does not exist or is not attachable.` });

  test('a policy AWS says does not exist: one attach call, NoSuchEntity named with its fix, the working policy kept', async () => {
    const repo = world.repo({ 'connections.yaml': roleManifest('ReadOnlyAccess') });
    expect((await run(repo, 'apply')).code).toBe(0);
    writeFileSync(join(repo, 'connections.yaml'), roleManifest(`"${VIEW_ONLY}"`));
    world.proxy.clear();
    missing();
    const r = await run(repo, 'apply');
    expect(r.code).toBe(1);
    expect(world.proxy.count('AttachRolePolicy')).toBe(1);
    expect(r.stdout).toContain(`prod: attach attachment role/vendor-viewer/ViewOnlyAccess: failed (policy ${VIEW_ONLY} does not exist or cannot be attached (AWS said: NoSuchEntity`);
    expect(r.stdout).toMatch(/AWS publishes ViewOnlyAccess, but this account's IAM does not offer it .*choose another managed policy in the manifest/);
    expect(r.stdout).toMatch(/kept ReadOnlyAccess attached: attaching ViewOnlyAccess failed: policy .* does not exist/);
    expect(r.stdout).not.toMatch(/network path|retrying in/);
    expect(await attached((await world.clients(PROD)).iam, 'vendor-viewer')).toEqual(['ReadOnlyAccess']);
  });

  test('on a role created in the same run, a missing policy is not retried as eventual consistency', async () => {
    const repo = world.repo({ 'connections.yaml': roleManifest(`"${VIEW_ONLY}"`) });
    missing();
    const r = await run(repo, 'apply');
    expect(r.code).toBe(1);
    expect(world.proxy.count('CreateRole')).toBe(1);
    expect(world.proxy.count('AttachRolePolicy')).toBe(1);
    expect(r.stdout).not.toMatch(/network path|retrying in/);
  });
});

describe('a billing bucket in another region than aws-region', () => {
  const BUCKET = 'acme-billing-eu';
  const withBucket = (region?: string) => `${roleManifest('ReadOnlyAccess')}    billingBucket: { name: ${BUCKET}${region ? `, region: ${region}` : ''} }\n`;
  const signedRegion = (c: AwsCall): string | undefined => /Credential=[^/]+\/[^/]+\/([^/]+)\/s3\//.exec(String(c.headers.authorization ?? ''))?.[1];
  const bucketCalls = () => world.proxy.calls.filter((c) => c.service === 's3' && c.path.startsWith(`/${BUCKET}`));

  /** Real S3 answers a request signed for another region than the bucket's with 301 and the bucket's region; moto does not. */
  function s3RegionRule(bucketRegion: string): void {
    world.proxy.inject({
      service: 's3',
      when: (c) => c.path.startsWith(`/${BUCKET}`) && signedRegion(c) !== bucketRegion && c.action !== 'CreateBucket',
      respond: (c) =>
        Promise.resolve({
          status: 301,
          headers: { 'content-type': 'application/xml', 'x-amz-bucket-region': bucketRegion },
          body: c.method === 'HEAD' ? '' : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message><Endpoint>${BUCKET}.s3.${bucketRegion}.amazonaws.com</Endpoint><Bucket>${BUCKET}</Bucket></Error>`,
        }),
    });
  }

  test('without billingBucket.region the plan names the region to set', async () => {
    const repo = world.repo({ 'connections.yaml': withBucket() });
    const { s3 } = await world.clients(PROD);
    const { CreateBucketCommand } = await import('@aws-sdk/client-s3');
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    s3RegionRule('eu-west-1');
    const r = await run(repo, 'plan');
    expect(r.stdout + r.stderr).toMatch(/bucket acme-billing-eu is in region eu-west-1, not us-east-1: set `billingBucket: \{ name: acme-billing-eu, region: eu-west-1 \}` in the manifest/i);
    expect(r.code).not.toBe(0);
  });

  test('with billingBucket.region it is planned, created and written in its region; a rerun shows no drift', async () => {
    const repo = world.repo({ 'connections.yaml': withBucket('eu-west-1') });
    s3RegionRule('eu-west-1');
    const applied = await run(repo, 'apply');
    expect(applied.code).toBe(0);
    expect(bucketCalls().length).toBeGreaterThan(0);
    expect(new Set(bucketCalls().map(signedRegion))).toEqual(new Set(['eu-west-1']));
    expect(bucketCalls().filter((c) => c.status === 301)).toEqual([]);
    const create = bucketCalls().find((c) => c.action === 'CreateBucket');
    expect(create).toBeDefined();

    const { s3 } = await world.clients(PROD);
    const { GetBucketLocationCommand, GetBucketPolicyCommand } = await import('@aws-sdk/client-s3');
    expect((await s3.send(new GetBucketLocationCommand({ Bucket: BUCKET }))).LocationConstraint).toBe('eu-west-1');
    expect((await s3.send(new GetBucketPolicyCommand({ Bucket: BUCKET }))).Policy).toContain('vendor-viewer');

    const again = await run(repo, 'plan');
    expect(again.code).toBe(0);
    const p = JSON.parse(readFileSync(again.outputs.plan as string, 'utf8')) as { accounts: { changes: unknown[] }[] };
    expect(p.accounts.flatMap((a) => a.changes)).toEqual([]);
  });
});

describe('adoption converges', () => {
  const readerDoc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:ListUsers'], Resource: '*' }] });
  const manifest = (adopt: boolean) => `version: 1
accounts:
  prod: { id: "${PROD}", role: "arn:aws:iam::${PROD}:role/iam-connections" }
connections:
  reader:
    accounts: [prod]
${adopt ? '    adopt: true\n' : ''}    user: { name: reader-user, policies: [{ file: policies/reader.json }] }
`;
  type PlanJson = { accounts: { changes: { kind: string; action: string; resource: { type: string; name: string } }[] }[] };
  const changesOf = (r: { outputs: Record<string, string> }) =>
    (JSON.parse(readFileSync(r.outputs.plan as string, 'utf8')) as PlanJson).accounts.flatMap((a) => a.changes.map((c) => `${c.resource.type}:${c.resource.name}:${c.kind}:${c.action}`));

  test('an untagged customer-managed policy: adopt, apply, plan shows zero drift, also once adopt: true is removed', async () => {
    const { iam } = await world.clients(PROD);
    // Someone made the policy by hand, with a description of their own and no owner tag.
    const made = await iam.send(new CreatePolicyCommand({ PolicyName: 'reader', Path: '/connections/', Description: 'made by hand', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }] }) }));
    const arn = made.Policy!.Arn!;
    const repo = world.repo({ 'connections.yaml': manifest(true), 'policies/reader.json': readerDoc });

    const first = await run(repo, 'apply');
    expect(first.code).toBe(0);
    expect(changesOf(first)).toContain('policy:reader:adopt:tag');
    const tags = Object.fromEntries(((await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags ?? []).map((t) => [t.Key, t.Value]));
    expect(tags['iam-connections:connection']).toBe('reader');

    world.proxy.clear();
    const plan = await run(repo, 'plan');
    expect(plan.code).toBe(0);
    expect(changesOf(plan)).toEqual([]);
    expect(plan.outputs.drift).toBe('false');
    // One ListPolicyTags, for the one declared policy without the marker; none for anything else.
    expect(world.proxy.calls.filter((c) => c.action === 'ListPolicyTags').map((c) => c.params.PolicyArn)).toEqual([arn]);

    writeFileSync(join(repo, 'connections.yaml'), manifest(false));
    const without = await run(repo, 'plan');
    expect(without.code).toBe(0);
    expect(changesOf(without)).toEqual([]);
  });

  test('a policy iam-connections created (marker in its Description) costs no ListPolicyTags call', async () => {
    const repo = world.repo({ 'connections.yaml': manifest(false), 'policies/reader.json': readerDoc });
    expect((await run(repo, 'apply')).code).toBe(0);
    world.proxy.clear();
    const plan = await run(repo, 'plan');
    expect(changesOf(plan)).toEqual([]);
    expect(world.proxy.count('ListPolicyTags')).toBe(0);
  });
});
