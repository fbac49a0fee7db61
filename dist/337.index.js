export const id = 337;
export const ids = [337,943];
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


/***/ }),

/***/ 2337:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cliWrite: () => (/* binding */ cliWrite)
/* harmony export */ });
/* unused harmony export keyPlan */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9373);
/* harmony import */ var _action_aws_access_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1713);
/* harmony import */ var _commands_apply_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8314);
/* harmony import */ var _commands_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4399);
/* harmony import */ var _commands_rotate_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4607);
/* harmony import */ var _apply_executor_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1600);
/* harmony import */ var _commands_preview_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8822);
/* harmony import */ var _plan_summary_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(967);
/* harmony import */ var _report_plan_markdown_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5925);
/* harmony import */ var _report_plan_text_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8495);
/* harmony import */ var _report_vendor_handoff_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4989);
/* harmony import */ var _rotate_report_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1761);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(5217);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(8943);
/* harmony import */ var _github_workflow_runs_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(5593);
/* harmony import */ var _rotate_lock_holder_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(8527);
/* harmony import */ var _rotate_lock_tag_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(9961);
/**
 * `iam-connections apply` and `rotate` on the command line, as terraform does it: the full plan
 * first; on a terminal, a question that only `yes` answers; without a terminal (CI) they
 * proceed; `--yes`/`--auto-approve` skips the question; `--dry-run` stops after the plan,
 * having read and never written. The standard AWS credential chain, each
 * account's role assumed from it; the same plan, executor and rotation as the action. Keys for
 * `output` sinks cannot be delivered outside a workflow: those deliveries fail and say so.
 */


















