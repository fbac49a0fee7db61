/**
 * Schema-valid document -> the resolved `Manifest` model: defaults applied, presets filled in,
 * policy files read, durations in seconds, every entry carrying its manifest location.
 */
import type { Finding, SourceLocation } from '../diagnostics.js';
import type { VendorPreset } from '../presets/catalog.js';
import { parseDuration } from './duration.js';
import { readPolicyFile, type FileAccess } from './files.js';
import {
  DEFAULT_KEY_RULES,
  DEFAULT_PATH,
  DEFAULT_TEMPORARY_DELETE_AFTER,
  type AccountSpec,
  type ConnectionSpec,
  type KeyRules,
  type Manifest,
  type PrincipalSpec,
  type ResolvedPolicy,
  type SelectorRef,
  type RoleSpec,
  type Sink,
  type UserSpec,
  type ValueRef,
} from './model.js';
import { legacyPolicyRefName, managedPolicyArn, policyRefName, presetFillsPolicies, type PresetCatalog } from './presets.js';
import type { AccountRefDoc, ConnectionDoc, KeySettingsDoc, ManifestDoc, PolicyRefDoc, SinkDoc } from './schema.js';
import { locate, type YamlPath, type YamlSource } from './yaml.js';
import { selectorOfDoc } from './selector-refs.js';
import { isSelectorText } from '../org/selectors.js';

export interface NormalizeOptions {
  root: string;
  /** Absolute folder of the manifest: `file:` references are relative to it. */
  manifestDir: string;
  catalog: PresetCatalog;
  fs?: FileAccess;
}

function keyRules(base: KeyRules, doc: KeySettingsDoc | undefined): KeyRules {
  if (!doc) return base;
  return {
    rotateAfter: doc.rotateAfter !== undefined ? parseDuration(doc.rotateAfter) : base.rotateAfter,
    overlap: doc.overlap !== undefined ? parseDuration(doc.overlap) : base.overlap,
    deleteAfter: doc.deleteAfter !== undefined ? parseDuration(doc.deleteAfter) : base.deleteAfter,
    requireUnusedFor: doc.requireUnusedFor !== undefined ? parseDuration(doc.requireUnusedFor) : base.requireUnusedFor,
    force: doc.force ?? base.force,
  };
}

class Normalizer {
  readonly findings: Finding[] = [];
  private readonly manifestDir: string;

  constructor(
    private readonly doc: ManifestDoc,
    private readonly src: YamlSource,
    private readonly opts: NormalizeOptions,
  ) {
    this.manifestDir = opts.manifestDir;
  }

  /** Map entries are located at their key (`senhasegura:`), list items at the item. */
  private at(p: YamlPath): SourceLocation {
    return locate(this.src, p, typeof p[p.length - 1] === 'string' ? 'key' : 'value');
  }

  run(): Manifest {
    const d = this.doc.defaults;
    const defaults = {
      path: d?.path ?? DEFAULT_PATH,
      tags: { ...(d?.tags ?? {}) },
      keys: keyRules(DEFAULT_KEY_RULES, d?.keys),
      ...(d?.region !== undefined ? { region: d.region } : {}),
      ...(d?.knownAccounts !== undefined ? { knownAccounts: { ...d.knownAccounts } } : {}),
      ...(d?.discover !== undefined ? { discover: d.discover } : {}),
    };
    const accounts = accountSpecs(this.doc, this.src);
    const connections = Object.entries(this.doc.connections).map(([name, c]) => this.connection(name, c, defaults));
    const o = this.doc.organization;
    const organization = o && {
      via: o.via,
      roleName: o.roleName,
      ...(o.planRoleName !== undefined ? { planRoleName: o.planRoleName } : {}),
      ...(o.scope !== undefined ? { scope: accountRefs(this.doc, this.src, o.scope, ['organization', 'scope']).selectors } : {}),
      at: this.at(['organization']),
    };
    return { file: this.src.file, text: this.src.text, defaults, accounts, connections, ...(organization ? { organization } : {}) };
  }

