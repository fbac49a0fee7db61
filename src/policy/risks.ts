/**
 * Risky grants: admin-equivalent and whole-service wildcards, privilege-escalation actions on
 * unrestricted resources, unrestricted iam:PassRole (alone and with compute that can run a passed
 * role), and Allow with NotAction/NotResource. Wildcards are expanded against the action table, so
 * `iam:Create*` is caught for iam:CreateAccessKey. All are acknowledgeable warnings.
 */
import { globRegExp, hasWildcard, patternMatches } from './action-table.js';
import { describePolicy, findingAt, type Draft, type PolicyUnderCheck } from './finding.js';
import { statements, unrestrictedResource, type Value } from './statements.js';

/** Rhino Security Labs' IAM privilege-escalation methods that need a single action. */
export const ESCALATION_ACTIONS = [
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AddUserToGroup',
  'iam:UpdateAssumeRolePolicy',
  'lambda:UpdateFunctionCode',
  'glue:UpdateDevEndpoint',
];

/** Services that run code as a role passed to them: with iam:PassRole on `*`, any role is reachable. */
export const PASSROLE_COMPUTE_ACTIONS = [
  'ec2:RunInstances',
  'lambda:CreateFunction',
  'glue:CreateDevEndpoint',
  'cloudformation:CreateStack',
  'datapipeline:CreatePipeline',
  'sagemaker:CreateNotebookInstance',
  'codebuild:CreateProject',
  'ecs:RunTask',
];

const ESCALATION_LOWER = ESCALATION_ACTIONS.map((a) => a.toLowerCase());
const COMPUTE_LOWER = PASSROLE_COMPUTE_ACTIONS.map((a) => a.toLowerCase());
const PASSROLE = 'iam:passrole';

const escalationCache = new Map<string, string[]>();

/** The escalation actions a written pattern grants, with AWS casing. */
function escalationHits(pattern: string): string[] {
  const key = pattern.toLowerCase();
  let hits = escalationCache.get(key);
  if (!hits) {
    hits = ESCALATION_ACTIONS.filter((_, i) => patternMatches(key, ESCALATION_LOWER[i] ?? ''));
    escalationCache.set(key, hits);
  }
  return hits;
}

/** `*`, `*:*` and the like: every action of every service. */
function isEverything(pattern: string): boolean {
  return /^\*(:\**)?$/.test(pattern);
}

/** `svc:*`: every action of one service (returns the service). */
function wholeService(pattern: string): string | undefined {
  const m = /^([A-Za-z0-9-]+):\*+$/.exec(pattern);
  return m?.[1]?.toLowerCase();
}

export interface PassRoleGrant {
  doc: PolicyUnderCheck;
  value: Value;
}

export interface RiskScan {
  findings: Draft[];
  /** Unrestricted iam:PassRole grants, for the cross-document PassRole + compute check. */
  passRole: PassRoleGrant[];
  /** Lower-cased compute actions (from PASSROLE_COMPUTE_ACTIONS) the documents allow. */
  compute: Set<string>;
}

