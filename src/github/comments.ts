/**
 * The sticky plan comment on a pull request: found by its marker across every page of comments,
 * updated in place, never overwritten by a run for an older commit. A token that may not write
 * (fork pull requests, `permissions:` without pull-requests/issues write) is not a failure: the
 * caller gets `denied` with a message and puts the report in the job summary.
 *
 * Only comments written by the token's own identity count: anyone who can comment can paste our
 * marker (say, one "from 2099" to make every later plan skip), so a marker comment by anyone else
 * is ignored and a new comment is posted. The identity (see `tokenIdentity`):
 *  1. GET /user: answers for user tokens (a PAT, an OAuth token) with the user's login and id;
 *  2. installation tokens (GITHUB_TOKEN, GitHub App tokens) get 403 there: GraphQL `viewer`
 *     then names the app's bot (what marocchino/sticky-pull-request-comment does);
 *  3. when neither answers, the token is taken for GITHUB_TOKEN, whose comments are written by
 *     `github-actions[bot]` (type Bot, user id 41898282): an App token then finds nothing and
 *     posts a new comment each run rather than ever editing someone else's.
 * Authors are matched by user id and login when both are known, else by login (and type Bot
 * for a bot: a user may register the name an app's bot shows without "[bot]"). The author of the comment
 * a run posts (the POST response's `user`) is checked against the identity assumed, and a
 * mismatch is reported. (peter-evans/find-comment leaves this to a `comment-author` input; tfcmt
 * and marocchino compare with the viewer's login.)
 *
 * Client: the tool's one Octokit (./client.ts), with its retry and rate-limit handling.
 */
import { type GitHubClient } from './client.js';
import { type MarkerMeta, parseMarker } from '../report/comment.js';

export { createGitHubClient, type GitHubClient } from './client.js';

export type CommentMode = 'update' | 'new' | 'hide-and-new' | 'delete-and-new';

/** Who wrote a comment, as the REST API describes `user`. */
export interface CommentAuthor {
  login: string;
  id?: number;
  type?: string;
}

/** The identity the token writes comments as, and how it was learned (for the log). */
export interface TokenIdentity extends CommentAuthor {
  how: 'GET /user' | 'GraphQL viewer' | 'GITHUB_TOKEN default';
}

/** Who writes comments with the workflow's GITHUB_TOKEN. */
export const GITHUB_ACTIONS_BOT: CommentAuthor = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

function authorOf(v: unknown): CommentAuthor | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.login !== 'string' || o.login === '') return undefined;
  return { login: o.login, ...(typeof o.id === 'number' ? { id: o.id } : {}), ...(typeof o.type === 'string' ? { type: o.type } : {}) };
}

/** The identity of the token (see the module comment for the order and why). Never throws. */
export async function tokenIdentity(client: GitHubClient): Promise<TokenIdentity> {
  try {
    const me = authorOf((await client.request('GET /user')).data);
    if (me) return { ...me, how: 'GET /user' };
  } catch {
    // 403 "Resource not accessible by integration": an installation token. Next.
  }
  try {
    const res = await client.graphql<{ viewer?: { login?: unknown; databaseId?: unknown } }>('query { viewer { login databaseId } }');
    const login = res.viewer?.login;
    if (typeof login === 'string' && login !== '') {
      const id = res.viewer?.databaseId;
      return { login, ...(typeof id === 'number' ? { id } : {}), ...(login.endsWith('[bot]') ? { type: 'Bot' } : {}), how: 'GraphQL viewer' };
    }
  } catch {
    // No GraphQL for this token, or a server without it.
  }
  return { ...GITHUB_ACTIONS_BOT, how: 'GITHUB_TOKEN default' };
}

/** Whether `author` is `identity`: by user id when both have one, else by login and type. */
export function writtenBy(identity: CommentAuthor, author: CommentAuthor | undefined): boolean {
  if (!author) return false;
  if (identity.id !== undefined && author.id !== undefined) return identity.id === author.id && sameLogin(identity.login, author.login);
  if (identity.type === 'Bot' && author.type !== 'Bot') return false;
  return sameLogin(identity.login, author.login);
}

/** Logins are case-insensitive; REST and GraphQL `viewer` both write a bot's with "[bot]". */
function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export interface UpsertRequest {
  owner: string;
  repo: string;
  issueNumber: number;
  /** The body, or a function of the previous comment's marker (to say "resolved since the last run"). */
  body: string | ((previous: MarkerMeta | undefined) => string);
  marker: { target: string; head: string; generatedAt?: string };
  mode?: CommentMode;
  /** Whether `oldHead` is `newHead` or one of its ancestors; default: GitHub's compare API. */
  isAncestorOrSame?: (oldHead: string, newHead: string) => Promise<boolean>;
  /** Who the token writes as; default: `tokenIdentity(client)`. */
  identity?: TokenIdentity;
}

