export const id = 731;
export const ids = [731,943];
export const modules = {

/***/ 1729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TL: () => (/* binding */ parseInputs),
/* harmony export */   rr: () => (/* binding */ parseAsOf)
/* harmony export */ });
/* unused harmony export COMMANDS */
/**
 * The action's inputs (DESIGN.md section 3), read and checked in one place so a typo in a
 * workflow fails with the input's name and the values it accepts.
 */
const COMMANDS = ['validate', 'plan', 'apply', 'rotate', 'discover'];
function oneOf(name, value, allowed, errors) {
    if (allowed.includes(value))
        return value;
    errors.push(`input "${name}" is "${value}"; it must be one of: ${allowed.join(', ')}`);
    return allowed[0];
}
function parseAsOf(value, now) {
    if (value === '' || value === 'now')
        return now;
    // A date alone means the start of that day in UTC, as people read "as of 2027-03-01".
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(d.getTime())) {
        return `input "as-of" is "${value}"; it must be an ISO-8601 date or instant such as 2027-03-01 or 2027-03-01T12:00:00Z`;
    }
    return d;
}
/** `get` returns the input's value ('' when unset), as `core.getInput` does. */
function parseInputs(get, now) {
    const errors = [];
    const asOf = parseAsOf(get('as-of'), now);
    if (typeof asOf === 'string')
        errors.push(asOf);
    const prune = get('prune') || 'false';
    const shards = get('shards') || '0';
    if (!/^\d+$/.test(shards))
        errors.push(`input "shards" is "${shards}"; it must be a whole number (0: one shard per account)`);
    const pr = get('pull-request');
    if (pr && !/^[1-9]\d*$/.test(pr))
        errors.push(`input "pull-request" is "${pr}"; it must be a pull request number`);
    if (!['true', 'false'].includes(prune))
        errors.push(`input "prune" is "${prune}"; it must be true or false`);
    const inputs = {
        command: oneOf('command', get('command') || 'plan', COMMANDS, errors),
        manifest: get('manifest') || 'connections.yaml',
        accounts: get('accounts')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        roleToAssume: get('role-to-assume') || undefined,
        audience: get('audience') || 'sts.amazonaws.com',
        awsRegion: get('aws-region') || 'us-east-1',
        githubToken: get('github-token') || undefined,
        comment: oneOf('comment', get('comment') || 'auto', ['auto', 'always', 'never'], errors),
        pullRequest: pr && /^[1-9]\d*$/.test(pr) ? Number(pr) : undefined,
        commentMode: oneOf('comment-mode', get('comment-mode') || 'update', ['update', 'new', 'hide-and-new', 'delete-and-new'], errors),
        failOn: oneOf('fail-on', get('fail-on') || 'error', ['error', 'drift', 'never'], errors),
        prune: prune === 'true',
        shards: /^\d+$/.test(shards) ? Number(shards) : 0,
        asOf: typeof asOf === 'string' ? now : asOf,
        asOfGiven: typeof asOf !== 'string' && asOf !== now,
    };
    return { inputs, errors };
}


/***/ }),

/***/ 2731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cliDiscover: () => (/* binding */ cliDiscover)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _action_aws_access_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1713);
/* harmony import */ var _commands_inventory_readers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5551);
/* harmony import */ var _commands_discover_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6479);
/* harmony import */ var _report_discover_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7651);
/* harmony import */ var _report_discover_sarif_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6839);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(311);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5217);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8943);
/** `iam-connections discover` on the command line: the doors of a snapshot or the live accounts. */









