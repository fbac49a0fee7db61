export const id = 319;
export const ids = [319];
export const modules = {

/***/ 5111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Al: () => (/* binding */ keyRecordTags),
/* harmony export */   Dx: () => (/* binding */ maskKeyId),
/* harmony export */   TL: () => (/* binding */ readKeyRecord),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   fU: () => (/* binding */ assessKeys),
/* harmony export */   k7: () => (/* binding */ MAX_KEYS_PER_USER),
/* harmony export */   pI: () => (/* binding */ KEY_CURRENT_TAG),
/* harmony export */   th: () => (/* binding */ KEY_PREVIOUS_TAG),
/* harmony export */   zm: () => (/* binding */ KEY_PENDING_TAG)
/* harmony export */ });
/* unused harmony exports LEFTOVER_MAX_AGE_S, SWITCH_EVIDENCE_MARGIN_S, switchEvidence, lastUseNeeded */
/* harmony import */ var _manifest_tool_tags_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5845);

const KEY_CURRENT_TAG = _manifest_tool_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_TAGS */ .P$.keyCurrent;
const KEY_PREVIOUS_TAG = _manifest_tool_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_TAGS */ .P$.keyPrevious;
const KEY_PENDING_TAG = _manifest_tool_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_TAGS */ .P$.keyPending;
/**
 * An unmarked key younger than this and never used is an interrupted run's leftover: a run
 * marks its new key pending within seconds of CreateAccessKey, and a run's steps take minutes,
 * so an hour separates "a run died right after creating it" from "someone made it by hand";
 * never used means no vendor can depend on it. Anything older or used is kept and reported.
 */
const LEFTOVER_MAX_AGE_S = 3600;
/** IAM's hard limit, inactive keys included. */
const MAX_KEYS_PER_USER = 2;
function parseMark(v) {
    if (v === undefined)
        return undefined;
    const i = v.indexOf('@');
    if (i <= 0)
        return undefined;
    const id = v.slice(0, i);
    const at = v.slice(i + 1);
    return Number.isNaN(Date.parse(at)) ? undefined : { id, at };
}
function readKeyRecord(tags) {
    const record = {};
    const current = parseMark(tags[KEY_CURRENT_TAG]);
    const previous = parseMark(tags[KEY_PREVIOUS_TAG]);
    const pending = parseMark(tags[KEY_PENDING_TAG]);
    if (current)
        record.current = current;
    if (previous)
        record.previous = previous;
    if (pending)
        record.pending = pending;
    return record;
}
function keyRecordTags(record) {
    const tags = {};
    if (record.current)
        tags[KEY_CURRENT_TAG] = `${record.current.id}@${record.current.at}`;
    if (record.previous)
        tags[KEY_PREVIOUS_TAG] = `${record.previous.id}@${record.previous.at}`;
    if (record.pending)
        tags[KEY_PENDING_TAG] = `${record.pending.id}@${record.pending.at}`;
    return tags;
}
/** Access key IDs are not secret, but reports show them as `AKIA…WXYZ` all the same. */
function maskKeyId(id) {
    return id.length <= 8 ? id : `${id.slice(0, 4)}…${id.slice(-4)}`;
}
const DAY = 86400;
/** `90d`, `36h`, `15m`: durations as the manifest writes them. */
function formatDuration(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    if (s >= DAY && s % DAY === 0)
        return `${s / DAY}d`;
    if (s >= DAY)
        return `${Math.floor(s / DAY)}d${Math.floor((s % DAY) / 3600)}h`;
    if (s >= 3600)
        return `${Math.floor(s / 3600)}h`;
    if (s >= 60)
        return `${Math.floor(s / 60)}m`;
    return `${s}s`;
}
function secondsBetween(from, now) {
    return (now.getTime() - Date.parse(from)) / 1000;
}
/**
 * The new key's use counts as evidence that the vendor switched only when it comes this long
 * after the delivery time the record holds. The tool's own verification (GetCallerIdentity with
 * the new key) happens before delivery, so it must never count, whatever the skew between the
 * runner's clock and AWS's (minutes) and however AWS rounds LastUsedDate. The margin only ever
 * keeps the replaced key longer: a vendor that uses its key once a day shows a later use.
 */
