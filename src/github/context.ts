/**
 * Where this run is: repository, pull request, head commit, and whether the pull request comes
 * from a fork (whose GITHUB_TOKEN is read-only, so comments are out of reach and the report goes
 * to the job summary instead).
 */
import { readFileSync } from 'node:fs';

export interface RunContext {
  owner: string;
  repo: string;
  eventName: string;
  /** Set on pull_request and pull_request_target events. */
  prNumber?: number;
  /** The pull request head commit on pull requests, GITHUB_SHA otherwise. */
  headSha: string;
  /** The pull request head lives in another repository (or one since deleted). */
  isFork: boolean;
  /**
   * Set on `workflow_run` and `pull_request_target`: the run holds the base repository's
   * credentials while the files it plans may come from a fork, so accounts and roles are read
   * from the base branch at this commit (the pull request's base, or GITHUB_SHA).
   */
  trustedBase?: string;
}

type Env = Record<string, string | undefined>;

const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);

function get(v: unknown, ...path: string[]): unknown {
  let cur = v;
  for (const k of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Absent when unknown: the plan then refuses to run (src/action/plan.ts), the comment does not care. */
function trustedBase(sha: string | undefined): { trustedBase?: string } {
  return sha ? { trustedBase: sha } : {};
}

/** Pure: the context from the environment and the parsed event payload. */
export function parseRunContext(env: Env, event: unknown): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const full = text(env.GITHUB_REPOSITORY) ?? text(get(event, 'repository', 'full_name'));
  const [owner, repo] = (full ?? '').split('/');
  if (!owner || !repo) {
    throw new Error('Cannot tell which repository this run is for: GITHUB_REPOSITORY (owner/name) is not set. It is set on every GitHub Actions runner; when running locally, set it by hand.');
  }
  const pr = get(event, 'pull_request');
  if (PR_EVENTS.has(eventName) && typeof pr === 'object' && pr !== null) {
    const n = get(pr, 'number') ?? get(event, 'number');
    const base = text(get(pr, 'base', 'repo', 'full_name')) ?? full;
    const head = text(get(pr, 'head', 'repo', 'full_name'));
    return {
      owner,
      repo,
      eventName,
      ...(typeof n === 'number' ? { prNumber: n } : {}),
      headSha: text(get(pr, 'head', 'sha')) ?? env.GITHUB_SHA ?? '',
      // A head repository that no longer exists is a deleted fork.
      isFork: head === undefined || head.toLowerCase() !== base?.toLowerCase(),
      ...(eventName === 'pull_request_target' ? trustedBase(text(get(pr, 'base', 'sha')) ?? env.GITHUB_SHA) : {}),
    };
  }
  // The second stage of the two-stage pattern (README): the pull request's run is described by
  // the triggering workflow_run, and this run has the write token the first stage lacked.
  if (eventName === 'workflow_run') {
    // GITHUB_SHA is the default branch's commit this stage runs from; head_sha is the pull request's.
    return { owner, repo, eventName, headSha: text(get(event, 'workflow_run', 'head_sha')) ?? env.GITHUB_SHA ?? '', isFork: false, ...trustedBase(text(env.GITHUB_SHA)) };
  }
  return { owner, repo, eventName, headSha: env.GITHUB_SHA ?? '', isFork: false };
}

/** Reads GITHUB_EVENT_PATH (absent: an empty event, as for a local CLI run). */
export function readRunContext(env: Env = process.env): RunContext {
  const path = env.GITHUB_EVENT_PATH;
  let event: unknown = {};
  if (path) {
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (e) {
      throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH=${path}: ${(e as Error).message}. The runner writes it for every step; unset GITHUB_EVENT_PATH for a local run.`);
    }
    try {
      event = JSON.parse(raw) as unknown;
    } catch {
      throw new Error(`The event payload at GITHUB_EVENT_PATH=${path} is not valid JSON: point GITHUB_EVENT_PATH at the runner's event.json, or unset it for a local run.`);
    }
  }
  return parseRunContext(env, event);
}
