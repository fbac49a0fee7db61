/**
 * Building findings: severity and acknowledgeability come from the catalogue, the place from the
 * document locator. Risk findings also carry the actions they are about, so an acknowledgement can
 * be narrowed to one action; that detail is stripped before findings leave src/policy.
 */
import type { Finding, SourceLocation } from '../diagnostics.js';
import type { ResolvedPolicy } from '../manifest/model.js';
import { checkInfo, type CheckId } from './catalogue.js';
import { locateInPolicy, type NodePath, type Placed } from './document.js';

export type PolicyKind = 'identity' | 'trust' | 'bucket';

/** One document being checked, and whose it is. */
export interface PolicyUnderCheck {
  policy: ResolvedPolicy;
  kind: PolicyKind;
  connection: string;
  /** Overrides where findings go, e.g. the manifest entry naming an AWS-managed policy. */
  place?: (path: NodePath, opts: { key?: boolean }) => Placed;
}

export interface Draft extends Finding {
  /** For risk findings: the pattern as written and the concrete actions it grants that are risky. */
  subject?: { pattern: string; actions: string[] };
}

export function finding(
  check: CheckId,
  location: SourceLocation,
  message: string,
  extra: { fix?: string; connection?: string; subject?: Draft['subject'] } = {},
): Draft {
  const info = checkInfo(check);
  const f: Draft = { check, severity: info.severity, message, location };
  if (extra.fix !== undefined) f.fix = info.acknowledgeable ? withAcknowledgeYaml(extra.fix, check, extra.connection, extra.subject) : extra.fix;
  if (extra.connection !== undefined) f.connection = extra.connection;
  if (info.acknowledgeable) f.acknowledgeable = true;
  if (extra.subject) f.subject = extra.subject;
  return f;
}

/**
 * The YAML that accepts this risk, in flow style so it fits on the fix line:
 * `acknowledge: [{ check: policy/full-service-access, action: "s3:*", reason: "..." }]`.
 * With `action`, the acknowledgement covers only this grant, not every future one of the check.
 */
export function acknowledgeYaml(check: CheckId, connection: string | undefined, subject?: Draft['subject']): string {
  const action = subject && subject.actions.length > 0 ? `, action: ${JSON.stringify(subject.pattern)}` : '';
  const where = connection !== undefined ? `under connections.${connection}` : 'under the connection';
  return `add ${where}: acknowledge: [{ check: ${check}${action}, reason: "why the vendor needs it" }]`;
}

/** A fix that mentions acknowledging shows how; one that does not gets the YAML as the alternative. */
function withAcknowledgeYaml(fix: string, check: CheckId, connection: string | undefined, subject?: Draft['subject']): string {
  const yaml = acknowledgeYaml(check, connection, subject);
  const stem = fix.replace(/,? or acknowledge(?: it|: \{[^}]*\})?\.?$/, '').replace(/\.$/, '');
  return `${stem}; or, to accept the risk, ${yaml}.`;
}

/** A finding about the node at `path` in a document, located in its file (or on the preset line). */
export function findingAt(
  doc: PolicyUnderCheck,
  check: CheckId,
  path: NodePath,
  message: string,
  extra: { fix?: string; key?: boolean; subject?: Draft['subject'] } = {},
): Draft {
  const placed = doc.place ? doc.place(path, { key: extra.key }) : locateInPolicy(doc.policy, path, { key: extra.key });
  return finding(check, placed.location, `${message}${placed.note}`, {
    fix: extra.fix,
    connection: doc.connection,
    subject: extra.subject,
  });
}

export function toFinding(d: Draft): Finding {
  const { subject: _subject, ...rest } = d;
  return rest;
}

export function describePolicy(doc: PolicyUnderCheck): string {
  const what = doc.kind === 'trust' ? 'trust policy' : doc.policy.kind === 'inline' ? 'inline policy' : 'policy';
  return `${what} ${doc.policy.name}`;
}
