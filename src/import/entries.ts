/**
 * A door -> the manifest entry that declares it as it is, so that after `apply` (which then only
 * adopts and tags) plan shows no drift: the live path, the attached policies by name or ARN, the
 * inline policies as files, the trust as `trust:` with the external ID read from the environment
 * (never the live value), and `adopt: true`. Pure: the caller writes the files and the YAML.
 */
import type { AccountInventory, InlinePolicy, RoleState, UserState } from '../aws/inventory-model.js';
import type { Door } from '../discover/doors.js';
import { normalizePolicy } from '../plan/policy-equivalence.js';
import { awsManagedName } from '../policy/managed-policies.js';

export interface ImportEntry {
  connection: string;
  /** The connection's YAML value. */
  value: Record<string, unknown>;
  /** One line per source, for the comment above the entry. */
  comment: string[];
  /** Policy files to write, relative to the manifest's folder: pretty JSON. */
  files: Record<string, string>;
  /** Environment variables the entry reads (external IDs), with what to put in them. */
  env: { name: string; what: string }[];
}

export type ImportOutcome = { ok: true; entry: ImportEntry } | { ok: false; door: Door; reason: string };

/** A connection name from the principal's: lowercase letters, digits and -, unique. */
export function connectionName(principal: string, taken: ReadonlySet<string>): string {
  const base = principal.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 44) || 'imported';
  let name = /^[a-z0-9]/.test(base) ? base : `x${base}`;
  for (let n = 2; taken.has(name); n++) name = `${base.slice(0, 44)}-${n}`;
  return name;
}

function policyRefs(conn: string, principal: { attached: { arn: string }[]; inline: InlinePolicy[] }, files: Record<string, string>) {
  const managedPolicies = principal.attached.map((a) => awsManagedName(a.arn) ?? a.arn);
  const inlinePolicies = principal.inline.map((p) => {
    const file = `policies/${conn}-${p.name.replace(/[^A-Za-z0-9_.-]+/g, '-')}.json`;
    files[file] = `${JSON.stringify(p.document, null, 2)}\n`;
    return { file, name: p.name };
  });
  return { ...(managedPolicies.length > 0 ? { managedPolicies } : {}), ...(inlinePolicies.length > 0 ? { inlinePolicies } : {}) };
}

/** The trust as the manifest's generated shape, when the live document is exactly that shape. */
function trustOf(role: RoleState, envName: string): { trust: Record<string, unknown>; externalId: boolean } | string {
  let statements;
  try {
    statements = normalizePolicy(role.trust).statements;
  } catch {
    return 'its trust policy cannot be read';
  }
  const [s, ...rest] = statements;
  if (s === undefined || rest.length > 0) return 'its trust policy has more than one statement: write its trust: file by hand';
  const principals = s.principal?.AWS ?? [];
  const keys = Object.keys(s.principal ?? {});
  if (s.effect !== 'Allow' || keys.length !== 1 || principals.length === 0 || principals.includes('*')) return 'its trust admits more than AWS principals: write its trust by hand';
  if (s.action?.length !== 1 || s.action[0] !== 'sts:assumerole' || s.notAction || s.notPrincipal) return 'its trust allows more than sts:AssumeRole: write its trust by hand';
  const conditions = Object.entries(s.condition ?? {});
  const ext = conditions.length === 1 && conditions[0]?.[0] === 'StringEquals' ? conditions[0][1] : undefined;
  if (conditions.length > 0 && (ext === undefined || Object.keys(ext).join() !== 'sts:externalid' || ext['sts:externalid']?.length !== 1)) {
    return 'its trust has conditions other than one sts:ExternalId: write its trust by hand';
  }
  const roots = principals.filter((p) => /^arn:aws[\w-]*:iam::\d{12}:root$/.test(p));
  const trust: Record<string, unknown> = {};
  if (roots.length === 1) trust.awsAccount = /::(\d{12}):root$/.exec(roots[0] ?? '')?.[1];
  const others = principals.filter((p) => roots.length !== 1 || p !== roots[0]);
  if (others.length > 0) trust.awsPrincipals = others;
  if (ext !== undefined) trust.externalId = { env: envName };
  return { trust, externalId: ext !== undefined };
}

