/**
 * A local stand-in for the GitHub side of a workflow run: the runner's OIDC token endpoint and
 * the REST API. Every request is recorded; routes without a handler answer 404 like GitHub.
 *
 *   const gh = await startGitHubServer();
 *   const restore = setEnv(gh.env());          // ./env.ts: what a runner would set
 *   const token = await core.getIDToken('sts.amazonaws.com');
 *   gh.on('POST', '/repos/acme/infra/issues/7/comments', (r) => ({ status: 201, body: { id: 1 } }));
 *   expect(gh.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
 *   gh.clear(); await gh.stop();
 *
 * The OIDC endpoint is served the way the runner does: GET `<ACTIONS_ID_TOKEN_REQUEST_URL>`
 * with `&audience=<aud>` appended by @actions/core, `Authorization: Bearer
 * <ACTIONS_ID_TOKEN_REQUEST_TOKEN>`, answer `{ "value": "<jwt>" }`. The JWT is HS256-signed with
 * a test key (AWS never verifies it in moto), with the claims of a pull request run of
 * acme/infra; `claims` overrides them and `oidc.fail` makes the endpoint answer an error.
 *
 * Ready-made REST behaviour: `useIssueComments()` (an in-memory sticky comment store, paged
 * like GitHub when the client asks for `page`/`per_page`; each comment has an author, `user`,
 * and the token writes as `writer`: GITHUB_TOKEN's github-actions[bot] unless told otherwise,
 * with GET /user answering 403 for installation tokens as GitHub does, and GraphQL `viewer`
 * answered only when asked to), `useCompare(history)` (the compare
 * API over a linear commit history) and `useActionsSecrets()` (public key and PUT of
 * repository secrets).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GitHubCall {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the raw text, or undefined. */
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  status?: number;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (call: GitHubCall, params: Record<string, string>) => RouteResult | Promise<RouteResult>;

export interface GitHubServerOptions {
  repository?: string;
  runId?: string;
  runAttempt?: string;
  eventName?: string;
  /** Claims merged over the defaults. */
  claims?: Record<string, unknown>;
  /** The bearer token the runner gives the job for the OIDC endpoint. */
  requestToken?: string;
}

/** Around every REST or OIDC call: `before` handling it, `after` it took effect and before the client hears. */
export interface GitHubCallHook {
  before?: (call: GitHubCall) => Promise<void>;
  after?: (call: GitHubCall) => Promise<void>;
}

