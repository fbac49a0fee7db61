/**
 * Cross-field rules on a schema-valid manifest: what zod cannot see because it needs the whole
 * document (references between sections, names IAM compares case-insensitively, sinks that
 * several accounts would overwrite).
 */
import type { Finding } from '../diagnostics.js';
import { didYouMean, listChoices } from '../text/suggest.js';
import { policyRefName, presetFillsPolicies, type PresetCatalog } from './presets.js';
import type { ConnectionDoc, ManifestDoc } from './schema.js';
import { checkSinkTargets } from './sink-targets.js';
import { selectorFindings } from './selector-refs.js';
import { isSelectorText } from '../org/selectors.js';
import { formatPath, locate, type LocateTarget, type YamlPath, type YamlSource } from './yaml.js';

/** ISO-8601 instant with a time zone, e.g. 2026-12-01T00:00:00Z or 2026-12-01T09:00:00+02:00. */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True when `s` is a real instant (rejects 2026-02-30, 25:00 and missing time zones). */
export function isIsoInstant(s: string): boolean {
  const m = ISO_INSTANT.exec(s);
  if (!m) return false;
  const [, y, mo, d, h, mi, sec] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || Number(h) > 23 || Number(mi) > 59 || Number(sec ?? 0) > 59) return false;
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day <= daysInMonth && !Number.isNaN(Date.parse(s));
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN_PLACEHOLDERS = ['account', 'ACCOUNT'];

interface Claim {
  connection: string;
  name: string;
  path: YamlPath;
}

class RuleRunner {
  readonly findings: Finding[] = [];
  constructor(
    private readonly doc: ManifestDoc,
    private readonly src: YamlSource,
    private readonly catalog: PresetCatalog,
  ) {}

  private push(check: string, path: YamlPath, message: string, fix: string, connection?: string, target: LocateTarget = 'value'): void {
    this.findings.push({
      check,
      severity: 'error',
      message,
      fix,
      location: locate(this.src, path, target),
      ...(connection === undefined ? {} : { connection }),
    });
  }

  run(): Finding[] {
    this.accounts();
    this.organization();
    const claims = { user: new Map<string, Claim>(), role: new Map<string, Claim>(), policy: new Map<string, Claim>() };
    const watched: { kind: 'user' | 'role' | 'policy'; account: string; claim: Claim }[] = [];
    for (const [name, conn] of Object.entries(this.doc.connections)) {
      const accounts = this.connectionAccounts(name, conn);
      this.vendor(name, conn);
      this.contents(name, conn);
      this.temporary(name, conn);
      this.accessKey(name, conn, accounts);
      this.trust(name, conn);
      for (const account of accounts) this.claimNames(name, conn, account, claims);
      const watchKinds = [['user', 'users'], ['role', 'roles'], ['policy', 'policies']] as const;
      for (const [kind, field] of watchKinds) {
        (conn.watch?.[field] ?? []).forEach((w, i) => {
          for (const account of accounts)
            watched.push({ kind, account, claim: { connection: name, name: w, path: ['connections', name, 'watch', field, i] } });
        });
      }
    }
    this.findings.push(...checkSinkTargets(this.doc, this.src));
    const reportedWatch = new Set<string>();
    for (const w of watched) {
      const owner = claims[w.kind].get(`${w.account}\u0000${w.claim.name.toLowerCase()}`);
      const key = w.claim.path.join('\u0000');
      if (owner && !reportedWatch.has(key)) {
        reportedWatch.add(key);
        this.push(
          'manifest/watch-conflict',
          w.claim.path,
          `watched ${w.kind} "${w.claim.name}" is also declared by connection "${owner.connection}" in account ${w.account}: a resource is either managed or watched, not both`,
          `remove it from watch, or from ${formatPath(owner.path.slice(0, -1))}`,
          w.claim.connection,
        );
      }
    }
    return this.findings;
  }

