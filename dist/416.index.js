export const id = 416;
export const ids = [416];
export const modules = {

/***/ 6614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dl: () => (/* binding */ classifyApplyError),
/* harmony export */   I0: () => (/* binding */ isNoSuchEntity),
/* harmony export */   _m: () => (/* binding */ isCode),
/* harmony export */   nK: () => (/* binding */ stepFailure),
/* harmony export */   uF: () => (/* binding */ awsCall),
/* harmony export */   zg: () => (/* binding */ StepError)
/* harmony export */ });
/* harmony import */ var _aws_error_advice_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9944);
/* harmony import */ var _aws_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2495);


/** A step that could not be carried out; `message` says what, where and how to fix it. */
class StepError extends Error {
    code;
    /** A name clash with a resource that is not ours: stops the rest of the connection. */
    conflict;
    constructor(message, opts = {}) {
        super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
        this.name = 'StepError';
        this.code = opts.code;
        this.conflict = opts.conflict === true;
    }
}
const CONSISTENCY_CODES = new Set(['EntityTemporarilyUnmodifiable', 'EntityTemporarilyUnmodifiableException', 'ConcurrentModification', 'ConcurrentModificationException']);
/** The retry classification of the executor: withRetry's, plus eventual consistency inside the create-time window. */
function classifyApplyError(err, recency) {
    const r = typeof recency === 'boolean' ? { recentlyCreated: recency, principalsCreated: recency } : recency;
    const base = (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyAwsError */ .u3)(err);
    if (base !== 'fatal')
        return base;
    const code = (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(err) ?? '';
    if (CONSISTENCY_CODES.has(code))
        return 'consistency';
    if ((0,_aws_error_advice_js__WEBPACK_IMPORTED_MODULE_0__/* .isInvalidPrincipal */ .eB)(err))
        return r.principalsCreated || r.recentlyCreated ? 'consistency' : 'fatal';
    if (r.recentlyCreated && isNoSuchEntity(err))
        return 'consistency';
    return 'fatal';
}
function isNoSuchEntity(err) {
    const c = (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(err);
    return c === 'NoSuchEntity' || c === 'NoSuchEntityException';
}
function isCode(err, ...codes) {
    const c = (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(err);
    return c !== undefined && codes.some((x) => c === x || c === `${x}Exception`);
}
/**
 * One AWS call with the executor's retries. `action` is the IAM/S3 permission (`iam:CreateUser`)
 * and `resource` the ARN (or name) it acts on: both go into the message of a denial.
 * Errors other than denial and exhaustion are rethrown as is, for the step to interpret
 * (EntityAlreadyExists, NoSuchEntity...).
 */
async function awsCall(ctx, action, resource, fn, opts = {}) {
    const recentlyCreated = opts.recentlyCreated === true;
    const principalsCreated = [...ctx.created].some((k) => k.startsWith('user:') || k.startsWith('role:'));
    try {
        return await (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(fn, {
            ...ctx.retry,
            label: `${action} on ${resource}`,
            classify: (err) => (opts.permanent?.(err) === true ? 'fatal' : classifyApplyError(err, { recentlyCreated, principalsCreated })),
            onRetry: (info) => {
                ctx.retry.onRetry?.(info);
                if ((info.errorClass === 'transient' || info.errorClass === 'consistency') && info.code !== undefined) {
                    ctx.log(`${ctx.account}: ${action} on ${resource}: ${info.code}, retrying in ${info.delayMs} ms (attempt ${info.attempt})`);
                }
            },
        });
    }
    catch (err) {
        if (err instanceof _aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .RetriesExhaustedError */ .i5) {
            throw new StepError(err.message, {
                code: (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(err.cause),
                cause: err,
            });
        }
        if ((0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyAwsError */ .u3)(err) === 'denied') {
            throw new StepError(`the iam-connections role in account "${ctx.account}" needs ${action} on ${resource} (AWS said: ${(0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .errorSummary */ .N5)(err)}). ` +
                'Grant it in the reconciler role\'s policy (scoped to the connections path if you like), then rerun apply.', { code: (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(err), cause: err });
        }
        const advice = (0,_aws_error_advice_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorAdvice */ .Wc)(err, action);
        if (advice !== undefined)
            throw new StepError(`${action} on ${resource} failed: ${(0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .errorSummary */ .N5)(err)}; ${advice}`, { code: (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(err), cause: err });
        throw err;
    }
}
/** Wraps an unexpected AWS error of a step into a StepError saying which step and resource. */
function stepFailure(what, err, hint = '') {
    if (err instanceof StepError)
        return err;
    return new StepError(`${what} failed: ${(0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .errorSummary */ .N5)(err)}${hint ? `. ${hint}` : ''}`, { code: (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(err), cause: err });
}


/***/ }),

/***/ 1600:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vY: () => (/* binding */ executePlan),
  IM: () => (/* binding */ summarizeApply)
});

// UNUSED EXPORTS: runConcurrently

// EXTERNAL MODULE: ./src/aws/retry.ts
var retry = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/apply/call.ts
var call = __webpack_require__(6614);
;// CONCATENATED MODULE: ./src/apply/order.ts
/** Rank of a change: lower runs first when dependencies allow. */
function phaseOf(c) {
    const t = c.resource.type;
    switch (c.action) {
        case 'tag':
            return c.kind === 'adopt' ? 0 : 20;
        case 'create':
            if (t === 'policy')
                return 10;
            if (t === 'role')
                return 11;
            if (t === 'user')
                return 12;
            if (t === 'bucket')
                return 13;
            return 40; // access keys: after everything the user needs
        case 'update':
            return t === 'bucket-policy' ? 22 : 21;
        case 'attach':
        case 'put':
            return 30;
        case 'rotate':
        case 'deactivate':
            return 40;
        case 'detach':
        case 'remove':
            return 50;
        case 'delete':
            if (t === 'user' || t === 'role')
                return 60;
            if (t === 'policy')
                return 70;
            return 50;
        default:
            return 80;
    }
}
/** Whether the executor acts on this change at all. */
function isExecutable(c) {
    return c.action !== 'none';
}
/**
 * Executable changes in execution order. Kahn's algorithm, taking at each step the ready change
 * with the lowest (phase, position in the plan); dependencies on changes that are not executable
 * or not in the list do not hold a change back (the executor decides whether to skip it). A cycle
 * (a defect in the plan) is broken by phase order rather than dropping changes.
 */
function orderChanges(changes) {
    const list = changes.filter(isExecutable);
    const index = new Map(list.map((c, i) => [c.id, i]));
    const key = (i) => [phaseOf(list[i]), i];
    const less = (a, b) => {
        const [pa, ia] = key(a);
        const [pb, ib] = key(b);
        return pa < pb || (pa === pb && ia < ib);
    };
    const waiting = list.map((c) => new Set((c.dependsOn ?? []).map((d) => index.get(d)).filter((d) => d !== undefined && d !== index.get(c.id))));
    const dependents = list.map(() => []);
    waiting.forEach((deps, i) => deps.forEach((d) => dependents[d]?.push(i)));
    const done = new Set();
    const out = [];
    while (out.length < list.length) {
        let pick;
        for (let i = 0; i < list.length; i++) {
            if (done.has(i) || (waiting[i]?.size ?? 0) > 0)
                continue;
            if (pick === undefined || less(i, pick))
                pick = i;
        }
        if (pick === undefined) {
            // A cycle: release the lowest-ranked change still waiting.
            for (let i = 0; i < list.length; i++)
                if (!done.has(i) && (pick === undefined || less(i, pick)))
                    pick = i;
        }
        const p = pick;
        done.add(p);
        out.push(list[p]);
        for (const d of dependents[p] ?? [])
            waiting[d]?.delete(p);
    }
    return out;
}
/** `user/<name>` or `role/<name>` for a change on something hanging off a principal. */
function principalKey(c) {
    const f = (c.after ?? c.before);
    if (typeof f !== 'object' || f === null)
        return undefined;
    return typeof f.principalType === 'string' && typeof f.principal === 'string' ? `${f.principalType}/${f.principal}` : undefined;
}
const isGrant = (c) => (c.resource.type === 'attachment' && c.action === 'attach') || (c.resource.type === 'inline-policy' && c.action === 'put');
const isRemoval = (c) => (c.resource.type === 'attachment' && c.action === 'detach') || (c.resource.type === 'inline-policy' && c.action === 'delete');
/**
 * The plan's changes with make-before-break dependencies added: every removal of a grant from a
 * principal that stays depends on every new grant to the same principal, since the plan cannot tell
 * which one replaces it. Exception: a critical removal (an administrator policy on an integration
 * principal) is never held back, because keeping that grant is worse than any outage it causes.
 */
function makeBeforeBreak(changes) {
    const grants = new Map();
    for (const c of changes) {
        const key = principalKey(c);
        if (key !== undefined && isGrant(c) && isExecutable(c))
            grants.set(key, [...(grants.get(key) ?? []), c.id]);
    }
    return changes.map((c) => {
        const key = principalKey(c);
        const needs = key !== undefined && isRemoval(c) && c.severity !== 'critical' ? (grants.get(key) ?? []) : [];
        if (needs.length === 0)
            return c;
        return { ...c, dependsOn: [...new Set([...(c.dependsOn ?? []), ...needs])] };
    });
}
const lastSegment = (name) => name.slice(name.lastIndexOf('/') + 1);
/** "kept X attached: attaching Y failed: why", for a removal held back by its replacement. */
function keptMessage(c, dep) {
    const kept = c.resource.type === 'attachment' ? `kept ${lastSegment(c.resource.name)} attached` : `kept inline policy ${lastSegment(c.resource.name)}`;
    const doing = dep.resource?.type === 'attachment' ? 'attaching' : 'putting inline policy';
    const what = `${doing} ${lastSegment(dep.resource?.name ?? '?')}`;
    const why = dep.status === 'failed' ? `failed: ${dep.message ?? 'see its own line'}` : `was not run: ${(dep.message ?? 'see its own line').replace(/^not run: /, '')}`;
    return `${kept}: ${what} ${why}`;
}
/**
 * Why `c` must not run given the outcome of the changes before it (a sentence for the report), or
 * undefined when it may: a dependency that failed or was skipped holds back everything that depends on it.
 */
function blockedBy(c, outcomes) {
    for (const d of c.dependsOn ?? []) {
        const o = outcomes.get(d);
        if (o === undefined || o.status === 'done')
            continue;
        if (isRemoval(c) && o.action !== undefined && o.resource !== undefined && isGrant({ ...c, action: o.action, resource: o.resource }))
            return keptMessage(c, o);
        return `not run: it depends on ${d}, which ${o.status === 'failed' ? 'failed' : 'was skipped'}`;
    }
    return undefined;
}
/**
 * One trust update per role: a role's trust must go from the live document to the final one in a
 * single UpdateAssumeRolePolicy, never through an intermediate (possibly weaker) document. Role
 * updates carrying the same trust are merged into the first (the others keep their other fields);
 * different trust documents for one role are a defect of the plan: `conflicts` names them, and the
 * executor refuses them before any write.
 */
function mergeTrustUpdates(changes) {
    const first = new Map();
    const conflicts = new Map();
    const out = changes.map((c) => {
        const after = c.after;
        if (c.resource.type !== 'role' || c.action !== 'update' || after?.trust === undefined)
            return c;
        const key = c.resource.name.toLowerCase();
        const seen = first.get(key);
        if (seen === undefined) {
            first.set(key, c);
            return c;
        }
        if (JSON.stringify(seen.after.trust) !== JSON.stringify(after.trust)) {
            const why = `changes ${seen.id} and ${c.id} set different trust documents for role ${c.resource.name}; a trust changes in one update with its final document: run plan again`;
            conflicts.set(seen.id, why);
            conflicts.set(c.id, why);
            return c;
        }
        const { trust: _same, externalId: _bound, ...rest } = after;
        return { ...c, after: rest };
    });
    return { changes: out, conflicts };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./src/aws/policy-decode.ts
var policy_decode = __webpack_require__(2042);
// EXTERNAL MODULE: ./src/aws/error-advice.ts
var error_advice = __webpack_require__(9944);
// EXTERNAL MODULE: ./src/plan/bucket-policy.ts
var bucket_policy = __webpack_require__(9492);
;// CONCATENATED MODULE: ./src/apply/bucket.ts
/**
 * The billing bucket of seed 004 (Cloudyn): it must exist, and its policy must hold the
 * statements the preset needs, merged into whatever the bucket policy already says. A bucket
 * policy is one document shared with everyone else who uses the bucket, so we replace only the
 * statements whose Sid is ours and keep every other statement as it is. A bucket with its own
 * region (billingBucket.region) is read, created and written with a client of that region.
 */






/** The step's context with `s3` bound to the bucket's region, when the manifest names one. */
function inRegion(ctx, region) {
    return region !== undefined && ctx.s3For !== undefined ? { ...ctx, s3: ctx.s3For(region) } : ctx;
}
/** A 301 (the bucket lives in another region) becomes the region to set in the manifest. */
async function regionChecked(ctx, name, fn) {
    try {
        return await fn();
    }
    catch (err) {
        if (!(0,error_advice/* isWrongBucketRegion */.GQ)(err))
            throw err;
        throw new call/* StepError */.zg(`bucket ${name}: ${(0,retry/* errorSummary */.N5)(err)}; ${(0,error_advice/* wrongRegionAdvice */.gI)(name, err, await ctx.s3.config.region())}, then rerun plan and apply`, { code: (0,retry/* errorCode */.CA)(err), cause: err });
    }
}
async function readPolicy(ctx, name) {
    try {
        const out = await regionChecked(ctx, name, () => (0,call/* awsCall */.uF)(ctx, 's3:GetBucketPolicy', `arn:aws:s3:::${name}`, () => ctx.s3.send(new dist_cjs/* GetBucketPolicyCommand */.mCJ({ Bucket: name }))));
        return out.Policy === undefined ? undefined : (0,policy_decode/* decodePolicyDocument */.a)(out.Policy, `bucket ${name}`);
    }
    catch (err) {
        if ((0,retry/* errorCode */.CA)(err) === 'NoSuchBucketPolicy')
            return undefined;
        throw err;
    }
}
/** Reads the live policy, merges ours in, writes it back (only when something changes). */
async function putMergedBucketPolicy(ctx, name, desired) {
    const live = await readPolicy(ctx, name);
    const merged = (0,bucket_policy/* mergeBucketPolicy */.Z)(live, desired);
    if (live !== undefined && JSON.stringify(merged) === JSON.stringify(live))
        return 'unchanged';
    await regionChecked(ctx, name, () => (0,call/* awsCall */.uF)(ctx, 's3:PutBucketPolicy', `arn:aws:s3:::${name}`, () => ctx.s3.send(new dist_cjs/* PutBucketPolicyCommand */.BfN({ Bucket: name, Policy: JSON.stringify(merged) }))));
    return 'changed';
}
async function createBucket(ctx, name, region) {
    const where = region ?? (await ctx.s3.config.region());
    try {
        await regionChecked(ctx, name, () => (0,call/* awsCall */.uF)(ctx, 's3:CreateBucket', `arn:aws:s3:::${name}`, () => ctx.s3.send(new dist_cjs/* CreateBucketCommand */.cZX({
            Bucket: name,
            // us-east-1 is the one region that must not be named.
            ...(where === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: where } }),
        }))));
        return 'created';
    }
    catch (err) {
        const code = (0,retry/* errorCode */.CA)(err);
        if (code === 'BucketAlreadyOwnedByYou')
            return 'existed';
        if (code === 'BucketAlreadyExists') {
            throw new call/* StepError */.zg(`bucket ${name} already exists in another AWS account (bucket names are global): choose another billingBucket name in the manifest`, { code, conflict: true, cause: err });
        }
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/apply/plan-data.ts

function malformed(c, where, what) {
    return new call/* StepError */.zg(`change ${c.id}: ${where}.${what} is missing or of the wrong type; the plan is malformed or was written by another version of iam-connections. Run plan again and apply that plan.`, { code: 'MalformedPlan' });
}
function section(c, where) {
    const v = c[where];
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw malformed(c, where, '(object)');
    return v;
}
/** `after` when the change has one, else `before` (deletes describe their target in `before`). */
function target(c) {
    if (typeof c.after === 'object' && c.after !== null)
        return { fields: c.after, where: 'after' };
    return { fields: section(c, 'before'), where: 'before' };
}
function str(c, f, where, key) {
    const v = f[key];
    if (typeof v !== 'string' || v === '')
        throw malformed(c, where, key);
    return v;
}
function optStr(c, f, where, key) {
    const v = f[key];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'string')
        throw malformed(c, where, key);
    return v;
}
function optNum(c, f, where, key) {
    const v = f[key];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v))
        throw malformed(c, where, key);
    return v;
}
function strRecord(c, f, where, key) {
    const v = f[key];
    if (v === undefined)
        return {};
    if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.values(v).some((x) => typeof x !== 'string'))
        throw malformed(c, where, key);
    return v;
}
function doc(c, f, where, key) {
    const v = f[key];
    if (typeof v !== 'object' || v === null)
        throw malformed(c, where, key);
    return v;
}
function principalType(c, f, where) {
    const v = f.principalType;
    if (v !== 'user' && v !== 'role')
        throw malformed(c, where, 'principalType');
    return v;
}
function tagList(tags) {
    return Object.keys(tags)
        .sort()
        .map((Key) => ({ Key, Value: tags[Key] ?? '' }));
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var client_iam_dist_cjs = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/policy/managed-policies.ts + 3 modules
var managed_policies = __webpack_require__(7923);
// EXTERNAL MODULE: ./src/manifest/model.ts
var model = __webpack_require__(5848);
// EXTERNAL MODULE: ./src/plan/policy-owner.ts
var policy_owner = __webpack_require__(4583);
;// CONCATENATED MODULE: ./src/apply/ownership.ts
/**
 * The executor's last check before it changes or deletes anything on a principal or policy:
 * the live owner tag. The plan already decided, but a plan can be stale (someone tagged or
 * replaced a resource since), and deleting what is not ours is the one mistake we cannot undo.
 */




function ownerIn(tags) {
    return tags?.find((t) => t.Key === model/* OWNER_TAG */.FX)?.Value ?? null;
}
async function allTags(ctx, kind, id) {
    const tags = [];
    let marker;
    do {
        const out = kind === 'user'
            ? await (0,call/* awsCall */.uF)(ctx, 'iam:ListUserTags', id, () => ctx.iam.send(new client_iam_dist_cjs/* ListUserTagsCommand */.K8S({ UserName: id, Marker: marker })))
            : kind === 'role'
                ? await (0,call/* awsCall */.uF)(ctx, 'iam:ListRoleTags', id, () => ctx.iam.send(new client_iam_dist_cjs/* ListRoleTagsCommand */.DP4({ RoleName: id, Marker: marker })))
                : await (0,call/* awsCall */.uF)(ctx, 'iam:ListPolicyTags', id, () => ctx.iam.send(new client_iam_dist_cjs/* ListPolicyTagsCommand */.T4B({ PolicyArn: id, Marker: marker })));
        tags.push(...(out.Tags ?? []));
        marker = out.IsTruncated === true ? out.Marker : undefined;
    } while (marker !== undefined);
    return tags;
}
/**
 * The live owner of a user/role (by name) or policy (by ARN): the connection its owner tag
 * names (for policies, else the Description marker), null when it has none, 'gone' when it
 * does not exist. Cached for the run; steps that tag or create update the cache.
 */
async function liveOwner(ctx, kind, id) {
    const key = `${kind}:${id}`;
    if (ctx.owners.has(key))
        return ctx.owners.get(key) ?? null;
    let owner;
    try {
        owner = ownerIn(await allTags(ctx, kind, id));
        if (owner === null && kind === 'policy') {
            const out = await (0,call/* awsCall */.uF)(ctx, 'iam:GetPolicy', id, () => ctx.iam.send(new client_iam_dist_cjs/* GetPolicyCommand */.s4W({ PolicyArn: id })));
            owner = (0,policy_owner/* ownerFromDescription */.ef)(out.Policy?.Description) ?? null;
        }
    }
    catch (err) {
        if ((0,call/* isNoSuchEntity */.I0)(err))
            return 'gone';
        throw err;
    }
    ctx.owners.set(key, owner);
    return owner;
}
function noteOwner(ctx, kind, id, owner) {
    ctx.owners.set(`${kind}:${id}`, owner);
}
/**
 * Refuses (StepError) unless the resource carries `connection`'s owner tag. Returns 'gone'
 * when it no longer exists, so a delete can count as done.
 */
async function requireOurs(ctx, kind, id, connection, doing) {
    const owner = await liveOwner(ctx, kind, id);
    if (owner === 'gone')
        return 'gone';
    if (connection !== undefined && owner === connection)
        return 'ours';
    const holder = owner === null ? 'has no iam-connections owner tag' : `is tagged for connection "${owner}"`;
    throw new call/* StepError */.zg(`refused to ${doing}: ${kind} ${id} ${holder}, and iam-connections never changes what it does not own` +
        `${connection !== undefined ? ` (the change belongs to connection "${connection}")` : ''}. ` +
        'The account changed since the plan was made: run plan again; to take the resource over, set adopt: true on the connection.', { code: 'NotOwned', conflict: true });
}

;// CONCATENATED MODULE: ./src/apply/steps/kit.ts



const done = (note) => (note === undefined ? { status: 'done' } : { status: 'done', note });
function connectionOf(c) {
    if (c.connection === undefined) {
        throw new call/* StepError */.zg(`change ${c.id} names no connection, so the executor cannot tag what it creates; run plan again`, { code: 'MalformedPlan' });
    }
    return c.connection;
}
function alreadyExists(err) {
    return (0,call/* isCode */._m)(err, 'EntityAlreadyExists');
}
async function claimExisting(ctx, kind, id, connection, err) {
    const owner = await liveOwner(ctx, kind, id);
    if (owner === connection)
        return done(`${kind} already existed with the owner tag of ${connection}`);
    const holder = owner === 'gone' ? 'was reported to exist but cannot be read' : owner === null ? 'has no iam-connections owner tag' : `is tagged for connection "${owner}"`;
    throw new call/* StepError */.zg(`conflict: ${kind} ${id} already exists and ${holder}; iam-connections never changes resources it does not own. Rename it in the manifest, or set adopt: true on connection ${connection} to take it over`, { code: 'EntityAlreadyExists', conflict: true, cause: err });
}
/** Steps on something hanging off a principal that stays (attachments, inline, boundary). */
function onPrincipal(c, where, f, doing, fn) {
    const type = principalType(c, f, where);
    const name = str(c, f, where, 'principal');
    const connection = connectionOf(c);
    return {
        async run(ctx) {
            if ((await requireOurs(ctx, type, name, connection, `${doing} (${type} ${name})`)) === 'gone') {
                throw new call/* StepError */.zg(`${type} ${name} does not exist (any more); run plan again`, { code: 'NoSuchEntity' });
            }
            return fn(ctx, type, name, ctx.created.has(`${type}:${name}`));
        },
    };
}
/** Steps on a user that stays: its keys, console password, groups. */
function onUser(c, doing, fn) {
    const { fields: f, where } = target(c);
    const user = str(c, f, where, 'user');
    const connection = connectionOf(c);
    return {
        async run(ctx) {
            if ((await requireOurs(ctx, 'user', user, connection, `${doing} of user ${user}`)) === 'gone')
                return done(`user ${user} no longer exists`);
            return fn(ctx, user);
        },
    };
}
function unsupported(c) {
    throw new call/* StepError */.zg(`change ${c.id}: the executor has no step for ${c.action} on ${c.resource.type}; this is a defect, please report it with the plan file`, { code: 'Unsupported' });
}

;// CONCATENATED MODULE: ./src/apply/steps/attachment.ts
/** What hangs off a principal that stays: managed policy attachments, inline policies, boundary. */






/** The name IAM shows for a policy ARN: what follows the last slash. */
const policyName = (arn) => arn.slice(arn.lastIndexOf('/') + 1);
/**
 * NoSuchEntity naming the policy (not the principal) is permanent unless this run created the
 * policy: "Policy arn:... does not exist or is not attachable". Retrying it only delays the failure.
 */
function policyIsMissing(err, policyArn, createdNow) {
    if (createdNow || !(0,call/* isNoSuchEntity */.I0)(err))
        return false;
    const m = err.message;
    return typeof m === 'string' && m.includes(policyArn);
}
/** What to do about a policy IAM says does not exist, by what the offline managed-policy table knows. */
function missingPolicyFix(policyArn) {
    if (!policyArn.includes(':iam::aws:policy/'))
        return 'create it first or fix the ARN in the manifest, then rerun';
    if ((0,managed_policies/* isKnownManagedPolicy */.vC)(policyArn)) {
        return `AWS publishes ${policyName(policyArn)}, but this account's IAM does not offer it (another partition, or retired since): choose another managed policy in the manifest, then rerun`;
    }
    const guess = (0,managed_policies/* suggestManagedPolicy */.ii)(policyArn);
    return `no AWS managed policy is named ${policyName(policyArn)}${guess !== undefined ? ` (did you mean ${guess}?)` : ''}; fix it under managedPolicies in the manifest (\`validate\` checks it), then rerun`;
}
function attach(c) {
    const f = section(c, 'after');
    const policyArn = str(c, f, 'after', 'policyArn');
    return onPrincipal(c, 'after', f, `attach ${policyArn}`, async (ctx, type, name, recent) => {
        const policyCreated = ctx.created.has(`policy:${policyArn}`);
        const opts = { recentlyCreated: recent || policyCreated, permanent: (err) => policyIsMissing(err, policyArn, policyCreated) };
        try {
            if (type === 'user') {
                await (0,call/* awsCall */.uF)(ctx, 'iam:AttachUserPolicy', policyArn, () => ctx.iam.send(new client_iam_dist_cjs/* AttachUserPolicyCommand */.sGv({ UserName: name, PolicyArn: policyArn })), opts);
            }
            else {
                await (0,call/* awsCall */.uF)(ctx, 'iam:AttachRolePolicy', policyArn, () => ctx.iam.send(new client_iam_dist_cjs/* AttachRolePolicyCommand */.XgU({ RoleName: name, PolicyArn: policyArn })), opts);
            }
        }
        catch (err) {
            if (!policyIsMissing(err, policyArn, policyCreated))
                throw err;
            throw new call/* StepError */.zg(`policy ${policyArn} does not exist or cannot be attached (AWS said: ${(0,retry/* errorSummary */.N5)(err)}): ${missingPolicyFix(policyArn)}`, { code: 'NoSuchEntity', cause: err });
        }
        return done();
    });
}
function detach(c) {
    const { fields: f, where } = target(c);
    const policyArn = str(c, f, where, 'policyArn');
    return onPrincipal(c, where, f, `detach ${policyArn}`, async (ctx, type, name) => {
        try {
            if (type === 'user')
                await (0,call/* awsCall */.uF)(ctx, 'iam:DetachUserPolicy', policyArn, () => ctx.iam.send(new client_iam_dist_cjs/* DetachUserPolicyCommand */.mC4({ UserName: name, PolicyArn: policyArn })));
            else
                await (0,call/* awsCall */.uF)(ctx, 'iam:DetachRolePolicy', policyArn, () => ctx.iam.send(new client_iam_dist_cjs/* DetachRolePolicyCommand */.BA7({ RoleName: name, PolicyArn: policyArn })));
        }
        catch (err) {
            if ((0,call/* isNoSuchEntity */.I0)(err))
                return done('already detached');
            throw err;
        }
        return done();
    });
}
function putInline(c) {
    const f = section(c, 'after');
    const policyName = str(c, f, 'after', 'name');
    const document = JSON.stringify(doc(c, f, 'after', 'document'));
    return onPrincipal(c, 'after', f, `put inline policy ${policyName}`, async (ctx, type, name, recentlyCreated) => {
        const arn = c.resource.name;
        if (type === 'user')
            await (0,call/* awsCall */.uF)(ctx, 'iam:PutUserPolicy', arn, () => ctx.iam.send(new client_iam_dist_cjs/* PutUserPolicyCommand */.CkV({ UserName: name, PolicyName: policyName, PolicyDocument: document })), { recentlyCreated });
        else
            await (0,call/* awsCall */.uF)(ctx, 'iam:PutRolePolicy', arn, () => ctx.iam.send(new client_iam_dist_cjs/* PutRolePolicyCommand */.pMt({ RoleName: name, PolicyName: policyName, PolicyDocument: document })), { recentlyCreated });
        return done();
    });
}
function deleteInline(c) {
    const { fields: f, where } = target(c);
    const policyName = str(c, f, where, 'name');
    return onPrincipal(c, where, f, `delete inline policy ${policyName}`, async (ctx, type, name) => {
        try {
            if (type === 'user')
                await (0,call/* awsCall */.uF)(ctx, 'iam:DeleteUserPolicy', c.resource.name, () => ctx.iam.send(new client_iam_dist_cjs/* DeleteUserPolicyCommand */.QJ2({ UserName: name, PolicyName: policyName })));
            else
                await (0,call/* awsCall */.uF)(ctx, 'iam:DeleteRolePolicy', c.resource.name, () => ctx.iam.send(new client_iam_dist_cjs/* DeleteRolePolicyCommand */.Tt({ RoleName: name, PolicyName: policyName })));
        }
        catch (err) {
            if ((0,call/* isNoSuchEntity */.I0)(err))
                return done('already deleted');
            throw err;
        }
        return done();
    });
}
function boundary(c) {
    const f = section(c, 'after');
    const arn = optStr(c, f, 'after', 'arn');
    return onPrincipal(c, 'after', f, arn ? `set permissions boundary ${arn}` : 'remove the permissions boundary', async (ctx, type, name) => {
        if (arn !== undefined) {
            if (type === 'user')
                await (0,call/* awsCall */.uF)(ctx, 'iam:PutUserPermissionsBoundary', name, () => ctx.iam.send(new client_iam_dist_cjs/* PutUserPermissionsBoundaryCommand */.YqB({ UserName: name, PermissionsBoundary: arn })));
            else
                await (0,call/* awsCall */.uF)(ctx, 'iam:PutRolePermissionsBoundary', name, () => ctx.iam.send(new client_iam_dist_cjs/* PutRolePermissionsBoundaryCommand */.fly({ RoleName: name, PermissionsBoundary: arn })));
            return done();
        }
        try {
            if (type === 'user')
                await (0,call/* awsCall */.uF)(ctx, 'iam:DeleteUserPermissionsBoundary', name, () => ctx.iam.send(new client_iam_dist_cjs/* DeleteUserPermissionsBoundaryCommand */.k2n({ UserName: name })));
            else
                await (0,call/* awsCall */.uF)(ctx, 'iam:DeleteRolePermissionsBoundary', name, () => ctx.iam.send(new client_iam_dist_cjs/* DeleteRolePermissionsBoundaryCommand */.laB({ RoleName: name })));
        }
        catch (err) {
            if ((0,call/* isNoSuchEntity */.I0)(err))
                return done('no boundary to remove');
            throw err;
        }
        return done();
    });
}

// EXTERNAL MODULE: ./src/aws/inventory.ts + 1 modules
var inventory = __webpack_require__(2682);
;// CONCATENATED MODULE: ./src/apply/teardown.ts
/**
 * Deleting a user, role or customer-managed policy the way IAM requires: everything hanging off
 * it first, listed live (the plan's `before` may be stale, and moto lets DeleteUser through with
 * keys still present where IAM answers DeleteConflict). Each step tolerates NoSuchEntity, so a
 * rerun after a crash picks up where the last one stopped.
 *
 * User, in IAM's documented order: login profile, access keys, signing certificates, SSH public
 * keys, service-specific credentials, MFA devices (deactivate, then delete the virtual ones),
 * inline policies, attached policies, group memberships, then the user.
 * Role: inline policies, attached policies, instance profiles, then the role.
 * Policy: detach from every user, group and role, delete the non-default versions, then the policy.
 */




/** Runs a delete; NoSuchEntity means someone (or an earlier run) already did it. */
async function gone(ctx, action, resource, fn) {
    try {
        await (0,call/* awsCall */.uF)(ctx, action, resource, fn);
    }
    catch (err) {
        if (!(0,call/* isNoSuchEntity */.I0)(err))
            throw err;
    }
}
/** Follows Marker pages of a List* call. */
async function pages(fetch) {
    const all = [];
    let marker;
    do {
        const page = await fetch(marker);
        all.push(...page.items);
        marker = page.next;
    } while (marker !== undefined);
    return all;
}
const next = (o) => (o.IsTruncated === true ? o.Marker : undefined);
/**
 * Takes user `name` apart and deletes it; returns what was removed, for the log. A failure part
 * way says what was already removed: deleted keys are gone whatever the outcome, and a report
 * that shows only the failure (and "0 changes done") would hide that.
 */
async function deleteUser(ctx, name, arn) {
    const removed = [];
    try {
        return await takeUserApart(ctx, name, arn, removed);
    }
    catch (err) {
        throw withProgress(err, removed);
    }
}
/** The same error, its message ending with what the step removed before it failed. */
function withProgress(err, removed) {
    if (removed.length === 0)
        return err;
    const note = ` (before this failure it removed: ${removed.join(', ')})`;
    if (err instanceof call/* StepError */.zg)
        return new call/* StepError */.zg(`${err.message}${note}`, { ...(err.code !== undefined ? { code: err.code } : {}), conflict: err.conflict, cause: err });
    const code = (0,retry/* errorCode */.CA)(err);
    return new call/* StepError */.zg(`${(0,retry/* errorSummary */.N5)(err)}${note}`, { ...(code !== undefined ? { code } : {}), cause: err });
}
async function takeUserApart(ctx, name, arn, removed) {
    const { iam } = ctx;
    const userRes = arn;
    try {
        await (0,call/* awsCall */.uF)(ctx, 'iam:DeleteLoginProfile', userRes, () => iam.send(new client_iam_dist_cjs/* DeleteLoginProfileCommand */.r34({ UserName: name })));
        removed.push('login profile');
    }
    catch (err) {
        if (!(0,call/* isNoSuchEntity */.I0)(err))
            throw err;
    }
    const keys = await pages(async (m) => {
        const o = await (0,call/* awsCall */.uF)(ctx, 'iam:ListAccessKeys', userRes, () => iam.send(new client_iam_dist_cjs/* ListAccessKeysCommand */.Qxm({ UserName: name, Marker: m })));
        return { items: o.AccessKeyMetadata ?? [], next: next(o) };
    });
    for (const k of keys) {
        if (!k.AccessKeyId)
            continue;
        const id = k.AccessKeyId;
        await gone(ctx, 'iam:DeleteAccessKey', userRes, () => iam.send(new client_iam_dist_cjs/* DeleteAccessKeyCommand */.yq0({ UserName: name, AccessKeyId: id })));
        removed.push(`access key ${(0,inventory/* maskKeyId */.Dx)(id)}`);
    }
    const certs = await pages(async (m) => {
        const o = await (0,call/* awsCall */.uF)(ctx, 'iam:ListSigningCertificates', userRes, () => iam.send(new client_iam_dist_cjs/* ListSigningCertificatesCommand */.BIy({ UserName: name, Marker: m })));
        return { items: o.Certificates ?? [], next: next(o) };
    });
    for (const c of certs) {
        if (!c.CertificateId)
            continue;
        const id = c.CertificateId;
        await gone(ctx, 'iam:DeleteSigningCertificate', userRes, () => iam.send(new client_iam_dist_cjs/* DeleteSigningCertificateCommand */.jPg({ UserName: name, CertificateId: id })));
        removed.push(`signing certificate ${id}`);
    }
    const sshKeys = await pages(async (m) => {
        const o = await (0,call/* awsCall */.uF)(ctx, 'iam:ListSSHPublicKeys', userRes, () => iam.send(new client_iam_dist_cjs/* ListSSHPublicKeysCommand */.pmF({ UserName: name, Marker: m })));
        return { items: o.SSHPublicKeys ?? [], next: next(o) };
    });
    for (const k of sshKeys) {
        if (!k.SSHPublicKeyId)
            continue;
        const id = k.SSHPublicKeyId;
        await gone(ctx, 'iam:DeleteSSHPublicKey', userRes, () => iam.send(new client_iam_dist_cjs/* DeleteSSHPublicKeyCommand */.JGD({ UserName: name, SSHPublicKeyId: id })));
        removed.push(`SSH public key ${id}`);
    }
    const creds = await (0,call/* awsCall */.uF)(ctx, 'iam:ListServiceSpecificCredentials', userRes, () => iam.send(new client_iam_dist_cjs/* ListServiceSpecificCredentialsCommand */.HsU({ UserName: name })));
    for (const c of creds.ServiceSpecificCredentials ?? []) {
        if (!c.ServiceSpecificCredentialId)
            continue;
        const id = c.ServiceSpecificCredentialId;
        await gone(ctx, 'iam:DeleteServiceSpecificCredential', userRes, () => iam.send(new client_iam_dist_cjs/* DeleteServiceSpecificCredentialCommand */.$94({ UserName: name, ServiceSpecificCredentialId: id })));
        removed.push(`service-specific credential ${id}`);
    }
    const mfa = await pages(async (m) => {
        const o = await (0,call/* awsCall */.uF)(ctx, 'iam:ListMFADevices', userRes, () => iam.send(new client_iam_dist_cjs/* ListMFADevicesCommand */.UxV({ UserName: name, Marker: m })));
        return { items: o.MFADevices ?? [], next: next(o) };
    });
    for (const d of mfa) {
        if (!d.SerialNumber)
            continue;
        const serial = d.SerialNumber;
        await gone(ctx, 'iam:DeactivateMFADevice', userRes, () => iam.send(new client_iam_dist_cjs/* DeactivateMFADeviceCommand */.ShG({ UserName: name, SerialNumber: serial })));
        // Hardware devices are only deactivated; a virtual device is an IAM resource of its own.
        if (serial.startsWith('arn:') && serial.includes(':mfa/')) {
            await gone(ctx, 'iam:DeleteVirtualMFADevice', serial, () => iam.send(new client_iam_dist_cjs/* DeleteVirtualMFADeviceCommand */.Oem({ SerialNumber: serial })));
        }
        removed.push(`MFA device ${serial}`);
    }
    const inline = await pages(async (m) => {
        const o = await (0,call/* awsCall */.uF)(ctx, 'iam:ListUserPolicies', userRes, () => iam.send(new client_iam_dist_cjs/* ListUserPoliciesCommand */.Lt8({ UserName: name, Marker: m })));
        return { items: o.PolicyNames ?? [], next: next(o) };
    });
    for (const p of inline) {
        await gone(ctx, 'iam:DeleteUserPolicy', userRes, () => iam.send(new client_iam_dist_cjs/* DeleteUserPolicyCommand */.QJ2({ UserName: name, PolicyName: p })));
        removed.push(`inline policy ${p}`);
    }
    const attached = await pages(async (m) => {
        const o = await (0,call/* awsCall */.uF)(ctx, 'iam:ListAttachedUserPolicies', userRes, () => iam.send(new client_iam_dist_cjs/* ListAttachedUserPoliciesCommand */.zf4({ UserName: name, Marker: m })));
        return { items: o.AttachedPolicies ?? [], next: next(o) };
    });
    for (const p of attached) {
        if (!p.PolicyArn)
            continue;
        const policyArn = p.PolicyArn;
        await gone(ctx, 'iam:DetachUserPolicy', userRes, () => iam.send(new client_iam_dist_cjs/* DetachUserPolicyCommand */.mC4({ UserName: name, PolicyArn: policyArn })));
        removed.push(`attached policy ${policyArn}`);
    }
    const groups = await pages(async (m) => {
        const o = await (0,call/* awsCall */.uF)(ctx, 'iam:ListGroupsForUser', userRes, () => iam.send(new client_iam_dist_cjs/* ListGroupsForUserCommand */.WcQ({ UserName: name, Marker: m })));
        return { items: o.Groups ?? [], next: next(o) };
    });
    for (const g of groups) {
        if (!g.GroupName)
            continue;
        const group = g.GroupName;
        await gone(ctx, 'iam:RemoveUserFromGroup', g.Arn ?? group, () => iam.send(new client_iam_dist_cjs/* RemoveUserFromGroupCommand */.IuP({ UserName: name, GroupName: group })));
        removed.push(`membership of group ${group}`);
    }
    await gone(ctx, 'iam:DeleteUser', userRes, () => iam.send(new client_iam_dist_cjs/* DeleteUserCommand */.O56({ UserName: name })));
    return removed;
}
async function deleteRole(ctx, name, arn) {
    const { iam } = ctx;
    const removed = [];
    const inline = await pages(async (m) => {
        const o = await (0,call/* awsCall */.uF)(ctx, 'iam:ListRolePolicies', arn, () => iam.send(new client_iam_dist_cjs/* ListRolePoliciesCommand */.Y7N({ RoleName: name, Marker: m })));
        return { items: o.PolicyNames ?? [], next: next(o) };
    });
    for (const p of inline) {
        await gone(ctx, 'iam:DeleteRolePolicy', arn, () => iam.send(new client_iam_dist_cjs/* DeleteRolePolicyCommand */.Tt({ RoleName: name, PolicyName: p })));
        removed.push(`inline policy ${p}`);
    }
    const attached = await pages(async (m) => {
        const o = await (0,call/* awsCall */.uF)(ctx, 'iam:ListAttachedRolePolicies', arn, () => iam.send(new client_iam_dist_cjs/* ListAttachedRolePoliciesCommand */.wfM({ RoleName: name, Marker: m })));
        return { items: o.AttachedPolicies ?? [], next: next(o) };
    });
    for (const p of attached) {
        if (!p.PolicyArn)
            continue;
        const policyArn = p.PolicyArn;
        await gone(ctx, 'iam:DetachRolePolicy', arn, () => iam.send(new client_iam_dist_cjs/* DetachRolePolicyCommand */.BA7({ RoleName: name, PolicyArn: policyArn })));
        removed.push(`attached policy ${policyArn}`);
    }
    const profiles = await pages(async (m) => {
        const o = await (0,call/* awsCall */.uF)(ctx, 'iam:ListInstanceProfilesForRole', arn, () => iam.send(new client_iam_dist_cjs/* ListInstanceProfilesForRoleCommand */.oxC({ RoleName: name, Marker: m })));
        return { items: o.InstanceProfiles ?? [], next: next(o) };
    });
    for (const p of profiles) {
        if (!p.InstanceProfileName)
            continue;
        const profile = p.InstanceProfileName;
        await gone(ctx, 'iam:RemoveRoleFromInstanceProfile', p.Arn ?? profile, () => iam.send(new client_iam_dist_cjs/* RemoveRoleFromInstanceProfileCommand */.ScF({ RoleName: name, InstanceProfileName: profile })));
        removed.push(`instance profile ${profile}`);
    }
    await gone(ctx, 'iam:DeleteRole', arn, () => iam.send(new client_iam_dist_cjs/* DeleteRoleCommand */.$kI({ RoleName: name })));
    return removed;
}
async function deletePolicy(ctx, arn) {
    const { iam } = ctx;
    const removed = [];
    let entities;
    try {
        entities = await pages(async (m) => {
            const o = await (0,call/* awsCall */.uF)(ctx, 'iam:ListEntitiesForPolicy', arn, () => iam.send(new client_iam_dist_cjs/* ListEntitiesForPolicyCommand */.sRK({ PolicyArn: arn, Marker: m })));
            return { items: [{ users: o.PolicyUsers ?? [], groups: o.PolicyGroups ?? [], roles: o.PolicyRoles ?? [] }], next: next(o) };
        });
    }
    catch (err) {
        if ((0,call/* isNoSuchEntity */.I0)(err))
            return removed;
        throw err;
    }
    for (const e of entities) {
        for (const u of e.users) {
            if (!u.UserName)
                continue;
            const user = u.UserName;
            await gone(ctx, 'iam:DetachUserPolicy', arn, () => iam.send(new client_iam_dist_cjs/* DetachUserPolicyCommand */.mC4({ UserName: user, PolicyArn: arn })));
            removed.push(`attachment to user ${user}`);
        }
        for (const g of e.groups) {
            if (!g.GroupName)
                continue;
            const group = g.GroupName;
            await gone(ctx, 'iam:DetachGroupPolicy', arn, () => iam.send(new client_iam_dist_cjs/* DetachGroupPolicyCommand */.orH({ GroupName: group, PolicyArn: arn })));
            removed.push(`attachment to group ${group}`);
        }
        for (const r of e.roles) {
            if (!r.RoleName)
                continue;
            const role = r.RoleName;
            await gone(ctx, 'iam:DetachRolePolicy', arn, () => iam.send(new client_iam_dist_cjs/* DetachRolePolicyCommand */.BA7({ RoleName: role, PolicyArn: arn })));
            removed.push(`attachment to role ${role}`);
        }
    }
    const versions = await pages(async (m) => {
        const o = await (0,call/* awsCall */.uF)(ctx, 'iam:ListPolicyVersions', arn, () => iam.send(new client_iam_dist_cjs/* ListPolicyVersionsCommand */.D6R({ PolicyArn: arn, Marker: m })));
        return { items: o.Versions ?? [], next: next(o) };
    });
    for (const v of versions) {
        if (v.IsDefaultVersion === true || !v.VersionId)
            continue;
        const id = v.VersionId;
        await gone(ctx, 'iam:DeletePolicyVersion', arn, () => iam.send(new client_iam_dist_cjs/* DeletePolicyVersionCommand */.$Pb({ PolicyArn: arn, VersionId: id })));
        removed.push(`version ${id}`);
    }
    try {
        await (0,call/* awsCall */.uF)(ctx, 'iam:DeletePolicy', arn, () => iam.send(new client_iam_dist_cjs/* DeletePolicyCommand */.Z6J({ PolicyArn: arn })));
    }
    catch (err) {
        // A DeleteConflict (attached again since the listing) fails the step; the next run retries.
        if (!(0,call/* isNoSuchEntity */.I0)(err))
            throw err;
    }
    return removed;
}

;// CONCATENATED MODULE: ./src/apply/steps/policy.ts
/** Customer-managed policies: create, new default version (within IAM's five), delete. */







function policyCreate(c) {
    const f = section(c, 'after');
    const name = str(c, f, 'after', 'name');
    const path = str(c, f, 'after', 'path');
    const document = doc(c, f, 'after', 'document');
    const tags = strRecord(c, f, 'after', 'tags');
    const connection = connectionOf(c);
    const description = (0,policy_owner/* describeWithOwner */.H_)(optStr(c, f, 'after', 'description'), connection);
    return {
        async run(ctx) {
            let arn = c.resource.arn;
            try {
                const out = await (0,call/* awsCall */.uF)(ctx, 'iam:CreatePolicy', arn ?? name, () => ctx.iam.send(new client_iam_dist_cjs/* CreatePolicyCommand */.Mrm({ PolicyName: name, Path: path, PolicyDocument: JSON.stringify(document), Description: description, Tags: tagList(tags) })));
                arn = out.Policy?.Arn ?? arn;
            }
            catch (err) {
                if (alreadyExists(err) && arn !== undefined)
                    return claimExisting(ctx, 'policy', arn, connection, err);
                throw (0,call/* stepFailure */.nK)(`creating policy ${name}`, err);
            }
            if (arn !== undefined) {
                ctx.created.add(`policy:${arn}`);
                noteOwner(ctx, 'policy', arn, connection);
            }
            return done();
        },
    };
}
/** The oldest non-default version, by number: the one IAM's 5-version limit makes us drop. */
function oldestNonDefault(versions) {
    const num = (v) => Number(/\d+/.exec(v)?.[0] ?? Number.MAX_SAFE_INTEGER);
    return versions.filter((v) => !v.isDefault).sort((a, b) => num(a.id) - num(b.id))[0]?.id;
}
function policyUpdate(c) {
    const f = section(c, 'after');
    const arn = str(c, f, 'after', 'arn');
    const document = doc(c, f, 'after', 'document');
    const tags = strRecord(c, f, 'after', 'tags');
    const deleteFirst = optStr(c, f, 'after', 'deleteVersionFirst');
    const connection = connectionOf(c);
    return {
        async run(ctx) {
            if ((await requireOurs(ctx, 'policy', arn, connection, `update policy ${arn}`)) === 'gone') {
                throw new call/* StepError */.zg(`policy ${arn} no longer exists; run plan again (apply will create it)`, { code: 'NoSuchEntity' });
            }
            const dropVersion = async (id) => {
                try {
                    await (0,call/* awsCall */.uF)(ctx, 'iam:DeletePolicyVersion', arn, () => ctx.iam.send(new client_iam_dist_cjs/* DeletePolicyVersionCommand */.$Pb({ PolicyArn: arn, VersionId: id })));
                }
                catch (err) {
                    if (!(0,call/* isNoSuchEntity */.I0)(err))
                        throw (0,call/* stepFailure */.nK)(`deleting version ${id} of policy ${arn}`, err);
                }
            };
            if (deleteFirst !== undefined)
                await dropVersion(deleteFirst);
            const create = () => (0,call/* awsCall */.uF)(ctx, 'iam:CreatePolicyVersion', arn, () => ctx.iam.send(new client_iam_dist_cjs/* CreatePolicyVersionCommand */.WZZ({ PolicyArn: arn, PolicyDocument: JSON.stringify(document), SetAsDefault: true })));
            try {
                await create();
            }
            catch (err) {
                if (!(0,call/* isCode */._m)(err, 'LimitExceeded'))
                    throw (0,call/* stepFailure */.nK)(`creating a new version of policy ${arn}`, err);
                // The plan is older than the policy's versions (someone added one): make room as IAM requires.
                const out = await (0,call/* awsCall */.uF)(ctx, 'iam:ListPolicyVersions', arn, () => ctx.iam.send(new client_iam_dist_cjs/* ListPolicyVersionsCommand */.D6R({ PolicyArn: arn })));
                const oldest = oldestNonDefault((out.Versions ?? []).map((v) => ({ id: v.VersionId ?? '', isDefault: v.IsDefaultVersion === true })));
                if (oldest === undefined)
                    throw (0,call/* stepFailure */.nK)(`creating a new version of policy ${arn}`, err);
                await dropVersion(oldest);
                await create();
            }
            if (Object.keys(tags).length > 0) {
                await (0,call/* awsCall */.uF)(ctx, 'iam:TagPolicy', arn, () => ctx.iam.send(new client_iam_dist_cjs/* TagPolicyCommand */.ynn({ PolicyArn: arn, Tags: tagList(tags) })));
            }
            return done();
        },
    };
}
function policyDelete(c) {
    const before = typeof c.before === 'object' && c.before !== null ? c.before : {};
    const arn = c.resource.arn ?? str(c, before, 'before', 'arn');
    const connection = connectionOf(c);
    return {
        async run(ctx) {
            if ((await requireOurs(ctx, 'policy', arn, connection, `delete policy ${arn}`)) === 'gone')
                return done('already gone');
            const removed = await deletePolicy(ctx, arn);
            ctx.owners.delete(`policy:${arn}`);
            return done(removed.length > 0 ? `removed first: ${removed.join(', ')}` : undefined);
        },
    };
}

// EXTERNAL MODULE: ./src/plan/desired.ts
var desired = __webpack_require__(1313);
;// CONCATENATED MODULE: ./src/apply/steps/principal.ts
/** Users and roles themselves: create (with owner tags), update (path, trust, settings), delete. */








const PLACEHOLDER = /^\(externalId[ )]/;
function hasPlaceholder(docValue) {
    if (typeof docValue === 'string')
        return PLACEHOLDER.test(docValue);
    if (Array.isArray(docValue))
        return docValue.some(hasPlaceholder);
    if (typeof docValue === 'object' && docValue !== null)
        return Object.values(docValue).some(hasPlaceholder);
    return false;
}
/** The trust document with the real external ID, in memory only. */
function trustWithExternalId(c, f, externalIds) {
    const trust = doc(c, f, 'after', 'trust');
    const binding = f.externalId;
    let filled = trust;
    if (binding !== undefined) {
        const placeholder = typeof binding.placeholder === 'string' ? binding.placeholder : '';
        const source = binding.source;
        const env = typeof source?.env === 'string' ? source.env : undefined;
        const value = env !== undefined ? externalIds.get(env) : externalIds.get(placeholder);
        if (value === undefined || value === '' || placeholder === '') {
            throw new call/* StepError */.zg(env !== undefined
                ? `role ${c.resource.name}: the external ID comes from environment variable ${env}, which is not set for apply; set it from a secret in the workflow's env (the same one plan used)`
                : `role ${c.resource.name}: the external ID written in the manifest (${placeholder || 'no placeholder'}) was not passed to the executor; pass it in externalIds keyed by its placeholder`, { code: 'ExternalIdUnavailable' });
        }
        filled = (0,desired/* fillExternalId */.k6)(trust, { placeholder }, value);
    }
    if (hasPlaceholder(filled)) {
        throw new call/* StepError */.zg(`role ${c.resource.name}: the trust document still holds an external ID placeholder; applying it would lock the vendor out. Run plan with the external ID's environment variable set, then apply`, { code: 'ExternalIdUnavailable' });
    }
    return filled;
}
function userCreate(c) {
    const f = section(c, 'after');
    const name = str(c, f, 'after', 'name');
    const path = str(c, f, 'after', 'path');
    const tags = strRecord(c, f, 'after', 'tags');
    const boundary = optStr(c, f, 'after', 'permissionsBoundary');
    const connection = connectionOf(c);
    if (tags[model/* OWNER_TAG */.FX] !== connection)
        throw new call/* StepError */.zg(`change ${c.id}: the user's tags lack ${model/* OWNER_TAG */.FX}=${connection}; run plan again`, { code: 'MalformedPlan' });
    return {
        async run(ctx) {
            try {
                await (0,call/* awsCall */.uF)(ctx, 'iam:CreateUser', c.resource.arn ?? name, () => ctx.iam.send(new client_iam_dist_cjs/* CreateUserCommand */.nMY({ UserName: name, Path: path, Tags: tagList(tags), ...(boundary ? { PermissionsBoundary: boundary } : {}) })));
            }
            catch (err) {
                if (alreadyExists(err))
                    return claimExisting(ctx, 'user', name, connection, err);
                throw (0,call/* stepFailure */.nK)(`creating user ${name}`, err);
            }
            ctx.created.add(`user:${name}`);
            noteOwner(ctx, 'user', name, connection);
            return done();
        },
    };
}
function roleCreate(c, externalIds) {
    const f = section(c, 'after');
    const name = str(c, f, 'after', 'name');
    const path = str(c, f, 'after', 'path');
    const tags = strRecord(c, f, 'after', 'tags');
    const description = optStr(c, f, 'after', 'description');
    const maxSession = optNum(c, f, 'after', 'maxSessionDuration');
    const boundary = optStr(c, f, 'after', 'permissionsBoundary');
    const connection = connectionOf(c);
    const trust = trustWithExternalId(c, f, externalIds);
    if (tags[model/* OWNER_TAG */.FX] !== connection)
        throw new call/* StepError */.zg(`change ${c.id}: the role's tags lack ${model/* OWNER_TAG */.FX}=${connection}; run plan again`, { code: 'MalformedPlan' });
    return {
        async run(ctx) {
            let arn;
            try {
                const out = await (0,call/* awsCall */.uF)(ctx, 'iam:CreateRole', c.resource.arn ?? name, () => ctx.iam.send(new client_iam_dist_cjs/* CreateRoleCommand */.IS({
                    RoleName: name,
                    Path: path,
                    AssumeRolePolicyDocument: JSON.stringify(trust),
                    Tags: tagList(tags),
                    ...(description !== undefined ? { Description: description } : {}),
                    ...(maxSession !== undefined ? { MaxSessionDuration: maxSession } : {}),
                    ...(boundary ? { PermissionsBoundary: boundary } : {}),
                })));
                arn = out.Role?.Arn;
            }
            catch (err) {
                if (alreadyExists(err)) {
                    const r = await claimExisting(ctx, 'role', name, connection, err);
                    return c.resource.arn !== undefined && r.status === 'done' ? { ...r, roleArn: c.resource.arn } : r;
                }
                throw (0,call/* stepFailure */.nK)(`creating role ${name}`, err);
            }
            ctx.created.add(`role:${name}`);
            noteOwner(ctx, 'role', name, connection);
            const roleArn = arn ?? c.resource.arn;
            return roleArn === undefined ? done() : { status: 'done', roleArn };
        },
    };
}
function roleUpdate(c, externalIds) {
    const f = section(c, 'after');
    const name = str(c, f, 'after', 'name');
    const trust = f.trust === undefined ? undefined : trustWithExternalId(c, f, externalIds);
    const description = optStr(c, f, 'after', 'description');
    const maxSession = optNum(c, f, 'after', 'maxSessionDuration');
    const connection = connectionOf(c);
    const arn = c.resource.arn ?? name;
    return {
        async run(ctx) {
            if ((await requireOurs(ctx, 'role', name, connection, `update role ${name}`)) === 'gone') {
                throw new call/* StepError */.zg(`role ${name} no longer exists; run plan again (apply will create it)`, { code: 'NoSuchEntity' });
            }
            const recentlyCreated = ctx.created.has(`role:${name}`);
            if (trust !== undefined) {
                await (0,call/* awsCall */.uF)(ctx, 'iam:UpdateAssumeRolePolicy', arn, () => ctx.iam.send(new client_iam_dist_cjs/* UpdateAssumeRolePolicyCommand */.tuH({ RoleName: name, PolicyDocument: JSON.stringify(trust) })), {
                    recentlyCreated,
                });
            }
            if (description !== undefined || maxSession !== undefined) {
                await (0,call/* awsCall */.uF)(ctx, 'iam:UpdateRole', arn, () => ctx.iam.send(new client_iam_dist_cjs/* UpdateRoleCommand */.TR7({
                    RoleName: name,
                    ...(description !== undefined ? { Description: description } : {}),
                    ...(maxSession !== undefined ? { MaxSessionDuration: maxSession } : {}),
                })), { recentlyCreated });
            }
            return done();
        },
    };
}
function userUpdate(c) {
    const f = section(c, 'after');
    const name = str(c, f, 'after', 'name');
    const path = str(c, f, 'after', 'path');
    const connection = connectionOf(c);
    return {
        async run(ctx) {
            if ((await requireOurs(ctx, 'user', name, connection, `move user ${name}`)) === 'gone') {
                throw new call/* StepError */.zg(`user ${name} no longer exists; run plan again`, { code: 'NoSuchEntity' });
            }
            await (0,call/* awsCall */.uF)(ctx, 'iam:UpdateUser', c.resource.arn ?? name, () => ctx.iam.send(new client_iam_dist_cjs/* UpdateUserCommand */.ULX({ UserName: name, NewPath: path })));
            return done();
        },
    };
}
function principalDelete(c, type) {
    const before = typeof c.before === 'object' && c.before !== null ? c.before : {};
    const name = optStr(c, before, 'before', 'name') ?? c.resource.name;
    const arn = c.resource.arn ?? optStr(c, before, 'before', 'arn') ?? name;
    const connection = connectionOf(c);
    return {
        async run(ctx) {
            if ((await requireOurs(ctx, type, name, connection, `delete ${type} ${name}`)) === 'gone')
                return done(`${type} ${name} was already gone`);
            const removed = type === 'user' ? await deleteUser(ctx, name, arn) : await deleteRole(ctx, name, arn);
            ctx.owners.delete(`${type}:${name}`);
            return done(removed.length > 0 ? `removed first: ${removed.join(', ')}` : undefined);
        },
    };
}

;// CONCATENATED MODULE: ./src/apply/steps/tags.ts
/** Tags on users, roles and policies: the owner tag on adoption, declared tags, never others removed. */






function tagStep(c) {
    const f = section(c, 'after');
    const type = f.principalType;
    if (type !== 'user' && type !== 'role' && type !== 'policy')
        throw new call/* StepError */.zg(`change ${c.id}: after.principalType must be user, role or policy; run plan again`, { code: 'MalformedPlan' });
    const name = str(c, f, 'after', 'name');
    const arn = optStr(c, f, 'after', 'arn') ?? c.resource.arn;
    const set = strRecord(c, f, 'after', 'set');
    const connection = connectionOf(c);
    const adopt = c.kind === 'adopt';
    // Adoption is the one place we tag what is not (yet) ours, so it must end up carrying our owner tag.
    const tags = adopt ? { ...set, [model/* OWNER_TAG */.FX]: connection } : set;
    if (type === 'policy' && arn === undefined)
        throw new call/* StepError */.zg(`change ${c.id}: tagging a policy needs its ARN; run plan again`, { code: 'MalformedPlan' });
    return {
        async run(ctx) {
            const id = type === 'policy' ? arn : name;
            if (!adopt && (await requireOurs(ctx, type, id, connection, `tag ${type} ${name}`)) === 'gone') {
                throw new call/* StepError */.zg(`${type} ${name} no longer exists; run plan again`, { code: 'NoSuchEntity' });
            }
            if (Object.keys(tags).length === 0)
                return done('no tag to set');
            const list = tagList(tags);
            if (type === 'user')
                await (0,call/* awsCall */.uF)(ctx, 'iam:TagUser', arn ?? name, () => ctx.iam.send(new client_iam_dist_cjs/* TagUserCommand */.pkA({ UserName: name, Tags: list })));
            else if (type === 'role')
                await (0,call/* awsCall */.uF)(ctx, 'iam:TagRole', arn ?? name, () => ctx.iam.send(new client_iam_dist_cjs/* TagRoleCommand */.Wcv({ RoleName: name, Tags: list })));
            else
                await (0,call/* awsCall */.uF)(ctx, 'iam:TagPolicy', id, () => ctx.iam.send(new client_iam_dist_cjs/* TagPolicyCommand */.ynn({ PolicyArn: id, Tags: list })));
            if (adopt)
                noteOwner(ctx, type, id, connection);
            return done(adopt ? `adopted: tagged ${model/* OWNER_TAG */.FX}=${connection}` : undefined);
        },
    };
}

;// CONCATENATED MODULE: ./src/apply/steps/user.ts
/** A user that stays: its access keys, console password and group memberships. */





/**
 * The key a plan names by its masked ID (`AKIA…WXYZ`; plans never hold full key IDs), read live:
 * the one key of the user with that mask (a user holds at most two). Undefined when it is gone.
 */
async function resolveKey(ctx, user, named) {
    const out = await (0,call/* awsCall */.uF)(ctx, 'iam:ListAccessKeys', `user ${user}`, () => ctx.iam.send(new client_iam_dist_cjs/* ListAccessKeysCommand */.Qxm({ UserName: user })));
    const hits = (out.AccessKeyMetadata ?? []).flatMap((k) => (k.AccessKeyId && (k.AccessKeyId === named || (0,inventory/* maskKeyId */.Dx)(k.AccessKeyId) === named) ? [k.AccessKeyId] : []));
    if (hits.length > 1) {
        throw new call/* StepError */.zg(`user ${user} holds two access keys that both show as ${(0,inventory/* maskKeyId */.Dx)(named)}: the executor cannot tell which one the plan means; deactivate or delete the right one by hand`, { code: 'AmbiguousKey' });
    }
    return hits[0];
}
/**
 * Keys of a user that declares an access key are never touched here: every key-* change
 * (create, rotate, deactivate, delete, a pending key to resume) runs after the executor through
 * the rotation path, under the user's rotate lock and with its re-checks (src/commands/apply.ts),
 * so an apply cannot delete the key a concurrent rotate is delivering. What remains here is a
 * key on a user whose manifest declares none (`unexpected`): no rotation manages that user.
 */
function accessKey(c) {
    if (c.kind !== 'unexpected') {
        return { run: () => Promise.resolve({ status: 'skipped', deferred: 'rotation', reason: 'carried out by the rotation path under the rotate lock, after the other changes: see the key results' }) };
    }
    const { fields: f, where } = target(c);
    const masked = (0,inventory/* maskKeyId */.Dx)(str(c, f, where, 'keyId'));
    return onUser(c, `delete access key ${masked}`, async (ctx, user) => {
        const keyId = await resolveKey(ctx, user, masked);
        if (keyId === undefined)
            return done('already deleted');
        try {
            await (0,call/* awsCall */.uF)(ctx, 'iam:DeleteAccessKey', `user ${user}, key ${masked}`, () => ctx.iam.send(new client_iam_dist_cjs/* DeleteAccessKeyCommand */.yq0({ UserName: user, AccessKeyId: keyId })));
        }
        catch (err) {
            if ((0,call/* isNoSuchEntity */.I0)(err))
                return done('already deleted');
            throw err;
        }
        return done();
    });
}
function loginProfile(c) {
    return onUser(c, 'delete the console password', async (ctx, user) => {
        try {
            await (0,call/* awsCall */.uF)(ctx, 'iam:DeleteLoginProfile', user, () => ctx.iam.send(new client_iam_dist_cjs/* DeleteLoginProfileCommand */.r34({ UserName: user })));
        }
        catch (err) {
            if ((0,call/* isNoSuchEntity */.I0)(err))
                return done('no login profile left');
            throw err;
        }
        return done();
    });
}
function groupRemove(c) {
    const { fields: f, where } = target(c);
    const group = str(c, f, where, 'group');
    return onUser(c, `remove from group ${group}`, async (ctx, user) => {
        try {
            await (0,call/* awsCall */.uF)(ctx, 'iam:RemoveUserFromGroup', group, () => ctx.iam.send(new client_iam_dist_cjs/* RemoveUserFromGroupCommand */.IuP({ UserName: user, GroupName: group })));
        }
        catch (err) {
            if ((0,call/* isNoSuchEntity */.I0)(err))
                return done('no longer a member');
            throw err;
        }
        return done();
    });
}

;// CONCATENATED MODULE: ./src/apply/steps.ts









function bucketStep(c) {
    const f = section(c, 'after');
    const name = str(c, f, 'after', 'name');
    const region = optStr(c, f, 'after', 'region');
    const policy = doc(c, f, 'after', 'policy');
    const create = c.action === 'create';
    return {
        async run(outer) {
            const ctx = inRegion(outer, region);
            const made = create ? await createBucket(ctx, name, region) : undefined;
            const put = await putMergedBucketPolicy(ctx, name, policy);
            const notes = [made === 'existed' ? 'the bucket already existed' : undefined, put === 'unchanged' ? 'its policy already held our statements' : 'policy merged (other statements kept)'];
            return done(notes.filter((n) => n !== undefined).join('; '));
        },
    };
}
/** Validates `c` and binds what it needs; throws StepError when the change cannot run. */
function prepareStep(c, externalIds) {
    const t = c.resource.type;
    switch (t) {
        case 'user':
            if (c.action === 'create')
                return userCreate(c);
            if (c.action === 'update')
                return userUpdate(c);
            if (c.action === 'delete')
                return principalDelete(c, 'user');
            if (c.action === 'tag')
                return tagStep(c);
            return unsupported(c);
        case 'role':
            if (c.action === 'create')
                return roleCreate(c, externalIds);
            if (c.action === 'update')
                return roleUpdate(c, externalIds);
            if (c.action === 'delete')
                return principalDelete(c, 'role');
            if (c.action === 'tag')
                return tagStep(c);
            return unsupported(c);
        case 'policy':
            if (c.action === 'create')
                return policyCreate(c);
            if (c.action === 'update')
                return policyUpdate(c);
            if (c.action === 'delete')
                return policyDelete(c);
            if (c.action === 'tag')
                return tagStep(c);
            return unsupported(c);
        case 'tags':
            return c.action === 'tag' ? tagStep(c) : unsupported(c);
        case 'attachment':
            if (c.action === 'attach')
                return attach(c);
            if (c.action === 'detach')
                return detach(c);
            return unsupported(c);
        case 'inline-policy':
            if (c.action === 'put')
                return putInline(c);
            if (c.action === 'delete')
                return deleteInline(c);
            return unsupported(c);
        case 'permissions-boundary':
            return c.action === 'update' ? boundary(c) : unsupported(c);
        case 'access-key':
            return accessKey(c);
        case 'login-profile':
            return c.action === 'delete' ? loginProfile(c) : unsupported(c);
        case 'group-membership':
            return c.action === 'remove' ? groupRemove(c) : unsupported(c);
        case 'bucket':
        case 'bucket-policy':
            return c.action === 'create' || c.action === 'update' ? bucketStep(c) : unsupported(c);
        default:
            return unsupported(c);
    }
}

// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(1532);
;// CONCATENATED MODULE: ./src/apply/executor.ts





const DEFAULT_CHANGE_CONCURRENCY = 8;
/** Last line of defence: no message leaves the executor with an external ID in it. */
function scrubber(secrets) {
    const values = [...secrets.values()].filter((v) => v.length >= 4).sort((a, b) => b.length - a.length);
    return (s) => values.reduce((acc, v) => acc.split(v).join('(redacted)'), s);
}
function outcome(c, status, message, code) {
    const o = { id: c.id, account: c.account, resource: c.resource, action: c.action, status };
    if (c.connection !== undefined)
        o.connection = c.connection;
    if (message !== undefined && message !== '')
        o.message = message;
    if (code !== undefined)
        o.code = code;
    return o;
}
function describe(c) {
    return `${c.action} ${c.resource.type} ${c.resource.name}`;
}
/**
 * Runs one account's changes, up to `limit` at a time, in an order that keeps every guarantee of
 * the sequential order (`orderChanges`): a connection's changes run one after another in that
 * order; a change also waits for what it `dependsOn`; a change that belongs to no connection is a
 * barrier (it waits for everything before it, everything after waits for it). Independent
 * connections run side by side: the account's rate limiter, not this loop, sets the pace, and it
 * needs several calls in flight to stay saturated when each call takes tens of milliseconds.
 */
async function runConcurrently(prepared, limit, run) {
    let free = Math.max(1, limit);
    const queue = [];
    const slot = async () => {
        if (free > 0) {
            free--;
            return;
        }
        await new Promise((resolve) => queue.push(resolve));
    };
    const release = () => {
        const next = queue.shift();
        if (next)
            next();
        else
            free++;
    };
    const finished = new Map();
    const lanes = new Map();
    let barrier = Promise.resolve();
    const all = [];
    for (const p of prepared) {
        const c = p.change;
        const deps = (c.dependsOn ?? []).map((d) => finished.get(d)).filter((d) => d !== undefined);
        const before = c.connection === undefined ? [...all] : [barrier, lanes.get(c.connection) ?? Promise.resolve(), ...deps];
        const task = Promise.all(before).then(async () => {
            await slot();
            try {
                await run(p);
            }
            finally {
                release();
            }
        });
        finished.set(c.id, task);
        all.push(task);
        if (c.connection === undefined)
            barrier = task;
        else
            lanes.set(c.connection, task);
    }
    await Promise.all(all);
}
/** Validation of one account's plan, before any write: the executable changes in order. */
function prepareAccount(plan, externalIds) {
    const { changes, conflicts } = mergeTrustUpdates(plan.changes);
    return orderChanges(makeBeforeBreak(changes)).map((change) => {
        const conflict = conflicts.get(change.id);
        if (conflict !== undefined)
            return { change, invalid: new call/* StepError */.zg(conflict, { code: 'MalformedPlan' }) };
        try {
            return { change, step: prepareStep(change, externalIds) };
        }
        catch (err) {
            return { change, invalid: err instanceof call/* StepError */.zg ? err : (0,call/* stepFailure */.nK)(`validating ${describe(change)}`, err) };
        }
    });
}
async function runAccount(plan, prepared, ctx, scrub, roleArns) {
    const log = ctx.log ?? (() => undefined);
    const outcomes = [];
    const byId = new Map();
    const record = (c, status, message, code, deferred) => {
        const o = outcome(c, status, message === undefined ? undefined : scrub(message), code);
        if (deferred !== undefined)
            o.deferred = deferred;
        outcomes.push(o);
        byId.set(o.id, o);
        log(`${c.account}: ${describe(c)}: ${deferred !== undefined ? `next, by the ${deferred} path` : status}${o.message ? ` (${o.message})` : ''}`);
        ctx.onOutcome?.(o);
    };
    // Withheld changes are not run, but the report must say they were not.
    for (const c of plan.changes) {
        if (c.action === 'none' && c.withheld) {
            const o = outcome(c, 'skipped', `withheld by ${c.withheld.by}: nothing is done for it until that is resolved`);
            o.action = c.withheld.action;
            outcomes.push(o);
            byId.set(o.id, o);
        }
    }
    let clients;
    try {
        clients = await ctx.clientsFor(plan.account);
    }
    catch (err) {
        const why = `could not get credentials for account "${plan.account}": ${(0,retry/* errorSummary */.N5)(err)}`;
        for (const p of prepared)
            record(p.change, 'failed', p.invalid ? p.invalid.message : why, p.invalid?.code ?? 'NoCredentials');
        return { account: plan.account, accountId: plan.accountId, outcomes };
    }
    const stepCtx = {
        account: plan.account,
        iam: clients.iam,
        s3: clients.s3,
        ...(clients.s3For ? { s3For: clients.s3For } : {}),
        externalIds: ctx.externalIds,
        retry: ctx.retry ?? {},
        created: new Set(),
        owners: new Map(),
        log,
    };
    /** connection → why the rest of it is stopped in this account. */
    const stopped = new Map();
    const runOne = async (p) => {
        const c = p.change;
        if (p.invalid) {
            record(c, 'failed', p.invalid.message, p.invalid.code);
            return;
        }
        const blocked = blockedBy(c, byId);
        if (blocked !== undefined) {
            record(c, 'skipped', blocked);
            return;
        }
        const stop = c.connection !== undefined ? stopped.get(c.connection) : undefined;
        if (stop !== undefined) {
            record(c, 'skipped', stop);
            return;
        }
        try {
            const r = await p.step.run(stepCtx);
            if (r.status === 'skipped') {
                record(c, 'skipped', r.reason, undefined, r.deferred);
            }
            else {
                if (r.roleArn !== undefined && c.connection !== undefined)
                    roleArns[`${c.connection}/${c.account}`] = r.roleArn;
                record(c, 'done', r.note);
            }
        }
        catch (err) {
            const e = (0,call/* stepFailure */.nK)(describe(c), err);
            record(c, 'failed', e.message, e.code);
            if (c.connection !== undefined && (e.conflict || c.kind === 'adopt')) {
                stopped.set(c.connection, `not run: connection ${c.connection} is stopped in account ${c.account} because ${c.id} failed (${e.conflict ? 'conflict' : 'adoption failed'})`);
            }
        }
    };
    await runConcurrently(prepared, ctx.changeConcurrency ?? DEFAULT_CHANGE_CONCURRENCY, runOne);
    // Report in plan order whatever order the changes finished in.
    const rank = new Map(prepared.map((p, i) => [p.change.id, i]));
    outcomes.sort((a, b) => (rank.get(a.id) ?? -1) - (rank.get(b.id) ?? -1));
    return { account: plan.account, accountId: plan.accountId, outcomes };
}
async function executePlan(plan, ctx) {
    const scrub = scrubber(ctx.externalIds);
    // Everything is validated before the first write in any account.
    const prepared = plan.accounts.map((a) => prepareAccount(a, ctx.externalIds));
    const roleArns = {};
    const accounts = await (0,concurrency/* mapLimit */.s)(plan.accounts.map((a, i) => ({ a, p: prepared[i] ?? [] })), ctx.concurrency ?? 4, ({ a, p }) => runAccount(a, p, ctx, scrub, roleArns));
    return { accounts, roleArns };
}
function summarizeApply(result) {
    const all = result.accounts.flatMap((a) => a.outcomes);
    const count = (s) => all.filter((o) => o.status === s).length;
    const line = (o) => {
        const mark = o.status === 'done' ? 'done' : o.status === 'failed' ? 'FAILED' : 'skipped';
        return `${mark}: ${o.account}: ${o.action} ${o.resource.type} ${o.resource.name}${o.message ? ` (${o.message})` : ''}`;
    };
    const s = { done: count('done'), failed: count('failed'), skipped: count('skipped') };
    const lines = [
        `${s.done} change(s) done, ${s.failed} failed, ${s.skipped} not run.`,
        ...all.filter((o) => o.status === 'failed').map(line),
        ...all.filter((o) => o.status === 'skipped').map(line),
        ...all.filter((o) => o.status === 'done').map(line),
    ];
    if (s.failed > 0)
        lines.push('Every step is idempotent: fix what failed and run apply again; it continues where this run stopped.');
    return { ...s, ok: s.failed === 0, lines };
}


/***/ }),