export interface GitHubServer {
  /** Hooks run around every call (see GitHubCallHook); forgotten by `clear()`. */
  hooks: GitHubCallHook[];
  url: string;
  readonly calls: readonly GitHubCall[];
  /** Calls to the OIDC endpoint (also in `calls`). */
  readonly tokenRequests: readonly GitHubCall[];
  /** Tokens handed out, newest last (for asserting they never leak into messages). */
  readonly issuedTokens: readonly string[];
  oidc: {
    claims: Record<string, unknown>;
    requestToken: string;
    /** When set, the token endpoint answers this instead of a token (`times` or always). */
    fail?: { status: number; message?: string; times?: number };
  };
  /** Adds a handler; `path` may contain `:name` segments, e.g. `/repos/:owner/:repo/issues/:n/comments`. */
  on(method: string, path: string, handler: RouteHandler): void;
  /** The environment a runner gives a step (GITHUB_*, ACTIONS_ID_TOKEN_REQUEST_*). */
  env(extra?: Record<string, string>): Record<string, string>;
  /** Writes an event payload and returns its path (for GITHUB_EVENT_PATH). */
  writeEvent(payload: unknown): string;
  /** A token as the endpoint would issue it, with optional claim overrides. */
  makeToken(claims?: Record<string, unknown>): string;
  /**
   * In-memory issue comments at /repos/:owner/:repo/issues/:n/comments and /issues/comments/:id.
   * A comment pushed without `user` was written by `writer`. `token: 'user'` makes GET /user
   * answer with `writer` (a personal token); otherwise it answers 403 like an installation token,
   * and `viewer: true` makes GraphQL `query { viewer { login databaseId } }` answer with `writer`.
   */
  useIssueComments(opts?: { writer?: GitHubUser; token?: 'user' | 'installation'; viewer?: boolean }): { comments: StoredComment[]; writer: GitHubUser };
  /**
   * GET /repos/:owner/:repo/compare/:base...:head over `history` (oldest first, one branch):
   * `ahead` when head comes after base, `behind` before, `identical`; a commit not in the
   * history answers 404 like a force-pushed-away one. Returns the basehead strings asked for.
   */
  useCompare(history: readonly string[]): { requests: string[] };
  /**
   * GET /repos/:owner/:repo/contents/:path?ref=sha over `files` (commit -> path -> text), base64
   * like GitHub; an unknown commit or path answers 404. Returns the `path@ref` strings asked for.
   */
  useContents(files: Record<string, Record<string, string>>): { requests: string[] };
  /**
   * Repository issues as GitHub keeps them: POST /repos/:owner/:repo/issues (title, body, labels,
   * assignees), PATCH /issues/:n (title, body, labels, assignees, state), GET /issues filtered by
   * `labels` (all of them, comma-separated) and `state` (open, closed, all; default open), paged
   * by `per_page`/`page`. Every issue is kept in `issues` (bodies searchable by tests).
   */
  useIssues(): { issues: StoredIssue[] };
  /** Repository secrets: GET public-key, PUT /actions/secrets/:name. */
  useActionsSecrets(): { publicKey: { key_id: string; key: string }; secrets: Map<string, { encrypted_value: string; key_id: string }> };
  /**
   * Organisation secrets as GitHub keeps them: GET public-key, GET a secret (visibility), GET its
   * selected repositories (paged), PUT (422 without `visibility`, or with repository IDs for a
   * visibility other than `selected`, like GitHub), and GET /repos/:owner/:repo for IDs.
   * Seed `secrets` for an existing secret and `repositories` for the repositories GitHub knows;
   * every PUT body is kept in `puts`.
   */
  useOrgSecrets(): OrgSecrets;
  clear(): void;
  stop(): Promise<void>;
}

export interface StoredIssue {
  repository: string;
  number: number;
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
  state: 'open' | 'closed';
  stateReason?: string;
}

export interface OrgSecret {
  visibility: 'all' | 'private' | 'selected';
  selected_repository_ids?: number[];
  encrypted_value?: string;
  key_id?: string;
}

export interface OrgSecrets {
  publicKey: { key_id: string; key: string };
  /** `org/name` to the secret. */
  secrets: Map<string, OrgSecret>;
  /** `owner/name` to the repository ID. */
  repositories: Map<string, number>;
  puts: { org: string; name: string; body: Record<string, unknown> }[];
}

/** A comment's author, as GitHub's REST API describes it. */
export interface GitHubUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user?: GitHubUser;
}

/** Who writes comments with a workflow's GITHUB_TOKEN. */
export const GITHUB_ACTIONS_BOT: GitHubUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

const TEST_SIGNING_KEY = 'iam-connections-test-signing-key';
const b64url = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

export function signTestJwt(claims: Record<string, unknown>): string {
  const head = b64url({ alg: 'HS256', typ: 'JWT', kid: 'test' });
  const payload = b64url(claims);
  const sig = createHmac('sha256', TEST_SIGNING_KEY).update(`${head}.${payload}`).digest('base64url');
  return `${head}.${payload}.${sig}`;
}

