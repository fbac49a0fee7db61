/**
 * Where keys go, checked across the whole manifest: after `{account}`/`{ACCOUNT}` expansion every
 * Secrets Manager secret, GitHub secret and step output receives the key of one user in one
 * account, or a rotation of one would overwrite the key another vendor is using. And an
 * organisation secret says who may read it, so that a new one is never published to the whole
 * organisation by default.
 *
 * Targets are compared the way their stores compare names: GitHub secret, organisation,
 * repository and environment names case-insensitively (GitHub upper-cases secret names), output
 * names case-insensitively (as expressions read them), Secrets Manager secret IDs exactly. A
 * secret with no region resolved from the manifest goes to the run's `aws-region`, which may be
 * any region, so it is taken to meet a secret of the same ID in every region of that account.
 */
import type { Finding, SourceLocation } from '../diagnostics.js';
import { formatLocation } from '../diagnostics.js';
import type { ConnectionDoc, ManifestDoc, SinkDoc } from './schema.js';
import { locate, type YamlPath, type YamlSource } from './yaml.js';

/** A sink's target for one account: `{account}` is the account name, `{ACCOUNT}` it upper-cased with `_` for other characters. */
export function expandAccount(template: string, account: string): string {
  return template.replaceAll('{account}', account).replaceAll('{ACCOUNT}', account.toUpperCase().replace(/[^A-Z0-9_]/g, '_'));
}

interface Target {
  /** Equal keys name the same store and name (regions aside). */
  key: string;
  /** Secrets Manager only; undefined: the run's aws-region. */
  region?: string;
  /** For messages: `Secrets Manager secret "x" in account prod (1111…)`. */
  label: string;
  /** Whether the template has a placeholder (one without is reported by manifest/sink-placeholder). */
  templated: boolean;
  /** What a fix should suggest adding. */
  placeholder: string;
}

interface Use {
  connection: string;
  account: string;
  sink: number;
  path: YamlPath;
  target: Target;
}

const PLACEHOLDER = /\{(account|ACCOUNT)\}/;
const SM_ARN = /^arn:aws[\w-]*:secretsmanager:([^:]+):(\d{12}):secret:(.+)$/;

function targetOf(doc: ManifestDoc, connection: string, account: string, s: SinkDoc): Target | undefined {
  if ('secretsManager' in s) {
    const v = s.secretsManager;
    const id = expandAccount(v.secretId, account);
    const templated = PLACEHOLDER.test(v.secretId);
    const arn = SM_ARN.exec(id);
    if (arn) return { key: `sm\u0000${arn[2]}\u0000${arn[3]}`, region: arn[1]!, label: `Secrets Manager secret "${arn[3]}" in account ${arn[2]}`, templated, placeholder: '{account}' };
    const holder = v.account ?? account;
    const accountId = doc.accounts[holder]?.id;
    if (accountId === undefined) return undefined; // undeclared: reported by the rules
    const region = v.region ?? doc.accounts[account]?.region ?? doc.defaults?.region;
    return {
      key: `sm\u0000${accountId}\u0000${id}`,
      ...(region !== undefined ? { region } : {}),
      label: `Secrets Manager secret "${id}" in account ${holder}, ${region !== undefined ? `region ${region}` : "the run's aws-region"}`,
      templated,
      placeholder: '{account}',
    };
  }
  if ('githubSecret' in s) {
    const v = s.githubSecret;
    const name = expandAccount(v.name, account);
    const templated = PLACEHOLDER.test(v.name);
    const repo = v.repository ?? "the workflow's repository";
    const scope = v.organization !== undefined ? `organization ${v.organization}` : v.environment !== undefined ? `environment ${v.environment} of ${repo}` : repo;
    const scopeKey = v.organization !== undefined ? `org\u0000${v.organization}` : `repo\u0000${v.repository ?? ''}\u0000${v.environment ?? ''}`;
    return { key: `gh\u0000${scopeKey}\u0000${name}`.toUpperCase(), label: `GitHub secret ${name.toUpperCase()} (${scope})`, templated, placeholder: '{ACCOUNT}' };
  }
  const name = expandAccount(s.output === true ? `${connection}-access-key` : s.output.name, account);
  const templated = s.output !== true && PLACEHOLDER.test(s.output.name);
  return { key: `out\u0000${name.toLowerCase()}`, label: `step output ${name}`, templated, placeholder: '{account}' };
}

function sinkPath(connection: string, i: number, s: SinkDoc): YamlPath {
  const base = ['connections', connection, 'user', 'accessKey', 'deliver', i];
  if ('secretsManager' in s) return [...base, 'secretsManager', 'secretId'];
  if ('githubSecret' in s) return [...base, 'githubSecret', 'name'];
  return s.output === true ? [...base, 'output'] : [...base, 'output', 'name'];
}

function connectionAccounts(doc: ManifestDoc, conn: ConnectionDoc): string[] {
  // Organisation selectors are resolved at plan time; offline, only declared names are known.
  return [...new Set(conn.accounts)].filter((a): a is string => typeof a === 'string' && Object.hasOwn(doc.accounts, a));
}

const meets = (a: Target, b: Target): boolean => a.key === b.key && (a.region === undefined || b.region === undefined || a.region === b.region);

