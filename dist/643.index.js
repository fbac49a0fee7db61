export const id = 643;
export const ids = [643];
export const modules = {

/***/ 5008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i8: () => (/* binding */ maskAccessKeyIds),
  gY: () => (/* binding */ parseMarker),
  zk: () => (/* binding */ renderPlanComment)
});

// UNUSED EXPORTS: MARKER_TOOL, PICTURE_FOLD_NODES, buildPlanComment, codeSpan, fenced, lineDiff, renderMarker

// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/plan/keys.ts
var keys = __webpack_require__(5111);
// EXTERNAL MODULE: ./src/plan/model.ts
var model = __webpack_require__(8582);
;// CONCATENATED MODULE: ./src/report/comment-budget.ts
/**
 * Fitting a PR comment under GitHub's body limit (65,536 characters) with room to spare.
 * Sections are dropped whole, never cut, so a code fence or a <details> block is either
 * complete or absent; the summary table is required and always kept.
 */
/** GitHub rejects issue comment bodies longer than this (HTTP 422). */
const GITHUB_COMMENT_LIMIT = 65_536;
const DEFAULT_COMMENT_BUDGET = 60_000;
const SEP = '\n\n';
function moreNote(dropped, summaryUrl) {
    const where = summaryUrl ? `[the job summary](${summaryUrl})` : 'the job summary';
    return `…and ${dropped} more section${dropped === 1 ? '' : 's'}: see ${where} for the full report.`;
}
function join(parts) {
    return parts.filter((p) => p !== '').join(SEP) + '\n';
}
/** Drops the largest droppable sections (lowest rank first) until the body fits the budget. */
function fitSections(input) {
    const budget = input.budget ?? DEFAULT_COMMENT_BUDGET;
    const foot = input.foot ?? '';
    const kept = new Set(input.sections.map((_, i) => i));
    const dropOrder = input.sections
        .map((s, i) => ({ i, rank: s.rank ?? 0, size: s.text.length }))
        .sort((a, b) => a.rank - b.rank || b.size - a.size || b.i - a.i);
    const dropped = [];
    const render = (head) => {
        const parts = [head, ...input.sections.filter((_, i) => kept.has(i)).map((s) => s.text)];
        if (dropped.length)
            parts.push(moreNote(dropped.length, input.summaryUrl));
        parts.push(foot);
        return join(parts);
    };
    let body = render(input.head);
    for (const d of dropOrder) {
        if (body.length <= budget)
            break;
        kept.delete(d.i);
        const section = input.sections[d.i];
        if (section)
            dropped.push(section.id);
        body = render(input.head);
    }
    if (body.length <= budget)
        return { body, dropped, truncatedHead: false };
    // Only the required parts are left and still too long (thousands of summary rows): cut them
    // rather than have GitHub reject the comment, at a line boundary outside any fence.
    const room = Math.max(0, budget - (render('').length + SEP.length + 200));
    const head = `${cutOutsideFence(input.head, room)}\n\n*(the summary was cut to fit the comment size limit)*`;
    return { body: render(head), dropped, truncatedHead: true };
}
/** The opening fence of a line (``` or ~~~, 3 or more), or undefined. */
function fenceOf(line) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    return m?.[1] ? { char: m[1][0] ?? '`', len: m[1].length } : undefined;
}
/** The fence state after `line`, given the state before it. */
function step(open, line) {
    const f = fenceOf(line);
    if (!f)
        return open;
    if (open === undefined)
        return f;
    // CommonMark: a fence closes on a line of at least as many of the same character, nothing else.
    const closes = f.char === open.char && f.len >= open.len && new RegExp(`^ {0,3}\\${f.char}+\\s*$`).test(line);
    return closes ? undefined : open;
}
/** Code fences left open at the end of `text` (0 when balanced). */
function openFences(text) {
    let open;
    for (const line of text.split('\n'))
        open = step(open, line);
    return open === undefined ? 0 : 1;
}
/** The longest prefix of whole lines within `max` characters that leaves no fence open. */
function cutOutsideFence(text, max) {
    if (text.length <= max)
        return text;
    let open;
    let best = 0;
    // The end offset of the lines taken so far; -1 so the first line needs no newline.
    let end = -1;
    for (const line of text.split('\n')) {
        const next = end + 1 + line.length;
        if (next > max)
            break;
        end = next;
        open = step(open, line);
        if (open === undefined)
            best = Math.max(0, end);
    }
    return text.slice(0, best);
}

