export const id = 684;
export const ids = [684];
export const modules = {

/***/ 7021:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  actionPlan: () => (/* binding */ actionPlan),
  fail: () => (/* binding */ fail),
  planOptions: () => (/* binding */ planOptions),
  planReport: () => (/* binding */ planReport),
  publishPlan: () => (/* binding */ publishPlan),
  trustedBaseAccounts: () => (/* binding */ trustedBaseAccounts)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(9373);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/commands/matrix.ts
var matrix = __webpack_require__(4693);
// EXTERNAL MODULE: ./src/report/comment.ts + 1 modules
var comment = __webpack_require__(5008);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
;// CONCATENATED MODULE: ./src/github/comments.ts


/** Who writes comments with the workflow's GITHUB_TOKEN. */
const GITHUB_ACTIONS_BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
function authorOf(v) {
    if (typeof v !== 'object' || v === null)
        return undefined;
    const o = v;
    if (typeof o.login !== 'string' || o.login === '')
        return undefined;
    return { login: o.login, ...(typeof o.id === 'number' ? { id: o.id } : {}), ...(typeof o.type === 'string' ? { type: o.type } : {}) };
}
/** The identity of the token (see the module comment for the order and why). Never throws. */
async function tokenIdentity(client) {
    try {
        const me = authorOf((await client.request('GET /user')).data);
        if (me)
            return { ...me, how: 'GET /user' };
    }
    catch {
        // 403 "Resource not accessible by integration": an installation token. Next.
    }
    try {
        const res = await client.graphql('query { viewer { login databaseId } }');
        const login = res.viewer?.login;
        if (typeof login === 'string' && login !== '') {
            const id = res.viewer?.databaseId;
            return { login, ...(typeof id === 'number' ? { id } : {}), ...(login.endsWith('[bot]') ? { type: 'Bot' } : {}), how: 'GraphQL viewer' };
        }
    }
    catch {
        // No GraphQL for this token, or a server without it.
    }
    return { ...GITHUB_ACTIONS_BOT, how: 'GITHUB_TOKEN default' };
}
/** Whether `author` is `identity`: by user id when both have one, else by login and type. */
function writtenBy(identity, author) {
    if (!author)
        return false;
    if (identity.id !== undefined && author.id !== undefined)
        return identity.id === author.id && sameLogin(identity.login, author.login);
    if (identity.type === 'Bot' && author.type !== 'Bot')
        return false;
    return sameLogin(identity.login, author.login);
}
/** Logins are case-insensitive; REST and GraphQL `viewer` both write a bot's with "[bot]". */
function sameLogin(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
/** GitHub answers at most 100 per page; a server that ignores `page` must not loop us forever. */
const PER_PAGE = 100;
const MAX_PAGES = 200;
/**
 * Our comments for `target`, oldest first, from every page: those with the marker written by
 * `author`. Marker comments for `target` by anyone else are counted in `ignored`.
 */
async function findPlanComments(client, q) {
    const found = [];
    let ignored = 0;
    let lastFirstId;
    for (let page = 1; page <= MAX_PAGES; page++) {
        const res = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
            owner: q.owner,
            repo: q.repo,
            issue_number: q.issueNumber,
            per_page: PER_PAGE,
            page,
        });
        const list = res.data;
        if (list.length === 0 || (list[0] !== undefined && Number(list[0].id) === lastFirstId))
            break;
        lastFirstId = list[0] === undefined ? undefined : Number(list[0].id);
        for (const c of list) {
            const meta = c.body ? (0,comment/* parseMarker */.gY)(c.body) : undefined;
            if (!meta || meta.target !== q.target)
                continue;
            if (writtenBy(q.author, authorOf(c.user)))
                found.push({ id: Number(c.id), nodeId: c.node_id, body: c.body ?? '', url: c.html_url, meta });
            else
                ignored++;
        }
        if (list.length < PER_PAGE)
            break;
    }
    return { ours: found, ignored };
}
/** The body without what changes on every run (the generated-at time), for "nothing new?". */
function comparableBody(body) {
    const meta = (0,comment/* parseMarker */.gY)(body);
    return meta ? body.split(meta.generatedAt).join('') : body;
}
/** Is our head newer than the one the existing comment was made for? */
async function relation(client, req, oldHead) {
    const newHead = req.marker.head;
    if (oldHead === newHead)
        return 'same';
    try {
        if (req.isAncestorOrSame) {
            if (await req.isAncestorOrSame(oldHead, newHead))
                return 'newer';
            if (await req.isAncestorOrSame(newHead, oldHead))
                return 'older';
            return 'unknown';
        }
        // base = ours, head = theirs: "ahead" means the existing comment's commit contains ours.
        const res = await client.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner: req.owner, repo: req.repo, basehead: `${newHead}...${oldHead}`, per_page: 1 });
        const status = res.data.status;
        return status === 'ahead' ? 'older' : status === 'behind' ? 'newer' : status === 'identical' ? 'same' : 'unknown';
    }
    catch {
        // A force-pushed-away commit (404) or no read access: fall back to the timestamps.
        return 'unknown';
    }
}
function graphqlError(e) {
    const errors = typeof e === 'object' && e !== null ? e.errors : undefined;
    return Array.isArray(errors) ? errors[0] : undefined;
}
function statusOf(e) {
    const s = typeof e === 'object' && e !== null ? e.status : undefined;
    if (typeof s === 'number')
        return s;
    // GraphQL answers 200 with errors: FORBIDDEN is its 403.
    const type = graphqlError(e)?.type;
    return type === 'FORBIDDEN' ? 403 : type === 'NOT_FOUND' ? 404 : undefined;
}
/** GitHub's own message (never the request, which carries the token). */
function githubMessage(e) {
    const data = typeof e === 'object' && e !== null ? e.response?.data : undefined;
    const m = typeof data === 'object' && data !== null ? data.message : undefined;
    if (typeof m === 'string')
        return m;
    const gm = graphqlError(e)?.message;
    if (typeof gm === 'string')
        return gm;
    return e instanceof Error ? e.message.split('\n')[0] ?? 'unknown error' : 'unknown error';
}
function failure(e, doing, req) {
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
async function upsertPlanComment(client, req) {
    const mode = req.mode ?? 'update';
    const identity = req.identity ?? (await tokenIdentity(client));
    let ours;
    let ignored;
    try {
        ({ ours, ignored } = await findPlanComments(client, { owner: req.owner, repo: req.repo, issueNumber: req.issueNumber, target: req.marker.target, author: identity }));
    }
    catch (e) {
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
        }
        catch (e) {
            return { ...base, ...failure(e, 'update the plan comment', req) };
        }
    }
    if (mode === 'hide-and-new' || mode === 'delete-and-new') {
        for (const old of ours) {
            try {
                if (mode === 'delete-and-new') {
                    await client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: req.owner, repo: req.repo, comment_id: old.id });
                }
                else {
                    await client.graphql('mutation($id: ID!) { minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized } } }', { id: old.nodeId });
                }
            }
            catch (e) {
                return { ...base, ...failure(e, mode === 'delete-and-new' ? 'delete the old plan comment' : 'hide the old plan comment', req) };
            }
        }
    }
    try {
        const res = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: req.owner, repo: req.repo, issue_number: req.issueNumber, body });
        const poster = authorOf(res.data.user);
        // The next run finds this comment only if its author is the identity assumed: say when not.
        const mismatch = poster && !writtenBy(identity, poster)
            ? ` It was written as ${poster.login}, not ${identity.login} (${identity.how}): the next run will not recognise it and will post again. Use a token that may call GET /user, or GITHUB_TOKEN.`
            : '';
        return { ...base, action: 'created', commentId: Number(res.data.id), url: res.data.html_url, message: `Posted the plan comment ${res.data.html_url}.${mismatch}` };
    }
    catch (e) {
        return { ...base, ...failure(e, 'post the plan comment', req) };
    }
}

