export const id = 358;
export const ids = [358,943];
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

/***/ 8358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cliImport: () => (/* binding */ cliImport)
});

// EXTERNAL MODULE: ./src/action/aws-access.ts + 4 modules
var aws_access = __webpack_require__(1713);
// EXTERNAL MODULE: ./src/commands/inventory-readers.ts + 1 modules
var inventory_readers = __webpack_require__(5551);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/plan/policy-equivalence.ts + 2 modules
var policy_equivalence = __webpack_require__(4334);
// EXTERNAL MODULE: ./src/policy/managed-policies.ts + 3 modules
var managed_policies = __webpack_require__(7923);
;// CONCATENATED MODULE: ./src/import/entries.ts


/** A connection name from the principal's: lowercase letters, digits and -, unique. */
function connectionName(principal, taken) {
    const base = principal.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 44) || 'imported';
    let name = /^[a-z0-9]/.test(base) ? base : `x${base}`;
    for (let n = 2; taken.has(name); n++)
        name = `${base.slice(0, 44)}-${n}`;
    return name;
}
function policyRefs(conn, principal, files) {
    const managedPolicies = principal.attached.map((a) => (0,managed_policies/* awsManagedName */.y)(a.arn) ?? a.arn);
    const inlinePolicies = principal.inline.map((p) => {
        const file = `policies/${conn}-${p.name.replace(/[^A-Za-z0-9_.-]+/g, '-')}.json`;
        files[file] = `${JSON.stringify(p.document, null, 2)}\n`;
        return { file, name: p.name };
    });
    return { ...(managedPolicies.length > 0 ? { managedPolicies } : {}), ...(inlinePolicies.length > 0 ? { inlinePolicies } : {}) };
}
/** The trust as the manifest's generated shape, when the live document is exactly that shape. */
function trustOf(role, envName) {
    let statements;
    try {
        statements = (0,policy_equivalence/* normalizePolicy */.ws)(role.trust).statements;
    }
    catch {
        return 'its trust policy cannot be read';
    }
    const [s, ...rest] = statements;
    if (s === undefined || rest.length > 0)
        return 'its trust policy has more than one statement: write its trust: file by hand';
    const principals = s.principal?.AWS ?? [];
    const keys = Object.keys(s.principal ?? {});
    if (s.effect !== 'Allow' || keys.length !== 1 || principals.length === 0 || principals.includes('*'))
        return 'its trust admits more than AWS principals: write its trust by hand';
    if (s.action?.length !== 1 || s.action[0] !== 'sts:assumerole' || s.notAction || s.notPrincipal)
        return 'its trust allows more than sts:AssumeRole: write its trust by hand';
    const conditions = Object.entries(s.condition ?? {});
    const ext = conditions.length === 1 && conditions[0]?.[0] === 'StringEquals' ? conditions[0][1] : undefined;
    if (conditions.length > 0 && (ext === undefined || Object.keys(ext).join() !== 'sts:externalid' || ext['sts:externalid']?.length !== 1)) {
        return 'its trust has conditions other than one sts:ExternalId: write its trust by hand';
    }
    const roots = principals.filter((p) => /^arn:aws[\w-]*:iam::\d{12}:root$/.test(p));
    const trust = {};
    if (roots.length === 1)
        trust.awsAccount = /::(\d{12}):root$/.exec(roots[0] ?? '')?.[1];
    const others = principals.filter((p) => roots.length !== 1 || p !== roots[0]);
    if (others.length > 0)
        trust.awsPrincipals = others;
    if (ext !== undefined)
        trust.externalId = { env: envName };
    return { trust, externalId: ext !== undefined };
}
function importRole(door, role, conn, account, asOf) {
    const envName = `${conn.toUpperCase().replace(/-/g, '_')}_EXTERNAL_ID`;
    const t = trustOf(role, envName);
    if (typeof t === 'string')
        return { ok: false, door, reason: `role ${role.name}: ${t}` };
    if (!t.externalId && t.trust.awsAccount !== undefined) {
        // The manifest refuses a cross-account trust without one (trust/missing-external-id), and
        // declaring one would make apply add a condition the vendor may not send: a person decides.
        return {
            ok: false,
            door,
            reason: `role ${role.name} requires no external ID, and the manifest refuses such a trust: ask ${door.vendors[0] ?? 'the account owner'} for an external ID, add the sts:ExternalId condition (or replace the role), then import it`,
        };
    }
    const files = {};
    const value = {
        accounts: [account],
        adopt: true,
        role: { name: role.name, path: role.path, trust: t.trust, ...policyRefs(conn, role, files) },
    };
    const comment = [
        ` Imported by iam-connections import on ${asOf.slice(0, 10)} from role ${role.arn}`,
        ...(door.vendors.length > 0 ? [` Vendor: ${door.vendors.join(', ')} (known AWS account catalogue or defaults.knownAccounts)`] : [' Vendor: unknown account: find out who uses this role before trusting it further']),
        ` Trust, path and policies as read from IAM; discover ranked it ${door.risk}${door.reasons.length > 0 ? `: ${door.reasons.join('; ')}` : ''}`,
    ];
    return {
        ok: true,
        entry: { connection: conn, value, comment, files, env: t.externalId ? [{ name: envName, what: `the external ID role ${role.name} requires today (aws iam get-role --role-name ${role.name}); never commit it` }] : [] },
    };
}
function importUser(door, user, conn, account, asOf) {
    if (user.groups.length > 0)
        return { ok: false, door, reason: `user ${user.name} is in group(s) ${user.groups.join(', ')}: the manifest does not declare groups, and apply would remove them` };
    const files = {};
    const value = {
        accounts: [account],
        adopt: true,
        user: { name: user.name, path: user.path, ...policyRefs(conn, user, files), accessKey: { rotateAfter: '90d', overlap: '7d', deleteAfter: '7d', deliver: [{ secretsManager: { secretId: `integrations/${conn}` } }] } },
    };
    const comment = [
        ` Imported by iam-connections import on ${asOf.slice(0, 10)} from user ${user.arn}`,
        ' Its keys were made by hand: rotate replaces them with recorded keys (the rotation defaults below) and',
        ` delivers the new key to Secrets Manager integrations/${conn}: change deliver: to where the vendor reads it`,
        ` Path and policies as read from IAM; discover ranked it ${door.risk}${door.reasons.length > 0 ? `: ${door.reasons.join('; ')}` : ''}`,
    ];
    return { ok: true, entry: { connection: conn, value, comment, files, env: [] } };
}
function importDoor(inv, door, taken, asOf) {
    if (door.rank === 'managed')
        return { ok: false, door, reason: `${door.type} ${door.name} is already declared by connection ${door.connection ?? '?'}` };
    if (door.type === 'role') {
        const role = inv.roles.find((r) => r.name === door.name);
        if (!role)
            return { ok: false, door, reason: `role ${door.name} is no longer in the inventory` };
        const conn = connectionName(role.name, taken);
        const out = importRole(door, role, conn, inv.account, asOf);
        if (out.ok)
            taken.add(conn);
        return out;
    }
    if (door.type === 'user') {
        const user = inv.users.find((u) => u.name === door.name);
        if (!user)
            return { ok: false, door, reason: `user ${door.name} is no longer in the inventory` };
        const conn = connectionName(user.name, taken);
        const out = importUser(door, user, conn, inv.account, asOf);
        if (out.ok)
            taken.add(conn);
        return out;
    }
    return { ok: false, door, reason: `${door.type} ${door.name}: policies and bucket policies are declared under a connection by hand` };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/import/manifest-yaml.ts
/**
 * Adds connections to the manifest's text with yaml's Document API, so the user's comments, key
 * order and formatting elsewhere stay as they were. Each new entry carries the comment saying
 * where its values came from.
 */

function addConnections(text, entries) {
    const doc = (0,dist/* parseDocument */.Tp)(text);
    if (doc.errors.length > 0)
        throw new Error(`the manifest is not valid YAML: ${doc.errors[0]?.message ?? ''}`);
    let connections = doc.get('connections');
    if (!(0,dist/* isMap */.jh)(connections)) {
        connections = doc.createNode({});
        doc.set('connections', connections);
    }
    const map = connections;
    for (const e of entries) {
        if (map.has(e.connection))
            throw new Error(`connection ${e.connection} already exists in the manifest`);
        const key = doc.createNode(e.connection);
        key.commentBefore = e.comment.join('\n');
        map.add(doc.createPair(key, e.value));
    }
    return doc.toString();
}

// EXTERNAL MODULE: ./src/commands/discover.ts
var discover = __webpack_require__(6479);
// EXTERNAL MODULE: ./src/commands/validate.ts
var validate = __webpack_require__(10);
;// CONCATENATED MODULE: ./src/commands/import.ts
/**
 * `import`: turn chosen doors into manifest entries. Reads as discover does, writes only local
 * files (the manifest, policy files under policies/): never AWS. The edited manifest is validated
 * before anything is written; an invalid result is not written at all.
 */






function chosen(d, opts) {
    if (opts.allUndeclared)
        return d.rank !== 'managed' && (d.type === 'role' || d.type === 'user');
    return opts.principals.includes(`${d.type}/${d.name}`);
}
async function runImport(file, opts) {
    const out = { errors: [], findings: [], imported: [], skipped: [], written: [] };
    if (!opts.allUndeclared && opts.principals.length === 0) {
        out.errors.push('say which doors to import: --principal role/NAME (or user/NAME), or --all-undeclared');
        return out;
    }
    const bad = opts.principals.filter((p) => !/^(role|user)\/[\w+=,.@-]+$/.test(p));
    if (bad.length > 0) {
        out.errors.push(`--principal takes role/NAME or user/NAME, not ${bad.map((b) => `"${b}"`).join(', ')}`);
        return out;
    }
    const found = await (0,discover/* runDiscover */.N)(file, opts);
    out.findings = found.findings;
    out.errors.push(...found.errors, ...found.failures.map((f) => `account ${f.account} was not read: ${f.message}`));
    if (!found.discovery || out.errors.length > 0)
        return out;
    const doors = found.discovery.accounts.flatMap((a) => a.doors).filter((d) => chosen(d, opts));
    for (const p of opts.principals) {
        if (!doors.some((d) => `${d.type}/${d.name}` === p))
            out.errors.push(`${p} is not a third-party door in the accounts read (${found.selected.join(', ')}): see iam-connections discover`);
    }
    if (out.errors.length > 0)
        return out;
    const taken = new Set(found.manifest?.connections.map((c) => c.name) ?? []);
    for (const d of doors) {
        const inv = found.inventories.find((i) => i.account === d.account);
        const r = inv ? importDoor(inv, d, taken, opts.now.toISOString()) : { ok: false, door: d, reason: 'not read' };
        if (r.ok)
            out.imported.push(r.entry);
        else
            out.skipped.push({ door: `${d.account}/${d.type}/${d.name}`, reason: r.reason });
    }
    if (out.imported.length === 0)
        return out;
    const path = (0,external_node_path_.resolve)(opts.root, file);
    const folder = (0,external_node_path_.dirname)(path);
    const files = Object.assign({}, ...out.imported.map((e) => e.files));
    const clash = Object.keys(files).filter((f) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(folder, f)));
    if (clash.length > 0) {
        out.errors.push(`not overwriting existing file(s) ${clash.join(', ')}: move them away and rerun`);
        return out;
    }
    const before = (0,external_node_fs_.readFileSync)(path, 'utf8');
    const after = addConnections(before, out.imported);
    for (const [f, text] of Object.entries(files)) {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)((0,external_node_path_.join)(folder, f)), { recursive: true });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(folder, f), text);
        out.written.push(f);
    }
    (0,external_node_fs_.writeFileSync)(path, after);
    const check = (0,validate/* validate */.t)(file, { root: opts.root, env: opts.env });
    if (!check.ok) {
        // Put the manifest back: an import never leaves a manifest that does not validate.
        (0,external_node_fs_.writeFileSync)(path, before);
        out.findings = check.findings;
        out.errors.push('the imported entries do not validate (see the findings); the manifest was left unchanged, the policy files written are listed');
        return out;
    }
    out.findings = check.findings;
    out.written.push(file);
    return out;
}

// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/report/findings-text.ts
var findings_text = __webpack_require__(8188);
// EXTERNAL MODULE: ./src/text/printable.ts
var printable = __webpack_require__(8572);
// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/plan.ts
var plan = __webpack_require__(8943);
;// CONCATENATED MODULE: ./src/cli/import.ts
/** `iam-connections import`: chosen doors into the manifest (local files only; AWS is only read). */








async function cliImport(ctx, values) {
    const { io, manifest } = ctx;
    const opts = (0,plan.planOptions)(ctx, values, 'import');
    if (!opts.ok)
        return 2;
    const state = (0,context/* str */.g)(values, 'state');
    const account = (0,context/* str */.g)(values, 'account');
    const result = await runImport(manifest, {
        ...opts.base,
        ...(account ? { accounts: [account] } : {}),
        principals: ((0,context/* str */.g)(values, 'principal') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
        allUndeclared: values['all-undeclared'] === true,
        reader: state
            ? () => (0,inventory_readers/* snapshotInventoryReader */.a)(state)
            : (0,aws_access/* awsAccess */.S)({ awsRegion: opts.region, audience: 'sts.amazonaws.com', roleToAssume: undefined, githubToken: undefined, mode: 'default-chain' }, io.env, 'plan').reader,
    });
    const loud = result.findings.filter(diagnostics/* isBlocking */.Us);
    if (loud.length > 0)
        io.err(`${(0,findings_text/* renderFindingsText */.uc)(loud)}\n`);
    for (const e of result.errors)
        io.err(`iam-connections import: ${(0,printable/* printable */.g)(e)}\n`);
    for (const e of result.imported)
        io.out(`imported ${e.connection}: ${(0,printable/* printable */.g)(e.comment[0]?.trim() ?? '')}\n`);
    for (const s of result.skipped)
        io.out(`not imported ${s.door}: ${(0,printable/* printable */.g)(s.reason)}\n`);
    for (const e of result.imported.flatMap((x) => x.env))
        io.out(`set ${e.name} to ${e.what}\n`);
    if (result.written.length > 0)
        io.out(`wrote ${result.written.join(', ')}; review the diff, then validate, apply and plan\n`);
    else if (result.errors.length === 0)
        io.out('nothing to import\n');
    return result.errors.length > 0 ? 1 : 0;
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


/***/ })

};
