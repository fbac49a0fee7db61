export const id = 321;
export const ids = [321];
export const modules = {

/***/ 1433:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BF: () => (/* binding */ writeOutputFile),
/* harmony export */   wt: () => (/* binding */ missingRunnerFiles)
/* harmony export */ });
/* unused harmony exports outputDir, RUNNER_FILES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * The files the action writes: its report and plan files, and the runner's own command files.
 *
 * Report and plan files go under RUNNER_TEMP (the runner empties it after each job) or, off a
 * runner, a fresh private folder (mkdtemp: mode 0700, a new name per run), never a fixed shared
 * path such as /tmp/iam-connections that another user could create first or read.
 */



let privateDir;
function outputDir(env = process.env) {
    if (env.RUNNER_TEMP) {
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.RUNNER_TEMP, 'iam-connections');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true, mode: 0o700 });
        return dir;
    }
    // One folder per process, so the report and the plan of a run sit side by side.
    privateDir ??= (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'iam-connections-'));
    return privateDir;
}
function writeOutputFile(name, content, env = process.env) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(outputDir(env), name);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, content, { mode: 0o600 });
    return path;
}
/** The runner's command files, by the variable that names them. */
const RUNNER_FILES = ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY'];
/**
 * Variables that name a file that does not exist. The runner creates both files before every
 * step; one that is missing means the environment is not the runner's (or is broken), and the
 * outputs (role ARNs, a key for an `output` sink) would be lost. We do not create it: the run
 * stops before reading or writing AWS, after printing the validation result.
 */
function missingRunnerFiles(env) {
    return RUNNER_FILES.flatMap((variable) => {
        const path = env[variable];
        return path && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) ? [{ variable, path }] : [];
    });
}


/***/ }),

/***/ 3596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ emitFindings)
});

// UNUSED EXPORTS: driftAnnotations

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/report/findings-text.ts
var findings_text = __webpack_require__(8188);
// EXTERNAL MODULE: ./src/text/printable.ts
var printable = __webpack_require__(8572);
;// CONCATENATED MODULE: ./src/github/annotations.ts



const ANNOTATIONS_PER_KIND = 10;
function kindOf(f) {
    const l = (0,findings_text/* label */.Pf)(f);
    return l === 'error' ? 'error' : l === 'risk' || l === 'warning' ? 'warning' : 'notice';
}
/** Pure: which annotations to emit, plus one overflow line per kind that hit the cap. */
function planAnnotations(findings) {
    const byKind = new Map();
    for (const f of (0,diagnostics/* sortFindings */.Tc)(findings)) {
        const kind = kindOf(f);
        const list = byKind.get(kind) ?? [];
        const fix = f.acknowledged ? ` (acknowledged: ${f.acknowledged.reason})` : f.fix ? ` Fix: ${f.fix}` : '';
        // Annotation files are repository paths: a preset-supplied document has none.
        const onFile = !f.location.file.startsWith('preset:');
        list.push({
            kind,
            message: (0,printable/* printable */.g)(`${f.message}${fix}`),
            properties: {
                title: `${f.check}${f.connection ? ` (${f.connection})` : ''}`,
                ...(onFile
                    ? { file: f.location.file, startLine: f.location.line, startColumn: f.location.column }
                    : {}),
            },
        });
        byKind.set(kind, list);
    }
    const annotations = [];
    const overflow = [];
    for (const [kind, list] of byKind) {
        annotations.push(...list.slice(0, ANNOTATIONS_PER_KIND));
        if (list.length > ANNOTATIONS_PER_KIND) {
            overflow.push(`${list.length - ANNOTATIONS_PER_KIND} more ${kind}s are not annotated (GitHub shows ${ANNOTATIONS_PER_KIND} per step): see the job summary.`);
        }
    }
    return { annotations, overflow };
}

;// CONCATENATED MODULE: ./src/action/findings.ts
/** Offline findings through the runner: log lines, annotations within GitHub's caps. */