/***/ 8314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Of: () => (/* binding */ runApply),
/* harmony export */   zE: () => (/* binding */ applyPlanned)
/* harmony export */ });
/* unused harmony exports externalIdValues, withFirstKeys */
/* harmony import */ var _apply_executor_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1600);
/* harmony import */ var _plan_desired_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1313);
/* harmony import */ var _preview_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8822);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4399);
/* harmony import */ var _rotate_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4607);





/** What the executor needs to rebuild trust documents: env values by name, literals by placeholder. */
function externalIdValues(manifest, accounts, env) {
    const out = new Map(env);
    for (const account of accounts) {
        for (const role of (0,_plan_desired_js__WEBPACK_IMPORTED_MODULE_1__/* .desiredState */ .Iq)(manifest, account, env).roles) {
            const b = role.externalId;
            if (b && 'manifest' in b.source && b.value !== undefined)
                out.set(b.placeholder, b.value);
        }
    }
    return out;
}
async function runApply(file, opts) {
    const planned = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .runPlan */ .Fo)(file, opts);
    return applyPlanned(file, planned, opts);
}
/**
 * The writes of `apply` for a plan already computed (and shown, and confirmed) in this run.
 * Returns `planned` untouched when it holds no valid plan.
 */
async function applyPlanned(file, planned, opts) {
    if (!planned.plan || !planned.manifest)
        return planned;
    const manifest = planned.manifest;
    if (opts.dryRun)
        return { ...planned, preview: (0,_preview_js__WEBPACK_IMPORTED_MODULE_2__/* .applyPreview */ .TN)(planned.plan) };
    opts.onPlan?.(planned.plan);
    const apply = await (0,_apply_executor_js__WEBPACK_IMPORTED_MODULE_0__/* .executePlan */ .vY)(planned.plan, {
        clientsFor: opts.clients(manifest),
        externalIds: externalIdValues(manifest, planned.selected, planned.envValues),
        ...(opts.log ? { log: opts.log } : {}),
        ...(opts.onOutcome ? { onOutcome: opts.onOutcome } : {}),
    });
    const result = { ...planned, failures: [...planned.failures], apply, summary: (0,_apply_executor_js__WEBPACK_IMPORTED_MODULE_0__/* .summarizeApply */ .IM)(apply) };
    const needsKeys = planned.plan.accounts.some((a) => a.changes.some((c) => c.kind.startsWith('key-') && c.action !== 'none'));
    if (opts.keys && needsKeys) {
        const read = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .runPlan */ .Fo)(file, { ...opts, accounts: planned.selected });
        result.keys = await (0,_rotate_js__WEBPACK_IMPORTED_MODULE_4__/* .rotateAccounts */ .aH)(read, { ...opts.keys, now: opts.now, onlyKeyChanges: true });
        for (const f of read.failures)
            result.failures.push({ account: f.account, message: `after apply: ${f.message}` });
        // The executor leaves key creation to the rotation path just run: its outcome is the key's.
        result.apply = withFirstKeys(apply, result.keys);
        result.summary = (0,_apply_executor_js__WEBPACK_IMPORTED_MODULE_0__/* .summarizeApply */ .IM)(result.apply);
    }
    return result;
}
/**
 * The executor's access-key placeholders (every key change runs after it, through the locked
 * rotation path) replaced by what that rotation did: done ("first key created, delivered to ...,
 * verified", or the steps it carried out), failed (with why), or still not run (with why), so the
 * summary counts what happened to the keys, not the placeholder.
 */
