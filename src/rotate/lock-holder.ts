/**
 * Whether the run holding a rotate lock is still alive. A lock is honoured until its expiry
 * unless GitHub says the holder's workflow run has ended (status `completed`, whatever the
 * conclusion, cancelled included), or has moved on to a later attempt: then its process is gone
 * and the lock is taken over at once. Whenever GitHub cannot answer (no token, no `actions: read`,
 * the run is not visible, an old-format holder without a repository), the expiry decides and the
 * reason is kept for the message.
 */
import type { WorkflowRuns } from '../github/workflow-runs.js';
import { describeHolder, type LockHolder } from './lock-tag.js';

export type HolderVerdict =
  /** The holder's process is gone: its lock may be taken over or removed. */
  | { ended: true; why: string }
  /** Alive, or unknown: honour the lock until it expires. `why` says what is known. */
  | { ended: false; why: string };

/** Answers about one run, remembered for this process: a lock is looked at once per user. */
export type HolderLiveness = (holder: LockHolder) => Promise<HolderVerdict>;

/** Ended runs stay ended; an answer that a run is alive is trusted for this long. */
const ALIVE_FOR_MS = 30_000;

export function holderLiveness(runs: WorkflowRuns | undefined, now: () => number = Date.now): HolderLiveness {
  const memo = new Map<string, { verdict: HolderVerdict; at: number }>();
  return async (holder) => {
    const who = describeHolder(holder);
    if (holder.runId === undefined || holder.repository === undefined) {
      return { ended: false, why: `${who} names no repository and run, so GitHub cannot be asked whether it ended` };
    }
    if (runs === undefined) return { ended: false, why: `no GitHub token was given, so GitHub was not asked whether ${who} ended` };
    const key = `${holder.repository}#${holder.runId}#${holder.attempt ?? 1}`;
    const known = memo.get(key);
    if (known && (known.verdict.ended || now() - known.at < ALIVE_FOR_MS)) return known.verdict;
    const verdict = judge(who, holder, await runs.get(holder.repository, holder.runId));
    memo.set(key, { verdict, at: now() });
    return verdict;
  };
}

function judge(who: string, holder: LockHolder, answer: Awaited<ReturnType<WorkflowRuns['get']>>): HolderVerdict {
  const run = answer.run;
  if (answer.status === 200 && run) {
    if (run.status === 'completed') return { ended: true, why: `GitHub reports ${who} as completed (${run.conclusion ?? 'no conclusion'})` };
    // Attempts of a run follow one another: a later attempt has started, so this one ended.
    if (run.runAttempt > (holder.attempt ?? 1)) return { ended: true, why: `GitHub reports attempt ${run.runAttempt} of that run, so ${who} ended` };
    return { ended: false, why: `GitHub reports ${who} as ${run.status}` };
  }
  const repo = holder.repository!;
  if (answer.status === 403 && answer.rateLimited) return { ended: false, why: `GitHub's API rate limit is exhausted, so it could not say whether ${who} ended` };
  if (answer.status === 401 || answer.status === 403) {
    return { ended: false, why: `the GitHub token may not read workflow runs of ${repo} (HTTP ${answer.status}): give the workflow \`permissions: actions: read\` (a fine-grained token: Actions: read on ${repo}) so a lock left by an ended run is taken over at once` };
  }
  if (answer.status === 404) return { ended: false, why: `GitHub answers 404 for ${who}: the token cannot see ${repo}, or the run was deleted` };
  return { ended: false, why: `GitHub could not say whether ${who} ended (${answer.status === 0 ? answer.error ?? 'no answer' : `HTTP ${answer.status}${answer.error ? `: ${answer.error}` : ''}`})` };
}
