import { createGitHubClient, upsertPlanComment, type UpsertRequest } from '../../src/github/comments.js';
import { parseMarker, renderMarker } from '../../src/report/comment.js';
import { GITHUB_ACTIONS_BOT, startGitHubServer, type GitHubCall, type GitHubServer } from '../helpers/github-server.js';

const TOKEN = 'ghs_test_token_never_printed_0123456789';
const OLD = '1111111111111111111111111111111111111111';
const NEW = '2222222222222222222222222222222222222222';

function body(head: string, generatedAt: string, text: string, target = 'connections.yaml'): string {
  return `${renderMarker({ target, head, generatedAt })}\n### plan\n\n${text}\n<sub>${generatedAt}</sub>\n`;
}

function request(over: Partial<UpsertRequest> & { head: string; generatedAt: string; text: string }): UpsertRequest {
  return {
    owner: 'acme',
    repo: 'infra',
    issueNumber: 7,
    body: body(over.head, over.generatedAt, over.text),
    marker: { target: 'connections.yaml', head: over.head, generatedAt: over.generatedAt },
    // Who the token writes as is settled once here; its own tests are below.
    identity: { ...GITHUB_ACTIONS_BOT, how: 'GITHUB_TOKEN default' },
    ...over,
  };
}

const writes = (gh: GitHubServer): GitHubCall[] => gh.calls.filter((c) => c.method !== 'GET');