async function cliDiscover(ctx, values) {
    const { io, manifest } = ctx;
    const opts = (0,_plan_js__WEBPACK_IMPORTED_MODULE_6__.planOptions)(ctx, values, 'discover');
    if (!opts.ok)
        return 2;
    const state = (0,_context_js__WEBPACK_IMPORTED_MODULE_7__/* .str */ .g)(values, 'state');
    const result = await (0,_commands_discover_js__WEBPACK_IMPORTED_MODULE_3__/* .runDiscover */ .N)(manifest, {
        ...opts.base,
        reader: state
            ? () => (0,_commands_inventory_readers_js__WEBPACK_IMPORTED_MODULE_2__/* .snapshotInventoryReader */ .a)(state)
            : (0,_action_aws_access_js__WEBPACK_IMPORTED_MODULE_1__/* .awsAccess */ .S)({ awsRegion: opts.region, audience: 'sts.amazonaws.com', roleToAssume: undefined, githubToken: undefined, mode: 'default-chain' }, io.env, 'plan').reader,
    });
    const discovery = result.discovery;
    if (!(0,_plan_js__WEBPACK_IMPORTED_MODULE_6__.reportPlanProblems)(ctx, result, 'nothing was read') || !discovery)
        return 1;
    const out = (0,_context_js__WEBPACK_IMPORTED_MODULE_7__/* .str */ .g)(values, 'out');
    if (out)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(out, `${JSON.stringify(discovery, null, 2)}\n`);
    const sarif = (0,_context_js__WEBPACK_IMPORTED_MODULE_7__/* .str */ .g)(values, 'sarif');
    if (sarif)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(sarif, `${JSON.stringify((0,_report_discover_sarif_js__WEBPACK_IMPORTED_MODULE_5__/* .renderDiscoverSarif */ .H)(discovery, { toolVersion: _version_js__WEBPACK_IMPORTED_MODULE_8__/* .VERSION */ .x, manifestFile: manifest, root: (0,_context_js__WEBPACK_IMPORTED_MODULE_7__/* .str */ .g)(values, 'root') ?? io.cwd }), null, 2)}\n`);
    if (ctx.format === 'json')
        io.out(`${JSON.stringify(discovery, null, 2)}\n`);
    else if (ctx.format === 'markdown')
        io.out((0,_report_discover_text_js__WEBPACK_IMPORTED_MODULE_4__/* .renderDiscoverMarkdown */ .Tc)(discovery, `iam-connections discover: \`${manifest}\``));
    else
        io.out(`${(0,_report_discover_text_js__WEBPACK_IMPORTED_MODULE_4__/* .renderDiscoverText */ .Bo)(discovery, ctx.palette)}\n`);
    for (const f of result.failures)
        io.err(`account ${f.account} was not read: ${f.message}\n`);
    return result.failures.length > 0 ? 1 : 0;
}


/***/ }),

/***/ 8943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cliPlan: () => (/* binding */ cliPlan),
/* harmony export */   planOptions: () => (/* binding */ planOptions),
/* harmony export */   reportPlanProblems: () => (/* binding */ reportPlanProblems)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _action_inputs_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1729);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9373);
/* harmony import */ var _action_aws_access_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1713);
/* harmony import */ var _commands_inventory_readers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5551);
/* harmony import */ var _commands_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4399);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4851);
/* harmony import */ var _report_findings_text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8188);
/* harmony import */ var _report_plan_markdown_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5925);
/* harmony import */ var _report_plan_text_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8495);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5217);
/** `iam-connections plan` on the command line: a snapshot or the live accounts, to the terminal. */











