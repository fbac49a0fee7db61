/**
 * `rotate`: validate, read the accounts, then run the staged key lifecycle for every user that
 * declares an `accessKey` (src/rotate/). `apply` uses the same path for every key change of
 * its plan (a new user's first key included), so it never touches a key outside the rotate lock.
 */
import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import { type ApplyResult, type ChangeOutcome, executePlan } from '../apply/executor.js';
import { readKeysLastUsed } from '../aws/inventory.js';
import type { ConnectionSpec, Manifest } from '../manifest/model.js';
import type { Plan } from '../plan/model.js';
import { planUserRotation } from '../rotate/lifecycle.js';
import { type RotateAccountInput, type RotateAccountResult, type RotateClients, type UserRotationResult, rotateAccount, temporaryStage } from '../rotate/run.js';
import { applyPreview, isRetirement, rotationStepPreview } from './preview.js';
import { mapLimit } from '../concurrency.js';
import type { PlanCommandResult } from './plan.js';

export type RotateOptions = Pick<RotateAccountInput, 'region' | 'now' | 'clockNow' | 'runId' | 'mask' | 'log' | 'setOutput' | 'lock' | 'onUserDone'> & {
  /** Told how many users each account will rotate, before the first one starts. */
  onAccountStart?: (account: string, users: number) => void;
  clients: (manifest: Manifest) => (account: string) => Promise<RotateClients>;
  /** Only users whose plan has a key change to make (apply). */
  onlyKeyChanges?: boolean;
};

/** A key change to make: apply carries out every one through the rotation path, never directly. */
const isKeyChange = (c: { kind: string; action: string }): boolean => c.kind.startsWith('key-') && c.action !== 'none';

/**
 * Connections whose user in `account` has no room for the tags a rotation writes (the plan's
 * `tag-budget`): never rotated, since TagUser would fail after the new key reached a sink.
 */
export function tagBudgetBlocked(plan: Plan, account: string, onlyKeyChanges = false): Map<string, string> {
  const changes = plan.accounts.find((a) => a.account === account)?.changes ?? [];
  // For apply, only users that would have had a key change (it is withheld).
  const wanted = new Set(changes.filter((c) => isKeyChange({ kind: c.kind, action: c.withheld?.action ?? c.action })).map((c) => c.connection));
  const blocked = new Map<string, string>();
  for (const c of changes) {
    if (c.kind !== 'tag-budget' || !c.resource.name.startsWith('user/') || c.connection === undefined) continue;
    if (!onlyKeyChanges || wanted.has(c.connection)) blocked.set(c.connection, c.reason);
  }
  return blocked;
}

function blockedResult(account: string, connection: ConnectionSpec, reason: string): UserRotationResult {
  return { account, connection: connection.name, user: connection.user?.name ?? '', status: 'failed', before: [], after: [], steps: [], delivered: [], warnings: [], failures: [`not rotated: ${reason}`], next: [] };
}

/** Connections of `account` whose user holds a key to rotate (or, for apply, has a key change to make). */
export function rotatingConnections(manifest: Manifest, plan: Plan, account: string, onlyKeyChanges: boolean): ConnectionSpec[] {
  // Apply carries out every key change of its plan (a first key, a due rotation, a key to
  // retire, what a killed run left) through the same locked path as rotate: never directly.
  const changed = new Set(
    plan.accounts
      .find((a) => a.account === account)
      ?.changes.filter(isKeyChange)
      .map((c) => c.connection) ?? [],
  );
  const blocked = tagBudgetBlocked(plan, account);
  return manifest.connections.filter(
    (c) => c.accounts.includes(account) && c.user?.accessKey !== undefined && !blocked.has(c.name) && (!onlyKeyChanges || changed.has(c.name)),
  );
}

/** One account's rotation, or why it could not start (its clients could not be made). */
export type AccountRotation = RotateAccountResult & { error?: string };

export async function rotateAccounts(planned: PlanCommandResult, opts: RotateOptions): Promise<AccountRotation[]> {
  const { manifest, plan } = planned;
  if (!manifest || !plan) return [];
  const clientsFor = opts.clients(manifest);
  // Accounts at once: their users, keys and secrets are their own (secret names carry {account}).
  const work = planned.inventories.flatMap((inventory) => {
    const spec = manifest.accounts.find((a) => a.name === inventory.account);
    const connections = rotatingConnections(manifest, plan, inventory.account, opts.onlyKeyChanges === true);
    const blocked = [...tagBudgetBlocked(plan, inventory.account, opts.onlyKeyChanges === true)].flatMap(([name, reason]) => {
      const c = manifest.connections.find((x) => x.name === name && x.user?.accessKey !== undefined);
      return c ? [blockedResult(inventory.account, c, reason)] : [];
    });
    return spec && (connections.length || blocked.length) ? [{ inventory, spec, connections, blocked }] : [];
  });
  for (const w of work) opts.onAccountStart?.(w.spec.name, w.connections.length + w.blocked.length);
  return mapLimit(work, 4, async ({ inventory, spec, connections, blocked }): Promise<AccountRotation> => {
    for (const b of blocked) opts.onUserDone?.(b);
    if (connections.length === 0) return { account: spec.name, users: blocked, failed: true };
    try {
      const result = await rotateAccount({
        account: { name: spec.name, id: spec.id },
        inventory,
        connections,
        clients: await clientsFor(spec.name),
        region: spec.region ?? manifest.defaults.region ?? opts.region,
        now: opts.now,
        ...(opts.clockNow ? { clockNow: opts.clockNow } : {}),
        runId: opts.runId,
        mask: opts.mask,
        log: opts.log,
        ...(opts.setOutput ? { setOutput: opts.setOutput } : {}),
        ...(opts.lock !== undefined ? { lock: opts.lock } : {}),
        ...(opts.onUserDone ? { onUserDone: opts.onUserDone } : {}),
        ...(opts.onlyKeyChanges === true ? { requireUsers: true } : {}),
      });
      return blocked.length ? { ...result, users: [...blocked, ...result.users], failed: true } : result;
    } catch (err) {
      return { account: spec.name, users: blocked, failed: true, error: err instanceof Error ? err.message : String(err) };
    }
  });
}