describe('upsertPlanComment against a local GitHub API', () => {
  let gh: GitHubServer;
  beforeEach(async () => {
    gh = await startGitHubServer();
  });
  afterEach(async () => {
    await gh.stop();
  });
  const client = () => createGitHubClient(TOKEN, gh.env());

  test('creates once, updates in place, and skips an identical body', async () => {
    const store = gh.useIssueComments();
    store.comments.push({ id: 1, issue: 7, body: 'LGTM' });
    const first = await upsertPlanComment(client(), request({ head: NEW, generatedAt: '2026-06-01T00:00:00Z', text: 'one change' }));
    expect(first.action).toBe('created');
    expect(store.comments).toHaveLength(2);
    expect(gh.calls.find((c) => c.method === 'POST')?.headers.authorization).toBe(`token ${TOKEN}`);

    const second = await upsertPlanComment(client(), request({ head: NEW, generatedAt: '2026-06-01T00:10:00Z', text: 'two changes' }));
    expect(second).toMatchObject({ action: 'updated', commentId: first.commentId });
    expect(store.comments).toHaveLength(2);
    expect(store.comments[1]?.body).toContain('two changes');
    expect(second.previous?.generatedAt).toBe('2026-06-01T00:00:00Z');

    gh.clear();
    const third = await upsertPlanComment(client(), request({ head: NEW, generatedAt: '2026-06-01T00:20:00Z', text: 'two changes' }));
    expect(third.action).toBe('unchanged');
    expect(writes(gh)).toEqual([]);
    expect(store.comments[1]?.body).toContain('2026-06-01T00:10:00Z');
  });

  test('a comment for another target is left alone', async () => {
    const store = gh.useIssueComments();
    store.comments.push({ id: 5, issue: 7, body: body(NEW, '2026-06-01T00:00:00Z', 'x', 'other.yaml') });
    const r = await upsertPlanComment(client(), request({ head: NEW, generatedAt: '2026-06-01T00:05:00Z', text: 'y' }));
    expect(r.action).toBe('created');
    expect(store.comments.map((c) => parseMarker(c.body)?.target)).toEqual(['other.yaml', 'connections.yaml']);
  });

  test('a run for an older head does not overwrite a newer comment (compare API, then timestamps)', async () => {
    const store = gh.useIssueComments();
    store.comments.push({ id: 9, issue: 7, body: body(NEW, '2026-06-01T00:00:00Z', 'newer') });
    const compares: string[] = [];
    let status = 'ahead';
    gh.on('GET', '/repos/:owner/:repo/compare/:basehead', (_c, p) => {
      compares.push(decodeURIComponent(p.basehead ?? ''));
      return status === 'gone' ? { status: 404, body: { message: 'Not Found' } } : { status: 200, body: { status } };
    });
    // A re-run of the old commit: later timestamp, older head.
    const rerun = await upsertPlanComment(client(), request({ head: OLD, generatedAt: '2026-06-01T01:00:00Z', text: 'older' }));
    expect(rerun.action).toBe('skipped-older');
    expect(rerun.message).toContain('222222222222');
    expect(compares).toEqual([`${OLD}...${NEW}`]);
    expect(writes(gh)).toEqual([]);

    // The commit is gone (force push): the later plan wins only if it is later.
    status = 'gone';
    expect((await upsertPlanComment(client(), request({ head: OLD, generatedAt: '2026-05-31T23:00:00Z', text: 'older' }))).action).toBe('skipped-older');
    expect(store.comments[0]?.body).toContain('newer');

    status = 'behind';
    expect((await upsertPlanComment(client(), request({ head: OLD, generatedAt: '2026-05-31T23:00:00Z', text: 'newest' }))).action).toBe('updated');
    expect(store.comments[0]?.body).toContain('newest');
  });

  test('a caller-supplied ancestry check replaces the compare API', async () => {
    const store = gh.useIssueComments();
    store.comments.push({ id: 9, issue: 7, body: body(OLD, '2026-06-01T00:00:00Z', 'old') });
    const asked: [string, string][] = [];
    const r = await upsertPlanComment(
      client(),
      request({ head: NEW, generatedAt: '2026-06-01T00:10:00Z', text: 'new', isAncestorOrSame: (a, b) => (asked.push([a, b]), Promise.resolve(a === OLD && b === NEW)) }),
    );
    expect(r.action).toBe('updated');
    expect(asked).toEqual([[OLD, NEW]]);
    expect(gh.calls.filter((c) => c.path.includes('/compare/'))).toEqual([]);
  });

  test('finds its comment on the third page of a long thread', async () => {
    const comments = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, node_id: `IC_${i + 1}`, body: `comment ${i + 1}`, html_url: `${gh.url}/c/${i + 1}`, user: GITHUB_ACTIONS_BOT }));
    const ours = comments[230]!;
    ours.body = body(NEW, '2026-06-01T00:00:00Z', 'old plan');
    gh.on('GET', '/repos/:owner/:repo/issues/:n/comments', (c) => {
      const per = Number(c.query.per_page ?? 30);
      const page = Number(c.query.page ?? 1);
      return { status: 200, body: comments.slice((page - 1) * per, page * per) };
    });
    gh.on('PATCH', '/repos/:owner/:repo/issues/comments/:id', (c, p) => {
      const hit = comments.find((x) => x.id === Number(p.id))!;
      hit.body = (c.body as { body: string }).body;
      return { status: 200, body: hit };
    });
    const r = await upsertPlanComment(client(), request({ head: NEW, generatedAt: '2026-06-01T00:10:00Z', text: 'new plan' }));
    expect(r).toMatchObject({ action: 'updated', commentId: 231 });
    expect(gh.calls.filter((c) => c.method === 'GET').map((c) => c.query.page)).toEqual(['1', '2', '3']);
    expect(gh.calls.filter((c) => c.method === 'POST')).toEqual([]);
    expect(ours.body).toContain('new plan');
  });

  test('hide-and-new minimizes the old comment as outdated; delete-and-new deletes it', async () => {
    const store = gh.useIssueComments();
    store.comments.push({ id: 3, issue: 7, body: body(NEW, '2026-06-01T00:00:00Z', 'old') });
    const minimized: unknown[] = [];
    gh.on('POST', '/graphql', (c) => {
      minimized.push(c.body);
      return { status: 200, body: { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } } };
    });
    // The ready-made store has no node_id: serve one.
    gh.on('GET', '/repos/:owner/:repo/issues/:n/comments', () => ({ status: 200, body: store.comments.map((c) => ({ id: c.id, node_id: `IC_${c.id}`, body: c.body, user: c.user ?? GITHUB_ACTIONS_BOT })) }));
    const hidden = await upsertPlanComment(client(), { ...request({ head: NEW, generatedAt: '2026-06-01T00:10:00Z', text: 'new' }), mode: 'hide-and-new' });
    expect(hidden.action).toBe('created');
    expect(JSON.stringify(minimized)).toContain('classifier: OUTDATED');
    expect(minimized).toEqual([expect.objectContaining({ variables: { id: 'IC_3' } })]);
    expect(store.comments).toHaveLength(2);

    const deleted: string[] = [];
    gh.on('DELETE', '/repos/:owner/:repo/issues/comments/:id', (_c, p) => {
      deleted.push(p.id ?? '');
      store.comments.splice(store.comments.findIndex((c) => c.id === Number(p.id)), 1);
      return { status: 204 };
    });
    const replaced = await upsertPlanComment(client(), { ...request({ head: NEW, generatedAt: '2026-06-01T00:20:00Z', text: 'newer' }), mode: 'delete-and-new' });
    expect(replaced.action).toBe('created');
    expect(deleted.sort()).toEqual(['3', String(hidden.commentId)].sort());
    expect(store.comments.map((c) => c.body.includes('newer'))).toEqual([true]);
  });

  test('the body can depend on the previous marker', async () => {
    const store = gh.useIssueComments();
    store.comments.push({ id: 3, issue: 7, body: `${renderMarker({ target: 'connections.yaml', head: NEW, generatedAt: '2026-06-01T00:00:00Z', drift: true })}\nold` });
    const r = await upsertPlanComment(client(), {
      ...request({ head: NEW, generatedAt: '2026-06-01T00:10:00Z', text: '' }),
      body: (prev) => body(NEW, '2026-06-01T00:10:00Z', prev?.drift ? 'resolved since the last run' : 'clean'),
    });
    expect(r.action).toBe('updated');
    expect(store.comments[0]?.body).toContain('resolved since the last run');
  });

  test('a read-only token (403) is denied with a notice, not thrown; the token is never in the message', async () => {
    gh.useIssueComments();
    gh.on('POST', '/repos/:owner/:repo/issues/:n/comments', () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }));
    const r = await upsertPlanComment(client(), request({ head: NEW, generatedAt: '2026-06-01T00:00:00Z', text: 'x' }));
    expect(r.action).toBe('denied');
    expect(r.message).toContain('Resource not accessible by integration');
    expect(r.message).toContain('pull-requests: write');
    expect(r.message).toContain('job summary');
    expect(r.message).not.toContain(TOKEN);
  });

  test('listing denied (404 on a private repository) and server errors do not throw', async () => {
    const denied = await upsertPlanComment(client(), request({ head: NEW, generatedAt: '2026-06-01T00:00:00Z', text: 'x' }));
    expect(denied.action).toBe('denied');
    gh.on('GET', '/repos/:owner/:repo/issues/:n/comments', () => ({ status: 200, body: [] }));
    gh.on('POST', '/repos/:owner/:repo/issues/:n/comments', () => ({ status: 422, body: { message: 'Body is too long (maximum is 65536 characters)' } }));
    const failed = await upsertPlanComment(client(), request({ head: NEW, generatedAt: '2026-06-01T00:00:00Z', text: 'x' }));
    expect(failed.action).toBe('failed');
    expect(failed.message).toContain('Body is too long');
  });
});