/** The options plan, apply and rotate share, or the usage error (exit 2) that refuses them. */
function planOptions(ctx, values, command) {
    const { io } = ctx;
    const asOf = (0,_action_inputs_js__WEBPACK_IMPORTED_MODULE_9__/* .parseAsOf */ .rr)((0,_context_js__WEBPACK_IMPORTED_MODULE_10__/* .str */ .g)(values, 'as-of') ?? '', (0,_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .now */ .tB)(io.env));
    if (typeof asOf === 'string') {
        io.err(`iam-connections ${command}: ${asOf.replace('input "as-of"', '--as-of')}\n`);
        return { ok: false };
    }
    const failOn = (0,_context_js__WEBPACK_IMPORTED_MODULE_10__/* .str */ .g)(values, 'fail-on') ?? 'error';
    if (!['error', 'drift', 'never'].includes(failOn)) {
        io.err(`iam-connections ${command}: --fail-on must be error, drift or never, not "${failOn}"\n`);
        return { ok: false };
    }
    return {
        ok: true,
        region: (0,_context_js__WEBPACK_IMPORTED_MODULE_10__/* .str */ .g)(values, 'region') || io.env.AWS_REGION || io.env.AWS_DEFAULT_REGION || 'us-east-1',
        base: {
            root: (0,_context_js__WEBPACK_IMPORTED_MODULE_10__/* .str */ .g)(values, 'root') ?? io.cwd,
            env: io.env,
            accounts: ((0,_context_js__WEBPACK_IMPORTED_MODULE_10__/* .str */ .g)(values, 'accounts') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
            now: asOf,
            ...((0,_context_js__WEBPACK_IMPORTED_MODULE_10__/* .str */ .g)(values, 'as-of') ? { generatedAt: (0,_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .now */ .tB)(io.env) } : {}),
            prune: values.prune === true,
        },
    };
}
/**
 * Findings, option errors and a missing plan, to stderr. Returns false when there is no plan
 * (invalid manifest or bad options): nothing was read.
 */
function reportPlanProblems(ctx, result, nothing) {
    const { io, manifest } = ctx;
    // Only what stops the plan is listed here; warnings, notices and acknowledged risks are
    // validate's to list (the tally says how many), or they would bury the plan on every run.
    const loud = result.findings.filter(_diagnostics_js__WEBPACK_IMPORTED_MODULE_5__/* .isBlocking */ .Us);
    const findingsText = (0,_report_findings_text_js__WEBPACK_IMPORTED_MODULE_6__/* .renderFindingsText */ .uc)(loud);
    if (findingsText)
        io.err(`${findingsText}\n`);
    if (result.findings.length)
        io.err(`${manifest}: ${(0,_report_findings_text_js__WEBPACK_IMPORTED_MODULE_6__/* .tallyLine */ .f8)((0,_report_findings_text_js__WEBPACK_IMPORTED_MODULE_6__/* .tally */ .N4)(result.findings))} (see 'iam-connections validate' for all of them)\n\n`);
    for (const e of result.errors)
        io.err(`iam-connections: ${e.replace('input "accounts"', '--accounts')}\n`);
    for (const n of result.notes ?? [])
        io.err(`iam-connections: note: ${n}\n`);
    if (result.plan && result.manifest)
        return true;
    if (!result.errors.length)
        io.err(`${manifest}: ${ctx.palette.bad('INVALID')} (${(0,_report_findings_text_js__WEBPACK_IMPORTED_MODULE_6__/* .tallyLine */ .f8)((0,_report_findings_text_js__WEBPACK_IMPORTED_MODULE_6__/* .tally */ .N4)(result.findings))}); ${nothing}\n`);
    return false;
}
async function cliPlan(ctx, values) {
    const { io, manifest } = ctx;
    const opts = planOptions(ctx, values, 'plan');
    if (!opts.ok)
        return 2;
    const state = (0,_context_js__WEBPACK_IMPORTED_MODULE_10__/* .str */ .g)(values, 'state');
    const failOn = (0,_context_js__WEBPACK_IMPORTED_MODULE_10__/* .str */ .g)(values, 'fail-on') ?? 'error';
    const access = (0,_action_aws_access_js__WEBPACK_IMPORTED_MODULE_2__/* .awsAccess */ .S)({ awsRegion: opts.region, audience: 'sts.amazonaws.com', roleToAssume: undefined, githubToken: undefined, mode: 'default-chain' }, io.env, 'plan');
    const result = await (0,_commands_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .runPlan */ .Fo)(manifest, {
        ...opts.base,
        // A snapshot plan reads nothing live, the organisation included.
        ...(state ? { reader: () => (0,_commands_inventory_readers_js__WEBPACK_IMPORTED_MODULE_3__/* .snapshotInventoryReader */ .a)(state) } : { reader: access.reader, organization: access.organization }),
    });
    if (!reportPlanProblems(ctx, result, 'nothing was read') || !result.plan)
        return failOn === 'never' ? 0 : 1;
    const plan = result.plan;
    const out = (0,_context_js__WEBPACK_IMPORTED_MODULE_10__/* .str */ .g)(values, 'out');
    if (out)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(out, `${JSON.stringify(plan, null, 2)}\n`);
    if (ctx.format === 'json')
        io.out(`${JSON.stringify(plan, null, 2)}\n`);
    else if (ctx.format === 'markdown')
        io.out((0,_report_plan_markdown_js__WEBPACK_IMPORTED_MODULE_7__/* .renderPlanMarkdown */ .d$)(plan, `iam-connections plan: \`${manifest}\``));
    else
        io.out(`${(0,_report_plan_text_js__WEBPACK_IMPORTED_MODULE_8__/* .renderPlanText */ .$D)(plan, ctx.palette)}\n`);
    for (const f of result.failures)
        io.err(`account ${f.account} was not read: ${f.message}\n`);
    if (failOn === 'never')
        return 0;
    if (result.failures.length)
        return 1;
    return plan.summary.drift && failOn === 'drift' ? 1 : 0;
}


/***/ }),