function withFirstKeys(apply, keys) {
    const accounts = apply.accounts.map((a) => ({
        ...a,
        outcomes: a.outcomes.map((o) => {
            if (o.deferred !== 'rotation')
                return o;
            const first = o.action === 'create';
            const rotation = keys.find((k) => k.account === a.account);
            const user = rotation?.users.find((u) => u.connection === o.connection);
            if (rotation?.error)
                return { ...o, status: 'failed', message: `${first ? 'first key not created' : 'key change not made'}: ${rotation.error}` };
            if (!user)
                return o;
            if (user.status === 'changed' && user.failures.length === 0) {
                if (first) {
                    const where = user.delivered.length ? user.delivered.join(', ') : 'no sink';
                    return { ...o, status: 'done', message: `first key created, delivered to ${where}, verified` };
                }
                const did = user.steps.filter((st) => st.status === 'done').map((st) => st.message);
                return { ...o, status: 'done', message: `by the rotation path: ${did.join('; ') || 'done'}` };
            }
            if (user.status === 'failed' || user.failures.length)
                return { ...o, status: 'failed', message: `${first ? 'first key' : 'key change'}: ${user.failures.join('; ') || 'failed'}` };
            const why = user.status === 'locked' ? 'another run holds the user lock' : 'the rotation path found nothing to do';
            return { ...o, message: `${first ? 'first key not created' : 'key change not made'}: ${why}` };
        }),
    }));
    return { ...apply, accounts };
}


