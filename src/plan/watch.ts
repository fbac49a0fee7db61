/**
 * Risk of vendor-created resources named under `watch:` (e.g. CloudCoreo's
 * `CloudCoreoAssumedRole`): what their policies allow, in words a reviewer can act on.
 * Deliberately small and self-contained (a coarse reading: resources and conditions on
 * allows are ignored; only unconditional denies on every resource count as exceptions).
 */
import type { AccountInventory, AttachedPolicy, InlinePolicy, RoleState } from '../aws/inventory-model.js';
import type { DesiredWatch } from './desired.js';
import type { Severity, WatchReport } from './model.js';
import { actionCovered, normalizePolicy } from './policy-equivalence.js';
import type { NormalizedStatement } from './policy-equivalence.js';

/** Actions that let a principal grant itself (or another) more than it has. */
export const ESCALATION_ACTIONS: readonly string[] = [
  'iam:AddUserToGroup',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:AttachUserPolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:CreatePolicyVersion',
  'iam:PassRole',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:PutUserPolicy',
  'iam:SetDefaultPolicyVersion',
  'iam:UpdateAssumeRolePolicy',
  'iam:UpdateLoginProfile',
];

/** AWS-managed policies whose documents are not in the inventory but whose reach is well known. */
const KNOWN_AWS_POLICIES: Record<string, { allows: string; severity: Severity }> = {
  AdministratorAccess: { allows: '*', severity: 'critical' },
  IAMFullAccess: { allows: 'iam:*', severity: 'critical' },
  PowerUserAccess: { allows: '* except most of iam:* and organizations:*', severity: 'high' },
};

export interface Grants {
  /** Allowed action patterns, lower-cased. */
  allow: string[];
  /** `NotAction` lists of Allow statements (each means "everything except these"). */
  allowExcept: string[][];
  /** Unconditional denies on every resource. */
  deny: string[];
  /** Spelling of actions as written. */
  spelling: Record<string, string>;
}

export function grantsOf(documents: unknown[]): Grants {
  const g: Grants = { allow: [], allowExcept: [], deny: [], spelling: {} };
  for (const doc of documents) {
    const p = normalizePolicy(doc);
    Object.assign(g.spelling, { ...p.spelling, ...g.spelling });
    for (const s of p.statements) collect(g, s);
  }
  return g;
}

function collect(g: Grants, s: NormalizedStatement): void {
  if (s.effect === 'Allow') {
    g.allow.push(...(s.action ?? []));
    if (s.notAction) g.allowExcept.push(s.notAction);
  } else if (s.effect === 'Deny' && !s.condition && (s.resource ?? []).includes('*')) {
    g.deny.push(...(s.action ?? []));
  }
}

export function allows(g: Grants, action: string): boolean {
  if (actionCovered(action, g.deny)) return false;
  return actionCovered(action, g.allow) || g.allowExcept.some((except) => !actionCovered(action, except));
}

function spell(g: Grants, a: string): string {
  return g.spelling[a] ?? a;
}

/** Sentences on what the documents allow; `*` grants first. */
export function describeGrants(name: string, g: Grants): { risks: string[]; severity: Severity } {
  const risks: string[] = [];
  let severity: Severity = 'info';
  const all = g.allow.includes('*') || g.allow.includes('*:*') || g.allowExcept.length > 0;
  const escalation = ESCALATION_ACTIONS.filter((a) => allows(g, a));
  const denied = [...new Set(g.deny)].map((a) => spell(g, a)).sort();
  if (all) {
    severity = 'critical';
    const except = g.allowExcept.length > 0 && !g.allow.includes('*') ? g.allowExcept.flat().map((a) => spell(g, a)) : [];
    const exceptions = [...new Set([...except, ...denied])].sort();
    const head = `${name} allows *${exceptions.length > 0 ? ` except ${exceptions.join(', ')}` : ''}`;
    risks.push(escalation.length > 0 ? `${head}: still allows ${escalation.join(', ')} (privilege escalation)` : head);
  } else {
    const services = g.allow.filter((a) => a.endsWith(':*')).map((a) => spell(g, a));
    if (services.length > 0) {
      severity = 'high';
      risks.push(`${name} allows every action of: ${services.join(', ')}`);
    }
    if (escalation.length > 0) {
      severity = 'critical';
      risks.push(`${name} allows ${escalation.join(', ')} (privilege escalation)`);
    }
  }
  return { risks, severity };
}