const SWITCH_EVIDENCE_MARGIN_S = 15 * 60;
function switchEvidence(current, mark) {
    if (!current || !mark || mark.id !== current.id) {
        return { state: 'not-used', lastUsed: null, deliveredAt: mark?.at ?? '', why: 'the recorded current key no longer exists' };
    }
    if (current.lastUsed === undefined)
        return { state: 'unknown' };
    const deliveredAt = mark.at;
    if (current.status !== 'Active')
        return { state: 'not-used', lastUsed: current.lastUsed, deliveredAt, why: `the new key ${maskKeyId(current.id)} is inactive` };
    if (current.lastUsed !== null && Date.parse(current.lastUsed) > Date.parse(deliveredAt) + SWITCH_EVIDENCE_MARGIN_S * 1000) {
        return { state: 'used', lastUsed: current.lastUsed, deliveredAt };
    }
    return {
        state: 'not-used',
        lastUsed: current.lastUsed,
        deliveredAt,
        why: current.lastUsed === null
            ? `the new key ${maskKeyId(current.id)} has never been used since its delivery at ${deliveredAt}`
            : `the new key ${maskKeyId(current.id)} was last used at ${current.lastUsed}, not after its delivery at ${deliveredAt} (the tool's own verification, made before delivery, does not count)`,
    };
}
/**
 * The replaced key, past its overlap and still active: deactivated only with evidence of the
 * switch (the new key used since delivery) and once unused for requireUnusedFor, or with
 * `force`. Neither last use is guessed: deactivating a key in use cuts the vendor off.
 */