/***/ }),

/***/ 8822:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E2: () => (/* binding */ isRetirement),
/* harmony export */   NI: () => (/* binding */ dryRunBanner),
/* harmony export */   TN: () => (/* binding */ applyPreview),
/* harmony export */   vC: () => (/* binding */ rotationStepPreview)
/* harmony export */ });
/* harmony import */ var _plan_keys_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5111);

function day(d) {
    const iso = d.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
/** The line every dry run's log, summary and CLI output leads with. */
function dryRunBanner(dry) {
    return dry.asOf
        ? `dry run: as-of ${day(dry.asOf)} only previews; nothing was written (apply and rotate write only on the real clock)`
        : 'dry run: nothing was written';
}
const VERB = {
    create: 'would create',
    update: 'would update',
    delete: 'would delete',
    attach: 'would attach',
    detach: 'would detach',
    put: 'would put',
    tag: 'would tag',
    rotate: 'would rotate',
    deactivate: 'would deactivate',
    remove: 'would remove',
};
/** One line per change apply would make, in plan order. */
function applyPreview(plan, keep = () => true) {
    return plan.accounts.flatMap((a) => a.changes
        .filter((c) => c.action !== 'none' && keep(c))
        .map((c) => `${c.account}: ${VERB[c.action] ?? `would ${c.action}`} ${c.resource.type} ${c.resource.name} (${c.reason})`));
}
/** A temporary connection past `expires + deleteAfter`: its user and policies are torn down. */
function isRetirement(c) {
    return c.kind === 'expired' && c.action === 'delete';
}
/** One line per rotation step, in order; warnings as they are. */
function rotationStepPreview(prefix, steps) {
    return steps.map((s) => {
        switch (s.kind) {
            case 'rotate':
                return `${prefix}: would rotate: create a new key, deliver it, verify it and record it${s.replaces ? ` (it replaces ${(0,_plan_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .maskKeyId */ .Dx)(s.replaces)})` : ''}: ${s.reason}`;
            case 'deactivate':
                return `${prefix}: would deactivate ${(0,_plan_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .maskKeyId */ .Dx)(s.keyId)}: ${s.reason}`;
            case 'delete':
            case 'delete-orphan':
            case 'delete-pending':
                return `${prefix}: would delete ${(0,_plan_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .maskKeyId */ .Dx)(s.keyId)}: ${s.reason}`;
            case 'resume':
                return `${prefix}: would resume delivering the pending key ${(0,_plan_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .maskKeyId */ .Dx)(s.keyId)} to every sink, verify and record it: ${s.reason}`;
            case 'abandon-pending':
                return `${prefix}: would record the pending key ${(0,_plan_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .maskKeyId */ .Dx)(s.keyId)} as replaced, to retire like one: ${s.reason}`;
            case 'clear-pending':
                return `${prefix}: would remove the stale pending mark of ${(0,_plan_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .maskKeyId */ .Dx)(s.keyId)}`;
            case 'warn':
                return `${prefix}: warning: ${s.reason}`;
        }
    });
}


/***/ }),

