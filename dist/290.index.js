export const id = 290;
export const ids = [290];
export const modules = {

/***/ 5217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ str)
/* harmony export */ });
function str(values, name) {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
}


/***/ }),

/***/ 9290:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: ./src/clock.ts
var src_clock = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/text/ansi.ts
var ansi = __webpack_require__(8920);
// EXTERNAL MODULE: ./src/text/suggest.ts
var suggest = __webpack_require__(4185);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * The command line's own small parser: each command accepts only its options, and a mistake is
 * answered with what was meant (`--fromat` -> did you mean "--format"?) instead of Node's
 * generic parseArgs error. Grammar, as gh and terraform users expect: `--name value`,
 * `--name=value`, `-m value`, `-h`; booleans take no value (`--prune=true` is refused, so a
 * typo never silently means false); `--` ends the options.
 */

function lookup(options, name) {
    return options.find((o) => o.name === name || o.aliases?.includes(name));
}
/** Every spelling a user may type, for suggestions. */
function spellings(options) {
    return options.flatMap((o) => [`--${o.name}`, ...(o.aliases ?? []).map((a) => `--${a}`), ...(o.short ? [`-${o.short}`] : [])]);
}
/**
 * `known` lists options other commands accept: typing one of those gets "not an option of
 * validate" rather than a misleading typo suggestion.
 */
function parseCommandLine(argv, options, command, known = []) {
    const values = {};
    const positionals = [];
    const unknown = (token) => {
        const flag = token.split('=')[0] ?? token;
        const elsewhere = lookup(known, flag.replace(/^--?/, '')) ?? known.find((o) => o.short !== undefined && `-${o.short}` === flag);
        if (elsewhere && !lookup(options, elsewhere.name))
            return { ok: false, message: `${flag} is not an option of ${command} (see 'iam-connections ${command} --help')` };
        const hint = (0,suggest/* didYouMean */.au)(flag, spellings(options));
        return { ok: false, message: `unknown option ${flag}${hint ? `: did you mean ${hint}?` : ''} (see 'iam-connections ${command} --help')` };
    };
    for (let i = 0; i < argv.length; i++) {
        const token = argv[i];
        if (token === '--') {
            positionals.push(...argv.slice(i + 1));
            break;
        }
        let spec;
        let inline;
        if (token.startsWith('--')) {
            const eq = token.indexOf('=');
            const name = eq >= 0 ? token.slice(2, eq) : token.slice(2);
            if (eq >= 0)
                inline = token.slice(eq + 1);
            spec = lookup(options, name);
        }
        else if (token.startsWith('-') && token.length > 1) {
            spec = options.find((o) => o.short !== undefined && token === `-${o.short}`);
        }
        else {
            positionals.push(token);
            continue;
        }
        if (!spec)
            return unknown(token);
        if (spec.arg === undefined) {
            if (inline !== undefined)
                return { ok: false, message: `--${spec.name} takes no value (write just --${spec.name})` };
            values[spec.name] = true;
            continue;
        }
        const value = inline ?? argv[i + 1];
        if (value === undefined || (inline === undefined && value.startsWith('-') && value.length > 1)) {
            return { ok: false, message: `--${spec.name} needs a value: --${spec.name} ${spec.arg}` };
        }
        if (inline === undefined)
            i++;
        values[spec.name] = value;
    }
    return { ok: true, values, positionals };
}

// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
;// CONCATENATED MODULE: ./src/cli/commands.ts
const O = {
    manifest: { name: 'manifest', short: 'm', arg: 'FILE', help: 'the manifest (default: connections.yaml)' },
    root: { name: 'root', arg: 'DIR', help: 'repository root; policy files may not leave it (default: current folder)' },
    format: { name: 'format', arg: 'FORMAT', help: 'text (default), json or markdown' },
    state: {
        name: 'state',
        arg: 'FILE',
        help: "plan against a snapshot instead of live accounts: the output of 'aws iam get-account-authorization-details', or { \"accounts\": { NAME: ... } }",
    },
    accounts: { name: 'accounts', arg: 'LIST', help: 'comma-separated account names or globs (default: all)' },
    asOf: { name: 'as-of', arg: 'DATE', help: 'evaluate rotation and expiry as of this ISO date' },
    asOfWrite: { name: 'as-of', arg: 'DATE', help: 'preview as of this ISO date: a dry run, nothing is written' },
    prune: { name: 'prune', help: 'also delete managed resources that left the manifest' },
    out: { name: 'out', arg: 'FILE', help: 'also write the plan JSON to FILE' },
    failOn: { name: 'fail-on', arg: 'WHAT', help: 'what exits 1: error (default), drift or never' },
    region: { name: 'region', arg: 'REGION', help: 'region for STS (default: AWS_REGION, else us-east-1)' },
    yes: { name: 'yes', short: 'y', aliases: ['auto-approve'], help: 'do not ask for confirmation on a terminal (also --auto-approve)' },
    dryRun: { name: 'dry-run', help: 'print the plan and stop: nothing is written' },
    noColor: { name: 'no-color', help: 'no colour even on a terminal (also NO_COLOR=1)' },
    help: { name: 'help', short: 'h', help: 'show this help' },
    repository: { name: 'repository', arg: 'OWNER/NAME', help: 'the repository whose workflows run the action (default: GITHUB_REPOSITORY)' },
    branch: { name: 'branch', arg: 'NAME', help: 'default branch admitted by the trusts (default: main)' },
    environment: { name: 'environment', arg: 'NAME', help: 'admit only jobs in this protected environment to the writer role' },
    outDoors: { name: 'out', arg: 'FILE', help: 'also write the doors as JSON to FILE' },
    sarif: { name: 'sarif', arg: 'FILE', help: 'also write the undeclared doors as SARIF 2.1.0 to FILE (code scanning)' },
    principal: { name: 'principal', arg: 'TYPE/NAME', help: 'the door(s) to import: role/NAME or user/NAME, comma-separated' },
    allUndeclared: { name: 'all-undeclared', help: 'import every role and user door the manifest does not declare' },
    account: { name: 'account', arg: 'NAME', help: 'only this account of the manifest' },
    oidcProvider: { name: 'oidc-provider', arg: 'ARN', help: 'the GitHub OIDC provider (default: token.actions.githubusercontent.com in each account)' },
};
const COMMANDS = [
    {
        name: 'validate',
        summary: 'check the manifest and its policies offline (no AWS access)',
        about: 'Reads the manifest and its policy files, applies the vendor presets and runs every check.\nNo AWS access: it runs on fork pull requests too.',
        options: [O.manifest, O.root, O.format, O.noColor, O.help],
        example: 'iam-connections validate -m connections.yaml',
        exit: ['the manifest is valid', 'any error or unacknowledged risk'],
    },
    {
        name: 'plan',
        summary: 'compare the manifest with the accounts and print what would change',
        about: "Reads every selected account (the standard AWS credential chain, then each account's role from\nthe manifest) or a snapshot (--state), and prints the drift, most severe first. Never writes.",
        options: [O.manifest, O.root, O.format, O.state, O.accounts, O.asOf, O.prune, O.out, O.failOn, O.region, O.noColor, O.help],
        example: 'iam-connections plan -m connections.yaml --accounts prod',
        exit: ['the plan was made (drift or not, unless --fail-on drift)', 'invalid manifest, an account could not be read, or drift with --fail-on drift'],
    },
    {
        name: 'apply',
        summary: 'make the accounts match the manifest (users, roles, policies, first keys)',
        about: 'Prints the full plan first. On a terminal it then asks for confirmation (type yes); without a\nterminal (CI) it proceeds. --dry-run prints the plan and stops. First access keys of new users\nare created, delivered to their sinks and verified.',
        options: [O.manifest, O.root, O.format, O.accounts, O.prune, O.yes, O.dryRun, O.asOfWrite, O.region, O.noColor, O.help],
        example: 'iam-connections apply -m connections.yaml --accounts staging',
        exit: ['every change was made (or nothing to do, or a dry run)', 'invalid manifest, a change failed, an account could not be read, or not confirmed'],
    },
    {
        name: 'rotate',
        summary: 'move every integration key one stage along its rotation',
        about: 'Prints the plan first, then asks for confirmation on a terminal as apply does. Each key moves one\nstage: create, deliver and verify the new key; deactivate the old one once unused; delete it later.',
        options: [O.manifest, O.root, O.format, O.accounts, O.yes, O.dryRun, O.asOfWrite, O.region, O.noColor, O.help],
        example: 'iam-connections rotate -m connections.yaml --dry-run',
        exit: ['every key is where its rotation says (or nothing was due, or a dry run)', 'invalid manifest, a key step failed, or not confirmed'],
    },
    {
        name: 'discover',
        summary: 'list every third-party door in the accounts, declared in the manifest or not',
        about: "Reads what plan reads (same roles, no other IAM call) and lists, per account, the roles trusting\na party outside the manifest's accounts (another account, anyone, a non-GitHub identity provider),\nintegration users (active keys, no console password), and policies naming other accounts: with the\nvendor's name when known, the external ID, what each can do and when it was last used, ranked\ncritical, high, medium, low, or managed when the manifest declares it. Never writes.",
        options: [O.manifest, O.root, O.format, O.state, O.accounts, O.asOf, O.outDoors, O.sarif, O.region, O.noColor, O.help],
        example: 'iam-connections discover -m connections.yaml --format markdown',
        exit: ['the doors were listed', 'invalid manifest, or an account could not be read'],
    },
    {
        name: 'import',
        summary: 'write manifest entries (adopt: true) for third-party doors found by discover',
        about: 'Reads as discover does, then adds a connection per chosen door to the manifest, keeping its\ncomments and order: the live path, policies (inline ones as files under policies/), the trust\nwith the external ID read from an environment variable (never the live value), and comments\nsaying where each value came from. Writes local files only; the result is validated first.',
        options: [O.manifest, O.root, O.state, O.principal, O.allUndeclared, O.account, O.asOf, O.region, O.help],
        example: 'iam-connections import -m connections.yaml --principal role/DatadogIntegrationRole --account prod',
        exit: ['the entries were written (or nothing to import)', 'invalid manifest or choice, an account could not be read, or the result does not validate'],
    },
    {
        name: 'permissions',
        summary: 'print the least-privilege planner and writer roles the action needs for this manifest',
        about: 'Prints the two roles the action needs for this manifest: a read-only planner role for plan\n(assumable by pull-request runs) and a writer role for apply and rotate (assumable only by the\ndefault branch or a protected environment). Offline: reads the manifest only.',
        options: [O.manifest, O.root, O.repository, O.branch, O.environment, O.oidcProvider, O.format, O.noColor, O.help],
        example: 'iam-connections permissions -m connections.yaml --repository acme/infra --environment prod',
        exit: ['the roles were printed', 'the manifest is invalid'],
    },
];
/** Every option any command takes: to tell "not an option of validate" from a typo. */
const ALL_OPTIONS = Object.values(O);
const GLOBAL_OPTIONS = [
    { name: 'help', short: 'h', help: 'show help (also: iam-connections help COMMAND)' },
    { name: 'version', short: 'V', help: 'print the version (also: iam-connections version)' },
];
function findCommand(name) {
    return COMMANDS.find((c) => c.name === name);
}
function optionLines(options) {
    const left = options.map((o) => `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.arg ? ` ${o.arg}` : ''}`);
    const width = Math.max(...left.map((l) => l.length)) + 2;
    return options.map((o, i) => `  ${left[i].padEnd(width)}${o.help}`);
}
const EXIT_STATUS_TEXT = 'Exit status: 0 success, 1 the command found or met an error, 2 usage error (bad option or argument).';
function commandHelp(c) {
    return [
        `Usage: iam-connections ${c.name} [options]`,
        '',
        c.about,
        '',
        'Options:',
        ...optionLines(c.options),
        '',
        'Example:',
        `  ${c.example}`,
        '',
        'Exit status:',
        `  0  ${c.exit[0]}`,
        `  1  ${c.exit[1]}`,
        '  2  usage error: an unknown option, a missing or bad value',
        '',
    ].join('\n');
}
function globalHelp() {
    const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
    return [
        'Usage: iam-connections <command> [options]',
        '',
        'Third-party AWS integrations as code: validate, plan, apply and rotate connections.yaml.',
        '',
        'Commands:',
        ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
        `  ${'help'.padEnd(width)}help for a command: iam-connections help apply`,
        `  ${'version'.padEnd(width)}print the version`,
        '',
        'Options:',
        ...optionLines(GLOBAL_OPTIONS),
        '',
        "Every command takes -m FILE and --format text|json|markdown; 'iam-connections COMMAND --help' lists its options.",
        'plan, apply and rotate use the standard AWS credential chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, ...)',
        "and assume each account's role from the manifest. GitHub secret sinks read GITHUB_TOKEN.",
        '',
        'Example:',
        '  iam-connections plan -m connections.yaml',
        '',
        EXIT_STATUS_TEXT,
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The command line: the same core as the action, reporting to the terminal.
 *
 * Conventions (as gh and terraform): `iam-connections COMMAND [options]`; `--help`/`-h` and
 * `help [COMMAND]` print help on stdout and exit 0; `--version`/`-V`/`version` print the
 * version; a usage mistake (no command, an unknown command or option, a bad value) prints what
 * is wrong and the usage on stderr and exits 2. 1 means the command ran and found or met an error.
 */







/**
 * Each command's module, imported only when that command runs (cold start: `validate` must not
 * evaluate the AWS SDK, Octokit or libsodium). A new command adds its spec to commands.ts and one
 * line here.
 */
const COMMAND_MODULES = {
    validate: async () => (await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(296), __webpack_require__.e(446)]).then(__webpack_require__.bind(__webpack_require__, 4446))).cliValidate,
    plan: async () => (await Promise.all(/* import() */[__webpack_require__.e(720), __webpack_require__.e(366), __webpack_require__.e(421), __webpack_require__.e(319), __webpack_require__.e(167), __webpack_require__.e(296), __webpack_require__.e(943)]).then(__webpack_require__.bind(__webpack_require__, 8943))).cliPlan,
    apply: async () => {
        const { cliWrite } = await Promise.all(/* import() */[__webpack_require__.e(720), __webpack_require__.e(366), __webpack_require__.e(421), __webpack_require__.e(319), __webpack_require__.e(167), __webpack_require__.e(296), __webpack_require__.e(416), __webpack_require__.e(337)]).then(__webpack_require__.bind(__webpack_require__, 2337));
        return (ctx, values) => cliWrite('apply', ctx, values);
    },
    rotate: async () => {
        const { cliWrite } = await Promise.all(/* import() */[__webpack_require__.e(720), __webpack_require__.e(366), __webpack_require__.e(421), __webpack_require__.e(319), __webpack_require__.e(167), __webpack_require__.e(296), __webpack_require__.e(416), __webpack_require__.e(337)]).then(__webpack_require__.bind(__webpack_require__, 2337));
        return (ctx, values) => cliWrite('rotate', ctx, values);
    },
    permissions: async () => (await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(296), __webpack_require__.e(566)]).then(__webpack_require__.bind(__webpack_require__, 8566))).cliPermissions,
    discover: async () => (await Promise.all(/* import() */[__webpack_require__.e(720), __webpack_require__.e(366), __webpack_require__.e(421), __webpack_require__.e(319), __webpack_require__.e(167), __webpack_require__.e(296), __webpack_require__.e(643), __webpack_require__.e(731)]).then(__webpack_require__.bind(__webpack_require__, 2731))).cliDiscover,
    import: async () => (await Promise.all(/* import() */[__webpack_require__.e(720), __webpack_require__.e(366), __webpack_require__.e(421), __webpack_require__.e(319), __webpack_require__.e(167), __webpack_require__.e(296), __webpack_require__.e(358)]).then(__webpack_require__.bind(__webpack_require__, 8358))).cliImport,
};
const defaultIo = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
    interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
    readLine: readStdinLine,
};
function readStdinLine() {
    return new Promise((resolve) => {
        let buf = '';
        const onData = (d) => {
            buf += d.toString('utf8');
            const nl = buf.indexOf('\n');
            if (nl >= 0)
                finish(buf.slice(0, nl).replace(/\r$/, ''));
        };
        const onEnd = () => finish(buf.length ? buf : undefined);
        const finish = (line) => {
            process.stdin.off('data', onData);
            process.stdin.off('end', onEnd);
            process.stdin.pause();
            resolve(line);
        };
        process.stdin.on('data', onData);
        process.stdin.on('end', onEnd);
        process.stdin.resume();
    });
}
function usageError(io, message, help) {
    io.err(`iam-connections: ${message}\n\n${help}`);
    return 2;
}
async function runCli(argv, io = defaultIo) {
    // First, before the arguments: a simulated clock is said, a bad one stops the run.
    const clock = (0,src_clock/* checkClockEnv */.Cz)(io.env);
    if (clock.error) {
        io.err(`iam-connections: ${clock.error}\n`);
        return 2;
    }
    if (clock.notice)
        io.err(`${clock.notice}\n`);
    const [first, ...rest] = argv;
    if (first === undefined)
        return usageError(io, 'no command given', globalHelp());
    if (first === '-h' || first === '--help') {
        io.out(globalHelp());
        return 0;
    }
    if (first === '-V' || first === '--version' || first === 'version') {
        io.out(`iam-connections ${version/* VERSION */.x}\n`);
        return 0;
    }
    if (first === 'help') {
        if (rest[0] === undefined) {
            io.out(globalHelp());
            return 0;
        }
        const spec = findCommand(rest[0]);
        if (!spec)
            return unknownCommand(io, rest[0]);
        io.out(commandHelp(spec));
        return 0;
    }
    if (first.startsWith('-'))
        return usageError(io, `put the command first: iam-connections COMMAND [options] (got ${first})`, globalHelp());
    const spec = findCommand(first);
    if (!spec)
        return unknownCommand(io, first);
    const parsed = parseCommandLine(rest, spec.options, spec.name, ALL_OPTIONS);
    if (!parsed.ok) {
        io.err(`iam-connections ${spec.name}: ${parsed.message}\n`);
        return 2;
    }
    const values = parsed.values;
    if (values.help) {
        io.out(commandHelp(spec));
        return 0;
    }
    if (parsed.positionals.length) {
        io.err(`iam-connections ${spec.name}: unexpected argument "${parsed.positionals[0]}" (the manifest is given with -m FILE; see 'iam-connections ${spec.name} --help')\n`);
        return 2;
    }
    const format = (0,context/* str */.g)(values, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json' && format !== 'markdown') {
        io.err(`iam-connections ${spec.name}: --format must be text, json or markdown, not "${format}"\n`);
        return 2;
    }
    const colour = format === 'text' && (0,ansi/* wantColour */.tF)({ noColorFlag: values['no-color'] === true, env: io.env, isTTY: io.stdoutIsTTY === true });
    const ctx = { manifest: (0,context/* str */.g)(values, 'manifest') ?? 'connections.yaml', format, palette: colour ? ansi/* ANSI */.mh : ansi/* PLAIN */.tZ, io };
    const load = COMMAND_MODULES[spec.name];
    if (!load)
        return unknownCommand(io, first);
    return (await load())(ctx, values);
}
function unknownCommand(io, name) {
    const hint = (0,suggest/* didYouMeanText */.ni)(name, [...COMMANDS.map((c) => c.name), 'help', 'version']);
    return usageError(io, `unknown command "${name}"${hint ? `: ${hint}` : ''}`, globalHelp());
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