/** Drift on the manifest line that declares it: security-relevant as warnings, the rest as notices. */
function driftAnnotations(plan) {
    return plan.accounts.flatMap((a) => a.changes
        .filter((c) => c.at !== undefined)
        .map((c) => ({
        check: `drift/${c.kind}`,
        severity: c.security ? 'warning' : 'notice',
        message: `${a.account}: ${c.reason}`,
        location: c.at,
        ...(c.connection ? { connection: c.connection } : {}),
    })));
}
/**
 * Findings go to the log and, with the plan's drift, to annotations: GitHub shows ten of each
 * kind per step, so they share that budget, in manifest order, and the rest is summed up.
 */
function emitFindings(findings, plan) {
    const text = (0,findings_text/* renderFindingsText */.uc)(findings);
    if (text)
        core.info(text);
    const { annotations, overflow } = planAnnotations([...findings, ...(plan ? driftAnnotations(plan) : [])]);
    for (const a of annotations)
        core[a.kind](a.message, a.properties);
    for (const line of overflow)
        core.info(line);
}


/***/ }),

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

/***/ 6769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runAction: () => (/* binding */ runAction)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9373);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1729);
/* harmony import */ var _commands_validate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10);
/* harmony import */ var _report_findings_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8188);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1433);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3596);
/**
 * The GitHub Action's front door: read the inputs, run the command, report through the
 * runner (log, annotations, job summary, outputs) and set the exit status of DESIGN.md section 3.
 */







/**
 * Each command's module, imported only when that command runs (cold start: `validate` must not
 * evaluate the AWS SDK, Octokit or libsodium). A new command adds one line here.
 */
const COMMAND_MODULES = {
    validate: async () => (await Promise.all(/* import() */[__webpack_require__.e(319), __webpack_require__.e(643), __webpack_require__.e(395)]).then(__webpack_require__.bind(__webpack_require__, 554))).actionValidate,
    plan: async () => (await Promise.all(/* import() */[__webpack_require__.e(720), __webpack_require__.e(319), __webpack_require__.e(167), __webpack_require__.e(643), __webpack_require__.e(684)]).then(__webpack_require__.bind(__webpack_require__, 7021))).actionPlan,
    apply: async () => (await Promise.all(/* import() */[__webpack_require__.e(720), __webpack_require__.e(319), __webpack_require__.e(167), __webpack_require__.e(643), __webpack_require__.e(684), __webpack_require__.e(416), __webpack_require__.e(834)]).then(__webpack_require__.bind(__webpack_require__, 5834))).actionApply,
    rotate: async () => (await Promise.all(/* import() */[__webpack_require__.e(720), __webpack_require__.e(319), __webpack_require__.e(167), __webpack_require__.e(643), __webpack_require__.e(684), __webpack_require__.e(416), __webpack_require__.e(491)]).then(__webpack_require__.bind(__webpack_require__, 2491))).actionRotate,
    discover: async () => (await Promise.all(/* import() */[__webpack_require__.e(720), __webpack_require__.e(319), __webpack_require__.e(167), __webpack_require__.e(643), __webpack_require__.e(684), __webpack_require__.e(135)]).then(__webpack_require__.bind(__webpack_require__, 7135))).actionDiscover,
};
const WRITE_COMMANDS = new Set(['apply', 'rotate']);
const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
async function runAction(env = process.env) {
    try {
        // First, before any input is read: a simulated clock is said, a bad one stops the run.
        const clock = (0,_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .checkClockEnv */ .Cz)(env);
        if (clock.error) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`iam-connections: ${clock.error}`);
            return 1;
        }
        if (clock.notice)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(clock.notice);
        const { inputs, errors } = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .parseInputs */ .TL)((name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput(name), (0,_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .now */ .tB)(env));
        if (errors.length) {
            for (const e of errors)
                _actions_core__WEBPACK_IMPORTED_MODULE_0__.error(e);
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`iam-connections: ${errors.length === 1 ? 'an input is' : 'inputs are'} invalid; nothing was done.`);
            return 1;
        }
        if (WRITE_COMMANDS.has(inputs.command) && PR_EVENTS.has(env.GITHUB_EVENT_NAME ?? '')) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`iam-connections: "${inputs.command}" writes to AWS and refuses to run on ${env.GITHUB_EVENT_NAME} events: ` +
                'a pull request (possibly from a fork) must never change IAM. Run "validate" and "plan" on pull requests, ' +
                `and "${inputs.command}" on push to the default branch, a schedule or workflow_dispatch.`);
            return 1;
        }
        const missing = (0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .missingRunnerFiles */ .wt)(env);
        if (missing.length) {
            // The validation result first (log and annotations only: no output can be written), then why nothing else ran.
            const result = (0,_commands_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .validate */ .t)(inputs.manifest, { root: env.GITHUB_WORKSPACE || process.cwd(), env });
            (0,_findings_js__WEBPACK_IMPORTED_MODULE_5__/* .emitFindings */ .C)(result.findings);
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`iam-connections validate: ${inputs.manifest} is ${result.ok ? 'valid' : 'INVALID'} (${(0,_report_findings_text_js__WEBPACK_IMPORTED_MODULE_3__/* .tallyLine */ .f8)((0,_report_findings_text_js__WEBPACK_IMPORTED_MODULE_3__/* .tally */ .N4)(result.findings))}).`);
            const named = missing.map((m) => `${m.variable} names ${m.path}, which does not exist`).join('; ');
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`iam-connections: ${named}. The runner creates this file before every step; without it the outputs and the job summary would be lost, so "${inputs.command}" did not run${inputs.command === 'validate' ? '' : ' (nothing was read from or written to AWS)'}. Run the action as a workflow step, or create the file.`);
            return 1;
        }
        const run = await COMMAND_MODULES[inputs.command]();
        return await run(inputs, env);
    }
    catch (err) {
        // Anything unexpected: one clear line, the stack only in debug logs (never a secret either way).
        const e = err instanceof Error ? err : new Error(String(err));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug(e.stack ?? e.message);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`iam-connections: internal error: ${e.message}`);
        return 1;
    }
}