/***/ 4607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aH: () => (/* binding */ rotateAccounts),
  nf: () => (/* binding */ runRotate)
});

// UNUSED EXPORTS: retirementPlan, rotatingConnections, tagBudgetBlocked

// EXTERNAL MODULE: ./src/apply/executor.ts + 12 modules
var executor = __webpack_require__(1600);
// EXTERNAL MODULE: ./src/aws/inventory.ts + 1 modules
var aws_inventory = __webpack_require__(2682);
// EXTERNAL MODULE: ./src/plan/keys.ts
var plan_keys = __webpack_require__(5111);
;// CONCATENATED MODULE: ./src/rotate/lifecycle.ts

const ROTATE_TRIGGERS = new Set(['key-due', 'key-overdue', 'key-missing', 'key-unrecorded', 'key-inactive']);
/** The live pending key of a record (not the current one), if any. */
function livePending(keys, record) {
    const p = record.pending;
    return p && p.id !== record.current?.id ? keys.find((k) => k.id === p.id) : undefined;
}
function planUserRotation(input) {
    const record = (0,plan_keys/* readKeyRecord */.TL)(input.tags);
    const steps = [];
    let keys = [...input.keys];
    const tags = { ...input.tags };
    const nowIso = input.now.toISOString();
    // 1. The pending key: the state after it is resolved is what the rest is planned on.
    let resume;
    if (record.pending) {
        const p = record.pending;
        const live = livePending(keys, record);
        if (!live) {
            steps.push({ kind: 'clear-pending', keyId: p.id, reason: `the pending mark of ${(0,plan_keys/* maskKeyId */.Dx)(p.id)} is stale (the key is ${p.id === record.current?.id ? 'already current' : 'gone'}): removed` });
            delete tags[plan_keys/* KEY_PENDING_TAG */.zm];
        }
        else if (input.temporary && input.now >= input.temporary.expiresAt) {
            // Expired: no delivery is finished; the key is deactivated with the others below.
            delete tags[plan_keys/* KEY_PENDING_TAG */.zm];
        }
        else if (input.pendingDelivery === undefined) {
            return { record, steps: [], needsLastUsed: [], needsPendingProbe: live.id, next: [] };
        }
        else if (input.pendingDelivery === 'resumable') {
            const current = record.current && keys.some((k) => k.id === record.current?.id) ? record.current.id : undefined;
            resume = {
                kind: 'resume',
                keyId: live.id,
                ...(current !== undefined ? { replaces: current } : {}),
                reason: `a rotation was interrupted after creating ${(0,plan_keys/* maskKeyId */.Dx)(live.id)}: its delivery is finished (verified, every sink, promoted, recorded)`,
            };
            // Planned as if done (the record resume writes), so nothing below creates a second key,
            // retires the key it replaces, or takes the pending key for a key outside the record.
            tags[plan_keys/* KEY_CURRENT_TAG */.pI] = `${live.id}@${nowIso}`;
            if (current !== undefined)
                tags[plan_keys/* KEY_PREVIOUS_TAG */.th] = `${current}@${nowIso}`;
            delete tags[plan_keys/* KEY_PENDING_TAG */.zm];
        }
        else if (input.pendingDelivery === 'undelivered') {
            steps.push({
                kind: 'delete-pending',
                keyId: live.id,
                reason: `the interrupted rotation's key ${(0,plan_keys/* maskKeyId */.Dx)(live.id)} reached no sink (the first Secrets Manager sink, written before any other, has no version of it): deleted`,
            });
            keys = keys.filter((k) => k.id !== live.id);
            delete tags[plan_keys/* KEY_PENDING_TAG */.zm];
        }
        else if (record.previous && record.previous.id !== live.id && keys.some((k) => k.id === record.previous?.id)) {
            // The replaced-key slot of the record is taken by a live key: recording this one there
            // would drop that one from the record. Both are kept until the replaced key is retired.
            steps.push({
                kind: 'warn',
                keyId: live.id,
                finding: 'key-pending',
                reason: `the interrupted rotation's key ${(0,plan_keys/* maskKeyId */.Dx)(live.id)} may be held by a sink but its secret cannot be read back, and the replaced key ${(0,plan_keys/* maskKeyId */.Dx)(record.previous.id)} is still recorded: it is kept (never deleted blind) and retired once that key is gone`,
            });
        }
        else {
            steps.push({
                kind: 'abandon-pending',
                keyId: live.id,
                reason: `the interrupted rotation's key ${(0,plan_keys/* maskKeyId */.Dx)(live.id)} may be held by a sink but its secret cannot be read back: it is recorded as replaced and retired like one (deactivated only once unused for ${(0,plan_keys/* formatDuration */.a3)(input.rules.requireUnusedFor)}, deleted ${(0,plan_keys/* formatDuration */.a3)(input.rules.deleteAfter)} later)`,
            });
            tags[plan_keys/* KEY_PREVIOUS_TAG */.th] = `${live.id}@${nowIso}`;
            delete tags[plan_keys/* KEY_PENDING_TAG */.zm];
        }
    }
    const assessment = (0,plan_keys/* assessKeys */.fU)({ keys, tags, rules: input.rules, now: input.now, temporary: input.temporary, ...(input.user ? { user: input.user } : {}) });
    const state = assessment.record;
    const needsLastUsed = [];
    const gone = new Set();
    const byKind = (kind) => assessment.findings.filter((f) => f.kind === kind);
    for (const f of byKind('key-orphan')) {
        if (f.keyId === undefined)
            continue;
        if (f.needsLastUsed === true)
            needsLastUsed.push(f.keyId);
        else if (f.action === 'delete') {
            steps.push({ kind: 'delete-orphan', keyId: f.keyId, reason: f.reason });
            gone.add(f.keyId);
        }
        else
            steps.push({ kind: 'warn', keyId: f.keyId, finding: f.kind, reason: f.reason });
    }
    for (const f of byKind('key-expired')) {
        if (f.keyId === undefined)
            continue;
        steps.push({ kind: 'deactivate', keyId: f.keyId, why: 'expired', reason: f.reason });
    }
    for (const f of byKind('key-delete')) {
        if (f.keyId === undefined)
            continue;
        steps.push({ kind: 'delete', keyId: f.keyId, why: 'retired', reason: f.reason });
        gone.add(f.keyId);
    }
    for (const f of byKind('key-retire')) {
        if (f.keyId === undefined)
            continue;
        if (f.needsLastUsed === true) {
            needsLastUsed.push(...(f.lastUseOf ?? [f.keyId]));
        }
        else if (f.action === 'deactivate') {
            steps.push({ kind: 'deactivate', keyId: f.keyId, why: 'retire', reason: f.reason });
        }
    }
    for (const f of byKind('key-in-use'))
        steps.push({ kind: 'warn', keyId: f.keyId, finding: f.kind, reason: f.reason });
    // At most one rotation per run, whatever triggered it; a resumed one is that rotation. While
    // a last use is pending, the second pass decides retirement first, then whether a rotation fits.
    const expired = input.temporary !== undefined && input.now >= input.temporary.expiresAt;
    // Deleting the only key (an interrupted run's leftover) leaves the user with none: make its key
    // in the same run, as a rerun of the interrupted run would have, rather than one run later.
    const emptied = keys.length > 0 && keys.every((k) => gone.has(k.id)) && !expired
        ? { kind: 'key-missing', action: 'create', severity: 'medium', security: false, reason: 'the only access key was an interrupted run\'s leftover, deleted in this run: a new key is made in its place' }
        : undefined;
    const trigger = assessment.findings.find((f) => ROTATE_TRIGGERS.has(f.kind) && (f.kind !== 'key-unrecorded' || f.action === 'rotate')) ?? emptied;
    if (resume) {
        steps.push(resume);
    }
    else if (trigger !== undefined && needsLastUsed.length === 0) {
        const replaces = state.current && keys.some((k) => k.id === state.current?.id) ? state.current.id : trigger.kind === 'key-unrecorded' ? trigger.keyId : undefined;
        const remaining = keys.filter((k) => !gone.has(k.id));
        let free = plan_keys/* MAX_KEYS_PER_USER */.k7 - remaining.length;
        const blockers = [];
        for (const k of remaining) {
            if (free > 0)
                break;
            if (k.id === replaces)
                continue;
            // Only a key already inactive when the run began: one deactivated a moment ago keeps at
            // least until the next run, the window in which someone can still reactivate it.
            if (k.status === 'Inactive' && k.id === state.previous?.id && !steps.some((st) => st.kind === 'abandon-pending' && st.keyId === k.id)) {
                steps.push({
                    kind: 'delete',
                    keyId: k.id,
                    why: 'make-room',
                    reason: `IAM allows two access keys per user: the replaced key ${(0,plan_keys/* maskKeyId */.Dx)(k.id)} is inactive and is deleted early to make room for the new key`,
                });
                gone.add(k.id);
                free++;
            }
            else {
                blockers.push(k.id);
            }
        }
        if (free > 0) {
            steps.push({ kind: 'rotate', ...(replaces !== undefined ? { replaces } : {}), trigger: trigger.kind, reason: trigger.reason });
        }
        else {
            const who = blockers.map((id) => (0,plan_keys/* maskKeyId */.Dx)(id)).join(', ');
            steps.push({
                kind: 'warn',
                finding: 'rotation-blocked',
                reason: `a rotation is due (${trigger.reason}) but the user already holds ${plan_keys/* MAX_KEYS_PER_USER */.k7} access keys and ${who || 'the other key'} is still active: ` +
                    'rotation waits until the replaced key is deactivated (unused for requireUnusedFor, or `force: true`); if that key is not ours, delete it by hand',
            });
        }
    }
    for (const f of assessment.findings) {
        if (f.kind === 'key-inactive' && !steps.some((s) => s.kind === 'rotate' || s.kind === 'resume'))
            steps.push({ kind: 'warn', keyId: f.keyId, finding: f.kind, reason: f.reason });
    }
    return { record, steps, needsLastUsed, next: nextEvents({ ...input, keys }, state, steps) };
}
/**
 * What happens next and when, assuming this run's steps succeed: the answer to "what rotates
 * next month?" when evaluated `as-of` a later date.
 */
function nextEvents(input, record, steps) {
    const { rules } = input;
    const out = [];
    const at = (iso, seconds) => new Date(Date.parse(iso) + seconds * 1000).toISOString();
    const nowIso = input.now.toISOString();
    if (input.temporary) {
        if (input.now < input.temporary.expiresAt) {
            out.push({ kind: 'expire', at: input.temporary.expiresAt.toISOString(), what: 'the temporary connection expires: every key is deactivated' });
        }
        if (input.now < input.temporary.deleteAt) {
            out.push({ kind: 'delete', at: input.temporary.deleteAt.toISOString(), what: 'the temporary user is deleted with its keys (by apply)' });
        }
        if (input.now >= input.temporary.expiresAt)
            return out;
    }
    const rotated = steps.some((s) => s.kind === 'rotate' || s.kind === 'resume');
    const removed = new Set(steps.flatMap((s) => (s.kind === 'delete' || s.kind === 'delete-orphan' ? [s.keyId] : [])));
    const deactivated = new Set(steps.flatMap((s) => (s.kind === 'deactivate' ? [s.keyId] : [])));
    const current = input.keys.find((k) => k.id === record.current?.id);
    if (rotated) {
        out.push({ kind: 'rotate', at: at(nowIso, rules.rotateAfter), what: `the new key is due for rotation (rotateAfter ${(0,plan_keys/* formatDuration */.a3)(rules.rotateAfter)})` });
        const replaced = steps.find((s) => s.kind === 'rotate' || s.kind === 'resume')?.replaces;
        if (replaced !== undefined) {
            out.push({ kind: 'deactivate', keyId: replaced, at: at(nowIso, rules.overlap), what: `the replaced key ${(0,plan_keys/* maskKeyId */.Dx)(replaced)} is deactivated if unused for ${(0,plan_keys/* formatDuration */.a3)(rules.requireUnusedFor)}` });
            out.push({ kind: 'delete', keyId: replaced, at: at(nowIso, rules.overlap + rules.deleteAfter), what: `the replaced key ${(0,plan_keys/* maskKeyId */.Dx)(replaced)} is deleted` });
        }
    }
    else if (current) {
        out.push({ kind: 'rotate', keyId: current.id, at: at(current.created, rules.rotateAfter), what: `key ${(0,plan_keys/* maskKeyId */.Dx)(current.id)} is due for rotation` });
    }
    const prev = record.previous;
    const prevKey = prev ? input.keys.find((k) => k.id === prev.id) : undefined;
    if (!rotated && prev && prevKey && !removed.has(prev.id)) {
        if (prevKey.status === 'Active' && !deactivated.has(prev.id)) {
            const when = at(prev.at, rules.overlap);
            out.push({
                kind: 'deactivate',
                keyId: prev.id,
                at: Date.parse(when) > input.now.getTime() ? when : nowIso,
                what: `the replaced key ${(0,plan_keys/* maskKeyId */.Dx)(prev.id)} is deactivated once unused for ${(0,plan_keys/* formatDuration */.a3)(rules.requireUnusedFor)}${rules.force ? ' (force: whatever its use)' : ''}`,
            });
        }
        out.push({ kind: 'delete', keyId: prev.id, at: at(prev.at, rules.overlap + rules.deleteAfter), what: `the replaced key ${(0,plan_keys/* maskKeyId */.Dx)(prev.id)} is deleted (once inactive)` });
    }
    return out.sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var dist_cjs = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/apply/call.ts
var call = __webpack_require__(6614);
// EXTERNAL MODULE: ./src/aws/retry.ts
var aws_retry = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/plan/temporary.ts
var temporary = __webpack_require__(1072);
// EXTERNAL MODULE: ./src/sinks/payload.ts
var payload = __webpack_require__(9170);
// EXTERNAL MODULE: ./src/sinks/github-secrets.ts
var github_secrets = __webpack_require__(8581);
// EXTERNAL MODULE: ./src/manifest/sink-targets.ts
var sink_targets = __webpack_require__(5453);
;// CONCATENATED MODULE: ./src/sinks/output.ts


/** The output's name and value (JSON: accessKeyId, secretAccessKey, user, account, createdAt). */
function outputValue(sink, value, accountName) {
    return { name: (0,sink_targets/* expandAccount */.i)(sink.name, accountName), value: (0,payload/* payloadJson */.V)(value) };
}
function deliverToOutput(sink, value, accountName, setOutput) {
    const out = outputValue(sink, value, accountName);
    setOutput(out.name, out.value);
    return { target: `masked step output ${out.name}`, outcome: 'set' };
}

// EXTERNAL MODULE: ./src/sinks/secrets-manager.ts
var secrets_manager = __webpack_require__(1999);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
;// CONCATENATED MODULE: ./src/sinks/verify.ts
/**
 * Proof that a new key works before anything depends on it: sts:GetCallerIdentity signed with
 * the new key, retried while IAM propagates it (new keys can take 5 to 15 s, rarely more; the
 * budget is about two minutes), and the identity must be the user the key was made for.
 */






/** What an unpropagated key gets back: retried until the budget runs out. */
const PROPAGATION_CODES = new Set(['InvalidClientTokenId', 'SignatureDoesNotMatch', 'AccessDenied', 'AccessDeniedException', 'UnrecognizedClientException', 'AuthFailure']);
async function verifyKey(keyId, secret, region, opts) {
    const credentials = { accessKeyId: keyId, secretAccessKey: secret };
    const sts = opts.makeClient ? opts.makeClient(credentials, region) : (0,clients/* stsClient */.Km)({ region, credentials });
    let attempts = 0;
    try {
        const out = await (0,aws_retry/* withRetry */.bD)(async (attempt) => {
            attempts = attempt;
            return sts.send(new client_sts_dist_cjs/* GetCallerIdentityCommand */.zI({}));
        }, {
            maxElapsedMs: opts.maxElapsedMs ?? 120_000,
            maxAttempts: 40,
            baseDelayMs: 1_000,
            maxDelayMs: 10_000,
            ...(opts.clock ? { clock: opts.clock } : {}),
            ...(opts.random ? { random: opts.random } : {}),
            label: `sts:GetCallerIdentity with the new key ${(0,plan_keys/* maskKeyId */.Dx)(keyId)}`,
            classify: (err) => (PROPAGATION_CODES.has((0,aws_retry/* errorCode */.CA)(err) ?? '') ? 'transient' : (0,aws_retry/* classifyAwsError */.u3)(err)),
        });
        const arn = out.Arn ?? '';
        if (arn !== opts.expectedArn) {
            throw new secrets_manager/* SinkError */.y_(`the new key ${(0,plan_keys/* maskKeyId */.Dx)(keyId)} signs in as ${arn || 'an unknown identity'}, not as ${opts.expectedArn}: the rotation is not recorded; check AWS_ENDPOINT_URL_STS and the account, then rerun rotate`);
        }
        return { arn, attempts };
    }
    catch (err) {
        if (err instanceof secrets_manager/* SinkError */.y_)
            throw err;
        const base = err instanceof aws_retry/* RetriesExhaustedError */.i5 ? (0,aws_retry/* errorSummary */.N5)(err.cause) : (0,aws_retry/* errorSummary */.N5)(err);
        throw new secrets_manager/* SinkError */.y_((0,payload/* scrub */._)(`the new key ${(0,plan_keys/* maskKeyId */.Dx)(keyId)} did not work with sts:GetCallerIdentity after ${attempts} attempt(s): ${base}. ` +
            'The rotation is not recorded and the old key is untouched; the next run deletes the unrecorded key and tries again. ' +
            'If this persists, check that no SCP or permissions boundary denies sts:GetCallerIdentity to the user.', [secret]));
    }
}

;// CONCATENATED MODULE: ./src/rotate/step-env.ts


/** Stops a user's rotation where a killed process would have stopped: no cleanup. */
class Interrupted extends Error {
}
async function iamCall(input, env, action, fn) {
    try {
        return await (0,aws_retry/* withRetry */.bD)(fn, { ...env.retry, label: `${action} (user ${env.user.name})`, classify: (e) => (0,call/* classifyApplyError */.Dl)(e, false) });
    }
    catch (err) {
        if ((0,call/* isNoSuchEntity */.I0)(err))
            throw err;
        const denied = (0,call/* classifyApplyError */.Dl)(err, false) === 'denied';
        throw new Error(`${action} on user ${env.user.name} in account "${input.account.name}" failed: ${(0,aws_retry/* errorSummary */.N5)(err)}.` +
            (denied ? ` Grant ${action} on ${env.user.arn} to the role rotate uses, then rerun rotate.` : ' Rerun rotate: every step is idempotent.'));
    }
}

;// CONCATENATED MODULE: ./src/rotate/deliver.ts
/**
 * The create-deliver-record stage of a rotation (the order and its invariants are in
 * ./lifecycle.ts): CreateAccessKey, mark pending, verify, stage in every Secrets Manager sink,
 * deliver to the other sinks, promote, record. Also the other half of the protocol: finding
 * out what the sinks hold of a pending key an earlier run left (`probePending`), and finishing
 * that rotation with the secret read back (`resumeKey`).
 *
 * Secrets: the secret access key exists only in local variables between CreateAccessKey (or
 * the read-back) and the last sink; `mask` runs on it before anything else, and every message
 * that leaves this module is scrubbed of it.
 */








/**
 * Secrets Manager sinks first, in manifest order, then the others: a sink that cannot stage
 * (GitHub, an output) only ever sees a key the first Secrets Manager sink already holds, so
 * "the first Secrets Manager sink has no version of it" proves no sink has it.
 */
function deliveryOrder(sinks) {
    return [...sinks.filter((s) => s.kind === 'secretsManager'), ...sinks.filter((s) => s.kind !== 'secretsManager')];
}
function owner(input, env) {
    return { connection: env.conn.name, user: env.user.name, account: input.account.id };
}
function smClient(input, sink) {
    const region = sink.region ?? input.region;
    return { client: input.clients.secretsManager({ ...(sink.account !== undefined ? { account: sink.account } : {}), region }), region };
}
/** DescribeSecret of every Secrets Manager sink, refusing (before any key exists) a secret that is not ours. */
async function preflight(input, env, sinks) {
    const states = new Map();
    for (const sink of sinks) {
        if (sink.kind !== 'secretsManager')
            continue;
        const { client, region } = smClient(input, sink);
        const { secretId, target } = (0,secrets_manager/* secretTarget */.Gk)(sink, { accountName: input.account.name, region });
        let state;
        try {
            state = await (0,secrets_manager/* describeSecret */.wr)(client, secretId, env.retry);
        }
        catch (err) {
            const denied = (0,aws_retry/* classifyAwsError */.u3)(err) === 'denied';
            throw new secrets_manager/* SinkError */.y_(`reading ${target} (secretsmanager:DescribeSecret) failed: ${err instanceof Error ? err.message : String(err)}.` +
                (denied ? ' Grant secretsmanager:DescribeSecret on the secret to the role rotate uses: ownership is checked before any write.' : ' Rerun rotate.'));
        }
        const problem = (0,secrets_manager/* ownershipProblem */.l2)(sink, secretId, state, owner(input, env));
        if (problem)
            throw new secrets_manager/* SinkError */.y_(problem);
        states.set(sink, state);
    }
    return states;
}
/**
 * What the sinks hold of the pending key `keyId` (see PendingDelivery), with its secret when
 * it can be read back. Transient failures throw (the user's rotation stops; the next run asks
 * again); a refusal counts as "cannot read back".
 */
async function probePending(input, env, keyId) {
    const sms = deliveryOrder(env.conn.user?.accessKey?.deliver ?? []).filter((s) => s.kind === 'secretsManager');
    if (sms.length === 0)
        return { delivery: 'unreachable', why: 'no Secrets Manager sink to read it back from' };
    const token = (0,secrets_manager/* versionToken */.gL)(keyId);
    const denied = (err) => (0,aws_retry/* classifyAwsError */.u3)(err) === 'denied';
    let holders = 0;
    for (const [i, sink] of sms.entries()) {
        const { client, region } = smClient(input, sink);
        const { secretId, target } = (0,secrets_manager/* secretTarget */.Gk)(sink, { accountName: input.account.name, region });
        let state;
        try {
            state = await (0,secrets_manager/* describeSecret */.wr)(client, secretId, env.retry);
        }
        catch (err) {
            if (!denied(err))
                throw err;
            if (i === 0)
                return { delivery: 'unreachable', why: `secretsmanager:DescribeSecret on ${target} was refused` };
            continue;
        }
        if (state?.versions[token] === undefined) {
            if (i === 0)
                return { delivery: 'undelivered', why: `${target} has no version of it` };
            continue;
        }
        holders++;
        try {
            const secret = await (0,secrets_manager/* readStagedKey */.s_)(client, secretId, keyId, env.retry);
            if (secret !== undefined)
                return { delivery: 'resumable', secret, why: `read back from ${target}` };
        }
        catch (err) {
            if (!denied(err))
                throw err;
        }
    }
    return {
        delivery: 'unreachable',
        why: `${holders} Secrets Manager sink(s) hold it but secretsmanager:GetSecretValue on them was refused or returned another key (grant it to the role rotate uses so the next interrupted rotation can be resumed)`,
    };
}
/** A new key: created into a free slot, marked pending at once, then delivered. */
async function rotateKey(input, step, env) {
    const { iam } = input.clients;
    const user = env.user.name;
    const sinks = deliveryOrder(env.conn.user?.accessKey?.deliver ?? []);
    if (sinks.length === 0)
        throw new Error(`connection ${env.conn.name} declares no sink for the key of ${user}: add accessKey.deliver (manifest/no-sink)`);
    const states = await preflight(input, env, sinks);
    await env.guard('create-key');
    const created = await iamCall(input, env, 'iam:CreateAccessKey', () => iam.send(new dist_cjs/* CreateAccessKeyCommand */.hN({ UserName: user })));
    const key = created.AccessKey;
    const secret = key?.SecretAccessKey;
    if (secret) {
        env.secrets.push(secret);
        input.mask(secret);
    }
    if (!key?.AccessKeyId || !secret)
        throw new Error(`iam:CreateAccessKey for ${user} returned no key: rerun rotate (a young unused key outside the record is deleted first)`);
    const keyId = key.AccessKeyId;
    const masked = (0,plan_keys/* maskKeyId */.Dx)(keyId);
    env.log(`created ${masked}`);
    if (input.afterCreate) {
        try {
            await input.afterCreate(user, keyId);
        }
        catch (err) {
            throw new Interrupted(`interrupted after creating ${masked} for ${user}: ${err instanceof Error ? err.message : String(err)}; the key is not marked pending, and the next run deletes it (young, never used)`);
        }
    }
    const createdAt = (key.CreateDate ?? input.now).toISOString();
    // Before any sink sees it: from here on no run deletes it blind.
    await iamCall(input, env, 'iam:TagUser', () => iam.send(new dist_cjs/* TagUserCommand */.pkA({ UserName: user, Tags: [{ Key: plan_keys/* KEY_PENDING_TAG */.zm, Value: `${keyId}@${createdAt}` }] })));
    return finish(input, env, { id: keyId, secret, created: createdAt }, step.replaces, sinks, states, false);
}
/** Finishes an interrupted rotation with the pending key and its read-back secret. */
async function resumeKey(input, step, key, env) {
    env.secrets.push(key.secret);
    input.mask(key.secret);
    const sinks = deliveryOrder(env.conn.user?.accessKey?.deliver ?? []);
    const states = await preflight(input, env, sinks);
    env.log(`resuming the interrupted rotation of ${(0,plan_keys/* maskKeyId */.Dx)(key.id)}`);
    return finish(input, env, key, step.replaces, sinks, states, true);
}
async function finish(input, env, key, replaces, sinks, states, resumed) {
    const { iam } = input.clients;
    const user = env.user.name;
    const masked = (0,plan_keys/* maskKeyId */.Dx)(key.id);
    const payload = { accessKeyId: key.id, secretAccessKey: key.secret, user, account: input.account.id, createdAt: key.created };
    try {
        const verified = await verifyKey(key.id, key.secret, input.region, {
            expectedArn: env.user.arn,
            clock: env.clock,
            ...(input.verify?.maxElapsedMs !== undefined ? { maxElapsedMs: input.verify.maxElapsedMs } : {}),
            ...(input.clients.verifyClient ? { makeClient: input.clients.verifyClient } : {}),
        });
        env.log(`verified ${masked} with sts:GetCallerIdentity (${verified.attempts} attempt(s))`);
    }
    catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        if (resumed)
            throw new Error(`${why} (the pending key ${masked} was not delivered further; the current key is untouched)`);
        // No sink has seen it: remove it now rather than leave it for the next run.
        const cleaned = await iam
            .send(new dist_cjs/* DeleteAccessKeyCommand */.yq0({ UserName: user, AccessKeyId: key.id }))
            .then(() => iam.send(new dist_cjs/* UntagUserCommand */.KZ_({ UserName: user, TagKeys: [plan_keys/* KEY_PENDING_TAG */.zm] })))
            .then(() => true, () => false);
        throw new Error(`${why} (the new key ${masked} reached no sink ${cleaned ? 'and was deleted' : 'and could not be deleted: the next run deletes it'}; the current key is untouched)`);
    }
    const staged = [];
    try {
        for (const sink of sinks) {
            const d = await deliver(input, env, sink, payload, states.get(sink));
            if (sink.kind === 'secretsManager')
                staged.push(sink);
            env.result.delivered.push(d.target);
            env.log(`delivered ${masked} to ${d.target} (${d.outcome})`);
        }
        for (const sink of staged) {
            const { client, region } = smClient(input, sink);
            env.log(await (0,secrets_manager/* promoteInSecretsManager */.I7)(client, sink, key.id, { accountName: input.account.name, region, retry: env.retry }));
        }
    }
    catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        const got = env.result.delivered.length ? `reached ${env.result.delivered.join(', ')}` : 'reached no sink';
        throw new Error(`${why} (the new key ${masked} ${got} and stays pending: every sink still serves the current key as its current value, ` +
            'and the next run resumes the delivery from the Secrets Manager version that holds it, or retires the key like a replaced one if it cannot)');
    }
    await env.guard('record');
    const now = recordTime(input.now, input.clockNow?.());
    const previous = replaces !== undefined ? { id: replaces, at: now } : env.record.previous;
    const recordTags = (0,plan_keys/* keyRecordTags */.Al)({ current: { id: key.id, at: now }, ...(previous ? { previous } : {}) });
    await iamCall(input, env, 'iam:TagUser', () => iam.send(new dist_cjs/* TagUserCommand */.pkA({ UserName: user, Tags: Object.entries(recordTags).map(([Key, Value]) => ({ Key, Value })) })));
    await iamCall(input, env, 'iam:UntagUser', () => iam.send(new dist_cjs/* UntagUserCommand */.KZ_({ UserName: user, TagKeys: previous ? [plan_keys/* KEY_PENDING_TAG */.zm] : [plan_keys/* KEY_PENDING_TAG */.zm, plan_keys/* KEY_PREVIOUS_TAG */.th] })));
    env.log(`recorded ${masked} as ${plan_keys/* KEY_CURRENT_TAG */.pI}${replaces ? `, ${(0,plan_keys/* maskKeyId */.Dx)(replaces)} as ${plan_keys/* KEY_PREVIOUS_TAG */.th}` : ''}`);
    return (`${resumed ? 'resumed the interrupted rotation' : 'rotated'}: ${resumed ? '' : `created ${masked}, `}verified, delivered to ${env.result.delivered.length} sink(s), promoted, recorded` +
        (replaces ? `; ${(0,plan_keys/* maskKeyId */.Dx)(replaces)} stays active for the overlap` : ''));
}
/**
 * The time a key is recorded as delivered. It is the base of two rules: the switch evidence (the
 * new key must be used more than SWITCH_EVIDENCE_MARGIN_S after it, so the tool's own verification,
 * made before this instant, never counts) and the schedule (overlap and deleteAfter count from it).
 * The run's start serves both while delivery ends within RECORD_AT_RUN_START_S of it: a daily run
 * at the same hour then finds each stage due instead of missing it by the seconds a delivery took
 * and slipping a day. A slower run records the instant read after its last sink.
 */