/***/ 6479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ runDiscover)
/* harmony export */ });
/* harmony import */ var _discover_discover_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6472);
/* harmony import */ var _plan_desired_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1313);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4399);
/**
 * `discover`: every third-party door in the selected accounts, declared or not. Read-only, and it
 * reads exactly what plan reads (the same reader, planner role): the doors come from that
 * inventory, so discover costs no IAM call beyond plan's.
 */



async function runDiscover(file, opts) {
    const result = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .runPlan */ .Fo)(file, { ...opts, prune: false });
    const plan = result.plan;
    if (plan === undefined || result.manifest === undefined)
        return result;
    const manifest = result.manifest;
    const discovery = (0,_discover_discover_js__WEBPACK_IMPORTED_MODULE_0__/* .discoverAccounts */ .Eg)(manifest, result.inventories, (account) => (0,_plan_desired_js__WEBPACK_IMPORTED_MODULE_1__/* .desiredState */ .Iq)(manifest, account, result.envValues), opts.now, opts.generatedAt ?? opts.now);
    if (plan.notRead !== undefined && plan.notRead.length > 0)
        discovery.notRead = plan.notRead;
    return { ...result, discovery };
}


/***/ }),

/***/ 6839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ renderDiscoverSarif)
/* harmony export */ });
/* harmony import */ var _plan_change_set_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2974);
/* harmony import */ var _plan_diff_undeclared_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3268);
/* harmony import */ var _plan_summary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(967);
/* harmony import */ var _sarif_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5881);




function renderDiscoverSarif(r, opts) {
    const accounts = r.accounts.map((a) => {
        const set = new _plan_change_set_js__WEBPACK_IMPORTED_MODULE_0__/* .ChangeSet */ .VR(a.account);
        for (const d of a.doors)
            if (d.rank !== 'managed')
                set.add((0,_plan_diff_undeclared_js__WEBPACK_IMPORTED_MODULE_1__/* .doorDraft */ .wx)(d));
        return { account: a.account, accountId: a.accountId, changes: [...set.changes], watched: [] };
    });
    const plan = {
        version: 1,
        generatedAt: r.generatedAt,
        asOf: r.generatedAt,
        manifest: r.manifest,
        prune: false,
        accounts,
        summary: (0,_plan_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .summarize */ .eh)(accounts.flatMap((a) => a.changes)),
    };
    return (0,_sarif_js__WEBPACK_IMPORTED_MODULE_2__/* .renderSarif */ .WH)([], plan, opts);
}


/***/ }),

/***/ 7651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bo: () => (/* binding */ renderDiscoverText),
/* harmony export */   Tc: () => (/* binding */ renderDiscoverMarkdown)
/* harmony export */ });
/* unused harmony export doorLines */
/* harmony import */ var _discover_capability_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2533);
/* harmony import */ var _discover_doors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9309);
/* harmony import */ var _text_printable_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8572);
/* harmony import */ var _text_ansi_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8920);
/** discover's doors as text (terminal) and Markdown (job summary): most severe first, per account. */




