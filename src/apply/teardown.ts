/**
 * Deleting a user, role or customer-managed policy the way IAM requires: everything hanging off
 * it first, listed live (the plan's `before` may be stale, and moto lets DeleteUser through with
 * keys still present where IAM answers DeleteConflict). Each step tolerates NoSuchEntity, so a
 * rerun after a crash picks up where the last one stopped.
 *
 * User, in IAM's documented order: login profile, access keys, signing certificates, SSH public
 * keys, service-specific credentials, MFA devices (deactivate, then delete the virtual ones),
 * inline policies, attached policies, group memberships, then the user.
 * Role: inline policies, attached policies, instance profiles, then the role.
 * Policy: detach from every user, group and role, delete the non-default versions, then the policy.
 */
import {
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteLoginProfileCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteServiceSpecificCredentialCommand,
  DeleteSigningCertificateCommand,
  DeleteSSHPublicKeyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DeleteVirtualMFADeviceCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  ListAccessKeysCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListGroupsForUserCommand,
  ListInstanceProfilesForRoleCommand,
  ListMFADevicesCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListServiceSpecificCredentialsCommand,
  ListSigningCertificatesCommand,
  ListSSHPublicKeysCommand,
  ListUserPoliciesCommand,
  RemoveRoleFromInstanceProfileCommand,
  RemoveUserFromGroupCommand,
} from '@aws-sdk/client-iam';
import { maskKeyId } from '../aws/inventory.js';
import { errorCode, errorSummary } from '../aws/retry.js';
import { awsCall, isNoSuchEntity, type StepContext, StepError } from './call.js';

/** Runs a delete; NoSuchEntity means someone (or an earlier run) already did it. */
async function gone(ctx: StepContext, action: string, resource: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await awsCall(ctx, action, resource, fn);
  } catch (err) {
    if (!isNoSuchEntity(err)) throw err;
  }
}

/** Follows Marker pages of a List* call. */
async function pages<T>(fetch: (marker: string | undefined) => Promise<{ items: T[]; next?: string | undefined }>): Promise<T[]> {
  const all: T[] = [];
  let marker: string | undefined;
  do {
    const page = await fetch(marker);
    all.push(...page.items);
    marker = page.next;
  } while (marker !== undefined);
  return all;
}

const next = (o: { IsTruncated?: boolean; Marker?: string }): string | undefined => (o.IsTruncated === true ? o.Marker : undefined);

/**
 * Takes user `name` apart and deletes it; returns what was removed, for the log. A failure part
 * way says what was already removed: deleted keys are gone whatever the outcome, and a report
 * that shows only the failure (and "0 changes done") would hide that.
 */
export async function deleteUser(ctx: StepContext, name: string, arn: string): Promise<string[]> {
  const removed: string[] = [];
  try {
    return await takeUserApart(ctx, name, arn, removed);
  } catch (err) {
    throw withProgress(err, removed);
  }
}

/** The same error, its message ending with what the step removed before it failed. */
function withProgress(err: unknown, removed: readonly string[]): unknown {
  if (removed.length === 0) return err;
  const note = ` (before this failure it removed: ${removed.join(', ')})`;
  if (err instanceof StepError) return new StepError(`${err.message}${note}`, { ...(err.code !== undefined ? { code: err.code } : {}), conflict: err.conflict, cause: err });
  const code = errorCode(err);
  return new StepError(`${errorSummary(err)}${note}`, { ...(code !== undefined ? { code } : {}), cause: err });
}