function recordTime(runNow, clockNow) {
    const after = clockNow?.getTime() ?? runNow.getTime();
    return new Date(after - runNow.getTime() <= RECORD_AT_RUN_START_S * 1000 ? runNow.getTime() : after).toISOString();
}
/** Below SWITCH_EVIDENCE_MARGIN_S (15 min), so a verification inside that window stays excluded. */
const RECORD_AT_RUN_START_S = 10 * 60;
async function deliver(input, env, sink, payload, state) {
    switch (sink.kind) {
        case 'secretsManager': {
            const { client, region } = smClient(input, sink);
            return (0,secrets_manager/* deliverToSecretsManager */.Jx)(client, sink, payload, state, { accountName: input.account.name, region, owner: owner(input, env), retry: env.retry });
        }
        case 'githubSecret':
            if (!input.clients.github) {
                throw new secrets_manager/* SinkError */.y_(`GitHub secret ${sink.name}: no GitHub token was given: pass a fine-grained token with Secrets: write (or a GitHub App token) as github-token`);
            }
            return (0,github_secrets/* deliverToGitHubSecret */.IF)(input.clients.github, sink, payload, input.account.name);
        case 'output':
            if (!input.setOutput)
                throw new secrets_manager/* SinkError */.y_(`output ${sink.name}: this run cannot set step outputs (run rotate in GitHub Actions, or use another sink)`);
            return deliverToOutput(sink, payload, input.account.name, input.setOutput);
    }
}

// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(1532);
// EXTERNAL MODULE: ./src/rotate/lock-holder.ts
var lock_holder = __webpack_require__(8527);
// EXTERNAL MODULE: ./src/rotate/lock-tag.ts
var lock_tag = __webpack_require__(9961);
;// CONCATENATED MODULE: ./src/rotate/lock.ts
/**
 * A per-user lock so that two runs (rotate, or apply's key path) never act on one user's keys at
 * once: the user tag `iam-connections:rotate-lock = <holder>@<expiry>` (./lock-tag.ts).
 *
 * IAM has no conditional write, and tags are last-writer-wins, so the lock is a protocol:
 *
 * 1. Read the tag; go on only if it is absent, ours, expired, left by an earlier attempt of our
 *    own workflow run, or held by a run GitHub reports as ended (./lock-holder.ts).
 * 2. Write our value, and measure the time from sending that read to the write's answer.
 * 3. Wait `settleMs` after the last write of the batch, then read every tag again: ours only if
 *    our value is there.
 * 4. A run whose read-to-write time exceeded `settleMs` backs off for this user and reports
 *    contention: its write may have landed after another run's step-3 read, so that run may
 *    be mid-rotation. It leaves its value in place as a fence: the other run stops at its next
 *    re-check, and nobody else starts on the user until the fence expires or GitHub reports
 *    this run ended. (Removing it and retrying, the obvious alternative, would let a run start
 *    while the other is still between two writes, and delete its new key as unrecorded.)
 * 5. Before every write that touches keys or the record, `assertLockHeld` reads the tag again
 *    and stops the user with `LockLost` if it is no longer ours or expires within `marginMs`
 *    (longer than any stretch between two re-checks: delivery and verification); it extends a
 *    lock past half its life, so a long batch never runs out.
 *
 * Why that excludes: if A and B both confirmed, say A's write landed first at wA and B's at wB.
 * A's confirming read saw its own value, so it ran before wB, and it ran at least `settleMs` after
 * wA. B's first read saw no live lock, so it ran before wA. B's read-to-write time is therefore
 * more than `settleMs`, and B backs off. This assumes IAM's reads show a write acknowledged
 * `settleMs` earlier, and runners' clocks within `marginMs` of each other (expiry is compared on
 * each run's own clock). Step 5 covers whatever these assumptions miss with a bounded window:
 * a run that lost its lock stops before its next write.
 *
 * Cost: the settle is paid once per batch (`acquireLocks`), not once per user. Uses the wall
 * clock, never `as-of` or IAM_CONNECTIONS_NOW.
 */






/** The lock on a user stopped being this run's: no further write for that user. */
class LockLost extends Error {
    name = 'LockLost';
}
async function readUserTags(iam, user, retry) {
    const tags = {};
    let marker;
    do {
        const out = await (0,aws_retry/* withRetry */.bD)(() => iam.send(new dist_cjs/* ListUserTagsCommand */.K8S({ UserName: user, Marker: marker })), { ...retry, label: `iam:ListUserTags ${user}` });
        for (const t of out.Tags ?? [])
            if (t.Key !== undefined && t.Value !== undefined)
                tags[t.Key] = t.Value;
        marker = out.IsTruncated === true ? out.Marker : undefined;
    } while (marker !== undefined);
    return tags;
}
const untag = (iam, user, retry) => (0,aws_retry/* withRetry */.bD)(() => iam.send(new dist_cjs/* UntagUserCommand */.KZ_({ UserName: user, TagKeys: [lock_tag/* ROTATE_LOCK_TAG */.nk] })), { ...retry, label: `iam:UntagUser ${user}` });
const until = (l) => new Date(l.expiresAt).toISOString();
/**
 * Whether a lock found in place may be replaced or removed, and why (for the log), or why it
 * must be honoured. `asked`: GitHub was consulted, which takes time.
 */
async function judgeLock(l, opts) {
    if (l.holder.id === opts.runId)
        return { ok: true, asked: false };
    if (l.expiresAt <= opts.clock.now())
        return { ok: true, why: 'it expired', asked: false };
    if ((0,lock_tag/* supersedes */.Gm)(opts.runId, l.holder.id))
        return { ok: true, why: 'this is a later attempt of the same workflow run', asked: false };
    const verdict = await (opts.liveness ?? (0,lock_holder/* holderLiveness */.M)(undefined))(l.holder);
    return verdict.ended ? { ok: true, why: verdict.why, asked: true } : { ok: false, why: verdict.why };
}
const whose = (l) => `the lock of ${(0,lock_tag/* describeHolder */.sG)(l.holder)} (until ${until(l)})`;
const busyMessage = (user, l, why) => `another rotate run (${(0,lock_tag/* describeHolder */.sG)(l.holder)}) holds the lock on user ${user} until ${until(l)} (${why}): nothing done here; rerun after it finishes`;
/**
 * Takes the lock of every user in `users` it can, paying the settle once for the batch. Users
 * whose lock another live run holds are reported with who holds it and until when; users whose
 * lock write was too slow to be safe are retried (`attempts`, with jitter) and then reported as
 * contention.
 */
async function acquireLocks(iam, users, opts) {
    const settle = opts.settleMs ?? 2_000;
    const ttl = opts.ttlMs ?? 15 * 60_000;
    const attempts = opts.attempts ?? 3;
    const conc = opts.concurrency ?? 4;
    const random = opts.random ?? Math.random;
    const results = new Map();
    let pending = [...new Set(users)];
    const failed = async (user, err) => {
        results.set(user, { held: false, failed: true, message: `could not take the rotate lock on user ${user}: ${(0,aws_retry/* errorSummary */.N5)(err)}; nothing done for ${user}` });
        // A write whose answer was lost may still have landed: give it back if it is ours.
        await releaseUserLock(iam, user, opts).catch(() => undefined);
        return undefined;
    };
    /** Step 1 and 2: read, judge, write; undefined when the user is settled (busy or failed). */
    const write = async (user) => {
        let start = opts.clock.now();
        const tags = await readUserTags(iam, user, opts.retry);
        const found = (0,lock_tag/* parseLock */.PG)(tags[lock_tag/* ROTATE_LOCK_TAG */.nk]);
        let note;
        if (found) {
            const verdict = await judgeLock(found, opts);
            if (!verdict.ok) {
                results.set(user, { held: false, message: busyMessage(user, found, verdict.why) });
                return undefined;
            }
            if (verdict.why !== undefined)
                note = `took over ${whose(found)}: ${verdict.why}`;
            if (verdict.asked) {
                // Asking GitHub took time: read again so the read-to-write time counts from a fresh read.
                start = opts.clock.now();
                if ((await readUserTags(iam, user, opts.retry))[lock_tag/* ROTATE_LOCK_TAG */.nk] !== found.value)
                    return { user };
            }
        }
        else if (tags[lock_tag/* ROTATE_LOCK_TAG */.nk] !== undefined) {
            note = 'replaced an unreadable lock value';
        }
        const value = (0,lock_tag/* formatLock */.X5)(opts.runId, opts.clock.now() + ttl);
        await (0,aws_retry/* withRetry */.bD)(() => iam.send(new dist_cjs/* TagUserCommand */.pkA({ UserName: user, Tags: [{ Key: lock_tag/* ROTATE_LOCK_TAG */.nk, Value: value }] })), { ...opts.retry, label: `iam:TagUser ${user}` });
        return { user, value, spanMs: opts.clock.now() - start, ...(note !== undefined ? { note } : {}) };
    };
    /** Steps 3 and 4: true when the user must be tried again. */
    const confirm = async (w) => {
        const tags = await readUserTags(iam, w.user, opts.retry);
        const now = tags[lock_tag/* ROTATE_LOCK_TAG */.nk];
        if (now === w.value && w.spanMs <= settle) {
            results.set(w.user, { held: true, value: w.value, tags, ...(w.note !== undefined ? { note: w.note } : {}) });
            return false;
        }
        if (now === w.value) {
            // Our write may have landed after another run confirmed: keep it as a fence (see step 4).
            results.set(w.user, {
                held: false,
                message: `lock contention on user ${w.user}: writing the lock took ${Math.round(w.spanMs)} ms from the check, longer than the ${settle} ms settle time, so another run may have taken it meanwhile: ` +
                    `nothing done here; the lock stays until it expires at ${until((0,lock_tag/* parseLock */.PG)(w.value))} or this run ends; retry later`,
            });
            return false;
        }
        const other = (0,lock_tag/* parseLock */.PG)(now);
        if (other && other.holder.id !== opts.runId && other.expiresAt > opts.clock.now()) {
            results.set(w.user, { held: false, message: busyMessage(w.user, other, 'it wrote the lock at the same moment as this run and kept it') });
            return false;
        }
        return true;
    };
    for (let attempt = 1; attempt <= attempts && pending.length > 0; attempt++) {
        if (attempt > 1)
            await opts.clock.sleep(Math.round(settle * (0.5 + random())));
        const written = (await (0,concurrency/* mapLimit */.s)(pending, conc, (user) => write(user).catch((err) => failed(user, err)))).filter((w) => w !== undefined);
        const toConfirm = written.filter((w) => w.value !== undefined);
        if (toConfirm.length > 0)
            await opts.clock.sleep(settle);
        const again = await (0,concurrency/* mapLimit */.s)(toConfirm, conc, (w) => confirm(w).catch((err) => failed(w.user, err).then(() => false)));
        pending = [...written.filter((w) => w.value === undefined).map((w) => w.user), ...toConfirm.filter((_, i) => again[i]).map((w) => w.user)];
    }
    for (const user of pending) {
        results.set(user, { held: false, message: `lock contention on user ${user}: the lock changed under this run ${attempts} times while it tried to take it: nothing done here; retry later` });
    }
    return results;
}
/**
 * Throws LockLost unless the user's lock is still this run's and valid for `marginMs` more: call
 * it right before each write that touches a key or the key record. Extends the lock when less
 * than half its life is left (safe: it is ours and unexpired, so nobody may take it meanwhile).
 */
