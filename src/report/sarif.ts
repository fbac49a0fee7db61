/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per check id and per plan drift kind, results on
 * manifest and policy lines, and fingerprints that ignore line numbers so an alert survives the
 * manifest being edited above it.
 */
import { printable } from '../text/printable.js';
import { createHash } from 'node:crypto';
import { isAbsolute, relative } from 'node:path';
import type { Finding, Severity as FindingSeverity, SourceLocation } from '../diagnostics.js';
import type { Change, ChangeKind, Plan, Severity as PlanSeverity } from '../plan/model.js';
import { CATALOGUE } from '../policy/catalogue.js';
import { maskAccessKeyIds } from './comment.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'iamConnections/v1';

type Level = 'error' | 'warning' | 'note';

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: Level };
  properties: { tags: string[] };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' };
      region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: 'inSource'; justification: string }[];
  properties?: Record<string, unknown>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion?: string; informationUri?: string; rules: SarifRule[] } };
    automationDetails: { id: string };
    originalUriBaseIds: { '%SRCROOT%': { description: { text: string } } };
    results: SarifResult[];
  }[];
}

/** Every plan kind, with what it means: the compiler insists a new kind gets a rule. */
const DRIFT_KINDS: Record<ChangeKind, { title: string; help: string }> = {
  missing: { title: 'Declared resource is missing', help: 'The manifest declares it and the account does not have it: apply creates it.' },
  modified: { title: 'Managed resource differs from the manifest', help: 'A resource iam-connections owns was changed outside the manifest (console, script, vendor): apply puts the declared state back, or change the manifest if the change was wanted.' },
  extra: { title: 'Managed resource no longer declared', help: 'iam-connections created it but the manifest no longer declares it: apply with prune deletes it.' },
  unexpected: { title: 'Undeclared item on a managed principal', help: 'An attached or inline policy, access key, console password or group membership the manifest does not declare: apply removes it; declare it if the vendor needs it.' },
  conflict: { title: 'Name held by a resource iam-connections does not own', help: 'An untagged resource already has the declared name: it is never touched. Rename, delete it by hand, or set adopt: true on the connection to take it over.' },
  'tag-budget': { title: 'No room for the tags iam-connections writes', help: 'IAM allows 50 tags per user or role; the live tags, the declared ones and the rotation lock and key record would exceed it, so a rotation would fail after delivering the key. The connection is withheld in that account until tags are removed.' },
  adopt: { title: 'Untagged resource taken over', help: 'The connection sets adopt: true: apply tags the existing resource as managed and reconciles it.' },
  expired: { title: 'Temporary connection past its end', help: 'The connection is past expires plus deleteAfter: apply deletes its user, keys and policies; remove it from the manifest.' },
  undeclared: { title: 'Third-party door the manifest does not declare', help: 'A role trusting another account, anyone or a non-GitHub identity provider, an integration user with access keys and no console password, or a policy naming another account, made outside the manifest: never changed. Declare it with iam-connections import, or remove it if nobody needs it.' },
  unresolved: { title: 'Input the plan could not resolve', help: 'An environment variable is unset or an account could not be reached: the affected changes are withheld until it is fixed.' },
  'key-missing': { title: 'Declared access key is missing', help: 'The user has no recorded access key: rotate creates and delivers one.' },
  'key-due': { title: 'Access key due for rotation', help: 'The key is older than rotateAfter: rotate replaces it in stages.' },
  'key-overdue': { title: 'Access key overdue for rotation', help: 'The key is older than rotateAfter plus overlap: run rotate now.' },
  'key-unused': { title: 'Access key unused', help: 'The vendor has not used the key for a long time: if it no longer needs it, remove the connection.' },
  'key-retire': { title: 'Replaced access key to deactivate', help: 'The previous key is past its overlap: rotate deactivates it once unused for requireUnusedFor.' },
  'key-in-use': { title: 'Replaced access key still in use', help: 'The previous key is still used after its overlap: make sure the vendor uses the new key.' },
  'key-delete': { title: 'Inactive access key to delete', help: 'The previous key has been inactive past deleteAfter: rotate deletes it.' },
  'key-expired': { title: 'Access key of an expired temporary connection', help: 'The temporary connection is past expires: its keys are deactivated at once.' },
  'key-unrecorded': { title: 'Access key made before iam-connections managed the user', help: 'Rotate replaces it with a recorded key and retires it like any replaced key, once unused.' },
  'key-orphan': { title: 'Access key not in the rotation record', help: 'A young, never used one is an interrupted run\'s leftover and rotate deletes it; any other is kept and reported with the command that removes it.' },
  'key-pending': { title: 'Rotation interrupted with a new key pending', help: 'Rotate resumes delivering the pending key, or retires it like a replaced key; it is never deleted while a sink may hold it.' },
  'key-inactive': { title: 'Delivered access key deactivated', help: 'The delivered key was deactivated outside iam-connections: the vendor cannot sign in; reactivate it or run rotate.' },
};

export function driftRuleId(kind: ChangeKind): string {
  return `drift/${kind}`;
}

const LEVEL: Record<FindingSeverity, Level> = { error: 'error', warning: 'warning', notice: 'note' };

function planLevel(s: PlanSeverity): Level {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';
}

