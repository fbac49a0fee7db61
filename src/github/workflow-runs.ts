/**
 * GET /repos/{owner}/{repo}/actions/runs/{run_id}: whether a workflow run has ended, for the
 * rotate lock (src/rotate/lock-holder.ts). Needs `actions: read` on that repository. One plain
 * GET against GITHUB_API_URL (GitHub Enterprise and the tests' local server alike); failures are
 * returned, not thrown, because the caller falls back to the lock's expiry and says why.
 */

export interface WorkflowRunAnswer {
  /** HTTP status; 0 when GitHub could not be reached. */
  status: number;
  run?: { status: string; conclusion: string | null; runAttempt: number };
  /** Network error or unreadable body, for the message. */
  error?: string;
  /** `x-ratelimit-remaining: 0`: a 403 that is a rate limit, not a missing permission. */
  rateLimited?: boolean;
}

export interface WorkflowRuns {
  get(repository: string, runId: string): Promise<WorkflowRunAnswer>;
}

export function workflowRuns(token: string, env: Record<string, string | undefined> = process.env, f: typeof fetch = fetch): WorkflowRuns {
  const baseUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  return {
    async get(repository, runId) {
      const [owner = '', repo = ''] = repository.split('/');
      const url = `${baseUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/actions/runs/${encodeURIComponent(runId)}`;
      try {
        const res = await f(url, {
          headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28', 'user-agent': 'iam-connections' },
          signal: AbortSignal.timeout(10_000),
        });
        const rateLimited = res.headers.get('x-ratelimit-remaining') === '0';
        if (res.status !== 200) return { status: res.status, ...(rateLimited ? { rateLimited } : {}) };
        const body = (await res.json()) as { status?: unknown; conclusion?: unknown; run_attempt?: unknown };
        if (typeof body.status !== 'string') return { status: res.status, error: 'the answer has no run status' };
        return {
          status: 200,
          run: { status: body.status, conclusion: typeof body.conclusion === 'string' ? body.conclusion : null, runAttempt: typeof body.run_attempt === 'number' ? body.run_attempt : 1 },
        };
      } catch (err) {
        return { status: 0, error: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}