  private accounts(): void {
    const names = Object.keys(this.doc.accounts);
    const byId = new Map<string, string>();
    for (const [name, acc] of Object.entries(this.doc.accounts)) {
      const first = byId.get(acc.id);
      if (first !== undefined) {
        this.push(
          'manifest/duplicate-account-id',
          ['accounts', name, 'id'],
          `accounts "${first}" and "${name}" have the same ID ${acc.id}`,
          'give each AWS account one entry: remove one, or correct the ID',
        );
      } else byId.set(acc.id, name);
      if (acc.via !== undefined && !Object.hasOwn(this.doc.accounts, acc.via)) {
        const s = didYouMean(acc.via, names);
        this.push(
          'manifest/undeclared-account',
          ['accounts', name, 'via'],
          `account "${name}" is reached via "${acc.via}", which is not declared under accounts`,
          s !== undefined ? `did you mean "${s}"?` : `declare "${acc.via}" under accounts, or use one of ${listChoices(names)}`,
        );
      }
    }
    // A via chain must end at an account reached directly; report each cycle once, on its first account.
    const inCycle = new Set<string>();
    for (const start of names) {
      if (inCycle.has(start)) continue;
      const chain: string[] = [];
      let cur: string | undefined = start;
      while (cur !== undefined && Object.hasOwn(this.doc.accounts, cur) && !chain.includes(cur)) {
        chain.push(cur);
        cur = this.doc.accounts[cur]!.via;
      }
      if (cur === undefined || !chain.includes(cur)) continue;
      const cycle = chain.slice(chain.indexOf(cur));
      if (cycle.some((c) => inCycle.has(c))) continue;
      cycle.forEach((c) => inCycle.add(c));
      const first = names.find((n) => cycle.includes(n))!;
      const shown = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first)), first];
      this.push(
        'manifest/via-cycle',
        ['accounts', first, 'via'],
        `accounts form a "via" cycle: ${shown.join(' -> ')}; no account in it can be reached`,
        'remove "via" from one of these accounts so the chain starts from an account reached directly with OIDC',
      );
    }
  }

  private connectionAccounts(name: string, conn: ConnectionDoc): string[] {
    const declared = Object.keys(this.doc.accounts);
    const seen = new Set<string>();
    conn.accounts.forEach((acc, i) => {
      const path = ['connections', name, 'accounts', i];
      const key = typeof acc === 'string' ? acc : JSON.stringify(acc);
      if (seen.has(key)) {
        this.push('manifest/duplicate-account-ref', path, `account "${key}" is listed twice in connection "${name}"`, 'remove the repeated entry', name);
      } else if (typeof acc !== 'string' || isSelectorText(acc) || (!Object.hasOwn(this.doc.accounts, acc) && this.doc.organization)) {
        this.findings.push(...selectorFindings(acc, path, this.src, name));
        if (!this.doc.organization) {
          this.push(
            'manifest/selector-without-organization',
            path,
            `connection "${name}" selects accounts with "${key}", which needs an \`organization:\` section to read the organisation from`,
            'add `organization: { via: <management or delegated administrator account>, roleName: <role in each account> }`, or name declared accounts only',
            name,
          );
        }
      } else if (!Object.hasOwn(this.doc.accounts, acc)) {
        const s = didYouMean(acc, declared);
        this.push(
          'manifest/undeclared-account',
          path,
          `connection "${name}" names account "${acc}", which is not declared under accounts`,
          s !== undefined ? `did you mean "${s}"?` : `declare it under accounts (declared: ${listChoices(declared) || 'none'})`,
          name,
        );
      }
      seen.add(key);
    });
    return [...seen].filter((a) => Object.hasOwn(this.doc.accounts, a));
  }

  private organization(): void {
    const o = this.doc.organization;
    if (!o) return;
    if (!Object.hasOwn(this.doc.accounts, o.via)) {
      const s = didYouMean(o.via, Object.keys(this.doc.accounts));
      this.push(
        'manifest/undeclared-account',
        ['organization', 'via'],
        `the organisation is read via "${o.via}", which is not declared under accounts`,
        s !== undefined ? `did you mean "${s}"?` : 'declare the management (or delegated administrator) account under accounts, with its role',
      );
    }
    (o.scope ?? []).forEach((ref, i) => this.findings.push(...selectorFindings(ref, ['organization', 'scope', i], this.src)));
  }

  private vendor(name: string, conn: ConnectionDoc): void {
    if (conn.vendor === undefined || this.catalog.getPreset(conn.vendor) !== undefined) return;
    const ids = this.catalog.presetIds();
    const s = didYouMean(conn.vendor, ids);
    this.push(
      'manifest/unknown-vendor',
      ['connections', name, 'vendor'],
      `unknown vendor preset "${conn.vendor}" in connection "${name}"`,
      s !== undefined
        ? `did you mean "${s}"?`
        : ids.length > 0
          ? `use one of ${listChoices(ids)}, or remove "vendor" and declare the policies yourself`
          : 'remove "vendor" and declare the policies yourself (this build ships no presets)',
      name,
    );
  }

  private contents(name: string, conn: ConnectionDoc): void {
    if (conn.user || conn.role || conn.billingBucket) return;
    this.push(
      'manifest/empty-connection',
      ['connections', name],
      `connection "${name}" declares no user, role or billingBucket, so it manages nothing`,
      'add a `user:` or `role:` (or `billingBucket:`), or remove the connection',
      name,
      'key',
    );
  }

  private temporary(name: string, conn: ConnectionDoc): void {
    const t = conn.temporary;
    if (!t) return;
    const base = ['connections', name, 'temporary'];
    if (t.expires === undefined && t.ttl === undefined) {
      this.push('manifest/temporary-expiry', base, `temporary connection "${name}" has neither "expires" nor "ttl", so it never ends`, 'add `expires: 2026-12-01T00:00:00Z` (an instant) or `ttl: 48h` (after creation)', name, 'key');
    } else if (t.expires !== undefined && t.ttl !== undefined) {
      this.push('manifest/temporary-expiry', [...base, 'ttl'], `temporary connection "${name}" has both "expires" and "ttl"; only one can decide when it ends`, 'keep either expires or ttl', name);
    } else if (t.ttl !== undefined) {
      // Once the connection is removed after its ttl, nothing in the account remembers that it
      // existed: the next apply would see a missing user and create it again, with a new ttl.
      this.findings.push({
        check: 'manifest/temporary-ttl',
        severity: 'warning',
        message: `temporary connection "${name}" ends a ttl after its user is created; once it has been removed, the next apply creates it again (nothing in the account remembers a removed connection)`,
        fix: 'prefer `expires: <instant>` (then a removed connection stays removed), or delete the connection from the manifest once it has been retired',
        location: locate(this.src, [...base, 'ttl']),
        connection: name,
      });
    }
    if (t.expires !== undefined && !isIsoInstant(t.expires)) {
      this.push(
        'manifest/invalid-date',
        [...base, 'expires'],
        `temporary.expires "${t.expires}" is not an ISO-8601 instant with a time zone`,
        'write a date and time with a zone, e.g. 2026-12-01T00:00:00Z',
        name,
      );
    }
  }

  private accessKey(name: string, conn: ConnectionDoc, accounts: string[]): void {
    const key = conn.user?.accessKey;
    if (!key) return;
    const base = ['connections', name, 'user', 'accessKey'];
    const deliver = key.deliver ?? [];
    if (deliver.length === 0 && !conn.temporary) {
      this.push(
        'manifest/no-sink',
        base,
        `the access key of connection "${name}" is rotated but delivered nowhere: nobody would receive the new key`,
        'add `deliver:` with a secretsManager, githubSecret or output sink',
        name,
        'key',
      );
    }
    // A selector may pick many accounts: a sink shared by all of them would be overwritten.
    const multi = (conn.accounts.length > 1 && new Set(conn.accounts.map((a) => JSON.stringify(a))).size > 1) || conn.accounts.some((a) => typeof a !== 'string' || isSelectorText(a) || !Object.hasOwn(this.doc.accounts, a));
    deliver.forEach((s, i) => {
      let path: YamlPath | undefined;
      let text: string | undefined;
      if ('secretsManager' in s) {
        path = [...base, 'deliver', i, 'secretsManager', 'secretId'];
        text = s.secretsManager.secretId;
        const acc = s.secretsManager.account;
        if (acc !== undefined && !Object.hasOwn(this.doc.accounts, acc)) {
          const sug = didYouMean(acc, Object.keys(this.doc.accounts));
          this.push(
            'manifest/undeclared-account',
            [...base, 'deliver', i, 'secretsManager', 'account'],
            `the secret's account "${acc}" is not declared under accounts`,
            sug !== undefined ? `did you mean "${sug}"?` : 'declare it under accounts, or remove `account` to use the connection\'s account',
            name,
          );
        }
      } else if ('githubSecret' in s) {
        path = [...base, 'deliver', i, 'githubSecret', 'name'];
        text = s.githubSecret.name;
      }
      if (path === undefined || text === undefined) return;
      const used = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
      const unknown = used.find((p) => !KNOWN_PLACEHOLDERS.includes(p));
      if (unknown !== undefined) {
        const sug = didYouMean(unknown, KNOWN_PLACEHOLDERS);
        this.push(
          'manifest/sink-placeholder',
          path,
          `unknown placeholder "{${unknown}}" in "${text}"`,
          sug !== undefined ? `did you mean "{${sug}}"?` : 'the only placeholders are {account} and {ACCOUNT} (the account name, upper-cased)',
          name,
        );
      } else if (multi && used.length === 0) {
        this.push(
          'manifest/sink-placeholder',
          path,
          `connection "${name}" has ${accounts.length > 1 ? accounts.length : conn.accounts.length} accounts but "${text}" is the same for all of them: each account's key would overwrite the others'`,
          'secretsManager' in s
            ? `put {account} in the secret ID, e.g. "${text}/{account}"`
            : `put {ACCOUNT} in the secret name, e.g. "${text}_{ACCOUNT}"`,
          name,
        );
      }
    });
  }

  private trust(name: string, conn: ConnectionDoc): void {
    const t = conn.role?.trust;
    if (!t) return;
    const base = ['connections', name, 'role', 'trust'];
    const presetTrust = conn.vendor === undefined ? undefined : this.catalog.getPreset(conn.vendor)?.trust;
    const hasPrincipals = t.awsAccount !== undefined || (t.awsPrincipals ?? []).length > 0;
    if (!hasPrincipals && t.file === undefined && presetTrust === undefined) {
      this.push(
        'manifest/trust-empty',
        base,
        `the role of connection "${name}" trusts nobody: trust has no awsAccount, awsPrincipals or file`,
        'add `awsAccount: "<vendor account ID>"` (and the vendor\'s externalId), or `file:` with a trust policy',
        name,
        'key',
      );
    }
    if (t.file !== undefined && (hasPrincipals || t.externalId !== undefined || t.conditions !== undefined)) {
      this.push(
        'manifest/trust-conflict',
        [...base, 'file'],
        `the role of connection "${name}" has a trust file and also awsAccount/awsPrincipals/externalId/conditions; the file replaces the generated trust policy, so those would be ignored`,
        'keep either `file:` or the generated form (awsAccount, externalId, ...)',
        name,
      );
    }
  }

  private claimNames(
    name: string,
    conn: ConnectionDoc,
    account: string,
    claims: Record<'user' | 'role' | 'policy', Map<string, Claim>>,
  ): void {
    const preset = conn.vendor === undefined ? undefined : this.catalog.getPreset(conn.vendor);
    const claim = (kind: 'user' | 'role' | 'policy', value: string, path: YamlPath): void => {
      const k = `${account}\u0000${value.toLowerCase()}`;
      const first = claims[kind].get(k);
      if (first === undefined) {
        claims[kind].set(k, { connection: name, name: value, path });
        return;
      }
      if (first.connection === name && first.path.join('/') === path.join('/')) return;
      const what = kind === 'policy' ? 'managed policy' : kind;
      this.push(
        `manifest/duplicate-${kind}`,
        path,
        `${what} name "${value}" is already used by ${first.connection === name ? 'this connection' : `connection "${first.connection}"`} ("${first.name}") in account ${account}; IAM ${what} names are case-insensitive`,
        kind === 'policy' ? 'give one of the policies a distinct `name:`' : `rename one of them, or merge the two into one connection`,
        name,
      );
    };
    for (const kind of ['user', 'role'] as const) {
      const p = conn[kind];
      if (!p) continue;
      const base = ['connections', name, kind];
      claim(kind, p.name, [...base, 'name']);
      (p.policies ?? []).forEach((ref, i) => {
        const at = [...base, 'policies', i, ref.name !== undefined ? 'name' : 'file'];
        claim('policy', policyRefName(name, ref), at);
      });
      if (presetFillsPolicies(p, preset)) {
        for (const d of preset.defaultPolicies) claim('policy', d.name, ['connections', name, 'vendor']);
      }
    }
  }
}

/** Cross-field rules. Runs only on a document that passed the schema. */
export function checkRules(doc: ManifestDoc, src: YamlSource, catalog: PresetCatalog): Finding[] {
  return new RuleRunner(doc, src, catalog).run();
}
