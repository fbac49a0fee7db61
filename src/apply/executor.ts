/**
 * Carries out a plan computed in the same run. Every executable change is validated first
 * (`prepareStep`: fields present, external IDs available), before the first write anywhere;
 * then accounts run concurrently (bounded), and within an account independent connections run
 * side by side while each connection's changes keep their `orderChanges` order (see
 * `runConcurrently`). A failure never stops the run: it skips what depends on it, and a
 * conflict (a name held by something not ours) stops the rest of its connection in that
 * account only. The result says, per change, what was done and what was not.
 */
import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import { errorSummary, type RetryOptions } from '../aws/retry.js';
import type { AccountPlan, Action, Change, Plan } from '../plan/model.js';
import { StepError, stepFailure, type StepContext } from './call.js';
import { blockedBy, makeBeforeBreak, mergeTrustUpdates, orderChanges } from './order.js';
import { prepareStep, type PreparedStep } from './steps.js';
import { mapLimit } from '../concurrency.js';

export type ChangeStatus = 'done' | 'failed' | 'skipped';

export interface ChangeOutcome {
  id: string;
  account: string;
  connection?: string;
  resource: Change['resource'];
  action: Action;
  status: ChangeStatus;
  /** done: a note (what was found or removed on the way); failed: what went wrong and how to fix it; skipped: why. */
  message?: string;
  /** The AWS (or executor) error code of a failure. */
  code?: string;
  /** Not done by the executor but later in the same run by another path (keys: the locked rotation path). */
  deferred?: 'rotation';
}

export interface AccountOutcome {
  account: string;
  accountId: string;
  /** In execution order; withheld changes are listed as skipped. */
  outcomes: ChangeOutcome[];
}

export interface ApplyResult {
  accounts: AccountOutcome[];
  /** `<connection>/<account>` → ARN of every role created or found already created by this run. */
  roleArns: Record<string, string>;
}

export interface ExecuteContext {
  clientsFor(account: string): Promise<{ iam: IAMClient; s3: S3Client; s3For?: (region: string) => S3Client }>;
  /** `{ env: NAME }` values by NAME (external IDs); manifest-written ones by their plan placeholder. */
  externalIds: ReadonlyMap<string, string>;
  retry?: RetryOptions;
  log?: (line: string) => void;
  /** Accounts worked on at once. Default 4. */
  concurrency?: number;
  /** Changes in flight at once within one account (independent connections only). Default 8. */
  changeConcurrency?: number;
  /** Called after each change has an outcome (for progress lines). */
  onOutcome?: (o: ChangeOutcome) => void;
}

const DEFAULT_CHANGE_CONCURRENCY = 8;

/** Last line of defence: no message leaves the executor with an external ID in it. */
function scrubber(secrets: ReadonlyMap<string, string>): (s: string) => string {
  const values = [...secrets.values()].filter((v) => v.length >= 4).sort((a, b) => b.length - a.length);
  return (s) => values.reduce((acc, v) => acc.split(v).join('(redacted)'), s);
}

function outcome(c: Change, status: ChangeStatus, message?: string, code?: string): ChangeOutcome {
  const o: ChangeOutcome = { id: c.id, account: c.account, resource: c.resource, action: c.action, status };
  if (c.connection !== undefined) o.connection = c.connection;
  if (message !== undefined && message !== '') o.message = message;
  if (code !== undefined) o.code = code;
  return o;
}

function describe(c: Change): string {
  return `${c.action} ${c.resource.type} ${c.resource.name}`;
}

/**
 * Runs one account's changes, up to `limit` at a time, in an order that keeps every guarantee of
 * the sequential order (`orderChanges`): a connection's changes run one after another in that
 * order; a change also waits for what it `dependsOn`; a change that belongs to no connection is a
 * barrier (it waits for everything before it, everything after waits for it). Independent
 * connections run side by side: the account's rate limiter, not this loop, sets the pace, and it
 * needs several calls in flight to stay saturated when each call takes tens of milliseconds.
 */
