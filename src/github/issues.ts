/**
 * The GitHub side of the hand-off (src/handoff/issue.ts decides what the issue says): find the
 * rotation's issue by the hand-off label and the marker line in its body (never by title, which
 * a person may edit), then create it, or update its title, body, labels, assignees and state.
 * A closed issue is found too, so a rerun after the old key is retired never opens a second one.
 */
import type { HandoffIssue } from '../handoff/issue.js';
import { HANDOFF_LABEL } from '../handoff/issue.js';
import type { GitHubClient } from './client.js';

export interface IssueTarget {
  /** `owner/name`. */
  repository: string;
  assignees: readonly string[];
}

export type IssueOutcome = { action: 'created' | 'updated' | 'closed' | 'unchanged'; number: number; url: string };

interface LiveIssue {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  state: string;
  labels: (string | { name?: string })[];
  pull_request?: unknown;
}

function split(repository: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = repository.split('/');
  return { owner, repo };
}

/** The issue of this rotation, open or closed, by label and marker (every page of the label). */
export async function findHandoffIssue(client: Pick<GitHubClient, 'request'>, repository: string, marker: string): Promise<LiveIssue | undefined> {
  const { owner, repo } = split(repository);
  for (let page = 1; page <= 50; page++) {
    const res = await client.request('GET /repos/{owner}/{repo}/issues', { owner, repo, labels: HANDOFF_LABEL, state: 'all', per_page: 100, page });
    const issues = res.data as unknown as LiveIssue[];
    const hit = issues.find((i) => i.pull_request === undefined && (i.body ?? '').split('\n').some((l) => l.trim() === marker));
    if (hit) return hit;
    if (issues.length < 100) return undefined;
  }
  return undefined;
}

const labelNames = (i: LiveIssue): string[] => i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).sort();

/**
 * Brings the rotation's issue in line with `issue`. A closed issue that should be open is opened
 * again only while the rotation is in flight (the decision says `open`); nothing is created for
 * a rotation that is already over.
 */
export async function syncHandoffIssue(client: Pick<GitHubClient, 'request'>, target: IssueTarget, issue: HandoffIssue): Promise<IssueOutcome | undefined> {
  const { owner, repo } = split(target.repository);
  const live = await findHandoffIssue(client, target.repository, issue.marker);
  if (!live) {
    if (issue.state === 'closed') return undefined;
    const res = await client.request('POST /repos/{owner}/{repo}/issues', { owner, repo, title: issue.title, body: issue.body, labels: issue.labels, assignees: [...target.assignees] });
    const made = res.data as unknown as LiveIssue;
    return { action: 'created', number: made.number, url: made.html_url };
  }
  const same =
    live.title === issue.title && (live.body ?? '') === issue.body && live.state === issue.state && JSON.stringify(labelNames(live)) === JSON.stringify([...issue.labels].sort());
  if (same) return { action: 'unchanged', number: live.number, url: live.html_url };
  await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
    owner,
    repo,
    issue_number: live.number,
    title: issue.title,
    body: issue.body,
    labels: issue.labels,
    state: issue.state,
    ...(issue.state === 'closed' ? { state_reason: 'completed' as const } : {}),
  });
  return { action: issue.state === 'closed' && live.state !== 'closed' ? 'closed' : 'updated', number: live.number, url: live.html_url };
}