;// CONCATENATED MODULE: ./src/github/contents.ts
async function readFileAtCommit(client, q) {
    const where = `${q.path} at ${q.ref.slice(0, 12)} of ${q.owner}/${q.repo}`;
    let data;
    try {
        data = (await client.request('GET /repos/{owner}/{repo}/contents/{path}', { owner: q.owner, repo: q.repo, path: q.path, ref: q.ref })).data;
    }
    catch (e) {
        const status = typeof e === 'object' && e !== null ? e.status : undefined;
        if (status === 404)
            throw new Error(`${where} does not exist (GitHub answered 404): the base branch must hold the manifest at the same path`);
        throw new Error(`could not read ${where}: ${status ? `GitHub answered ${String(status)}` : e instanceof Error ? e.message.split('\n')[0] : 'unknown error'}; the job needs \`permissions: contents: read\``);
    }
    const file = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : undefined;
    if (file?.type !== 'file')
        throw new Error(`${where} is not a file`);
    if (file.encoding !== 'base64' || typeof file.content !== 'string')
        throw new Error(`${where} came back without its content (files over 1 MB do): a manifest is at most 1 MiB`);
    return Buffer.from(file.content, 'base64').toString('utf8');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/github/context.ts
/**
 * Where this run is: repository, pull request, head commit, and whether the pull request comes
 * from a fork (whose GITHUB_TOKEN is read-only, so comments are out of reach and the report goes
 * to the job summary instead).
 */

const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);
function get(v, ...path) {
    let cur = v;
    for (const k of path) {
        if (typeof cur !== 'object' || cur === null)
            return undefined;
        cur = cur[k];
    }
    return cur;
}
function context_text(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}
/** Absent when unknown: the plan then refuses to run (src/action/plan.ts), the comment does not care. */
function trustedBase(sha) {
    return sha ? { trustedBase: sha } : {};
}
/** Pure: the context from the environment and the parsed event payload. */
function parseRunContext(env, event) {
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const full = context_text(env.GITHUB_REPOSITORY) ?? context_text(get(event, 'repository', 'full_name'));
    const [owner, repo] = (full ?? '').split('/');
    if (!owner || !repo) {
        throw new Error('Cannot tell which repository this run is for: GITHUB_REPOSITORY (owner/name) is not set. It is set on every GitHub Actions runner; when running locally, set it by hand.');
    }
    const pr = get(event, 'pull_request');
    if (PR_EVENTS.has(eventName) && typeof pr === 'object' && pr !== null) {
        const n = get(pr, 'number') ?? get(event, 'number');
        const base = context_text(get(pr, 'base', 'repo', 'full_name')) ?? full;
        const head = context_text(get(pr, 'head', 'repo', 'full_name'));
        return {
            owner,
            repo,
            eventName,
            ...(typeof n === 'number' ? { prNumber: n } : {}),
            headSha: context_text(get(pr, 'head', 'sha')) ?? env.GITHUB_SHA ?? '',
            // A head repository that no longer exists is a deleted fork.
            isFork: head === undefined || head.toLowerCase() !== base?.toLowerCase(),
            ...(eventName === 'pull_request_target' ? trustedBase(context_text(get(pr, 'base', 'sha')) ?? env.GITHUB_SHA) : {}),
        };
    }
    // The second stage of the two-stage pattern (README): the pull request's run is described by
    // the triggering workflow_run, and this run has the write token the first stage lacked.
    if (eventName === 'workflow_run') {
        // GITHUB_SHA is the default branch's commit this stage runs from; head_sha is the pull request's.
        return { owner, repo, eventName, headSha: context_text(get(event, 'workflow_run', 'head_sha')) ?? env.GITHUB_SHA ?? '', isFork: false, ...trustedBase(context_text(env.GITHUB_SHA)) };
    }
    return { owner, repo, eventName, headSha: env.GITHUB_SHA ?? '', isFork: false };
}
/** Reads GITHUB_EVENT_PATH (absent: an empty event, as for a local CLI run). */
function readRunContext(env = process.env) {
    const path = env.GITHUB_EVENT_PATH;
    let event = {};
    if (path) {
        let raw;
        try {
            raw = (0,external_node_fs_.readFileSync)(path, 'utf8');
        }
        catch (e) {
            throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH=${path}: ${e.message}. The runner writes it for every step; unset GITHUB_EVENT_PATH for a local run.`);
        }
        try {
            event = JSON.parse(raw);
        }
        catch {
            throw new Error(`The event payload at GITHUB_EVENT_PATH=${path} is not valid JSON: point GITHUB_EVENT_PATH at the runner's event.json, or unset it for a local run.`);
        }
    }
    return parseRunContext(env, event);
}