export async function runConcurrently(prepared: readonly Prepared[], limit: number, run: (p: Prepared) => Promise<void>): Promise<void> {
  let free = Math.max(1, limit);
  const queue: (() => void)[] = [];
  const slot = async (): Promise<void> => {
    if (free > 0) {
      free--;
      return;
    }
    await new Promise<void>((resolve) => queue.push(resolve));
  };
  const release = (): void => {
    const next = queue.shift();
    if (next) next();
    else free++;
  };
  const finished = new Map<string, Promise<void>>();
  const lanes = new Map<string, Promise<void>>();
  let barrier: Promise<void> = Promise.resolve();
  const all: Promise<void>[] = [];
  for (const p of prepared) {
    const c = p.change;
    const deps = (c.dependsOn ?? []).map((d) => finished.get(d)).filter((d): d is Promise<void> => d !== undefined);
    const before = c.connection === undefined ? [...all] : [barrier, lanes.get(c.connection) ?? Promise.resolve(), ...deps];
    const task = Promise.all(before).then(async () => {
      await slot();
      try {
        await run(p);
      } finally {
        release();
      }
    });
    finished.set(c.id, task);
    all.push(task);
    if (c.connection === undefined) barrier = task;
    else lanes.set(c.connection, task);
  }
  await Promise.all(all);
}


export interface Prepared {
  change: Change;
  step?: PreparedStep;
  invalid?: StepError;
}

/** Validation of one account's plan, before any write: the executable changes in order. */
function prepareAccount(plan: AccountPlan, externalIds: ReadonlyMap<string, string>): Prepared[] {
  const { changes, conflicts } = mergeTrustUpdates(plan.changes);
  return orderChanges(makeBeforeBreak(changes)).map((change) => {
    const conflict = conflicts.get(change.id);
    if (conflict !== undefined) return { change, invalid: new StepError(conflict, { code: 'MalformedPlan' }) };
    try {
      return { change, step: prepareStep(change, externalIds) };
    } catch (err) {
      return { change, invalid: err instanceof StepError ? err : stepFailure(`validating ${describe(change)}`, err) };
    }
  });
}

