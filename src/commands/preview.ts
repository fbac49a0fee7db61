/**
 * Dry runs: `apply` and `rotate` that only read, and say what they would do, in "would" words.
 * `as-of` makes every apply and rotate a dry run (a date other than now must never write: a
 * key rotated "as of March" on a user rotated yesterday would take the vendor's key away).
 * Pure: plan and lifecycle in, lines out.
 */
import type { Change, Plan } from '../plan/model.js';
import type { RotationStep } from '../rotate/lifecycle.js';
import { maskKeyId } from '../plan/keys.js';

/** Why this run is a dry run; absent `asOf`: asked for as such. */
export interface DryRun {
  asOf?: Date;
}

function day(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** The line every dry run's log, summary and CLI output leads with. */
export function dryRunBanner(dry: DryRun): string {
  return dry.asOf
    ? `dry run: as-of ${day(dry.asOf)} only previews; nothing was written (apply and rotate write only on the real clock)`
    : 'dry run: nothing was written';
}

const VERB: Record<string, string> = {
  create: 'would create',
  update: 'would update',
  delete: 'would delete',
  attach: 'would attach',
  detach: 'would detach',
  put: 'would put',
  tag: 'would tag',
  rotate: 'would rotate',
  deactivate: 'would deactivate',
  remove: 'would remove',
};

/** One line per change apply would make, in plan order. */
export function applyPreview(plan: Plan, keep: (c: Change) => boolean = () => true): string[] {
  return plan.accounts.flatMap((a) =>
    a.changes
      .filter((c) => c.action !== 'none' && keep(c))
      .map((c) => `${c.account}: ${VERB[c.action] ?? `would ${c.action}`} ${c.resource.type} ${c.resource.name} (${c.reason})`),
  );
}

/** A temporary connection past `expires + deleteAfter`: its user and policies are torn down. */
export function isRetirement(c: Change): boolean {
  return c.kind === 'expired' && c.action === 'delete';
}

/** One line per rotation step, in order; warnings as they are. */
export function rotationStepPreview(prefix: string, steps: readonly RotationStep[]): string[] {
  return steps.map((s) => {
    switch (s.kind) {
      case 'rotate':
        return `${prefix}: would rotate: create a new key, deliver it, verify it and record it${s.replaces ? ` (it replaces ${maskKeyId(s.replaces)})` : ''}: ${s.reason}`;
      case 'deactivate':
        return `${prefix}: would deactivate ${maskKeyId(s.keyId)}: ${s.reason}`;
      case 'delete':
      case 'delete-orphan':
      case 'delete-pending':
        return `${prefix}: would delete ${maskKeyId(s.keyId)}: ${s.reason}`;
      case 'resume':
        return `${prefix}: would resume delivering the pending key ${maskKeyId(s.keyId)} to every sink, verify and record it: ${s.reason}`;
      case 'abandon-pending':
        return `${prefix}: would record the pending key ${maskKeyId(s.keyId)} as replaced, to retire like one: ${s.reason}`;
      case 'clear-pending':
        return `${prefix}: would remove the stale pending mark of ${maskKeyId(s.keyId)}`;
      case 'warn':
        return `${prefix}: warning: ${s.reason}`;
    }
  });
}
