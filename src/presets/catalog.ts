/**
 * Vendor presets (`vendor: senhasegura | sekoia | cloudcoreo | cloudyn`). Each one implements a
 * seed runbook from ../shared/seeds and says which.
 *
 * Contract used by the manifest normaliser (src/manifest/normalize.ts):
 *  - when a connection names a vendor and its principal declares no `policies` and no
 *    `managedPolicies`, the preset's `defaultPolicies` and `defaultManagedPolicies` are filled in;
 *  - when a role's trust names no `awsAccount`/`awsPrincipals`, the preset's `trust.awsAccount` is used.
 * Everything else a preset knows (required actions, forbidden combinations, warnings) is used by
 * the policy checks (src/policy/vendor.ts).
 */
import { DOCUMENTS } from './generated/documents.js';

export interface PresetDocument {
  /** Default customer-managed policy name. */
  name: string;
  /** The shipped file under policies/ this document comes from, e.g. `policies/senhasegura-cloud-iam.json`. */
  file: string;
  /** The document's JSON text (bundled: no file is read at run time). */
  text: string;
}

export interface KnownRisk {
  /** What the vendor creates by itself, e.g. `role CloudCoreoAssumedRole`. */
  resource: string;
  /** The permissions it gets, as the runbook gives them. */
  document: unknown;
  description: string;
}

export interface VendorPreset {
  id: string;
  title: string;
  /** The seed runbook(s) this preset implements, e.g. ['000']. */
  seeds: string[];
  principal: 'user' | 'role';
  defaultPolicies: PresetDocument[];
  /** AWS-managed policy names, e.g. `IAMReadOnlyAccess`. */
  defaultManagedPolicies: string[];
  trust?: { awsAccount: string; externalIdRequired: boolean };
  /** Actions the vendor calls to work (from the runbook); checked against the connection's grants. */
  requiredActions: string[];
  /** AWS-managed policies the runbook says never to attach together. */
  forbiddenCombinations: { policies: string[]; reason: string }[];
  /** AWS-managed policies the runbook allows but warns against. */
  discouragedManagedPolicies: { policy: string; reason: string }[];
  /** The runbook says to delete the principal once set up (CloudCoreo's bootstrap user). */
  temporaryExpected: boolean;
  /** Resources the vendor creates itself, to list under `watch:` (reported, never managed). */
  watch: { roles: string[]; users: string[]; policies: string[] };
  knownRisks: KnownRisk[];
  /** A bucket policy template with `${BucketName}` and `${ReaderArn}` placeholders. */
  billingBucketPolicy?: PresetDocument;
}

function shipped(file: string, name: string): PresetDocument {
  const text = DOCUMENTS[file];
  if (text === undefined) throw new Error(`${file} is not bundled: run npm run gen`);
  return { name, file, text };
}

const none = { roles: [], users: [], policies: [] };

