export const id = 834;
export const ids = [834];
export const modules = {

/***/ 5834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionApply: () => (/* binding */ actionApply),
/* harmony export */   publishDryRun: () => (/* binding */ publishDryRun)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _commands_apply_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8314);
/* harmony import */ var _commands_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4399);
/* harmony import */ var _report_vendor_handoff_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4989);
/* harmony import */ var _report_findings_markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4733);
/* harmony import */ var _rotate_report_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1761);
/* harmony import */ var _progress_ticker_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3108);
/* harmony import */ var _progress_throttle_feed_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6812);
/* harmony import */ var _aws_access_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1713);
/* harmony import */ var _rotate_glue_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2165);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1433);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(7021);
/* harmony import */ var _commands_preview_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(8822);
/**
 * `apply` in the action: the plan of this run, then the executor. Exit 1 when any change
 * failed or an account could not be read; the report says what was done and what was not.
 */













async function actionApply(inputs, env) {
    const access = (0,_aws_access_js__WEBPACK_IMPORTED_MODULE_8__/* .awsAccess */ .S)(inputs, env);
    // Accounts run at once, so their lines are kept and shown as one log group each at the end;
    // meanwhile a progress line (done / total, throttled, elapsed) comes every few seconds.
    const ticker = (0,_progress_ticker_js__WEBPACK_IMPORTED_MODULE_6__/* .createProgressTicker */ .c)({ emit: (line) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(line) });
    const stopThrottleFeed = (0,_progress_throttle_feed_js__WEBPACK_IMPORTED_MODULE_7__/* .feedThrottles */ .Y)(ticker);
    const lines = new Map();
    let result;
    try {
        result = await (0,_commands_apply_js__WEBPACK_IMPORTED_MODULE_1__/* .runApply */ .Of)(inputs.manifest, {
            ...(0,_plan_js__WEBPACK_IMPORTED_MODULE_11__.planOptions)(inputs, env, access),
            dryRun: inputs.asOfGiven,
            clients: access.clients,
            keys: (0,_rotate_glue_js__WEBPACK_IMPORTED_MODULE_9__/* .rotateOptions */ .U)(inputs, env, access),
            log: (line) => {
                const account = /^(\S+?)[:/ ]/.exec(line)?.[1] ?? '';
                lines.set(account, [...(lines.get(account) ?? []), line]);
            },
            onPlan: (plan) => {
                for (const a of plan.accounts)
                    ticker.begin(a.account, a.changes.filter((c) => c.action !== 'none').length, 'changes');
            },
            onOutcome: (o) => ticker.advance(o.account, 1, o.status === 'failed' ? 1 : 0),
        });
    }
    finally {
        for (const a of ticker.snapshot())
            ticker.finish(a.account);
        stopThrottleFeed();
        ticker.stop();
    }
    for (const [account, mine] of lines) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.startGroup(`${account || 'apply'}: ${mine.length} change(s)`);
        for (const l of mine)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(l);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.endGroup();
    }
    if (result.preview)
        return publishDryRun('apply', inputs, env, result, result.preview);
    const plan = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_11__.publishPlan)('apply', inputs, env, result);
    if (!plan || !result.apply || !result.summary || !result.manifest)
        return 1;
    const arns = { ...(0,_commands_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .roleArns */ .de)(result.manifest, result.selected), ...result.apply.roleArns };
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('role-arns', JSON.stringify(arns));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(result.summary.lines[0] ?? '');
    // First keys are made by the rotation path below, not by the executor.
    const keysMade = result.keys !== undefined;
    const outcomes = result.apply.accounts
        .flatMap((a) => a.outcomes)
        .filter((o) => !(keysMade && o.resource.type === 'access-key' && o.status === 'skipped' && o.action === 'create'));
    const keyFailures = (result.keys ?? []).filter((k) => k.failed).length;
    if (result.keys)
        for (const line of (0,_rotate_report_js__WEBPACK_IMPORTED_MODULE_5__/* .rotateReportText */ .N)(result.keys))
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(line);
    let markdown = (0,_plan_js__WEBPACK_IMPORTED_MODULE_11__.planReport)('apply', inputs, result, plan);
    markdown += `\n### Apply\n\n${result.summary.lines[0]}\n\n`;
    if (outcomes.length) {
        markdown += '| | account | change | note |\n|---|---|---|---|\n';
        for (const o of outcomes) {
            const icon = o.status === 'done' ? ':white_check_mark:' : o.status === 'failed' ? ':x:' : ':fast_forward:';
            markdown += `| ${icon} ${o.status} | ${(0,_report_findings_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeCell */ .k)(o.account)} | ${o.action} ${o.resource.type} \`${(0,_report_findings_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeCell */ .k)(o.resource.name)}\` | ${(0,_report_findings_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeCell */ .k)(o.message ?? '')} |\n`;
        }
    }
    if (result.keys?.length)
        markdown += `\n${(0,_rotate_report_js__WEBPACK_IMPORTED_MODULE_5__/* .rotateReportMarkdown */ .H)(result.keys).replace(/^## iam-connections rotate/m, '### First access keys')}`;
    markdown += `\n${(0,_report_vendor_handoff_js__WEBPACK_IMPORTED_MODULE_3__/* .renderHandoffMarkdown */ .s3)((0,_report_vendor_handoff_js__WEBPACK_IMPORTED_MODULE_3__/* .vendorHandoff */ .R$)(result.manifest, result.selected, arns, inputs.awsRegion))}`;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('report', (0,_files_js__WEBPACK_IMPORTED_MODULE_10__/* .writeOutputFile */ .BF)('apply.md', markdown, env));
    if (env.GITHUB_STEP_SUMMARY)
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(markdown).write();
    const failures = [
        ...(result.summary.failed ? [`${result.summary.failed} change(s) failed`] : []),
        ...(result.failures.length ? [`${result.failures.length} account(s) could not be read`] : []),
        ...(keyFailures ? [`first access keys failed in ${keyFailures} account(s)`] : []),
    ];
    if (failures.length)
        return (0,_plan_js__WEBPACK_IMPORTED_MODULE_11__.fail)(inputs, `iam-connections apply: ${failures.join(' and ')}; ${result.summary.done} change(s) done. Fix the cause and run apply again: it continues where this run stopped.`);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`iam-connections apply: ${result.summary.done} change(s) done.`);
    return 0;
}
/**
 * A dry run's report (apply or rotate with `as-of`): the plan's outputs except role ARNs, the
 * banner first in the log and the summary, then every "would" line. Exit 0 unless the plan
 * itself could not be made or an account could not be read.
 */