async function assertLockHeld(iam, user, before, opts) {
    const l = (0,lock_tag/* parseLock */.PG)((await readUserTags(iam, user, opts.retry))[lock_tag/* ROTATE_LOCK_TAG */.nk]);
    const stop = (what) => new LockLost(`the rotate lock on user ${user} ${what}: stopped before ${before}; nothing more was written for ${user}. Rerun rotate: it continues from what was recorded`);
    if (l === undefined)
        throw stop('was removed by another run');
    if (l.holder.id !== opts.runId)
        throw stop(`is now held by another run (${(0,lock_tag/* describeHolder */.sG)(l.holder)}, until ${until(l)})`);
    const ttl = opts.ttlMs ?? 15 * 60_000;
    const left = l.expiresAt - opts.clock.now();
    if (left < (opts.marginMs ?? Math.min(5 * 60_000, ttl / 3)))
        throw stop(`expires at ${until(l)}, too soon to start a write under it`);
    if (left < ttl / 2) {
        const value = (0,lock_tag/* formatLock */.X5)(opts.runId, opts.clock.now() + ttl);
        await (0,aws_retry/* withRetry */.bD)(() => iam.send(new dist_cjs/* TagUserCommand */.pkA({ UserName: user, Tags: [{ Key: lock_tag/* ROTATE_LOCK_TAG */.nk, Value: value }] })), { ...opts.retry, label: `iam:TagUser ${user}` });
    }
}
/** Removes the lock if it is still this run's. `tags`: a read made a moment ago, to spare one. */
async function releaseUserLock(iam, user, opts, tags) {
    const current = tags ?? (await readUserTags(iam, user, opts.retry));
    if ((0,lock_tag/* parseLock */.PG)(current[lock_tag/* ROTATE_LOCK_TAG */.nk])?.holder.id !== opts.runId)
        return;
    await untag(iam, user, opts.retry);
}
/**
 * For a user with nothing to do: removes a lock that no live run holds any more (expired, left by
 * an earlier attempt of this workflow run, or by a run GitHub reports as ended, or unreadable), so
 * a settled account carries no trace of a crash. `tags` come from the inventory; the tag is read
 * again just before it is removed, and left alone if it changed. Returns what it did, for the log.
 */
async function clearStaleLock(iam, user, tags, opts) {
    const seen = tags[lock_tag/* ROTATE_LOCK_TAG */.nk];
    if (seen === undefined)
        return undefined;
    const l = (0,lock_tag/* parseLock */.PG)(seen);
    let what = 'removed an unreadable lock value';
    if (l !== undefined) {
        const verdict = await judgeLock(l, opts);
        if (!verdict.ok)
            return undefined;
        what = `removed ${l.holder.id === opts.runId ? 'this run’s own lock' : whose(l)}${verdict.why !== undefined ? `: ${verdict.why}` : ''}`;
    }
    if ((await readUserTags(iam, user, opts.retry))[lock_tag/* ROTATE_LOCK_TAG */.nk] !== seen)
        return undefined;
    await untag(iam, user, opts.retry);
    return what;
}
/**
 * Runs `work` over `items` with at most `concurrency` at once. Items that `needsLock` selects get
 * their locks through `acquire` in batches of `size`, a batch when the first worker reaches it
 * (not earlier: its lock calls would queue behind the work's and stretch the read-to-write time
 * past the settle), so one settle serves a batch; the others start without one.
 * Results come back in the order of `items`.
 */
async function withBatchedLocks(items, o, work) {
    const free = items.flatMap((t, i) => (o.needsLock(t) ? [] : [i]));
    const locked = items.flatMap((t, i) => (o.needsLock(t) ? [i] : []));
    const batches = [];
    for (let i = 0; i < locked.length; i += Math.max(1, o.size))
        batches.push(locked.slice(i, i + Math.max(1, o.size)));
    const batchOf = new Map(batches.flatMap((b, n) => b.map((i) => [i, n])));
    const taken = [];
    const take = (n) => {
        if (n >= batches.length)
            return undefined;
        taken[n] ??= o.acquire(batches[n].map((i) => o.user(items[i])));
        return taken[n];
    };
    const out = new Array(items.length);
    await (0,concurrency/* mapLimit */.s)([...free, ...locked], o.concurrency, async (i) => {
        const item = items[i];
        const n = batchOf.get(i);
        if (n === undefined) {
            out[i] = await work(item, undefined);
            return;
        }
        let lock;
        try {
            lock = (await take(n)).get(o.user(item)) ?? { held: false, failed: true, message: `no lock result for ${o.user(item)}` };
        }
        catch (err) {
            lock = { held: false, failed: true, message: `could not take the rotate lock on user ${o.user(item)}: ${(0,aws_retry/* errorSummary */.N5)(err)}` };
        }
        out[i] = await work(item, lock);
    });
    return out;
}

;// CONCATENATED MODULE: ./src/rotate/run.ts
/**
 * The imperative shell of `rotate` for one account: per user with a declared access key, take
 * the user's lock, read its keys and record fresh, find out what the sinks hold of a pending
 * key an interrupted run left (./deliver.ts), read last use only where a decision waits for it,
 * plan (./lifecycle.ts), and carry out the steps in order. A failure stops that user's
 * remaining steps (they depend on each other) but never the other users.
 *
 * Secrets: the secret access key exists only in local variables between CreateAccessKey (or its
 * read-back from a pending Secrets Manager version) and the last sink; `mask` runs on it before
 * anything else, and every message that leaves this module is scrubbed of it. Results hold key
 * IDs masked (`AKIA…WXYZ`) and no secret.
 */












/** How long a user missing right after CreateUser is looked for again (IAM is eventually consistent). */
const USER_PROPAGATION_MS = 20_000;
function keyViews(keys, record, now) {
    return [...keys]
        .sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id))
        .map((k) => {
        const view = {
            keyId: (0,plan_keys/* maskKeyId */.Dx)(k.id),
            status: k.status,
            created: k.created,
            age: (0,plan_keys/* formatDuration */.a3)((now.getTime() - Date.parse(k.created)) / 1000),
            role: k.id === record.current?.id ? 'current' : k.id === record.previous?.id ? 'previous' : k.id === record.pending?.id ? 'pending' : 'unrecorded',
        };
        if (k.lastUsed !== undefined)
            view.lastUsed = k.lastUsed;
        return view;
    });
}
function temporaryStage(conn, user) {
    return (0,temporary/* temporaryWindow */.Sg)(conn.temporary, user.created);
}
async function rotateAccount(input) {
    // Users are independent (each has its own lock and keys); the account's rate limiter paces IAM.
    const mine = input.connections.filter((conn) => conn.accounts.includes(input.account.name) && conn.user?.accessKey);
    // Locks are taken in batches (one settle per batch) for the users with something to do.
    const lock = input.lock;
    const work = async (conn, held) => {
        const done = await rotateUser(input, conn, held);
        input.onUserDone?.(done);
        return done;
    };
    const users = lock === false
        ? await (0,concurrency/* mapLimit */.s)(mine, input.concurrency ?? 8, (conn) => work(conn))
        : await withBatchedLocks(mine, {
            needsLock: (conn) => !settledByInventory(input, conn),
            user: (conn) => listedUser(input, conn.user.name)?.name ?? conn.user.name,
            size: lock?.batchSize ?? 32,
            concurrency: input.concurrency ?? 8,
            acquire: (names) => acquireLocks(input.clients.iam, names, lockOptions(input)),
        }, work);
    // A user skipped because another run holds its lock is not done: the run says so and fails,
    // so a lock left by a killed run cannot hide a missing or unrecorded key.
    return { account: input.account.name, users, failed: users.some((u) => u.status === 'failed' || u.status === 'locked') };
}
function lockOptions(input) {
    const clock = input.clock ?? aws_retry/* realClock */.dQ;
    return { runId: input.runId, clock, retry: { ...input.retry, clock: input.retry?.clock ?? clock }, ...(input.lock || {}) };
}
function lifecycleOf(input, conn, live) {
    const temporary = temporaryStage(conn, live);
    return { rules: conn.user.accessKey.rules, now: input.now, user: live.name, ...(temporary ? { temporary } : {}) };
}
const idle = (p) => p.needsLastUsed.length === 0 && p.needsPendingProbe === undefined && p.steps.every((st) => st.kind === 'warn');
function listedUser(input, name) {
    const lower = name.toLowerCase();
    return input.inventory.users.find((u) => u.name.toLowerCase() === lower);
}
/** The inventory already shows nothing to do for this user: no lock is taken for it. */
function settledByInventory(input, conn) {
    const live = listedUser(input, conn.user.name);
    if (live === undefined)
        return input.requireUsers !== true;
    return live.accessKeys !== undefined && idle(planUserRotation({ keys: live.accessKeys, tags: live.tags, ...lifecycleOf(input, conn, live) }));
}
/**
 * The declared user as IAM names it (names compare case-insensitively in IAM): from the
 * inventory, or, when a user created a moment ago is not listed yet, read again with backoff.
 */
async function findUser(input, name, retry) {
    const lower = name.toLowerCase();
    const listed = input.inventory.users.find((u) => u.name.toLowerCase() === lower);
    if (listed || input.requireUsers !== true)
        return listed;
    try {
        const out = await (0,aws_retry/* withRetry */.bD)(() => input.clients.iam.send(new dist_cjs/* GetUserCommand */.T3b({ UserName: name })), {
            ...retry,
            maxElapsedMs: USER_PROPAGATION_MS,
            label: `iam:GetUser ${name}`,
            baseDelayMs: 1_000,
            classify: (err) => ((0,call/* isNoSuchEntity */.I0)(err) ? 'transient' : (0,aws_retry/* classifyAwsError */.u3)(err)),
        });
        const u = out.User;
        if (!u?.UserName || !u.Arn)
            return undefined;
        const tags = Object.fromEntries((u.Tags ?? []).flatMap((t) => (t.Key !== undefined && t.Value !== undefined ? [[t.Key, t.Value]] : [])));
        return { name: u.UserName, arn: u.Arn, id: u.UserId ?? '', path: u.Path ?? '/', created: (u.CreateDate ?? input.now).toISOString(), tags, attached: [], inline: [], groups: [] };
    }
    catch (err) {
        if ((0,call/* isNoSuchEntity */.I0)(err instanceof aws_retry/* RetriesExhaustedError */.i5 ? err.cause : err))
            return undefined;
        throw err;
    }
}
async function rotateUser(input, conn, preLock) {
    const spec = conn.user;
    const clock = input.clock ?? aws_retry/* realClock */.dQ;
    const retry = { ...input.retry, clock: input.retry?.clock ?? clock };
    const result = {
        account: input.account.name,
        connection: conn.name,
        user: spec.name,
        status: 'unchanged',
        before: [],
        after: [],
        steps: [],
        delivered: [],
        warnings: [],
        failures: [],
        next: [],
    };
    const log = (line) => input.log(`${input.account.name}/${conn.name}: ${line}`);
    const secrets = [];
    let live;
    try {
        live = await findUser(input, spec.name, retry);
    }
    catch (err) {
        result.status = 'failed';
        result.failures.push(`reading user ${spec.name} in account ${input.account.name} failed: ${(0,aws_retry/* errorSummary */.N5)(err)}; rerun rotate`);
        return result;
    }
    if (!live && input.requireUsers !== true) {
        const window = (0,temporary/* temporaryWindow */.Sg)(conn.temporary, undefined);
        if (window !== undefined && input.now >= window.expiresAt) {
            // An expired temporary user that is gone is the cleanup done, not a missing key.
            result.status = 'skipped';
            result.warnings.push(`user ${spec.name} of temporary connection ${conn.name} expired ${window.expiresAt.toISOString()} and no longer exists in account ${input.account.name}: nothing to rotate`);
            return result;
        }
        if (conn.temporary?.ttl !== undefined) {
            result.status = 'skipped';
            result.warnings.push(`user ${spec.name} of temporary connection ${conn.name} (ttl) does not exist in account ${input.account.name}: either apply has not created it yet or it was removed after its ttl; nothing to rotate. Once retired, delete the connection from the manifest (apply would create it again)`);
            return result;
        }
        // A scheduled rotate is often the only job that runs: a declared key that does not exist
        // (apply never ran for this account, or the user was deleted by hand) fails it, so someone looks.
        result.status = 'failed';
        result.failures.push(`user ${spec.name} does not exist in account ${input.account.name}, so its declared access key does not either: run apply (it creates the user, its first key and delivers it); plan reports the user as missing`);
        return result;
    }
    if (!live) {
        // Never a silent skip: a declared key that cannot be made is a failure of the run.
        result.status = 'failed';
        result.failures.push(`user ${spec.name} does not exist in account ${input.account.name} (looked for again for ${USER_PROPAGATION_MS / 1000} s, as IAM can take that long to show a new user): its first access key could not be made; rerun apply`);
        return result;
    }
    const user = live.name;
    let locked = false;
    let finalTags;
    const lifecycle = lifecycleOf(input, conn, live);
    // The tags read when the lock was confirmed are fresh: they spare one read.
    let lockedTags;
    const useLock = (lock) => {
        if (lock.held) {
            if (lock.note !== undefined)
                log(lock.note);
            lockedTags = lock.tags;
            return (locked = true);
        }
        result.status = lock.failed ? 'failed' : 'locked';
        (lock.failed ? result.failures : result.warnings).push(lock.message);
        log(lock.failed ? lock.message : 'locked by another run, skipped');
        return false;
    };
    const takeLock = async () => useLock((await acquireLocks(input.clients.iam, [user], lockOptions(input))).get(user));
    // Re-checked before CreateAccessKey, each deactivate or delete, and the record: a lost lock stops this user (LockLost).
    const GUARD_WORDS = { 'create-key': 'creating a new access key', 'retire-key': 'retiring a key', record: 'recording the key' };
    const guard = async (point) => {
        if (locked)
            await assertLockHeld(input.clients.iam, user, GUARD_WORDS[point], lockOptions(input));
    };
    try {
        // A run with nothing to do for this user writes nothing, not even the lock (the account loop took it for the others).
        const settled = input.lock !== false && preLock === undefined;
        if (preLock !== undefined && !useLock(preLock))
            return result;
        if (settled) {
            const cleared = await clearStaleLock(input.clients.iam, user, live.tags, lockOptions(input));
            if (cleared !== undefined)
                log(`${cleared} (nothing else to do for ${user})`);
        }
        // Fresh (under the lock when one was needed): a run that finished a moment ago must not be redone.
        let keys = await (0,aws_inventory/* readAccessKeys */.R1)(input.clients.iam, user, { account: input.account.name, retry });
        let tags = lockedTags ?? (await readUserTags(input.clients.iam, user, retry));
        let plan = planUserRotation({ keys, tags, ...lifecycle });
        if (!locked && input.lock !== false && !idle(plan)) {
            // The account changed since it was read: take the lock after all, then read again under it.
            if (!(await takeLock()))
                return result;
            keys = await (0,aws_inventory/* readAccessKeys */.R1)(input.clients.iam, user, { account: input.account.name, retry });
            tags = lockedTags ?? (await readUserTags(input.clients.iam, user, retry));
            plan = planUserRotation({ keys, tags, ...lifecycle });
        }
        const env = { user: live, conn, record: plan.record, secrets, retry, clock, log, result, guard };
        let pending;
        if (plan.needsPendingProbe !== undefined) {
            pending = await probePending(input, env, plan.needsPendingProbe);
            if (pending.secret !== undefined) {
                secrets.push(pending.secret);
                input.mask(pending.secret);
            }
            log(`pending key ${(0,plan_keys/* maskKeyId */.Dx)(plan.needsPendingProbe)}: ${pending.delivery} (${pending.why})`);
            plan = planUserRotation({ keys, tags, ...lifecycle, pendingDelivery: pending.delivery });
        }
        if (plan.needsLastUsed.length > 0) {
            const used = await (0,aws_inventory/* readKeysLastUsed */._K)(input.clients.iam, plan.needsLastUsed, { account: input.account.name, retry });
            keys = keys.map((k) => (used.has(k.id) ? { ...k, lastUsed: used.get(k.id) ?? null } : k));
            plan = planUserRotation({ keys, tags, ...lifecycle, ...(pending ? { pendingDelivery: pending.delivery } : {}) });
        }
        result.before = keyViews(keys, plan.record, input.now);
        result.next = plan.next.map((e) => (e.keyId ? { ...e, keyId: (0,plan_keys/* maskKeyId */.Dx)(e.keyId) } : e));
        let stopped = false;
        for (const step of plan.steps) {
            const keyId = 'keyId' in step && step.keyId !== undefined ? (0,plan_keys/* maskKeyId */.Dx)(step.keyId) : undefined;
            const outcome = { kind: step.kind, ...(keyId ? { keyId } : {}), status: 'not-run', message: step.reason };
            result.steps.push(outcome);
            if (step.kind === 'warn') {
                result.warnings.push(step.reason);
                continue;
            }
            if (stopped) {
                outcome.message = `not run: an earlier step for ${user} failed (${step.reason})`;
                continue;
            }
            try {
                outcome.message = await runStep(input, step, env, keys, pending?.secret);
                outcome.status = 'done';
                result.status = 'changed';
            }
            catch (err) {
                outcome.status = 'failed';
                outcome.message = (0,payload/* scrub */._)(err instanceof Error ? err.message : String(err), secrets);
                result.failures.push(outcome.message);
                result.status = 'failed';
                stopped = true;
            }
        }
        tags = finalTags = await readUserTags(input.clients.iam, user, retry);
        const after = await (0,aws_inventory/* readAccessKeys */.R1)(input.clients.iam, user, { account: input.account.name, retry });
        const lastUse = new Map(keys.map((k) => [k.id, k.lastUsed]));
        const afterKeys = after.map((k) => (lastUse.get(k.id) !== undefined ? { ...k, lastUsed: lastUse.get(k.id) ?? null } : k));
        const afterPlan = planUserRotation({ keys: afterKeys, tags, ...lifecycle, ...(pending ? { pendingDelivery: pending.delivery } : {}) });
        result.after = keyViews(afterKeys, afterPlan.record, input.now);
        if (result.status !== 'failed')
            result.next = afterPlan.next.map((e) => (e.keyId ? { ...e, keyId: (0,plan_keys/* maskKeyId */.Dx)(e.keyId) } : e));
    }
    catch (err) {
        result.status = 'failed';
        result.failures.push((0,payload/* scrub */._)(`${user}: ${err instanceof Error ? err.message : String(err)}`, secrets));
    }
    finally {
        if (locked) {
            try {
                await releaseUserLock(input.clients.iam, user, { runId: input.runId, retry }, finalTags);
            }
            catch (err) {
                result.warnings.push(`the rotate lock on ${user} could not be released (${(0,payload/* scrub */._)((0,aws_retry/* errorSummary */.N5)(err), secrets)}): it expires on its own`);
            }
        }
    }
    return result;
}
async function deleteKey(input, env, keyId) {
    await env.guard('retire-key');
    try {
        await iamCall(input, env, 'iam:DeleteAccessKey', () => input.clients.iam.send(new dist_cjs/* DeleteAccessKeyCommand */.yq0({ UserName: env.user.name, AccessKeyId: keyId })));
    }
    catch (err) {
        if (!(0,call/* isNoSuchEntity */.I0)(err))
            throw err;
    }
}
async function run_untag(input, env, keys) {
    await iamCall(input, env, 'iam:UntagUser', () => input.clients.iam.send(new dist_cjs/* UntagUserCommand */.KZ_({ UserName: env.user.name, TagKeys: keys })));
}
async function runStep(input, step, env, keys, pendingSecret) {
    const { iam } = input.clients;
    const user = env.user.name;
    const masked = 'keyId' in step ? (0,plan_keys/* maskKeyId */.Dx)(step.keyId) : '';
    switch (step.kind) {
        case 'delete-orphan':
        case 'delete': {
            await deleteKey(input, env, step.keyId);
            if (env.record.previous?.id === step.keyId)
                await run_untag(input, env, [plan_keys/* KEY_PREVIOUS_TAG */.th]);
            const what = step.kind === 'delete-orphan' ? "deleted an interrupted run's leftover key (never used)" : step.why === 'make-room' ? 'deleted the inactive replaced key to make room for a new one:' : 'deleted the retired key';
            env.log(`${what} ${masked}`);
            return `${what} ${masked}`;
        }
        case 'delete-pending': {
            await deleteKey(input, env, step.keyId);
            await run_untag(input, env, [plan_keys/* KEY_PENDING_TAG */.zm]);
            env.log(`deleted the interrupted rotation's undelivered key ${masked}`);
            return `deleted the interrupted rotation's key ${masked}, which no sink held`;
        }
        case 'clear-pending': {
            await run_untag(input, env, [plan_keys/* KEY_PENDING_TAG */.zm]);
            return `removed the stale pending mark of ${masked}`;
        }
        case 'abandon-pending': {
            // Recorded as replaced, then unmarked: a crash in between leaves it both, which the next
            // run reads as "replaced" (the pending mark of a key that is not current is probed again
            // and abandoned again: the same record).
            await env.guard('record');
            await iamCall(input, env, 'iam:TagUser', () => iam.send(new dist_cjs/* TagUserCommand */.pkA({ UserName: user, Tags: [{ Key: plan_keys/* KEY_PREVIOUS_TAG */.th, Value: `${step.keyId}@${input.now.toISOString()}` }] })));
            await run_untag(input, env, [plan_keys/* KEY_PENDING_TAG */.zm]);
            env.log(`recorded the interrupted rotation's key ${masked} as replaced: it retires like one`);
            return step.reason;
        }
        case 'deactivate': {
            await env.guard('retire-key');
            await iamCall(input, env, 'iam:UpdateAccessKey', () => iam.send(new dist_cjs/* UpdateAccessKeyCommand */.SF3({ UserName: user, AccessKeyId: step.keyId, Status: 'Inactive' })));
            env.log(`deactivated ${masked}`);
            return `deactivated ${masked} (${step.why === 'expired' ? 'temporary connection expired' : 'past overlap and unused'})`;
        }
        case 'resume': {
            const key = keys.find((k) => k.id === step.keyId);
            if (!key || pendingSecret === undefined)
                throw new Error(`the pending key ${masked} could not be resumed (its secret was not read back): rerun rotate`);
            return resumeKey(input, step, { id: key.id, secret: pendingSecret, created: key.created }, env);
        }
        case 'rotate':
            return rotateKey(input, step, env);
    }
}