const PRESETS: readonly VendorPreset[] = [
  {
    id: 'senhasegura',
    title: 'senhasegura Cloud IAM',
    seeds: ['000'],
    principal: 'user',
    defaultPolicies: [shipped('policies/senhasegura-cloud-iam.json', 'senhasegura-cloud-iam')],
    defaultManagedPolicies: [],
    // every action of the runbook's custom policy: the PAM service provisions users with all of them
    requiredActions: [
      'opsworks:DescribeStacks', 'iam:DeleteAccessKey', 'opsworks:DescribePermissions', 'iam:CreateUser',
      'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'opsworks:UpdateUserProfile', 'iam:RemoveUserFromGroup',
      'iam:AddUserToGroup', 'iam:ListAttachedUserPolicies', 'iam:DetachUserPolicy', 'opsworks:CreateUserProfile',
      'iam:DeleteLoginProfile', 'iam:ListAccessKeys', 'iam:GetPolicyVersion', 'iam:ListPolicies', 'iam:GetPolicy',
      'iam:AttachUserPolicy', 'iam:DeleteUserPolicy', 'opsworks:DescribeUserProfiles', 'iam:UpdateAccessKey',
      'iam:ListRoles', 'iam:DeleteUser', 'iam:ListUserPolicies', 'opsworks:DeleteUserProfile', 'iam:ListGroupsForUser',
      'opsworks:DescribeInstances', 'iam:ListUsers', 'iam:ListGroups', 'iam:GetUser', 'iam:GetLoginProfile',
      'iam:GetAccountAuthorizationDetails',
    ],
    forbiddenCombinations: [],
    discouragedManagedPolicies: [],
    temporaryExpected: false,
    watch: none,
    knownRisks: [],
  },
  {
    id: 'sekoia',
    title: 'Sekoia.io AWS users asset connector',
    seeds: ['001'],
    principal: 'user',
    defaultPolicies: [],
    defaultManagedPolicies: ['IAMReadOnlyAccess'],
    // the runbook's "Required IAM permissions" list (also shipped as policies/sekoia-iam-reader.json),
    // less iam:ListGroupTags, which the runbook lists but IAM does not have (groups cannot be tagged)
    requiredActions: [
      'iam:ListUsers', 'iam:GetUser', 'iam:ListGroups', 'iam:GetGroup', 'iam:ListGroupsForUser', 'iam:ListUserPolicies',
      'iam:ListAttachedUserPolicies', 'iam:GetUserPolicy', 'iam:ListGroupPolicies', 'iam:ListAttachedGroupPolicies',
      'iam:GetGroupPolicy', 'iam:ListAccessKeys', 'iam:ListSigningCertificates', 'iam:ListSSHPublicKeys',
      'iam:ListServiceSpecificCredentials', 'iam:ListMFADevices', 'iam:GetLoginProfile', 'iam:ListUserTags',
      'iam:GetAccountSummary',
    ],
    forbiddenCombinations: [
      {
        policies: ['IAMReadOnlyAccess', 'IAMFullAccess'],
        reason: 'Sekoia.io\'s runbook says "Do not attach both policies to the same user"',
      },
    ],
    discouragedManagedPolicies: [
      {
        policy: 'IAMFullAccess',
        reason: 'Sekoia.io\'s runbook recommends IAMReadOnlyAccess and keeps IAMFullAccess "only if you require full IAM management capabilities"',
      },
    ],
    temporaryExpected: false,
    watch: none,
    knownRisks: [],
  },
  {
    id: 'cloudcoreo',
    title: 'CloudCoreo (bootstrap user)',
    seeds: ['002', '003'],
    principal: 'user',
    defaultPolicies: [shipped('policies/cloudcoreo-bootstrap.json', 'cloudcoreo-bootstrap')],
    defaultManagedPolicies: [],
    requiredActions: ['iam:GetUser', 'iam:CreatePolicy', 'iam:GetPolicy', 'iam:CreateRole', 'iam:GetRole', 'iam:AttachRolePolicy'],
    forbiddenCombinations: [],
    discouragedManagedPolicies: [],
    temporaryExpected: true,
    watch: { roles: ['CloudCoreoAssumedRole'], users: [], policies: [] },
    knownRisks: [
      {
        resource: 'role CloudCoreoAssumedRole',
        document: {
          Version: '2012-10-17',
          Statement: [
            { Action: ['*'], Effect: 'Allow', Resource: '*' },
            { Action: ['iam:CreateUser'], Effect: 'Deny', Resource: '*' },
          ],
        },
        description: 'CloudCoreo creates role CloudCoreoAssumedRole with policy CloudCoreoAssumedRolePolicy: Allow "*" on every resource except iam:CreateUser, which is administrator access',
      },
    ],
  },
  {
    id: 'cloudyn',
    title: 'Cloudyn (Azure Cost Management)',
    seeds: ['004'],
    principal: 'role',
    defaultPolicies: [],
    defaultManagedPolicies: ['ReadOnlyAccess'],
    trust: { awsAccount: '432263259397', externalIdRequired: true },
    // Cloudyn reads the detailed billing reports from the billing bucket (granted by ReadOnlyAccess)
    requiredActions: ['s3:GetObject', 's3:ListBucket'],
    forbiddenCombinations: [],
    discouragedManagedPolicies: [],
    temporaryExpected: false,
    watch: none,
    knownRisks: [],
    billingBucketPolicy: shipped('policies/cloudyn-billing-bucket.json', 'cloudyn-billing-bucket'),
  },
];

const byId = new Map(PRESETS.map((p) => [p.id, p]));

export function getPreset(id: string): VendorPreset | undefined {
  return byId.get(id);
}

export function presetIds(): string[] {
  return PRESETS.map((p) => p.id);
}

/** AWS's billing report delivery account, the writer in every billing bucket policy (seed 004). */
export const AWS_BILLING_ACCOUNT = '386209384616';

/**
 * Fills a template's `${Name}` placeholders. Values are JSON-string-escaped, so a value can never
 * change the document's structure; an unknown or missing placeholder is an error, not a silent gap.
 */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`template placeholder \${${name}} has no value`);
    return JSON.stringify(v).slice(1, -1);
  });
}

/** The Cloudyn billing bucket policy for a bucket and the role (or user) ARN that reads it. */
export function billingBucketPolicy(preset: VendorPreset, bucketName: string, readerArn: string): unknown {
  if (!preset.billingBucketPolicy) throw new Error(`preset ${preset.id} has no billing bucket policy`);
  return JSON.parse(fillTemplate(preset.billingBucketPolicy.text, { BucketName: bucketName, ReaderArn: readerArn }));
}
