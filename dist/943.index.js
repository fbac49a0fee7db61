export const id = 943;
export const ids = [943];
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


/***/ })

};