// EXTERNAL MODULE: ./src/manifest/load.ts + 10 modules
var load = __webpack_require__(1867);
// EXTERNAL MODULE: ./src/commands/plan.ts + 17 modules
var commands_plan = __webpack_require__(4399);
// EXTERNAL MODULE: ./src/plan/summary.ts
var summary = __webpack_require__(967);
// EXTERNAL MODULE: ./src/report/findings-markdown.ts
var findings_markdown = __webpack_require__(4733);
// EXTERNAL MODULE: ./src/report/findings-text.ts
var findings_text = __webpack_require__(8188);
// EXTERNAL MODULE: ./src/report/mermaid.ts
var mermaid = __webpack_require__(9409);
// EXTERNAL MODULE: ./src/report/plan-markdown.ts
var plan_markdown = __webpack_require__(5925);
// EXTERNAL MODULE: ./src/report/not-read.ts
var not_read = __webpack_require__(9180);
// EXTERNAL MODULE: ./src/report/plan-text.ts
var plan_text = __webpack_require__(8495);
// EXTERNAL MODULE: ./src/report/sarif.ts
var report_sarif = __webpack_require__(5881);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/action/aws-access.ts + 4 modules
var aws_access = __webpack_require__(1713);
;// CONCATENATED MODULE: ./src/action/comment.ts
/**
 * The sticky pull-request comment. It never fails the step: a fork's read-only token, a 403 or
 * GitHub being down become a notice, and the full report is always in the job summary.
 */




