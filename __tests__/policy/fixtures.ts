/**
 * Builds resolved `Manifest` objects directly, so the policy checks are tested without the
 * manifest loader. Policies come from JSON text (a fixture file or a literal) like the loader reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceLocation } from '../../src/diagnostics.js';
import {
  DEFAULT_KEY_RULES,
  DEFAULT_PATH,
  type ConnectionSpec,
  type Manifest,
  type ResolvedPolicy,
  type RoleSpec,
  type UserSpec,
} from '../../src/manifest/model.js';
import { getPreset } from '../../src/presets/catalog.js';

export const FIXTURES = join(process.cwd(), '__tests__/fixtures/policy');
export const MANIFEST_FILE = 'connections.yaml';

export const at = (line: number, column = 3): SourceLocation => ({ file: MANIFEST_FILE, line, column });

/** A policy read from `text` as if from `file`. */
export function policyFromText(file: string, text: string, opts: Partial<ResolvedPolicy> = {}): ResolvedPolicy {
  return {
    kind: 'managed',
    name: file.replace(/^.*\//, '').replace(/\.json$/, ''),
    document: JSON.parse(text) as unknown,
    source: { file, text },
    at: at(10),
    ...opts,
  };
}

/** A policy from a file under __tests__/fixtures/policy (file named relative to that folder). */
export function policyFile(rel: string, opts: Partial<ResolvedPolicy> = {}): ResolvedPolicy {
  const file = `__tests__/fixtures/policy/${rel}`;
  return policyFromText(file, readFileSync(join(FIXTURES, rel), 'utf8'), opts);
}

/** A policy from a document object, pretty-printed as a user would write it. */
export function policyDoc(name: string, document: unknown, opts: Partial<ResolvedPolicy> = {}): ResolvedPolicy {
  return policyFromText(`policies/${name}.json`, JSON.stringify(document, null, 2) + '\n', opts);
}

export function user(name: string, over: Partial<UserSpec> = {}): UserSpec {
  return { name, path: DEFAULT_PATH, tags: {}, policies: [], inlinePolicies: [], managedPolicies: [], at: at(5), ...over };
}

export function role(name: string, over: Partial<RoleSpec> = {}): RoleSpec {
  return {
    name,
    path: DEFAULT_PATH,
    tags: {},
    policies: [],
    inlinePolicies: [],
    managedPolicies: [],
    trust: { awsPrincipals: [], at: at(7, 7) },
    at: at(6),
    ...over,
  };
}

export function connection(name: string, over: Partial<ConnectionSpec> = {}): ConnectionSpec {
  return {
    name,
    accounts: ['prod'],
    watch: { roles: [], users: [], policies: [] },
    adopt: false,
    acknowledge: [],
    tags: {},
    at: at(3),
    ...over,
  };
}

export function manifest(connections: ConnectionSpec[], over: Partial<Manifest> = {}): Manifest {
  return {
    file: MANIFEST_FILE,
    text: '',
    defaults: { path: DEFAULT_PATH, tags: {}, keys: DEFAULT_KEY_RULES },
    accounts: [{ name: 'prod', id: '111122223333', at: at(2) }],
    connections,
    ...over,
  };
}

/** The documents a preset fills in, as the normaliser would: located on the `vendor:` line. */
export function presetPolicies(id: string, vendorAt: SourceLocation = at(4)): ResolvedPolicy[] {
  const preset = getPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return preset.defaultPolicies.map((d) => ({
    kind: 'managed',
    name: d.name,
    document: JSON.parse(d.text) as unknown,
    source: { file: `preset:${id}/${d.file}`, text: d.text },
    at: vendorAt,
    fromPreset: id,
  }));
}

/** One user connection with the given customer-managed policies. */
export function oneUser(policies: ResolvedPolicy[], over: Partial<ConnectionSpec> = {}, userOver: Partial<UserSpec> = {}): Manifest {
  return manifest([connection('vendor', { user: user('vendor-user', { policies, ...userOver }), ...over })]);
}