describe('only comments the token wrote are ours', () => {
  let gh: GitHubServer;
  beforeEach(async () => {
    gh = await startGitHubServer();
  });
  afterEach(async () => {
    await gh.stop();
  });
  const client = () => createGitHubClient(TOKEN, gh.env());
  const MALLORY = { login: 'mallory', id: 666, type: 'User' as const };
  const APP = { login: 'acme-planner[bot]', id: 9001, type: 'Bot' as const };
  /** A marker "from 2099" for a head the compare API cannot place: it would win on time. */
  const forged = (id: number, user: { login: string; id: number; type: 'User' | 'Bot' }) => ({ id, issue: 7, body: body('f'.repeat(40), '2099-01-01T00:00:00Z', 'all clear, nothing to see'), user });
  /** A request that resolves the identity itself, as the action does. */
  const live = (text: string, mode?: UpsertRequest['mode']) => {
    const { identity: _settled, ...rest } = request({ head: NEW, generatedAt: '2026-06-01T00:10:00Z', text });
    return { ...rest, ...(mode ? { mode } : {}) };
  };

  test('GITHUB_TOKEN (GET /user 403, no GraphQL viewer): github-actions[bot]; a forged marker by a user is ignored and a new comment posted', async () => {
    const store = gh.useIssueComments();
    store.comments.push(forged(1, MALLORY), forged(2, { login: 'github-actions', id: 777, type: 'User' }));
    const r = await upsertPlanComment(client(), live('the real plan'));
    expect(r).toMatchObject({ action: 'created', ignored: 2, identity: { login: 'github-actions[bot]', id: 41898282, how: 'GITHUB_TOKEN default' } });
    expect(r.previous).toBeUndefined();
    expect(r.message).not.toMatch(/written as/);
    expect(gh.calls.filter((c) => c.path === '/user').map((c) => c.status)).toEqual([403]);
    expect(writes(gh).map((c) => `${c.method} ${c.path}`)).toEqual(['POST /graphql', 'POST /repos/acme/infra/issues/7/comments']);
    expect(store.comments.slice(0, 2).map((c) => c.body)).toEqual([forged(1, MALLORY).body, forged(2, MALLORY).body]);
    expect(store.comments[2]).toMatchObject({ user: GITHUB_ACTIONS_BOT });

    // The next run finds its own comment and updates it; the forgeries stay ignored.
    const again = await upsertPlanComment(client(), { ...live('the real plan, later'), marker: { target: 'connections.yaml', head: NEW, generatedAt: '2026-06-01T00:20:00Z' } });
    expect(again).toMatchObject({ action: 'updated', commentId: store.comments[2]!.id, ignored: 2 });
  });

  test('a user token (GET /user answers): only that user\'s comments; a github-actions[bot] marker is not ours', async () => {
    const OCTOCAT = { login: 'octocat', id: 583231, type: 'User' as const };
    const store = gh.useIssueComments({ writer: OCTOCAT, token: 'user' });
    store.comments.push({ id: 1, issue: 7, body: body(NEW, '2026-06-01T00:00:00Z', 'bot plan'), user: GITHUB_ACTIONS_BOT });
    store.comments.push({ id: 2, issue: 7, body: body(NEW, '2026-06-01T00:00:00Z', 'my plan'), user: OCTOCAT });
    const r = await upsertPlanComment(client(), live('my newer plan'));
    expect(r).toMatchObject({ action: 'updated', commentId: 2, ignored: 1, identity: { login: 'octocat', id: 583231, how: 'GET /user' } });
    expect(store.comments[0]?.body).toContain('bot plan');
  });

  test("a GitHub App token: GraphQL viewer names the app's bot; delete-and-new deletes only its comments", async () => {
    const store = gh.useIssueComments({ writer: APP, viewer: true });
    store.comments.push(forged(1, MALLORY), { id: 2, issue: 7, body: body(NEW, '2026-06-01T00:00:00Z', 'app plan'), user: APP });
    const deleted: string[] = [];
    gh.on('DELETE', '/repos/:owner/:repo/issues/comments/:id', (_c, p) => {
      deleted.push(p.id ?? '');
      store.comments.splice(store.comments.findIndex((c) => c.id === Number(p.id)), 1);
      return { status: 204 };
    });
    const r = await upsertPlanComment(client(), live('app plan, newer', 'delete-and-new'));
    expect(r).toMatchObject({ action: 'created', ignored: 1, identity: { login: 'acme-planner[bot]', id: 9001, how: 'GraphQL viewer' } });
    expect(deleted).toEqual(['2']);
    expect(store.comments.map((c) => c.user?.login)).toEqual(['mallory', 'acme-planner[bot]']);
  });

  test('a bot login without a matching id is not ours, nor a user who took the bot name', async () => {
    const store = gh.useIssueComments({ writer: APP, viewer: true });
    store.comments.push({ id: 1, issue: 7, body: body(NEW, '2026-06-01T00:00:00Z', 'x'), user: { login: 'acme-planner[bot]', id: 1, type: 'Bot' } });
    store.comments.push({ id: 2, issue: 7, body: body(NEW, '2026-06-01T00:00:00Z', 'y'), user: { login: 'acme-planner', id: 9001, type: 'User' } });
    const r = await upsertPlanComment(client(), live('z'));
    expect(r).toMatchObject({ action: 'created', ignored: 2 });
  });

  test('when the poster is not who the run assumed, the message says so (an App token without GET /user or viewer)', async () => {
    gh.useIssueComments({ writer: APP });
    const r = await upsertPlanComment(client(), live('plan'));
    expect(r.action).toBe('created');
    expect(r.identity?.how).toBe('GITHUB_TOKEN default');
    expect(r.message).toMatch(/written as acme-planner\[bot\], not github-actions\[bot\] \(GITHUB_TOKEN default\): the next run will not recognise it/);
  });
});