/** One comment per manifest and target: a sharded run comments per shard. */
function commentTarget(inputs) {
    return inputs.accounts.length ? `${inputs.manifest}#${inputs.accounts.join(',')}` : inputs.manifest;
}
async function postPlanComment(inputs, env, plan, manifest, findings) {
    if (inputs.comment === 'never')
        return;
    let ctx;
    try {
        ctx = readRunContext(env);
    }
    catch (err) {
        core.notice(`No plan comment: ${err.message}`);
        return;
    }
    if (inputs.pullRequest !== undefined)
        ctx = { ...ctx, prNumber: inputs.pullRequest };
    if (ctx.prNumber === undefined) {
        if (inputs.comment === 'always')
            core.notice(`No plan comment: this ${ctx.eventName || 'run'} event has no pull request to comment on; the report is in the job summary.`);
        return;
    }
    if (ctx.isFork && ctx.eventName === 'pull_request') {
        core.notice('No plan comment: the pull request comes from a fork, whose token cannot write comments. The full report is in the job summary; ' +
            'for public repositories see the README for the two-stage workflow_run pattern.');
        return;
    }
    if (!inputs.githubToken) {
        core.notice('No plan comment: the github-token input is empty. The full report is in the job summary.');
        return;
    }
    const target = commentTarget(inputs);
    const summaryUrl = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    const result = await upsertPlanComment((0,client/* createGitHubClient */.LX)(inputs.githubToken, env), {
        owner: ctx.owner,
        repo: ctx.repo,
        issueNumber: ctx.prNumber,
        mode: inputs.commentMode,
        marker: { target, head: ctx.headSha, generatedAt: plan.generatedAt },
        body: (previous) => (0,comment/* renderPlanComment */.zk)(plan, manifest, {
            target,
            headSha: ctx.headSha,
            generatedAt: plan.generatedAt,
            findings,
            ...(summaryUrl ? { summaryUrl } : {}),
            previouslyDrifted: previous?.drift === true,
        }),
    });
    if (result.identity)
        core.info(`Plan comments are those written by ${result.identity.login} (${result.identity.how}).`);
    if (result.ignored) {
        core.notice(`Ignored ${result.ignored} comment(s) carrying the iam-connections marker for ${target} that ${result.identity?.login ?? 'this token'} did not write: ` +
            'anyone who can comment can copy the marker, so only our own comment is ever updated.');
    }
    switch (result.action) {
        case 'created':
        case 'updated':
        case 'unchanged':
            core.info(`Plan comment ${result.action}${result.url ? `: ${result.url}` : ''}.`);
            break;
        case 'skipped-older':
            core.notice(result.message ?? 'The plan comment is for a newer commit: left as it is.');
            break;
        case 'denied':
            core.notice(`${result.message ?? 'The token cannot write pull request comments.'} The full report is in the job summary.`);
            break;
        default:
            core.warning(`${result.message ?? 'The plan comment could not be written.'} The full report is in the job summary.`);
    }
}

