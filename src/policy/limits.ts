/**
 * IAM's size and count quotas, which IAM enforces only at write time (and moto not at all): policy
 * sizes without whitespace, managed policies per principal, tags per principal.
 */
import type { ConnectionSpec, Manifest, PrincipalSpec, ResolvedPolicy } from '../manifest/model.js';
import { MAX_TAGS_PER_PRINCIPAL, reservedTags, tagsAtMost } from '../manifest/tool-tags.js';
import { finding, findingAt, type Draft, type PolicyUnderCheck } from './finding.js';

export const LIMITS = {
  userInlineTotal: 2048,
  roleInlineTotal: 10240,
  managedPolicy: 6144,
  trustPolicy: 2048,
  managedPoliciesPerPrincipal: 10,
  tagsPerPrincipal: MAX_TAGS_PER_PRINCIPAL,
} as const;

/** Size as IAM counts it: the document without insignificant whitespace. */
export function policySize(document: unknown): number {
  return JSON.stringify(document)?.length ?? 0;
}

export function checkDocumentSize(doc: PolicyUnderCheck): Draft[] {
  const size = policySize(doc.policy.document);
  if (doc.kind === 'trust' && size > LIMITS.trustPolicy) {
    return [findingAt(doc, 'limits/trust-policy-size', [], `trust policy ${doc.policy.name} has ${size} characters without whitespace; IAM's default limit is ${LIMITS.trustPolicy}`, { fix: 'Shorten it (merge statements, list principals once), or raise the "Role trust policy length" quota to 4,096.' })];
  }
  if (doc.kind === 'identity' && doc.policy.kind === 'managed' && size > LIMITS.managedPolicy) {
    return [findingAt(doc, 'limits/managed-policy-size', [], `policy ${doc.policy.name} has ${size} characters without whitespace; IAM's limit for a managed policy is ${LIMITS.managedPolicy}`, { fix: 'Split it into two policies, or replace lists of actions by wildcards such as iam:List*.' })];
  }
  return [];
}

/**
 * What the tool writes on this principal beyond its declared tags: the user's key record, lock and
 * pending key when it has an access key; the policy hash on its customer-managed policies, which
 * carry the principal's tags too.
 */
export function principalReservedTags(principal: PrincipalSpec & { accessKey?: unknown }, kind: 'user' | 'role'): string[] {
  const own = reservedTags(kind, { accessKey: principal.accessKey !== undefined });
  const policies = principal.policies.length > 0 ? reservedTags('policy') : [];
  return [...new Set([...own, ...policies])];
}

export function checkPrincipalLimits(manifest: Manifest, connection: ConnectionSpec, principal: PrincipalSpec, kind: 'user' | 'role'): Draft[] {
  const out: Draft[] = [];
  const where = `${kind} ${principal.name}`;
  const inline: ResolvedPolicy[] = principal.inlinePolicies;
  const limit = kind === 'user' ? LIMITS.userInlineTotal : LIMITS.roleInlineTotal;
  const total = inline.reduce((n, p) => n + policySize(p.document), 0);
  if (total > limit) {
    out.push(
      finding('limits/inline-policy-size', principal.at, `the inline policies of ${where} total ${total} characters without whitespace (${inline.map((p) => `${p.name}: ${policySize(p.document)}`).join(', ')}); IAM's limit for a ${kind} is ${limit}`, {
        connection: connection.name,
        fix: 'Move them to customer-managed policies (`policies:`), which are limited to 6,144 characters each.',
      }),
    );
  }
  const attached = principal.policies.length + principal.managedPolicies.length;
  if (attached > LIMITS.managedPoliciesPerPrincipal) {
    out.push(
      finding('limits/managed-policy-count', principal.at, `${where} would have ${attached} managed policies attached (${principal.policies.length} policies + ${principal.managedPolicies.length} managedPolicies); IAM's default limit is ${LIMITS.managedPoliciesPerPrincipal}`, {
        connection: connection.name,
        fix: 'Merge documents into fewer policies, or raise the "Managed policies per user/role" quota (up to 20) and note it in the manifest.',
      }),
    );
  }
  const declared = new Set([...Object.keys(manifest.defaults.tags), ...Object.keys(connection.tags), ...Object.keys(principal.tags)]);
  const reserved = principalReservedTags(principal, kind);
  const tagCount = tagsAtMost(declared, reserved);
  if (tagCount > LIMITS.tagsPerPrincipal) {
    const extra = reserved.filter((k) => !declared.has(k));
    out.push(
      finding(
        'limits/tag-count',
        principal.at,
        `${where} would carry ${tagCount} tags: ${declared.size} declared (defaults, connection and ${kind} tags) and ${extra.length} that iam-connections writes (${extra.join(', ')}); IAM allows ${LIMITS.tagsPerPrincipal}`,
        {
          connection: connection.name,
          fix: `Remove at least ${tagCount - LIMITS.tagsPerPrincipal} declared tag(s): the tool's own tags are written during apply and rotate, and a rotation that cannot write them fails after the new key was delivered.`,
        },
      ),
    );
  }
  return out;
}
