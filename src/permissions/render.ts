/** Text and JSON renderings of the two roles, for the `permissions` command. */
import type { Permissions, RoleDocuments } from './roles.js';

function roleText(title: string, r: RoleDocuments): string {
  // A federated principal must be the account's own OIDC provider, so with several accounts
  // each gets its own trust policy: the OIDC statement only where GitHub reaches it directly.
  const perAccount = Object.entries(r.trustByAccount);
  const lines = [`${title} role "${r.name}": ${r.purpose}`, ''];
  if (perAccount.length > 1) {
    lines.push('Trust policy, per account:');
    for (const [account, doc] of perAccount) lines.push(`${account}:`, JSON.stringify(doc, null, 2));
  } else {
    lines.push('Trust policy:', JSON.stringify(r.trust, null, 2));
  }
  lines.push('', 'Permissions policy (the same in every account):', JSON.stringify(r.policy, null, 2));
  return lines.join('\n');
}

export function renderPermissionsText(p: Permissions): string {
  return [
    roleText('Planner', p.planner),
    '',
    roleText('Writer', p.writer),
    '',
    'Use the planner role in pull-request and plan workflows, the writer role only in the apply and rotate',
    'workflows; iam:PassRole is not needed. The writer can grant what the manifest declares: protect the',
    'default branch (or the environment) it trusts with required reviews.',
    'On GitHub, the apply and rotate workflows need `permissions: id-token: write` and `actions: read` (to see',
    'whether the run holding a rotate lock has ended; without it a stale lock waits out its 15-minute expiry).',
  ].join('\n');
}

export function renderPermissionsJson(p: Permissions): string {
  return JSON.stringify(p, null, 2);
}