export function importRole(door: Door, role: RoleState, conn: string, account: string, asOf: string): ImportOutcome {
  const envName = `${conn.toUpperCase().replace(/-/g, '_')}_EXTERNAL_ID`;
  const t = trustOf(role, envName);
  if (typeof t === 'string') return { ok: false, door, reason: `role ${role.name}: ${t}` };
  if (!t.externalId && t.trust.awsAccount !== undefined) {
    // The manifest refuses a cross-account trust without one (trust/missing-external-id), and
    // declaring one would make apply add a condition the vendor may not send: a person decides.
    return {
      ok: false,
      door,
      reason: `role ${role.name} requires no external ID, and the manifest refuses such a trust: ask ${door.vendors[0] ?? 'the account owner'} for an external ID, add the sts:ExternalId condition (or replace the role), then import it`,
    };
  }
  const files: Record<string, string> = {};
  const value = {
    accounts: [account],
    adopt: true,
    role: { name: role.name, path: role.path, trust: t.trust, ...policyRefs(conn, role, files) },
  };
  const comment = [
    ` Imported by iam-connections import on ${asOf.slice(0, 10)} from role ${role.arn}`,
    ...(door.vendors.length > 0 ? [` Vendor: ${door.vendors.join(', ')} (known AWS account catalogue or defaults.knownAccounts)`] : [' Vendor: unknown account: find out who uses this role before trusting it further']),
    ` Trust, path and policies as read from IAM; discover ranked it ${door.risk}${door.reasons.length > 0 ? `: ${door.reasons.join('; ')}` : ''}`,
  ];
  return {
    ok: true,
    entry: { connection: conn, value, comment, files, env: t.externalId ? [{ name: envName, what: `the external ID role ${role.name} requires today (aws iam get-role --role-name ${role.name}); never commit it` }] : [] },
  };
}

export function importUser(door: Door, user: UserState, conn: string, account: string, asOf: string): ImportOutcome {
  if (user.groups.length > 0) return { ok: false, door, reason: `user ${user.name} is in group(s) ${user.groups.join(', ')}: the manifest does not declare groups, and apply would remove them` };
  const files: Record<string, string> = {};
  const value = {
    accounts: [account],
    adopt: true,
    user: { name: user.name, path: user.path, ...policyRefs(conn, user, files), accessKey: { rotateAfter: '90d', overlap: '7d', deleteAfter: '7d', deliver: [{ secretsManager: { secretId: `integrations/${conn}` } }] } },
  };
  const comment = [
    ` Imported by iam-connections import on ${asOf.slice(0, 10)} from user ${user.arn}`,
    ' Its keys were made by hand: rotate replaces them with recorded keys (the rotation defaults below) and',
    ` delivers the new key to Secrets Manager integrations/${conn}: change deliver: to where the vendor reads it`,
    ` Path and policies as read from IAM; discover ranked it ${door.risk}${door.reasons.length > 0 ? `: ${door.reasons.join('; ')}` : ''}`,
  ];
  return { ok: true, entry: { connection: conn, value, comment, files, env: [] } };
}

export function importDoor(inv: AccountInventory, door: Door, taken: Set<string>, asOf: string): ImportOutcome {
  if (door.rank === 'managed') return { ok: false, door, reason: `${door.type} ${door.name} is already declared by connection ${door.connection ?? '?'}` };
  if (door.type === 'role') {
    const role = inv.roles.find((r) => r.name === door.name);
    if (!role) return { ok: false, door, reason: `role ${door.name} is no longer in the inventory` };
    const conn = connectionName(role.name, taken);
    const out = importRole(door, role, conn, inv.account, asOf);
    if (out.ok) taken.add(conn);
    return out;
  }
  if (door.type === 'user') {
    const user = inv.users.find((u) => u.name === door.name);
    if (!user) return { ok: false, door, reason: `user ${door.name} is no longer in the inventory` };
    const conn = connectionName(user.name, taken);
    const out = importUser(door, user, conn, inv.account, asOf);
    if (out.ok) taken.add(conn);
    return out;
  }
  return { ok: false, door, reason: `${door.type} ${door.name}: policies and bucket policies are declared under a connection by hand` };
}