function retirement(previous, current, record, since, input) {
    const { rules, now } = input;
    const old = maskKeyId(previous.id);
    const past = `the replaced access key ${old} is past its overlap of ${formatDuration(rules.overlap)}`;
    if (rules.force) {
        return { kind: 'key-retire', keyId: previous.id, action: 'deactivate', severity: 'medium', security: true, reason: `${past}: deactivate it (force: true, whatever its last use and the new key's)` };
    }
    // Never used: unused since it was created (not "forever": a key handed over an hour ago has
    // been unused for an hour, and the vendor may be about to start).
    const idle = previous.lastUsed === undefined ? undefined : secondsBetween(previous.lastUsed ?? previous.created, now);
    const evidence = switchEvidence(current, record.current);
    const unread = [...(idle === undefined ? [previous.id] : []), ...(evidence.state === 'unknown' && current ? [current.id] : [])];
    if (unread.length > 0) {
        return {
            kind: 'key-retire',
            keyId: previous.id,
            action: 'none',
            severity: 'medium',
            security: true,
            needsLastUsed: true,
            lastUseOf: unread,
            reason: `${past} and is deactivated only once the new key has been used since its delivery and the replaced key unused for ${formatDuration(rules.requireUnusedFor)}, but the last use of ${unread.map(maskKeyId).join(' and ')} was not read: nothing is decided until GetAccessKeyLastUsed answers (rotate reads it and plans again)`,
        };
    }
    const oldUse = previous.lastUsed === null ? 'was never used' : `was last used ${previous.lastUsed} (${formatDuration(idle ?? 0)} ago)`;
    const kept = (reason) => ({ kind: 'key-in-use', keyId: previous.id, action: 'none', severity: 'medium', security: true, reason });
    if (evidence.state !== 'used') {
        return kept(`${past} but ${evidence.state === 'not-used' ? evidence.why : 'the new key was not read'}, so there is no evidence the vendor switched: the replaced key ${oldUse} and stays active until the new key is used (make sure the vendor has the new key, or set force: true)`);
    }
    const newUse = `the new key ${maskKeyId(record.current?.id ?? '')} was used at ${evidence.lastUsed}, after its delivery at ${evidence.deliveredAt}`;
    if ((idle ?? 0) < rules.requireUnusedFor) {
        return kept(`${past}; ${newUse}, but the replaced key was used ${formatDuration(idle ?? 0)} ago (${previous.lastUsed ?? 'never'}): it stays active until unused for ${formatDuration(rules.requireUnusedFor)}; make sure the vendor uses the new key everywhere (or set force: true)`);
    }
    return {
        kind: 'key-retire',
        keyId: previous.id,
        action: 'deactivate',
        severity: 'medium',
        security: true,
        reason: `${past}; ${newUse}, and the replaced key ${oldUse} (requireUnusedFor ${formatDuration(rules.requireUnusedFor)}): deactivate it`,
    };
}
function assessKeys(input) {
    const { keys, rules, now } = input;
    const record = readKeyRecord(input.tags);
    const findings = [];
    const freeSlots = Math.max(0, MAX_KEYS_PER_USER - keys.length);
    const byId = new Map(keys.map((k) => [k.id, k]));
    if (input.temporary && now >= input.temporary.expiresAt) {
        // Expired temporary user: no rotation, no new key; every active key goes off at once.
        for (const k of keys) {
            if (k.status !== 'Active')
                continue;
            findings.push({
                kind: 'key-expired',
                keyId: k.id,
                action: 'deactivate',
                severity: 'high',
                security: true,
                age: secondsBetween(k.created, now),
                reason: `access key ${maskKeyId(k.id)} belongs to a temporary connection that expired at ${input.temporary.expiresAt.toISOString()}: deactivate it now`,
            });
        }
        return { record, freeSlots, findings };
    }
    const current = record.current ? byId.get(record.current.id) : undefined;
    // A record naming one key as both current and previous (tags edited by hand) keeps it current:
    // retiring it would cut off every sink.
    const previous = record.previous && record.previous.id !== current?.id ? byId.get(record.previous.id) : undefined;
    // A pending key that is not the current one: an interrupted rotation, resumed or retired by
    // rotate (src/rotate/lifecycle.ts), never deleted blind. A mark whose key is gone or already
    // current is stale (a run died between the record and removing the mark).
    const pendingMark = record.pending;
    const pending = pendingMark && pendingMark.id !== current?.id ? byId.get(pendingMark.id) : undefined;
    if (pendingMark && pending) {
        findings.push({
            kind: 'key-pending',
            keyId: pending.id,
            action: 'rotate',
            severity: 'high',
            security: false,
            age: secondsBetween(pending.created, now),
            reason: `a rotation was interrupted after creating access key ${maskKeyId(pending.id)} at ${pending.created}: rotate resumes its delivery (from the Secrets Manager version that holds it) or, if it cannot, retires it like a replaced key; it is never deleted while a sink may hold it`,
        });
    }
    else if (pendingMark) {
        findings.push({
            kind: 'key-pending',
            keyId: pendingMark.id,
            action: 'update',
            severity: 'info',
            security: false,
            reason: `the pending mark of access key ${maskKeyId(pendingMark.id)} is stale (the key is ${pendingMark.id === current?.id ? 'already current' : 'gone'}): rotate removes the mark`,
        });
    }
    if (!current && !pending) {
        const others = keys.filter((k) => k.id !== previous?.id);
        // With no record, hand-made keys stand in for the current one (reported below).
        if (record.current !== undefined || others.length === 0) {
            const gone = record.current ? `the recorded access key ${maskKeyId(record.current.id)} no longer exists` : 'the user has no access key yet';
            findings.push({
                kind: 'key-missing',
                action: freeSlots > 0 ? 'create' : 'none',
                severity: record.current ? 'high' : 'medium',
                security: false,
                reason: freeSlots > 0
                    ? `${gone}: create one and deliver it to every sink`
                    : `${gone}, and both key slots are taken: the keys below must be deleted before a new one can be created`,
            });
        }
    }
    if (current) {
        const age = secondsBetween(current.created, now);
        if (current.status !== 'Active') {
            findings.push({
                kind: 'key-inactive',
                keyId: current.id,
                action: 'none',
                severity: 'high',
                security: false,
                age,
                reason: `the delivered access key ${maskKeyId(current.id)} was deactivated outside iam-connections: the vendor cannot sign in; reactivate it or run rotate`,
            });
        }
        else if (age >= rules.rotateAfter + rules.overlap) {
            findings.push({
                kind: 'key-overdue',
                keyId: current.id,
                action: 'rotate',
                severity: 'high',
                security: true,
                age,
                reason: `access key ${maskKeyId(current.id)} is ${formatDuration(age)} old, past rotateAfter (${formatDuration(rules.rotateAfter)}) plus overlap (${formatDuration(rules.overlap)}): rotate it now`,
            });
        }
        else if (age >= rules.rotateAfter) {
            findings.push({
                kind: 'key-due',
                keyId: current.id,
                action: 'rotate',
                severity: 'medium',
                security: false,
                age,
                reason: `access key ${maskKeyId(current.id)} is ${formatDuration(age)} old (rotateAfter ${formatDuration(rules.rotateAfter)}): rotate it`,
            });
        }
        if (current.status === 'Active' && current.lastUsed !== undefined) {
            const idle = current.lastUsed === null ? age : secondsBetween(current.lastUsed, now);
            if (idle >= rules.rotateAfter) {
                findings.push({
                    kind: 'key-unused',
                    keyId: current.id,
                    action: 'none',
                    severity: 'low',
                    security: true,
                    age,
                    reason: `access key ${maskKeyId(current.id)} has ${current.lastUsed === null ? 'never been used' : `not been used for ${formatDuration(idle)}`}: if the vendor no longer needs it, remove the connection`,
                });
            }
        }
    }
    if (previous && record.previous) {
        const since = secondsBetween(record.previous.at, now);
        if (previous.status === 'Active' && since >= rules.overlap) {
            findings.push(retirement(previous, current, record, since, input));
        }
        else if (previous.status === 'Inactive' && since >= rules.overlap + rules.deleteAfter) {
            findings.push({
                kind: 'key-delete',
                keyId: previous.id,
                action: 'delete',
                severity: 'low',
                security: false,
                reason: `the replaced access key ${maskKeyId(previous.id)} has been inactive past deleteAfter (${formatDuration(rules.deleteAfter)}): delete it`,
            });
        }
    }
    const recorded = record.current !== undefined || record.previous !== undefined || pending !== undefined;
    for (const k of keys) {
        if (k.id === current?.id || k.id === previous?.id || k.id === pending?.id)
            continue;
        const age = secondsBetween(k.created, now);
        const remove = `aws iam delete-access-key --user-name ${input.user ?? '<user>'} --access-key-id ${k.id}`;
        if (age < LEFTOVER_MAX_AGE_S && k.lastUsed !== null) {
            if (k.lastUsed === undefined) {
                findings.push({
                    kind: 'key-orphan',
                    keyId: k.id,
                    action: 'none',
                    severity: 'high',
                    security: true,
                    age,
                    needsLastUsed: true,
                    reason: `access key ${maskKeyId(k.id)} is not in the rotation record and is ${formatDuration(age)} old: rotate deletes it only if it was never used (an interrupted run's leftover), which it reads before deciding`,
                });
                continue;
            }
        }
        else if (age < LEFTOVER_MAX_AGE_S) {
            findings.push({
                kind: 'key-orphan',
                keyId: k.id,
                action: 'delete',
                severity: 'medium',
                security: true,
                age,
                reason: `access key ${maskKeyId(k.id)} is not in the rotation record, ${formatDuration(age)} old and never used: the leftover of a run stopped right after CreateAccessKey, before any sink saw it; delete it`,
            });
            continue;
        }
        if (!recorded && keys.length < MAX_KEYS_PER_USER && k.status === 'Active') {
            // A key made before iam-connections managed the user: replaced through a normal rotation
            // (then retired like any replaced key: only once unused), never cut off.
            findings.push({
                kind: 'key-unrecorded',
                keyId: k.id,
                action: 'rotate',
                severity: 'high',
                security: true,
                age,
                reason: `access key ${maskKeyId(k.id)} was not created by iam-connections: rotate replaces it with a recorded key; it is then retired like any replaced key (deactivated only once unused for requireUnusedFor)`,
            });
            continue;
        }
        findings.push({
            kind: 'key-orphan',
            keyId: k.id,
            action: 'none',
            severity: 'high',
            security: true,
            age,
            reason: `access key ${maskKeyId(k.id)} was not created by iam-connections (${formatDuration(age)} old${k.lastUsed === undefined ? '' : k.lastUsed === null ? ', never used' : `, last used ${k.lastUsed}`}): ` +
                `it is kept, since a vendor may depend on it (a break-glass key, say). If nobody needs it, delete it: ${remove}`,
        });
    }
    return { record, freeSlots, findings };
}
/** The keys of an assessment whose decision waits for their last use. */
function lastUseNeeded(assessment) {
    return [...new Set(assessment.findings.flatMap((f) => (f.needsLastUsed === true ? (f.lastUseOf ?? (f.keyId !== undefined ? [f.keyId] : [])) : [])))];
}