/***/ }),

/***/ 9373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cz: () => (/* binding */ checkClockEnv),
/* harmony export */   TC: () => (/* binding */ nowMs),
/* harmony export */   tB: () => (/* binding */ now)
/* harmony export */ });
/* unused harmony exports NOW_ENV, parseNowOverride */
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(643);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The tool's one idea of "now". Every expiry check, lock expiry, record timestamp and report
 * time reads it, so plan, apply and rotate evaluate a run against the same instants.
 *
 * `IAM_CONNECTIONS_NOW` (an ISO instant) replaces the wall clock for tests and demos: the clock
 * then runs on from that instant at real speed, from the moment this process first reads it,
 * so lock expiry and backoffs still measure real elapsed time. A run that honours it says so in
 * its first log line (`simulatedClockNotice`); an invalid value stops the run before anything
 * else (`checkClockEnv`). Only the AWS SDK's own request signing and credential refresh keep
 * the real clock: those are about the real world's AWS, not about the manifest's time rules.
 */

const NOW_ENV = 'IAM_CONNECTIONS_NOW';
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
/** Date.parse rolls 2027-02-30 over to March 2: a calendar day that does not exist is a typo. */
function realDay(value) {
    const [y, m, d] = value.slice(0, 10).split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d && m >= 1 && m <= 12;
}
/** The base instant (ms) an `IAM_CONNECTIONS_NOW` value names, or the message saying why it names none. */
function parseNowOverride(value) {
    const ms = INSTANT.test(value) && realDay(value) ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : Number.NaN;
    if (Number.isNaN(ms)) {
        return (`${NOW_ENV} is "${value}"; it must be an ISO-8601 instant with its time zone, such as 2027-03-05T00:00:00Z ` +
            '(or a date, read as 00:00 UTC). It replaces the clock for tests and demos: unset it for real runs.');
    }
    return ms;
}
/** The base of the current override and when (process-relative, ms) this process first read it. */
let started;
function override(env) {
    const value = env[NOW_ENV];
    if (value === undefined || value === '')
        return undefined;
    if (started?.value !== value) {
        const base = parseNowOverride(value);
        if (typeof base === 'string')
            throw new Error(base);
        started = { value, base, at: node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__.performance.now() };
    }
    return started;
}
/** Now, in ms since the epoch: the simulated clock when `IAM_CONNECTIONS_NOW` is set, else the wall clock. */
function nowMs(env = process.env) {
    const o = override(env);
    return o ? o.base + (node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__.performance.now() - o.at) : Date.now();
}
/** Now, as a Date (see `nowMs`). */
function now(env = process.env) {
    return new Date(nowMs(env));
}
/**
 * For the entry points, before anything else: undefined when the clock is real; the first log
 * line when it is simulated (the clock starts running from here); or an error for a bad value.
 */