// EXTERNAL MODULE: ./src/action/files.ts
var files = __webpack_require__(1433);
// EXTERNAL MODULE: ./src/action/findings.ts + 1 modules
var findings = __webpack_require__(3596);
;// CONCATENATED MODULE: ./src/action/plan.ts
/**
 * `plan` in the action: reach every selected account through GitHub OIDC, diff, and report.
 * Exit status (DESIGN.md section 3): 0 clean; 0 with drift unless `fail-on: drift`; 1 when any
 * account could not be read or the manifest is invalid (unless `fail-on: never`). An unread
 * account makes the `drift` output `unknown`, never `false`.
 */























/** The plan every command starts from, as the inputs ask for it. */
function planOptions(inputs, env, access) {
    return {
        root: env.GITHUB_WORKSPACE || process.cwd(),
        env,
        accounts: inputs.accounts,
        now: inputs.asOf,
        ...(inputs.asOfGiven ? { generatedAt: (0,clock/* now */.tB)() } : {}),
        prune: inputs.prune,
        reader: access.reader,
        organization: access.organization,
    };
}
async function actionPlan(inputs, env) {
    let trustedAccounts;
    try {
        trustedAccounts = await trustedBaseAccounts(inputs, env);
    }
    catch (err) {
        return fail(inputs, `iam-connections plan: ${err instanceof Error ? err.message : String(err)}. Nothing was read from AWS.`);
    }
    if (trustedAccounts)
        core.info(`Accounts and roles come from ${trustedAccounts.source}, not from the pull request; only planRoles are assumed.`);
    const result = await (0,commands_plan/* runPlan */.Fo)(inputs.manifest, { ...planOptions(inputs, env, (0,aws_access/* awsAccess */.S)(inputs, env, 'plan')), ...(trustedAccounts ? { trustedAccounts } : {}) });
    const plan = await publishPlan('plan', inputs, env, result);
    if (!plan)
        return 1;
    const markdown = planReport('plan', inputs, result, plan);
    core.setOutput('report', (0,files/* writeOutputFile */.BF)('plan.md', markdown, env));
    if (env.GITHUB_STEP_SUMMARY)
        await core.summary.addRaw(markdown).write();
    await postPlanComment(inputs, env, plan, result.manifest, result.findings);
    const unread = (0,not_read/* notReadHeadline */.q)(plan);
    if (unread) {
        // DESIGN.md section 3: any failure to read is an error; `fail-on: never` only keeps the step green.
        return fail(inputs, `iam-connections plan: ${unread.title} (${unread.notRead.map((n) => n.account).join(', ')}), so drift is unknown; ${plan.summary.changes} change(s) planned in the accounts read.`);
    }
    if (plan.summary.drift && inputs.failOn === 'drift') {
        return fail(inputs, `iam-connections plan: drift in ${plan.accounts.filter((a) => a.changes.length).length} account(s) and fail-on is "drift".`);
    }
    core.info(`iam-connections plan: ${plan.summary.drift ? `${plan.summary.changes} change(s) planned` : 'no drift'}.`);
    return 0;
}
/** Events where the run holds the base repository's credentials but may plan a fork's files. */
const FORK_STAGE_EVENTS = new Set(['workflow_run', 'pull_request_target']);
/**
 * On `workflow_run` and `pull_request_target`, the accounts and roles of the base branch's
 * manifest, read at the base commit through the contents API (README: "fork pull requests in
 * two stages"). Undefined on every other event. Throws with what to do when they cannot be read.
 */
