/**
 * `rotate`: validate, read the accounts, then run the staged key lifecycle for every user that
 * declares an `accessKey` (src/rotate/). `apply` uses the same path, limited to users that have
 * no key yet, so a new integration user leaves apply with a delivered, verified, recorded key.
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
  /** Only users whose plan says they have no delivered, recorded key yet (apply's first key). */
  onlyMissingKeys?: boolean;
};

const FIRST_KEY_KINDS = new Set(['key-missing', 'key-unrecorded', 'key-orphan']);

/**
 * Connections whose user in `account` has no room for the tags a rotation writes (the plan's
 * `tag-budget`): never rotated, since TagUser would fail after the new key reached a sink.
 */
export function tagBudgetBlocked(plan: Plan, account: string, onlyMissing = false): Map<string, string> {
  const changes = plan.accounts.find((a) => a.account === account)?.changes ?? [];
  // For apply's first keys, only users that would have got one (their key change is withheld).
  const wanted = new Set(changes.filter((c) => FIRST_KEY_KINDS.has(c.kind) && (c.withheld?.action ?? c.action) !== 'none').map((c) => c.connection));
  const blocked = new Map<string, string>();
  for (const c of changes) {
    if (c.kind !== 'tag-budget' || !c.resource.name.startsWith('user/') || c.connection === undefined) continue;
    if (!onlyMissing || wanted.has(c.connection)) blocked.set(c.connection, c.reason);
  }
  return blocked;
}

function blockedResult(account: string, connection: ConnectionSpec, reason: string): UserRotationResult {
  return { account, connection: connection.name, user: connection.user?.name ?? '', status: 'failed', before: [], after: [], steps: [], delivered: [], warnings: [], failures: [`not rotated: ${reason}`], next: [] };
}

/** Connections of `account` whose user holds a key to rotate (or, for apply, needs its first one). */
export function rotatingConnections(manifest: Manifest, plan: Plan, account: string, onlyMissing: boolean): ConnectionSpec[] {
  // Apply finishes what a killed run left: a key that exists but was never recorded (an orphan,
  // or the only key of a user whose first key never reached its sinks) is rotated away safely.
  const missing = new Set(
    plan.accounts
      .find((a) => a.account === account)
      ?.changes.filter((c) => FIRST_KEY_KINDS.has(c.kind) && c.action !== 'none')
      .map((c) => c.connection) ?? [],
  );
  const blocked = tagBudgetBlocked(plan, account);
  return manifest.connections.filter(
    (c) => c.accounts.includes(account) && c.user?.accessKey !== undefined && !blocked.has(c.name) && (!onlyMissing || missing.has(c.name)),
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
    const connections = rotatingConnections(manifest, plan, inventory.account, opts.onlyMissingKeys === true);
    const blocked = [...tagBudgetBlocked(plan, inventory.account, opts.onlyMissingKeys === true)].flatMap(([name, reason]) => {
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
      });
      return blocked.length ? { ...result, users: [...blocked, ...result.users], failed: true } : result;
    } catch (err) {
      return { account: spec.name, users: blocked, failed: true, error: err instanceof Error ? err.message : String(err) };
    }
  });
}