function party(p) {
    const who = p.kind === 'anyone' ? 'anyone (*)' : p.kind === 'account' ? p.principal : `${p.kind.toUpperCase()} ${p.principal}`;
    const vendor = p.vendor ? `${p.vendor.name}${p.vendor.source === 'manifest' ? ' (defaults.knownAccounts)' : ''}: ` : p.kind === 'account' ? 'unknown: ' : '';
    return `${vendor}${who}${p.kind === 'oidc' || p.kind === 'saml' ? '' : p.externalId ? ' with external ID' : ' WITHOUT external ID'}`;
}
function used(d) {
    if (d.lastUsed === undefined)
        return undefined;
    if (d.lastUsed === null)
        return 'no recorded use';
    const where = [d.lastUsed.service, d.lastUsed.region].filter(Boolean).join(', ');
    return `last used ${d.lastUsed.date.slice(0, 10)}${where ? ` (${where})` : ''}`;
}
/** The lines under a door's heading, shared by text and Markdown. */
function doorLines(d) {
    const lines = [];
    if (d.parties.length > 0)
        lines.push(`${d.type === 'role' ? 'trusted by' : d.type === 'bucket-policy' ? 'lets in' : 'names'}: ${d.parties.map(party).join('; ')}`);
    if (d.can)
        lines.push(`can do: ${(0,_discover_capability_js__WEBPACK_IMPORTED_MODULE_0__/* .capabilityWords */ .Q)(d.can)}`);
    for (const k of d.keys ?? []) {
        const u = k.lastUsed === null ? 'never used' : `last used ${k.lastUsed.date.slice(0, 10)}${k.lastUsed.service ? ` by ${k.lastUsed.service}` : ''}${k.lastUsed.region ? ` in ${k.lastUsed.region}` : ''}`;
        lines.push(`key ${k.id ?? `#${k.slot ?? '?'}`}: ${k.ageDays !== undefined ? `${k.ageDays} day${k.ageDays === 1 ? '' : 's'} old` : 'age unknown'}, ${u}`);
    }
    const u = used(d);
    if (u !== undefined && d.type === 'role')
        lines.push(u);
    if (d.connection)
        lines.push(`declared by connection ${d.connection}`);
    if (d.reasons.length > 0)
        lines.push(`${d.rank === 'managed' ? `would rank ${d.risk}` : 'why'}: ${d.reasons.join('; ')}`);
    return lines.map(_text_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g);
}
function title(d) {
    const vendor = d.vendors.length > 0 ? ` (${d.vendors.join(', ')})` : '';
    return (0,_text_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g)(`${d.type} ${d.name}${vendor}`);
}
function renderDiscoverText(r, palette = _text_ansi_js__WEBPACK_IMPORTED_MODULE_2__/* .PLAIN */ .tZ) {
    const out = [];
    for (const a of r.accounts) {
        out.push(palette.bold(`${a.account} (${a.accountId}): ${a.doors.length} door(s)`));
        for (const d of a.doors) {
            const tag = `[${d.rank}]`;
            const head = d.rank === 'managed' ? tag : palette.severity(d.rank, tag);
            out.push(`  ${head} ${title(d)}`);
            for (const l of doorLines(d))
                out.push(`      ${palette.dim(l)}`);
        }
    }
    for (const n of r.notRead ?? [])
        out.push(palette.bad(`${n.account}: not read, its doors are unknown: ${(0,_text_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g)(n.reason)}`));
    const counts = _discover_doors_js__WEBPACK_IMPORTED_MODULE_1__/* .DOOR_RANKS */ .pW.map((k) => `${r.summary.byRank[k]} ${k}`).join(', ');
    out.push(`Doors: ${r.summary.doors} (${counts}); ${r.summary.undeclared} not declared in the manifest.`);
    return out.join('\n');
}
function cell(s) {
    return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
function renderDiscoverMarkdown(r, heading) {
    const out = [`## ${heading}`, ''];
    const counts = _discover_doors_js__WEBPACK_IMPORTED_MODULE_1__/* .DOOR_RANKS */ .pW.map((k) => `${r.summary.byRank[k]} ${k}`).join(', ');
    out.push(`**${r.summary.doors} door(s)** (${counts}); ${r.summary.undeclared} not declared in the manifest.`, '');
    for (const n of r.notRead ?? [])
        out.push(`> **${n.account} was not read**: its doors are unknown. ${(0,_text_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g)(n.reason)}`, '');
    for (const a of r.accounts) {
        out.push(`### ${a.account} (${a.accountId})`, '');
        if (a.doors.length === 0) {
            out.push('No third-party door.', '');
            continue;
        }
        out.push('| Rank | Door | Details |', '| --- | --- | --- |');
        for (const d of a.doors)
            out.push(`| ${d.rank} | ${cell(title(d))} | ${doorLines(d).map(cell).join('<br>')} |`);
        out.push('');
    }
    return `${out.join('\n')}\n`;
}


/***/ })

};