async function trustedBaseAccounts(inputs, env) {
    if (!FORK_STAGE_EVENTS.has(env.GITHUB_EVENT_NAME ?? ''))
        return undefined;
    const ctx = readRunContext(env);
    const ref = ctx.trustedBase;
    if (!ref) {
        throw new Error(`on ${ctx.eventName} events plan reads the accounts and roles from the base branch's manifest, but the base commit is unknown (no pull_request.base.sha in the event, no GITHUB_SHA)`);
    }
    if (!inputs.githubToken) {
        throw new Error(`on ${ctx.eventName} events plan reads the accounts and roles from the base branch's manifest, which needs the github-token input (with contents: read)`);
    }
    const root = env.GITHUB_WORKSPACE || process.cwd();
    const path = (0,external_node_path_.relative)(root, (0,external_node_path_.resolve)(root, inputs.manifest)).split(external_node_path_.sep).join('/');
    if (path.startsWith('../') || (0,external_node_path_.isAbsolute)(path))
        throw new Error(`input "manifest" (${inputs.manifest}) is outside the repository, so the base branch's copy cannot be found`);
    const text = await readFileAtCommit((0,client/* createGitHubClient */.LX)(inputs.githubToken, env), { owner: ctx.owner, repo: ctx.repo, path, ref });
    const source = `${path} at ${ref.slice(0, 12)} (the base branch)`;
    const parsed = (0,load/* parseManifestAccounts */.f9)(text, `${path}@${ref.slice(0, 12)}`);
    if (!parsed.accounts) {
        const first = parsed.findings.find((f) => f.severity === 'error');
        throw new Error(`the accounts of ${source} cannot be read${first ? ` (${(0,diagnostics/* formatLocation */.j$)(first.location)}: ${first.message})` : ''}: fix the manifest on the base branch first`);
    }
    return { accounts: parsed.accounts, source };
}
/**
 * What plan and apply share: findings, account failures and the plan through the runner, and
 * the plan's outputs. Returns the plan, or undefined when there is none (the step has failed).
 */
async function publishPlan(command, inputs, env, result, opts = {}) {
    (0,findings/* emitFindings */.C)(result.findings, result.plan);
    for (const e of result.errors)
        core.error(e);
    for (const n of result.notes ?? [])
        core.notice(n);
    if (!result.plan) {
        const markdown = (0,findings_markdown/* renderFindingsMarkdown */.C)(`iam-connections ${command}: \`${inputs.manifest}\` is not valid`, result.findings);
        core.setOutput('report', (0,files/* writeOutputFile */.BF)(`${command}.md`, markdown, env));
        if (env.GITHUB_STEP_SUMMARY)
            await core.summary.addRaw(markdown).write();
        const why = result.errors.length ? result.errors.join('; ') : `${(0,findings_text/* tallyLine */.f8)((0,findings_text/* tally */.N4)(result.findings))}; nothing was read from or written to AWS`;
        fail(inputs, `iam-connections ${command}: ${why}.`);
        return undefined;
    }
    const plan = result.plan;
    for (const f of result.failures)
        core.error(`account ${f.account} was not read: ${f.message}`);
    core.info((0,plan_text/* renderPlanText */.$D)(plan));
    const root = env.GITHUB_WORKSPACE || process.cwd();
    core.setOutput('plan', (0,files/* writeOutputFile */.BF)('plan.json', `${JSON.stringify(plan, null, 2)}\n`, env));
    core.setOutput('drift', (0,summary/* driftState */.J8)(plan));
    core.setOutput('changes', String(plan.summary.changes));
    // A dry run creates no role: it gives out no ARN a vendor could be handed.
    if (result.manifest && opts.roleArns !== false)
        core.setOutput('role-arns', JSON.stringify((0,commands_plan/* roleArns */.de)(result.manifest, result.selected)));
    core.setOutput('matrix', JSON.stringify((0,matrix/* accountMatrix */.l)(result.selected, inputs.shards)));
    const sarif = (0,report_sarif/* renderSarif */.WH)(result.findings, plan, { toolVersion: version/* VERSION */.x, manifestFile: inputs.manifest, root });
    core.setOutput('sarif', (0,files/* writeOutputFile */.BF)(`${command}.sarif`, `${JSON.stringify(sarif, null, 2)}\n`, env));
    return plan;
}
/** The Markdown report of a plan: summary, changes, unread accounts, findings, the picture. */
function planReport(command, inputs, result, plan) {
    // The unread accounts lead the plan's own headline (renderPlanMarkdown).
    let markdown = (0,plan_markdown/* renderPlanMarkdown */.d$)(plan, `iam-connections ${command}: \`${inputs.manifest}\``);
    if (result.findings.length)
        markdown += `\n${(0,findings_markdown/* renderFindingsMarkdown */.C)('Manifest findings', result.findings)}`;
    if (result.manifest)
        markdown += `\n### Who can reach what\n\n${(0,mermaid/* renderAccessGraph */.HZ)(result.manifest, plan)}\n`;
    return markdown;
}
/** `fail-on: never` reports the failure but keeps the step green. */
function fail(inputs, message) {
    if (inputs.failOn === 'never') {
        core.warning(`${message} (fail-on is "never": the step does not fail)`);
        return 0;
    }
    core.setFailed(message);
    return 1;
}


