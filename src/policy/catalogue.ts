/**
 * Every offline policy check, once: stable id, severity, title and help. Findings take their
 * severity from here, and the SARIF rules and the README's table are generated from it.
 */
import type { Severity } from '../diagnostics.js';

export interface CheckInfo {
  id: string;
  severity: Severity;
  title: string;
  help: string;
  /** Warnings that fail `validate` until the connection acknowledges them with a reason. */
  acknowledgeable?: boolean;
}

const list = [
  // grammar
  { id: 'policy/document-shape', severity: 'error', title: 'Policy document is not an object with a Statement', help: 'A policy document is a JSON object with "Version" and "Statement"; Statement is one statement object or an array of them.' },
  { id: 'policy/version', severity: 'error', title: 'Missing or invalid policy Version', help: 'Set "Version": "2012-10-17". Without it IAM uses the 2008 language, where policy variables such as ${aws:username} are plain text.' },
  { id: 'policy/old-version', severity: 'warning', title: 'Policy uses the 2008-10-17 language version', help: 'Use "Version": "2012-10-17": the 2008 version does not support policy variables.' },
  { id: 'policy/unknown-key', severity: 'error', title: 'Unknown element in a policy or statement', help: 'Top-level elements are Version, Id and Statement; statement elements are Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource and Condition (case-sensitive).' },
  { id: 'policy/invalid-value', severity: 'error', title: 'Element has the wrong type', help: 'Action, NotAction, Resource and NotResource take a string or an array of strings; Condition takes an object of operators to objects of keys.' },
  { id: 'policy/effect', severity: 'error', title: 'Effect is missing or not Allow/Deny', help: 'Every statement needs "Effect": "Allow" or "Effect": "Deny" (case-sensitive).' },
  { id: 'policy/action-element', severity: 'error', title: 'Statement needs exactly one of Action or NotAction', help: 'Give the statement an "Action" list (preferred) or a "NotAction" list, not both and not neither.' },
  { id: 'policy/resource-element', severity: 'error', title: 'Resource element missing, doubled or not allowed', help: 'Identity and bucket policy statements need exactly one of Resource or NotResource; trust policy statements must have neither.' },
  { id: 'policy/principal-not-allowed', severity: 'error', title: 'Principal in an identity policy', help: 'Principal and NotPrincipal belong in trust and resource (bucket) policies. An identity policy applies to the user or role it is attached to: remove the element.' },
  { id: 'policy/principal-missing', severity: 'error', title: 'Trust or bucket policy statement without Principal', help: 'Name who the statement applies to with "Principal", e.g. {"AWS": "arn:aws:iam::123456789012:root"}.' },
  { id: 'policy/invalid-principal', severity: 'error', title: 'Principal element is malformed', help: 'Principal is "*" or an object whose keys are AWS, Service, Federated or CanonicalUser, each a string or an array of strings.' },
  { id: 'policy/condition-operator', severity: 'error', title: 'Unknown condition operator', help: 'Use an IAM condition operator (StringEquals, StringLike, ArnLike, Bool, IpAddress, DateGreaterThan, NumericLessThan, Null, ...), optionally with the IfExists suffix or the ForAllValues:/ForAnyValue: prefix.' },
  { id: 'policy/duplicate-sid', severity: 'error', title: 'Two statements share a Sid', help: 'Sids must be unique within a policy: rename or remove one.' },
  { id: 'policy/invalid-sid', severity: 'error', title: 'Sid has characters IAM rejects', help: 'In identity and trust policies a Sid may contain only letters and digits ([A-Za-z0-9]).' },
  // actions
  { id: 'policy/invalid-action', severity: 'error', title: 'Action is not of the form service:Action', help: 'Write actions as service-prefix:ActionName, e.g. iam:ListUsers, or "*".' },
  { id: 'policy/unknown-service', severity: 'error', title: 'Unknown service prefix', help: 'The service prefix is not in the IAM service authorization reference; check its spelling (prefixes are lower case, e.g. iam, s3, ec2).' },
  { id: 'policy/unknown-action', severity: 'error', title: 'Unknown action', help: 'The action is not in the service authorization reference for that service; check its spelling.' },
  { id: 'policy/wildcard-matches-nothing', severity: 'error', title: 'Wildcard action matches no action', help: 'The pattern matches no action of its service, so it grants nothing; fix the spelling before the wildcard.' },
  { id: 'policy/retired-service', severity: 'notice', title: 'Grant to a retired AWS service', help: 'The service has reached end of life: these actions no longer do anything useful and can be removed once the vendor confirms it no longer calls them.' },
  // limits
  { id: 'limits/inline-policy-size', severity: 'error', title: 'Inline policies exceed IAM size limit', help: 'IAM limits the inline policies of a user to 2,048 and of a role to 10,240 characters in total (whitespace excluded): move statements to a customer-managed policy.' },
  { id: 'limits/managed-policy-size', severity: 'error', title: 'Managed policy exceeds 6,144 characters', help: 'A customer-managed policy may hold at most 6,144 characters (whitespace excluded): split it into two policies or use wildcards.' },
  { id: 'limits/trust-policy-size', severity: 'error', title: 'Trust policy exceeds 2,048 characters', help: 'A role trust policy may hold at most 2,048 characters by default (whitespace excluded; the quota can be raised to 4,096).' },
  { id: 'limits/managed-policy-count', severity: 'error', title: 'More than 10 managed policies on a principal', help: 'IAM attaches at most 10 managed policies to a user or role by default (policies + managedPolicies): merge documents or request a quota increase.' },
  { id: 'limits/tag-count', severity: 'error', title: 'More than 50 tags on a principal', help: 'IAM allows 50 tags per user, role or policy, including the ones iam-connections writes: the ownership tag, and on a user with an access key the rotation lock and the key record (current, previous, pending); a policy also carries its document hash.' },
  // trust
  { id: 'trust/missing-external-id', severity: 'error', title: 'Cross-account trust without an external ID', help: 'A role trusted by another AWS account must require sts:ExternalId (the confused-deputy protection): set trust.externalId to the value the vendor issued.' },
  { id: 'trust/public-principal', severity: 'error', title: 'Trust policy lets anyone assume the role', help: 'Principal "*" (or {"AWS": "*"}) in a trust policy allows every AWS account: name the vendor account or role instead.' },
  // risks
  { id: 'policy/admin-equivalent', severity: 'warning', acknowledgeable: true, title: 'Grant equivalent to administrator access', help: 'Action "*" or "iam:*" on every resource lets the holder do anything, including granting itself more. Narrow the actions, or acknowledge with the reason the vendor needs it.' },
  { id: 'policy/full-service-access', severity: 'warning', acknowledgeable: true, title: 'Every action of a service on every resource', help: '"service:*" on Resource "*" grants every present and future action of that service. List the actions the vendor needs, or acknowledge.' },
  { id: 'policy/privilege-escalation', severity: 'warning', acknowledgeable: true, title: 'Action that allows privilege escalation', help: 'On unrestricted resources these actions let the holder give itself or another principal more permissions (Rhino Security Labs list). Scope Resource to the principals the vendor manages, or acknowledge.' },
  { id: 'policy/passrole-unrestricted', severity: 'warning', acknowledgeable: true, title: 'iam:PassRole on every role', help: 'iam:PassRole on "*" lets the holder hand any role, including admin roles, to a service it controls. Restrict Resource to the roles the vendor needs.' },
  { id: 'policy/allow-not-action', severity: 'warning', acknowledgeable: true, title: 'Allow with NotAction', help: 'Allow with NotAction grants every action except those listed, including actions AWS adds later. List the allowed actions instead.' },
  { id: 'policy/allow-not-resource', severity: 'warning', acknowledgeable: true, title: 'Allow with NotResource', help: 'Allow with NotResource grants on every resource except those listed, including resources created later. List the allowed resources instead.' },
  { id: 'policy/unused-acknowledgement', severity: 'notice', title: 'Acknowledgement matches no finding', help: 'The connection acknowledges a check that found nothing (or not for that action): remove the stale acknowledgement.' },
  // AWS managed policies
  { id: 'policy/unknown-managed-policy', severity: 'error', title: 'Not an AWS managed policy', help: 'The name or ARN is not in the table of AWS managed policies: check its spelling (case-sensitive) and path (e.g. job-function/ViewOnlyAccess). Attaching it would fail after the policy it replaces was detached.' },
  { id: 'policy/deprecated-managed-policy', severity: 'warning', title: 'Deprecated AWS managed policy', help: 'AWS deprecated this managed policy (or announced it): attach the replacement AWS names.' },
  { id: 'policy/managed-data-read', severity: 'warning', title: 'AWS managed policy reads data, not only configuration', help: 'The policy lets the third party read stored data (S3 objects, DynamoDB items, secrets, ...). If the vendor needs configuration only, attach ViewOnlyAccess or SecurityAudit, or list the actions it needs.' },
  // vendor presets
  { id: 'vendor/missing-required-action', severity: 'error', title: 'Connection lacks actions its vendor needs', help: "The vendor's runbook needs these actions and none of the connection's documents or managed policies grants them: add them, or drop the custom policies to use the preset's defaults." },
  { id: 'vendor/required-actions-unverified', severity: 'notice', title: 'Required actions could not be verified', help: 'A managed policy iam-connections does not know is attached; it may grant the missing actions. Verify them by hand.' },
  { id: 'vendor/forbidden-combination', severity: 'error', title: 'Policies the vendor says never to combine', help: "The vendor's runbook forbids attaching these policies together: keep only one." },
  { id: 'vendor/discouraged-policy', severity: 'warning', acknowledgeable: true, title: 'Policy the vendor marks as risky', help: "The vendor's runbook warns against this policy unless strictly needed: use the recommended one, or acknowledge." },
  { id: 'vendor/not-temporary', severity: 'warning', title: 'Bootstrap connection is not temporary', help: "The vendor's runbook says to delete this user once set up: add `temporary: { expires: ... }` or `ttl:`." },
  { id: 'vendor/known-risk', severity: 'notice', title: 'The vendor creates a risky resource itself', help: 'The vendor creates this resource with its own permissions, outside iam-connections: it is watched and reported, never changed.' },
] as const satisfies readonly CheckInfo[];

export type CheckId = (typeof list)[number]['id'];

export const CATALOGUE: readonly CheckInfo[] = list;

const byId = new Map<string, CheckInfo>(list.map((c) => [c.id, c]));

export function checkInfo(id: CheckId): CheckInfo {
  const info = byId.get(id);
  if (!info) throw new Error(`unknown check id ${id}`);
  return info;
}

export function isPolicyCheck(id: string): boolean {
  return byId.has(id);
}