async function publishDryRun(command, inputs, env, result, preview) {
    const banner = (0,_commands_preview_js__WEBPACK_IMPORTED_MODULE_12__/* .dryRunBanner */ .NI)({ asOf: inputs.asOf });
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(banner);
    const plan = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_11__.publishPlan)(command, inputs, env, result, { roleArns: false });
    if (!plan)
        return 1;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.startGroup(`${command}: what would happen as of ${plan.asOf}`);
    for (const line of preview.length ? preview : ['nothing would change'])
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(line);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.endGroup();
    let markdown = `> **${banner}**\n\n`;
    markdown += `### What ${command} would do as of ${plan.asOf}\n\n${preview.length ? preview.map((l) => `- ${(0,_report_findings_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeCell */ .k)(l)}`).join('\n') : 'Nothing would change.'}\n\n`;
    markdown += (0,_plan_js__WEBPACK_IMPORTED_MODULE_11__.planReport)(command, inputs, result, plan);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('report', (0,_files_js__WEBPACK_IMPORTED_MODULE_10__/* .writeOutputFile */ .BF)(`${command}.md`, markdown, env));
    if (env.GITHUB_STEP_SUMMARY)
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(markdown).write();
    if (result.failures.length)
        return (0,_plan_js__WEBPACK_IMPORTED_MODULE_11__.fail)(inputs, `iam-connections ${command} (dry run): ${result.failures.length} account(s) could not be read; nothing was written.`);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`iam-connections ${command}: ${banner}.`);
    return 0;
}


/***/ }),

/***/ 2165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ rotateOptions)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9373);
/* harmony import */ var _github_workflow_runs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5593);
/* harmony import */ var _rotate_lock_holder_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8527);
/* harmony import */ var _rotate_lock_tag_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9961);
/** What the action gives a rotation: the runner's masking and outputs, a run id for the lock. */






function rotateOptions(inputs, env, access) {
    return {
        clients: access.rotateClients,
        region: inputs.awsRegion,
        clockNow: () => (0,_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .now */ .tB)(env),
        // The lock names this workflow run, so another run can ask GitHub whether it ended (actions: read).
        runId: (0,_rotate_lock_tag_js__WEBPACK_IMPORTED_MODULE_4__/* .holderId */ .MO)(env, (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(3).toString('hex')),
        lock: { liveness: (0,_rotate_lock_holder_js__WEBPACK_IMPORTED_MODULE_3__/* .holderLiveness */ .M)(inputs.githubToken ? (0,_github_workflow_runs_js__WEBPACK_IMPORTED_MODULE_5__/* .workflowRuns */ .A)(inputs.githubToken, env) : undefined) },
        // The runner masks the secret in every later line of the log from here on.
        mask: (secret) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(secret),
        log: (line) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(line),
        setOutput: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(name, value),
    };
}


/***/ }),

/***/ 6812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ feedThrottles)
/* harmony export */ });
/* harmony import */ var _aws_rate_limit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9897);
/**
 * Feeds a progress ticker the throttled IAM calls of every account, as the rate limiters
 * (src/aws/rate-limit.ts) see them. Returns the function that stops the feed.
 */

function feedThrottles(ticker) {
    return (0,_aws_rate_limit_js__WEBPACK_IMPORTED_MODULE_0__/* .onRateEvent */ .yd)((e) => {
        if (e.kind === 'throttled')
            ticker.throttled(e.account);
    });
}