/***/ }),

/***/ 8582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ SEVERITY_ORDER),
/* harmony export */   v: () => (/* binding */ compareChanges)
/* harmony export */ });
const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];
/** Most severe first, security-relevant before the rest, then by id: the same input sorts the same. */
function compareChanges(a, b) {
    return (SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
        Number(b.security) - Number(a.security) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}


/***/ }),

/***/ 967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J8: () => (/* binding */ driftState),
/* harmony export */   eh: () => (/* binding */ summarize),
/* harmony export */   qJ: () => (/* binding */ withNotRead),
/* harmony export */   vk: () => (/* binding */ coverage)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8582);

function summarize(changes) {
    const bySeverity = Object.fromEntries(_model_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITY_ORDER */ .B.map((s) => [s, 0]));
    const byKind = {};
    for (const c of changes) {
        bySeverity[c.severity] += 1;
        byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
    }
    const sortedKinds = Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => a.localeCompare(b)));
    return {
        changes: changes.filter((c) => c.action !== 'none').length,
        drift: changes.length > 0,
        total: changes.length,
        withheld: changes.filter((c) => c.withheld !== undefined).length,
        security: changes.filter((c) => c.security).length,
        bySeverity,
        byKind: sortedKinds,
    };
}
/**
 * Records the accounts that were not read. Pure: a new plan. Sorted by account so the same
 * failures give the same plan; one entry per account (its reasons joined).
 */