/***/ }),

/***/ 4693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ accountMatrix)
/* harmony export */ });
/** `shards` 0 (the default): one shard per account. */
function accountMatrix(accounts, shards = 0) {
    const n = shards <= 0 ? accounts.length : Math.min(shards, accounts.length);
    const include = [];
    for (let i = 0, start = 0; i < n; i++) {
        const size = Math.floor(accounts.length / n) + (i < accounts.length % n ? 1 : 0);
        include.push({ shard: i + 1, accounts: accounts.slice(start, start + size).join(',') });
        start += size;
    }
    return { include };
}


/***/ }),

/***/ 8920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mh: () => (/* binding */ ANSI),
/* harmony export */   tF: () => (/* binding */ wantColour),
/* harmony export */   tZ: () => (/* binding */ PLAIN)
/* harmony export */ });
/* unused harmony export stripAnsi */
const wrap = (open, close) => (text) => `\u001b[${open}m${text}\u001b[${close}m`;
const red = wrap(31, 39);
const brightRed = wrap(91, 39);
const yellow = wrap(33, 39);
const cyan = wrap(36, 39);
const green = wrap(32, 39);
const bold = wrap(1, 22);
const dim = wrap(2, 22);
const BY_SEVERITY = {
    critical: (t) => bold(brightRed(t)),
    high: red,
    medium: yellow,
    low: cyan,
    info: dim,
};
const PLAIN = { severity: (_s, t) => t, bold: (t) => t, dim: (t) => t, ok: (t) => t, bad: (t) => t };
const ANSI = { severity: (s, t) => BY_SEVERITY[s](t), bold, dim, ok: green, bad: (t) => bold(red(t)) };
/** Removes SGR escapes: what a coloured text reads as without colour. */
function stripAnsi(text) {
    return text.replace(/\u001b\[[0-9;]*m/g, '');
}
/**
 * Colour or not, in this order: `--no-color`; FORCE_COLOR (as Node reads it: set and not "0"
 * forces colour, "0" turns it off, and it outranks NO_COLOR); NO_COLOR (any non-empty value,
 * no-color.org); then whether the output is a terminal that is not TERM=dumb.
 */
function wantColour(opts) {
    if (opts.noColorFlag)
        return false;
    const force = opts.env.FORCE_COLOR;
    if (force !== undefined)
        return force !== '0' && force !== 'false';
    if (opts.env.NO_COLOR)
        return false;
    return opts.isTTY && opts.env.TERM !== 'dumb';
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** Kept equal to package.json's version by a test (the bundle reads no package.json at run time). */
const VERSION = '0.1.0';


/***/ })

};
