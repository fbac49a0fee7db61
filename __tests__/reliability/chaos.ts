/**
 * Shared pieces of the reliability suite: a seeded PRNG, a fault injector for the recording
 * proxy that counts what it did by kind, the small manifest the suite applies, and a normalised
 * view of an account (what a clean run and a faulted-then-rerun run must agree on).
 */
import { GetAccountAuthorizationDetailsCommand, IAMClient, ListAccessKeysCommand, ListUserTagsCommand, TagUserCommand } from '@aws-sdk/client-iam';
import { DescribeSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { readFileSync } from 'node:fs';
import type { AwsCall, AwsProxy } from '../helpers/aws-proxy.js';
import type { World } from '../e2e/world.js';

export const PROD = '111122223333';
const DAY = 86_400_000;
/**
 * Day 0 of the suite's clock (IAM_CONNECTIONS_NOW, and moto's through world.at): the next
 * midnight UTC after the real clock.
 */
export const D0 = new Date(Math.ceil((Date.now() + 3_600_000) / DAY) * DAY);
export const day = (n: number): string => new Date(D0.getTime() + n * DAY).toISOString();
export const NOW = day(0);
/** `RELIABILITY_LONG=1` (scripts/reliability.mjs) widens every loop of the suite. */
export const LONG = process.env.RELIABILITY_LONG === '1';
export const EXTERNAL_ID = 'Ext-Fault-Suite-5d41402a';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` distinct items of `list` drawn by `random`, in their original order. */
export function sample<T>(random: () => number, list: readonly T[], n: number): T[] {
  const idx = list.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
  }
  return idx
    .slice(0, Math.min(n, list.length))
    .sort((a, b) => a - b)
    .map((i) => list[i] as T);
}

export type FaultKind = 'throttling' | 'http500' | 'http503' | 'reset' | 'slow' | 'lost-answer';
export const FAULT_KINDS: FaultKind[] = ['throttling', 'http500', 'http503', 'reset', 'slow', 'lost-answer'];

export interface FaultPlan {
  seed: number;
  /** Probability that a call not already in a burst gets a fault. */
  rate: number;
  /** Throttling comes in bursts of 1 to this many consecutive calls. */
  maxBurst?: number;
  slowMs?: number;
  /** Kinds to draw from (default all). */
  kinds?: FaultKind[];
}

export interface FaultLog {
  counts: Record<FaultKind, number>;
  /** `seq action kind` for each injected fault, to reproduce a failure from its seed. */
  events: string[];
}

/**
 * Installs rules that fault AWS calls at seeded random points. `lost-answer` forwards the call
 * (the write happens) and then answers 500, as when a response is lost: the hardest case for
 * idempotency. Calls to the moto control API are never faulted.
 */
export function injectFaults(proxy: AwsProxy, plan: FaultPlan): FaultLog {
  const random = prng(plan.seed);
  const kinds = plan.kinds ?? FAULT_KINDS;
  const log: FaultLog = { counts: { throttling: 0, http500: 0, http503: 0, reset: 0, slow: 0, 'lost-answer': 0 }, events: [] };
  const decided = new Map<number, FaultKind | undefined>();
  let burst = 0;
  const decide = (call: AwsCall): FaultKind | undefined => {
    if (decided.has(call.seq)) return decided.get(call.seq);
    let kind: FaultKind | undefined;
    if (call.service !== 'moto') {
      if (burst > 0) {
        burst--;
        kind = 'throttling';
      } else if (random() < plan.rate) {
        kind = kinds[Math.floor(random() * kinds.length)];
        if (kind === 'throttling') burst = Math.floor(random() * (plan.maxBurst ?? 3));
      }
    }
    decided.set(call.seq, kind);
    if (kind !== undefined) {
      log.counts[kind]++;
      log.events.push(`${call.seq} ${call.service}:${call.action} ${kind}`);
    }
    return kind;
  };
  const is = (kind: FaultKind) => (call: AwsCall) => decide(call) === kind;
  proxy.inject({ when: is('throttling'), status: 400, code: 'Throttling', message: 'Rate exceeded' });
  proxy.inject({ when: is('http500'), status: 500, code: 'InternalFailure', message: 'We encountered an internal error. Please try again.' });
  proxy.inject({ when: is('http503'), status: 503, code: 'ServiceUnavailable', message: 'Service is unavailable. Please try again.' });
  proxy.inject({ when: is('reset'), network: 'reset' });
  proxy.inject({ when: is('slow'), delayMs: plan.slowMs ?? 1500 });
  proxy.inject({
    when: is('lost-answer'),
    respond: async (call, forward) => {
      await forward();
      return { status: 500, headers: { 'content-type': 'text/xml' }, body: `<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>answer lost</Message></Error><RequestId>lost-${call.seq}</RequestId></ErrorResponse>` };
    },
  });
  return log;
}

export const readerDoc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:ListUsers'], Resource: '*' }] }, null, 2);

/** A user with a customer-managed policy and a key delivered to Secrets Manager, a user with an AWS-managed policy, a vendor role. */
export const SMALL_MANIFEST = `version: 1
accounts:
  prod: { id: "${PROD}", role: "arn:aws:iam::${PROD}:role/iam-connections" }
connections:
  reader:
    accounts: [prod]
    user:
      name: reader-user
      policies: [{ file: policies/reader.json }]
      accessKey: { deliver: [{ secretsManager: { secretId: integrations/reader } }] }
  auditor:
    accounts: [prod]
    user: { name: auditor-user, managedPolicies: [SecurityAudit] }
  vendor:
    accounts: [prod]
    role:
      name: vendor-role
      trust: { awsAccount: "432263259397", externalId: { env: VENDOR_EXTERNAL_ID } }
      managedPolicies: [ReadOnlyAccess]
`;

export const smallRepo = (world: World): string => world.repo({ 'connections.yaml': SMALL_MANIFEST, 'policies/reader.json': readerDoc });
export const RUN_ENV = { VENDOR_EXTERNAL_ID: EXTERNAL_ID, GITHUB_EVENT_NAME: 'push' };

const STATIC = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'seed-secret-not-real' };

/** Clients straight to moto (not through the proxy), inside `accountId`. */
export async function directClients(world: World, accountId = PROD): Promise<{ iam: IAMClient; sm: SecretsManagerClient }> {
  const sts = new STSClient({ region: 'us-east-1', endpoint: world.moto.endpoint, credentials: STATIC });
  const c = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/observer`, RoleSessionName: 'observe' }))).Credentials!;
  const credentials = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
  return {
    iam: new IAMClient({ region: 'us-east-1', endpoint: world.moto.endpoint, credentials }),
    sm: new SecretsManagerClient({ region: 'us-east-1', endpoint: world.moto.endpoint, credentials }),
  };
}

