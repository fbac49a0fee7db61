/**
 * `apply`: the same validation and plan as `plan`, computed in this run, then the executor.
 * Nothing is written unless the manifest is valid; an account that could not be read is left
 * alone (and fails the run) while the others are applied. Users created without a key get their
 * first one through the rotation path (create, deliver, verify, record), read afresh after the
 * executor so the new users are seen.
 */
import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import { type ApplyResult, type ChangeOutcome, executePlan, summarizeApply } from '../apply/executor.js';
import type { Manifest } from '../manifest/model.js';
import { desiredState } from '../plan/desired.js';
import type { Plan } from '../plan/model.js';
import { applyPreview } from './preview.js';
import { type PlanCommandOptions, type PlanCommandResult, runPlan } from './plan.js';
import { type AccountRotation, type RotateOptions, rotateAccounts } from './rotate.js';

export interface ApplyCommandOptions extends PlanCommandOptions {
  clients: (manifest: Manifest) => (account: string) => Promise<{ iam: IAMClient; s3: S3Client; s3For?: (region: string) => S3Client }>;
  /** Told of every change as it ends (done, failed or skipped): for progress lines. */
  onOutcome?: (o: ChangeOutcome) => void;
  /** Told the plan before the first write: for progress totals. */
  onPlan?: (plan: Plan) => void;
  /** Key changes (first keys of new users, rotations, retirements); absent: keys are left to `rotate`. */
  keys?: Omit<RotateOptions, 'onlyKeyChanges' | 'now'>;
  log?: (line: string) => void;
  /** Plan only and say what would be done; nothing is written (set by `as-of`, or asked for). */
  dryRun?: boolean;
}

export interface ApplyCommandResult extends PlanCommandResult {
  apply?: ApplyResult;
  summary?: ReturnType<typeof summarizeApply>;
  /** First keys made for new users. */
  keys?: AccountRotation[];
  /** A dry run's "would" lines, one per change. */
  preview?: string[];
}

/** What the executor needs to rebuild trust documents: env values by name, literals by placeholder. */
export function externalIdValues(manifest: Manifest, accounts: readonly string[], env: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map(env);
  for (const account of accounts) {
    for (const role of desiredState(manifest, account, env).roles) {
      const b = role.externalId;
      if (b && 'manifest' in b.source && b.value !== undefined) out.set(b.placeholder, b.value);
    }
  }
  return out;
}

export async function runApply(file: string, opts: ApplyCommandOptions): Promise<ApplyCommandResult> {
  const planned = await runPlan(file, opts);
  return applyPlanned(file, planned, opts);
}

/**
 * The writes of `apply` for a plan already computed (and shown, and confirmed) in this run.
 * Returns `planned` untouched when it holds no valid plan.
 */
export async function applyPlanned(file: string, planned: PlanCommandResult, opts: ApplyCommandOptions): Promise<ApplyCommandResult> {
  if (!planned.plan || !planned.manifest) return planned;
  const manifest = planned.manifest;
  if (opts.dryRun) return { ...planned, preview: applyPreview(planned.plan) };
  opts.onPlan?.(planned.plan);
  const apply = await executePlan(planned.plan, {
    clientsFor: opts.clients(manifest),
    externalIds: externalIdValues(manifest, planned.selected, planned.envValues),
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.onOutcome ? { onOutcome: opts.onOutcome } : {}),
  });
  const result: ApplyCommandResult = { ...planned, failures: [...planned.failures], apply, summary: summarizeApply(apply) };
  const needsKeys = planned.plan.accounts.some((a) => a.changes.some((c) => c.kind.startsWith('key-') && c.action !== 'none'));
  if (opts.keys && needsKeys) {
    const read = await runPlan(file, { ...opts, accounts: planned.selected });
    result.keys = await rotateAccounts(read, { ...opts.keys, now: opts.now, onlyKeyChanges: true });
    for (const f of read.failures) result.failures.push({ account: f.account, message: `after apply: ${f.message}` });
    // The executor leaves key creation to the rotation path just run: its outcome is the key's.
    result.apply = withFirstKeys(apply, result.keys);
    result.summary = summarizeApply(result.apply);
  }
  return result;
}

/**
 * The executor's access-key placeholders (every key change runs after it, through the locked
 * rotation path) replaced by what that rotation did: done ("first key created, delivered to ...,
 * verified", or the steps it carried out), failed (with why), or still not run (with why), so the
 * summary counts what happened to the keys, not the placeholder.
 */
export function withFirstKeys(apply: ApplyResult, keys: readonly AccountRotation[]): ApplyResult {
  const accounts = apply.accounts.map((a) => ({
    ...a,
    outcomes: a.outcomes.map((o): ChangeOutcome => {
      if (o.deferred !== 'rotation') return o;
      const first = o.action === 'create';
      const rotation = keys.find((k) => k.account === a.account);
      const user = rotation?.users.find((u) => u.connection === o.connection);
      if (rotation?.error) return { ...o, status: 'failed', message: `${first ? 'first key not created' : 'key change not made'}: ${rotation.error}` };
      if (!user) return o;
      if (user.status === 'changed' && user.failures.length === 0) {
        if (first) {
          const where = user.delivered.length ? user.delivered.join(', ') : 'no sink';
          return { ...o, status: 'done', message: `first key created, delivered to ${where}, verified` };
        }
        const did = user.steps.filter((st) => st.status === 'done').map((st) => st.message);
        return { ...o, status: 'done', message: `by the rotation path: ${did.join('; ') || 'done'}` };
      }
      if (user.status === 'failed' || user.failures.length) return { ...o, status: 'failed', message: `${first ? 'first key' : 'key change'}: ${user.failures.join('; ') || 'failed'}` };
      const why = user.status === 'locked' ? 'another run holds the user lock' : 'the rotation path found nothing to do';
      return { ...o, message: `${first ? 'first key not created' : 'key change not made'}: ${why}` };
    }),
  }));
  return { ...apply, accounts };
}
