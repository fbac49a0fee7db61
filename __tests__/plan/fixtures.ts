/** Plain-data builders for plan tests: a resolved manifest and an account inventory. */
import type { SourceLocation } from '../../src/diagnostics.js';
import type { AccessKeyState, AccountInventory, ManagedPolicyState, RoleState, UserState } from '../../src/aws/inventory-model.js';
import type { ConnectionSpec, Manifest, ResolvedPolicy, RoleSpec, UserSpec } from '../../src/manifest/model.js';
import { DEFAULT_KEY_RULES, OWNER_TAG } from '../../src/manifest/model.js';

export const ACCOUNT_ID = '111122223333';
export const NOW = new Date('2026-06-01T00:00:00Z');
export const DAY = 86400;
export const EXTERNAL_ID = 'Contoso-ext-8f3a91c2';

export function at(line = 1): SourceLocation {
  return { file: 'connections.yaml', line, column: 3 };
}

export function daysBefore(days: number, from: Date = NOW): string {
  return new Date(from.getTime() - days * DAY * 1000).toISOString();
}

export function doc(...statements: unknown[]): unknown {
  return { Version: '2012-10-17', Statement: statements };
}

export function resolvedPolicy(name: string, document: unknown, kind: 'managed' | 'inline' = 'managed'): ResolvedPolicy {
  return { kind, name, document, source: { file: `policies/${name}.json`, text: JSON.stringify(document) }, at: at(10) };
}

export function userSpec(name: string, over: Partial<UserSpec> = {}): UserSpec {
  return { name, path: '/connections/', tags: {}, policies: [], inlinePolicies: [], managedPolicies: [], at: at(5), ...over };
}

export function roleSpec(name: string, over: Partial<RoleSpec> = {}): RoleSpec {
  return {
    name,
    path: '/connections/',
    tags: {},
    policies: [],
    inlinePolicies: [],
    managedPolicies: [],
    trust: { awsAccount: '432263259397', awsPrincipals: [], externalId: { env: 'CLOUDYN_EXTERNAL_ID' }, at: at(20) },
    at: at(18),
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
    at: at(2),
    ...over,
  };
}

export function manifest(connections: ConnectionSpec[]): Manifest {
  return {
    file: 'connections.yaml',
    text: '',
    defaults: { path: '/connections/', tags: { owner: 'platform-security' }, keys: DEFAULT_KEY_RULES },
    accounts: [{ name: 'prod', id: ACCOUNT_ID, role: `arn:aws:iam::${ACCOUNT_ID}:role/iam-connections`, at: at(3) }],
    connections,
  };
}

export function owned(connection: string, extra: Record<string, string> = {}): Record<string, string> {
  return { owner: 'platform-security', [OWNER_TAG]: connection, ...extra };
}

export function userState(name: string, over: Partial<UserState> = {}): UserState {
  return {
    name,
    arn: `arn:aws:iam::${ACCOUNT_ID}:user/connections/${name}`,
    id: `AIDA${name.toUpperCase().replace(/[^A-Z]/g, '')}`,
    path: '/connections/',
    created: daysBefore(30),
    tags: {},
    attached: [],
    inline: [],
    groups: [],
    accessKeys: [],
    hasLoginProfile: false,
    ...over,
  };
}

export function roleState(name: string, trust: unknown, over: Partial<RoleState> = {}): RoleState {
  return {
    name,
    arn: `arn:aws:iam::${ACCOUNT_ID}:role/connections/${name}`,
    id: `AROA${name.toUpperCase().replace(/[^A-Z]/g, '')}`,
    path: '/connections/',
    created: daysBefore(30),
    tags: {},
    trust,
    attached: [],
    inline: [],
    ...over,
  };
}

export function policyState(name: string, document: unknown, over: Partial<ManagedPolicyState> = {}): ManagedPolicyState {
  return {
    name,
    arn: `arn:aws:iam::${ACCOUNT_ID}:policy/connections/${name}`,
    path: '/connections/',
    defaultVersionId: 'v1',
    document,
    versionIds: ['v1'],
    attachmentCount: 1,
    tags: {},
    ...over,
  };
}

export function key(id: string, createdDaysAgo: number, over: Partial<AccessKeyState> = {}): AccessKeyState {
  return { id, status: 'Active', created: daysBefore(createdDaysAgo), ...over };
}

export function inventory(over: Partial<AccountInventory> = {}): AccountInventory {
  return {
    account: 'prod',
    accountId: ACCOUNT_ID,
    readAt: NOW.toISOString(),
    users: [],
    roles: [],
    policies: [],
    buckets: [],
    ...over,
  };
}

export function managedArn(name: string): string {
  return `arn:aws:iam::aws:policy/${name}`;
}