async function takeUserApart(ctx: StepContext, name: string, arn: string, removed: string[]): Promise<string[]> {
  const { iam } = ctx;
  const userRes = arn;

  try {
    await awsCall(ctx, 'iam:DeleteLoginProfile', userRes, () => iam.send(new DeleteLoginProfileCommand({ UserName: name })));
    removed.push('login profile');
  } catch (err) {
    if (!isNoSuchEntity(err)) throw err;
  }

  const keys = await pages(async (m) => {
    const o = await awsCall(ctx, 'iam:ListAccessKeys', userRes, () => iam.send(new ListAccessKeysCommand({ UserName: name, Marker: m })));
    return { items: o.AccessKeyMetadata ?? [], next: next(o) };
  });
  for (const k of keys) {
    if (!k.AccessKeyId) continue;
    const id = k.AccessKeyId;
    await gone(ctx, 'iam:DeleteAccessKey', userRes, () => iam.send(new DeleteAccessKeyCommand({ UserName: name, AccessKeyId: id })));
    removed.push(`access key ${maskKeyId(id)}`);
  }

  const certs = await pages(async (m) => {
    const o = await awsCall(ctx, 'iam:ListSigningCertificates', userRes, () => iam.send(new ListSigningCertificatesCommand({ UserName: name, Marker: m })));
    return { items: o.Certificates ?? [], next: next(o) };
  });
  for (const c of certs) {
    if (!c.CertificateId) continue;
    const id = c.CertificateId;
    await gone(ctx, 'iam:DeleteSigningCertificate', userRes, () => iam.send(new DeleteSigningCertificateCommand({ UserName: name, CertificateId: id })));
    removed.push(`signing certificate ${id}`);
  }

  const sshKeys = await pages(async (m) => {
    const o = await awsCall(ctx, 'iam:ListSSHPublicKeys', userRes, () => iam.send(new ListSSHPublicKeysCommand({ UserName: name, Marker: m })));
    return { items: o.SSHPublicKeys ?? [], next: next(o) };
  });
  for (const k of sshKeys) {
    if (!k.SSHPublicKeyId) continue;
    const id = k.SSHPublicKeyId;
    await gone(ctx, 'iam:DeleteSSHPublicKey', userRes, () => iam.send(new DeleteSSHPublicKeyCommand({ UserName: name, SSHPublicKeyId: id })));
    removed.push(`SSH public key ${id}`);
  }

  const creds = await awsCall(ctx, 'iam:ListServiceSpecificCredentials', userRes, () =>
    iam.send(new ListServiceSpecificCredentialsCommand({ UserName: name })),
  );
  for (const c of creds.ServiceSpecificCredentials ?? []) {
    if (!c.ServiceSpecificCredentialId) continue;
    const id = c.ServiceSpecificCredentialId;
    await gone(ctx, 'iam:DeleteServiceSpecificCredential', userRes, () =>
      iam.send(new DeleteServiceSpecificCredentialCommand({ UserName: name, ServiceSpecificCredentialId: id })),
    );
    removed.push(`service-specific credential ${id}`);
  }

  const mfa = await pages(async (m) => {
    const o = await awsCall(ctx, 'iam:ListMFADevices', userRes, () => iam.send(new ListMFADevicesCommand({ UserName: name, Marker: m })));
    return { items: o.MFADevices ?? [], next: next(o) };
  });
  for (const d of mfa) {
    if (!d.SerialNumber) continue;
    const serial = d.SerialNumber;
    await gone(ctx, 'iam:DeactivateMFADevice', userRes, () => iam.send(new DeactivateMFADeviceCommand({ UserName: name, SerialNumber: serial })));
    // Hardware devices are only deactivated; a virtual device is an IAM resource of its own.
    if (serial.startsWith('arn:') && serial.includes(':mfa/')) {
      await gone(ctx, 'iam:DeleteVirtualMFADevice', serial, () => iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })));
    }
    removed.push(`MFA device ${serial}`);
  }

  const inline = await pages(async (m) => {
    const o = await awsCall(ctx, 'iam:ListUserPolicies', userRes, () => iam.send(new ListUserPoliciesCommand({ UserName: name, Marker: m })));
    return { items: o.PolicyNames ?? [], next: next(o) };
  });
  for (const p of inline) {
    await gone(ctx, 'iam:DeleteUserPolicy', userRes, () => iam.send(new DeleteUserPolicyCommand({ UserName: name, PolicyName: p })));
    removed.push(`inline policy ${p}`);
  }

  const attached = await pages(async (m) => {
    const o = await awsCall(ctx, 'iam:ListAttachedUserPolicies', userRes, () => iam.send(new ListAttachedUserPoliciesCommand({ UserName: name, Marker: m })));
    return { items: o.AttachedPolicies ?? [], next: next(o) };
  });
  for (const p of attached) {
    if (!p.PolicyArn) continue;
    const policyArn = p.PolicyArn;
    await gone(ctx, 'iam:DetachUserPolicy', userRes, () => iam.send(new DetachUserPolicyCommand({ UserName: name, PolicyArn: policyArn })));
    removed.push(`attached policy ${policyArn}`);
  }

  const groups = await pages(async (m) => {
    const o = await awsCall(ctx, 'iam:ListGroupsForUser', userRes, () => iam.send(new ListGroupsForUserCommand({ UserName: name, Marker: m })));
    return { items: o.Groups ?? [], next: next(o) };
  });
  for (const g of groups) {
    if (!g.GroupName) continue;
    const group = g.GroupName;
    await gone(ctx, 'iam:RemoveUserFromGroup', g.Arn ?? group, () => iam.send(new RemoveUserFromGroupCommand({ UserName: name, GroupName: group })));
    removed.push(`membership of group ${group}`);
  }

  await gone(ctx, 'iam:DeleteUser', userRes, () => iam.send(new DeleteUserCommand({ UserName: name })));
  return removed;
}