const RANK: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
function worst(a: Severity, b: Severity): Severity {
  return RANK.indexOf(a) <= RANK.indexOf(b) ? a : b;
}

function policyDocuments(inv: AccountInventory, attached: AttachedPolicy[], inline: InlinePolicy[]) {
  const docs: unknown[] = [];
  const names: string[] = [];
  const known: { name: string; allows: string; severity: Severity }[] = [];
  for (const a of attached) {
    names.push(a.arn);
    const local = inv.policies.find((p) => p.arn === a.arn);
    if (local) docs.push(local.document);
    else {
      const k = KNOWN_AWS_POLICIES[a.name];
      if (k) known.push({ name: a.name, ...k });
    }
  }
  for (const i of inline) {
    names.push(`inline:${i.name}`);
    docs.push(i.document);
  }
  return { docs, names: names.sort(), known };
}

function trustSummary(role: RoleState): { principals: string[]; externalId: boolean } {
  const p = normalizePolicy(role.trust);
  const principals = new Set<string>();
  let externalId = false;
  for (const s of p.statements) {
    if (s.effect !== 'Allow') continue;
    for (const [type, values] of Object.entries(s.principal ?? {})) for (const v of values) principals.add(`${type}:${v}`);
    for (const keys of Object.values(s.condition ?? {})) if ('sts:externalid' in keys) externalId = true;
  }
  return { principals: [...principals].sort(), externalId };
}

export function watchReport(inv: AccountInventory, w: DesiredWatch): WatchReport {
  const base = { account: inv.account, connection: w.connection, at: w.at };
  const lname = w.name.toLowerCase();
  const absent = (type: WatchReport['resource']['type']): WatchReport => ({
    ...base,
    resource: { type, name: w.name },
    found: false,
    severity: 'info',
    risks: [`${type} ${w.name} does not exist (yet): nothing to assess`],
    policies: [],
  });

  if (w.type === 'policy') {
    const pol = inv.policies.find((p) => p.name.toLowerCase() === lname);
    if (!pol) return absent('policy');
    const { risks, severity } = describeGrants(`policy ${pol.name}`, grantsOf([pol.document]));
    return { ...base, resource: { type: 'policy', name: pol.name, arn: pol.arn }, found: true, severity, risks, policies: [pol.arn] };
  }

  const principal =
    w.type === 'role' ? inv.roles.find((r) => r.name.toLowerCase() === lname) : inv.users.find((u) => u.name.toLowerCase() === lname);
  if (!principal) return absent(w.type);
  const label = `${w.type} ${principal.name}`;
  const { docs, names, known } = policyDocuments(inv, principal.attached, principal.inline);
  const described = describeGrants(label, grantsOf(docs));
  let severity = described.severity;
  const risks = [...described.risks];
  for (const k of known) {
    risks.push(`${label} has the AWS-managed ${k.name} attached: allows ${k.allows}`);
    severity = worst(severity, k.severity);
  }
  const report: WatchReport = {
    ...base,
    resource: { type: w.type, name: principal.name, arn: principal.arn },
    found: true,
    severity,
    risks,
    policies: names,
  };
  if (w.type === 'role' && 'trust' in principal) {
    report.trust = trustSummary(principal);
    if (!report.trust.externalId && report.trust.principals.some((p) => p.startsWith('AWS:') && !p.includes(`::${inv.accountId}:`))) {
      risks.push(`${label} trusts another account without requiring an external ID (confused deputy)`);
      report.severity = worst(report.severity, 'high');
    }
  }
  if (risks.length === 0) risks.push(`${label}: no wildcard or privilege-escalation grants found`);
  return report;
}