// EXTERNAL MODULE: ./src/commands/preview.ts
var preview = __webpack_require__(8822);
;// CONCATENATED MODULE: ./src/commands/rotate.ts






/** A key change to make: apply carries out every one through the rotation path, never directly. */
const isKeyChange = (c) => c.kind.startsWith('key-') && c.action !== 'none';
/**
 * Connections whose user in `account` has no room for the tags a rotation writes (the plan's
 * `tag-budget`): never rotated, since TagUser would fail after the new key reached a sink.
 */
function tagBudgetBlocked(plan, account, onlyKeyChanges = false) {
    const changes = plan.accounts.find((a) => a.account === account)?.changes ?? [];
    // For apply, only users that would have had a key change (it is withheld).
    const wanted = new Set(changes.filter((c) => isKeyChange({ kind: c.kind, action: c.withheld?.action ?? c.action })).map((c) => c.connection));
    const blocked = new Map();
    for (const c of changes) {
        if (c.kind !== 'tag-budget' || !c.resource.name.startsWith('user/') || c.connection === undefined)
            continue;
        if (!onlyKeyChanges || wanted.has(c.connection))
            blocked.set(c.connection, c.reason);
    }
    return blocked;
}
function blockedResult(account, connection, reason) {
    return { account, connection: connection.name, user: connection.user?.name ?? '', status: 'failed', before: [], after: [], steps: [], delivered: [], warnings: [], failures: [`not rotated: ${reason}`], next: [] };
}
/** Connections of `account` whose user holds a key to rotate (or, for apply, has a key change to make). */
function rotatingConnections(manifest, plan, account, onlyKeyChanges) {
    // Apply carries out every key change of its plan (a first key, a due rotation, a key to
    // retire, what a killed run left) through the same locked path as rotate: never directly.
    const changed = new Set(plan.accounts
        .find((a) => a.account === account)
        ?.changes.filter(isKeyChange)
        .map((c) => c.connection) ?? []);
    const blocked = tagBudgetBlocked(plan, account);
    return manifest.connections.filter((c) => c.accounts.includes(account) && c.user?.accessKey !== undefined && !blocked.has(c.name) && (!onlyKeyChanges || changed.has(c.name)));
}
async function rotateAccounts(planned, opts) {
    const { manifest, plan } = planned;
    if (!manifest || !plan)
        return [];
    const clientsFor = opts.clients(manifest);
    // Accounts at once: their users, keys and secrets are their own (secret names carry {account}).
    const work = planned.inventories.flatMap((inventory) => {
        const spec = manifest.accounts.find((a) => a.name === inventory.account);
        const connections = rotatingConnections(manifest, plan, inventory.account, opts.onlyKeyChanges === true);
        const blocked = [...tagBudgetBlocked(plan, inventory.account, opts.onlyKeyChanges === true)].flatMap(([name, reason]) => {
            const c = manifest.connections.find((x) => x.name === name && x.user?.accessKey !== undefined);
            return c ? [blockedResult(inventory.account, c, reason)] : [];
        });
        return spec && (connections.length || blocked.length) ? [{ inventory, spec, connections, blocked }] : [];
    });
    for (const w of work)
        opts.onAccountStart?.(w.spec.name, w.connections.length + w.blocked.length);
    return (0,concurrency/* mapLimit */.s)(work, 4, async ({ inventory, spec, connections, blocked }) => {
        for (const b of blocked)
            opts.onUserDone?.(b);
        if (connections.length === 0)
            return { account: spec.name, users: blocked, failed: true };
        try {
            const result = await rotateAccount({
                account: { name: spec.name, id: spec.id },
                inventory,
                connections,
                clients: await clientsFor(spec.name),
                region: spec.region ?? manifest.defaults.region ?? opts.region,
                now: opts.now,
                ...(opts.clockNow ? { clockNow: opts.clockNow } : {}),
                runId: opts.runId,
                mask: opts.mask,
                log: opts.log,
                ...(opts.setOutput ? { setOutput: opts.setOutput } : {}),
                ...(opts.lock !== undefined ? { lock: opts.lock } : {}),
                ...(opts.onUserDone ? { onUserDone: opts.onUserDone } : {}),
                ...(opts.onlyKeyChanges === true ? { requireUsers: true } : {}),
            });
            return blocked.length ? { ...result, users: [...blocked, ...result.users], failed: true } : result;
        }
        catch (err) {
            return { account: spec.name, users: blocked, failed: true, error: err instanceof Error ? err.message : String(err) };
        }
    });
}
/** The plan, cut down to the teardown of temporary connections whose `deleteAfter` has passed. */
function retirementPlan(plan) {
    return { ...plan, accounts: plan.accounts.map((a) => ({ ...a, changes: a.changes.filter(preview/* isRetirement */.E2) })).filter((a) => a.changes.length > 0) };
}
/**
 * `rotate` as the scheduled workflow runs it: every key one stage along its lifecycle, then the
 * scheduled retirement of expired temporary connections (user, keys, login profile and its
 * customer-managed policies), with apply's executor and its ownership checks, so the schedule
 * alone carries out a bootstrap user's removal. Connections being retired are not rotated.
 * A dry run reads (last use included) and returns what it would do.
 */
async function runRotate(planned, opts) {
    const { manifest, plan } = planned;
    if (!manifest || !plan)
        return { rotations: [] };
    const retiring = retirementPlan(plan);
    const retired = new Set(retiring.accounts.flatMap((a) => a.changes.filter((c) => c.resource.type === 'user').map((c) => `${a.account}/${c.connection ?? ''}`)));
    const rotating = {
        ...planned,
        manifest: { ...manifest, connections: manifest.connections.map((c) => (c.accounts.some((a) => retired.has(`${a}/${c.name}`)) ? { ...c, accounts: c.accounts.filter((a) => !retired.has(`${a}/${c.name}`)) } : c)) },
    };
    if (opts.dryRun)
        return { rotations: [], preview: [...(await previewRotations(rotating, opts)), ...(0,preview/* applyPreview */.TN)(retiring)] };
    const rotations = await rotateAccounts(rotating, opts);
    if (!opts.applyClients || retiring.accounts.length === 0)
        return { rotations };
    const retirement = await (0,executor/* executePlan */.vY)(retiring, {
        clientsFor: opts.applyClients(manifest),
        // Teardown needs no external ID: roles are not part of a retirement.
        externalIds: new Map(),
        log: opts.log,
        ...(opts.onOutcome ? { onOutcome: opts.onOutcome } : {}),
    });
    return { rotations, retirement };
}
/** What rotation would do for every user, from the plan's read (last use read where a step waits for it). */
async function previewRotations(planned, opts) {
    const { manifest, plan } = planned;
    if (!manifest || !plan)
        return [];
    const clientsFor = opts.clients(manifest);
    const lines = [];
    for (const inventory of planned.inventories) {
        for (const conn of rotatingConnections(manifest, plan, inventory.account, false)) {
            const spec = conn.user;
            const prefix = `${inventory.account}/${conn.name} user ${spec.name}`;
            const live = inventory.users.find((u) => u.name.toLowerCase() === spec.name.toLowerCase());
            if (!live) {
                lines.push(`${prefix}: does not exist: apply would create it and its first key`);
                continue;
            }
            const temporary = temporaryStage(conn, live);
            const lifecycle = { tags: live.tags, rules: spec.accessKey.rules, now: opts.now, ...(temporary ? { temporary } : {}) };
            let keys = live.accessKeys ?? [];
            let steps = planUserRotation({ keys, ...lifecycle });
            if (steps.needsLastUsed.length > 0) {
                const used = await (0,aws_inventory/* readKeysLastUsed */._K)((await clientsFor(inventory.account)).iam, steps.needsLastUsed, { account: inventory.account });
                keys = keys.map((k) => (used.has(k.id) ? { ...k, lastUsed: used.get(k.id) ?? null } : k));
                steps = planUserRotation({ keys, ...lifecycle });
            }
            const would = (0,preview/* rotationStepPreview */.vC)(prefix, steps.steps);
            lines.push(...(would.length ? would : [`${prefix}: nothing to do${steps.next[0] ? `; next: ${steps.next[0].at.slice(0, 10)} ${steps.next[0].what}` : ''}`]));
        }
    }
    return lines;
}


/***/ }),

/***/ 5593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ workflowRuns)
/* harmony export */ });
/**
 * GET /repos/{owner}/{repo}/actions/runs/{run_id}: whether a workflow run has ended, for the
 * rotate lock (src/rotate/lock-holder.ts). Needs `actions: read` on that repository. One plain
 * GET against GITHUB_API_URL (GitHub Enterprise and the tests' local server alike); failures are
 * returned, not thrown, because the caller falls back to the lock's expiry and says why.
 */
function workflowRuns(token, env = process.env, f = fetch) {
    const baseUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    return {
        async get(repository, runId) {
            const [owner = '', repo = ''] = repository.split('/');
            const url = `${baseUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/actions/runs/${encodeURIComponent(runId)}`;
            try {
                const res = await f(url, {
                    headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28', 'user-agent': 'iam-connections' },
                    signal: AbortSignal.timeout(10_000),
                });
                const rateLimited = res.headers.get('x-ratelimit-remaining') === '0';
                if (res.status !== 200)
                    return { status: res.status, ...(rateLimited ? { rateLimited } : {}) };
                const body = (await res.json());
                if (typeof body.status !== 'string')
                    return { status: res.status, error: 'the answer has no run status' };
                return {
                    status: 200,
                    run: { status: body.status, conclusion: typeof body.conclusion === 'string' ? body.conclusion : null, runAttempt: typeof body.run_attempt === 'number' ? body.run_attempt : 1 },
                };
            }
            catch (err) {
                return { status: 0, error: err instanceof Error ? err.message : String(err) };
            }
        },
    };
}


/***/ }),

/***/ 8527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ holderLiveness)
/* harmony export */ });
/* harmony import */ var _lock_tag_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9961);

/** Ended runs stay ended; an answer that a run is alive is trusted for this long. */
const ALIVE_FOR_MS = 30_000;
function holderLiveness(runs, now = Date.now) {
    const memo = new Map();
    return async (holder) => {
        const who = (0,_lock_tag_js__WEBPACK_IMPORTED_MODULE_0__/* .describeHolder */ .sG)(holder);
        if (holder.runId === undefined || holder.repository === undefined) {
            return { ended: false, why: `${who} names no repository and run, so GitHub cannot be asked whether it ended` };
        }
        if (runs === undefined)
            return { ended: false, why: `no GitHub token was given, so GitHub was not asked whether ${who} ended` };
        const key = `${holder.repository}#${holder.runId}#${holder.attempt ?? 1}`;
        const known = memo.get(key);
        if (known && (known.verdict.ended || now() - known.at < ALIVE_FOR_MS))
            return known.verdict;
        const verdict = judge(who, holder, await runs.get(holder.repository, holder.runId));
        memo.set(key, { verdict, at: now() });
        return verdict;
    };
}
function judge(who, holder, answer) {
    const run = answer.run;
    if (answer.status === 200 && run) {
        if (run.status === 'completed')
            return { ended: true, why: `GitHub reports ${who} as completed (${run.conclusion ?? 'no conclusion'})` };
        // Attempts of a run follow one another: a later attempt has started, so this one ended.
        if (run.runAttempt > (holder.attempt ?? 1))
            return { ended: true, why: `GitHub reports attempt ${run.runAttempt} of that run, so ${who} ended` };
        return { ended: false, why: `GitHub reports ${who} as ${run.status}` };
    }
    const repo = holder.repository;
    if (answer.status === 403 && answer.rateLimited)
        return { ended: false, why: `GitHub's API rate limit is exhausted, so it could not say whether ${who} ended` };
    if (answer.status === 401 || answer.status === 403) {
        return { ended: false, why: `the GitHub token may not read workflow runs of ${repo} (HTTP ${answer.status}): give the workflow \`permissions: actions: read\` (a fine-grained token: Actions: read on ${repo}) so a lock left by an ended run is taken over at once` };
    }
    if (answer.status === 404)
        return { ended: false, why: `GitHub answers 404 for ${who}: the token cannot see ${repo}, or the run was deleted` };
    return { ended: false, why: `GitHub could not say whether ${who} ended (${answer.status === 0 ? answer.error ?? 'no answer' : `HTTP ${answer.status}${answer.error ? `: ${answer.error}` : ''}`})` };
}


/***/ }),

/***/ 9961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gm: () => (/* binding */ supersedes),
/* harmony export */   MO: () => (/* binding */ holderId),
/* harmony export */   PG: () => (/* binding */ parseLock),
/* harmony export */   X5: () => (/* binding */ formatLock),
/* harmony export */   nk: () => (/* binding */ ROTATE_LOCK_TAG),
/* harmony export */   sG: () => (/* binding */ describeHolder)
/* harmony export */ });
/* unused harmony exports TAG_VALUE_MAX, parseHolder */
/* harmony import */ var _manifest_tool_tags_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5845);
/**
 * The value of the rotate lock tag, `iam-connections:rotate-lock = <holder>@<expiry ISO>`, and
 * the holder ids it carries. Pure: no I/O.
 *
 * A workflow run's holder names its repository, run id, attempt and a per-process nonce
 * (`gh:acme/infra:4242:1:3fa9c1`), so another run can ask GitHub whether that run has ended and
 * a re-run attempt can recognise its predecessor. Holders written by earlier versions
 * (`4242-1-3fa9c1`, `cli-<pid>-<time>`, anything before the last `@`) still parse; they carry no
 * repository, so their liveness cannot be looked up and only their expiry frees them.
 *
 * IAM tag values allow letters, digits, spaces and `_ . : / = + - @`, up to 256 characters:
 * GitHub repository names (`[A-Za-z0-9._-]`, owner `[A-Za-z0-9-]`) fit that alphabet, and the
 * longest possible value (39 + 1 + 100 owner/repo, 20-digit run id) stays under 200.
 */

const ROTATE_LOCK_TAG = _manifest_tool_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_TAGS */ .P$.rotateLock;
const TAG_VALUE_MAX = 256;
const GH_HOLDER = /^gh:([A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}):(\d{1,20}):(\d{1,6}):([0-9a-f]{1,32})$/;
const OLD_RUN_HOLDER = /^(\d{1,20})-(\d{1,6})-[0-9a-f]+$/;
function parseHolder(id) {
    const gh = GH_HOLDER.exec(id);
    if (gh)
        return { id, repository: gh[1], runId: gh[2], attempt: Number(gh[3]) };
    const old = OLD_RUN_HOLDER.exec(id);
    if (old)
        return { id, runId: old[1], attempt: Number(old[2]) };
    return { id };
}
/**
 * The holder id of this process: a workflow run's when GitHub's variables name one (its
 * repository, run and attempt), else `cli-<pid>-<time>`. `nonce` keeps two jobs of one attempt apart.
 */
function holderId(env, nonce) {
    const repo = env.GITHUB_REPOSITORY ?? '';
    const run = env.GITHUB_RUN_ID ?? '';
    const attempt = env.GITHUB_RUN_ATTEMPT || '1';
    const id = `gh:${repo}:${run}:${attempt}:${nonce}`;
    if (GH_HOLDER.test(id))
        return id;
    return `cli-${process.pid}-${Date.now().toString(36)}-${nonce}`;
}
function formatLock(holder, expiresAt) {
    const value = `${holder}@${new Date(expiresAt).toISOString()}`;
    if (value.length > TAG_VALUE_MAX || !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(value)) {
        throw new Error(`rotate lock value ${JSON.stringify(value)} is not a valid IAM tag value (at most ${TAG_VALUE_MAX} of letters, digits, spaces and _.:/=+-@)`);
    }
    return value;
}
/**
 * undefined: no lock, or a value no version of the tool writes (no `@<ISO time>` at the end):
 * not a lock, so it neither blocks a run nor survives one.
 */
function parseLock(value) {
    if (value === undefined)
        return undefined;
    const i = value.lastIndexOf('@');
    if (i <= 0)
        return undefined;
    const expiresAt = Date.parse(value.slice(i + 1));
    return Number.isNaN(expiresAt) ? undefined : { holder: parseHolder(value.slice(0, i)), expiresAt, value };
}
/** `acme/infra run 4242 attempt 1`, or the raw id when it names no run. */
function describeHolder(h) {
    if (h.runId === undefined)
        return h.id;
    return `${h.repository !== undefined ? `${h.repository} ` : ''}run ${h.runId} attempt ${h.attempt ?? 1}`;
}
/**
 * A re-run of a workflow keeps the run id and counts the attempt up, and starts only after the
 * earlier attempt ended: a lock left by an earlier attempt of the same run belongs to a dead
 * process and may be taken over (or removed) at once. Two jobs of one attempt do not supersede
 * each other, and an older attempt never wins.
 */
function supersedes(me, holder) {
    const a = parseHolder(me);
    const b = parseHolder(holder);
    if (a.runId === undefined || b.runId === undefined || a.runId !== b.runId)
        return false;
    // Both in the new format: the repositories must agree too (run ids are global, but be exact).
    if (a.repository !== undefined && b.repository !== undefined && a.repository !== b.repository)
        return false;
    return (a.attempt ?? 1) > (b.attempt ?? 1);
}


/***/ }),

/***/ 1761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ rotateReportMarkdown),
/* harmony export */   N: () => (/* binding */ rotateReportText)
/* harmony export */ });
const STATUS_TEXT = {
    changed: 'changed',
    unchanged: 'no change',
    failed: 'FAILED',
    locked: 'skipped (locked by another run)',
    skipped: 'skipped',
};
function keyLine(k) {
    const use = k.lastUsed === undefined ? 'last use not read' : k.lastUsed === null ? 'never used' : `last used ${k.lastUsed}`;
    return `${k.keyId} ${k.status.toLowerCase()}, ${k.role}, age ${k.age}, ${use}`;
}
function esc(s) {
    return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
function rotateReportText(results) {
    const lines = [];
    for (const a of results) {
        for (const u of a.users) {
            lines.push(`${a.account}/${u.connection} user ${u.user}: ${STATUS_TEXT[u.status]}`);
            for (const k of u.after.length > 0 ? u.after : u.before)
                lines.push(`  key ${keyLine(k)}`);
            for (const s of u.steps)
                if (s.status !== 'not-run' || s.kind !== 'warn')
                    lines.push(`  ${s.status === 'done' ? 'did' : s.status === 'failed' ? 'FAILED' : s.kind === 'warn' ? 'warning' : 'not run'}: ${s.message}`);
            for (const w of u.warnings)
                if (!u.steps.some((s) => s.kind === 'warn' && s.message === w))
                    lines.push(`  warning: ${w}`);
            for (const f of u.failures)
                if (!u.steps.some((s) => s.status === 'failed' && s.message === f))
                    lines.push(`  FAILED: ${f}`);
            const next = u.next[0];
            if (next)
                lines.push(`  next: ${next.at.slice(0, 10)} ${next.what}`);
        }
    }
    return lines;
}
function rotateReportMarkdown(results) {
    const out = ['## iam-connections rotate', ''];
    const all = results.flatMap((a) => a.users);
    if (all.length === 0)
        return [...out, 'No connection in these accounts declares an access key.', ''].join('\n');
    out.push('| account / connection | user | keys | what happened | next |', '|---|---|---|---|---|');
    for (const a of results) {
        for (const u of a.users) {
            const keys = (u.after.length > 0 ? u.after : u.before).map((k) => esc(keyLine(k))).join('<br>') || 'none';
            const happened = [
                STATUS_TEXT[u.status],
                ...u.steps.filter((s) => s.status === 'done').map((s) => s.message),
                ...u.failures.map((f) => `**failed**: ${f}`),
                ...u.warnings.map((w) => `warning: ${w}`),
            ]
                .map(esc)
                .join('<br>');
            const next = u.next.slice(0, 3).map((e) => esc(`${e.at.slice(0, 10)}: ${e.what}`)).join('<br>') || '—';
            out.push(`| ${esc(`${a.account} / ${u.connection}`)} | ${esc(u.user)} | ${keys} | ${happened} | ${next} |`);
        }
    }
    out.push('');
    return out.join('\n');
}


/***/ })

};