export interface UpsertResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped-older' | 'denied' | 'failed';
  commentId?: number;
  url?: string;
  /** For people: what happened and, for denied/failed, what to do. Never holds the token. */
  message?: string;
  /** The marker of the comment found, if any. */
  previous?: MarkerMeta;
  /** Who the token was taken to write as. */
  identity?: TokenIdentity;
  /** Comments with our marker for this target written by someone else: never updated, counted here. */
  ignored?: number;
}

export interface PlanCommentRef {
  id: number;
  nodeId: string;
  body: string;
  url?: string;
  meta: MarkerMeta;
}

/** GitHub answers at most 100 per page; a server that ignores `page` must not loop us forever. */
const PER_PAGE = 100;
const MAX_PAGES = 200;

/**
 * Our comments for `target`, oldest first, from every page: those with the marker written by
 * `author`. Marker comments for `target` by anyone else are counted in `ignored`.
 */
export async function findPlanComments(
  client: GitHubClient,
  q: { owner: string; repo: string; issueNumber: number; target: string; author: CommentAuthor },
): Promise<{ ours: PlanCommentRef[]; ignored: number }> {
  const found: PlanCommentRef[] = [];
  let ignored = 0;
  let lastFirstId: number | undefined;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: q.owner,
      repo: q.repo,
      issue_number: q.issueNumber,
      per_page: PER_PAGE,
      page,
    });
    const list = res.data;
    if (list.length === 0 || (list[0] !== undefined && Number(list[0].id) === lastFirstId)) break;
    lastFirstId = list[0] === undefined ? undefined : Number(list[0].id);
    for (const c of list) {
      const meta = c.body ? parseMarker(c.body) : undefined;
      if (!meta || meta.target !== q.target) continue;
      if (writtenBy(q.author, authorOf(c.user))) found.push({ id: Number(c.id), nodeId: c.node_id, body: c.body ?? '', url: c.html_url, meta });
      else ignored++;
    }
    if (list.length < PER_PAGE) break;
  }
  return { ours: found, ignored };
}

/** The body without what changes on every run (the generated-at time), for "nothing new?". */
export function comparableBody(body: string): string {
  const meta = parseMarker(body);
  return meta ? body.split(meta.generatedAt).join('') : body;
}

type Relation = 'same' | 'newer' | 'older' | 'unknown';

/** Is our head newer than the one the existing comment was made for? */
async function relation(client: GitHubClient, req: UpsertRequest, oldHead: string): Promise<Relation> {
  const newHead = req.marker.head;
  if (oldHead === newHead) return 'same';
  try {
    if (req.isAncestorOrSame) {
      if (await req.isAncestorOrSame(oldHead, newHead)) return 'newer';
      if (await req.isAncestorOrSame(newHead, oldHead)) return 'older';
      return 'unknown';
    }
    // base = ours, head = theirs: "ahead" means the existing comment's commit contains ours.
    const res = await client.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner: req.owner, repo: req.repo, basehead: `${newHead}...${oldHead}`, per_page: 1 });
    const status = res.data.status;
    return status === 'ahead' ? 'older' : status === 'behind' ? 'newer' : status === 'identical' ? 'same' : 'unknown';
  } catch {
    // A force-pushed-away commit (404) or no read access: fall back to the timestamps.
    return 'unknown';
  }
}

function graphqlError(e: unknown): { type?: unknown; message?: unknown } | undefined {
  const errors = typeof e === 'object' && e !== null ? (e as { errors?: unknown }).errors : undefined;
  return Array.isArray(errors) ? (errors[0] as { type?: unknown; message?: unknown } | undefined) : undefined;
}

function statusOf(e: unknown): number | undefined {
  const s = typeof e === 'object' && e !== null ? (e as { status?: unknown }).status : undefined;
  if (typeof s === 'number') return s;
  // GraphQL answers 200 with errors: FORBIDDEN is its 403.
  const type = graphqlError(e)?.type;
  return type === 'FORBIDDEN' ? 403 : type === 'NOT_FOUND' ? 404 : undefined;
}

/** GitHub's own message (never the request, which carries the token). */
function githubMessage(e: unknown): string {
  const data = typeof e === 'object' && e !== null ? (e as { response?: { data?: unknown } }).response?.data : undefined;
  const m = typeof data === 'object' && data !== null ? (data as { message?: unknown }).message : undefined;
  if (typeof m === 'string') return m;
  const gm = graphqlError(e)?.message;
  if (typeof gm === 'string') return gm;
  return e instanceof Error ? e.message.split('\n')[0] ?? 'unknown error' : 'unknown error';
}

