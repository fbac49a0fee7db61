export const id = 395;
export const ids = [395];
export const modules = {

/***/ 554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionValidate: () => (/* binding */ actionValidate)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _commands_validate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10);
/* harmony import */ var _commands_matrix_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4693);
/* harmony import */ var _report_findings_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4733);
/* harmony import */ var _report_findings_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8188);
/* harmony import */ var _report_sarif_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5881);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(311);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1433);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3596);









async function actionValidate(inputs, env) {
    const root = env.GITHUB_WORKSPACE || process.cwd();
    const result = (0,_commands_validate_js__WEBPACK_IMPORTED_MODULE_1__/* .validate */ .t)(inputs.manifest, { root, env });
    (0,_findings_js__WEBPACK_IMPORTED_MODULE_6__/* .emitFindings */ .C)(result.findings);
    const markdown = (0,_report_findings_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .renderFindingsMarkdown */ .C)(`iam-connections validate: \`${inputs.manifest}\``, result.findings);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('report', (0,_files_js__WEBPACK_IMPORTED_MODULE_5__/* .writeOutputFile */ .BF)('validate.md', markdown, env));
    const sarif = (0,_report_sarif_js__WEBPACK_IMPORTED_MODULE_4__/* .renderSarif */ .WH)(result.findings, undefined, { toolVersion: _version_js__WEBPACK_IMPORTED_MODULE_7__/* .VERSION */ .x, manifestFile: inputs.manifest, root });
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('sarif', (0,_files_js__WEBPACK_IMPORTED_MODULE_5__/* .writeOutputFile */ .BF)('validate.sarif', `${JSON.stringify(sarif, null, 2)}\n`, env));
    if (result.manifest)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('matrix', JSON.stringify((0,_commands_matrix_js__WEBPACK_IMPORTED_MODULE_8__/* .accountMatrix */ .l)(result.manifest.accounts.map((a) => a.name), inputs.shards)));
    if (env.GITHUB_STEP_SUMMARY)
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(markdown).write();
    const line = (0,_report_findings_text_js__WEBPACK_IMPORTED_MODULE_3__/* .tallyLine */ .f8)((0,_report_findings_text_js__WEBPACK_IMPORTED_MODULE_3__/* .tally */ .N4)(result.findings));
    if (!result.ok) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`iam-connections validate: ${line}.`);
        return 1;
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`iam-connections validate: ${inputs.manifest} is valid (${line}).`);
    return 0;
}


/***/ }),

/***/ 4693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ accountMatrix)
/* harmony export */ });
/** `shards` 0 (the default): one shard per account. */
function accountMatrix(accounts, shards = 0) {
    const n = shards <= 0 ? accounts.length : Math.min(shards, accounts.length);
    const include = [];
    for (let i = 0, start = 0; i < n; i++) {
        const size = Math.floor(accounts.length / n) + (i < accounts.length % n ? 1 : 0);
        include.push({ shard: i + 1, accounts: accounts.slice(start, start + size).join(',') });
        start += size;
    }
    return { include };
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

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** Kept equal to package.json's version by a test (the bundle reads no package.json at run time). */
const VERSION = '0.1.0';


/***/ })

};
