/**
 * The AWS actions iam-connections itself calls, grouped by the resource they act on, so the
 * planner and writer policies can scope each group to the manifest's resources. A test greps the
 * source for every SDK command and fails if one is missing here: keep the lists in step with
 * src/aws, src/apply, src/rotate and src/sinks.
 */

/** Reads `plan` makes that IAM only grants on `*`. */
export const PLAN_ACCOUNT_READS = ['iam:GetAccountAuthorizationDetails', 'iam:GenerateCredentialReport', 'iam:GetCredentialReport'] as const;

/** Reads `plan` makes on a user (owned or declared). */
export const PLAN_USER_READS = ['iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed', 'iam:GetLoginProfile'] as const;

/** Reads `plan` makes on a role (owned or declared). */
export const PLAN_ROLE_READS = ['iam:GetRole'] as const;

/** Reads `plan` makes on a billing bucket (HeadBucket is authorised as s3:ListBucket). */
export const PLAN_BUCKET_READS = ['s3:GetBucketPolicy', 's3:ListBucket'] as const;

/** What apply (create, update, teardown) and rotate (keys, lock and rotation tags) do to users. */
export const WRITE_USER_ACTIONS = [
  'iam:CreateUser',
  'iam:UpdateUser',
  'iam:DeleteUser',
  'iam:TagUser',
  'iam:UntagUser',
  'iam:ListUserTags',
  'iam:AttachUserPolicy',
  'iam:DetachUserPolicy',
  'iam:ListAttachedUserPolicies',
  'iam:PutUserPolicy',
  'iam:DeleteUserPolicy',
  'iam:ListUserPolicies',
  'iam:DeleteUserPermissionsBoundary',
  // A user apply just created and IAM does not list yet is read again before its first key.
  'iam:GetUser',
  'iam:CreateAccessKey',
  'iam:UpdateAccessKey',
  'iam:DeleteAccessKey',
  'iam:DeleteLoginProfile',
  'iam:ListGroupsForUser',
  'iam:ListMFADevices',
  'iam:DeactivateMFADevice',
  'iam:ListSSHPublicKeys',
  'iam:DeleteSSHPublicKey',
  'iam:ListSigningCertificates',
  'iam:DeleteSigningCertificate',
  'iam:ListServiceSpecificCredentials',
  'iam:DeleteServiceSpecificCredential',
] as const;

/** What apply does to roles it owns. */
export const WRITE_ROLE_ACTIONS = [
  'iam:CreateRole',
  'iam:UpdateRole',
  'iam:UpdateAssumeRolePolicy',
  'iam:DeleteRole',
  'iam:TagRole',
  'iam:ListRoleTags',
  'iam:AttachRolePolicy',
  'iam:DetachRolePolicy',
  'iam:ListAttachedRolePolicies',
  'iam:PutRolePolicy',
  'iam:DeleteRolePolicy',
  'iam:ListRolePolicies',
  'iam:DeleteRolePermissionsBoundary',
  'iam:ListInstanceProfilesForRole',
] as const;

/** What apply does to the customer-managed policies it owns. */
export const WRITE_POLICY_ACTIONS = [
  'iam:CreatePolicy',
  'iam:CreatePolicyVersion',
  'iam:DeletePolicyVersion',
  'iam:ListPolicyVersions',
  'iam:DeletePolicy',
  'iam:GetPolicy',
  'iam:TagPolicy',
  'iam:ListPolicyTags',
  'iam:ListEntitiesForPolicy',
] as const;

/** Attaching is limited by an iam:PolicyARN condition to the declared and owned policies. */
export const ATTACH_ACTIONS = ['iam:AttachUserPolicy', 'iam:AttachRolePolicy'] as const;

/** Setting a boundary is limited by an iam:PermissionsBoundary condition to declared boundaries. */
export const BOUNDARY_ACTIONS = ['iam:PutUserPermissionsBoundary', 'iam:PutRolePermissionsBoundary'] as const;

/**
 * Teardown of a user or policy reaches resources whose ARNs do not carry the user's path: the
 * groups a user is in, a policy's group attachments, a role's instance profiles, and a user's
 * virtual MFA devices. The policy ARN condition keeps DetachGroupPolicy to our own policies.
 */
export const TEARDOWN_GROUP_ACTIONS = ['iam:RemoveUserFromGroup', 'iam:DetachGroupPolicy'] as const;
export const TEARDOWN_INSTANCE_PROFILE_ACTIONS = ['iam:RemoveRoleFromInstanceProfile'] as const;
export const TEARDOWN_MFA_ACTIONS = ['iam:DeleteVirtualMFADevice'] as const;

/** Billing buckets: created if absent, their policy merged with the vendor's statements. */
export const WRITE_BUCKET_ACTIONS = ['s3:CreateBucket', 's3:GetBucketPolicy', 's3:PutBucketPolicy', 's3:ListBucket'] as const;

/**
 * Secrets Manager sinks, staged as AWS's own rotation stages them: DescribeSecret checks the
 * owner tags before any write; the secret is created tagged (TagResource) the first time; a new
 * key goes in as AWSPENDING (PutSecretValue) and is promoted to AWSCURRENT once every sink holds
 * it (UpdateSecretVersionStage). GetSecretValue reads a pending key back so the next run can
 * finish a rotation a crash interrupted; without it such a key is retired instead (slower, and
 * a sink written after Secrets Manager may briefly hold a key that is later deactivated).
 */
export const WRITE_SECRET_ACTIONS = [
  'secretsmanager:DescribeSecret',
  'secretsmanager:CreateSecret',
  'secretsmanager:TagResource',
  'secretsmanager:PutSecretValue',
  'secretsmanager:UpdateSecretVersionStage',
  'secretsmanager:GetSecretValue',
] as const;

/** A sink secret encrypted with a customer key needs the key, through Secrets Manager only (Decrypt: reading a pending key back). */
export const WRITE_SECRET_KMS_ACTIONS = ['kms:GenerateDataKey', 'kms:Encrypt', 'kms:Decrypt'] as const;

/** What reading the organisation calls (src/org/read.ts): the `organization.via` account only. */
export const ORG_READS = ['organizations:ListRoots', 'organizations:ListOrganizationalUnitsForParent', 'organizations:ListAccountsForParent', 'organizations:ListTagsForResource'] as const;