function fixFor(t: Target, s: SinkDoc, connection: string): string {
  if ('output' in s && s.output === true) return `name the output per account, e.g. \`output: { name: "${connection}-access-key-{account}" }\`, or rename one of them`;
  const field = 'secretsManager' in s ? 'the secret ID' : 'githubSecret' in s ? 'the secret name' : 'the output name';
  return `put ${t.placeholder} in ${field} so each account gets its own, or rename one of them`;
}

function orgSecretRules(doc: ManifestDoc, src: YamlSource, out: Finding[]): void {
  for (const [connection, conn] of Object.entries(doc.connections)) {
    (conn.user?.accessKey?.deliver ?? []).forEach((s, i) => {
      if (!('githubSecret' in s)) return;
      const v = s.githubSecret;
      const base = ['connections', connection, 'user', 'accessKey', 'deliver', i, 'githubSecret'];
      const push = (field: string, message: string, fix: string, target: 'key' | 'value' = 'value'): void => {
        out.push({ check: 'manifest/github-secret-scope', severity: 'error', message, fix, location: locate(src, field === '' ? base : [...base, field], target), connection });
      };
      if (v.organization === undefined) {
        if (v.visibility !== undefined) push('visibility', `visibility applies only to organization secrets; GitHub secret ${v.name} is a repository secret`, 'remove `visibility`, or add `organization:` instead of `repository:`');
        if (v.repositories !== undefined) push('repositories', `repositories applies only to organization secrets; GitHub secret ${v.name} is a repository secret`, 'remove `repositories`, or add `organization:` instead of `repository:`');
        return;
      }
      if (v.repository !== undefined || v.environment !== undefined) {
        push(
          v.repository !== undefined ? 'repository' : 'environment',
          `GitHub secret ${v.name} names both an organization and a ${v.repository !== undefined ? 'repository' : 'environment'}: a secret lives in one of them`,
          'keep `organization:` (with `repositories:` for who may read it) or `repository:`/`environment:`, not both',
        );
      }
      if (v.visibility === undefined && v.repositories === undefined) {
        push(
          '',
          `organization secret ${v.name} says neither which repositories may read it nor a visibility; the tool does not publish a new secret to the whole organization by default`,
          'add `repositories: [owner/name, ...]` (the repositories that may read it), or `visibility: private` or `visibility: all` to share it that widely on purpose',
          'key',
        );
      } else if (v.repositories !== undefined && v.visibility !== undefined && v.visibility !== 'selected') {
        push('repositories', `organization secret ${v.name} has visibility ${v.visibility}, so its repositories list would be ignored`, 'remove `repositories`, or set `visibility: selected`');
      }
    });
  }
}

/** Collisions between delivery targets, and the rules of organisation secrets. */
export function checkSinkTargets(doc: ManifestDoc, src: YamlSource): Finding[] {
  const out: Finding[] = [];
  orgSecretRules(doc, src, out);
  const uses: Use[] = [];
  for (const [connection, conn] of Object.entries(doc.connections)) {
    const deliver = conn.user?.accessKey?.deliver ?? [];
    for (const account of connectionAccounts(doc, conn)) {
      deliver.forEach((s, sink) => {
        const target = targetOf(doc, connection, account, s);
        if (target) uses.push({ connection, account, sink, path: sinkPath(connection, sink, s), target });
      });
    }
  }
  const byKey = new Map<string, Use[]>();
  for (const u of uses) byKey.set(u.target.key, [...(byKey.get(u.target.key) ?? []), u]);
  const reported = new Set<string>();
  const sinkOf = (u: Use): SinkDoc => doc.connections[u.connection]!.user!.accessKey!.deliver![u.sink]!;
  const at = (u: Use): SourceLocation => locate(src, u.path);
  for (const group of byKey.values()) {
    for (let j = 1; j < group.length; j++) {
      for (let i = 0; i < j; i++) {
        const a = group[i]!;
        const b = group[j]!;
        if (!meets(a.target, b.target)) continue;
        // One user in one account writing the same place twice overwrites nobody else's key.
        if (a.connection === b.connection && a.account === b.account) continue;
        const same = a.connection === b.connection && a.sink === b.sink;
        // A sink with no placeholder in a multi-account connection is manifest/sink-placeholder's.
        if (same && !a.target.templated && !('output' in sinkOf(a))) continue;
        const pair = same ? `${a.connection}/${a.sink}` : `${a.connection}/${a.sink}|${b.connection}/${b.sink}`;
        if (reported.has(pair)) continue;
        reported.add(pair);
        const where = (u: Use): string => `connection "${u.connection}" in account ${u.account}`;
        if (same) {
          out.push({
            check: 'manifest/duplicate-target',
            severity: 'error',
            message: `${a.target.label} is the target of ${where(a)} and of the same sink in account ${b.account}: each account's key would overwrite the other's`,
            fix: fixFor(a.target, sinkOf(a), a.connection),
            location: at(a),
            connection: a.connection,
          });
          continue;
        }
        for (const [here, there] of [
          [a, b],
          [b, a],
        ] as const) {
          out.push({
            check: 'manifest/duplicate-target',
            severity: 'error',
            message: `${here.target.label} is the target of ${where(here)} and also of ${where(there)} (${formatLocation(at(there))}): each rotation would overwrite the key the other vendor uses`,
            fix: fixFor(here.target, sinkOf(here), here.connection),
            location: at(here),
            connection: here.connection,
          });
        }
      }
    }
  }
  return out;
}