// EXTERNAL MODULE: ./src/report/findings-markdown.ts
var findings_markdown = __webpack_require__(4733);
// EXTERNAL MODULE: ./src/report/mermaid.ts
var mermaid = __webpack_require__(9409);
// EXTERNAL MODULE: ./src/report/plan-markdown.ts
var plan_markdown = __webpack_require__(5925);
// EXTERNAL MODULE: ./src/report/not-read.ts
var not_read = __webpack_require__(9180);
// EXTERNAL MODULE: ./src/report/plan-text.ts
var plan_text = __webpack_require__(8495);
;// CONCATENATED MODULE: ./src/report/comment.ts









const MARKER_TOOL = 'iam-connections';
const MARKER_RE = /<!-- iam-connections (\{[^\n]*?\}) -->/;
/** The hidden first line. JSON inside an HTML comment, with `--`, `<` and `>` escaped so no value can end it. */
function renderMarker(meta) {
    const json = JSON.stringify({ tool: MARKER_TOOL, target: meta.target, head: meta.head, generatedAt: meta.generatedAt, ...(meta.drift === undefined ? {} : { drift: meta.drift }) })
        .replace(/--/g, '-\\u002d')
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e');
    return `<!-- iam-connections ${json} -->`;
}
/** The marker of a comment body, or undefined for any other comment (or a damaged marker). */
function parseMarker(body) {
    const m = MARKER_RE.exec(body);
    if (!m?.[1])
        return undefined;
    let v;
    try {
        v = JSON.parse(m[1]);
    }
    catch {
        return undefined;
    }
    if (typeof v !== 'object' || v === null)
        return undefined;
    const o = v;
    if (o.tool !== MARKER_TOOL || typeof o.target !== 'string' || typeof o.head !== 'string' || typeof o.generatedAt !== 'string')
        return undefined;
    return { tool: MARKER_TOOL, target: o.target, head: o.head, generatedAt: o.generatedAt, ...(typeof o.drift === 'boolean' ? { drift: o.drift } : {}) };
}
/** Access key IDs are not secret, but reports only ever show them as `AKIA…WXYZ`. */
function maskAccessKeyIds(text) {
    return text.replace(/\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,}\b/g, keys/* maskKeyId */.Dx);
}
/** A code span that survives backticks in its content (and keeps `@name` from mentioning anyone). */
function codeSpan(text) {
    const runs = text.match(/`+/g) ?? [];
    const ticks = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${ticks}`;
}
/** A fenced block longer than any backtick run inside, so content can never close it early. */
function fenced(lang, content) {
    const runs = content.match(/`{3,}/g) ?? [];
    const ticks = '`'.repeat(Math.max(3, ...runs.map((r) => r.length + 1)));
    return `${ticks}${lang}\n${content}\n${ticks}`;
}
function html(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Line diff by longest common subsequence: small documents, so O(n·m) is fine; huge ones fall back to replace-all. */
function lineDiff(before, after) {
    const n = before.length;
    const m = after.length;
    if (n * m > 4_000_000)
        return [...before.map((l) => `- ${l}`), ...after.map((l) => `+ ${l}`)];
    const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--) {
        const row = lcs[i];
        const below = lcs[i + 1];
        for (let j = m - 1; j >= 0; j--)
            row[j] = before[i] === after[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
    const out = [];
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && before[i] === after[j]) {
            out.push(`  ${before[i] ?? ''}`);
            i++;
            j++;
        }
        else if (j < m && (i >= n || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
            out.push(`+ ${after[j] ?? ''}`);
            j++;
        }
        else {
            out.push(`- ${before[i] ?? ''}`);
            i++;
        }
    }
    return out;
}
function field(v, key) {
    return typeof v === 'object' && v !== null ? v[key] : undefined;
}
const DIFFABLE = ['document', 'trust', 'policy'];
/** The before/after of a change worth showing as a diff, as pretty JSON lines. */
function changeDiff(c) {
    const lines = (v) => (v === undefined ? [] : (JSON.stringify(v, null, 2) ?? '').split('\n'));
    let before;
    let after;
    for (const k of DIFFABLE) {
        if (field(c.before, k) !== undefined || field(c.after, k) !== undefined) {
            before = field(c.before, k);
            after = field(c.after, k);
            break;
        }
    }
    if (before === undefined && after === undefined && c.resource.type === 'tags') {
        before = c.before;
        after = field(c.after, 'set');
    }
    if (before === undefined && after === undefined)
        return undefined;
    return fenced('diff', maskAccessKeyIds(lineDiff(lines(before), lines(after)).join('\n')));
}
function cell(text) {
    return (0,findings_markdown/* escapeCell */.k)(maskAccessKeyIds(text));
}
function changeRow(c) {
    const sec = c.security ? ' :warning: **security**' : '';
    return `| ${plan_markdown/* SEVERITY_ICON */._9[c.severity] ?? ''} ${c.severity}${sec} | ${c.resource.type} ${(0,findings_markdown/* escapeCell */.k)(codeSpan(maskAccessKeyIds(c.resource.name)))} | ${c.kind} | ${cell((0,plan_text/* changeVerb */.s5)(c.action, c.withheld))} | ${cell(c.reason)} |`;
}
function watchRow(w) {
    const what = w.found ? w.risks.join(' ') || 'no risky grants found' : 'not found in the account';
    const risky = w.found && (w.risks.length > 0 || w.severity === 'critical' || w.severity === 'high');
    return `| ${plan_markdown/* SEVERITY_ICON */._9[w.severity] ?? ''} ${w.severity}${risky ? ' :warning: **security**' : ''} | ${w.resource.type} ${(0,findings_markdown/* escapeCell */.k)(codeSpan(w.resource.name))} | watched | never changed | ${cell(what)} |`;
}
function groups(plan) {
    const map = new Map();
    const get = (account, connection) => {
        const key = `${account}\u0000${connection}`;
        let g = map.get(key);
        if (!g)
            map.set(key, (g = { account, connection, changes: [], watched: [] }));
        return g;
    };
    for (const a of plan.accounts) {
        for (const c of a.changes)
            get(a.account, c.connection ?? '-').changes.push(c);
        for (const w of a.watched)
            get(a.account, w.connection).watched.push(w);
    }
    for (const g of map.values())
        g.changes.sort(model/* compareChanges */.v);
    return [...map.values()];
}
function securityCount(g) {
    return g.changes.filter((c) => c.security).length + g.watched.filter((w) => w.found && w.risks.length > 0).length;
}
function renderGroup(g) {
    const sec = securityCount(g);
    const who = `<b>${html(g.account)}</b> / <b>${g.connection === '-' ? 'not claimed by any connection' : html(g.connection)}</b>`;
    const counts = [`${g.changes.length} item${g.changes.length === 1 ? '' : 's'}`, ...(g.watched.length ? [`${g.watched.length} watched`] : []), ...(sec ? [`${sec} security-relevant`] : [])];
    const out = [`<details><summary>${sec ? ':warning: ' : ''}${who}: ${counts.join(', ')}</summary>`, ''];
    out.push('| | resource | drift | action | why |', '|---|---|---|---|---|');
    for (const c of g.changes)
        out.push(changeRow(c));
    for (const w of g.watched)
        out.push(watchRow(w));
    for (const c of g.changes) {
        const diff = changeDiff(c);
        if (diff)
            out.push('', `${c.resource.type} ${codeSpan(maskAccessKeyIds(c.resource.name))} (${c.kind}):`, '', diff);
    }
    out.push('', '</details>');
    return out.join('\n');
}
function renderFindings(findings) {
    const sorted = (0,diagnostics/* sortFindings */.Tc)(findings);
    const blocking = sorted.filter(diagnostics/* isBlocking */.Us).length;
    const out = [`<details><summary>${blocking ? ':x: ' : ''}Manifest and policy checks: ${findings.length} finding${findings.length === 1 ? '' : 's'}${blocking ? `, ${blocking} blocking` : ''}</summary>`, ''];
    out.push('| | check | where | message |', '|---|---|---|---|');
    for (const f of [...sorted.filter(diagnostics/* isBlocking */.Us), ...sorted.filter((f) => !(0,diagnostics/* isBlocking */.Us)(f))]) {
        out.push(`| ${(0,diagnostics/* isBlocking */.Us)(f) ? ':x:' : f.severity === 'warning' ? ':warning:' : ':information_source:'} ${f.severity} | ${codeSpan(f.check)} | ${(0,findings_markdown/* escapeCell */.k)(codeSpan((0,diagnostics/* formatLocation */.j$)(f.location)))} | ${cell(f.message)} |`);
    }
    out.push('', '</details>');
    return out.join('\n');
}
/** Pictures with more nodes than this are folded. */
const PICTURE_FOLD_NODES = 12;
function buildPlanComment(plan, manifest, opts) {
    const s = plan.summary;
    const n = plan.accounts.length;
    // Only an explicit as-of is worth a line: "now" changes every run and would defeat the unchanged-body check.
    const asOf = plan.asOf !== plan.generatedAt ? ` Time-based rules evaluated as of ${plan.asOf}.` : '';
    const unread = (0,not_read/* notReadHeadline */.q)(plan);
    const counts = `**${s.changes} change${s.changes === 1 ? '' : 's'}** to make, ${s.total - s.changes} report-only, **${s.security} security-relevant**${s.withheld ? `, ${s.withheld} withheld by conflicts or missing input` : ''}`;
    const head = [
        // An unread account leaves drift unknown: the marker then records neither answer.
        renderMarker({ target: opts.target, head: opts.headSha, generatedAt: opts.generatedAt, ...(unread ? {} : { drift: s.drift }) }),
        `### iam-connections plan: ${codeSpan(opts.target)}`,
        '',
    ];
    if (unread) {
        head.push(`:x: **${unread.title}**: their drift is unknown.${asOf}`, '', ...unread.notRead.map((r) => `- **${html(r.account)}**: ${(0,findings_markdown/* escapeCell */.k)(maskAccessKeyIds(r.reason))}`), '', `${s.security ? ':warning: ' : ''}${(0,not_read/* readPart */.o)(unread, counts)}.`);
    }
    else {
        head.push(s.drift
            ? `${s.security ? ':warning: ' : ''}${counts}.${asOf}`
            : `:white_check_mark: All ${n} account${n === 1 ? '' : 's'} match the manifest${opts.previouslyDrifted ? ' (resolved since the last run)' : ''}.${asOf}`);
    }
    const rows = (0,plan_markdown/* summaryRows */.QW)(plan);
    if (rows.length) {
        head.push('', '| account | connection | creates | updates | deletes | rotations | report-only | security |', '|---|---|--:|--:|--:|--:|--:|--:|');
        for (const r of rows) {
            const c = r.counts;
            head.push(`| ${(0,findings_markdown/* escapeCell */.k)(r.account)} | ${(0,findings_markdown/* escapeCell */.k)(r.connection)} | ${c.creates} | ${c.updates} | ${c.deletes} | ${c.rotations} | ${c.reportOnly} | ${c.risks ? `:warning: ${c.risks}` : 0} |`);
        }
    }
    const sections = [];
    if (opts.findings?.length)
        sections.push({ id: 'checks', text: renderFindings(opts.findings), rank: opts.findings.some(diagnostics/* isBlocking */.Us) ? 1 : 0 });
    // Security-relevant connections first, and kept longest when the budget bites.
    const gs = groups(plan).sort((a, b) => Number(securityCount(b) > 0) - Number(securityCount(a) > 0));
    for (const g of gs)
        sections.push({ id: `${g.account}/${g.connection}`, text: renderGroup(g), rank: securityCount(g) ? 1 : 0 });
    if (manifest && manifest.connections.length) {
        const graph = (0,mermaid/* buildAccessGraph */.j8)(manifest, plan);
        sections.push({
            id: 'picture',
            text: graph.nodes > PICTURE_FOLD_NODES
                ? `<details><summary>Who can get in: ${graph.nodes} nodes</summary>\n\n${graph.mermaid}\n\n</details>`
                : `**Who can get in**\n\n${graph.mermaid}`,
        });
    }
    const foot = `<sub>iam-connections · head ${codeSpan(opts.headSha.slice(0, 12))} · ${html(opts.generatedAt)}${opts.summaryUrl ? ` · [full report in the job summary](${opts.summaryUrl})` : ''}</sub>`;
    const fit = fitSections({ head: head.join('\n'), sections, foot, budget: opts.budget ?? DEFAULT_COMMENT_BUDGET, ...(opts.summaryUrl ? { summaryUrl: opts.summaryUrl } : {}) });
    return { body: fit.body, dropped: fit.dropped };
}
function renderPlanComment(plan, manifest, opts) {
    return buildPlanComment(plan, manifest, opts).body;
}


/***/ }),

/***/ 9409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HZ: () => (/* binding */ renderAccessGraph),
/* harmony export */   j8: () => (/* binding */ buildAccessGraph)
/* harmony export */ });
/* unused harmony exports mermaidId, mermaidLabel */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * A picture of each vendor's way into each account, as a Mermaid flowchart GitHub renders in
 * comments and summaries: who holds the way in (a vendor AWS account, or whoever holds the
 * delivered access key) → the user or role in each account → its policies. Edges the plan
 * touches are dotted; security-relevant ones red.
 */