/***/ }),

/***/ 3108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c: () => (/* binding */ createProgressTicker)
});

// UNUSED EXPORTS: realTimer

;// CONCATENATED MODULE: ./src/progress/format.ts
/**
 * Progress lines for long runs: `prod: 340/1000 changes, 12 throttled, 17.2 s`. Pure: the
 * numbers in, one line out; the ticker (./ticker.ts) decides when to print.
 */
function seconds(ms) {
    const s = Math.max(0, ms) / 1000;
    if (s < 60)
        return `${s.toFixed(1)} s`;
    const m = Math.floor(s / 60);
    return `${m} min ${Math.floor(s - m * 60)} s`;
}
/** One line: done / total, failures if any, throttled calls, time since the account started. */
function formatProgressLine(p, now) {
    const count = p.total > 0 ? `${p.done}/${p.total} ${p.unit}` : `${p.done} ${p.unit}`;
    const parts = [count];
    if (p.failed > 0)
        parts.push(`${p.failed} failed`);
    parts.push(`${p.throttled} throttled`);
    const elapsed = seconds((p.finishedAt ?? now) - p.startedAt);
    return `${p.account}: ${parts.join(', ')}, ${elapsed}${p.finishedAt !== undefined ? ', finished' : ''}`;
}
/** All accounts in one line (for a run summary): `3/4 accounts finished, 2710/4000 changes, 31 throttled, 58.0 s`. */
function formatOverallLine(all, startedAt, now) {
    const done = all.reduce((n, p) => n + p.done, 0);
    const total = all.reduce((n, p) => n + p.total, 0);
    const failed = all.reduce((n, p) => n + p.failed, 0);
    const throttled = all.reduce((n, p) => n + p.throttled, 0);
    const finished = all.filter((p) => p.finishedAt !== undefined).length;
    const unit = all[0]?.unit ?? 'items';
    const parts = [`${finished}/${all.length} accounts finished`, total > 0 ? `${done}/${total} ${unit}` : `${done} ${unit}`];
    if (failed > 0)
        parts.push(`${failed} failed`);
    parts.push(`${throttled} throttled`);
    return `${parts.join(', ')}, ${seconds(now - startedAt)}`;
}

;// CONCATENATED MODULE: ./src/progress/ticker.ts
/**
 * Progress of a long run, per account, printed at most every `intervalMs` (default 5 s) and only
 * for accounts whose numbers moved or that are still working, plus one line when an account
 * finishes. The caller decides where lines go (`emit`): the action puts each account's lines in
 * its log group, the CLI on stderr. Clock and timer are injected so tests need no real time.
 *
 *   const t = createProgressTicker({ emit: (line) => core.info(line) });
 *   t.begin('prod', 1000, 'changes');
 *   ... t.advance('prod'); t.throttled('prod'); ...
 *   t.finish('prod');
 *   t.stop();
 */

const realTimer = {
    now: () => Date.now(),
    every: (ms, fn) => {
        const h = setInterval(fn, ms);
        // A progress timer must never keep the process alive on its own.
        h.unref();
        return () => clearInterval(h);
    },
};
function createProgressTicker(opts) {
    const timer = opts.timer ?? realTimer;
    const interval = opts.intervalMs ?? 5000;
    const accounts = new Map();
    /** Accounts whose numbers moved since their last line. */
    const dirty = new Set();
    let cancel;
    let stopped = false;
    const get = (account) => {
        let p = accounts.get(account);
        if (p === undefined) {
            p = { account, done: 0, total: 0, unit: 'items', failed: 0, throttled: 0, startedAt: timer.now() };
            accounts.set(account, p);
        }
        return p;
    };
    const line = (p) => {
        dirty.delete(p.account);
        opts.emit(formatProgressLine(p, timer.now()), { ...p });
    };
    const ensureTimer = () => {
        if (cancel === undefined && !stopped)
            cancel = timer.every(interval, () => ticker.tick());
    };
    const ticker = {
        begin(account, total, unit) {
            const p = get(account);
            p.total = total;
            p.unit = unit;
            delete p.finishedAt;
            ensureTimer();
        },
        advance(account, n = 1, failed = 0) {
            const p = get(account);
            p.done += n;
            p.failed += failed;
            dirty.add(account);
            ensureTimer();
        },
        throttled(account) {
            get(account).throttled++;
            dirty.add(account);
        },
        finish(account) {
            const p = get(account);
            if (p.finishedAt !== undefined)
                return;
            p.finishedAt = timer.now();
            if (!stopped)
                line(p);
        },
        snapshot: () => [...accounts.values()].map((p) => ({ ...p })),
        tick() {
            if (stopped)
                return;
            // Still-working accounts get a line even when nothing moved: a long throttled wait is news too.
            for (const p of accounts.values())
                if (p.finishedAt === undefined)
                    line(p);
        },
        stop() {
            stopped = true;
            cancel?.();
            cancel = undefined;
        },
    };
    return ticker;
}


/***/ })

};