function compile(path: string): RegExp {
  const src = path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? `(?<${seg.slice(1)}>[^/]+)` : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${src}$`);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function startGitHubServer(opts: GitHubServerOptions = {}): Promise<GitHubServer> {
  const repository = opts.repository ?? 'acme/infra';
  const runId = opts.runId ?? '4242';
  const runAttempt = opts.runAttempt ?? '1';
  const calls: GitHubCall[] = [];
  const tokenRequests: GitHubCall[] = [];
  const issuedTokens: string[] = [];
  const routes: { method: string; pattern: RegExp; handler: RouteHandler }[] = [];
  let failures = 0;
  let url = '';

  const defaultClaims = (): Record<string, unknown> => {
    const now = Math.floor(Date.now() / 1000);
    return {
      jti: randomBytes(8).toString('hex'),
      sub: `repo:${repository}:pull_request`,
      repository,
      repository_owner: repository.split('/')[0],
      ref: 'refs/pull/7/merge',
      event_name: opts.eventName ?? 'pull_request',
      run_id: runId,
      run_attempt: runAttempt,
      iss: 'https://token.actions.githubusercontent.com',
      nbf: now - 5,
      iat: now,
      exp: now + 300,
    };
  };

  const gh: GitHubServer = {
    url: '',
    hooks: [],
    calls,
    tokenRequests,
    issuedTokens,
    oidc: { claims: { ...opts.claims }, requestToken: opts.requestToken ?? `ghs_runner_request_${randomBytes(6).toString('hex')}` },
    on(method, path, handler) {
      // Newest first, so a test can override a ready-made handler.
      routes.unshift({ method: method.toUpperCase(), pattern: compile(path), handler });
    },
    env(extra = {}) {
      return {
        GITHUB_ACTIONS: 'true',
        CI: 'true',
        GITHUB_API_URL: url,
        GITHUB_SERVER_URL: url,
        GITHUB_GRAPHQL_URL: `${url}/graphql`,
        GITHUB_REPOSITORY: repository,
        GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? '',
        GITHUB_RUN_ID: runId,
        GITHUB_RUN_ATTEMPT: runAttempt,
        GITHUB_RUN_NUMBER: '17',
        GITHUB_EVENT_NAME: opts.eventName ?? 'pull_request',
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
        GITHUB_WORKFLOW: 'connections',
        GITHUB_JOB: 'plan',
        GITHUB_ACTOR: 'octocat',
        ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/_services/token/oidc?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: gh.oidc.requestToken,
        ...extra,
      };
    },
    writeEvent(payload) {
      const dir = mkdtempSync(join(tmpdir(), 'gh-event-'));
      const file = join(dir, 'event.json');
      writeFileSync(file, JSON.stringify(payload));
      return file;
    },
    makeToken(claims = {}) {
      return signTestJwt({ ...defaultClaims(), ...gh.oidc.claims, ...claims });
    },
    useIssueComments(opts = {}) {
      const writer = opts.writer ?? GITHUB_ACTIONS_BOT;
      const store = { comments: [] as StoredComment[], writer };
      let nextId = 1000;
      const view = (c: StoredComment): Record<string, unknown> => ({
        id: c.id,
        node_id: `IC_kwDOtest${c.id}`,
        body: c.body,
        user: c.user ?? writer,
        html_url: `${url}/${repository}/pull/${c.issue}#issuecomment-${c.id}`,
      });
      gh.on('GET', '/user', () =>
        opts.token === 'user'
          ? { status: 200, body: writer }
          : { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user' } },
      );
      if (opts.viewer) {
        gh.on('POST', '/graphql', (c) =>
          /viewer/.test(String((c.body as { query?: unknown } | undefined)?.query))
            ? { status: 200, body: { data: { viewer: { login: writer.login, databaseId: writer.id } } } }
            : { status: 200, body: { errors: [{ type: 'NOT_FOUND', message: 'not served by this stand-in' }] } },
        );
      }
      gh.on('GET', '/repos/:owner/:repo/issues/:n/comments', (c, p) => {
        const all = store.comments.filter((x) => x.issue === Number(p.n)).map(view);
        // Unpaged unless asked, so callers that never page still see the whole thread.
        if (c.query.page === undefined && c.query.per_page === undefined) return { status: 200, body: all };
        const per = Math.min(100, Math.max(1, Number(c.query.per_page ?? 30) || 30));
        const page = Math.max(1, Number(c.query.page ?? 1) || 1);
        return { status: 200, body: all.slice((page - 1) * per, page * per) };
      });
      gh.on('POST', '/repos/:owner/:repo/issues/:n/comments', (c, p) => {
        const comment: StoredComment = { id: nextId++, issue: Number(p.n), body: String((c.body as { body?: unknown } | undefined)?.body ?? ''), user: writer };
        store.comments.push(comment);
        return { status: 201, body: view(comment) };
      });
      gh.on('PATCH', '/repos/:owner/:repo/issues/comments/:id', (c, p) => {
        const comment = store.comments.find((x) => x.id === Number(p.id));
        if (comment === undefined) return { status: 404, body: { message: 'Not Found' } };
        comment.body = String((c.body as { body?: unknown } | undefined)?.body ?? '');
        return { status: 200, body: view(comment) };
      });
      return store;
    },
    useIssues() {
      const store = { issues: [] as StoredIssue[] };
      const view = (i: StoredIssue): Record<string, unknown> => ({
        number: i.number,
        html_url: `${url}/${i.repository}/issues/${i.number}`,
        title: i.title,
        body: i.body,
        state: i.state,
        state_reason: i.stateReason ?? null,
        labels: i.labels.map((name) => ({ name })),
        assignees: i.assignees.map((login) => ({ login })),
      });
      const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(String) : undefined);
      gh.on('POST', '/repos/:owner/:repo/issues', (c, p) => {
        const b = (c.body ?? {}) as Record<string, unknown>;
        if (typeof b.title !== 'string' || b.title === '') return { status: 422, body: { message: 'Validation Failed', errors: [{ field: 'title', code: 'missing_field' }] } };
        const repository = `${p.owner}/${p.repo}`;
        const issue: StoredIssue = {
          repository,
          number: store.issues.filter((i) => i.repository === repository).length + 1,
          title: b.title,
          body: typeof b.body === 'string' ? b.body : '',
          labels: strings(b.labels) ?? [],
          assignees: strings(b.assignees) ?? [],
          state: 'open',
        };
        store.issues.push(issue);
        return { status: 201, body: view(issue) };
      });
      gh.on('PATCH', '/repos/:owner/:repo/issues/:n', (c, p) => {
        const issue = store.issues.find((i) => i.repository === `${p.owner}/${p.repo}` && i.number === Number(p.n));
        if (!issue) return { status: 404, body: { message: 'Not Found' } };
        const b = (c.body ?? {}) as Record<string, unknown>;
        if (typeof b.title === 'string') issue.title = b.title;
        if (typeof b.body === 'string') issue.body = b.body;
        issue.labels = strings(b.labels) ?? issue.labels;
        issue.assignees = strings(b.assignees) ?? issue.assignees;
        if (b.state === 'open' || b.state === 'closed') issue.state = b.state;
        if (typeof b.state_reason === 'string') issue.stateReason = b.state_reason;
        return { status: 200, body: view(issue) };
      });
      gh.on('GET', '/repos/:owner/:repo/issues', (c, p) => {
        const want = String(c.query.labels ?? '').split(',').filter(Boolean);
        const state = String(c.query.state ?? 'open');
        const all = store.issues
          .filter((i) => i.repository === `${p.owner}/${p.repo}` && (state === 'all' || i.state === state) && want.every((l) => i.labels.includes(l)))
          .sort((a, b) => b.number - a.number)
          .map(view);
        const per = Math.min(100, Math.max(1, Number(c.query.per_page ?? 30) || 30));
        const page = Math.max(1, Number(c.query.page ?? 1) || 1);
        return { status: 200, body: all.slice((page - 1) * per, page * per) };
      });
      return store;
    },
    useCompare(history) {
      const requests: string[] = [];
      gh.on('GET', '/repos/:owner/:repo/compare/:basehead', (_c, p) => {
        const basehead = decodeURIComponent(p.basehead ?? '');
        requests.push(basehead);
        const [base = '', head = ''] = basehead.split('...');
        const b = history.indexOf(base);
        const h = history.indexOf(head);
        if (b < 0 || h < 0) return { status: 404, body: { message: 'Not Found' } };
        const status = h > b ? 'ahead' : h < b ? 'behind' : 'identical';
        return { status: 200, body: { status, ahead_by: Math.max(0, h - b), behind_by: Math.max(0, b - h), total_commits: Math.abs(h - b), commits: [] } };
      });
      return { requests };
    },
    useContents(files) {
      const requests: string[] = [];
      const handler: RouteHandler = (c) => {
        const path = decodeURIComponent(c.path.replace(/^\/repos\/[^/]+\/[^/]+\/contents\//, ''));
        const ref = c.query.ref ?? '';
        requests.push(`${path}@${ref}`);
        const text = files[ref]?.[path];
        if (text === undefined) return { status: 404, body: { message: 'Not Found' } };
        return { status: 200, body: { type: 'file', encoding: 'base64', path, sha: 'blob', size: Buffer.byteLength(text), content: Buffer.from(text).toString('base64').replace(/(.{60})/g, '$1\n') } };
      };
      // Paths have slashes: match the prefix, whatever the depth.
      routes.unshift({ method: 'GET', pattern: /^\/repos\/[^/]+\/[^/]+\/contents\/.+$/, handler });
      return { requests };
    },
    useActionsSecrets() {
      // A random 32-byte value stands in for the repository's libsodium public key.
      const publicKey = { key_id: '568250167242549743', key: randomBytes(32).toString('base64') };
      const secrets = new Map<string, { encrypted_value: string; key_id: string }>();
      gh.on('GET', '/repos/:owner/:repo/actions/secrets/public-key', () => ({ status: 200, body: publicKey }));
      gh.on('PUT', '/repos/:owner/:repo/actions/secrets/:name', (c, p) => {
        const b = c.body as { encrypted_value?: string; key_id?: string } | undefined;
        if (!b?.encrypted_value || !b.key_id) return { status: 422, body: { message: 'encrypted_value and key_id are required' } };
        const existed = secrets.has(p.name ?? '');
        secrets.set(p.name ?? '', { encrypted_value: b.encrypted_value, key_id: b.key_id });
        return { status: existed ? 204 : 201 };
      });
      return { publicKey, secrets };
    },
    useOrgSecrets() {
      const store: OrgSecrets = { publicKey: { key_id: '3380204578043523366', key: randomBytes(32).toString('base64') }, secrets: new Map(), repositories: new Map(), puts: [] };
      const key = (p: Record<string, string>): string => `${p.org ?? ''}/${p.name ?? ''}`.toLowerCase();
      gh.on('GET', '/repos/:owner/:repo', (_c, p) => {
        const id = store.repositories.get(`${p.owner ?? ''}/${p.repo ?? ''}`.toLowerCase());
        return id === undefined ? { status: 404, body: { message: 'Not Found' } } : { status: 200, body: { id, full_name: `${p.owner}/${p.repo}` } };
      });
      gh.on('GET', '/orgs/:org/actions/secrets/:name', (_c, p) => {
        const s = store.secrets.get(key(p));
        if (s === undefined) return { status: 404, body: { message: 'Not Found' } };
        return { status: 200, body: { name: p.name, visibility: s.visibility, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', selected_repositories_url: `${url}/orgs/${p.org}/actions/secrets/${p.name}/repositories` } };
      });
      gh.on('GET', '/orgs/:org/actions/secrets/public-key', () => ({ status: 200, body: store.publicKey }));
      gh.on('GET', '/orgs/:org/actions/secrets/:name/repositories', (c, p) => {
        const s = store.secrets.get(key(p));
        if (s === undefined || s.visibility !== 'selected') return { status: 409, body: { message: 'The visibility of the secret is not selected' } };
        const ids = s.selected_repository_ids ?? [];
        const per = Math.min(100, Math.max(1, Number(c.query.per_page ?? 30) || 30));
        const page = Math.max(1, Number(c.query.page ?? 1) || 1);
        const byId = new Map([...store.repositories].map(([n, id]) => [id, n]));
        const repositories = ids.slice((page - 1) * per, page * per).map((id) => ({ id, full_name: byId.get(id) ?? `unknown/${id}` }));
        return { status: 200, body: { total_count: ids.length, repositories } };
      });
      gh.on('PUT', '/orgs/:org/actions/secrets/:name', (c, p) => {
        const b = (c.body ?? {}) as Record<string, unknown>;
        store.puts.push({ org: p.org ?? '', name: p.name ?? '', body: b });
        const visibility = b.visibility;
        if (visibility !== 'all' && visibility !== 'private' && visibility !== 'selected') return { status: 422, body: { message: 'Invalid request.\n\n"visibility" wasn\'t supplied.' } };
        if (b.selected_repository_ids !== undefined && visibility !== 'selected') return { status: 422, body: { message: 'selected_repository_ids can only be given for visibility selected' } };
        if (typeof b.encrypted_value !== 'string' || typeof b.key_id !== 'string') return { status: 422, body: { message: 'encrypted_value and key_id are required' } };
        const previous = store.secrets.get(key(p));
        const ids = Array.isArray(b.selected_repository_ids) ? (b.selected_repository_ids as number[]) : previous?.selected_repository_ids;
        store.secrets.set(key(p), { visibility, ...(visibility === 'selected' ? { selected_repository_ids: ids ?? [] } : {}), encrypted_value: b.encrypted_value, key_id: b.key_id });
        return { status: previous ? 204 : 201 };
      });
      return store;
    },
    clear() {
      calls.length = 0;
      gh.hooks.length = 0;
      tokenRequests.length = 0;
      issuedTokens.length = 0;
      failures = 0;
    },
    stop: () => Promise.resolve(),
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const call: GitHubCall = {
        method: req.method ?? 'GET',
        path: u.pathname,
        query: Object.fromEntries(u.searchParams),
        body: await readBody(req),
        headers: req.headers,
      };
      calls.push(call);
      for (const h of gh.hooks) await h.before?.(call);
      let result: RouteResult;
      if (call.method === 'GET' && call.path === '/_services/token/oidc') {
        tokenRequests.push(call);
        const fail = gh.oidc.fail;
        if (req.headers.authorization !== `Bearer ${gh.oidc.requestToken}`) {
          result = { status: 401, body: { message: 'Bad credentials' } };
        } else if (fail !== undefined && (fail.times === undefined || failures < fail.times)) {
          failures++;
          result = { status: fail.status, body: { message: fail.message ?? 'Injected failure' } };
        } else {
          const aud = call.query.audience ?? url;
          const token = gh.makeToken({ aud });
          issuedTokens.push(token);
          result = { status: 200, body: { count: 1, value: token } };
        }
      } else {
        result = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
        for (const r of routes) {
          if (r.method !== call.method) continue;
          const m = r.pattern.exec(call.path);
          if (m !== null) {
            result = await r.handler(call, { ...m.groups });
            break;
          }
        }
      }
      call.status = result.status;
      for (const h of gh.hooks) await h.after?.(call);
      const text = result.body === undefined ? '' : JSON.stringify(result.body);
      res.writeHead(result.status, { 'content-type': 'application/json; charset=utf-8', ...result.headers });
      res.end(text);
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  gh.url = url;
  gh.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return gh;
}