export async function deleteRole(ctx: StepContext, name: string, arn: string): Promise<string[]> {
  const { iam } = ctx;
  const removed: string[] = [];
  const inline = await pages(async (m) => {
    const o = await awsCall(ctx, 'iam:ListRolePolicies', arn, () => iam.send(new ListRolePoliciesCommand({ RoleName: name, Marker: m })));
    return { items: o.PolicyNames ?? [], next: next(o) };
  });
  for (const p of inline) {
    await gone(ctx, 'iam:DeleteRolePolicy', arn, () => iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: p })));
    removed.push(`inline policy ${p}`);
  }
  const attached = await pages(async (m) => {
    const o = await awsCall(ctx, 'iam:ListAttachedRolePolicies', arn, () => iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name, Marker: m })));
    return { items: o.AttachedPolicies ?? [], next: next(o) };
  });
  for (const p of attached) {
    if (!p.PolicyArn) continue;
    const policyArn = p.PolicyArn;
    await gone(ctx, 'iam:DetachRolePolicy', arn, () => iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: policyArn })));
    removed.push(`attached policy ${policyArn}`);
  }
  const profiles = await pages(async (m) => {
    const o = await awsCall(ctx, 'iam:ListInstanceProfilesForRole', arn, () => iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: name, Marker: m })));
    return { items: o.InstanceProfiles ?? [], next: next(o) };
  });
  for (const p of profiles) {
    if (!p.InstanceProfileName) continue;
    const profile = p.InstanceProfileName;
    await gone(ctx, 'iam:RemoveRoleFromInstanceProfile', p.Arn ?? profile, () =>
      iam.send(new RemoveRoleFromInstanceProfileCommand({ RoleName: name, InstanceProfileName: profile })),
    );
    removed.push(`instance profile ${profile}`);
  }
  await gone(ctx, 'iam:DeleteRole', arn, () => iam.send(new DeleteRoleCommand({ RoleName: name })));
  return removed;
}

export async function deletePolicy(ctx: StepContext, arn: string): Promise<string[]> {
  const { iam } = ctx;
  const removed: string[] = [];
  let entities;
  try {
    entities = await pages(async (m) => {
      const o = await awsCall(ctx, 'iam:ListEntitiesForPolicy', arn, () => iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, Marker: m })));
      return { items: [{ users: o.PolicyUsers ?? [], groups: o.PolicyGroups ?? [], roles: o.PolicyRoles ?? [] }], next: next(o) };
    });
  } catch (err) {
    if (isNoSuchEntity(err)) return removed;
    throw err;
  }
  for (const e of entities) {
    for (const u of e.users) {
      if (!u.UserName) continue;
      const user = u.UserName;
      await gone(ctx, 'iam:DetachUserPolicy', arn, () => iam.send(new DetachUserPolicyCommand({ UserName: user, PolicyArn: arn })));
      removed.push(`attachment to user ${user}`);
    }
    for (const g of e.groups) {
      if (!g.GroupName) continue;
      const group = g.GroupName;
      await gone(ctx, 'iam:DetachGroupPolicy', arn, () => iam.send(new DetachGroupPolicyCommand({ GroupName: group, PolicyArn: arn })));
      removed.push(`attachment to group ${group}`);
    }
    for (const r of e.roles) {
      if (!r.RoleName) continue;
      const role = r.RoleName;
      await gone(ctx, 'iam:DetachRolePolicy', arn, () => iam.send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: arn })));
      removed.push(`attachment to role ${role}`);
    }
  }
  const versions = await pages(async (m) => {
    const o = await awsCall(ctx, 'iam:ListPolicyVersions', arn, () => iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn, Marker: m })));
    return { items: o.Versions ?? [], next: next(o) };
  });
  for (const v of versions) {
    if (v.IsDefaultVersion === true || !v.VersionId) continue;
    const id = v.VersionId;
    await gone(ctx, 'iam:DeletePolicyVersion', arn, () => iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: id })));
    removed.push(`version ${id}`);
  }
  try {
    await awsCall(ctx, 'iam:DeletePolicy', arn, () => iam.send(new DeletePolicyCommand({ PolicyArn: arn })));
  } catch (err) {
    // A DeleteConflict (attached again since the listing) fails the step; the next run retries.
    if (!isNoSuchEntity(err)) throw err;
  }
  return removed;
}