/** What rotate works on: the key changes of the plan (the rest is apply's). */
function keyPlan(plan) {
    const accounts = plan.accounts.map((a) => ({ ...a, changes: a.changes.filter((c) => c.resource.type === 'access-key'), watched: [] }));
    return { ...plan, accounts, summary: (0,_plan_summary_js__WEBPACK_IMPORTED_MODULE_15__/* .summarize */ .eh)(accounts.flatMap((a) => a.changes)) };
}
function keysFor(access, region, io) {
    return {
        clients: access.rotateClients,
        region,
        clockNow: () => (0,_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .now */ .tB)(io.env),
        runId: (0,_rotate_lock_tag_js__WEBPACK_IMPORTED_MODULE_14__/* .holderId */ .MO)(io.env, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex')),
        lock: { liveness: (0,_rotate_lock_holder_js__WEBPACK_IMPORTED_MODULE_13__/* .holderLiveness */ .M)(io.env.GITHUB_TOKEN ? (0,_github_workflow_runs_js__WEBPACK_IMPORTED_MODULE_16__/* .workflowRuns */ .A)(io.env.GITHUB_TOKEN, io.env) : undefined) },
        mask: () => undefined, // nothing prints the secret: it goes only to the sinks
        log: (line) => io.err(`${line}\n`),
    };
}
/** The terraform question. Resolves true only for exactly `yes`. */
async function confirm(ctx, command) {
    const { io } = ctx;
    // The question goes where the plan went: stdout for text, stderr when stdout carries JSON or Markdown.
    const ask = ctx.format === 'text' ? io.out : io.err;
    ask(`\nDo you want to perform these actions?\n  iam-connections will ${command === 'apply' ? 'perform the actions described above' : 'rotate the keys described above'}.\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: `);
    const answer = io.readLine ? await io.readLine() : undefined;
    ask('\n');
    return answer === 'yes';
}
async function cliWrite(command, ctx, values) {
    const { io, manifest, format } = ctx;
    const opts = (0,_plan_js__WEBPACK_IMPORTED_MODULE_12__.planOptions)(ctx, values, command);
    if (!opts.ok)
        return 2;
    const region = opts.region;
    // A date other than now only previews (DESIGN.md section 3): apply and rotate write only on the real clock.
    const asOfText = (0,_context_js__WEBPACK_IMPORTED_MODULE_17__/* .str */ .g)(values, 'as-of');
    const preview = asOfText !== undefined && asOfText !== 'now';
    const dryRun = values['dry-run'] === true || preview;
    const access = (0,_action_aws_access_js__WEBPACK_IMPORTED_MODULE_2__/* .awsAccess */ .S)({ awsRegion: region, audience: 'sts.amazonaws.com', roleToAssume: undefined, githubToken: io.env.GITHUB_TOKEN || undefined, mode: 'default-chain' }, io.env);
    const base = { ...opts.base, prune: command === 'apply' && opts.base.prune, reader: access.reader, organization: access.organization };
    const planned = await (0,_commands_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .runPlan */ .Fo)(manifest, base);
    if (!(0,_plan_js__WEBPACK_IMPORTED_MODULE_12__.reportPlanProblems)(ctx, planned, 'nothing was read or written') || !planned.plan) {
        if (format === 'json')
            io.out(`${JSON.stringify(jsonResult(command, planned, { dryRun, confirmed: false }), null, 2)}\n`);
        return 1;
    }
    const shown = command === 'rotate' ? keyPlan(planned.plan) : planned.plan;
    const willAsk = !dryRun && values.yes !== true && io.interactive === true;
    if (format === 'text')
        io.out(`${(0,_report_plan_text_js__WEBPACK_IMPORTED_MODULE_9__/* .renderPlanText */ .$D)(shown, ctx.palette)}\n`);
    else if (willAsk)
        io.err(`${(0,_report_plan_text_js__WEBPACK_IMPORTED_MODULE_9__/* .renderPlanText */ .$D)(shown)}\n`);
    for (const f of planned.failures)
        io.err(`account ${f.account} was not read: ${f.message}\n`);
    const say = (line) => (format === 'text' ? io.out(`${line}\n`) : io.err(`${line}\n`));
    if (dryRun) {
        if (format === 'text') {
            const lines = command === 'apply' ? (0,_commands_preview_js__WEBPACK_IMPORTED_MODULE_7__/* .applyPreview */ .TN)(planned.plan) : ((await (0,_commands_rotate_js__WEBPACK_IMPORTED_MODULE_5__/* .runRotate */ .nf)(planned, { ...keysFor(access, region, io), now: opts.base.now, dryRun: true })).preview ?? []);
            io.out(`${(lines.length ? lines : ['nothing would change']).join('\n')}\n`);
        }
        say(`${(0,_commands_preview_js__WEBPACK_IMPORTED_MODULE_7__/* .dryRunBanner */ .NI)(preview ? { asOf: opts.base.now } : {})}; the plan above was read from the accounts.`);
        emitStructured(ctx, command, planned, shown, { dryRun, confirmed: false });
        return planned.failures.length ? 1 : 0;
    }
    const nothingPlanned = command === 'apply' && planned.plan.summary.changes === 0;
    if (nothingPlanned) {
        say('No changes: the accounts match the manifest; nothing to apply.');
        emitStructured(ctx, command, planned, shown, { dryRun, confirmed: false });
        return planned.failures.length ? 1 : 0;
    }
    if (willAsk) {
        if (!(await confirm(ctx, command))) {
            io.err(`iam-connections ${command}: cancelled (the answer was not "yes"); nothing was written.\n`);
            return 1;
        }
    }
    const keys = keysFor(access, region, io);
    let failed = planned.failures.length > 0;
    if (command === 'apply') {
        const result = await (0,_commands_apply_js__WEBPACK_IMPORTED_MODULE_3__/* .applyPlanned */ .zE)(manifest, planned, { ...base, clients: access.clients, keys, log: (l) => io.err(`${l}\n`) });
        for (const f of result.failures.slice(planned.failures.length))
            io.err(`account ${f.account}: ${f.message}\n`);
        failed ||= result.failures.length > 0 || result.summary?.ok === false || (result.keys ?? []).some((k) => k.failed);
        const arns = { ...(result.apply?.roleArns ?? {}) };
        const handoff = result.manifest ? (0,_report_vendor_handoff_js__WEBPACK_IMPORTED_MODULE_10__/* .vendorHandoff */ .R$)(result.manifest, result.selected, arns, region) : [];
        if (format === 'json')
            io.out(`${JSON.stringify({ ...jsonResult(command, result, { dryRun, confirmed: true }), ...applyJson(result), handoff, ok: !failed }, null, 2)}\n`);
        else if (format === 'markdown') {
            io.out((0,_report_plan_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .renderPlanMarkdown */ .d$)(planned.plan, `iam-connections apply: \`${manifest}\``));
            io.out(`\n### Apply\n\n${(result.summary?.lines ?? []).map((l) => `- ${l}`).join('\n')}\n`);
            if (result.keys?.length)
                io.out(`\n${(0,_rotate_report_js__WEBPACK_IMPORTED_MODULE_11__/* .rotateReportMarkdown */ .H)(result.keys).replace(/^## iam-connections rotate/m, '### First access keys')}`);
            io.out(`\n${(0,_report_vendor_handoff_js__WEBPACK_IMPORTED_MODULE_10__/* .renderHandoffMarkdown */ .s3)(handoff)}`);
        }
        else {
            if (result.summary)
                io.out(`${result.summary.lines.join('\n')}\n`);
            if (result.keys?.length)
                io.out(`${(0,_rotate_report_js__WEBPACK_IMPORTED_MODULE_11__/* .rotateReportText */ .N)(result.keys).join('\n')}\n`);
            for (const h of handoff)
                io.out(`give ${h.connection} (${h.account}): ${h.credential}${h.where.length ? `; ${h.where.join('; ')}` : ''}; region ${h.region}\n`);
        }
    }
    else {
        const { rotations: rotated, retirement } = await (0,_commands_rotate_js__WEBPACK_IMPORTED_MODULE_5__/* .runRotate */ .nf)(planned, { ...keys, now: opts.base.now, applyClients: access.clients });
        failed ||= rotated.some((r) => r.failed);
        const retired = retirement ? (0,_apply_executor_js__WEBPACK_IMPORTED_MODULE_6__/* .summarizeApply */ .IM)(retirement) : undefined;
        failed ||= retired?.ok === false;
        if (format === 'json')
            io.out(`${JSON.stringify({ ...jsonResult(command, planned, { dryRun, confirmed: true }), plan: shown, rotation: rotated, ok: !failed }, null, 2)}\n`);
        else if (format === 'markdown') {
            io.out((0,_report_plan_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .renderPlanMarkdown */ .d$)(shown, `iam-connections rotate: \`${manifest}\``));
            io.out(`\n${(0,_rotate_report_js__WEBPACK_IMPORTED_MODULE_11__/* .rotateReportMarkdown */ .H)(rotated)}`);
        }
        else
            io.out(`${(0,_rotate_report_js__WEBPACK_IMPORTED_MODULE_11__/* .rotateReportText */ .N)(rotated).join('\n') || 'No connection in these accounts declares an access key.'}\n`);
        if (retired)
            io.out(`expired temporary connections: ${retired.lines.join('\n')}\n`);
        for (const r of rotated)
            if (r.error)
                io.err(`account ${r.account}: rotation did not start: ${r.error}\n`);
    }
    return failed ? 1 : 0;
}
/**
 * The JSON result of apply and rotate (README, "CLI"): `command`, `ok`, `dryRun`, `confirmed`,
 * `plan` (the plan file's shape), `findings`, `errors`, `failures` (accounts not read); apply adds
 * `outcomes`, `counts`, `keys`, `roleArns` and `handoff`; rotate adds `rotation`. No secret is
 * in any of them: the plan and the results hold masked key IDs and external ID placeholders.
 */
function jsonResult(command, r, flags) {
    return {
        command,
        ok: r.plan !== undefined && r.failures.length === 0,
        dryRun: flags.dryRun,
        confirmed: flags.confirmed,
        manifest: r.plan?.manifest,
        plan: r.plan ?? null,
        findings: r.findings,
        errors: r.errors,
        failures: r.failures,
    };
}
function applyJson(r) {
    return {
        outcomes: (r.apply?.accounts ?? []).flatMap((a) => a.outcomes),
        counts: r.summary ? { done: r.summary.done, failed: r.summary.failed, notRun: r.summary.skipped } : null,
        keys: r.keys ?? [],
        roleArns: r.apply?.roleArns ?? {},
    };
}
/** Dry runs and "nothing to do" in json or markdown: the plan alone. */
function emitStructured(ctx, command, planned, shown, flags) {
    if (ctx.format === 'json')
        ctx.io.out(`${JSON.stringify({ ...jsonResult(command, planned, flags), plan: shown }, null, 2)}\n`);
    else if (ctx.format === 'markdown')
        ctx.io.out((0,_report_plan_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .renderPlanMarkdown */ .d$)(shown, `iam-connections ${command}${flags.dryRun ? ' (dry run)' : ''}: \`${ctx.manifest}\``));
}


/***/ })

};