  private connection(name: string, c: ConnectionDoc, defaults: Manifest['defaults']): ConnectionSpec {
    const base = ['connections', name];
    const preset = c.vendor === undefined ? undefined : this.opts.catalog.getPreset(c.vendor);
    const tags = { ...defaults.tags, ...(c.tags ?? {}) };
    const refs = accountRefs(this.doc, this.src, c.accounts, [...base, 'accounts']);
    const spec: ConnectionSpec = {
      name,
      accounts: refs.names,
      ...(refs.selectors.length ? { selectors: refs.selectors } : {}),
      watch: { roles: c.watch?.roles ?? [], users: c.watch?.users ?? [], policies: c.watch?.policies ?? [] },
      adopt: c.adopt ?? false,
      acknowledge: (c.acknowledge ?? []).map((a, i) => ({
        check: a.check,
        reason: a.reason,
        ...(a.action !== undefined ? { action: a.action } : {}),
        at: this.at([...base, 'acknowledge', i]),
      })),
      tags,
      at: this.at(base),
    };
    if (c.vendor !== undefined) spec.vendor = c.vendor;
    if (c.description !== undefined) spec.description = c.description;
    if (c.user) {
      const u = c.user;
      const userPath = [...base, 'user'];
      const user: UserSpec = this.principal(name, 'user', u, tags, defaults, preset);
      if (u.accessKey) {
        user.accessKey = {
          rules: keyRules(defaults.keys, u.accessKey),
          deliver: (u.accessKey.deliver ?? []).map((s, i) => this.sink(name, s, [...userPath, 'accessKey', 'deliver', i])),
          at: this.at([...userPath, 'accessKey']),
        };
      }
      spec.user = user;
    }
    if (c.role) {
      const r = c.role;
      const rolePath = [...base, 'role'];
      const role: RoleSpec = {
        ...this.principal(name, 'role', r, tags, defaults, preset),
        trust: this.trust(name, c, preset, [...rolePath, 'trust']),
      };
      if (r.description !== undefined) role.description = r.description;
      if (r.maxSessionDuration !== undefined) role.maxSessionDuration = r.maxSessionDuration;
      spec.role = role;
    }
    if (c.temporary) {
      const t = c.temporary;
      spec.temporary = {
        ...(t.expires !== undefined ? { expires: new Date(t.expires).toISOString() } : {}),
        ...(t.ttl !== undefined ? { ttl: parseDuration(t.ttl) } : {}),
        deleteAfter: t.deleteAfter !== undefined ? parseDuration(t.deleteAfter) : DEFAULT_TEMPORARY_DELETE_AFTER,
        at: this.at([...base, 'temporary']),
      };
    }
    if (c.billingBucket) {
      spec.billingBucket = {
        name: c.billingBucket.name,
        ...(c.billingBucket.region !== undefined ? { region: c.billingBucket.region } : {}),
        at: this.at([...base, 'billingBucket']),
      };
    }
    return spec;
  }

  private principal(
    connection: string,
    kind: 'user' | 'role',
    p: NonNullable<ConnectionDoc['user']> | NonNullable<ConnectionDoc['role']>,
    connectionTags: Record<string, string>,
    defaults: Manifest['defaults'],
    preset: VendorPreset | undefined,
  ): PrincipalSpec {
    const base = ['connections', connection, kind];
    const spec: PrincipalSpec = {
      name: p.name,
      path: p.path ?? defaults.path,
      tags: { ...connectionTags, ...(p.tags ?? {}) },
      policies: this.policies(connection, 'managed', p.policies ?? [], [...base, 'policies']),
      inlinePolicies: this.policies(connection, 'inline', p.inlinePolicies ?? [], [...base, 'inlinePolicies']),
      managedPolicies: (p.managedPolicies ?? []).map(managedPolicyArn),
      at: this.at(base),
    };
    if (p.permissionsBoundary !== undefined) spec.permissionsBoundary = managedPolicyArn(p.permissionsBoundary);
    if (presetFillsPolicies(p, preset)) {
      const vendorAt = this.at(['connections', connection, 'vendor']);
      for (const d of preset.defaultPolicies) {
        spec.policies.push({
          kind: 'managed',
          name: d.name,
          document: JSON.parse(d.text) as unknown,
          source: { file: `preset:${preset.id}`, text: d.text },
          at: vendorAt,
          fromPreset: preset.id,
        });
      }
      spec.managedPolicies.push(...preset.defaultManagedPolicies.map(managedPolicyArn));
    }
    return spec;
  }

  private policies(connection: string, kind: 'managed' | 'inline', refs: PolicyRefDoc[], base: YamlPath): ResolvedPolicy[] {
    const out: ResolvedPolicy[] = [];
    refs.forEach((ref, i) => {
      const at = this.at([...base, i]);
      const name = policyRefName(connection, ref);
      const legacyName = legacyPolicyRefName(connection, ref);
      const description = {
        ...(ref.description !== undefined ? { description: ref.description } : {}),
        ...(legacyName !== undefined ? { legacyName } : {}),
      };
      if ('file' in ref) {
        const read = readPolicyFile(ref.file, {
          root: this.opts.root,
          manifestDir: this.manifestDir,
          at: locate(this.src, [...base, i, 'file']),
          connection,
          ...(this.opts.fs ? { fs: this.opts.fs } : {}),
        });
        this.findings.push(...read.findings);
        if (read.policy) {
          out.push({ kind, name, ...description, document: read.policy.document, source: { file: read.policy.file, text: read.policy.text }, at });
        }
      } else {
        out.push({
          kind,
          name,
          ...description,
          document: ref.document,
          source: { file: this.src.file, text: this.src.text, basePath: [...base, i, 'document'] },
          at,
        });
      }
    });
    return out;
  }