export interface RotateCommandOptions extends RotateOptions {
  /** Read and say what would happen; write nothing (set by `as-of`, or asked for). */
  dryRun?: boolean;
  /** Clients for retiring expired temporary connections with apply's executor; absent: not retired. */
  applyClients?: (manifest: Manifest) => (account: string) => Promise<{ iam: IAMClient; s3: S3Client }>;
  /** Told of every retirement change as it ends. */
  onOutcome?: (o: ChangeOutcome) => void;
}

export interface RotateCommandResult {
  rotations: AccountRotation[];
  /** Temporary connections past `expires + deleteAfter`, torn down as apply does. */
  retirement?: ApplyResult;
  /** A dry run's "would" lines, rotation first, then retirement. */
  preview?: string[];
}

/** The plan, cut down to the teardown of temporary connections whose `deleteAfter` has passed. */
export function retirementPlan(plan: Plan): Plan {
  return { ...plan, accounts: plan.accounts.map((a) => ({ ...a, changes: a.changes.filter(isRetirement) })).filter((a) => a.changes.length > 0) };
}

/**
 * `rotate` as the scheduled workflow runs it: every key one stage along its lifecycle, then the
 * scheduled retirement of expired temporary connections (user, keys, login profile and its
 * customer-managed policies), with apply's executor and its ownership checks, so the schedule
 * alone carries out a bootstrap user's removal. Connections being retired are not rotated.
 * A dry run reads (last use included) and returns what it would do.
 */
export async function runRotate(planned: PlanCommandResult, opts: RotateCommandOptions): Promise<RotateCommandResult> {
  const { manifest, plan } = planned;
  if (!manifest || !plan) return { rotations: [] };
  const retiring = retirementPlan(plan);
  const retired = new Set(retiring.accounts.flatMap((a) => a.changes.filter((c) => c.resource.type === 'user').map((c) => `${a.account}/${c.connection ?? ''}`)));
  const rotating: PlanCommandResult = {
    ...planned,
    manifest: { ...manifest, connections: manifest.connections.map((c) => (c.accounts.some((a) => retired.has(`${a}/${c.name}`)) ? { ...c, accounts: c.accounts.filter((a) => !retired.has(`${a}/${c.name}`)) } : c)) },
  };
  if (opts.dryRun) return { rotations: [], preview: [...(await previewRotations(rotating, opts)), ...applyPreview(retiring)] };
  const rotations = await rotateAccounts(rotating, opts);
  if (!opts.applyClients || retiring.accounts.length === 0) return { rotations };
  const retirement = await executePlan(retiring, {
    clientsFor: opts.applyClients(manifest),
    // Teardown needs no external ID: roles are not part of a retirement.
    externalIds: new Map(),
    log: opts.log,
    ...(opts.onOutcome ? { onOutcome: opts.onOutcome } : {}),
  });
  return { rotations, retirement };
}

/** What rotation would do for every user, from the plan's read (last use read where a step waits for it). */
async function previewRotations(planned: PlanCommandResult, opts: RotateOptions): Promise<string[]> {
  const { manifest, plan } = planned;
  if (!manifest || !plan) return [];
  const clientsFor = opts.clients(manifest);
  const lines: string[] = [];
  for (const inventory of planned.inventories) {
    for (const conn of rotatingConnections(manifest, plan, inventory.account, false)) {
      const spec = conn.user!;
      const prefix = `${inventory.account}/${conn.name} user ${spec.name}`;
      const live = inventory.users.find((u) => u.name.toLowerCase() === spec.name.toLowerCase());
      if (!live) {
        lines.push(`${prefix}: does not exist: apply would create it and its first key`);
        continue;
      }
      const temporary = temporaryStage(conn, live);
      const lifecycle = { tags: live.tags, rules: spec.accessKey!.rules, now: opts.now, ...(temporary ? { temporary } : {}) };
      let keys = live.accessKeys ?? [];
      let steps = planUserRotation({ keys, ...lifecycle });
      if (steps.needsLastUsed.length > 0) {
        const used = await readKeysLastUsed((await clientsFor(inventory.account)).iam, steps.needsLastUsed, { account: inventory.account });
        keys = keys.map((k) => (used.has(k.id) ? { ...k, lastUsed: used.get(k.id) ?? null } : k));
        steps = planUserRotation({ keys, ...lifecycle });
      }
      const would = rotationStepPreview(prefix, steps.steps);
      lines.push(...(would.length ? would : [`${prefix}: nothing to do${steps.next[0] ? `; next: ${steps.next[0].at.slice(0, 10)} ${steps.next[0].what}` : ''}`]));
    }
  }
  return lines;
}