function failure(e: unknown, doing: string, req: UpsertRequest): UpsertResult {
  const status = statusOf(e);
  const where = `${req.owner}/${req.repo}#${req.issueNumber}`;
  if (status === 401 || status === 403 || status === 404) {
    const rateLimited = status === 403 && /rate limit/i.test(githubMessage(e));
    return {
      action: 'denied',
      message: rateLimited
        ? `Could not ${doing} on ${where}: GitHub's rate limit was hit (${githubMessage(e)}). The full report is in the job summary.`
        : `Could not ${doing} on ${where}: GitHub answered ${status} (${githubMessage(e)}). The token may not write pull request comments: ` +
          'pull requests from forks only get a read-only token; otherwise grant `permissions: pull-requests: write` to the job. The full report is in the job summary.',
    };
  }
  return { action: 'failed', message: `Could not ${doing} on ${where}: ${status ? `GitHub answered ${status}: ` : ''}${githubMessage(e)}. The full report is in the job summary.` };
}

/** Creates, updates or leaves the plan comment; never throws for GitHub errors. */
export async function upsertPlanComment(client: GitHubClient, req: UpsertRequest): Promise<UpsertResult> {
  const mode = req.mode ?? 'update';
  const identity = req.identity ?? (await tokenIdentity(client));
  let ours: PlanCommentRef[];
  let ignored: number;
  try {
    ({ ours, ignored } = await findPlanComments(client, { owner: req.owner, repo: req.repo, issueNumber: req.issueNumber, target: req.marker.target, author: identity }));
  } catch (e) {
    return { identity, ...failure(e, 'list the comments', req) };
  }
  const latest = ours[ours.length - 1];
  const previous = latest?.meta;
  const body = typeof req.body === 'function' ? req.body(previous) : req.body;
  const base = { identity, ...(ignored ? { ignored } : {}), ...(previous ? { previous } : {}) };

  if (latest) {
    const rel = await relation(client, req, latest.meta.head);
    const theirsIsLater = req.marker.generatedAt !== undefined && Date.parse(latest.meta.generatedAt) > Date.parse(req.marker.generatedAt);
    // Ancestry decides when known: a re-run of an old commit has the later timestamp but must not win.
    if (rel === 'older' || (rel === 'unknown' && theirsIsLater)) {
      return {
        ...base,
        action: 'skipped-older',
        commentId: latest.id,
        ...(latest.url ? { url: latest.url } : {}),
        message: `The plan comment on ${req.owner}/${req.repo}#${req.issueNumber} is for commit ${latest.meta.head.slice(0, 12)}, newer than this run's ${req.marker.head.slice(0, 12)}: left as it is.`,
      };
    }
    if (comparableBody(latest.body) === comparableBody(body)) {
      return { ...base, action: 'unchanged', commentId: latest.id, ...(latest.url ? { url: latest.url } : {}), message: 'The plan comment is already up to date.' };
    }
  }

  if (latest && mode === 'update') {
    try {
      const res = await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: req.owner, repo: req.repo, comment_id: latest.id, body });
      return { ...base, action: 'updated', commentId: Number(res.data.id), url: res.data.html_url, message: `Updated the plan comment ${res.data.html_url}` };
    } catch (e) {
      return { ...base, ...failure(e, 'update the plan comment', req) };
    }
  }

  if (mode === 'hide-and-new' || mode === 'delete-and-new') {
    for (const old of ours) {
      try {
        if (mode === 'delete-and-new') {
          await client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: req.owner, repo: req.repo, comment_id: old.id });
        } else {
          await client.graphql(
            'mutation($id: ID!) { minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized } } }',
            { id: old.nodeId },
          );
        }
      } catch (e) {
        return { ...base, ...failure(e, mode === 'delete-and-new' ? 'delete the old plan comment' : 'hide the old plan comment', req) };
      }
    }
  }

  try {
    const res = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: req.owner, repo: req.repo, issue_number: req.issueNumber, body });
    const poster = authorOf(res.data.user);
    // The next run finds this comment only if its author is the identity assumed: say when not.
    const mismatch =
      poster && !writtenBy(identity, poster)
        ? ` It was written as ${poster.login}, not ${identity.login} (${identity.how}): the next run will not recognise it and will post again. Use a token that may call GET /user, or GITHUB_TOKEN.`
        : '';
    return { ...base, action: 'created', commentId: Number(res.data.id), url: res.data.html_url, message: `Posted the plan comment ${res.data.html_url}.${mismatch}` };
  } catch (e) {
    return { ...base, ...failure(e, 'post the plan comment', req) };
  }
}