/** Mermaid ids allow [A-Za-z0-9_]; a hash keeps `a-b` and `a_b` apart after sanitising. */
function mermaidId(prefix, ...parts) {
    const raw = parts.join('__');
    const clean = raw.replace(/[^A-Za-z0-9_]/g, '_');
    const suffix = clean === raw ? '' : `_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(raw).digest('hex').slice(0, 6)}`;
    return `${prefix}_${clean}${suffix}`;
}
/** A quoted label: Mermaid entity codes for what would end the string or be read as markup. */
function mermaidLabel(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    const short = flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
    const escaped = short
        .replace(/#/g, '#35;')
        .replace(/"/g, '#quot;')
        .replace(/&/g, '#amp;')
        .replace(/</g, '#lt;')
        .replace(/>/g, '#gt;')
        .replace(/`/g, '#96;');
    return `"${escaped}"`;
}
function expand(template, account) {
    return template.replace(/\{account\}/g, account).replace(/\{ACCOUNT\}/g, account.toUpperCase());
}
function sinkLabel(s, account) {
    if (s.kind === 'secretsManager')
        return `Secrets Manager ${expand(s.secretId, account)}`;
    if (s.kind === 'githubSecret') {
        const scope = s.repository ?? s.organization ?? s.environment ?? 'this repository';
        return `GitHub secret ${expand(s.name, account)} (${scope})`;
    }
    return `step output ${s.name}`;
}
function policyNameOfArn(arn) {
    return arn.slice(arn.lastIndexOf('/') + 1);
}
function worst(a, b) {
    return a === 'risky' || b === 'risky' ? 'risky' : 'drifted';
}
function str(v, key) {
    if (typeof v !== 'object' || v === null)
        return undefined;
    const x = v[key];
    return typeof x === 'string' ? x : undefined;
}
function touched(changes) {
    const t = { policies: new Map(), unexpected: new Map() };
    for (const c of changes) {
        const mark = c.security ? 'risky' : 'drifted';
        switch (c.resource.type) {
            case 'access-key':
                t.key = worst(t.key, mark);
                break;
            case 'bucket':
            case 'bucket-policy':
                t.bucket = worst(t.bucket, mark);
                break;
            case 'policy':
                t.policies.set(c.resource.name, worst(t.policies.get(c.resource.name), mark));
                break;
            case 'attachment':
            case 'inline-policy': {
                const arn = str(c.after, 'policyArn') ?? str(c.before, 'policyArn');
                const name = arn ? policyNameOfArn(arn) : (str(c.after, 'name') ?? str(c.before, 'name') ?? c.resource.name);
                const map = c.kind === 'unexpected' || c.kind === 'extra' ? t.unexpected : t.policies;
                map.set(name, worst(map.get(name), mark));
                break;
            }
            default:
                t.principal = worst(t.principal, mark);
        }
    }
    return t;
}
class Graph {
    lines = ['flowchart LR'];
    declared = new Set();
    linkStyles = [];
    classed = new Map();
    edgeCount = 0;
    node(id, text, shape = 'box', indent = '  ') {
        if (this.declared.has(id))
            return id;
        this.declared.add(id);
        const l = mermaidLabel(text);
        this.lines.push(`${indent}${id}${shape === 'round' ? `(${l})` : shape === 'db' ? `[(${l})]` : `[${l}]`}`);
        return id;
    }
    raw(line) {
        this.lines.push(line);
    }
    edge(from, to, text, mark) {
        const arrow = mark ? '-.->' : '-->';
        this.lines.push(`  ${from} ${arrow}${text ? `|${mermaidLabel(text)}|` : ''} ${to}`);
        if (mark) {
            this.linkStyles.push(`  linkStyle ${this.edgeCount} stroke:${mark === 'risky' ? '#d73a49,stroke-width:3px' : '#e36209,stroke-width:2px'}`);
            this.classed.set(to, worst(this.classed.get(to), mark));
        }
        this.edgeCount++;
    }
    render() {
        const out = [...this.lines];
        if (this.classed.size) {
            out.push('  classDef risky stroke:#d73a49,stroke-width:3px', '  classDef drifted stroke:#e36209,stroke-dasharray:4 3');
            for (const [id, mark] of [...this.classed].sort(([a], [b]) => (a < b ? -1 : 1)))
                out.push(`  class ${id} ${mark}`);
        }
        out.push(...this.linkStyles);
        return { mermaid: ['```mermaid', ...out, '```'].join('\n'), nodes: this.declared.size, edges: this.edgeCount };
    }
}
function vendorOf(g, c, account) {
    if (c.role) {
        const t = c.role.trust;
        const xid = t.externalId ? ' with external ID' : '';
        if (t.awsAccount)
            return { from: g.node(mermaidId('vendor', t.awsAccount), `vendor AWS account ${t.awsAccount}`, 'round'), how: `sts:AssumeRole${xid}` };
        if (t.awsPrincipals.length) {
            const label = t.awsPrincipals.length === 1 ? (t.awsPrincipals[0] ?? '') : `${t.awsPrincipals[0] ?? ''} and ${t.awsPrincipals.length - 1} more`;
            return { from: g.node(mermaidId('vendor', ...t.awsPrincipals), `vendor ${label}`, 'round'), how: `sts:AssumeRole${xid}` };
        }
        if (t.document)
            return { from: g.node(mermaidId('vendor', c.name, 'trust'), `trusted by ${t.document.source.file}`, 'round'), how: 'sts:AssumeRole' };
        return undefined;
    }
    if (c.user) {
        const sinks = c.user.accessKey?.deliver ?? [];
        if (sinks.length === 0)
            return undefined;
        const text = `key holder: ${sinks.map((s) => sinkLabel(s, account)).join(', ')}`;
        return { from: g.node(mermaidId('keys', c.name, account), text, 'round'), how: 'access key' };
    }
    return undefined;
}
/** Builds the graph; the node count lets callers fold large pictures. */
function buildAccessGraph(manifest, plan) {
    const g = new Graph();
    const accountIds = new Map(manifest.accounts.map((a) => [a.name, a.id]));
    const changesOf = (account, connection) => plan?.accounts.find((a) => a.account === account)?.changes.filter((c) => c.connection === connection) ?? [];
    const watchedOf = (account, connection) => plan?.accounts.find((a) => a.account === account)?.watched.filter((w) => w.connection === connection) ?? [];
    const byAccount = new Map();
    for (const c of manifest.connections)
        for (const a of c.accounts)
            byAccount.set(a, [...(byAccount.get(a) ?? []), c]);
    for (const [account, connections] of byAccount) {
        const edges = [];
        g.raw(`  subgraph ${mermaidId('account', account)}[${mermaidLabel(`${account} · ${accountIds.get(account) ?? 'unknown id'}`)}]`);
        for (const c of connections) {
            const spec = c.role ?? c.user;
            if (!spec)
                continue;
            const t = touched(changesOf(account, c.name));
            const kind = c.role ? 'role' : 'user';
            const principal = g.node(mermaidId(kind, account, spec.name), `${kind} ${spec.name} (${c.name})`, 'box', '    ');
            const policy = (name, text, mark) => {
                const id = g.node(mermaidId('policy', account, spec.name, name), text, 'box', '    ');
                edges.push(() => g.edge(principal, id, undefined, mark));
            };
            for (const p of spec.policies)
                policy(p.name, `policy ${p.name}`, t.policies.get(p.name));
            for (const p of spec.inlinePolicies)
                policy(`inline:${p.name}`, `inline ${p.name}`, t.policies.get(p.name));
            for (const arn of spec.managedPolicies)
                policy(policyNameOfArn(arn), `AWS managed ${policyNameOfArn(arn)}`, t.policies.get(policyNameOfArn(arn)));
            for (const [name, mark] of t.unexpected)
                policy(`unexpected:${name}`, `not declared: ${name}`, mark);
            if (c.billingBucket) {
                const b = g.node(mermaidId('bucket', account, c.billingBucket.name), `billing bucket ${c.billingBucket.name}`, 'db', '    ');
                edges.push(() => g.edge(principal, b, 'reads', t.bucket));
            }
            for (const w of watchedOf(account, c.name)) {
                const risky = w.found && (w.risks.length > 0 || w.severity === 'critical' || w.severity === 'high');
                const id = g.node(mermaidId('watched', account, w.resource.type, w.resource.name), `${w.resource.type} ${w.resource.name} (vendor-created${w.found ? '' : ', not found'})`, 'box', '    ');
                edges.push(() => g.edge(principal, id, 'creates', risky ? 'risky' : undefined));
            }
            // For a user, the way in is the key: a key change or a principal change marks it.
            const wayIn = kind === 'user' && t.key ? worst(t.principal, t.key) : t.principal;
            // Declared after the subgraph ends, so vendor nodes sit outside the accounts.
            edges.push(() => {
                const vendor = vendorOf(g, c, account);
                if (vendor)
                    g.edge(vendor.from, principal, vendor.how, wayIn);
            });
        }
        g.raw('  end');
        for (const e of edges)
            e();
    }
    return g.render();
}
function renderAccessGraph(manifest, plan) {
    return buildAccessGraph(manifest, plan).mermaid;
}


/***/ }),

/***/ 5881:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WH: () => (/* binding */ renderSarif)
/* harmony export */ });
/* unused harmony exports SARIF_SCHEMA, FINGERPRINT_KEY, driftRuleId, sarifUri */
/* harmony import */ var _text_printable_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8572);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _policy_catalogue_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8851);
/* harmony import */ var _comment_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5008);
/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per check id and per plan drift kind, results on
 * manifest and policy lines, and fingerprints that ignore line numbers so an alert survives the
 * manifest being edited above it.
 */





const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const FINGERPRINT_KEY = 'iamConnections/v1';
/** Every plan kind, with what it means: the compiler insists a new kind gets a rule. */
const DRIFT_KINDS = {
    missing: { title: 'Declared resource is missing', help: 'The manifest declares it and the account does not have it: apply creates it.' },
    modified: { title: 'Managed resource differs from the manifest', help: 'A resource iam-connections owns was changed outside the manifest (console, script, vendor): apply puts the declared state back, or change the manifest if the change was wanted.' },
    extra: { title: 'Managed resource no longer declared', help: 'iam-connections created it but the manifest no longer declares it: apply with prune deletes it.' },
    unexpected: { title: 'Undeclared item on a managed principal', help: 'An attached or inline policy, access key, console password or group membership the manifest does not declare: apply removes it; declare it if the vendor needs it.' },
    conflict: { title: 'Name held by a resource iam-connections does not own', help: 'An untagged resource already has the declared name: it is never touched. Rename, delete it by hand, or set adopt: true on the connection to take it over.' },
    'tag-budget': { title: 'No room for the tags iam-connections writes', help: 'IAM allows 50 tags per user or role; the live tags, the declared ones and the rotation lock and key record would exceed it, so a rotation would fail after delivering the key. The connection is withheld in that account until tags are removed.' },
    adopt: { title: 'Untagged resource taken over', help: 'The connection sets adopt: true: apply tags the existing resource as managed and reconciles it.' },
    expired: { title: 'Temporary connection past its end', help: 'The connection is past expires plus deleteAfter: apply deletes its user, keys and policies; remove it from the manifest.' },
    undeclared: { title: 'Third-party door the manifest does not declare', help: 'A role trusting another account, anyone or a non-GitHub identity provider, an integration user with access keys and no console password, or a policy naming another account, made outside the manifest: never changed. Declare it with iam-connections import, or remove it if nobody needs it.' },
    unresolved: { title: 'Input the plan could not resolve', help: 'An environment variable is unset or an account could not be reached: the affected changes are withheld until it is fixed.' },
    'key-missing': { title: 'Declared access key is missing', help: 'The user has no recorded access key: rotate creates and delivers one.' },
    'key-due': { title: 'Access key due for rotation', help: 'The key is older than rotateAfter: rotate replaces it in stages.' },
    'key-overdue': { title: 'Access key overdue for rotation', help: 'The key is older than rotateAfter plus overlap: run rotate now.' },
    'key-unused': { title: 'Access key unused', help: 'The vendor has not used the key for a long time: if it no longer needs it, remove the connection.' },
    'key-retire': { title: 'Replaced access key to deactivate', help: 'The previous key is past its overlap: rotate deactivates it once unused for requireUnusedFor.' },
    'key-in-use': { title: 'Replaced access key still in use', help: 'The previous key is still used after its overlap: make sure the vendor uses the new key.' },
    'key-delete': { title: 'Inactive access key to delete', help: 'The previous key has been inactive past deleteAfter: rotate deletes it.' },
    'key-expired': { title: 'Access key of an expired temporary connection', help: 'The temporary connection is past expires: its keys are deactivated at once.' },
    'key-unrecorded': { title: 'Access key made before iam-connections managed the user', help: 'Rotate replaces it with a recorded key and retires it like any replaced key, once unused.' },
    'key-orphan': { title: 'Access key not in the rotation record', help: 'A young, never used one is an interrupted run\'s leftover and rotate deletes it; any other is kept and reported with the command that removes it.' },
    'key-pending': { title: 'Rotation interrupted with a new key pending', help: 'Rotate resumes delivering the pending key, or retires it like a replaced key; it is never deleted while a sink may hold it.' },
    'key-inactive': { title: 'Delivered access key deactivated', help: 'The delivered key was deactivated outside iam-connections: the vendor cannot sign in; reactivate it or run rotate.' },
};
function driftRuleId(kind) {
    return `drift/${kind}`;
}
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
function planLevel(s) {
    return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';
}
/** A name in PascalCase, as code scanning shows rule names. */
function ruleName(id) {
    return id
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => (w[0] ?? '').toUpperCase() + w.slice(1))
        .join('');
}
function tagsOf(id) {
    const tags = ['iam'];
    if (/^(trust|policy|vendor|drift\/(unexpected|undeclared|conflict|key-))/.test(id))
        tags.push('security');
    return tags;
}
/** Repository-relative with forward slashes, as code scanning matches paths. */
function sarifUri(file, root) {
    let f = file.replace(/\\/g, '/');
    if (root !== undefined && (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(file))
        f = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, file).replace(/\\/g, '/');
    return f.replace(/^(\.\/)+/, '');
}
function fingerprint(parts) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
/** Line and column references in a message would change the fingerprint when lines move. */
function lineFree(message) {
    return message.replace(/:\d+(:\d+)?\b/g, '').replace(/\bline \d+\b/gi, 'line');
}
function renderSarif(findings, plan, opts) {
    const rules = [];
    const index = new Map();
    const addRule = (id, level, title, help) => {
        if (index.has(id))
            return;
        index.set(id, rules.length);
        rules.push({ id, name: ruleName(id), shortDescription: { text: title }, fullDescription: { text: help }, help: { text: help }, defaultConfiguration: { level }, properties: { tags: tagsOf(id) } });
    };
    for (const c of _policy_catalogue_js__WEBPACK_IMPORTED_MODULE_2__/* .CATALOGUE */ .yh)
        addRule(c.id, LEVEL[c.severity], c.title, c.help);
    for (const f of findings)
        addRule(f.check, LEVEL[f.severity], f.check, f.fix ?? f.message);
    for (const [kind, info] of Object.entries(DRIFT_KINDS))
        addRule(driftRuleId(kind), 'warning', info.title, info.help);
    const results = [];
    const seen = new Map();
    const push = (r, key) => {
        // Two results with the same identity (the same message twice in one file) stay distinct.
        const base = fingerprint(key);
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        results.push({ ...r, ruleIndex: index.get(r.ruleId) ?? 0, partialFingerprints: { [FINGERPRINT_KEY]: n === 1 ? base : `${base}:${n}` } });
    };
    const location = (l) => {
        const onFile = l !== undefined && !l.file.startsWith('preset:');
        const file = onFile ? l.file : opts.manifestFile;
        const region = onFile
            ? { startLine: Math.max(1, l.line), startColumn: Math.max(1, l.column) }
            : { startLine: 1, startColumn: 1 };
        if (onFile && l.endLine !== undefined && l.endLine >= l.line)
            region.endLine = l.endLine;
        if (onFile && l.endColumn !== undefined && (l.endLine ?? l.line) >= l.line && l.endColumn > 0)
            region.endColumn = l.endColumn;
        return [{ physicalLocation: { artifactLocation: { uri: sarifUri(file, opts.root), uriBaseId: '%SRCROOT%' }, region } }];
    };
    for (const f of findings) {
        const where = f.location.file.startsWith('preset:') ? ` (in the ${f.location.file.slice(7)} preset document)` : '';
        const text = (0,_text_printable_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g)((0,_comment_js__WEBPACK_IMPORTED_MODULE_3__/* .maskAccessKeyIds */ .i8)(`${f.message}${where}${f.fix ? ` Fix: ${f.fix}` : ''}`));
        push({
            ruleId: f.check,
            level: LEVEL[f.severity],
            message: { text },
            locations: location(f.location),
            ...(f.acknowledged ? { suppressions: [{ kind: 'inSource', justification: f.acknowledged.reason }] } : {}),
            ...(f.connection ? { properties: { connection: f.connection } } : {}),
        }, [f.check, sarifUri(f.location.file, opts.root), f.connection ?? '', lineFree(f.message)]);
    }
    const changes = plan?.accounts.flatMap((a) => a.changes) ?? [];
    for (const c of changes) {
        const ruleId = driftRuleId(c.kind);
        push({
            ruleId,
            level: planLevel(c.severity),
            message: { text: (0,_comment_js__WEBPACK_IMPORTED_MODULE_3__/* .maskAccessKeyIds */ .i8)(`${c.account}${c.connection ? `/${c.connection}` : ''}: ${c.resource.type} ${c.resource.name}: ${c.reason}`) },
            locations: location(c.at),
            properties: { account: c.account, ...(c.connection ? { connection: c.connection } : {}), severity: c.severity, security: c.security, action: c.withheld ? 'withheld' : c.action },
        }, 
        // change.id is account/connection/type/name/kind: the resource's identity, not its line.
        [ruleId, sarifUri(c.at?.file ?? opts.manifestFile, opts.root), c.connection ?? '', (0,_comment_js__WEBPACK_IMPORTED_MODULE_3__/* .maskAccessKeyIds */ .i8)(c.id)]);
    }
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'iam-connections',
                        version: opts.toolVersion,
                        ...(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/.test(opts.toolVersion) ? { semanticVersion: opts.toolVersion } : {}),
                        ...(opts.informationUri ? { informationUri: opts.informationUri } : {}),
                        rules,
                    },
                },
                automationDetails: { id: `iam-connections/${sarifUri(opts.manifestFile, opts.root)}/` },
                originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
                results,
            },
        ],
    };
}


/***/ })

};
