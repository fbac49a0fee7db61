/**
 * Temporary roles expire like users, against a real moto_server: active -> past `expires` the
 * trust is replaced by a deny-all document (one trust update, attachments kept) -> moving
 * `expires` later restores the declared trust -> past `deleteAfter` the role and its
 * customer-managed policies are deleted. Time moves through the planner's `now`.
 */
import { GetRoleCommand, ListAttachedRolePoliciesCommand, ListPoliciesCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import { executePlan } from '../../src/apply/executor.js';
import { iamClient, s3Client } from '../../src/aws/clients.js';
import type { ConnectionSpec } from '../../src/manifest/model.js';
import { EXPIRED_TRUST } from '../../src/plan/temporary.js';
import { motoBehindProxy } from '../helpers/moto-lab.js';
import { at, connection, doc, EXTERNAL_ID, resolvedPolicy, roleSpec } from '../plan/fixtures.js';
import { applyContext, emulateMotoGaps, executable, failures, manifestFor, planFor } from './harness.js';

const lab = motoBehindProxy();
let iam: IAMClient;
let s3: S3Client;
beforeAll(() => {
  iam = iamClient({ region: 'us-east-1' });
  s3 = s3Client({ region: 'us-east-1' });
});
beforeEach(() => emulateMotoGaps(lab.proxy));

const DAY = 86_400;
const env = new Map([['CLOUDYN_EXTERNAL_ID', EXTERNAL_ID]]);
const EXPIRES = '2026-12-01T00:00:00Z';

function tempRole(expires = EXPIRES): ConnectionSpec {
  return connection('audit', {
    role: roleSpec('audit-temp', {
      managedPolicies: ['SecurityAudit'],
      policies: [resolvedPolicy('audit-extra', doc({ Effect: 'Allow', Action: ['iam:GetRole'], Resource: '*' }))],
    }),
    temporary: { expires, deleteAfter: 7 * DAY, at: at(31) },
  });
}

async function applyAt(iso: string, conn = tempRole()) {
  const m = manifestFor([conn]);
  const plan = await planFor(iam, s3, m, { now: new Date(iso), env });
  const result = await executePlan(plan, applyContext(iam, s3, env));
  expect(failures(result)).toEqual([]);
  return plan;
}

const summary = (plan: Awaited<ReturnType<typeof planFor>>) => executable(plan).map((c) => `${c.resource.type}:${c.kind}:${c.action}`).sort();
const trustOf = async () => JSON.parse(decodeURIComponent((await iam.send(new GetRoleCommand({ RoleName: 'audit-temp' }))).Role?.AssumeRolePolicyDocument ?? '{}')) as unknown;
const attachedTo = async () => ((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'audit-temp' }))).AttachedPolicies ?? []).map((p) => p.PolicyName).sort();

test('a temporary role: unassumable past expires (reversibly), deleted with its policies past deleteAfter', async () => {
  await applyAt('2026-11-20T00:00:00Z');
  expect(JSON.stringify(await trustOf())).toContain(EXTERNAL_ID);

  // Past expiry: exactly one trust update, to the deny-all document; the attachments stay.
  const expired = await applyAt('2026-12-02T00:00:00Z');
  expect(summary(expired)).toEqual(['role:expired:update']);
  expect(await trustOf()).toEqual(EXPIRED_TRUST);
  expect(await attachedTo()).toEqual(['SecurityAudit', 'audit-extra']);
  // Converged: a second plan in the expired window has nothing to do.
  expect(summary(await planFor(iam, s3, manifestFor([tempRole()]), { now: new Date('2026-12-03T00:00:00Z'), env }))).toEqual([]);

  // Reversible: expires moved later, the declared trust comes back in one update.
  const extended = await applyAt('2026-12-03T00:00:00Z', tempRole('2026-12-20T00:00:00Z'));
  expect(summary(extended)).toEqual(['role:modified:update']);
  expect(JSON.stringify(await trustOf())).toContain(EXTERNAL_ID);

  // Past expires + deleteAfter: the role and its customer-managed policy are deleted; the role first.
  const gone = await applyAt('2026-12-09T00:00:00Z');
  expect(summary(gone)).toEqual(['policy:expired:delete', 'role:expired:delete']);
  const policyDelete = executable(gone).find((c) => c.resource.type === 'policy');
  expect(policyDelete?.dependsOn).toEqual([executable(gone).find((c) => c.resource.type === 'role')?.id]);
  await expect(iam.send(new GetRoleCommand({ RoleName: 'audit-temp' }))).rejects.toMatchObject({ name: expect.stringMatching(/^NoSuchEntity/) });
  const local = (await iam.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies ?? [];
  expect(local.map((p) => p.PolicyName)).not.toContain('audit-extra');
  // And it is not recreated.
  expect(summary(await planFor(iam, s3, manifestFor([tempRole()]), { now: new Date('2026-12-10T00:00:00Z'), env }))).toEqual([]);
});

test('ttl on a role-only connection counts from the role creation', async () => {
  const ttl = (): ConnectionSpec => ({ ...tempRole(), temporary: { ttl: 2 * DAY, deleteAfter: 7 * DAY, at: at(31) } });
  const made = new Date();
  await applyAt(made.toISOString(), ttl());
  const at3 = new Date(made.getTime() + 3 * DAY * 1000);
  const plan = await planFor(iam, s3, manifestFor([ttl()]), { now: at3, env });
  expect(summary(plan)).toEqual(['role:expired:update']);
});