function checkClockEnv(env = process.env) {
    const value = env[NOW_ENV];
    if (value === undefined || value === '')
        return {};
    const base = parseNowOverride(value);
    if (typeof base === 'string')
        return { error: base };
    override(env);
    return { notice: `${NOW_ENV}=${value}: the clock is simulated (tests and demos only)` };
}


/***/ }),

/***/ 10:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4851);
/* harmony import */ var _manifest_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1867);
/* harmony import */ var _policy_checks_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7227);



function validate(file, opts) {
    const loaded = (0,_manifest_load_js__WEBPACK_IMPORTED_MODULE_1__/* .loadManifest */ .eY)(file, { root: opts.root });
    const findings = [...loaded.findings];
    // The policy checks also run over what is sound in a manifest with errors: all findings in one run.
    if (loaded.checkable)
        findings.push(...(0,_policy_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .checkManifestPolicies */ .G)(loaded.checkable));
    if (loaded.manifest) {
        // Secrets such as a vendor's external ID are often absent on pull requests: a warning here,
        // an error when plan or apply needs the value.
        findings.push(...(0,_manifest_load_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveEnvRefs */ .g9)(loaded.manifest, opts.env, 'warning').findings);
    }
    return { manifest: loaded.manifest, findings, ok: !findings.some(_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .isBlocking */ .Us) };
}


/***/ }),

/***/ 4185:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZH: () => (/* binding */ listChoices),
/* harmony export */   au: () => (/* binding */ didYouMean),
/* harmony export */   ni: () => (/* binding */ didYouMeanText)
/* harmony export */ });
/* unused harmony export editDistance */
/**
 * "Did you mean" for names the user typed: keys, account names, vendor presets.
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions),
 * compared case-insensitively, so `rotateAftr`, `RotateAfter` and `roatteAfter` all find `rotateAfter`.
 */
/** Edit distance counting insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a, b) {
    if (a === b)
        return 0;
    if (a.length === 0)
        return b.length;
    if (b.length === 0)
        return a.length;
    // Three rolling rows: the transposition step looks two rows back.
    let prev2 = new Array(b.length + 1).fill(0);
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    let cur = new Array(b.length + 1).fill(0);
    for (let i = 1; i <= a.length; i++) {
        cur[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d = Math.min(d, prev2[j - 2] + 1);
            cur[j] = d;
        }
        [prev2, prev, cur] = [prev, cur, prev2];
    }
    return prev[b.length];
}
/**
 * The closest candidate, or undefined when nothing is close enough to be a plausible typo.
 * The threshold grows with the input's length (a third of it, at least 1, at most 4), so a
 * two-letter input does not "suggest" every other two-letter name.
 */
function didYouMean(input, candidates) {
    const needle = input.toLowerCase();
    const limit = Math.min(4, Math.max(1, Math.floor(needle.length / 3)));
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        if (candidate === input)
            continue;
        const hay = candidate.toLowerCase();
        // Cheap lower bound first: lengths that differ by more than the limit cannot match.
        if (Math.abs(hay.length - needle.length) > limit)
            continue;
        const d = editDistance(needle, hay);
        // Ties (e.g. `acount` vs account/ACCOUNT) go to the candidate closest in exact case.
        if (d < bestDistance || (d === bestDistance && best !== undefined && editDistance(input, candidate) < editDistance(input, best))) {
            best = candidate;
            bestDistance = d;
        }
    }
    return bestDistance <= limit ? best : undefined;
}
/** `did you mean "x"?` or undefined: the wording every finding uses. */
function didYouMeanText(input, candidates) {
    const s = didYouMean(input, candidates);
    return s === undefined ? undefined : `did you mean "${s}"?`;
}
/** `a, b or c` for listing valid choices in messages. */
function listChoices(items, quote = true, conjunction = 'or') {
    const q = items.map((i) => (quote ? `"${i}"` : i));
    if (q.length <= 1)
        return q.join('');
    return `${q.slice(0, -1).join(', ')} ${conjunction} ${q[q.length - 1]}`;
}


/***/ })

};
