/**
 * What the few AWS-managed policies that presets and runbooks name allow, so offline checks can
 * tell whether a vendor's required actions are granted and flag risky attachments without AWS.
 * The exact documents are AWS's and change over time; these are their shape as published, and
 * ReadOnlyAccess (thousands of actions) is approximated by its read verbs, see below.
 */

export interface ManagedPolicyInfo {
  name: string;
  /** Statements in IAM syntax; `*:Verb*` (any service) is used only for approximations. */
  document: { Version: '2012-10-17'; Statement: { Effect: 'Allow' | 'Deny'; Action?: string[]; NotAction?: string[]; Resource: string }[] };
  /** True when `document` approximates the real policy rather than reproducing it. */
  approximate: boolean;
}

const doc = (...statements: ManagedPolicyInfo['document']['Statement']): ManagedPolicyInfo['document'] => ({
  Version: '2012-10-17',
  Statement: statements,
});

export const MANAGED_POLICIES: Readonly<Record<string, ManagedPolicyInfo>> = {
  AdministratorAccess: {
    name: 'AdministratorAccess',
    approximate: false,
    document: doc({ Effect: 'Allow', Action: ['*'], Resource: '*' }),
  },
  PowerUserAccess: {
    name: 'PowerUserAccess',
    approximate: false,
    document: doc(
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: [
          'iam:CreateServiceLinkedRole',
          'iam:DeleteServiceLinkedRole',
          'iam:ListRoles',
          'organizations:DescribeOrganization',
          'account:ListRegions',
          'account:GetAccountInformation',
        ],
        Resource: '*',
      },
    ),
  },
  IAMFullAccess: {
    name: 'IAMFullAccess',
    approximate: false,
    document: doc({
      Effect: 'Allow',
      Action: [
        'iam:*',
        'organizations:DescribeAccount',
        'organizations:DescribeOrganization',
        'organizations:DescribeOrganizationalUnit',
        'organizations:DescribePolicy',
        'organizations:ListChildren',
        'organizations:ListParents',
        'organizations:ListPoliciesForTarget',
        'organizations:ListRoots',
        'organizations:ListPolicies',
        'organizations:ListTargetsForPolicy',
      ],
      Resource: '*',
    }),
  },
  IAMReadOnlyAccess: {
    name: 'IAMReadOnlyAccess',
    approximate: false,
    document: doc({
      Effect: 'Allow',
      Action: [
        'iam:GenerateCredentialReport',
        'iam:GenerateServiceLastAccessedDetails',
        'iam:Get*',
        'iam:List*',
        'iam:SimulateCustomPolicy',
        'iam:SimulatePrincipalPolicy',
      ],
      Resource: '*',
    }),
  },
  // The real ReadOnlyAccess lists a few thousand read actions service by service. For "is this
  // read action granted?" its verbs are a close approximation; it is never used to prove a write.
  ReadOnlyAccess: {
    name: 'ReadOnlyAccess',
    approximate: true,
    document: doc({
      Effect: 'Allow',
      Action: ['*:Get*', '*:List*', '*:Describe*', '*:BatchGet*', '*:Search*', '*:Query*', '*:Scan*', '*:Lookup*', '*:View*'],
      Resource: '*',
    }),
  },
};

/** `ReadOnlyAccess`, `arn:aws:iam::aws:policy/ReadOnlyAccess` or `arn:aws:iam::aws:policy/job-function/X` -> the name; else undefined (customer policy ARNs). */
export function awsManagedName(ref: string): string | undefined {
  if (!ref.startsWith('arn:')) return ref;
  const m = /^arn:aws[\w-]*:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/.exec(ref);
  return m?.[1];
}

export function managedPolicyInfo(ref: string): ManagedPolicyInfo | undefined {
  const name = awsManagedName(ref);
  return name !== undefined && Object.hasOwn(MANAGED_POLICIES, name) ? MANAGED_POLICIES[name] : undefined;
}
