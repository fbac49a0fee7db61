/** What hangs off a principal that stays: managed policy attachments, inline policies, boundary. */
import { AttachRolePolicyCommand, AttachUserPolicyCommand, DeleteRolePermissionsBoundaryCommand, DeleteRolePolicyCommand, DeleteUserPermissionsBoundaryCommand, DeleteUserPolicyCommand, DetachRolePolicyCommand, DetachUserPolicyCommand, PutRolePermissionsBoundaryCommand, PutRolePolicyCommand, PutUserPermissionsBoundaryCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import type { Change } from '../../plan/model.js';
import { awsCall, isNoSuchEntity, StepError } from '../call.js';
import { errorSummary } from '../../aws/retry.js';
import { isKnownManagedPolicy, suggestManagedPolicy } from '../../policy/managed-policies.js';
import { doc, optStr, section, str, target } from '../plan-data.js';
import { done, onPrincipal, type PreparedStep } from './kit.js';

/** The name IAM shows for a policy ARN: what follows the last slash. */
const policyName = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

/**
 * NoSuchEntity naming the policy (not the principal) is permanent unless this run created the
 * policy: "Policy arn:... does not exist or is not attachable". Retrying it only delays the failure.
 */
function policyIsMissing(err: unknown, policyArn: string, createdNow: boolean): boolean {
  if (createdNow || !isNoSuchEntity(err)) return false;
  const m = (err as { message?: unknown }).message;
  return typeof m === 'string' && m.includes(policyArn);
}

/** What to do about a policy IAM says does not exist, by what the offline managed-policy table knows. */
function missingPolicyFix(policyArn: string): string {
  if (!policyArn.includes(':iam::aws:policy/')) return 'create it first or fix the ARN in the manifest, then rerun';
  if (isKnownManagedPolicy(policyArn)) {
    return `AWS publishes ${policyName(policyArn)}, but this account's IAM does not offer it (another partition, or retired since): choose another managed policy in the manifest, then rerun`;
  }
  const guess = suggestManagedPolicy(policyArn);
  return `no AWS managed policy is named ${policyName(policyArn)}${guess !== undefined ? ` (did you mean ${guess}?)` : ''}; fix it under managedPolicies in the manifest (\`validate\` checks it), then rerun`;
}

export function attach(c: Change): PreparedStep {
  const f = section(c, 'after');
  const policyArn = str(c, f, 'after', 'policyArn');
  return onPrincipal(c, 'after', f, `attach ${policyArn}`, async (ctx, type, name, recent) => {
    const policyCreated = ctx.created.has(`policy:${policyArn}`);
    const opts = { recentlyCreated: recent || policyCreated, permanent: (err: unknown) => policyIsMissing(err, policyArn, policyCreated) };
    try {
      if (type === 'user') {
        await awsCall(ctx, 'iam:AttachUserPolicy', policyArn, () => ctx.iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: policyArn })), opts);
      } else {
        await awsCall(ctx, 'iam:AttachRolePolicy', policyArn, () => ctx.iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: policyArn })), opts);
      }
    } catch (err) {
      if (!policyIsMissing(err, policyArn, policyCreated)) throw err;
      throw new StepError(`policy ${policyArn} does not exist or cannot be attached (AWS said: ${errorSummary(err)}): ${missingPolicyFix(policyArn)}`, { code: 'NoSuchEntity', cause: err });
    }
    return done();
  });
}

export function detach(c: Change): PreparedStep {
  const { fields: f, where } = target(c);
  const policyArn = str(c, f, where, 'policyArn');
  return onPrincipal(c, where, f, `detach ${policyArn}`, async (ctx, type, name) => {
    try {
      if (type === 'user') await awsCall(ctx, 'iam:DetachUserPolicy', policyArn, () => ctx.iam.send(new DetachUserPolicyCommand({ UserName: name, PolicyArn: policyArn })));
      else await awsCall(ctx, 'iam:DetachRolePolicy', policyArn, () => ctx.iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: policyArn })));
    } catch (err) {
      if (isNoSuchEntity(err)) return done('already detached');
      throw err;
    }
    return done();
  });
}

export function putInline(c: Change): PreparedStep {
  const f = section(c, 'after');
  const policyName = str(c, f, 'after', 'name');
  const document = JSON.stringify(doc(c, f, 'after', 'document'));
  return onPrincipal(c, 'after', f, `put inline policy ${policyName}`, async (ctx, type, name, recentlyCreated) => {
    const arn = c.resource.name;
    if (type === 'user') await awsCall(ctx, 'iam:PutUserPolicy', arn, () => ctx.iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: policyName, PolicyDocument: document })), { recentlyCreated });
    else await awsCall(ctx, 'iam:PutRolePolicy', arn, () => ctx.iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: policyName, PolicyDocument: document })), { recentlyCreated });
    return done();
  });
}

export function deleteInline(c: Change): PreparedStep {
  const { fields: f, where } = target(c);
  const policyName = str(c, f, where, 'name');
  return onPrincipal(c, where, f, `delete inline policy ${policyName}`, async (ctx, type, name) => {
    try {
      if (type === 'user') await awsCall(ctx, 'iam:DeleteUserPolicy', c.resource.name, () => ctx.iam.send(new DeleteUserPolicyCommand({ UserName: name, PolicyName: policyName })));
      else await awsCall(ctx, 'iam:DeleteRolePolicy', c.resource.name, () => ctx.iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: policyName })));
    } catch (err) {
      if (isNoSuchEntity(err)) return done('already deleted');
      throw err;
    }
    return done();
  });
}

export function boundary(c: Change): PreparedStep {
  const f = section(c, 'after');
  const arn = optStr(c, f, 'after', 'arn');
  return onPrincipal(c, 'after', f, arn ? `set permissions boundary ${arn}` : 'remove the permissions boundary', async (ctx, type, name) => {
    if (arn !== undefined) {
      if (type === 'user') await awsCall(ctx, 'iam:PutUserPermissionsBoundary', name, () => ctx.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: name, PermissionsBoundary: arn })));
      else await awsCall(ctx, 'iam:PutRolePermissionsBoundary', name, () => ctx.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: name, PermissionsBoundary: arn })));
      return done();
    }
    try {
      if (type === 'user') await awsCall(ctx, 'iam:DeleteUserPermissionsBoundary', name, () => ctx.iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: name })));
      else await awsCall(ctx, 'iam:DeleteRolePermissionsBoundary', name, () => ctx.iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: name })));
    } catch (err) {
      if (isNoSuchEntity(err)) return done('no boundary to remove');
      throw err;
    }
    return done();
  });
}
