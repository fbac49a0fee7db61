/**
 * The statements a manifest with `organization:` adds to the planner and writer roles. The
 * documents are shared by every account, so each is limited by `aws:PrincipalAccount` to the
 * `via` account (management or delegated administrator): no other account's role can list the
 * organisation or hop into the organisation accounts' roles.
 */
import type { Manifest } from '../manifest/model.js';
import { ORG_READS } from './actions.js';
import type { Statement } from './roles.js';

/** `role`: the role name the hub assumes in each organisation account (roleName, or planRoleName for the planner). */
export function organizationStatements(manifest: Manifest, role: (org: NonNullable<Manifest['organization']>) => string): Statement[] {
  const org = manifest.organization;
  const hub = org && manifest.accounts.find((a) => a.name === org.via);
  if (!org || !hub) return [];
  const onlyHub = { StringEquals: { 'aws:PrincipalAccount': [hub.id] } };
  return [
    // Organizations list calls do not support resource-level scoping for ListRoots; '*' held to the hub by the condition.
    { Sid: 'OrganizationReads', Effect: 'Allow', Action: [...ORG_READS], Resource: ['*'], Condition: onlyHub },
    // Account IDs are known only at run time: the role name (and the hub condition) is the scope.
    { Sid: 'OrganizationAccounts', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [`arn:aws:iam::*:role/${role(org)}`], Condition: onlyHub },
  ];
}