/** A name in PascalCase, as code scanning shows rule names. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => (w[0] ?? '').toUpperCase() + w.slice(1))
    .join('');
}

function tagsOf(id: string): string[] {
  const tags = ['iam'];
  if (/^(trust|policy|vendor|drift\/(unexpected|undeclared|conflict|key-))/.test(id)) tags.push('security');
  return tags;
}

/** Repository-relative with forward slashes, as code scanning matches paths. */
export function sarifUri(file: string, root?: string): string {
  let f = file.replace(/\\/g, '/');
  if (root !== undefined && isAbsolute(file)) f = relative(root, file).replace(/\\/g, '/');
  return f.replace(/^(\.\/)+/, '');
}

function fingerprint(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** Line and column references in a message would change the fingerprint when lines move. */
function lineFree(message: string): string {
  return message.replace(/:\d+(:\d+)?\b/g, '').replace(/\bline \d+\b/gi, 'line');
}

export interface SarifOptions {
  toolVersion: string;
  /** The manifest path as given: plan changes without a location, and preset documents, land on it. */
  manifestFile: string;
  /** Relativises absolute paths (default: none are rewritten). */
  root?: string;
  /** The tool's home page, shown by code scanning. */
  informationUri?: string;
}

export function renderSarif(findings: readonly Finding[], plan: Plan | undefined, opts: SarifOptions): SarifLog {
  const rules: SarifRule[] = [];
  const index = new Map<string, number>();
  const addRule = (id: string, level: Level, title: string, help: string): void => {
    if (index.has(id)) return;
    index.set(id, rules.length);
    rules.push({ id, name: ruleName(id), shortDescription: { text: title }, fullDescription: { text: help }, help: { text: help }, defaultConfiguration: { level }, properties: { tags: tagsOf(id) } });
  };
  for (const c of CATALOGUE) addRule(c.id, LEVEL[c.severity], c.title, c.help);
  for (const f of findings) addRule(f.check, LEVEL[f.severity], f.check, f.fix ?? f.message);
  for (const [kind, info] of Object.entries(DRIFT_KINDS) as [ChangeKind, { title: string; help: string }][]) addRule(driftRuleId(kind), 'warning', info.title, info.help);

  const results: SarifResult[] = [];
  const seen = new Map<string, number>();
  const push = (r: Omit<SarifResult, 'ruleIndex' | 'partialFingerprints'>, key: readonly string[]): void => {
    // Two results with the same identity (the same message twice in one file) stay distinct.
    const base = fingerprint(key);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    results.push({ ...r, ruleIndex: index.get(r.ruleId) ?? 0, partialFingerprints: { [FINGERPRINT_KEY]: n === 1 ? base : `${base}:${n}` } });
  };
  const location = (l: SourceLocation | undefined): SarifResult['locations'] => {
    const onFile = l !== undefined && !l.file.startsWith('preset:');
    const file = onFile ? l.file : opts.manifestFile;
    const region: SarifResult['locations'][number]['physicalLocation']['region'] = onFile
      ? { startLine: Math.max(1, l.line), startColumn: Math.max(1, l.column) }
      : { startLine: 1, startColumn: 1 };
    if (onFile && l.endLine !== undefined && l.endLine >= l.line) region.endLine = l.endLine;
    if (onFile && l.endColumn !== undefined && (l.endLine ?? l.line) >= l.line && l.endColumn > 0) region.endColumn = l.endColumn;
    return [{ physicalLocation: { artifactLocation: { uri: sarifUri(file, opts.root), uriBaseId: '%SRCROOT%' }, region } }];
  };

  for (const f of findings) {
    const where = f.location.file.startsWith('preset:') ? ` (in the ${f.location.file.slice(7)} preset document)` : '';
    const text = printable(maskAccessKeyIds(`${f.message}${where}${f.fix ? ` Fix: ${f.fix}` : ''}`));
    push(
      {
        ruleId: f.check,
        level: LEVEL[f.severity],
        message: { text },
        locations: location(f.location),
        ...(f.acknowledged ? { suppressions: [{ kind: 'inSource' as const, justification: f.acknowledged.reason }] } : {}),
        ...(f.connection ? { properties: { connection: f.connection } } : {}),
      },
      [f.check, sarifUri(f.location.file, opts.root), f.connection ?? '', lineFree(f.message)],
    );
  }

  const changes: Change[] = plan?.accounts.flatMap((a) => a.changes) ?? [];
  for (const c of changes) {
    const ruleId = driftRuleId(c.kind);
    push(
      {
        ruleId,
        level: planLevel(c.severity),
        message: { text: maskAccessKeyIds(`${c.account}${c.connection ? `/${c.connection}` : ''}: ${c.resource.type} ${c.resource.name}: ${c.reason}`) },
        locations: location(c.at),
        properties: { account: c.account, ...(c.connection ? { connection: c.connection } : {}), severity: c.severity, security: c.security, action: c.withheld ? 'withheld' : c.action },
      },
      // change.id is account/connection/type/name/kind: the resource's identity, not its line.
      [ruleId, sarifUri(c.at?.file ?? opts.manifestFile, opts.root), c.connection ?? '', maskAccessKeyIds(c.id)],
    );
  }

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'iam-connections',
            version: opts.toolVersion,
            ...(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/.test(opts.toolVersion) ? { semanticVersion: opts.toolVersion } : {}),
            ...(opts.informationUri ? { informationUri: opts.informationUri } : {}),
            rules,
          },
        },
        automationDetails: { id: `iam-connections/${sarifUri(opts.manifestFile, opts.root)}/` },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results,
      },
    ],
  };
}
