/**
 * All offline policy checks over a resolved manifest: grammar and action names of every document,
 * IAM limits, trust, risky grants (with acknowledgements) and vendor runbook rules. Pure: the
 * manifest in, findings out, sorted; no AWS and no file access.
 */
import { sortFindings, type Finding } from '../diagnostics.js';
import type { ConnectionSpec, Manifest, PrincipalSpec, ResolvedPolicy } from '../manifest/model.js';
import { applyAcknowledgements } from './acknowledge.js';
import { checkActions } from './actions.js';
import { toFinding, type Draft, type PolicyKind, type PolicyUnderCheck } from './finding.js';
import { checkGrammar } from './grammar.js';
import { checkDocumentSize, checkPrincipalLimits } from './limits.js';
import { checkManagedPolicies } from './managed-checks.js';
import { managedPolicyInfo } from './managed-policies.js';
import { managedPolicyPlace } from './manifest-places.js';
import { passRoleEscalation, scanRisks, type RiskScan } from './risks.js';
import { checkTrust } from './trust.js';
import { checkVendor } from './vendor.js';

/** Grammar and action names of one document: facts about the document itself. */
export function checkPolicyDocument(policy: ResolvedPolicy, kind: PolicyKind, connection = ''): Finding[] {
  const doc: PolicyUnderCheck = { policy, kind, connection };
  return sortFindings([...checkGrammar(doc), ...checkActions(doc), ...checkDocumentSize(doc)].map(toFinding));
}

function documentsOf(connection: ConnectionSpec): PolicyUnderCheck[] {
  const docs: PolicyUnderCheck[] = [];
  for (const principal of [connection.user, connection.role]) {
    if (!principal) continue;
    for (const policy of [...principal.policies, ...principal.inlinePolicies]) docs.push({ policy, kind: 'identity', connection: connection.name });
  }
  const trust = connection.role?.trust.document;
  if (trust) docs.push({ policy: trust, kind: 'trust', connection: connection.name });
  return docs;
}

/** Risk scans of the AWS-managed policies we know, located on their manifest entry. */
function managedScans(manifest: Manifest, connection: ConnectionSpec, principal: PrincipalSpec, kind: 'user' | 'role'): RiskScan[] {
  return principal.managedPolicies.flatMap((ref, i) => {
    const info = managedPolicyInfo(ref);
    if (!info) return [];
    const at = managedPolicyPlace(manifest, connection, kind, i);
    const policy: ResolvedPolicy = {
      kind: 'managed',
      name: info.name,
      document: info.document,
      source: { file: `aws-managed:${info.name}`, text: '' },
      at,
    };
    const doc: PolicyUnderCheck = { policy, kind: 'identity', connection: connection.name, place: () => ({ location: at, note: '' }) };
    return [scanRisks(doc, `the AWS-managed policy ${info.name} on ${kind} ${principal.name}`)];
  });
}

function checkConnection(manifest: Manifest, connection: ConnectionSpec, seen: Set<string>): Draft[] {
  const drafts: Draft[] = [];
  const docs = documentsOf(connection);
  for (const doc of docs) {
    // a file shared by several connections is checked once: its problems are the file's
    const key = `${doc.kind}\0${doc.policy.source.file}\0${(doc.policy.source.basePath ?? []).join('\0')}\0${doc.policy.fromPreset ?? ''}`;
    const presetDoc = doc.policy.fromPreset !== undefined || doc.policy.source.file.startsWith('preset:');
    if (!presetDoc && seen.has(key)) continue;
    seen.add(key);
    drafts.push(...checkGrammar(doc), ...checkActions(doc), ...checkDocumentSize(doc));
  }
  for (const [principal, kind] of [
    [connection.user, 'user'],
    [connection.role, 'role'],
  ] as const) {
    if (!principal) continue;
    drafts.push(...checkPrincipalLimits(manifest, connection, principal, kind));
    drafts.push(...checkManagedPolicies(manifest, connection, principal, kind));
    const scans = [
      ...docs.filter((d) => d.kind === 'identity' && [...principal.policies, ...principal.inlinePolicies].includes(d.policy)).map((d) => scanRisks(d)),
      ...managedScans(manifest, connection, principal, kind),
    ];
    for (const s of scans) drafts.push(...s.findings);
    drafts.push(...passRoleEscalation(scans));
  }
  if (connection.role) {
    drafts.push(...checkTrust(manifest, connection, connection.role, docs.find((d) => d.kind === 'trust')));
  }
  drafts.push(...checkVendor(manifest, connection));
  return applyAcknowledgements(connection, drafts);
}

export function checkManifestPolicies(manifest: Manifest): Finding[] {
  const seen = new Set<string>();
  const drafts = manifest.connections.flatMap((c) => checkConnection(manifest, c, seen));
  return sortFindings(drafts.map(toFinding));
}
