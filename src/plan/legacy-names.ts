/**
 * Continuity for policies named by an earlier default (`<connection>-<file stem>` even when the
 * stem already starts with the connection, `senhasegura-senhasegura-cloud-iam`). IAM cannot rename
 * a policy, so a changed default would plan a new policy, a re-attachment and a deletion for no
 * change in access. When the account holds the old name and not the new one, the desired state
 * takes the old name: the plan compares documents as before, and nothing is replaced. A manifest
 * that wants the new name says `name:` on the entry.
 */
import type { AccountInventory } from '../aws/inventory-model.js';
import type { DesiredAccount, DesiredInline, DesiredPolicy, DesiredPrincipal } from './desired.js';
import { policyOwner } from './policy-owner.js';

const lower = (s: string): string => s.toLowerCase();

/** `desired` with each policy renamed to its legacy name where only that name is deployed (and ours). */
export function keepLegacyNames(desired: DesiredAccount, actual: AccountInventory): DesiredAccount {
  const live = new Map(actual.policies.map((p) => [lower(p.name), p]));
  const renamed = new Map<string, DesiredPolicy>();
  const policies = desired.policies.map((d) => {
    if (d.legacyName === undefined || live.has(lower(d.name))) return d;
    const old = live.get(lower(d.legacyName));
    if (old === undefined || policyOwner(old) !== d.connection) return d;
    const arn = d.arn.slice(0, d.arn.length - d.name.length) + old.name;
    const kept: DesiredPolicy = { ...d, name: old.name, arn };
    renamed.set(d.arn, kept);
    return kept;
  });
  const liveInline = (type: 'user' | 'role', name: string): Set<string> => {
    const principals: { name: string; inline: { name: string }[] }[] = type === 'user' ? actual.users : actual.roles;
    const found = principals.find((p) => lower(p.name) === lower(name));
    return new Set((found?.inline ?? []).map((i) => lower(i.name)));
  };
  const principal = <P extends DesiredPrincipal>(p: P, type: 'user' | 'role'): P => {
    const inlineLive = liveInline(type, p.name);
    const inline = p.inline.map((i): DesiredInline => {
      if (i.legacyName === undefined || inlineLive.has(lower(i.name)) || !inlineLive.has(lower(i.legacyName))) return i;
      return { ...i, name: i.legacyName };
    });
    const attachments = p.attachments.map((a) => {
      const kept = renamed.get(a.arn);
      return kept === undefined ? a : { ...a, arn: kept.arn, name: kept.name };
    });
    return { ...p, inline, attachments };
  };
  return {
    ...desired,
    policies,
    users: desired.users.map((u) => principal(u, 'user')),
    roles: desired.roles.map((r) => principal(r, 'role')),
  };
}
