/**
 * The apply tests' round trip against a real moto_server: manifest → readInventory → buildPlan
 * → executePlan → read again → plan again.
 */
import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import { readInventory } from '../../src/aws/inventory.js';
import type { AccountInventory } from '../../src/aws/inventory-model.js';
import type { ApplyResult, ExecuteContext } from '../../src/apply/executor.js';
import type { ConnectionSpec, Manifest } from '../../src/manifest/model.js';
import { buildPlan } from '../../src/plan/diff.js';
import type { Change, Plan } from '../../src/plan/model.js';
export { emulateMotoGaps } from '../helpers/aws-proxy.js';
import { manifest as baseManifest } from '../plan/fixtures.js';

/** moto's account for static credentials. */
export const MOTO_ACCOUNT = '123456789012';
export const noWait = { clock: { now: () => 0, sleep: () => Promise.resolve() }, random: () => 0 };

export function manifestFor(connections: ConnectionSpec[]): Manifest {
  const m = baseManifest(connections);
  return { ...m, accounts: [{ name: 'prod', id: MOTO_ACCOUNT, role: `arn:aws:iam::${MOTO_ACCOUNT}:role/iam-connections`, at: m.accounts[0]!.at }] };
}


export async function readAccount(iam: IAMClient, s3: S3Client, m: Manifest): Promise<AccountInventory> {
  const users = new Set(m.connections.flatMap((c) => (c.user ? [c.user.name.toLowerCase()] : [])));
  const roles = new Set(m.connections.flatMap((c) => (c.role ? [c.role.name.toLowerCase()] : [])));
  const buckets = m.connections.flatMap((c) => (c.billingBucket ? [c.billingBucket.name] : []));
  const inv = await readInventory(iam, {
    account: 'prod',
    accountId: MOTO_ACCOUNT,
    isDeclaredUser: (n) => users.has(n.toLowerCase()),
    isDeclaredRole: (n) => roles.has(n.toLowerCase()),
    credentialReport: true,
    readRoleDetails: true,
    ...(buckets.length > 0 ? { buckets: { s3, names: buckets } } : {}),
    retry: noWait,
  });
  return inv;
}

export interface PlanOpts {
  prune?: boolean;
  now?: Date;
  env?: ReadonlyMap<string, string>;
}

export async function planFor(iam: IAMClient, s3: S3Client, m: Manifest, o: PlanOpts = {}): Promise<Plan> {
  const inv = await readAccount(iam, s3, m);
  const now = o.now ?? new Date();
  return buildPlan({ manifest: m, inventories: [inv], env: o.env ?? new Map(), now, prune: o.prune ?? false });
}

export function applyContext(iam: IAMClient, s3: S3Client, env: ReadonlyMap<string, string>, log: string[] = []): ExecuteContext {
  return { clientsFor: () => Promise.resolve({ iam, s3 }), externalIds: env, retry: noWait, log: (l) => log.push(l) };
}

export function executable(plan: Plan): Change[] {
  return plan.accounts.flatMap((a) => a.changes).filter((c) => c.action !== 'none');
}

/** What still needs doing after an apply, access key creation aside (the rotate command's). */
export function remaining(plan: Plan): string[] {
  return executable(plan)
    .filter((c) => !(c.resource.type === 'access-key' && (c.action === 'create' || c.action === 'rotate')))
    .map((c) => `${c.id}: ${c.reason}`);
}

export function failures(result: ApplyResult): string[] {
  return result.accounts.flatMap((a) => a.outcomes).filter((o) => o.status === 'failed').map((o) => `${o.id}: ${o.message ?? ''}`);
}