function withNotRead(plan, failures) {
    if (failures.length === 0) {
        const { notRead: _dropped, ...rest } = plan;
        return rest;
    }
    const byAccount = new Map();
    for (const f of failures)
        byAccount.set(f.account, [...(byAccount.get(f.account) ?? []), f.reason]);
    const notRead = [...byAccount].sort(([a], [b]) => a.localeCompare(b)).map(([account, reasons]) => ({ account, reason: reasons.join('; ') }));
    return { ...plan, notRead };
}
/** What `drift` says: `unknown` while any selected account was not read, whatever the others show. */
function driftState(plan) {
    if (plan.notRead?.length)
        return 'unknown';
    return plan.summary.drift ? 'true' : 'false';
}
/** How many accounts were selected, and which of them were not read. */
function coverage(plan) {
    const notRead = plan.notRead ?? [];
    return { selected: new Set([...plan.accounts.map((a) => a.account), ...notRead.map((n) => n.account)]).size, notRead };
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


/***/ }),

/***/ 9180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ readPart),
/* harmony export */   q: () => (/* binding */ notReadHeadline)
/* harmony export */ });
/* harmony import */ var _plan_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(967);

function notReadHeadline(plan) {
    const { selected, notRead } = (0,_plan_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .coverage */ .vk)(plan);
    if (notRead.length === 0)
        return undefined;
    return { title: `${notRead.length} of ${selected} account${selected === 1 ? '' : 's'} not read`, notRead, read: selected - notRead.length };
}
/** The changes line when some accounts were not read: `counts` covers only those that were. */
function readPart(h, counts) {
    return h.read === 0 ? 'Nothing was read, so nothing is known about drift' : `${counts} in the ${h.read} account${h.read === 1 ? '' : 's'} read`;
}


/***/ }),

/***/ 3491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ orgMarkdown),
/* harmony export */   r: () => (/* binding */ orgAccountSuffix)
/* harmony export */ });
/** `, joined 2026-12-04, OU /workloads` for an organisation account, else ''. */
function orgAccountSuffix(plan, account) {
    const a = plan.organization?.accounts.find((x) => x.account === account);
    if (!a)
        return '';
    return `${a.joined ? `, joined ${a.joined.slice(0, 10)}` : ''}, OU ${a.ou}`;
}
/**
 * Markdown lines: accounts new to the manifest's connections (every change `missing`, so a
 * new account from the factory is easy to spot), and the notes of the organisation read.
 */