export function scanRisks(doc: PolicyUnderCheck, label = describePolicy(doc)): RiskScan {
  const findings: Draft[] = [];
  const passRole: PassRoleGrant[] = [];
  const compute = new Set<string>();
  for (const s of statements(doc.policy.document)) {
    if (s.effect !== 'Allow') continue;
    if (s.notAction) {
      findings.push(
        findingAt(doc, 'policy/allow-not-action', [...s.path, 'NotAction'], `${label} allows every action except ${s.notAction.map((v) => v.value).join(', ')}`, {
          key: true,
          fix: 'List the allowed actions in "Action" instead of excluding some with "NotAction".',
        }),
      );
      // what NotAction leaves in: compute and PassRole, for the combination check
      for (const c of COMPUTE_LOWER) if (!s.notAction.some((v) => patternMatches(v.value, c))) compute.add(c);
    }
    if (s.notResource) {
      findings.push(
        findingAt(doc, 'policy/allow-not-resource', [...s.path, 'NotResource'], `${label} allows on every resource except ${s.notResource.map((v) => v.value).join(', ')}`, {
          key: true,
          fix: 'List the allowed resources in "Resource" instead of excluding some with "NotResource".',
        }),
      );
    }
    const unrestricted = unrestrictedResource(s);
    for (const v of s.action ?? []) {
      const pattern = v.value;
      for (const c of COMPUTE_LOWER) if (patternMatches(pattern, c)) compute.add(c);
      if (!unrestricted) continue;
      if (isEverything(pattern)) {
        findings.push(
          findingAt(doc, 'policy/admin-equivalent', v.path, `${label} allows every action ("${pattern}") on every resource: administrator access`, {
            fix: 'List the actions the vendor needs instead, or acknowledge: { check: policy/admin-equivalent, reason: ... }.',
            subject: { pattern, actions: ['*'] },
          }),
        );
        continue;
      }
      const service = wholeService(pattern);
      if (service === 'iam') {
        findings.push(
          findingAt(doc, 'policy/admin-equivalent', v.path, `${label} allows ${pattern} on every resource, which lets the holder grant itself any permission`, {
            fix: 'List the IAM actions the vendor needs instead, or acknowledge it.',
            subject: { pattern, actions: [pattern] },
          }),
        );
        continue;
      }
      if (service !== undefined) {
        findings.push(
          findingAt(doc, 'policy/full-service-access', v.path, `${label} allows every ${service} action (${pattern}) on every resource`, {
            fix: `List the ${service} actions the vendor needs instead, or acknowledge it.`,
            subject: { pattern, actions: [pattern] },
          }),
        );
      }
      const hits = escalationHits(pattern);
      if (hits.length > 0 && service === undefined) {
        const via = hasWildcard(pattern) ? ` (through ${pattern})` : '';
        findings.push(
          findingAt(doc, 'policy/privilege-escalation', v.path, `${label} allows ${hits.join(', ')}${via} on every resource, which allows privilege escalation`, {
            fix: 'Scope "Resource" to the users, groups, roles or policies the vendor manages (for example by IAM path), or acknowledge it.',
            subject: { pattern, actions: hits },
          }),
        );
      }
      if (patternMatches(pattern, PASSROLE)) {
        passRole.push({ doc, value: v });
        findings.push(
          findingAt(doc, 'policy/passrole-unrestricted', v.path, `${label} allows iam:PassRole${pattern.toLowerCase() === PASSROLE ? '' : ` (through ${pattern})`} on every role`, {
            fix: 'Restrict "Resource" to the ARNs of the roles the vendor must pass, and add an iam:PassedToService condition.',
            subject: { pattern, actions: ['iam:PassRole'] },
          }),
        );
      }
    }
  }
  return { findings, passRole, compute };
}

/** iam:PassRole on every role, together with an action that runs code as a passed role. */
export function passRoleEscalation(scans: readonly RiskScan[]): Draft[] {
  const compute = new Set<string>();
  for (const s of scans) for (const c of s.compute) compute.add(c);
  if (compute.size === 0) return [];
  const names = PASSROLE_COMPUTE_ACTIONS.filter((a) => compute.has(a.toLowerCase()));
  return scans.flatMap((s) =>
    s.passRole.map(({ doc, value }) =>
      findingAt(doc, 'policy/privilege-escalation', value.path, `${describePolicy(doc)} allows iam:PassRole on every role and the principal can also call ${names.join(', ')}: it can run code as any role`, {
        fix: 'Restrict iam:PassRole to the roles the vendor needs, or acknowledge it.',
        subject: { pattern: value.value, actions: ['iam:PassRole', ...names] },
      }),
    ),
  );
}

/** Whether an acknowledgement's `action` covers a finding's subject. */
export function actionCovers(ackAction: string, subject: { pattern: string; actions: string[] } | undefined): boolean {
  if (!subject) return false;
  const a = ackAction.toLowerCase();
  if (a === subject.pattern.toLowerCase()) return true;
  if (subject.actions.length === 0) return false;
  const re = hasWildcard(a) ? globRegExp(a) : undefined;
  return subject.actions.every((x) => (re ? re.test(x.toLowerCase()) : x.toLowerCase() === a));
}