/**
 * Key IDs differ between any two runs; dates come from the tool's clock and must not, to the
 * second: a simulated clock runs on from IAM_CONNECTIONS_NOW, so a record written a few
 * milliseconds into one run differs from the clean run's in its milliseconds only.
 */
const KEY_ID = /(AKIA|ASIA)[A-Z0-9]{12,}/g;
const MILLIS = /(T\d{2}:\d{2}:\d{2})\.\d{3}Z/g;
const tags = (t: { Key?: string; Value?: string }[] | undefined) =>
  Object.fromEntries((t ?? []).map((x) => [x.Key, (x.Value ?? '').replace(KEY_ID, '<key id>').replace(MILLIS, '$1Z')]).sort(([a], [b]) => String(a).localeCompare(String(b))));

export interface AccountView {
  users: unknown[];
  roles: unknown[];
  policies: unknown[];
  /** Per user with keys: statuses, and whether the delivered secret holds an active key. */
  keys: Record<string, string[]>;
  secrets: Record<string, 'active key' | 'inactive key' | 'unknown key' | 'absent'>;
}

/** What a run leaves in the account, without the parts that differ between any two runs (key IDs, dates). */
export async function accountView(world: World, secretIds: string[] = ['integrations/reader']): Promise<AccountView> {
  const { iam, sm } = await directClients(world);
  const out = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User', 'Role', 'LocalManagedPolicy'] }));
  const users = out.UserDetailList ?? [];
  const keys: Record<string, string[]> = {};
  const status = new Map<string, string>();
  for (const u of users) {
    const list = (await iam.send(new ListAccessKeysCommand({ UserName: u.UserName }))).AccessKeyMetadata ?? [];
    for (const k of list) status.set(k.AccessKeyId ?? '', k.Status ?? '');
    if (list.length > 0) keys[u.UserName ?? ''] = list.map((k) => k.Status ?? '').sort();
  }
  const secrets: AccountView['secrets'] = {};
  for (const id of secretIds) {
    try {
      // AWSCURRENT through the stages: moto's plain GetSecretValue keeps the first version after a promotion.
      const d = await sm.send(new DescribeSecretCommand({ SecretId: id }));
      const version = Object.entries(d.VersionIdsToStages ?? {}).find(([, st]) => st.includes('AWSCURRENT'))?.[0];
      const v = JSON.parse((await sm.send(new GetSecretValueCommand({ SecretId: id, VersionId: version }))).SecretString ?? '{}') as Record<string, string>;
      const keyId = v.AccessKeyId ?? v.accessKeyId ?? v.aws_access_key_id ?? '';
      const s = status.get(keyId);
      secrets[id] = s === 'Active' ? 'active key' : s === 'Inactive' ? 'inactive key' : 'unknown key';
    } catch {
      secrets[id] = 'absent';
    }
  }
  return {
    users: users
      .map((u) => ({ name: u.UserName, path: u.Path, tags: tags(u.Tags), attached: (u.AttachedManagedPolicies ?? []).map((p) => p.PolicyName).sort(), inline: (u.UserPolicyList ?? []).map((p) => p.PolicyName).sort() }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    roles: (out.RoleDetailList ?? [])
      .map((r) => ({ name: r.RoleName, path: r.Path, tags: tags(r.Tags), attached: (r.AttachedManagedPolicies ?? []).map((p) => p.PolicyName).sort(), trust: decodeURIComponent(String(r.AssumeRolePolicyDocument ?? '')) }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    policies: (out.Policies ?? [])
      .map((p) => ({ name: p.PolicyName, path: p.Path, versions: (p.PolicyVersionList ?? []).length, document: decodeURIComponent(String(p.PolicyVersionList?.find((v) => v.IsDefaultVersion)?.Document ?? '')) }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    keys,
    secrets,
  };
}

export const ROTATE_LOCK = 'iam-connections:rotate-lock';

/**
 * What fifteen minutes do to a dead run's rotate lock: every lock tag's expiry moved to the
 * past (the holder kept). Returns the users whose lock was held.
 */
export async function expireRotateLocks(world: World, users: string[] = ['reader-user'], accountId = PROD): Promise<string[]> {
  const { iam } = await directClients(world, accountId);
  const past = new Date(Date.now() - 60_000).toISOString();
  const held: string[] = [];
  for (const user of users) {
    const tags = (await iam.send(new ListUserTagsCommand({ UserName: user }))).Tags ?? [];
    const lock = tags.find((t) => t.Key === ROTATE_LOCK)?.Value;
    if (lock === undefined) continue;
    held.push(user);
    await iam.send(new TagUserCommand({ UserName: user, Tags: [{ Key: ROTATE_LOCK, Value: lock.replace(/@[^@]*$/, `@${past}`) }] }));
  }
  return held;
}

type PlanJson = { accounts: { changes: { action: string; kind: string; resource: { type: string; name: string } }[] }[] };

/** The changes of a plan JSON file that would do something. */
export function executable(planFile: string): string[] {
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as PlanJson;
  return plan.accounts.flatMap((a) => a.changes.filter((c) => c.action !== 'none').map((c) => `${c.resource.type}:${c.resource.name}:${c.kind}:${c.action}`));
}
