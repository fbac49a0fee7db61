export const id = 446;
export const ids = [446];
export const modules = {

/***/ 4446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cliValidate: () => (/* binding */ cliValidate)
/* harmony export */ });
/* harmony import */ var _commands_validate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10);
/* harmony import */ var _report_findings_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4733);
/* harmony import */ var _report_findings_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8188);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5217);
/** `iam-connections validate`: the manifest's findings on the terminal, as JSON or as Markdown. */




function cliValidate(ctx, values) {
    const { io, manifest } = ctx;
    const result = (0,_commands_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t)(manifest, { root: (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .g)(values, 'root') ?? io.cwd, env: io.env });
    if (ctx.format === 'json') {
        io.out(`${JSON.stringify({ command: 'validate', ok: result.ok, manifest, findings: result.findings }, null, 2)}\n`);
    }
    else if (ctx.format === 'markdown') {
        io.out((0,_report_findings_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .renderFindingsMarkdown */ .C)(`iam-connections validate: \`${manifest}\` ${result.ok ? 'valid' : 'INVALID'}`, result.findings));
    }
    else {
        const text = (0,_report_findings_text_js__WEBPACK_IMPORTED_MODULE_2__/* .renderFindingsText */ .uc)(result.findings);
        if (text)
            io.out(`${text}\n\n`);
        const verdict = result.ok ? ctx.palette.ok('valid') : ctx.palette.bad('INVALID');
        io.out(`${manifest}: ${verdict} (${(0,_report_findings_text_js__WEBPACK_IMPORTED_MODULE_2__/* .tallyLine */ .f8)((0,_report_findings_text_js__WEBPACK_IMPORTED_MODULE_2__/* .tally */ .N4)(result.findings))})\n`);
    }
    return result.ok ? 0 : 1;
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

/***/ 4733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ renderFindingsMarkdown),
/* harmony export */   k: () => (/* binding */ escapeCell)
/* harmony export */ });
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4851);
/* harmony import */ var _text_printable_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8572);
/* harmony import */ var _findings_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8188);
/** Findings as a Markdown table for the job summary and the report file. */



/** Keeps the job summary far below GitHub's 1 MiB cap, whatever the manifest. */
const MAX_ROWS = 500;
function escapeCell(s) {
    return (0,_text_printable_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g)(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>').replace(/</g, '&lt;');
}
function renderFindingsMarkdown(title, findings) {
    const sorted = (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .sortFindings */ .Tc)(findings);
    const out = [`## ${title}`, '', (0,_findings_text_js__WEBPACK_IMPORTED_MODULE_1__/* .tallyLine */ .f8)((0,_findings_text_js__WEBPACK_IMPORTED_MODULE_1__/* .tally */ .N4)(findings)), ''];
    if (sorted.length === 0)
        return [...out, 'No problems found.', ''].join('\n');
    out.push('| | check | where | message | fix |', '|---|---|---|---|---|');
    for (const f of sorted.slice(0, MAX_ROWS)) {
        const icon = { error: ':x:', risk: ':warning:', warning: ':warning:', notice: ':information_source:', acknowledged: ':white_check_mark:' }[(0,_findings_text_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(f)];
        const fix = f.acknowledged ? `acknowledged: ${f.acknowledged.reason}` : (f.fix ?? '');
        out.push(`| ${icon} ${(0,_findings_text_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(f)} | \`${f.check}\` | \`${escapeCell((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLocation */ .j$)(f.location))}\` | ${escapeCell(f.message)} | ${escapeCell(fix)} |`);
    }
    if (sorted.length > MAX_ROWS)
        out.push('', `…and ${sorted.length - MAX_ROWS} more: run \`iam-connections validate\` locally for the full list.`);
    return [...out, ''].join('\n');
}


/***/ })

};