function orgMarkdown(plan, escape) {
    const info = plan.organization;
    if (!info)
        return [];
    const fresh = plan.accounts.filter((a) => a.changes.length > 0 && a.changes.every((c) => c.kind === 'missing') && info.accounts.some((x) => x.account === a.account));
    if (!fresh.length && !info.notes.length)
        return [];
    const out = ['### Organisation', ''];
    for (const a of fresh) {
        const o = info.accounts.find((x) => x.account === a.account);
        out.push(`- **${escape(a.account)}** (${a.accountId}, Organizations name "${escape(o.organizationName)}", OU \`${escape(o.ou)}\`${o.joined ? `, joined ${o.joined}` : ''}): nothing provisioned yet, ${a.changes.length} missing`);
    }
    for (const n of info.notes)
        out.push(`- ${escape(n)}`);
    out.push('');
    return out;
}


/***/ }),

/***/ 5925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QW: () => (/* binding */ summaryRows),
/* harmony export */   _9: () => (/* binding */ SEVERITY_ICON),
/* harmony export */   d$: () => (/* binding */ renderPlanMarkdown)
/* harmony export */ });
/* harmony import */ var _findings_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4733);
/* harmony import */ var _not_read_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9180);
/* harmony import */ var _organization_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3491);
/* harmony import */ var _plan_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8495);




const SEVERITY_ICON = {
    critical: ':rotating_light:',
    high: ':red_circle:',
    medium: ':orange_circle:',
    low: ':yellow_circle:',
    info: ':white_circle:',
};
/** Keeps the report well under the job summary's 1 MiB, whatever the plan. */
const MAX_CHANGE_ROWS = 1000;
function bucket(c) {
    if (c.action === 'none')
        return 'reportOnly';
    if (c.action === 'create' || c.action === 'attach' || c.action === 'put')
        return 'creates';
    if (c.action === 'delete' || c.action === 'detach' || c.action === 'remove')
        return 'deletes';
    if (c.action === 'rotate' || c.action === 'deactivate')
        return 'rotations';
    return 'updates';
}
function summaryRows(plan) {
    const rows = new Map();
    for (const a of plan.accounts) {
        for (const c of a.changes) {
            const key = `${a.account}\u0000${c.connection ?? '-'}`;
            const row = rows.get(key) ?? {
                account: a.account,
                connection: c.connection ?? '-',
                counts: { creates: 0, updates: 0, deletes: 0, rotations: 0, reportOnly: 0, risks: 0 },
            };
            row.counts[bucket(c)]++;
            if (c.security)
                row.counts.risks++;
            rows.set(key, row);
        }
    }
    return [...rows.values()];
}
function renderPlanMarkdown(plan, title) {
    const s = plan.summary;
    const unread = (0,_not_read_js__WEBPACK_IMPORTED_MODULE_2__/* .notReadHeadline */ .q)(plan);
    const counts = `**${s.changes} change(s)** to make, ${s.total - s.changes} report-only, **${s.security} security-relevant**${s.withheld ? `, ${s.withheld} withheld by conflicts or missing input` : ''}`;
    const out = [`## ${title}`, ''];
    if (unread) {
        // Unknown is not clean: this leads, and no line below may read as "no drift".
        out.push(`:x: **${unread.title}**: their drift is unknown. As of ${plan.asOf}.`, '', ...unread.notRead.map((n) => `- **${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k)(n.account)}**: ${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k)(n.reason)}`), '', `${(0,_not_read_js__WEBPACK_IMPORTED_MODULE_2__/* .readPart */ .o)(unread, counts)}.`, '');
    }
    else {
        out.push(s.drift ? `${counts}. As of ${plan.asOf}.` : `No drift: the accounts match the manifest. As of ${plan.asOf}.`, '');
    }
    out.push(...(0,_organization_js__WEBPACK_IMPORTED_MODULE_3__/* .orgMarkdown */ .Q)(plan, _findings_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k));
    const rows = summaryRows(plan);
    if (rows.length) {
        out.push('| account | connection | creates | updates | deletes | rotations | report-only | security |', '|---|---|--:|--:|--:|--:|--:|--:|');
        for (const r of rows) {
            const c = r.counts;
            out.push(`| ${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k)(r.account)} | ${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k)(r.connection)} | ${c.creates} | ${c.updates} | ${c.deletes} | ${c.rotations} | ${c.reportOnly} | ${c.risks ? `:warning: ${c.risks}` : 0} |`);
        }
        out.push('');
    }
    const changes = plan.accounts.flatMap((a) => a.changes);
    if (changes.length) {
        out.push('### Changes', '', '| | account | connection | resource | drift | action | why |', '|---|---|---|---|---|---|---|');
        for (const c of changes.slice(0, MAX_CHANGE_ROWS)) {
            out.push(`| ${SEVERITY_ICON[c.severity]} ${c.severity}${c.security ? ' (security)' : ''} | ${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k)(c.account)} | ${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k)(c.connection ?? '-')} | ${c.resource.type} \`${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k)(c.resource.name)}\` | ${c.kind} | ${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k)((0,_plan_text_js__WEBPACK_IMPORTED_MODULE_1__/* .changeVerb */ .s5)(c.action, c.withheld))} | ${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k)(c.reason)} |`);
        }
        if (changes.length > MAX_CHANGE_ROWS)
            out.push('', `…and ${changes.length - MAX_CHANGE_ROWS} more: see the plan JSON (the \`plan\` output).`);
        out.push('');
    }
    const watched = plan.accounts.flatMap((a) => a.watched);
    if (watched.length) {
        out.push('### Vendor-created resources (watched, never changed)', '', '| | account | connection | resource | what it allows |', '|---|---|---|---|---|');
        for (const w of watched) {
            out.push(`| ${SEVERITY_ICON[w.severity]} ${w.severity} | ${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k)(w.account)} | ${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k)(w.connection)} | ${w.resource.type} \`${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k)(w.resource.name)}\` | ${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .k)(w.found ? w.risks.join(' ') || 'no risky grants found' : 'not found in the account')} |`);
        }
        out.push('');
    }
    return out.join('\n');
}