async function runAccount(plan: AccountPlan, prepared: Prepared[], ctx: ExecuteContext, scrub: (s: string) => string, roleArns: Record<string, string>): Promise<AccountOutcome> {
  const log = ctx.log ?? (() => undefined);
  const outcomes: ChangeOutcome[] = [];
  const byId = new Map<string, ChangeOutcome>();
  const record = (c: Change, status: ChangeStatus, message?: string, code?: string, deferred?: 'rotation'): void => {
    const o = outcome(c, status, message === undefined ? undefined : scrub(message), code);
    if (deferred !== undefined) o.deferred = deferred;
    outcomes.push(o);
    byId.set(o.id, o);
    log(`${c.account}: ${describe(c)}: ${deferred !== undefined ? `next, by the ${deferred} path` : status}${o.message ? ` (${o.message})` : ''}`);
    ctx.onOutcome?.(o);
  };
  // Withheld changes are not run, but the report must say they were not.
  for (const c of plan.changes) {
    if (c.action === 'none' && c.withheld) {
      const o = outcome(c, 'skipped', `withheld by ${c.withheld.by}: nothing is done for it until that is resolved`);
      o.action = c.withheld.action;
      outcomes.push(o);
      byId.set(o.id, o);
    }
  }

  let clients: { iam: IAMClient; s3: S3Client; s3For?: (region: string) => S3Client };
  try {
    clients = await ctx.clientsFor(plan.account);
  } catch (err) {
    const why = `could not get credentials for account "${plan.account}": ${errorSummary(err)}`;
    for (const p of prepared) record(p.change, 'failed', p.invalid ? p.invalid.message : why, p.invalid?.code ?? 'NoCredentials');
    return { account: plan.account, accountId: plan.accountId, outcomes };
  }
  const stepCtx: StepContext = {
    account: plan.account,
    iam: clients.iam,
    s3: clients.s3,
    ...(clients.s3For ? { s3For: clients.s3For } : {}),
    externalIds: ctx.externalIds,
    retry: ctx.retry ?? {},
    created: new Set(),
    owners: new Map(),
    log,
  };
  /** connection → why the rest of it is stopped in this account. */
  const stopped = new Map<string, string>();

  const runOne = async (p: Prepared): Promise<void> => {
    const c = p.change;
    if (p.invalid) {
      record(c, 'failed', p.invalid.message, p.invalid.code);
      return;
    }
    const blocked = blockedBy(c, byId);
    if (blocked !== undefined) {
      record(c, 'skipped', blocked);
      return;
    }
    const stop = c.connection !== undefined ? stopped.get(c.connection) : undefined;
    if (stop !== undefined) {
      record(c, 'skipped', stop);
      return;
    }
    try {
      const r = await (p.step as PreparedStep).run(stepCtx);
      if (r.status === 'skipped') {
        record(c, 'skipped', r.reason, undefined, r.deferred);
      } else {
        if (r.roleArn !== undefined && c.connection !== undefined) roleArns[`${c.connection}/${c.account}`] = r.roleArn;
        record(c, 'done', r.note);
      }
    } catch (err) {
      const e = stepFailure(describe(c), err);
      record(c, 'failed', e.message, e.code);
      if (c.connection !== undefined && (e.conflict || c.kind === 'adopt')) {
        stopped.set(c.connection, `not run: connection ${c.connection} is stopped in account ${c.account} because ${c.id} failed (${e.conflict ? 'conflict' : 'adoption failed'})`);
      }
    }
  };
  await runConcurrently(prepared, ctx.changeConcurrency ?? DEFAULT_CHANGE_CONCURRENCY, runOne);
  // Report in plan order whatever order the changes finished in.
  const rank = new Map(prepared.map((p, i) => [p.change.id, i]));
  outcomes.sort((a, b) => (rank.get(a.id) ?? -1) - (rank.get(b.id) ?? -1));
  return { account: plan.account, accountId: plan.accountId, outcomes };
}

export async function executePlan(plan: Plan, ctx: ExecuteContext): Promise<ApplyResult> {
  const scrub = scrubber(ctx.externalIds);
  // Everything is validated before the first write in any account.
  const prepared = plan.accounts.map((a) => prepareAccount(a, ctx.externalIds));
  const roleArns: Record<string, string> = {};
  const accounts = await mapLimit(
    plan.accounts.map((a, i) => ({ a, p: prepared[i] ?? [] })),
    ctx.concurrency ?? 4,
    ({ a, p }) => runAccount(a, p, ctx, scrub, roleArns),
  );
  return { accounts, roleArns };
}

export interface ApplySummary {
  done: number;
  failed: number;
  skipped: number;
  /** No change failed: apply's exit status. */
  ok: boolean;
  /** What was done and what was not, one line each, failures first. */
  lines: string[];
}

export function summarizeApply(result: ApplyResult): ApplySummary {
  const all = result.accounts.flatMap((a) => a.outcomes);
  const count = (s: ChangeStatus): number => all.filter((o) => o.status === s).length;
  const line = (o: ChangeOutcome): string => {
    const mark = o.status === 'done' ? 'done' : o.status === 'failed' ? 'FAILED' : 'skipped';
    return `${mark}: ${o.account}: ${o.action} ${o.resource.type} ${o.resource.name}${o.message ? ` (${o.message})` : ''}`;
  };
  const s = { done: count('done'), failed: count('failed'), skipped: count('skipped') };
  const lines = [
    `${s.done} change(s) done, ${s.failed} failed, ${s.skipped} not run.`,
    ...all.filter((o) => o.status === 'failed').map(line),
    ...all.filter((o) => o.status === 'skipped').map(line),
    ...all.filter((o) => o.status === 'done').map(line),
  ];
  if (s.failed > 0) lines.push('Every step is idempotent: fix what failed and run apply again; it continues where this run stopped.');
  return { ...s, ok: s.failed === 0, lines };
}