  private trust(connection: string, c: ConnectionDoc, preset: VendorPreset | undefined, p: YamlPath): RoleSpec['trust'] {
    const t = c.role!.trust;
    const principals = t.awsPrincipals ?? [];
    const awsAccount = t.awsAccount ?? (principals.length === 0 && t.file === undefined ? preset?.trust?.awsAccount : undefined);
    const spec: RoleSpec['trust'] = { awsPrincipals: principals, at: this.at(p) };
    if (awsAccount !== undefined) spec.awsAccount = awsAccount;
    if (t.externalId !== undefined) {
      const ref: ValueRef = typeof t.externalId === 'string' ? { value: t.externalId } : { env: t.externalId.env };
      spec.externalId = ref;
    }
    if (t.conditions !== undefined) spec.conditions = t.conditions;
    if (t.file !== undefined) {
      const read = readPolicyFile(t.file, {
        root: this.opts.root,
        manifestDir: this.manifestDir,
        at: locate(this.src, [...p, 'file']),
        connection,
        ...(this.opts.fs ? { fs: this.opts.fs } : {}),
      });
      this.findings.push(...read.findings);
      if (read.policy) {
        spec.document = {
          kind: 'inline',
          name: `${c.role!.name}-trust`,
          document: read.policy.document,
          source: { file: read.policy.file, text: read.policy.text },
          at: locate(this.src, [...p, 'file']),
        };
      }
    }
    return spec;
  }

  private sink(connection: string, s: SinkDoc, p: YamlPath): Sink {
    const at = this.at(p);
    if ('secretsManager' in s) {
      const v = s.secretsManager;
      return {
        kind: 'secretsManager',
        secretId: v.secretId,
        ...(v.account !== undefined ? { account: v.account } : {}),
        ...(v.region !== undefined ? { region: v.region } : {}),
        ...(v.kmsKeyId !== undefined ? { kmsKeyId: v.kmsKeyId } : {}),
        ...(v.adopt === true ? { adopt: true } : {}),
        at,
      };
    }
    if ('githubSecret' in s) {
      const v = s.githubSecret;
      return {
        kind: 'githubSecret',
        name: v.name,
        ...(v.repository !== undefined ? { repository: v.repository } : {}),
        ...(v.environment !== undefined ? { environment: v.environment } : {}),
        ...(v.organization !== undefined ? { organization: v.organization } : {}),
        ...(v.visibility !== undefined ? { visibility: v.visibility } : {}),
        ...(v.repositories !== undefined ? { repositories: v.repositories } : {}),
        at,
      };
    }
    return { kind: 'output', name: s.output === true ? `${connection}-access-key` : s.output.name, at };
  }
}

/** The accounts of a schema-valid document, each located at its key. */
export function accountSpecs(doc: Pick<ManifestDoc, 'accounts'>, src: YamlSource): AccountSpec[] {
  return Object.entries(doc.accounts).map(([name, a]) => ({
    name,
    id: a.id,
    ...(a.role !== undefined ? { role: a.role } : {}),
    ...(a.planRole !== undefined ? { planRole: a.planRole } : {}),
    ...(a.via !== undefined ? { via: a.via } : {}),
    ...(a.region !== undefined ? { region: a.region } : {}),
    at: locate(src, ['accounts', name], 'key'),
  }));
}

/**
 * A connection's `accounts` split into declared names and organisation selectors. A string is a
 * declared name when `accounts:` declares it; anything else is a selector (./rules.ts has already
 * reported the ones that are neither, and those without an `organization:` section).
 */
export function accountRefs(doc: Pick<ManifestDoc, 'accounts'>, src: YamlSource, refs: readonly AccountRefDoc[], base: YamlPath): { names: string[]; selectors: SelectorRef[] } {
  const names = new Set<string>();
  const selectors: SelectorRef[] = [];
  refs.forEach((ref, i) => {
    if (typeof ref === 'string' && Object.hasOwn(doc.accounts, ref) && !isSelectorText(ref)) {
      names.add(ref);
      return;
    }
    const selector = selectorOfDoc(ref);
    if (selector) selectors.push({ selector, text: typeof ref === 'string' ? ref : JSON.stringify(ref), at: locate(src, [...base, i]) });
  });
  return { names: [...names], selectors };
}

/** Builds the resolved model. File problems come back as findings; the model is complete otherwise. */
export function normalize(doc: ManifestDoc, src: YamlSource, opts: NormalizeOptions): { manifest: Manifest; findings: Finding[] } {
  const n = new Normalizer(doc, src, opts);
  const manifest = n.run();
  return { manifest, findings: n.findings };
}
