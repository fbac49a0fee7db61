/**
 * `rotate`: validate, read the accounts, then run the staged key lifecycle for every user that
 * declares an `accessKey` (src/rotate/). `apply` uses the same path for every key change of
 * its plan (a new user's first key included), so it never touches a key outside the rotate lock.
 */
import type { ConnectionSpec, Manifest } from '../manifest/model.js';
import type { Plan } from '../plan/model.js';
import { type RotateAccountInput, type RotateAccountResult, type RotateClients, type UserRotationResult, rotateAccount } from '../rotate/run.js';
import { mapLimit } from '../concurrency.js';
import type { PlanCommandResult } from './plan.js';

export type RotateOptions = Pick<RotateAccountInput, 'region' | 'now' | 'runId' | 'mask' | 'log' | 'setOutput' | 'lock' | 'onUserDone'> & {
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