/***/ }),

/***/ 8495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ renderPlanText),
/* harmony export */   s5: () => (/* binding */ changeVerb)
/* harmony export */ });
/* unused harmony exports displayOrder, trustedPrincipals */
/* harmony import */ var _plan_model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8582);
/* harmony import */ var _text_ansi_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8920);
/* harmony import */ var _not_read_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9180);
/* harmony import */ var _organization_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3491);




function changeVerb(action, withheld) {
    if (withheld)
        return `withheld ${withheld.action} (${withheld.by})`;
    return action === 'none' ? 'report only' : action;
}
/** Severity order, except that each change comes right before the first change that needs it. */
function displayOrder(changes) {
    const byId = new Map(changes.map((c) => [c.id, c]));
    const sorted = [...changes].sort(_plan_model_js__WEBPACK_IMPORTED_MODULE_1__/* .compareChanges */ .v);
    const out = [];
    const placed = new Set();
    const place = (c, path) => {
        if (placed.has(c.id) || path.has(c.id))
            return;
        path.add(c.id);
        for (const dep of [...(c.dependsOn ?? [])].map((id) => byId.get(id)).filter((d) => d !== undefined).sort(_plan_model_js__WEBPACK_IMPORTED_MODULE_1__/* .compareChanges */ .v))
            place(dep, path);
        placed.add(c.id);
        out.push(c);
    };
    for (const c of sorted)
        place(c, new Set());
    return out;
}
/** `AWS 432263259397`, `Service ec2.amazonaws.com`, `Federated arn:...`: the trust's principals. */
function trustedPrincipals(trust) {
    const doc = trust;
    const statements = doc?.Statement === undefined ? [] : Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    const out = [];
    for (const s of statements) {
        const p = s.Principal;
        if (typeof p === 'string')
            out.push(p);
        else if (p && typeof p === 'object') {
            for (const [kind, v] of Object.entries(p))
                for (const one of Array.isArray(v) ? v : [v])
                    out.push(`${kind} ${String(one)}`);
        }
    }
    return [...new Set(out)];
}
function externalIdText(after) {
    const x = after.externalId;
    if (!x)
        return 'no external ID required';
    if (x.source?.env)
        return `requires external ID (from env ${x.source.env})`;
    return `requires external ID ${x.placeholder ?? '(from the manifest)'}`;
}
function changeItem(c, p) {
    const lines = [`${c.connection ?? '-'}: ${c.resource.type} ${c.resource.name}: ${c.kind} -> ${changeVerb(c.action, c.withheld)}`, c.reason];
    if (c.resource.type === 'role' && (c.action === 'create' || c.withheld?.action === 'create') && c.after && typeof c.after === 'object') {
        const after = c.after;
        const who = trustedPrincipals(after.trust);
        lines.push(`trusts ${who.length ? who.join(', ') : 'no principal'}; ${externalIdText(after)}`);
    }
    return { severity: c.severity, security: c.security, lines: lines.map((l, i) => (i === 0 ? l : p.dim(l))) };
}
function watchItem(w) {
    const what = w.found ? w.risks.join(' ') || 'found' : 'not found';
    const lines = [`${w.connection}: watched ${w.resource.type} ${w.resource.name}: ${what}`];
    if (w.trust)
        lines.push(`trusted by ${w.trust.principals.map((x) => x.replace(/^(AWS|Service|Federated|CanonicalUser):/, '$1 ')).join(', ') || 'no principal'}; ${w.trust.externalId ? 'requires an external ID' : 'no external ID required'}`);
    return { severity: w.severity, security: w.found && w.risks.length > 0, lines };
}
function renderItem(item, p) {
    const mark = item.security ? '!' : ' ';
    const [head = '', ...rest] = item.lines;
    const tag = p.severity(item.severity, `${mark} [${item.severity}]`);
    return [`  ${tag} ${item.security ? p.bold(head) : head}`, ...rest.map((l) => `      ${l}`)];
}
function renderPlanText(plan, palette = _text_ansi_js__WEBPACK_IMPORTED_MODULE_0__/* .PLAIN */ .tZ) {
    const p = palette;
    const lines = [];
    const unread = (0,_not_read_js__WEBPACK_IMPORTED_MODULE_2__/* .notReadHeadline */ .q)(plan);
    // Unknown is not clean: the unread accounts lead, and no line may read as "no drift" then.
    if (unread) {
        lines.push(p.severity('critical', `${unread.title.toUpperCase()}: their drift is unknown.`));
        for (const n of unread.notRead)
            lines.push(`  ${n.account}: ${n.reason}`);
    }
    for (const a of plan.accounts) {
        const count = a.changes.length + a.watched.length;
        const state = a.changes.length ? `${a.changes.length} item(s)` : unread ? 'nothing to change found' : 'no drift';
        lines.push(p.bold(`${a.account} (${a.accountId}${(0,_organization_js__WEBPACK_IMPORTED_MODULE_3__/* .orgAccountSuffix */ .r)(plan, a.account)}): ${state}${a.watched.length ? `, ${a.watched.length} watched` : ''}`));
        if (count === 0)
            continue;
        // Watched resources take their place by severity; changes keep their dependency order.
        const changes = displayOrder(a.changes).map((c) => changeItem(c, p));
        const watched = [...a.watched].sort((x, y) => _plan_model_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITY_ORDER */ .B.indexOf(x.severity) - _plan_model_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITY_ORDER */ .B.indexOf(y.severity)).map(watchItem);
        const merged = [];
        for (const c of changes) {
            while (watched.length && _plan_model_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITY_ORDER */ .B.indexOf(watched[0].severity) < _plan_model_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITY_ORDER */ .B.indexOf(c.severity))
                merged.push(watched.shift());
            merged.push(c);
        }
        merged.push(...watched);
        for (const item of merged)
            lines.push(...renderItem(item, p));
    }
    const s = plan.summary;
    const counts = `${s.changes} change(s) to make, ${s.total - s.changes} report-only, ${s.security} security-relevant, ${s.withheld} withheld`;
    const summary = unread
        ? `Plan: ${(0,_not_read_js__WEBPACK_IMPORTED_MODULE_2__/* .readPart */ .o)(unread, counts)}; drift: unknown (${unread.title}; as of ${plan.asOf}).`
        : `Plan: ${counts}; drift: ${s.drift ? 'yes' : 'no'} (as of ${plan.asOf}).`;
    lines.push(p.bold(summary));
    return lines.join('\n');
}


/***/ })

};
