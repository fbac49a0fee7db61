export const id = 135;
export const ids = [135];
export const modules = {

/***/ 7135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionDiscover: () => (/* binding */ actionDiscover)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _commands_discover_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6479);
/* harmony import */ var _report_findings_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4733);
/* harmony import */ var _report_findings_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8188);
/* harmony import */ var _report_discover_sarif_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6839);
/* harmony import */ var _report_discover_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7651);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(311);
/* harmony import */ var _aws_access_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1713);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1433);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3596);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7021);
/**
 * `discover` in the action: the same read as plan (planner roles through GitHub OIDC), doors in
 * the log and the job summary, and the outputs `report` (Markdown), `doors` (JSON) and `sarif`.
 * Read-only: it runs on pull requests too. 1 when the manifest is invalid or an account was not read.
 */











async function actionDiscover(inputs, env) {
    const result = await (0,_commands_discover_js__WEBPACK_IMPORTED_MODULE_1__/* .runDiscover */ .N)(inputs.manifest, (0,_plan_js__WEBPACK_IMPORTED_MODULE_9__.planOptions)(inputs, env, (0,_aws_access_js__WEBPACK_IMPORTED_MODULE_6__/* .awsAccess */ .S)(inputs, env, 'plan')));
    (0,_findings_js__WEBPACK_IMPORTED_MODULE_8__/* .emitFindings */ .C)(result.findings);
    for (const e of result.errors)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.error(e);
    const discovery = result.discovery;
    if (!discovery) {
        const markdown = (0,_report_findings_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .renderFindingsMarkdown */ .C)(`iam-connections discover: \`${inputs.manifest}\` is not valid`, result.findings);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('report', (0,_files_js__WEBPACK_IMPORTED_MODULE_7__/* .writeOutputFile */ .BF)('discover.md', markdown, env));
        if (env.GITHUB_STEP_SUMMARY)
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(markdown).write();
        const why = result.errors.length ? result.errors.join('; ') : `${(0,_report_findings_text_js__WEBPACK_IMPORTED_MODULE_3__/* .tallyLine */ .f8)((0,_report_findings_text_js__WEBPACK_IMPORTED_MODULE_3__/* .tally */ .N4)(result.findings))}; nothing was read from AWS`;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`iam-connections discover: ${why}.`);
        return 1;
    }
    for (const f of result.failures)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.error(`account ${f.account} was not read: ${f.message}`);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info((0,_report_discover_text_js__WEBPACK_IMPORTED_MODULE_5__/* .renderDiscoverText */ .Bo)(discovery));
    const root = env.GITHUB_WORKSPACE || process.cwd();
    const markdown = (0,_report_discover_text_js__WEBPACK_IMPORTED_MODULE_5__/* .renderDiscoverMarkdown */ .Tc)(discovery, `iam-connections discover: \`${inputs.manifest}\``);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('report', (0,_files_js__WEBPACK_IMPORTED_MODULE_7__/* .writeOutputFile */ .BF)('discover.md', markdown, env));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('doors', (0,_files_js__WEBPACK_IMPORTED_MODULE_7__/* .writeOutputFile */ .BF)('doors.json', `${JSON.stringify(discovery, null, 2)}\n`, env));
    const sarif = (0,_report_discover_sarif_js__WEBPACK_IMPORTED_MODULE_4__/* .renderDiscoverSarif */ .H)(discovery, { toolVersion: _version_js__WEBPACK_IMPORTED_MODULE_10__/* .VERSION */ .x, manifestFile: inputs.manifest, root });
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('sarif', (0,_files_js__WEBPACK_IMPORTED_MODULE_7__/* .writeOutputFile */ .BF)('discover.sarif', `${JSON.stringify(sarif, null, 2)}\n`, env));
    if (env.GITHUB_STEP_SUMMARY)
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(markdown).write();
    if (result.failures.length > 0) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`iam-connections discover: ${result.failures.length} account(s) were not read (${result.failures.map((f) => f.account).join(', ')}), so their doors are unknown.`);
        return 1;
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`iam-connections discover: ${discovery.summary.doors} door(s), ${discovery.summary.undeclared} not declared.`);
    return 0;
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
