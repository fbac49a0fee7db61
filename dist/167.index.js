export const id = 167;
export const ids = [167];
export const modules = {

/***/ 1713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ awsAccess)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/sinks/github-secrets.ts
var github_secrets = __webpack_require__(8581);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var dist_cjs = __webpack_require__(1695);
;// CONCATENATED MODULE: ./src/github/oidc.ts
/**
 * The GitHub Actions OIDC token: fetching it (through @actions/core, which masks it) and
 * reading its claims for error messages. The token itself is a bearer credential: it is never
 * printed, only its `sub`, `aud` and `iss` claims are.
 */

const OIDC_REQUEST_VARIABLES = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
const DEFAULT_AUDIENCE = 'sts.amazonaws.com';
/** Raised when the runner gave the job no way to request a token. */
class OidcUnavailableError extends Error {
    missing;
    constructor(missing) {
        super(`Cannot request a GitHub OIDC token: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. ` +
            'The workflow (or this job) needs `permissions: id-token: write` so the runner provides them; ' +
            'note that a `permissions:` block that does not list id-token removes it, and pull requests from forks never get it ' +
            '(use `command: validate` there, it needs no AWS access).');
        this.name = 'OidcUnavailableError';
        this.missing = missing;
    }
}
/** Raised when the token endpoint fails; carries no token or request bearer. */
class OidcRequestError extends Error {
    constructor(audience, cause) {
        const reason = cause instanceof Error ? cause.message.replace(/\s+/g, ' ').trim() : String(cause);
        super(`Could not get a GitHub OIDC token for audience "${audience}": ${reason}. ` +
            'Check that the job has `permissions: id-token: write` and rerun; a 5xx from the token service is usually transient.', { cause });
        this.name = 'OidcRequestError';
    }
}
function missingOidcVariables(env = process.env) {
    return OIDC_REQUEST_VARIABLES.filter((v) => !env[v]);
}
function isGitHubActions(env = process.env) {
    return env.GITHUB_ACTIONS === 'true';
}
/** Fetches an OIDC token for `audience`. @actions/core reads the request variables from process.env. */
async function getGitHubIdToken(audience = DEFAULT_AUDIENCE) {
    const missing = missingOidcVariables(process.env);
    if (missing.length > 0)
        throw new OidcUnavailableError(missing);
    try {
        return await core.getIDToken(audience);
    }
    catch (err) {
        throw new OidcRequestError(audience, err);
    }
}
/** Decodes a JWT's payload without verifying it (only to explain failures). Never throws. */
function decodeJwtClaims(token) {
    const payload = token.split('.')[1];
    if (payload === undefined || payload === '')
        return undefined;
    try {
        const json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return typeof json === 'object' && json !== null && !Array.isArray(json) ? json : undefined;
    }
    catch {
        return undefined;
    }
}
/** `sub = "...", aud = "..."` for messages; safe to print (claims, not the token). */
function describeClaims(claims) {
    if (claims === undefined)
        return 'the token could not be decoded to show its claims';
    const aud = Array.isArray(claims.aud) ? claims.aud.join(', ') : claims.aud;
    const parts = [`sub = "${claims.sub ?? '(none)'}"`, `aud = "${aud ?? '(none)'}"`];
    if (claims.iss !== undefined)
        parts.push(`iss = "${claims.iss}"`);
    return parts.join(', ');
}
/** The OIDC provider host the trust policy's condition keys are named after (`<host>:sub`). */
function issuerHost(claims) {
    const iss = claims?.iss;
    if (typeof iss === 'string') {
        try {
            const u = new URL(iss);
            return `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
        }
        catch {
            // Fall through to GitHub.com's issuer.
        }
    }
    return 'token.actions.githubusercontent.com';
}

// EXTERNAL MODULE: ./src/aws/rate-limit.ts
var rate_limit = __webpack_require__(9897);
// EXTERNAL MODULE: ./src/aws/error-advice.ts
var error_advice = __webpack_require__(9944);
// EXTERNAL MODULE: ./src/aws/retry.ts
var aws_retry = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/aws/session-name.ts
/**
 * Role session names appear in CloudTrail next to every call we make, so they say which
 * repository and run made them: `iam-connections@<owner>.<repo>-<run_id>-<attempt>` in Actions
 * (the repository part shortened when needed, never the run), `iam-connections-local` elsewhere.
 * STS allows 2 to 64 characters of `[\w+=,.@-]`.
 */
const INVALID = /[^\w+=,.@-]/g;
const MAX = 64;
function sanitizeSessionName(raw) {
    const cleaned = raw.replace(INVALID, '-').slice(0, MAX);
    return cleaned.length >= 2 ? cleaned : `${cleaned}--`.slice(0, 2);
}
function sessionName(env = process.env) {
    const runId = env.GITHUB_RUN_ID;
    if (!runId)
        return 'iam-connections-local';
    const run = `-${runId}-${env.GITHUB_RUN_ATTEMPT || '1'}`;
    const repo = (env.GITHUB_REPOSITORY ?? '').replace('/', '.').replace(INVALID, '-');
    if (!repo)
        return sanitizeSessionName(`iam-connections${run}`);
    const head = 'iam-connections@';
    return sanitizeSessionName(`${head}${repo.slice(0, Math.max(0, MAX - head.length - run.length))}${run}`);
}

;// CONCATENATED MODULE: ./src/aws/credentials.ts
/**
 * Credentials per manifest account (DESIGN.md sections 3 and 4).
 *
 * In GitHub Actions (`oidc`): a GitHub OIDC token, then STS AssumeRoleWithWebIdentity into the
 * account's `role`. An account with `via: <hub>` is reached by first getting the hub's
 * credentials (the same way, recursively), then AssumeRole into the account's role with them.
 * Locally (`default-chain`): the SDK's default chain (env, profile, SSO, ...), then AssumeRole
 * into the account's role when it has one (through the hub for `via`), else the default
 * credentials as they are, after checking with GetCallerIdentity that they belong to the account.
 *
 * Every assumed session is checked to be in the account the manifest declares, assumed once
 * per run (the resolver caches), and refreshed shortly before it expires.
 */







/** Why an account could not be reached. The message says what to fix; no secret is in it. */
class CredentialError extends Error {
    account;
    roleArn;
    code;
    constructor(message, details) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.name = 'CredentialError';
        this.account = details.account;
        this.roleArn = details.roleArn;
        this.code = details.code;
    }
}
/** Refresh a session this long before it expires. */
const REFRESH_MARGIN_MS = 5 * 60_000;
function defaultCredentialMode(env = process.env) {
    return isGitHubActions(env) ? 'oidc' : 'default-chain';
}
function accountLabel(a) {
    return `account "${a.name}" (${a.id})`;
}
function accountIdOfArn(arn) {
    return arn?.split(':')[4] || undefined;
}
function toIdentity(c, what) {
    if (!c?.AccessKeyId || !c.SecretAccessKey)
        throw new Error(`${what} returned no credentials`);
    return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration,
    };
}
function redact(text, secret) {
    return secret && secret.length > 8 ? text.split(secret).join('***') : text;
}
function oidcFix(code, roleArn, accountId, claims) {
    const host = issuerHost(claims);
    const aud = Array.isArray(claims?.aud) ? claims.aud[0] : claims?.aud;
    const provider = `arn:aws:iam::${accountId}:oidc-provider/${host}`;
    if (code === 'InvalidIdentityToken' || code === 'InvalidIdentityTokenException') {
        return (`AWS did not accept the token itself: account ${accountId} needs an IAM OIDC identity provider ${provider} ` +
            `(URL https://${host}) whose audiences include "${aud ?? DEFAULT_AUDIENCE}", or set the \`audience\` input to one it lists.`);
    }
    return (`Check the trust policy of ${roleArn}: it must allow sts:AssumeRoleWithWebIdentity for the federated principal ${provider}, ` +
        `with conditions that accept ${host}:sub = "${claims?.sub ?? '?'}" (StringEquals, or StringLike with a pattern that matches it) ` +
        `and ${host}:aud = "${aud ?? '?'}". Also check that the role exists and the ARN is right ` +
        '(the account\'s `role` in the manifest, or the `role-to-assume` input).');
}
/**
 * STS answers InvalidIdentityToken "Couldn't retrieve verification key from your identity provider"
 * when its fetch of GitHub's signing keys fails, intermittently; the token itself is fine. We retry
 * it as aws-actions/configure-aws-credentials retries AssumeRoleWithWebIdentity: up to 12 attempts,
 * each waiting a random time below 50 ms x 2^(attempt-1) (full jitter, uncapped), about 100 s at
 * worst. Any other InvalidIdentityToken is a real rejection and fails at once.
 */
const VERIFICATION_KEY_RETRY = { maxAttempts: 12, baseDelayMs: 50, maxDelayMs: 50 * 2 ** 11, maxElapsedMs: 5 * 60_000 };
function isVerificationKeyFailure(err) {
    const code = (0,aws_retry/* errorCode */.CA)(err);
    const message = typeof err === 'object' && err !== null ? err.message : undefined;
    return (code === 'InvalidIdentityToken' || code === 'InvalidIdentityTokenException') && typeof message === 'string' && /retrieve verification key/i.test(message);
}
/** Throttled or unreachable STS: nothing is wrong with the trust policy, so don't point there. */
function exhausted(account, roleArn, err) {
    return new CredentialError(`Could not assume ${roleArn} for ${accountLabel(account)}: ${err.message}`, {
        account: account.name,
        roleArn,
        code: (0,aws_retry/* errorCode */.CA)(err.cause),
        cause: err,
    });
}
/** Builds the resolver; each account is assumed once per run (concurrent callers share it). */
function createCredentialResolver(opts) {
    const env = opts.env ?? process.env;
    const mode = opts.mode ?? defaultCredentialMode(env);
    const region = (0,clients/* resolveRegion */.Zv)(opts.region, env);
    const audience = opts.audience || DEFAULT_AUDIENCE;
    const roleSession = opts.sessionName ?? sessionName(env);
    const duration = opts.durationSeconds ?? 3600;
    const getIdToken = opts.getIdToken ?? getGitHubIdToken;
    const now = opts.now ?? Date.now;
    const retry = { maxElapsedMs: 20_000, ...opts.retry };
    const byName = new Map(opts.accounts.map((a) => [a.name, a]));
    const cache = new Map();
    /** Our own base for local runs: the SDK default chain, as the STS client resolves it. */
    const defaultChain = (0,clients/* stsClient */.Km)({ region }).config.credentials;
    async function baseCredentials(account) {
        try {
            return await defaultChain();
        }
        catch (err) {
            throw new CredentialError(`No AWS credentials for ${accountLabel(account)}: ${(0,aws_retry/* errorSummary */.N5)(err)}. For a local run set AWS_PROFILE ` +
                '(or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY); in GitHub Actions the OIDC token is used instead.', { account: account.name, code: (0,aws_retry/* errorCode */.CA)(err), cause: err });
        }
    }
    function checkAccount(account, arn, how) {
        const got = accountIdOfArn(arn);
        if (got !== undefined && got !== account.id) {
            throw new CredentialError(`${how} gave credentials for AWS account ${got} (${arn ?? ''}), but the manifest declares ${accountLabel(account)}. ` +
                "Fix the account's `id` or `role` in the manifest (or the `role-to-assume` input) so they name the same account.", { account: account.name });
        }
    }
    async function webIdentity(account, roleArn) {
        const sts = (0,clients/* stsClient */.Km)({ region });
        let token = await getIdToken(audience);
        let refreshed = false;
        for (;;) {
            try {
                const label = `sts:AssumeRoleWithWebIdentity into ${roleArn}`;
                const call = () => sts.send(new dist_cjs/* AssumeRoleWithWebIdentityCommand */.WH({ RoleArn: roleArn, RoleSessionName: roleSession, WebIdentityToken: token, DurationSeconds: duration }));
                // Outer loop: the verification-key failure on configure-aws-credentials' schedule; inner: throttling and 5xx.
                const out = await (0,aws_retry/* withRetry */.bD)(() => (0,aws_retry/* withRetry */.bD)(call, { ...retry, label }), {
                    ...VERIFICATION_KEY_RETRY,
                    ...(retry.clock ? { clock: retry.clock } : {}),
                    ...(retry.random ? { random: retry.random } : {}),
                    ...(retry.onRetry ? { onRetry: retry.onRetry } : {}),
                    label,
                    classify: (err) => (isVerificationKeyFailure(err) ? 'transient' : 'fatal'),
                });
                checkAccount(account, out.AssumedRoleUser?.Arn, `AssumeRoleWithWebIdentity into ${roleArn}`);
                return toIdentity(out.Credentials, 'AssumeRoleWithWebIdentity');
            }
            catch (err) {
                if (err instanceof CredentialError)
                    throw err;
                if (err instanceof aws_retry/* RetriesExhaustedError */.i5 && isVerificationKeyFailure(err.cause)) {
                    throw new CredentialError(`Could not assume ${roleArn} for ${accountLabel(account)}: STS still could not retrieve the OIDC issuer's verification key after ${err.attempts} attempts ` +
                        `(${(0,aws_retry/* errorSummary */.N5)(err.cause)}). The token and the trust policy are not at fault: STS could not reach GitHub's key endpoint; rerun the job in a few minutes.`, { account: account.name, roleArn, code: (0,aws_retry/* errorCode */.CA)(err.cause), cause: err });
                }
                if (err instanceof aws_retry/* RetriesExhaustedError */.i5)
                    throw exhausted(account, roleArn, err);
                if ((0,aws_retry/* classifyAwsError */.u3)(err) === 'expired' && !refreshed) {
                    // The token can expire while we back off from throttling: one fresh token, then give up.
                    refreshed = true;
                    token = await getIdToken(audience);
                    continue;
                }
                const claims = decodeJwtClaims(token);
                const code = (0,aws_retry/* errorCode */.CA)(err);
                throw new CredentialError(redact(`Could not assume ${roleArn} for ${accountLabel(account)} with the GitHub OIDC token: ${(0,aws_retry/* errorSummary */.N5)(err)}. ` +
                    `The token has ${describeClaims(claims)}. ${oidcFix(code, roleArn, account.id, claims)}`, token), { account: account.name, roleArn, code, cause: err });
            }
        }
    }
    async function assumeRole(account, roleArn, from, fromLabel) {
        const sts = (0,clients/* stsClient */.Km)({ region, credentials: from });
        try {
            const out = await (0,aws_retry/* withRetry */.bD)(() => sts.send(new dist_cjs/* AssumeRoleCommand */.QL({ RoleArn: roleArn, RoleSessionName: roleSession, DurationSeconds: duration })), { ...retry, label: `sts:AssumeRole into ${roleArn}` });
            checkAccount(account, out.AssumedRoleUser?.Arn, `AssumeRole into ${roleArn}`);
            return toIdentity(out.Credentials, 'AssumeRole');
        }
        catch (err) {
            if (err instanceof CredentialError)
                throw err;
            if (err instanceof aws_retry/* RetriesExhaustedError */.i5)
                throw exhausted(account, roleArn, err);
            const code = (0,aws_retry/* errorCode */.CA)(err);
            const advice = (0,error_advice/* awsErrorAdvice */.Wc)(err, 'sts:AssumeRole');
            if (advice !== undefined) {
                throw new CredentialError(`Could not assume ${roleArn} for ${accountLabel(account)} from ${fromLabel}: ${(0,aws_retry/* errorSummary */.N5)(err)}; ${advice}.`, { account: account.name, roleArn, code, cause: err });
            }
            throw new CredentialError(`Could not assume ${roleArn} for ${accountLabel(account)} from ${fromLabel}: ${(0,aws_retry/* errorSummary */.N5)(err)}. ` +
                `Check that the trust policy of ${roleArn} allows sts:AssumeRole for ${fromLabel.replace(/^the /, '')}, ` +
                `that its permissions allow sts:AssumeRole on ${roleArn}, and that the role ARN is right.`, { account: account.name, roleArn, code, cause: err });
        }
    }
    /** One fetch of the account's credentials (no caching here). */
    async function fetchIdentity(account, chain, topLevel) {
        const overridden = topLevel && opts.roleToAssume !== undefined && opts.roleToAssume !== '';
        const roleArn = overridden ? opts.roleToAssume : account.role;
        const via = overridden ? undefined : account.via;
        if (via !== undefined) {
            const hub = byName.get(via);
            if (hub === undefined) {
                throw new CredentialError(`${accountLabel(account)} has \`via: ${via}\`, but the manifest declares no account "${via}". Name a declared account.`, { account: account.name });
            }
            if (chain.includes(hub.name)) {
                throw new CredentialError(`The \`via\` chain of ${accountLabel(account)} loops (${[...chain, hub.name].join(' -> ')}). Make it end at an account reached directly.`, { account: account.name });
            }
            if (roleArn === undefined) {
                throw new CredentialError(`${accountLabel(account)} has \`via: ${via}\` but no \`role\` to assume from there. Add the role ARN to the account.`, { account: account.name });
            }
            const hubProvider = await resolveAccount(hub, [...chain, hub.name], false);
            return assumeRole(account, roleArn, hubProvider, `the hub account "${hub.name}" (role ${hub.role ?? 'from the default credentials'})`);
        }
        if (mode === 'oidc') {
            if (roleArn === undefined) {
                throw new CredentialError(`${accountLabel(account)} has no \`role\` to assume with the GitHub OIDC token. Add \`role: arn:aws:iam::${account.id}:role/<name>\` ` +
                    'to the account in the manifest, or set the `role-to-assume` input.', { account: account.name });
            }
            return webIdentity(account, roleArn);
        }
        const base = await baseCredentials(account);
        if (roleArn !== undefined)
            return assumeRole(account, roleArn, base, 'the local AWS credentials (default chain)');
        // No role: use the local credentials as they are, but never against the wrong account.
        const sts = (0,clients/* stsClient */.Km)({ region, credentials: base });
        try {
            const who = await (0,aws_retry/* withRetry */.bD)(() => sts.send(new dist_cjs/* GetCallerIdentityCommand */.zI({})), { ...retry, label: 'sts:GetCallerIdentity' });
            if (who.Account !== undefined && who.Account !== account.id) {
                throw new CredentialError(`The local AWS credentials belong to account ${who.Account} (${who.Arn ?? ''}), but the manifest declares ${accountLabel(account)}. ` +
                    'Switch AWS_PROFILE (or the credentials) to that account, or give the account a `role` to assume.', { account: account.name });
            }
        }
        catch (err) {
            if (err instanceof CredentialError)
                throw err;
            throw new CredentialError(`Could not check the local AWS credentials for ${accountLabel(account)}: ${(0,aws_retry/* errorSummary */.N5)(err)}. Check AWS_PROFILE or AWS_ACCESS_KEY_ID.`, { account: account.name, code: (0,aws_retry/* errorCode */.CA)(err), cause: err });
        }
        return base;
    }
    /** A provider that re-fetches shortly before expiry; the first fetch happens now, so errors surface here. */
    async function makeProvider(account, chain, topLevel) {
        let current = await fetchIdentity(account, chain, topLevel);
        let pending;
        const provider = async () => {
            const exp = current.expiration?.getTime();
            if (exp === undefined || exp - now() > REFRESH_MARGIN_MS)
                return current;
            pending ??= fetchIdentity(account, chain, topLevel).finally(() => (pending = undefined));
            current = await pending;
            return current;
        };
        // IAM clients made with this provider share the account's rate limiter, named for progress lines.
        (0,rate_limit/* nameCredentials */.qG)(provider, account.name);
        return provider;
    }
    function resolveAccount(account, chain, topLevel) {
        // Overridden top-level accounts and hubs are different sessions: separate cache keys.
        const key = `${topLevel && opts.roleToAssume ? 'override:' : ''}${account.name}`;
        let hit = cache.get(key);
        if (hit === undefined) {
            // A failure is cached too: the same denied role is not retried for every connection.
            hit = makeProvider(account, chain, topLevel);
            cache.set(key, hit);
        }
        return hit;
    }
    return (account) => resolveAccount(account, [account.name], true);
}
/** Client settings for an account's clients: the resolved session, our retry policy. */
function accountClientConfig(region, credentials) {
    return clientConfig({ region, credentials });
}

// EXTERNAL MODULE: ./src/commands/inventory-readers.ts + 1 modules
var inventory_readers = __webpack_require__(5551);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-organizations/dist-cjs/index.js
var client_organizations_dist_cjs = __webpack_require__(2503);
// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(1532);
;// CONCATENATED MODULE: ./src/org/read.ts
/**
 * Reads the organisation once per run from the management (or delegated administrator) account:
 * ListRoots, then per parent (the root and each OU) ListOrganizationalUnitsForParent and
 * ListAccountsForParent, paginated; ListTagsForResource only for the accounts a tag selector
 * needs. About 1 + 2 x (OUs + 1) calls, plus one per further page of 20 accounts.
 */




/** AWS's own maximum page size for these calls. */
const PAGE = 20;
function organizationsClient(region, credentials) {
    return new client_organizations_dist_cjs/* OrganizationsClient */.gnq((0,clients/* clientConfig */.yO)(credentials === undefined ? { region } : { region, credentials }));
}
/** Why the organisation could not be read, with what to do about it. Carries no secret. */
class OrgReadError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'OrgReadError';
    }
}
async function pages(fetch) {
    const out = [];
    let token;
    do {
        const page = await fetch(token);
        out.push(...page.items);
        token = page.next;
    } while (token);
    return out;
}
async function readOrganization(opts) {
    const client = organizationsClient(opts.region, opts.credentials);
    const call = (what, fn) => (0,aws_retry/* withRetry */.bD)(fn, { maxElapsedMs: 60_000, ...opts.retry }).catch((err) => {
        const code = (0,aws_retry/* errorCode */.CA)(err);
        const advice = code === 'AccessDeniedException' || code === 'AccessDenied'
            ? ': the `organization.via` account\'s role needs organizations:List* (iam-connections permissions prints them)'
            : code === 'AWSOrganizationsNotInUseException'
                ? ': this account is not in an organisation; `organization.via` must name the management or a delegated administrator account'
                : '';
        throw new OrgReadError(`could not read the organisation (${what}): ${(0,aws_retry/* errorSummary */.N5)(err)}${advice}`, { cause: err });
    });
    const roots = await call('ListRoots', () => client.send(new client_organizations_dist_cjs/* ListRootsCommand */.Hkb({})));
    const root = roots.Roots?.[0];
    if (!root?.Id || !root.Arn)
        throw new OrgReadError('could not read the organisation: ListRoots returned no root');
    // arn:aws:organizations::<management account>:root/o-.../r-...
    const managementAccountId = root.Arn.split(':')[4] ?? '';
    const units = [];
    const accounts = [];
    let level = [root.Id];
    while (level.length) {
        const next = [];
        await (0,concurrency/* mapLimit */.s)(level, opts.concurrency ?? 2, async (parent) => {
            const ous = await pages((token) => call(`ListOrganizationalUnitsForParent ${parent}`, () => client.send(new client_organizations_dist_cjs/* ListOrganizationalUnitsForParentCommand */.sUM({ ParentId: parent, MaxResults: PAGE, NextToken: token }))).then((r) => ({
                items: r.OrganizationalUnits ?? [],
                next: r.NextToken,
            })));
            for (const u of ous) {
                if (!u.Id)
                    continue;
                units.push({ id: u.Id, name: u.Name ?? u.Id, parent });
                next.push(u.Id);
            }
            const accs = await pages((token) => call(`ListAccountsForParent ${parent}`, () => client.send(new client_organizations_dist_cjs/* ListAccountsForParentCommand */.Jgz({ ParentId: parent, MaxResults: PAGE, NextToken: token }))).then((r) => ({
                items: r.Accounts ?? [],
                next: r.NextToken,
            })));
            for (const a of accs) {
                if (!a.Id)
                    continue;
                // `State` replaces `Status` (deprecated by AWS in 2025); either says ACTIVE for a usable account.
                const status = String(a.State ?? a.Status ?? 'UNKNOWN');
                accounts.push({ id: a.Id, name: a.Name ?? a.Id, status, ...(a.JoinedTimestamp ? { joined: a.JoinedTimestamp.toISOString() } : {}), parent });
            }
        });
        level = next;
    }
    // Stable order whatever the concurrency: the tree's, then by ID.
    units.sort((a, b) => a.parent.localeCompare(b.parent) || a.id.localeCompare(b.id));
    accounts.sort((a, b) => a.id.localeCompare(b.id));
    const snapshot = { rootId: root.Id, managementAccountId, units, accounts, tags: new Map() };
    const wanted = opts.tagsFor?.(snapshot) ?? [];
    if (!wanted.length)
        return snapshot;
    const tags = new Map();
    await (0,concurrency/* mapLimit */.s)(wanted, opts.concurrency ?? 2, async (id) => {
        const list = await pages((token) => call(`ListTagsForResource ${id}`, () => client.send(new client_organizations_dist_cjs/* ListTagsForResourceCommand */.a_e({ ResourceId: id, NextToken: token }))).then((r) => ({ items: r.Tags ?? [], next: r.NextToken })));
        tags.set(id, Object.fromEntries(list.flatMap((t) => (t.Key !== undefined ? [[t.Key, t.Value ?? '']] : []))));
    });
    return { ...snapshot, tags };
}

;// CONCATENATED MODULE: ./src/action/aws-access.ts
/** One credential resolver per run, shared by the inventory reads and the executor's writes. */






/**
 * `purpose: 'plan'` assumes each account's read-only `planRole` where the manifest gives one, so
 * a pull request's plan never holds write credentials; `write` (apply, rotate) assumes `role`.
 */
function awsAccess(inputs, env, purpose = 'write') {
    const forPurpose = (a) => (purpose === 'plan' && a.planRole ? { ...a, role: a.planRole } : a);
    let resolver;
    const resolverFor = (manifest) => {
        if (!resolver) {
            const inner = createCredentialResolver({
                accounts: manifest.accounts.map(forPurpose),
                region: inputs.awsRegion,
                audience: inputs.audience,
                ...(inputs.roleToAssume ? { roleToAssume: inputs.roleToAssume } : {}),
                ...(inputs.mode ? { mode: inputs.mode } : {}),
                env,
            });
            resolver = (account) => inner(forPurpose(account));
        }
        return resolver;
    };
    // One GitHub client per run, so the bound on rate-limit waits holds for the whole run.
    let github;
    const githubFor = (token) => (github ??= (0,github_secrets/* gitHubSecretsClient */.AR)(token, env, { log: (line) => core.info(line) }));
    return {
        organization: async (manifest, tagsFor) => {
            const via = manifest.organization?.via;
            const hub = manifest.accounts.find((a) => a.name === via);
            if (!hub)
                throw new Error(`the organisation is read via "${via ?? ''}", which is not declared under accounts`);
            return readOrganization({ region: inputs.awsRegion, credentials: await resolverFor(manifest)(hub), tagsFor });
        },
        reader: (manifest, selected) => {
            if (inputs.roleToAssume && selected.length > 1) {
                throw new Error(`input "role-to-assume" replaces the manifest's role for a single-account run, but ${selected.length} accounts are selected (${selected.join(', ')}): set "accounts" to one of them`);
            }
            return (0,inventory_readers/* liveInventoryReader */.s)({ resolver: resolverFor(manifest), region: inputs.awsRegion });
        },
        rotateClients: (manifest) => async (account) => {
            const specOf = (name) => {
                const spec = manifest.accounts.find((a) => a.name === name || a.id === name);
                if (!spec)
                    throw new Error(`account "${name}" is not in the manifest`);
                return spec;
            };
            const home = specOf(account);
            const credentials = await resolverFor(manifest)(home);
            return {
                iam: (0,clients/* iamClient */.LV)({ region: inputs.awsRegion, credentials }),
                secretsManager: ({ account: target, region }) => {
                    const spec = target === undefined ? home : specOf(target);
                    // The SDK asks for credentials per request: the other account is assumed only if a secret lives there.
                    return (0,clients/* secretsManagerClient */.s0)({ region, credentials: async () => (await resolverFor(manifest)(spec))() });
                },
                ...(inputs.githubToken ? { github: githubFor(inputs.githubToken) } : {}),
            };
        },
        clients: (manifest) => async (account) => {
            const spec = manifest.accounts.find((a) => a.name === account);
            if (!spec)
                throw new Error(`account "${account}" is not in the manifest`);
            const credentials = await resolverFor(manifest)(spec);
            return {
                iam: (0,clients/* iamClient */.LV)({ region: inputs.awsRegion, credentials }),
                s3: (0,clients/* s3Client */.oD)({ region: spec.region ?? inputs.awsRegion, credentials }, env),
                // A billing bucket with its own region is read and written there (S3 answers 301 elsewhere).
                s3For: (region) => (0,clients/* s3Client */.oD)({ region, credentials }, env),
            };
        },
    };
}


/***/ }),

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Km: () => (/* binding */ stsClient),
/* harmony export */   LV: () => (/* binding */ iamClient),
/* harmony export */   Zv: () => (/* binding */ resolveRegion),
/* harmony export */   oD: () => (/* binding */ s3Client),
/* harmony export */   s0: () => (/* binding */ secretsManagerClient),
/* harmony export */   yO: () => (/* binding */ clientConfig)
/* harmony export */ });
/* unused harmony exports DEFAULT_REGION, withRateLimit, needsPathStyle */
/* harmony import */ var _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6764);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3711);
/* harmony import */ var _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2994);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1695);
/* harmony import */ var _rate_limit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9897);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2495);
/**
 * Client configuration shared by everything that talks to AWS. Endpoints are left to the SDK,
 * which honours AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> (IAM, STS, S3, SECRETS_MANAGER)
 * itself; tests point them at moto.
 */






const DEFAULT_REGION = 'us-east-1';
/**
 * `maxAttempts: 1`: the SDK never retries on its own; every call goes through
 * `withRetry` (./retry.ts), so one policy (and one call count) holds everywhere.
 */
function clientConfig(s) {
    return s.credentials === undefined
        ? { region: s.region, maxAttempts: 1 }
        : { region: s.region, maxAttempts: 1, credentials: s.credentials };
}
function iamClient(s) {
    const client = new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_2__/* .IAMClient */ .h8v(clientConfig(s));
    const limiter = s.limiter ?? (s.credentials !== undefined ? (0,_rate_limit_js__WEBPACK_IMPORTED_MODULE_0__/* .limiterForCredentials */ .UJ)(s.credentials) : new _rate_limit_js__WEBPACK_IMPORTED_MODULE_0__/* .AdaptiveRateLimiter */ .ND('default', (0,_rate_limit_js__WEBPACK_IMPORTED_MODULE_0__/* .rateLimitSettings */ .XM)()));
    if (limiter !== false)
        withRateLimit(client, limiter);
    return client;
}
/**
 * Every request of `client` (each attempt: the SDK's own retries are off) waits for a slot of
 * the account's limiter, and tells it whether IAM throttled it. First in the stack, so the
 * request is signed after the wait, never before.
 */
function withRateLimit(client, limiter) {
    client.middlewareStack.add((next) => async (args) => {
        await limiter.acquire();
        try {
            const out = await next(args);
            limiter.onSuccess();
            return out;
        }
        catch (err) {
            if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyAwsError */ .u3)(err) === 'throttle')
                limiter.onThrottle();
            throw err;
        }
    }, { step: 'initialize', name: 'iamConnectionsRateLimit', override: true });
    return client;
}
function stsClient(s) {
    return new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__/* .STSClient */ .iM(clientConfig(s));
}
/**
 * Virtual-hosted bucket addressing needs DNS names: against an endpoint on an IP address or
 * localhost (an emulator, a VPC endpoint by IP) only path-style requests can work.
 */
function needsPathStyle(env = process.env) {
    const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL;
    if (!endpoint)
        return false;
    try {
        const host = new URL(endpoint).hostname;
        return host === 'localhost' || /^[\d.]+$/.test(host) || host.startsWith('[');
    }
    catch {
        return false;
    }
}
function s3Client(s, env = process.env) {
    return new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .S3Client */ .YxF({ ...clientConfig(s), forcePathStyle: needsPathStyle(env) });
}
function secretsManagerClient(s) {
    return new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_5__/* .SecretsManagerClient */ ._H(clientConfig(s));
}
/** The region to use: explicit, then AWS_REGION / AWS_DEFAULT_REGION, then us-east-1. */
function resolveRegion(explicit, env = process.env) {
    return explicit || env.AWS_REGION || env.AWS_DEFAULT_REGION || DEFAULT_REGION;
}


/***/ }),

/***/ 9944:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GQ: () => (/* binding */ isWrongBucketRegion),
/* harmony export */   Wc: () => (/* binding */ awsErrorAdvice),
/* harmony export */   eB: () => (/* binding */ isInvalidPrincipal),
/* harmony export */   gI: () => (/* binding */ wrongRegionAdvice)
/* harmony export */ });
/* unused harmony export bucketRegionOf */
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2495);
/**
 * What to do about an AWS error that retrying cannot fix. Each permanent class gets one sentence a
 * security engineer can act on; errors without a known fix get none (the AWS message stands alone).
 * Pure: reads the error's code, status and message only, never request parameters.
 */

function messageOf(err) {
    const m = typeof err === 'object' && err !== null ? err.message : undefined;
    return typeof m === 'string' ? m : '';
}
const is = (code, ...names) => names.some((n) => code === n || code === `${n}Exception`);
/** "Invalid principal" from IAM (MalformedPolicyDocument) or S3 (MalformedPolicy). */
function isInvalidPrincipal(err) {
    const code = (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .errorCode */ .CA)(err) ?? '';
    return (code.startsWith('MalformedPolicyDocument') || code === 'MalformedPolicy') && /invalid principal/i.test(messageOf(err));
}
/** The fix for a permanent AWS error, or undefined when there is nothing more to say than AWS did. */
function awsErrorAdvice(err, operation) {
    const code = (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .errorCode */ .CA)(err) ?? '';
    if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .isClockSkew */ .FD)(err)) {
        return "this machine's clock is more than 5 minutes away from AWS's (AWS refused the request's signature as expired or skewed): sync the clock (e.g. `timedatectl set-ntp true` or `chronyc makestep`), then rerun";
    }
    if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotAnAwsAnswer */ .AL)(err)) {
        const status = (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatus */ .nG)(err);
        return (`the endpoint answered${status !== undefined ? ` HTTP ${status}` : ''} with something that is not an AWS response: it does not implement ${operation ?? 'this operation'}, ` +
            'or a proxy answered in its place; check AWS_ENDPOINT_URL* and HTTPS_PROXY, then rerun');
    }
    if (is(code, 'LimitExceeded')) {
        return 'an IAM quota is reached (AWS names it above): remove what is unused (old policy versions, attachments beyond 10 per principal, unused users) or raise the quota in Service Quotas, then rerun';
    }
    if (is(code, 'PolicyNotAttachable')) {
        return 'this AWS managed policy cannot be attached to users or roles (AWS reserves it for service-linked roles): choose another managed policy in the manifest';
    }
    if (isInvalidPrincipal(err)) {
        return 'a principal the document names does not exist (a vendor account or role ARN mistyped, or a user or role deleted): fix the ARN in the manifest, then rerun';
    }
    if (code.startsWith('MalformedPolicyDocument') || code === 'MalformedPolicy') {
        return 'AWS rejects the policy document: run `validate` on the manifest and fix the statement AWS names, then rerun';
    }
    return undefined;
}
/**
 * The region S3 says a bucket lives in, from a 301 PermanentRedirect (or the 400 of a wrongly
 * signed region): its `x-amz-bucket-region` header, or the Region element of the error body.
 */
function bucketRegionOf(err) {
    if (typeof err !== 'object' || err === null)
        return undefined;
    const e = err;
    const header = e.$response?.headers?.['x-amz-bucket-region'];
    const region = header ?? (typeof e.Region === 'string' ? e.Region : undefined);
    return region !== undefined && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(region) ? region : undefined;
}
/** A bucket addressed in the wrong region: PermanentRedirect (301) or AuthorizationHeaderMalformed naming the region. */
function isWrongBucketRegion(err) {
    const code = (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .errorCode */ .CA)(err) ?? '';
    const status = (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatus */ .nG)(err);
    return code === 'PermanentRedirect' || status === 301 || (code === 'AuthorizationHeaderMalformed' && bucketRegionOf(err) !== undefined);
}
/** What to write in the manifest when S3 answers that the bucket lives elsewhere. */
function wrongRegionAdvice(bucket, err, asked) {
    const region = bucketRegionOf(err);
    return region !== undefined
        ? `bucket ${bucket} is in region ${region}${asked ? `, not ${asked}` : ''}: set \`billingBucket: { name: ${bucket}, region: ${region} }\` in the manifest`
        : `bucket ${bucket} is in another region than ${asked ?? 'the one asked'} (S3 did not say which): find it with \`aws s3api get-bucket-location --bucket ${bucket}\` and set billingBucket.region in the manifest`;
}


/***/ }),

/***/ 6924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ku: () => (/* binding */ mapGaadPages),
/* harmony export */   Pr: () => (/* binding */ withKeyLastUsed),
/* harmony export */   _$: () => (/* binding */ isoDate),
/* harmony export */   bU: () => (/* binding */ withAccessKeys)
/* harmony export */ });
/* unused harmony exports GaadShapeError, tagRecord, mapUser, mapRole, mapPolicy */
/* harmony import */ var _policy_decode_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2042);

/** A structural problem in the data (a user without a name...), named by its place. */
class GaadShapeError extends Error {
    constructor(where, what) {
        super(`${where}: ${what}`);
        this.name = 'GaadShapeError';
    }
}
const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
function required(value, where, field) {
    if (typeof value !== 'string' || value === '')
        throw new GaadShapeError(where, `has no ${field}`);
    return value;
}
function isoDate(d) {
    if (d === undefined)
        return '';
    const t = d instanceof Date ? d : new Date(d);
    return Number.isNaN(t.getTime()) ? String(d) : t.toISOString();
}
function tagRecord(tags) {
    const out = {};
    for (const t of tags ?? [])
        if (typeof t.Key === 'string')
            out[t.Key] = t.Value ?? '';
    return out;
}
function attached(list, where) {
    return (list ?? [])
        .map((p, i) => ({
        name: required(p.PolicyName, `${where}, attached policy ${i}`, 'PolicyName'),
        arn: required(p.PolicyArn, `${where}, attached policy ${i}`, 'PolicyArn'),
    }))
        .sort(byName);
}
function inline(list, where) {
    return (list ?? [])
        .map((p, i) => {
        const name = required(p.PolicyName, `${where}, inline policy ${i}`, 'PolicyName');
        return { name, document: (0,_policy_decode_js__WEBPACK_IMPORTED_MODULE_0__/* .decodePolicyDocument */ .a)(p.PolicyDocument, `${where}, inline policy ${name}`) };
    })
        .sort(byName);
}
function mapUser(u, where) {
    const name = required(u.UserName, where, 'UserName');
    const at = `user ${name}`;
    const state = {
        name,
        arn: u.Arn ?? '',
        id: u.UserId ?? '',
        path: u.Path ?? '/',
        created: isoDate(u.CreateDate),
        tags: tagRecord(u.Tags),
        attached: attached(u.AttachedManagedPolicies, at),
        inline: inline(u.UserPolicyList, at),
        groups: [...(u.GroupList ?? [])].sort(),
    };
    if (u.PermissionsBoundary?.PermissionsBoundaryArn)
        state.permissionsBoundary = u.PermissionsBoundary.PermissionsBoundaryArn;
    return state;
}
function mapRole(r, where) {
    const name = required(r.RoleName, where, 'RoleName');
    const at = `role ${name}`;
    const state = {
        name,
        arn: r.Arn ?? '',
        id: r.RoleId ?? '',
        path: r.Path ?? '/',
        created: isoDate(r.CreateDate),
        tags: tagRecord(r.Tags),
        trust: (0,_policy_decode_js__WEBPACK_IMPORTED_MODULE_0__/* .decodePolicyDocument */ .a)(r.AssumeRolePolicyDocument, `${at}, trust policy`),
        attached: attached(r.AttachedManagedPolicies, at),
        inline: inline(r.RolePolicyList, at),
    };
    // Absent means unknown (GAAD never has it); a snapshot's '' means read, and empty.
    if (r.Description !== undefined)
        state.description = r.Description;
    if (r.MaxSessionDuration !== undefined)
        state.maxSessionDuration = r.MaxSessionDuration;
    if (r.PermissionsBoundary?.PermissionsBoundaryArn)
        state.permissionsBoundary = r.PermissionsBoundary.PermissionsBoundaryArn;
    if (r.RoleLastUsed?.LastUsedDate !== undefined) {
        state.lastUsed = { date: isoDate(r.RoleLastUsed.LastUsedDate) };
        if (r.RoleLastUsed.Region)
            state.lastUsed.region = r.RoleLastUsed.Region;
    }
    return state;
}
function versionNumber(id) {
    const n = Number(id.replace(/^v/, ''));
    return Number.isNaN(n) ? Number.MAX_SAFE_INTEGER : n;
}
function mapPolicy(p, where) {
    // moto leaves PolicyName out of GAAD; the ARN's last segment is the same name.
    const name = required(p.PolicyName ?? p.Arn?.split('/').pop(), where, 'PolicyName or Arn');
    const at = `policy ${name}`;
    const versions = p.PolicyVersionList ?? [];
    const defaultVersionId = p.DefaultVersionId ?? versions.find((v) => v.IsDefaultVersion === true)?.VersionId ?? '';
    const def = versions.find((v) => v.VersionId === defaultVersionId) ?? versions.find((v) => v.IsDefaultVersion === true);
    const document = (0,_policy_decode_js__WEBPACK_IMPORTED_MODULE_0__/* .decodePolicyDocument */ .a)(def?.Document, `${at}, version ${defaultVersionId}`);
    const documents = {};
    for (const v of versions) {
        if (typeof v.VersionId !== 'string' || v.Document === undefined)
            continue;
        documents[v.VersionId] = v === def ? document : (0,_policy_decode_js__WEBPACK_IMPORTED_MODULE_0__/* .decodePolicyDocument */ .a)(v.Document, `${at}, version ${v.VersionId}`);
    }
    const state = {
        name,
        arn: p.Arn ?? '',
        path: p.Path ?? '/',
        defaultVersionId,
        document,
        versionIds: versions
            .map((v) => v.VersionId)
            .filter((v) => typeof v === 'string')
            .sort((a, b) => versionNumber(a) - versionNumber(b)),
        attachmentCount: p.AttachmentCount ?? 0,
        tags: tagRecord(p.Tags),
    };
    if (Object.keys(documents).length > 0)
        state.versions = documents;
    if (p.Description !== undefined)
        state.description = p.Description;
    // GAAD never returns policy tags: an empty record would read as "untagged".
    if (p.Tags === undefined)
        state.tagsRead = false;
    return state;
}
/**
 * All pages into one inventory (users without access keys: those are added by the caller).
 * Items repeated across pages (never by IAM, possibly in hand-merged snapshots) keep the last.
 */
function mapGaadPages(pages, meta, source = 'GetAccountAuthorizationDetails') {
    const users = new Map();
    const roles = new Map();
    const policies = new Map();
    pages.forEach((page, p) => {
        const pageAt = pages.length > 1 ? `${source} page ${p + 1}` : source;
        (page.UserDetailList ?? []).forEach((u, i) => {
            const s = mapUser(u, `${pageAt}, UserDetailList[${i}]`);
            users.set(s.name, s);
        });
        (page.RoleDetailList ?? []).forEach((r, i) => {
            const s = mapRole(r, `${pageAt}, RoleDetailList[${i}]`);
            roles.set(s.name, s);
        });
        (page.Policies ?? []).forEach((pol, i) => {
            const s = mapPolicy(pol, `${pageAt}, Policies[${i}]`);
            policies.set(s.arn || s.name, s);
        });
    });
    return {
        account: meta.account,
        accountId: meta.accountId,
        readAt: meta.readAt,
        users: [...users.values()].sort(byName),
        roles: [...roles.values()].sort(byName),
        policies: [...policies.values()].sort(byName),
        buckets: [],
    };
}
/** Adds access keys (sorted by creation, then id) to the named users. */
function withAccessKeys(inv, keys) {
    return {
        ...inv,
        users: inv.users.map((u) => {
            const k = keys.get(u.name);
            return k === undefined
                ? u
                : { ...u, accessKeys: [...k].sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id)) };
        }),
    };
}
/**
 * Records GetAccessKeyLastUsed answers (ISO time, or null for never used) on the keys they
 * belong to: the second phase of a plan whose key decisions need last use.
 */
function withKeyLastUsed(inv, lastUsed) {
    if (lastUsed.size === 0)
        return inv;
    return {
        ...inv,
        users: inv.users.map((u) => u.accessKeys === undefined || !u.accessKeys.some((k) => lastUsed.has(k.id))
            ? u
            : { ...u, accessKeys: u.accessKeys.map((k) => (lastUsed.has(k.id) ? { ...k, lastUsed: lastUsed.get(k.id) ?? null } : k)) }),
    };
}


/***/ }),

/***/ 2682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Dx: () => (/* binding */ maskKeyId),
  R1: () => (/* binding */ readAccessKeys),
  zw: () => (/* binding */ readInventory),
  _K: () => (/* binding */ readKeysLastUsed)
});

// UNUSED EXPORTS: InventoryReadError, isOwned, needsKeyRead, readBucketState, readGaadPages, readKeyLastUsed, readLoginProfile

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var dist_cjs = __webpack_require__(6764);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./src/manifest/model.ts
var model = __webpack_require__(5848);
// EXTERNAL MODULE: ./src/aws/retry.ts
var aws_retry = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/aws/credential-report.ts
/**
 * Console passwords and MFA of every user in two or three calls per account, whatever the
 * number of users: the IAM credential report (GenerateCredentialReport until COMPLETE, then
 * GetCredentialReport), instead of one GetLoginProfile per user.
 *
 * The price is freshness: IAM makes a new report at most every 4 hours and otherwise returns
 * the last one, so a password set or removed since `generatedAt` does not show. The plan says
 * so wherever it relies on it.
 *
 * Not being allowed to read the report does not fail the plan: the answer is `ok: false` with
 * the permission to grant, and the plan turns it into an `unresolved` note.
 */



class CredentialReportFormatError extends Error {
    constructor(what) {
        super(`the IAM credential report is not in the expected CSV form: ${what}`);
        this.name = 'CredentialReportFormatError';
    }
}
/** RFC 4180 records (AWS does not quote, but a user name may one day need it). */
function csvRecords(text) {
    const records = [];
    let field = '';
    let record = [];
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quoted) {
            if (ch === '"' && text[i + 1] === '"') {
                field += '"';
                i++;
            }
            else if (ch === '"')
                quoted = false;
            else
                field += ch;
        }
        else if (ch === '"' && field === '')
            quoted = true;
        else if (ch === ',') {
            record.push(field);
            field = '';
        }
        else if (ch === '\n' || ch === '\r') {
            if (ch === '\r' && text[i + 1] === '\n')
                i++;
            record.push(field);
            if (record.length > 1 || record[0] !== '')
                records.push(record);
            record = [];
            field = '';
        }
        else
            field += ch;
    }
    if (quoted)
        throw new CredentialReportFormatError('a quoted field is not closed');
    record.push(field);
    if (record.length > 1 || record[0] !== '')
        records.push(record);
    return records;
}
function flag(v) {
    return v === 'true' ? true : v === 'false' ? false : undefined;
}
function isoOrUndefined(v) {
    if (v === undefined || v === '' || Number.isNaN(Date.parse(v)))
        return undefined;
    return new Date(v).toISOString();
}
function reportedKeys(get) {
    const out = [];
    for (const slot of [1, 2]) {
        const active = flag(get(`access_key_${slot}_active`));
        const lastRotated = isoOrUndefined(get(`access_key_${slot}_last_rotated`));
        if (active === undefined || (!active && lastRotated === undefined))
            continue;
        const k = { slot, active };
        if (lastRotated !== undefined)
            k.lastRotated = lastRotated;
        const used = isoOrUndefined(get(`access_key_${slot}_last_used_date`));
        if (used !== undefined) {
            k.lastUsed = { date: used };
            const region = get(`access_key_${slot}_last_used_region`);
            const service = get(`access_key_${slot}_last_used_service`);
            if (region !== undefined && region !== 'N/A' && region !== '')
                k.lastUsed.region = region;
            if (service !== undefined && service !== 'N/A' && service !== '')
                k.lastUsed.service = service;
        }
        out.push(k);
    }
    return out;
}
/** The report's rows for IAM users (the `<root_account>` row is left out). */
function parseCredentialReport(csv) {
    const [header, ...rows] = csvRecords(csv);
    if (!header)
        throw new CredentialReportFormatError('it is empty');
    const col = new Map(header.map((h, i) => [h.trim(), i]));
    for (const needed of ['user', 'arn', 'password_enabled']) {
        if (!col.has(needed))
            throw new CredentialReportFormatError(`the header has no ${needed} column`);
    }
    const get = (row, name) => {
        const i = col.get(name);
        return i === undefined ? undefined : row[i];
    };
    const out = [];
    for (const row of rows) {
        const user = get(row, 'user') ?? '';
        if (user === '' || user === '<root_account>')
            continue;
        const r = { user, arn: get(row, 'arn') ?? '' };
        const created = isoOrUndefined(get(row, 'user_creation_time'));
        if (created !== undefined)
            r.created = created;
        const password = flag(get(row, 'password_enabled'));
        if (password !== undefined)
            r.passwordEnabled = password;
        const mfa = flag(get(row, 'mfa_active'));
        if (mfa !== undefined)
            r.mfaActive = mfa;
        const keys = reportedKeys((name) => get(row, name));
        if (keys.length > 0)
            r.keys = keys;
        out.push(r);
    }
    return out;
}
const NOT_READY_CODES = new Set([
    'ReportInProgress',
    'CredentialReportNotReadyException',
    'ReportNotPresent',
    'CredentialReportNotPresentException',
    'ReportExpired',
    'CredentialReportExpiredException',
]);
function denied(account, action, err) {
    return {
        ok: false,
        reason: `${action} was denied in account "${account}" (${(0,aws_retry/* errorSummary */.N5)(err)})`,
        missingPermissions: [action],
    };
}
/**
 * Generates (or reuses) the report and reads it. Throws only for failures a human must look at
 * that are not permissions (retries exhausted, a malformed report); denial and a report that
 * is not ready in time come back as `ok: false`.
 */
async function readCredentialReport(iam, opts) {
    const clock = opts.retry?.clock ?? aws_retry/* realClock */.dQ;
    const maxWait = opts.maxWaitMs ?? 60_000;
    let delay = opts.pollDelayMs ?? 1_000;
    const start = clock.now();
    const call = (action, fn) => (0,aws_retry/* withRetry */.bD)(fn, { ...opts.retry, label: `${action} in account "${opts.account}"` });
    for (;;) {
        let state;
        try {
            state = (await call('iam:GenerateCredentialReport', () => iam.send(new dist_cjs/* GenerateCredentialReportCommand */.seh({})))).State;
        }
        catch (err) {
            if (!(err instanceof aws_retry/* RetriesExhaustedError */.i5) && (0,aws_retry/* classifyAwsError */.u3)(err) === 'denied') {
                return denied(opts.account, 'iam:GenerateCredentialReport', err);
            }
            throw err;
        }
        if (state === 'COMPLETE') {
            try {
                const out = await call('iam:GetCredentialReport', () => iam.send(new dist_cjs/* GetCredentialReportCommand */.DBo({})));
                const text = out.Content === undefined ? '' : new TextDecoder().decode(out.Content);
                const generatedAt = out.GeneratedTime === undefined ? new Date(clock.now()).toISOString() : new Date(out.GeneratedTime).toISOString();
                return { ok: true, generatedAt, rows: parseCredentialReport(text) };
            }
            catch (err) {
                if (err instanceof aws_retry/* RetriesExhaustedError */.i5 || err instanceof CredentialReportFormatError)
                    throw err;
                if ((0,aws_retry/* classifyAwsError */.u3)(err) === 'denied')
                    return denied(opts.account, 'iam:GetCredentialReport', err);
                // Expired or replaced between the two calls: generate again.
                if (!NOT_READY_CODES.has((0,aws_retry/* errorCode */.CA)(err) ?? ''))
                    throw err;
            }
        }
        if (clock.now() - start + delay > maxWait) {
            return {
                ok: false,
                reason: `IAM did not finish the credential report of account "${opts.account}" within ${Math.round(maxWait / 1000)} s (last state: ${state ?? 'unknown'})`,
            };
        }
        await clock.sleep(delay);
        delay = Math.min(delay * 2, 8_000);
    }
}
/** IAM times are to the second; the report and GAAD may print them differently. */
const seconds = (iso) => Math.floor(Date.parse(iso) / 1000);
/**
 * Puts the report's answers on the inventory's users. A row whose creation time differs from
 * the user's is about an earlier user of the same name (deleted and made again since the
 * report) and is ignored; users made after the report are left unknown.
 */
function withCredentialReport(inv, read) {
    if (!read.ok) {
        const unavailable = { reason: read.reason };
        if (read.missingPermissions !== undefined)
            unavailable.missingPermissions = [...read.missingPermissions];
        return { ...inv, credentialReport: { unavailable } };
    }
    const rows = new Map(read.rows.map((r) => [r.user, r]));
    const users = inv.users.map((u) => {
        const row = rows.get(u.name);
        if (row === undefined || row.passwordEnabled === undefined)
            return u;
        if (row.created !== undefined && u.created !== '' && seconds(row.created) !== seconds(u.created))
            return u;
        const next = { ...u, hasLoginProfile: row.passwordEnabled, loginProfileAsOf: read.generatedAt };
        if (row.mfaActive !== undefined)
            next.mfaActive = row.mfaActive;
        if (row.keys !== undefined)
            next.reportedKeys = row.keys;
        return next;
    });
    return { ...inv, users, credentialReport: { generatedAt: read.generatedAt } };
}

// EXTERNAL MODULE: ./src/aws/gaad.ts
var gaad = __webpack_require__(6924);
// EXTERNAL MODULE: ./src/aws/policy-decode.ts
var policy_decode = __webpack_require__(2042);
// EXTERNAL MODULE: ./src/aws/error-advice.ts
var error_advice = __webpack_require__(9944);
// EXTERNAL MODULE: ./src/concurrency.ts
var src_concurrency = __webpack_require__(1532);
// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(9373);
;// CONCATENATED MODULE: ./src/aws/inventory.ts
/**
 * Reads what one account holds with as few calls as IAM allows: GetAccountAuthorizationDetails
 * pages (users, roles, local policies with documents, attachments, tags), then one
 * ListAccessKeys per user we manage or declare (GAAD has no keys), and nothing per policy or
 * attachment. Console passwords come from the credential report (2-3 calls per account) when
 * asked; GetLoginProfile (one call per managed user) only when asked.
 */










const capitalize = (s) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
/** A read that failed for a reason a human must fix (denied, malformed answer...). */
class InventoryReadError extends Error {
    account;
    action;
    code;
    constructor(account, action, err, hint) {
        const denied = (0,aws_retry/* classifyAwsError */.u3)(err) === 'denied';
        const advice = (0,error_advice/* awsErrorAdvice */.Wc)(err, action);
        const fix = hint ??
            (advice !== undefined ? `${capitalize(advice)}.` : undefined) ??
            (denied
                ? `The role used for account "${account}" needs ${action} (plan reads with iam:GetAccountAuthorizationDetails, ` +
                    'iam:ListAccessKeys, iam:GenerateCredentialReport, iam:GetCredentialReport, iam:GetLoginProfile, iam:GetRole, ' +
                    'iam:GetAccessKeyLastUsed, s3:ListBucket and s3:GetBucketPolicy).'
                : 'Rerun; if it persists, run with the AWS SDK debug log or report it with this message.');
        super(`Reading account "${account}": ${action} failed: ${(0,aws_retry/* errorSummary */.N5)(err)}. ${fix}`, { cause: err });
        this.name = 'InventoryReadError';
        this.account = account;
        this.action = action;
        this.code = (0,aws_retry/* errorCode */.CA)(err);
    }
}
function isOwned(tags) {
    return Object.prototype.hasOwnProperty.call(tags, model/* OWNER_TAG */.FX);
}
/** Safety net against a server that keeps answering IsTruncated with the same marker. */
const MAX_PAGES = 10_000;
/** All GAAD pages for users, roles and local policies, following Marker while IsTruncated. */
async function readGaadPages(iam, opts) {
    const pages = [];
    const seen = new Set();
    let marker;
    do {
        const page = await call(opts.account, 'iam:GetAccountAuthorizationDetails', opts.retry, () => iam.send(new dist_cjs/* GetAccountAuthorizationDetailsCommand */.Qn1({
            Filter: ['User', 'Role', 'LocalManagedPolicy'],
            MaxItems: opts.pageSize ?? 1000,
            Marker: marker,
        })));
        pages.push(page);
        marker = page.IsTruncated === true ? page.Marker : undefined;
        if (page.IsTruncated === true && !marker) {
            throw new InventoryReadError(opts.account, 'iam:GetAccountAuthorizationDetails', new Error('a page was truncated but carried no Marker'));
        }
        if (marker !== undefined) {
            if (seen.has(marker) || pages.length >= MAX_PAGES) {
                throw new InventoryReadError(opts.account, 'iam:GetAccountAuthorizationDetails', new Error(`pagination does not advance (marker repeated after ${pages.length} pages)`));
            }
            seen.add(marker);
        }
    } while (marker !== undefined);
    return pages;
}
async function call(account, action, retry, fn) {
    try {
        return await (0,aws_retry/* withRetry */.bD)(fn, { ...retry, label: `${action} in account "${account}"` });
    }
    catch (err) {
        if (err instanceof aws_retry/* RetriesExhaustedError */.i5)
            throw err;
        throw new InventoryReadError(account, action, err);
    }
}
function isNoSuchEntity(err) {
    return (0,aws_retry/* errorCode */.CA)(err) === 'NoSuchEntity' || (0,aws_retry/* errorCode */.CA)(err) === 'NoSuchEntityException';
}
/** A user's access keys (IAM allows two; the marker is followed anyway). */
async function readAccessKeys(iam, userName, opts) {
    const keys = [];
    let marker;
    do {
        const out = await call(opts.account, `iam:ListAccessKeys for user ${userName}`, opts.retry, () => iam.send(new dist_cjs/* ListAccessKeysCommand */.Qxm({ UserName: userName, Marker: marker })));
        for (const k of out.AccessKeyMetadata ?? []) {
            if (!k.AccessKeyId)
                continue;
            keys.push({ id: k.AccessKeyId, status: k.Status === 'Active' ? 'Active' : 'Inactive', created: (0,gaad/* isoDate */._$)(k.CreateDate) });
        }
        marker = out.IsTruncated === true ? out.Marker : undefined;
    } while (marker !== undefined);
    return keys;
}
/** Whether the user has a console password. */
async function readLoginProfile(iam, userName, opts) {
    try {
        await (0,aws_retry/* withRetry */.bD)(() => iam.send(new dist_cjs/* GetLoginProfileCommand */.aZV({ UserName: userName })), {
            ...opts.retry,
            label: `iam:GetLoginProfile for user ${userName}`,
        });
        return true;
    }
    catch (err) {
        if (isNoSuchEntity(err))
            return false;
        if (err instanceof aws_retry/* RetriesExhaustedError */.i5)
            throw err;
        throw new InventoryReadError(opts.account, `iam:GetLoginProfile for user ${userName}`, err);
    }
}
/** When a key was last used (ISO-8601), or null if never. Call only where a decision needs it. */
async function readKeyLastUsed(iam, keyId, opts = {}) {
    const account = opts.account ?? '?';
    const out = await call(account, `iam:GetAccessKeyLastUsed for key ${maskKeyId(keyId)}`, opts.retry, () => iam.send(new dist_cjs/* GetAccessKeyLastUsedCommand */.qRl({ AccessKeyId: keyId })));
    const d = out.AccessKeyLastUsed?.LastUsedDate;
    return d === undefined ? null : (0,gaad/* isoDate */._$)(d);
}
/**
 * Last use of exactly the keys a plan asked for (`keysNeedingLastUsed`), one call each, a few
 * at a time; feed the answer to `withKeyLastUsed` and plan again.
 */
async function readKeysLastUsed(iam, keyIds, opts = {}) {
    const ids = [...new Set(keyIds)].sort();
    const answers = await (0,src_concurrency/* mapLimit */.s)(ids, opts.concurrency ?? 4, (id) => readKeyLastUsed(iam, id, opts));
    return new Map(ids.map((id, i) => [id, answers[i] ?? null]));
}
/** `AKIA…WXYZ`, the only way an access key id is shown. */
function maskKeyId(id) {
    return id.length <= 8 ? id : `${id.slice(0, 4)}…${id.slice(-4)}`;
}
/** Whether the bucket exists (for us) and its policy; a missing policy is not an error. */
async function readBucketState(s3, name, opts = {}) {
    const account = opts.account ?? '?';
    const wrongRegion = async (action, err) => new InventoryReadError(account, `${action} ${name}`, err, `${capitalize((0,error_advice/* wrongRegionAdvice */.gI)(name, err, await s3.config.region()))}, then rerun.`);
    try {
        await (0,aws_retry/* withRetry */.bD)(() => s3.send(new client_s3_dist_cjs/* HeadBucketCommand */.kuI({ Bucket: name })), { ...opts.retry, label: `s3:HeadBucket ${name}` });
    }
    catch (err) {
        const code = (0,aws_retry/* errorCode */.CA)(err);
        const status = (0,aws_retry/* httpStatus */.nG)(err);
        if ((0,error_advice/* isWrongBucketRegion */.GQ)(err))
            throw await wrongRegion('s3:HeadBucket', err);
        if (code === 'NotFound' || code === 'NoSuchBucket' || status === 404)
            return { name, exists: false };
        if (err instanceof aws_retry/* RetriesExhaustedError */.i5)
            throw err;
        if (status === 403 || code === 'Forbidden') {
            throw new InventoryReadError(account, `s3:HeadBucket ${name}`, err, `The bucket exists but this account cannot read it: it may belong to another AWS account (bucket names are global; choose another name), or the role lacks s3:ListBucket on arn:aws:s3:::${name}.`);
        }
        throw new InventoryReadError(account, `s3:HeadBucket ${name}`, err);
    }
    try {
        const out = await (0,aws_retry/* withRetry */.bD)(() => s3.send(new client_s3_dist_cjs/* GetBucketPolicyCommand */.mCJ({ Bucket: name })), {
            ...opts.retry,
            label: `s3:GetBucketPolicy ${name}`,
        });
        return { name, exists: true, policy: (0,policy_decode/* decodePolicyDocument */.a)(out.Policy, `bucket ${name}`) };
    }
    catch (err) {
        if ((0,aws_retry/* errorCode */.CA)(err) === 'NoSuchBucketPolicy')
            return { name, exists: true };
        if ((0,error_advice/* isWrongBucketRegion */.GQ)(err))
            throw await wrongRegion('s3:GetBucketPolicy', err);
        if (err instanceof aws_retry/* RetriesExhaustedError */.i5 || err instanceof policy_decode/* PolicyDecodeError */.J)
            throw err;
        throw new InventoryReadError(account, `s3:GetBucketPolicy ${name}`, err);
    }
}
/** Whose keys (and login profile) are read: ours by tag, or declared by name. */
function needsKeyRead(u, isDeclaredUser) {
    return isOwned(u.tags) || (isDeclaredUser?.(u.name) ?? false);
}
async function readInventory(iam, opts) {
    const readAt = (opts.now?.() ?? (0,clock/* now */.tB)()).toISOString();
    const pages = await readGaadPages(iam, opts);
    const base = (0,gaad/* mapGaadPages */.Ku)(pages, { account: opts.account, accountId: opts.accountId, readAt });
    const concurrency = opts.concurrency ?? 4;
    const targets = base.users.filter((u) => needsKeyRead(u, opts.isDeclaredUser));
    const keyLists = await (0,src_concurrency/* mapLimit */.s)(targets, concurrency, (u) => readAccessKeys(iam, u.name, opts));
    let inv = (0,gaad/* withAccessKeys */.bU)(base, new Map(targets.map((u, i) => [u.name, keyLists[i] ?? []])));
    const tagTargets = opts.needsPolicyTags === undefined ? [] : inv.policies.filter((p) => p.tagsRead === false && opts.needsPolicyTags?.(p) === true);
    if (tagTargets.length > 0) {
        // At most 50 tags per policy, so one page of 100 holds them all.
        const tagLists = await (0,src_concurrency/* mapLimit */.s)(tagTargets, concurrency, (p) => call(opts.account, `iam:ListPolicyTags ${p.arn}`, opts.retry, () => iam.send(new dist_cjs/* ListPolicyTagsCommand */.T4B({ PolicyArn: p.arn, MaxItems: 100 }))));
        const byArn = new Map(tagTargets.map((p, i) => [p.arn, Object.fromEntries((tagLists[i]?.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']))]));
        inv = {
            ...inv,
            policies: inv.policies.map((p) => {
                const tags = byArn.get(p.arn);
                if (tags === undefined)
                    return p;
                const { tagsRead: _unknown, ...rest } = p;
                return { ...rest, tags };
            }),
        };
    }
    if (opts.credentialReport === true) {
        const report = await readCredentialReport(iam, {
            account: opts.account,
            ...(opts.retry !== undefined ? { retry: opts.retry } : {}),
            ...(opts.credentialReportWaitMs !== undefined ? { maxWaitMs: opts.credentialReportWaitMs } : {}),
        }).catch((err) => {
            if (err instanceof aws_retry/* RetriesExhaustedError */.i5)
                throw err;
            throw new InventoryReadError(opts.account, 'the IAM credential report', err);
        });
        inv = withCredentialReport(inv, report);
    }
    if (opts.readLoginProfiles === true) {
        const profiles = await (0,src_concurrency/* mapLimit */.s)(targets, concurrency, (u) => readLoginProfile(iam, u.name, opts));
        const has = new Map(targets.map((u, i) => [u.name, profiles[i] ?? false]));
        inv = {
            ...inv,
            users: inv.users.map((u) => {
                if (!has.has(u.name))
                    return u;
                const { loginProfileAsOf: _stale, ...rest } = u;
                return { ...rest, hasLoginProfile: has.get(u.name) };
            }),
        };
    }
    if (opts.readRoleDetails === true) {
        const roles = inv.roles.filter((r) => isOwned(r.tags) || (opts.isDeclaredRole?.(r.name) ?? false));
        const details = await (0,src_concurrency/* mapLimit */.s)(roles, concurrency, (r) => call(opts.account, `iam:GetRole ${r.name}`, opts.retry, () => iam.send(new dist_cjs/* GetRoleCommand */.kbp({ RoleName: r.name }))));
        const byRole = new Map(roles.map((r, i) => [r.name, details[i]?.Role]));
        inv = {
            ...inv,
            roles: inv.roles.map((r) => {
                const d = byRole.get(r.name);
                if (d === undefined)
                    return r;
                // Read now: an absent description is known to be empty, an absent duration IAM's default.
                const next = { ...r, description: d.Description ?? '', maxSessionDuration: d.MaxSessionDuration ?? 3600 };
                return next;
            }),
        };
    }
    if (opts.buckets !== undefined) {
        const { s3, names, regions, s3For } = opts.buckets;
        const clientOf = (n) => {
            const region = regions?.[n];
            return region !== undefined && s3For !== undefined ? s3For(region) : s3;
        };
        const buckets = await (0,src_concurrency/* mapLimit */.s)([...new Set(names)].sort(), concurrency, (n) => readBucketState(clientOf(n), n, opts));
        inv = { ...inv, buckets };
    }
    return inv;
}


/***/ }),

/***/ 2042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ PolicyDecodeError),
/* harmony export */   a: () => (/* binding */ decodePolicyDocument)
/* harmony export */ });
/**
 * IAM returns policy documents URL-encoded (RFC 3986), moto returns some already decoded, and
 * `aws iam get-account-authorization-details` prints them as JSON objects. All three become a
 * parsed document here.
 *
 * `decodeURIComponent`, never form decoding: a `+` in a document is a literal plus (it is valid
 * in IAM names, e.g. `arn:aws:iam::123456789012:user/a+b`), and IAM encodes real pluses as %2B.
 */
class PolicyDecodeError extends Error {
    constructor(where, reason) {
        super(`Cannot read the policy document of ${where}: ${reason}. The document is neither JSON nor URL-encoded JSON.`);
        this.name = 'PolicyDecodeError';
    }
}
function tryParse(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch {
        return { ok: false };
    }
}
/**
 * Decodes one document. Objects pass through; strings that already parse as JSON are used as
 * they are (decoding them could corrupt a literal `%` in a resource); otherwise URL-decoded then parsed.
 * `where` names the document in errors (e.g. `user senhasegura, inline policy p1`).
 */
function decodePolicyDocument(doc, where) {
    if (doc === undefined || doc === null)
        return undefined;
    if (typeof doc !== 'string')
        return doc;
    const trimmed = doc.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        const direct = tryParse(trimmed);
        if (direct.ok)
            return direct.value;
    }
    let decoded;
    try {
        decoded = decodeURIComponent(trimmed);
    }
    catch {
        throw new PolicyDecodeError(where, 'it contains a malformed %-escape');
    }
    const parsed = tryParse(decoded);
    if (!parsed.ok)
        throw new PolicyDecodeError(where, 'the decoded text is not valid JSON');
    return parsed.value;
}


/***/ }),

/***/ 9897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ND: () => (/* binding */ AdaptiveRateLimiter),
/* harmony export */   UJ: () => (/* binding */ limiterForCredentials),
/* harmony export */   XM: () => (/* binding */ rateLimitSettings),
/* harmony export */   qG: () => (/* binding */ nameCredentials),
/* harmony export */   yd: () => (/* binding */ onRateEvent)
/* harmony export */ });
/* unused harmony exports DEFAULT_START_RPS, DEFAULT_CEILING_RPS */
/**
 * A client-side rate limiter per AWS account, so that a run over hundreds of users spends its
 * time calling IAM rather than being throttled by it.
 *
 * IAM throttles per account with no published rate, and accounts differ, so the rate is found,
 * not configured. Each account gets one limiter shared by every IAM client of that account in the
 * run (reads, executor, rotation):
 *  - a token bucket at the current rate, implemented as virtual scheduling (GCRA): each caller
 *    reserves the next free slot when it asks, so waiting callers are served in arrival order and
 *    no timer polls;
 *  - the rate adapts as TCP's congestion window does (and the AWS SDK's adaptive retry mode): it
 *    starts at a polite `startRps`; while calls succeed and callers are waiting for slots (the
 *    limiter, not the work, is what holds the run back) it doubles every second (slow start);
 *    the first `Throttling` answer marks the account's rate (`ceilingSeen`) and cuts the rate to
 *    `decrease` of it, at most once per `cooldownMs` (answers to calls already in flight report
 *    the same congestion); then the rate climbs back quickly towards the mark and probes slowly
 *    beyond it, so it stays close below what IAM allows. The retry itself still backs off with
 *    jitter in `withRetry` (./retry.ts); this only stops the run from knocking on the same door.
 *
 * Configuration: none needed. `IAM_CONNECTIONS_MAX_RPS` is an optional ceiling (calls a second per
 * account, for a shared account whose other users need headroom), `IAM_CONNECTIONS_BURST` the
 * calls allowed at once after a quiet spell. Pure apart from the injected clock.
 */
const realClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
/** Where every account starts: a rate no IAM account throttles. */
const DEFAULT_START_RPS = 10;
/** A sanity bound when no ceiling is configured: far above any rate IAM has been seen to allow. */
const DEFAULT_CEILING_RPS = 1000;
const listeners = new Set();
/** Every limiter's calls and throttles, for progress lines. Returns the unsubscribe function. */
function onRateEvent(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
}
function emit(e) {
    for (const l of listeners)
        l(e);
}
/** Per second, while below the rate IAM last throttled at: this share of the gap is closed. */
const RECOVERY_PER_SECOND = 0.7;
/** Per second, at or above it: this share of that rate is added, to find out whether IAM allows more. */
const PROBE_PER_SECOND = 0.1;
/** Successes count towards an increase only while a caller had to wait this recently. */
const SATURATED_WITHIN_MS = 1000;
class AdaptiveRateLimiter {
    account;
    max;
    min;
    burst;
    decrease;
    cooldownMs;
    clock;
    rate;
    ceilingSeen;
    /** Theoretical arrival time of the next call at the current rate (GCRA). */
    tat = Number.NEGATIVE_INFINITY;
    lastDecrease = Number.NEGATIVE_INFINITY;
    lastWait = Number.NEGATIVE_INFINITY;
    counts = { calls: 0, throttled: 0, waitedMs: 0 };
    constructor(account, settings = {}, clock = realClock) {
        for (const [name, v] of [
            ['maxRps', settings.maxRps],
            ['startRps', settings.startRps],
        ]) {
            if (v !== undefined && !(v > 0))
                throw new Error(`rate limit for account "${account}": ${name} must be a positive number of calls a second, not ${v}`);
        }
        this.account = account;
        this.max = settings.maxRps ?? DEFAULT_CEILING_RPS;
        this.min = Math.min(settings.minRps ?? 1, this.max);
        this.rate = Math.min(settings.startRps ?? DEFAULT_START_RPS, this.max);
        this.burst = Math.max(1, settings.burst ?? Number.POSITIVE_INFINITY);
        this.decrease = settings.decrease ?? 0.7;
        this.cooldownMs = settings.cooldownMs ?? 1000;
        this.clock = clock;
    }
    /** Milliseconds the caller must wait for its slot; reserves the slot. */
    reserve() {
        const now = this.clock.now();
        const interval = 1000 / this.rate;
        // A burst of more than a second's worth at the current rate is what got us throttled.
        const tolerance = (Math.min(this.burst, Math.max(1, this.rate)) - 1) * interval;
        // A call may go `tolerance` ahead of its theoretical time: that is the burst.
        const start = Math.max(now, this.tat - tolerance);
        this.tat = Math.max(this.tat, start) + interval;
        this.counts.calls++;
        const wait = start - now;
        if (wait > 0)
            this.lastWait = now;
        this.counts.waitedMs += wait;
        return wait;
    }
    /** Waits for a slot. */
    async acquire() {
        const wait = this.reserve();
        emit({ account: this.account, kind: 'call' });
        if (wait > 0)
            await this.clock.sleep(wait);
    }
    onSuccess() {
        // A rate nobody waits for says nothing about whether IAM would allow more.
        if (this.clock.now() - this.lastWait <= SATURATED_WITHIN_MS) {
            // About `rate` successes arrive a second, so each adds 1/rate of the per-second increase.
            const perSecond = this.ceilingSeen === undefined
                ? this.rate
                : this.rate < this.ceilingSeen
                    ? Math.max(PROBE_PER_SECOND * this.ceilingSeen, RECOVERY_PER_SECOND * (this.ceilingSeen - this.rate))
                    : PROBE_PER_SECOND * this.ceilingSeen;
            this.rate = Math.min(this.max, this.rate + perSecond / this.rate);
        }
        emit({ account: this.account, kind: 'success' });
    }
    onThrottle() {
        this.counts.throttled++;
        const now = this.clock.now();
        if (now - this.lastDecrease >= this.cooldownMs) {
            this.lastDecrease = now;
            this.ceilingSeen = this.rate;
            this.rate = Math.max(this.min, this.rate * this.decrease);
            // Slots already handed out at the old rate stand; the next ones are spaced at the new one.
        }
        emit({ account: this.account, kind: 'throttled' });
    }
    stats() {
        return { ...this.counts, rps: this.rate, ...(this.ceilingSeen !== undefined ? { ceilingSeen: this.ceilingSeen } : {}) };
    }
}
/** `IAM_CONNECTIONS_MAX_RPS` (a ceiling) / `IAM_CONNECTIONS_BURST`, when set; an invalid value is an error saying so. */
function rateLimitSettings(env = process.env) {
    const read = (name) => {
        const raw = env[name];
        if (raw === undefined || raw.trim() === '')
            return undefined;
        const n = Number(raw);
        if (!Number.isFinite(n) || n <= 0) {
            throw new Error(`${name} must be a positive number of IAM calls a second per account (for example 10), not "${raw}"; unset it for the default`);
        }
        return n;
    };
    const maxRps = read('IAM_CONNECTIONS_MAX_RPS');
    const burst = read('IAM_CONNECTIONS_BURST');
    return { ...(maxRps !== undefined ? { maxRps } : {}), ...(burst !== undefined ? { burst } : {}) };
}
/**
 * Which limiter a client uses. The credential resolver names each account's provider
 * (`nameCredentials`) and the resolver returns one provider per account per run, so every IAM
 * client made with it, wherever in the code, shares that account's limiter.
 */
const byCredentials = new WeakMap();
const names = new WeakMap();
/** Records that `credentials` are the session of manifest account `account`. */
function nameCredentials(credentials, account) {
    names.set(credentials, account);
}
/** The limiter shared by clients made with these credentials (created on first use). */
function limiterForCredentials(credentials, env = process.env) {
    let l = byCredentials.get(credentials);
    if (l === undefined) {
        l = new AdaptiveRateLimiter(names.get(credentials) ?? 'default', rateLimitSettings(env));
        byCredentials.set(credentials, l);
    }
    return l;
}


/***/ }),

/***/ 2495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AL: () => (/* binding */ isNotAnAwsAnswer),
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   FD: () => (/* binding */ isClockSkew),
/* harmony export */   N5: () => (/* binding */ errorSummary),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   dQ: () => (/* binding */ realClock),
/* harmony export */   i5: () => (/* binding */ RetriesExhaustedError),
/* harmony export */   nG: () => (/* binding */ httpStatus),
/* harmony export */   u3: () => (/* binding */ classifyAwsError)
/* harmony export */ });
/* unused harmony exports isRetryable, backoffDelay */
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9373);
/**
 * Our own retry loop for every AWS call we make.
 *
 * Why not the SDK's retry: clients we create get `maxAttempts: 1` (see ./clients.ts) and calls
 * go through `withRetry`. That keeps one policy everywhere (the SDK's standard mode gives up
 * after 3 attempts, which IAM's unpublished throttling rate defeats on large accounts), a
 * bounded total time instead of a count, deterministic tests (sleep, random and clock are
 * injected), and exactly one AWS call per attempt, so tests and benchmarks can count calls.
 * What matters most: an access error is never retried, throttling always is.
 */

const THROTTLE_CODES = new Set([
    'Throttling',
    'ThrottlingException',
    'ThrottledException',
    'RequestLimitExceeded',
    'TooManyRequestsException',
    'RequestThrottled',
    'RequestThrottledException',
    'SlowDown',
    'PriorRequestNotComplete',
]);
const EXPIRED_CODES = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired']);
const DENIED_CODES = new Set([
    'AccessDenied',
    'AccessDeniedException',
    'InvalidIdentityToken',
    'InvalidIdentityTokenException',
    'IDPRejectedClaim',
    'IDPRejectedClaimException',
    'InvalidClientTokenId',
    'UnrecognizedClientException',
    'SignatureDoesNotMatch',
    'MissingAuthenticationToken',
    'UnauthorizedOperation',
    'AuthFailure',
]);
const TRANSIENT_CODES = new Set([
    'ServiceUnavailable',
    'ServiceUnavailableException',
    'InternalError',
    'InternalFailure',
    'InternalServerError',
    'RequestTimeout',
    'RequestTimeoutException',
    'TimeoutError',
    'ServiceFailure',
    // STS: the identity provider could not be reached; AWS documents it as retryable.
    'IDPCommunicationError',
    'IDPCommunicationErrorException',
]);
const NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'EPIPE',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
]);
function shape(err) {
    return typeof err === 'object' && err !== null ? err : {};
}
/** The AWS error code (`AccessDenied`, `Throttling`, ...) or a Node network code, if any. */
function errorCode(err) {
    const e = shape(err);
    for (const c of [e.Code, e.code, e.name]) {
        if (typeof c === 'string' && c !== '' && c !== 'Error')
            return c;
    }
    return undefined;
}
/** The HTTP status of an AWS error, if it got that far. */
function httpStatus(err) {
    const e = shape(err);
    const s = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
    return typeof s === 'number' ? s : undefined;
}
function isNetworkError(err, depth = 0) {
    const e = shape(err);
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code))
        return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (/socket hang up|ECONNRESET|ETIMEDOUT|ECONNREFUSED|other side closed/i.test(message))
        return true;
    return depth < 3 && e.cause !== undefined && isNetworkError(e.cause, depth + 1);
}
/** Clock skew: AWS refuses a signature dated more than 5 minutes from its own clock. */
function isClockSkew(err) {
    const code = errorCode(err) ?? '';
    if (code === 'RequestTimeTooSkewed' || code === 'RequestTimeTooSkewedException')
        return true;
    const message = shape(err).message;
    return /^(SignatureDoesNotMatch|InvalidSignatureException|AuthFailure)$/.test(code) && typeof message === 'string' && /signature expired|time.{0,20}skew/i.test(message);
}
/**
 * An answer that is not an AWS answer: a 501 (the endpoint does not implement the operation), or a
 * body the SDK could not parse (an HTML page from a stand-in endpoint or a proxy). Retrying the same
 * request against the same endpoint gets the same page, so it fails at once; a 502/503/504 gateway
 * page stays transient, since gateways answer those while the service behind them recovers.
 */
function isNotAnAwsAnswer(err) {
    const status = httpStatus(err);
    if (status === 501)
        return true;
    const message = shape(err).message;
    const unparsable = typeof message === 'string' && /XML parse error|Deserialization error|Unexpected token '?<|is not valid JSON/i.test(message);
    return unparsable && status !== 502 && status !== 503 && status !== 504;
}
function classifyAwsError(err) {
    const code = errorCode(err);
    if (isClockSkew(err))
        return 'skew';
    if (isNotAnAwsAnswer(err))
        return 'fatal';
    if (code !== undefined) {
        if (THROTTLE_CODES.has(code))
            return 'throttle';
        if (EXPIRED_CODES.has(code))
            return 'expired';
        if (DENIED_CODES.has(code))
            return 'denied';
        if (TRANSIENT_CODES.has(code))
            return 'transient';
    }
    if (shape(err).$retryable?.throttling === true)
        return 'throttle';
    const status = httpStatus(err);
    if (status === 429)
        return 'throttle';
    if (status !== undefined && status >= 500)
        return 'transient';
    if (isNetworkError(err))
        return 'transient';
    return 'fatal';
}
function isRetryable(c) {
    return c === 'throttle' || c === 'transient' || c === 'consistency';
}
/** Real sleeps; `now` is the tool's clock (src/clock.ts), so lock expiry follows IAM_CONNECTIONS_NOW. */
const realClock = {
    now: () => (0,_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .nowMs */ .TC)(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
/** Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): uniform in [0, cap). */
function backoffDelay(attempt, base, max, random) {
    const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
    return Math.floor(random() * ceiling);
}
/** Thrown when retries ran out; `cause` is the last AWS error. */
class RetriesExhaustedError extends Error {
    attempts;
    lastClass;
    constructor(label, attempts, lastClass, cause) {
        const what = label ?? 'AWS call';
        const detail = errorSummary(cause);
        const [why, fix] = lastClass === 'throttle'
            ? ['still throttled', 'Another process may be calling IAM heavily; rerun later or work on fewer accounts at once (the `accounts` input).']
            : lastClass === 'consistency'
                ? ['still refused as if an entity created moments ago did not exist yet', 'AWS can take longer than usual to propagate a new user or role; rerun apply (every step is idempotent).']
                : ['still failing (server or network errors)', 'Check the network path to AWS (and AWS_ENDPOINT_URL* if set), then rerun.'];
        super(`${what} ${why} after ${attempts} attempts: ${detail}. ${fix}`, { cause });
        this.name = 'RetriesExhaustedError';
        this.attempts = attempts;
        this.lastClass = lastClass;
    }
}
/** `Code: message` of an AWS error, for messages. Never includes request parameters. */
function errorSummary(err) {
    const code = errorCode(err);
    const message = shape(err).message;
    const text = typeof message === 'string' && message !== '' ? message : String(err);
    return code !== undefined && !text.startsWith(code) ? `${code}: ${text}` : text;
}
/**
 * Runs `fn` until it succeeds, a non-retryable error occurs (rethrown as is), or the budget
 * runs out (RetriesExhaustedError). `fn` receives the 1-based attempt number.
 */
async function withRetry(fn, opts = {}) {
    const clock = opts.clock ?? realClock;
    const random = opts.random ?? Math.random;
    const classify = opts.classify ?? classifyAwsError;
    const maxElapsed = opts.maxElapsedMs ?? 20_000;
    const maxAttempts = opts.maxAttempts ?? 12;
    const base = opts.baseDelayMs ?? 200;
    const maxDelay = opts.maxDelayMs ?? 5_000;
    const start = clock.now();
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (err) {
            const errorClass = classify(err);
            if (!isRetryable(errorClass))
                throw err;
            const delayMs = backoffDelay(attempt, base, maxDelay, random);
            const elapsed = clock.now() - start;
            if (attempt >= maxAttempts || elapsed + delayMs > maxElapsed) {
                throw new RetriesExhaustedError(opts.label, attempt, errorClass, err);
            }
            opts.onRetry?.({ attempt, errorClass, code: errorCode(err), delayMs, label: opts.label });
            await clock.sleep(delayMs);
        }
    }
}


/***/ }),

/***/ 5551:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s: () => (/* binding */ liveInventoryReader),
  a: () => (/* binding */ snapshotInventoryReader)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/inventory.ts + 1 modules
var inventory = __webpack_require__(2682);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./src/aws/gaad.ts
var gaad = __webpack_require__(6924);
// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(9373);
;// CONCATENATED MODULE: ./src/aws/snapshot.ts
/**
 * `plan --state snapshot.json`: plan against a saved inventory instead of a live account.
 *
 * The snapshot format is exactly what
 *
 *     aws iam get-account-authorization-details --filter User Role LocalManagedPolicy > snapshot.json
 *
 * prints (all pages merged, as the CLI does by default):
 *
 *     {
 *       "UserDetailList": [{ "UserName", "UserId", "Arn", "Path", "CreateDate",
 *                            "UserPolicyList": [{ "PolicyName", "PolicyDocument" }],
 *                            "GroupList": [], "AttachedManagedPolicies": [{ "PolicyName", "PolicyArn" }],
 *                            "PermissionsBoundary"?, "Tags": [{ "Key", "Value" }] }],
 *       "RoleDetailList": [{ "RoleName", ..., "AssumeRolePolicyDocument", "RolePolicyList", ... }],
 *       "Policies": [{ "PolicyName", "Arn", "Path", "DefaultVersionId", "AttachmentCount", "Description"?,
 *                      "PolicyVersionList": [{ "Document", "VersionId", "IsDefaultVersion" }] }],
 *       "GroupDetailList"?: ignored,
 *
 *       // extensions (optional, not printed by the AWS CLI):
 *       "AccessKeys": { "<user name>": [{ "AccessKeyId", "Status", "CreateDate" }] },
 *       "LoginProfiles": ["<user name with a console password>", ...],
 *       "AccountId": "123456789012"
 *     }
 *
 * Like the live read, a snapshot has no policy tags unless a policy carries a "Tags" list (then
 * they count as read); a policy's owner otherwise comes from the marker at the end of its
 * Description. Roles may carry "Description" and "MaxSessionDuration" (GetRole's fields) to have
 * them compared; without them they are unknown, and not compared.
 *
 * Documents may be URL-encoded strings (the API), JSON strings, or objects (the CLI decodes
 * them). Users listed in `AccessKeys` get exactly those keys (an empty list means "read, none");
 * users not listed have unknown keys, as in a live read of an unmanaged user. The same mapper
 * as the live read (./gaad.ts) builds the inventory.
 */



const looseList = schemas/* array */.YOg(schemas/* looseObject */._H3({})).optional();
const snapshotSchema = schemas/* looseObject */._H3({
    UserDetailList: looseList,
    RoleDetailList: looseList,
    Policies: looseList,
    AccessKeys: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* looseObject */._H3({
        AccessKeyId: schemas/* string */.YjP().min(1),
        Status: schemas/* enum */.k5n(['Active', 'Inactive']),
        CreateDate: schemas/* string */.YjP().min(1),
    })))
        .optional(),
    LoginProfiles: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    AccountId: schemas/* string */.YjP().regex(/^\d{12}$/).optional(),
});
class SnapshotError extends Error {
    constructor(file, reason) {
        super(`${file} is not a usable inventory snapshot: ${reason}. Produce it with ` +
            '`aws iam get-account-authorization-details --filter User Role LocalManagedPolicy > snapshot.json`.');
        this.name = 'SnapshotError';
    }
}
function firstArnAccount(data) {
    for (const list of ['UserDetailList', 'RoleDetailList', 'Policies']) {
        const items = data[list];
        if (!Array.isArray(items))
            continue;
        for (const item of items) {
            const arn = item.Arn;
            const id = typeof arn === 'string' ? arn.split(':')[4] : undefined;
            if (id !== undefined && /^\d{12}$/.test(id))
                return id;
        }
    }
    return undefined;
}
/** Accepts the parsed JSON or its text. */
function loadSnapshot(json, opts) {
    const file = opts.file ?? 'snapshot';
    let data = json;
    if (typeof json === 'string') {
        try {
            data = JSON.parse(json);
        }
        catch (err) {
            throw new SnapshotError(file, `it is not JSON (${err instanceof Error ? err.message : String(err)})`);
        }
    }
    const parsed = snapshotSchema.safeParse(data);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const at = issue?.path.length ? issue.path.join('.') : 'the top level';
        throw new SnapshotError(file, `at ${at}: ${issue?.message ?? 'invalid'}`);
    }
    const snap = parsed.data;
    if (snap.UserDetailList === undefined && snap.RoleDetailList === undefined && snap.Policies === undefined) {
        throw new SnapshotError(file, 'it has none of UserDetailList, RoleDetailList, Policies');
    }
    const accountId = opts.accountId ?? snap.AccountId ?? firstArnAccount(snap);
    if (accountId === undefined) {
        throw new SnapshotError(file, 'its account id cannot be told (no ARN in it); add "AccountId": "<12 digits>"');
    }
    let inv;
    try {
        inv = (0,gaad/* mapGaadPages */.Ku)([snap], { account: opts.account, accountId, readAt: opts.readAt ?? (0,clock/* now */.tB)().toISOString() }, file);
    }
    catch (err) {
        throw new SnapshotError(file, err instanceof Error ? err.message : String(err));
    }
    if (snap.AccessKeys !== undefined) {
        const keys = new Map(Object.entries(snap.AccessKeys).map(([user, list]) => [
            user,
            list.map((k) => ({ id: k.AccessKeyId, status: k.Status, created: (0,gaad/* isoDate */._$)(k.CreateDate) })),
        ]));
        inv = (0,gaad/* withAccessKeys */.bU)(inv, keys);
    }
    if (snap.LoginProfiles !== undefined) {
        const withPassword = new Set(snap.LoginProfiles);
        inv = { ...inv, users: inv.users.map((u) => ({ ...u, hasLoginProfile: withPassword.has(u.name) })) };
    }
    return inv;
}

// EXTERNAL MODULE: ./src/plan/policy-owner.ts
var policy_owner = __webpack_require__(4583);
;// CONCATENATED MODULE: ./src/commands/inventory-readers.ts
/**
 * Where `plan` gets each account's inventory: the live account through the credential
 * resolver, or a snapshot file (`plan --state`).
 */





function liveInventoryReader(opts) {
    return {
        async read(spec, desired) {
            const credentials = await opts.resolver(spec);
            const users = new Set(desired.users.map((u) => u.name.toLowerCase()));
            const roles = new Set(desired.roles.map((r) => r.name.toLowerCase()));
            const policies = new Set(desired.policies.map((p) => p.name.toLowerCase()));
            const buckets = desired.buckets.map((b) => b.name);
            const regions = Object.fromEntries(desired.buckets.flatMap((b) => (b.region !== undefined ? [[b.name, b.region]] : [])));
            return (0,inventory/* readInventory */.zw)((0,clients/* iamClient */.LV)({ region: opts.region, credentials }), {
                account: spec.name,
                accountId: spec.id,
                isDeclaredUser: (name) => users.has(name.toLowerCase()),
                isDeclaredRole: (name) => roles.has(name.toLowerCase()),
                // An adopted policy's owner is in its tags only (its Description cannot be changed to carry the marker).
                needsPolicyTags: (p) => policies.has(p.name.toLowerCase()) && (0,policy_owner/* ownerFromDescription */.ef)(p.description) === undefined,
                // Console passwords and MFA for every user in two or three calls, not one per user.
                credentialReport: true,
                ...(buckets.length
                    ? { buckets: { s3: (0,clients/* s3Client */.oD)({ region: spec.region ?? opts.region, credentials }), names: buckets, regions, s3For: (region) => (0,clients/* s3Client */.oD)({ region, credentials }) } }
                    : {}),
            });
        },
        async lastUsed(spec, keyIds) {
            const iam = (0,clients/* iamClient */.LV)({ region: opts.region, credentials: await opts.resolver(spec) });
            return (0,inventory/* readKeysLastUsed */._K)(iam, keyIds, { account: spec.name });
        },
    };
}
/**
 * A snapshot file is either one account's `aws iam get-account-authorization-details` output
 * (usable when one account is planned) or `{ "accounts": { "<name>": <that output>, ... } }`.
 */
function snapshotInventoryReader(file) {
    let data;
    try {
        data = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (err) {
        throw new Error(`cannot read the snapshot ${file}: ${err.message}`);
    }
    const perAccount = typeof data === 'object' && data !== null && 'accounts' in data ? (data.accounts ?? {}) : undefined;
    let single;
    const read = async (spec) => {
        if (!perAccount && single !== undefined && single !== spec.name) {
            throw new Error(`the snapshot ${file} holds one account (planned as "${single}"), so "${spec.name}" cannot be planned from it: ` +
                'choose one account with --accounts, or write the snapshot as { "accounts": { "<name>": ... } }');
        }
        single ??= spec.name;
        const one = perAccount ? perAccount[spec.name] : data;
        if (one === undefined)
            throw new Error(`the snapshot ${file} has no entry for account "${spec.name}" under "accounts"`);
        return loadSnapshot(one, { account: spec.name, accountId: spec.id, file });
    };
    return { read };
}


/***/ }),

/***/ 4399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  de: () => (/* binding */ roleArns),
  Fo: () => (/* binding */ runPlan)
});

// UNUSED EXPORTS: accountMatrix, validateForAws

// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/manifest/load.ts + 10 modules
var load = __webpack_require__(1867);
// EXTERNAL MODULE: ./src/plan/desired.ts
var plan_desired = __webpack_require__(1313);
// EXTERNAL MODULE: ./src/aws/gaad.ts
var gaad = __webpack_require__(6924);
;// CONCATENATED MODULE: ./src/aws/inventory-model.ts
/** What reading the credential report takes: the plan names them when they are missing. */
const CREDENTIAL_REPORT_PERMISSIONS = ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'];

// EXTERNAL MODULE: ./src/manifest/model.ts
var model = __webpack_require__(5848);
// EXTERNAL MODULE: ./src/manifest/tool-tags.ts
var tool_tags = __webpack_require__(5845);
// EXTERNAL MODULE: ./src/plan/change-set.ts
var change_set = __webpack_require__(2974);
// EXTERNAL MODULE: ./src/plan/bucket-policy.ts
var bucket_policy = __webpack_require__(9492);
// EXTERNAL MODULE: ./src/plan/policy-equivalence.ts + 2 modules
var policy_equivalence = __webpack_require__(4334);
;// CONCATENATED MODULE: ./src/plan/document-drift.ts


const EXTERNAL_ID_KEY = 'sts:externalid';
/**
 * A live trust document as a plan may show it. The declared external ID becomes its placeholder;
 * any other value is described by its length only: no value, and no hash of one (an unsalted
 * hash of a structured ID is a guessing oracle).
 */
function showLiveTrust(trust, binding) {
    return (0,plan_desired/* mapExternalIds */.q4)(trust, (v) => {
        if (binding?.value !== undefined && v === binding.value)
            return binding.placeholder;
        if (binding?.value !== undefined)
            return `(an external ID (${v.length} characters) that is not the declared one)`;
        return `(an external ID (${v.length} characters); ${binding === undefined ? 'the manifest declares none' : 'the declared one is not set'})`;
    });
}
const lacksExternalId = (d) => d.uncovered.some((g) => g.missingConditions.some((c) => c.toLowerCase().endsWith(` ${EXTERNAL_ID_KEY}`)));
/**
 * How serious a difference between a declared and a live document is, read in both directions,
 * statement by statement: every live Allow must be covered by a declared one and every declared
 * Deny kept. A live statement without the declared external ID, or naming a new principal, is
 * critical; new wildcard grants too; any other uncovered action, resource, condition or Deny is high.
 */
function documentDrift(declared, live, what, how = {}) {
    const opts = typeof how === 'string' ? { origin: how } : how;
    const liveDelta = (0,policy_equivalence/* policyDelta */.Fr)(declared, live, opts.partition); // what the live document has beyond the manifest
    const applyDelta = (0,policy_equivalence/* policyDelta */.Fr)(live, declared, opts.partition); // what apply would grant
    if (opts.origin === 'manifest') {
        // The live document is what we last applied: the difference is a reviewed manifest edit.
        return applyDelta.loosens
            ? { severity: 'medium', security: true, reason: `the manifest widens ${what}: ${(0,policy_equivalence/* describeDelta */.AW)(applyDelta)}; apply updates it` }
            : { severity: 'low', security: false, reason: `the manifest changes ${what}: ${(0,policy_equivalence/* describeDelta */.AW)(applyDelta)}; apply updates it` };
    }
    const beyond = `live statements the manifest does not cover: ${(0,policy_equivalence/* describeDelta */.AW)(liveDelta)}`;
    const Beyond = `L${beyond.slice(1)}`;
    if (lacksExternalId(liveDelta)) {
        return {
            severity: 'critical',
            security: true,
            reason: `${what} no longer requires the external ID (sts:ExternalId) the manifest declares on every statement: the principal it trusts can assume it without the vendor's secret (confused deputy); apply restores the declared document. ${Beyond}`,
        };
    }
    if (liveDelta.newWildcardActions.length > 0 || liveDelta.newPrincipals.length > 0) {
        return {
            severity: 'critical',
            security: true,
            reason: opts.origin === 'unrecorded'
                ? `${what} is wider than the manifest declares; ${beyond}; apply sets the declared document`
                : `${what} was widened outside the manifest; ${beyond}; apply restores the declared document`,
        };
    }
    if (liveDelta.loosens) {
        return {
            severity: 'high',
            security: true,
            reason: `${what} allows more than the manifest declares; ${beyond}; apply restores the declared document`,
        };
    }
    if (applyDelta.loosens) {
        return {
            severity: 'medium',
            security: true,
            reason: `the manifest widens ${what}: ${(0,policy_equivalence/* describeDelta */.AW)(applyDelta)}; apply updates it`,
        };
    }
    return { severity: 'medium', security: false, reason: `${what} differs from the manifest: ${(0,policy_equivalence/* describeDelta */.AW)(applyDelta)}; apply updates it` };
}
const versionNumber = (v) => Number(/\d+/.exec(v)?.[0] ?? Number.MAX_SAFE_INTEGER);
/**
 * What can honestly be said about why a live policy document differs from the manifest.
 * With the policy-hash tag (a snapshot that has tags): whether the live document is the one
 * last applied. Without it (GAAD returns no policy tags) only the version history speaks:
 * iam-connections always makes the version it creates the default, so a default that is not
 * the newest version was chosen outside iam-connections (SetDefaultPolicyVersion). Otherwise
 * the origin is not claimed.
 */
function policyOrigin(p, live) {
    const recorded = live.tagsRead === false ? undefined : live.tags[plan_desired/* POLICY_HASH_TAG */.Ls];
    if (recorded !== undefined) {
        return recorded === (0,policy_equivalence/* policyHash */.tx)(live.document)
            ? { origin: 'manifest', note: ' (the live document is the one iam-connections last applied: the manifest changed)' }
            : { origin: 'unknown', note: ' (the live document was edited outside iam-connections since the last apply)' };
    }
    const newest = [...live.versionIds].sort((a, b) => versionNumber(a) - versionNumber(b)).pop();
    const matching = Object.entries(live.versions ?? {})
        .filter(([v, d]) => v !== live.defaultVersionId && (0,policy_equivalence/* policiesEqual */.jL)(p.document, d))
        .map(([v]) => v)
        .sort((a, b) => versionNumber(a) - versionNumber(b));
    const match = matching.length > 0 ? `; the manifest's document is version ${matching.join(', ')}` : '';
    if (newest !== undefined && newest !== live.defaultVersionId) {
        return {
            origin: 'unknown',
            note: ` (the default version is ${live.defaultVersionId}, not the newest ${newest}: an older version was made the default outside iam-connections, which always makes the version it creates the default${match})`,
        };
    }
    if (live.tagsRead === false) {
        return {
            origin: 'unrecorded',
            note: ` (whether the manifest changed or the policy was edited outside iam-connections cannot be told: GetAccountAuthorizationDetails returns no policy tags${match})`,
        };
    }
    return { origin: 'unknown', note: match === '' ? '' : ` (${match.slice(2)})` };
}
function versionToDelete(p) {
    if (p.versionIds.length < 5)
        return undefined;
    return p.versionIds.filter((v) => v !== p.defaultVersionId).sort((a, b) => versionNumber(a) - versionNumber(b))[0];
}

;// CONCATENATED MODULE: ./src/plan/diff-bucket.ts



function diffBucket(ctx, b) {
    const live = ctx.actual.buckets.find((x) => x.name === b.name);
    const after = { name: b.name, policy: b.policy };
    if (b.region !== undefined)
        after.region = b.region;
    if (!live || !live.exists) {
        ctx.set.add({
            connection: b.connection,
            resource: { type: 'bucket', name: b.name },
            kind: 'missing',
            action: 'create',
            severity: 'medium',
            security: false,
            reason: `billing bucket ${b.name} does not exist: apply creates it with the billing bucket policy`,
            after,
            at: b.at,
        });
        return;
    }
    // Other statements in the bucket policy are not ours: only what the merge would change counts.
    const merged = (0,bucket_policy/* mergeBucketPolicy */.Z)(live.policy, b.policy);
    if (live.policy !== undefined && live.policy !== null && (0,policy_equivalence/* policiesEqual */.jL)(merged, live.policy))
        return;
    const drift = live.policy === undefined || live.policy === null
        ? { severity: 'medium', security: false, reason: `billing bucket ${b.name} has no bucket policy: apply sets it` }
        : documentDrift(merged, live.policy, `the policy of bucket ${b.name}`);
    ctx.set.add({
        connection: b.connection,
        resource: { type: 'bucket-policy', name: b.name },
        kind: 'modified',
        action: 'update',
        ...drift,
        ...(live.policy !== undefined && live.policy !== null ? { before: { policy: live.policy } } : {}),
        after,
        at: b.at,
    });
}

// EXTERNAL MODULE: ./src/plan/policy-owner.ts
var policy_owner = __webpack_require__(4583);
// EXTERNAL MODULE: ./src/plan/keys.ts
var plan_keys = __webpack_require__(5111);
;// CONCATENATED MODULE: ./src/plan/teardown-state.ts

/** The live state the executor needs to take a user apart (keys, profile, groups, policies first). */
function userTeardown(u) {
    return {
        name: u.name,
        arn: u.arn,
        // Masked, as everywhere in a plan: the executor lists the user's keys live before deleting it.
        accessKeys: (u.accessKeys ?? []).map((k) => (0,plan_keys/* maskKeyId */.Dx)(k.id)).sort(),
        hasLoginProfile: u.hasLoginProfile === true,
        groups: [...u.groups].sort(),
        attached: u.attached.map((a) => a.arn).sort(),
        inline: u.inline.map((i) => i.name).sort(),
    };
}
function roleTeardown(r) {
    return { name: r.name, arn: r.arn, attached: r.attached.map((a) => a.arn).sort(), inline: r.inline.map((i) => i.name).sort() };
}

;// CONCATENATED MODULE: ./src/plan/diff-extras.ts
/** Resources carrying our owner tag that the manifest no longer declares for this account: `extra`. */



/** Resources carrying our owner tag that nothing in the manifest declares for this account. */
function diffExtras(ctx) {
    const declared = {
        user: new Set(ctx.desired.users.map((u) => u.name.toLowerCase())),
        role: new Set(ctx.desired.roles.map((r) => r.name.toLowerCase())),
        policy: new Set(ctx.desired.policies.map((p) => p.name.toLowerCase())),
    };
    const prune = ctx.opts.prune;
    const add = (type, name, arn, tags, before) => {
        const owner = tags[model/* OWNER_TAG */.FX];
        if (owner === undefined || declared[type].has(name.toLowerCase()))
            return;
        const gone = ctx.desired.connections.some((c) => c.name === owner)
            ? `connection ${owner} no longer declares it`
            : ctx.desired.declaredConnections.includes(owner)
                ? `connection ${owner} no longer lists this account`
                : `connection ${owner} is no longer in the manifest`;
        ctx.set.add({
            connection: owner,
            resource: { type, name, arn },
            kind: 'extra',
            action: prune ? 'delete' : 'none',
            severity: type === 'policy' ? 'low' : 'medium',
            security: type !== 'policy',
            reason: prune
                ? `${type} ${name} carries the owner tag of ${owner}, but ${gone}: prune is on, so apply deletes it`
                : `${type} ${name} carries the owner tag of ${owner}, but ${gone}: it is left alone; run with prune: true to delete it`,
            before,
        });
    };
    for (const u of ctx.actual.users)
        add('user', u.name, u.arn, u.tags, userTeardown(u));
    for (const r of ctx.actual.roles)
        add('role', r.name, r.arn, r.tags, roleTeardown(r));
    for (const p of ctx.actual.policies)
        add('policy', p.name, p.arn, (0,policy_owner/* ownerTags */.Dh)(p), { arn: p.arn, attachmentCount: p.attachmentCount });
}

;// CONCATENATED MODULE: ./src/plan/diff-policy.ts




function diffPolicy(ctx, conn, p, temp) {
    const live = ctx.policies.get(p.name.toLowerCase());
    const resource = { type: 'policy', name: p.name, arn: p.arn };
    if (!live) {
        if (temp.stage !== 'active')
            return undefined; // an expired temporary connection is not recreated
        const after = { name: p.name, path: p.path, document: p.document, tags: p.tags };
        if (p.description !== undefined)
            after.description = p.description;
        return ctx.set.add({
            connection: conn.name,
            resource,
            kind: 'missing',
            action: 'create',
            severity: 'medium',
            security: false,
            reason: `customer-managed policy ${p.name} does not exist: apply creates it`,
            after,
            at: p.at,
        });
    }
    resource.arn = live.arn;
    if (!ctx.claim(conn, 'policy', p.name, live.arn, (0,policy_owner/* ownerTags */.Dh)(live), p.at, p.tags))
        return undefined;
    if (temp.stage === 'deletable') {
        return ctx.set.add({
            connection: conn.name,
            resource,
            kind: 'expired',
            action: 'delete',
            severity: 'high',
            security: true,
            reason: `temporary connection ${conn.name} passed expiry plus deleteAfter (${temp.deleteAt?.toISOString() ?? ''}): apply detaches and deletes policy ${p.name}`,
            before: { arn: live.arn, versionIds: [...live.versionIds].sort(), attachmentCount: live.attachmentCount },
            at: p.at,
        });
    }
    if (live.path !== p.path) {
        ctx.set.add({
            connection: conn.name,
            resource,
            kind: 'modified',
            action: 'none',
            severity: 'low',
            security: false,
            reason: `policy ${p.name} lives at path ${live.path}, the manifest says ${p.path}: IAM cannot move a policy; delete it and let apply recreate it, or set the path in the manifest`,
            before: { path: live.path },
            after: { path: p.path },
            at: p.at,
        });
    }
    let id;
    if (!(0,policy_equivalence/* policiesEqual */.jL)(p.document, live.document)) {
        const { origin, note } = policyOrigin(p, live);
        const drift = documentDrift(p.document, live.document, `policy ${p.name}`, origin);
        const del = versionToDelete(live);
        const after = { arn: live.arn, document: p.document, tags: { [plan_desired/* POLICY_HASH_TAG */.Ls]: p.tags[plan_desired/* POLICY_HASH_TAG */.Ls] } };
        if (del !== undefined)
            after.deleteVersionFirst = del;
        id = ctx.set.add({
            connection: conn.name,
            resource,
            kind: 'modified',
            action: 'update',
            ...drift,
            reason: `${drift.reason}${note}. The executor creates a new default version${del ? `; the policy already has ${live.versionIds.length} versions (IAM keeps 5), so it first deletes the oldest non-default version ${del}` : ''}`,
            before: { document: live.document, defaultVersionId: live.defaultVersionId, versionIds: [...live.versionIds].sort() },
            after,
            at: p.at,
        });
    }
    // Tags not read (GAAD) are not tags missing: planning to set them would be noise on every run.
    if (live.tagsRead !== false) {
        const { [plan_desired/* POLICY_HASH_TAG */.Ls]: _hash, ...plainTags } = p.tags;
        ctx.tags(conn, 'policy', p.name, live.arn, plainTags, live.tags, p.at);
    }
    return id;
}

;// CONCATENATED MODULE: ./src/plan/diff-principal.ts


/** AWS-managed policies whose attachment to an integration principal is critical drift. */
const ADMIN_POLICIES = new Set(['AdministratorAccess', 'IAMFullAccess', 'PowerUserAccess']);
function rolePrincipalType(p) {
    return 'trust' in p ? 'role' : 'user';
}
/** Attachments, inline policies and boundary of a principal that exists and is ours (or adopted). */
function diffPrincipalPolicies(ctx, conn, d, live, policyIds) {
    const principalType = rolePrincipalType(d);
    const label = `${principalType} ${d.name}`;
    const matched = new Set();
    for (const a of d.attachments) {
        const hit = live.attached.find((x) => x.arn === a.arn) ?? (a.ours ? undefined : live.attached.find((x) => x.name === a.name));
        if (hit) {
            matched.add(hit.arn);
            continue;
        }
        const dep = policyIds.get(a.arn);
        ctx.set.add({
            connection: conn.name,
            resource: { type: 'attachment', name: `${principalType}/${d.name}/${a.name}` },
            kind: 'modified',
            action: 'attach',
            severity: 'medium',
            security: false,
            reason: `${label} lacks the declared policy ${a.name}: apply attaches it`,
            after: { principalType, principal: d.name, policyArn: a.arn },
            at: a.at,
            ...(dep ? { dependsOn: [dep] } : {}),
        });
    }
    for (const x of live.attached) {
        if (matched.has(x.arn))
            continue;
        const admin = ADMIN_POLICIES.has(x.name) && x.arn.includes(':iam::aws:policy/');
        ctx.set.add({
            connection: conn.name,
            resource: { type: 'attachment', name: `${principalType}/${d.name}/${x.name}`, arn: x.arn },
            kind: 'unexpected',
            action: 'detach',
            severity: admin ? 'critical' : 'high',
            security: true,
            reason: `${label} has ${x.name} attached, which the manifest does not declare${admin ? ` (${x.name} on an integration principal hands the vendor the account)` : ''}: apply detaches it; declare it in the manifest if it is needed`,
            before: { principalType, principal: d.name, policyArn: x.arn },
            at: d.at,
        });
    }
    const liveInline = new Map(live.inline.map((i) => [i.name, i]));
    for (const i of d.inline) {
        const hit = liveInline.get(i.name);
        liveInline.delete(i.name);
        if (hit && (0,policy_equivalence/* policiesEqual */.jL)(i.document, hit.document))
            continue;
        const drift = hit
            ? documentDrift(i.document, hit.document, `inline policy ${i.name} of ${label}`)
            : { severity: 'medium', security: false, reason: `${label} lacks the inline policy ${i.name}: apply puts it` };
        ctx.set.add({
            connection: conn.name,
            resource: { type: 'inline-policy', name: `${principalType}/${d.name}/${i.name}` },
            kind: 'modified',
            action: 'put',
            ...drift,
            ...(hit ? { before: { document: hit.document } } : {}),
            after: { principalType, principal: d.name, name: i.name, document: i.document },
            at: i.at,
        });
    }
    for (const extra of [...liveInline.values()].sort((a, b) => a.name.localeCompare(b.name))) {
        ctx.set.add({
            connection: conn.name,
            resource: { type: 'inline-policy', name: `${principalType}/${d.name}/${extra.name}` },
            kind: 'unexpected',
            action: 'delete',
            severity: 'high',
            security: true,
            reason: `${label} has an inline policy ${extra.name} the manifest does not declare: apply deletes it; declare it under inlinePolicies if it is needed`,
            before: { principalType, principal: d.name, name: extra.name, document: extra.document },
            at: d.at,
        });
    }
    if ((live.permissionsBoundary ?? null) !== (d.permissionsBoundary ?? null)) {
        const lost = d.permissionsBoundary !== undefined && live.permissionsBoundary === undefined;
        ctx.set.add({
            connection: conn.name,
            resource: { type: 'permissions-boundary', name: `${principalType}/${d.name}` },
            kind: lost ? 'modified' : 'unexpected',
            action: 'update',
            severity: lost ? 'high' : 'medium',
            security: true,
            reason: lost
                ? `${label} has lost its permissions boundary ${d.permissionsBoundary}: its policies now apply unbounded; apply sets it back`
                : `${label} has permissions boundary ${live.permissionsBoundary ?? 'none'}, the manifest says ${d.permissionsBoundary ?? 'none'}: apply sets the declared one`,
            before: { arn: live.permissionsBoundary ?? null },
            after: { principalType, principal: d.name, ...(d.permissionsBoundary ? { arn: d.permissionsBoundary } : {}) },
            at: d.at,
        });
    }
}
/** Attach and put everything a principal that is about to be created needs. */
function diffNewPrincipalPolicies(ctx, conn, d, createId, policyIds) {
    const principalType = rolePrincipalType(d);
    for (const a of d.attachments) {
        const dep = policyIds.get(a.arn);
        ctx.set.add({
            connection: conn.name,
            resource: { type: 'attachment', name: `${principalType}/${d.name}/${a.name}` },
            kind: 'missing',
            action: 'attach',
            severity: 'medium',
            security: false,
            reason: `apply attaches ${a.name} to the new ${principalType} ${d.name}`,
            after: { principalType, principal: d.name, policyArn: a.arn },
            at: a.at,
            dependsOn: dep ? [createId, dep] : [createId],
        });
    }
    for (const i of d.inline) {
        ctx.set.add({
            connection: conn.name,
            resource: { type: 'inline-policy', name: `${principalType}/${d.name}/${i.name}` },
            kind: 'missing',
            action: 'put',
            severity: 'medium',
            security: false,
            reason: `apply puts the inline policy ${i.name} on the new ${principalType} ${d.name}`,
            after: { principalType, principal: d.name, name: i.name, document: i.document },
            at: i.at,
            dependsOn: [createId],
        });
    }
}

// EXTERNAL MODULE: ./src/plan/temporary.ts
var temporary = __webpack_require__(1072);
;// CONCATENATED MODULE: ./src/plan/diff-role.ts






function diffRole(ctx, conn, r, policyIds, temp = { stage: 'active' }) {
    const live = ctx.roles.get(r.name.toLowerCase());
    if (temp.stage !== 'active') {
        diffTemporaryRole(ctx, conn, r, live, temp, policyIds);
        return;
    }
    const resource = { type: 'role', name: r.name, arn: live?.arn ?? r.arn };
    const externalId = r.externalId ? { placeholder: r.externalId.placeholder, source: r.externalId.source } : undefined;
    let unresolved;
    if (r.externalId && r.externalId.value === undefined && 'env' in r.externalId.source) {
        unresolved = ctx.set.add({
            connection: conn.name,
            resource: { type: 'external-id', name: r.name },
            kind: 'unresolved',
            action: 'none',
            severity: 'medium',
            security: false,
            reason: `environment variable ${r.externalId.source.env} (the external ID of role ${r.name}) is not set: the trust was compared for the presence of an external ID only, and creating or updating the role's trust is withheld; set it from a secret in the workflow's env`,
            at: r.trustAt,
        });
    }
    const withhold = (id) => {
        const c = ctx.set.changes.find((x) => x.id === id);
        if (c && unresolved) {
            c.withheld = { action: c.action, by: unresolved };
            c.action = 'none';
        }
    };
    if (!live) {
        const after = { name: r.name, path: r.path, tags: r.tags, trust: r.trustShown };
        if (externalId)
            after.externalId = externalId;
        if (r.description !== undefined)
            after.description = r.description;
        if (r.maxSessionDuration !== undefined)
            after.maxSessionDuration = r.maxSessionDuration;
        if (r.permissionsBoundary !== undefined)
            after.permissionsBoundary = r.permissionsBoundary;
        const id = ctx.set.add({
            connection: conn.name,
            resource,
            kind: 'missing',
            action: 'create',
            severity: 'medium',
            security: false,
            reason: `role ${r.name} does not exist: apply creates it (its ARN is then an output for the vendor)`,
            after,
            at: r.at,
        });
        withhold(id);
        diffNewPrincipalPolicies(ctx, conn, r, id, policyIds);
        return;
    }
    if (!ctx.claim(conn, 'role', r.name, live.arn, live.tags, r.at, r.tags))
        return;
    const binding = r.externalId;
    const partition = ctx.desired.partition;
    const liveTrust = binding && binding.value === undefined ? (0,plan_desired/* mapExternalIds */.q4)(live.trust, () => binding.placeholder) : live.trust;
    if (!(0,policy_equivalence/* policiesEqual */.jL)(r.trust, liveTrust, partition)) {
        const sameShape = (0,policy_equivalence/* policiesEqual */.jL)((0,plan_desired/* mapExternalIds */.q4)(r.trust, () => '(externalId)'), (0,plan_desired/* mapExternalIds */.q4)(live.trust, () => '(externalId)'), partition);
        const drift = sameShape
            ? {
                severity: 'high',
                security: true,
                reason: `the trust of role ${r.name} requires a different external ID than the manifest declares (values not shown): the vendor's own ID no longer works, or another customer's does; apply sets the declared one`,
            }
            : documentDrift(r.trust, liveTrust, `the trust of role ${r.name}`, { partition });
        const after = { name: r.name, trust: r.trustShown };
        if (externalId)
            after.externalId = externalId;
        const id = ctx.set.add({
            connection: conn.name,
            resource: { type: 'role', name: r.name, arn: live.arn },
            kind: 'modified',
            action: 'update',
            ...drift,
            before: { trust: showLiveTrust(live.trust, binding) },
            after,
            at: r.trustAt,
        });
        withhold(id);
    }
    const settings = {};
    const was = {};
    // GAAD returns neither setting: undefined live values are unknown, and unknown is no drift.
    if (r.description !== undefined && live.description !== undefined && r.description !== live.description) {
        settings.description = r.description;
        was.description = live.description;
    }
    const liveDuration = live.maxSessionDuration;
    if (r.maxSessionDuration !== undefined && liveDuration !== undefined && r.maxSessionDuration !== liveDuration) {
        settings.maxSessionDuration = r.maxSessionDuration;
        was.maxSessionDuration = liveDuration;
    }
    if (Object.keys(settings).length > 0) {
        const longer = settings.maxSessionDuration !== undefined && liveDuration !== undefined && liveDuration > r.maxSessionDuration;
        ctx.set.add({
            connection: conn.name,
            resource: { type: 'role', name: r.name, arn: live.arn },
            kind: 'modified',
            action: 'update',
            severity: longer ? 'medium' : 'low',
            security: longer,
            reason: `role ${r.name}: ${Object.keys(settings).join(' and ')} differ from the manifest; apply updates them`,
            before: was,
            after: { name: r.name, ...settings },
            at: r.at,
        });
    }
    if (live.path !== r.path) {
        ctx.set.add({
            connection: conn.name,
            resource: { type: 'role', name: r.name, arn: live.arn },
            kind: 'modified',
            action: 'none',
            severity: 'low',
            security: false,
            reason: `role ${r.name} lives at path ${live.path}, the manifest says ${r.path}: IAM cannot move a role; recreate it (the vendor must then get the new ARN) or set the path in the manifest`,
            before: { path: live.path },
            after: { path: r.path },
            at: r.at,
        });
    }
    ctx.tags(conn, 'role', r.name, live.arn, r.tags, live.tags, r.at);
    ctx.tagBudget(conn, 'role', r.name, live.arn, r.tags, live.tags, (0,tool_tags/* reservedTags */.Wm)('role'), r.at);
    diffPrincipalPolicies(ctx, conn, r, live, policyIds);
}
/**
 * A role of a temporary connection past `expires`: never (re)created; past expiry its trust is
 * replaced by EXPIRED_TRUST (one trust update, the only one for the role: the declared trust is
 * not compared then); past `deleteAfter` it is deleted with what hangs off it.
 */
function diffTemporaryRole(ctx, conn, r, live, temp, policyIds) {
    if (!live)
        return; // an expired temporary role is not recreated
    if (!ctx.claim(conn, 'role', r.name, live.arn, live.tags, r.at, r.tags))
        return;
    const resource = { type: 'role', name: r.name, arn: live.arn };
    const at = conn.temporary?.at ?? r.at;
    const expired = temp.expiresAt?.toISOString() ?? '';
    if (temp.stage === 'deletable') {
        ctx.set.add({
            connection: conn.name,
            resource,
            kind: 'expired',
            action: 'delete',
            severity: 'high',
            security: true,
            reason: `temporary connection ${conn.name} expired at ${expired} and its deleteAfter passed at ${temp.deleteAt?.toISOString() ?? ''}: apply deletes role ${r.name} with its attachments and inline policies`,
            before: { name: r.name, arn: live.arn },
            at,
        });
        return;
    }
    if (!(0,policy_equivalence/* policiesEqual */.jL)(temporary/* EXPIRED_TRUST */.Vt, live.trust)) {
        ctx.set.add({
            connection: conn.name,
            resource,
            kind: 'expired',
            action: 'update',
            severity: 'high',
            security: true,
            reason: `temporary connection ${conn.name} expired at ${expired}: apply replaces the trust of role ${r.name} with a deny-all document, so nobody can assume it ` +
                `(sessions issued before last until they end); its policies stay attached. Moving expires later restores the declared trust; the role is deleted after ${temp.deleteAt?.toISOString() ?? ''}`,
            before: { trust: showLiveTrust(live.trust, r.externalId) },
            after: { name: r.name, trust: temporary/* EXPIRED_TRUST */.Vt },
            at,
        });
    }
    ctx.tags(conn, 'role', r.name, live.arn, r.tags, live.tags, r.at);
    diffPrincipalPolicies(ctx, conn, r, live, policyIds);
}

// EXTERNAL MODULE: ./src/plan/diff-undeclared.ts
var diff_undeclared = __webpack_require__(3268);
;// CONCATENATED MODULE: ./src/plan/diff-user.ts




function diffUser(ctx, conn, u, policyIds, temp) {
    const live = ctx.users.get(u.name.toLowerCase());
    if (!live) {
        if (temp.stage !== 'active')
            return; // an expired temporary user is not recreated
        const after = { name: u.name, path: u.path, tags: u.tags };
        if (u.permissionsBoundary !== undefined)
            after.permissionsBoundary = u.permissionsBoundary;
        const id = ctx.set.add({
            connection: conn.name,
            resource: { type: 'user', name: u.name, arn: u.arn },
            kind: 'missing',
            action: 'create',
            severity: 'medium',
            security: false,
            reason: conn.temporary?.ttl !== undefined
                ? `user ${u.name} does not exist: apply creates it, and its ttl counts from then. If this temporary connection already ran its course and was removed, delete it from the manifest instead: nothing in the account remembers a ttl once its user is gone`
                : `user ${u.name} does not exist: apply creates it`,
            after,
            at: u.at,
        });
        diffNewPrincipalPolicies(ctx, conn, u, id, policyIds);
        if (u.accessKey) {
            ctx.set.add({
                connection: conn.name,
                resource: { type: 'access-key', name: u.name },
                kind: 'key-missing',
                action: 'create',
                severity: 'medium',
                security: false,
                reason: `apply creates an access key for the new user ${u.name} and delivers it to ${u.accessKey.sinks} sink(s)`,
                after: { user: u.name, rules: u.accessKey.rules },
                at: u.accessKey.at,
                dependsOn: [id],
            });
        }
        return;
    }
    if (!ctx.claim(conn, 'user', u.name, live.arn, live.tags, u.at, u.tags))
        return;
    if (temp.stage === 'deletable') {
        ctx.set.add({
            connection: conn.name,
            resource: { type: 'user', name: u.name, arn: live.arn },
            kind: 'expired',
            action: 'delete',
            severity: 'high',
            security: true,
            reason: `temporary connection ${conn.name} expired at ${temp.expiresAt?.toISOString() ?? ''} and its deleteAfter passed at ${temp.deleteAt?.toISOString() ?? ''}: apply deletes user ${u.name} with its keys, login profile, group memberships and policies`,
            before: userTeardown(live),
            at: conn.temporary?.at ?? u.at,
        });
        return;
    }
    if (live.path !== u.path) {
        ctx.set.add({
            connection: conn.name,
            resource: { type: 'user', name: u.name, arn: live.arn },
            kind: 'modified',
            action: 'update',
            severity: 'low',
            security: false,
            reason: `user ${u.name} lives at path ${live.path}, the manifest says ${u.path}: apply moves it (its ARN changes)`,
            before: { path: live.path },
            after: { name: u.name, path: u.path },
            at: u.at,
        });
    }
    ctx.tags(conn, 'user', u.name, live.arn, u.tags, live.tags, u.at);
    ctx.tagBudget(conn, 'user', u.name, live.arn, u.tags, live.tags, (0,tool_tags/* reservedTags */.Wm)('user', { accessKey: u.accessKey !== undefined }), u.at);
    diffPrincipalPolicies(ctx, conn, u, live, policyIds);
    if (live.hasLoginProfile) {
        const mfa = live.mfaActive === true ? ' (and an active MFA device)' : '';
        const asOf = live.loginProfileAsOf !== undefined
            ? ` Seen in the IAM credential report generated at ${live.loginProfileAsOf}; IAM reuses a report for up to 4 hours, so a password removed since still shows here.`
            : '';
        const before = { user: u.name };
        if (live.loginProfileAsOf !== undefined)
            before.asOf = live.loginProfileAsOf;
        if (live.mfaActive !== undefined)
            before.mfaActive = live.mfaActive;
        ctx.set.add({
            connection: conn.name,
            resource: { type: 'login-profile', name: u.name },
            kind: 'unexpected',
            action: 'delete',
            severity: 'high',
            security: true,
            reason: `user ${u.name} has a console password${mfa}: an integration user needs none, and a password is a second way in; apply deletes the login profile.${asOf}`,
            before,
            at: u.at,
        });
    }
    for (const g of [...live.groups].sort()) {
        ctx.set.add({
            connection: conn.name,
            resource: { type: 'group-membership', name: `${u.name}/${g}` },
            kind: 'unexpected',
            action: 'remove',
            severity: 'high',
            security: true,
            reason: `user ${u.name} is a member of group ${g}, which grants permissions the manifest does not declare: apply removes it from the group`,
            before: { user: u.name, group: g },
            at: u.at,
        });
    }
    diffKeys(ctx, conn, u, live, temp);
}
function diffKeys(ctx, conn, u, live, temp) {
    if (live.accessKeys === undefined)
        return; // not read: no decision can be made
    const keys = [...live.accessKeys].sort((a, b) => a.id.localeCompare(b.id));
    if (!u.accessKey) {
        for (const k of keys) {
            ctx.set.add({
                connection: conn.name,
                resource: { type: 'access-key', name: `${u.name}/${(0,plan_keys/* maskKeyId */.Dx)(k.id)}` },
                kind: 'unexpected',
                action: 'delete',
                severity: 'high',
                security: true,
                reason: `user ${u.name} has access key ${(0,plan_keys/* maskKeyId */.Dx)(k.id)} but the manifest declares no accessKey for it: apply deletes the key; declare accessKey if the vendor needs one`,
                before: { user: u.name, keyId: (0,plan_keys/* maskKeyId */.Dx)(k.id), status: k.status, created: k.created },
                at: u.at,
            });
        }
        return;
    }
    const assessment = (0,plan_keys/* assessKeys */.fU)({
        keys,
        user: live.name,
        tags: live.tags,
        rules: u.accessKey.rules,
        now: ctx.now,
        ...(temp.expiresAt && temp.deleteAt ? { temporary: { expiresAt: temp.expiresAt, deleteAt: temp.deleteAt } } : {}),
    });
    for (const f of assessment.findings) {
        const after = { user: u.name, rules: u.accessKey.rules, freeSlots: assessment.freeSlots };
        // Masked: the executor resolves the key live among the user's (at most two) keys.
        if (f.keyId !== undefined)
            after.keyId = (0,plan_keys/* maskKeyId */.Dx)(f.keyId);
        if (f.needsLastUsed === true)
            after.needsLastUsed = true;
        if (f.lastUseOf !== undefined)
            after.lastUseOf = f.lastUseOf.map(plan_keys/* maskKeyId */.Dx);
        ctx.set.add({
            connection: conn.name,
            resource: { type: 'access-key', name: f.keyId ? `${u.name}/${(0,plan_keys/* maskKeyId */.Dx)(f.keyId)}` : u.name },
            kind: f.kind,
            action: f.action,
            severity: f.severity,
            security: f.security,
            reason: `user ${u.name}: ${f.reason}`,
            after,
            at: f.kind === 'key-expired' ? (conn.temporary?.at ?? u.accessKey.at) : u.accessKey.at,
        });
    }
}

// EXTERNAL MODULE: ./src/plan/model.ts
var plan_model = __webpack_require__(8582);
;// CONCATENATED MODULE: ./src/plan/account-diff.ts












class AccountDiff {
    desired;
    actual;
    now;
    opts;
    set;
    users;
    roles;
    policies;
    constructor(desired, actual, now, opts) {
        this.desired = desired;
        this.actual = actual;
        this.now = now;
        this.opts = opts;
        this.set = new change_set/* ChangeSet */.VR(desired.account);
        this.users = (0,change_set/* byName */.nG)(actual.users);
        this.roles = (0,change_set/* byName */.nG)(actual.roles);
        this.policies = (0,change_set/* byName */.nG)(actual.policies);
    }
    run() {
        for (const conn of [...this.desired.connections].sort((a, b) => a.name.localeCompare(b.name)))
            this.connection(conn);
        diffExtras(this);
        if (this.opts.undeclared)
            (0,diff_undeclared/* diffUndeclared */.vu)(this, this.opts.undeclared);
        this.credentialReportGap();
        return [...this.set.changes].sort(plan_model/* compareChanges */.v);
    }
    /** Returns whether the live resource may be changed, recording a conflict or adoption otherwise. */
    claim(conn, type, name, arn, tags, at, declaredTags) {
        const own = (0,change_set/* ownership */.kG)(tags, conn.name, this.desired.declaredConnections);
        if (own === 'ours')
            return true;
        const holder = own === 'untagged' ? 'has no iam-connections owner tag' : `is tagged for connection "${tags[model/* OWNER_TAG */.FX]}"`;
        if (conn.adopt && own !== 'declared-elsewhere') {
            this.set.add({
                connection: conn.name,
                resource: { type, name, arn },
                kind: 'adopt',
                action: 'tag',
                severity: 'medium',
                security: false,
                reason: `${type} ${name} exists and ${holder}; the connection says adopt: true, so apply tags it as ${conn.name}'s and then brings it to the declared state`,
                after: { principalType: type, name, arn, set: (0,change_set/* tagDiff */.wV)(declaredTags, tags) },
                at,
            });
            return true;
        }
        this.set.add({
            connection: conn.name,
            resource: { type, name, arn },
            kind: 'conflict',
            action: 'none',
            severity: 'high',
            security: true,
            reason: own === 'declared-elsewhere'
                ? `${type} ${name} belongs to connection "${tags[model/* OWNER_TAG */.FX]}": two connections cannot declare the same ${type}; rename one of them. Changes of ${conn.name} in this account are withheld`
                : `${type} ${name} already exists and ${holder}: iam-connections never changes resources it does not own. Rename it in the manifest, or set adopt: true on connection ${conn.name} to take it over. Changes of ${conn.name} in this account are withheld`,
            at,
        });
        return false;
    }
    connection(conn) {
        const users = this.desired.users.filter((u) => u.connection === conn.name);
        const roles = this.desired.roles.filter((r) => r.connection === conn.name);
        const policies = this.desired.policies.filter((p) => p.connection === conn.name);
        const firstUser = users[0] ? this.users.get(users[0].name.toLowerCase()) : undefined;
        const firstRole = roles[0] ? this.roles.get(roles[0].name.toLowerCase()) : undefined;
        const temp = (0,temporary/* temporaryStage */.gK)(conn, firstUser?.created ?? firstRole?.created, this.now);
        const start = this.set.changes.length;
        const policyIds = new Map();
        for (const p of policies) {
            const id = diffPolicy(this, conn, p, temp);
            if (id)
                policyIds.set(p.arn, id);
        }
        for (const r of roles)
            diffRole(this, conn, r, policyIds, temp);
        for (const u of users)
            diffUser(this, conn, u, policyIds, temp);
        for (const b of this.desired.buckets.filter((x) => x.connection === conn.name))
            diffBucket(this, b);
        const mine = this.set.changes.slice(start);
        if (temp.stage === 'deletable') {
            // Policies go after the users and roles they are attached to.
            const userDeletes = mine.filter((c) => c.kind === 'expired' && c.action === 'delete' && (c.resource.type === 'user' || c.resource.type === 'role')).map((c) => c.id);
            for (const c of mine)
                if (c.kind === 'expired' && c.resource.type === 'policy' && userDeletes.length > 0)
                    c.dependsOn = userDeletes;
        }
        // A conflict (or no room for the tool's tags) stops this connection only: its other changes stay visible but are withheld.
        const blocker = mine.find((c) => c.kind === 'conflict' || c.kind === 'tag-budget');
        if (blocker) {
            for (const c of mine) {
                if (c === blocker || c.action === 'none')
                    continue;
                c.withheld = { action: c.action, by: blocker.id };
                c.action = 'none';
            }
        }
    }
    tags(conn, principalType, name, arn, declared, live, at) {
        const set = (0,change_set/* tagDiff */.wV)(declared, live);
        if (Object.keys(set).length === 0 || live[model/* OWNER_TAG */.FX] !== conn.name)
            return; // adoption already tags
        const before = {};
        for (const k of Object.keys(set))
            before[k] = live[k] ?? null;
        this.set.add({
            connection: conn.name,
            resource: { type: 'tags', name: `${principalType}/${name}`, arn },
            kind: 'modified',
            action: 'tag',
            severity: 'low',
            security: false,
            reason: `${principalType} ${name}: tag(s) ${Object.keys(set).join(', ')} differ from the manifest; apply sets them (other tags are left alone)`,
            before,
            after: { principalType, name, arn, set },
            at,
        });
    }
    /**
     * A principal whose live tags, with the declared ones and the ones the tool writes, exceed IAM's
     * limit: TagUser would fail mid-rotation, after the new key reached a sink. The connection is
     * stopped in this account (like a conflict) until tags are removed.
     */
    tagBudget(conn, principalType, name, arn, declared, live, reserved, at) {
        const total = (0,tool_tags/* tagsAtMost */.Cp)([...Object.keys(live), ...Object.keys(declared)], reserved);
        if (total <= tool_tags/* MAX_TAGS_PER_PRINCIPAL */.iZ)
            return;
        const undeclared = Object.keys(live).filter((k) => !Object.hasOwn(declared, k) && !reserved.includes(k)).sort();
        const shown = undeclared.slice(0, 10).join(', ') + (undeclared.length > 10 ? `, and ${undeclared.length - 10} more` : '');
        this.set.add({
            connection: conn.name,
            resource: { type: 'tags', name: `${principalType}/${name}`, arn },
            kind: 'tag-budget',
            action: 'none',
            severity: 'high',
            security: false,
            reason: `${principalType} ${name} has ${Object.keys(live).length} tags in IAM; with the declared ones and those iam-connections writes (${reserved.join(', ')}) it would need ${total}, and IAM allows ${tool_tags/* MAX_TAGS_PER_PRINCIPAL */.iZ}: ` +
                `a rotation would fail after delivering the new key, so changes of ${conn.name} in this account are withheld. ` +
                `Remove at least ${total - tool_tags/* MAX_TAGS_PER_PRINCIPAL */.iZ} tag(s) from the ${principalType}${undeclared.length > 0 ? ` (not in the manifest: ${shown})` : ''} or from the manifest`,
            at,
        });
    }
    /** Console passwords are security drift: when they could not be checked, the plan says so. */
    credentialReportGap() {
        const gap = this.actual.credentialReport?.unavailable;
        if (gap === undefined || this.desired.users.length === 0)
            return;
        const fix = gap.missingPermissions !== undefined && gap.missingPermissions.length > 0
            ? `grant the role used for account ${this.desired.account} ${CREDENTIAL_REPORT_PERMISSIONS.join(' and ')} (denied: ${gap.missingPermissions.join(', ')})`
            : 'rerun the plan';
        const users = this.desired.users.map((u) => u.name).sort();
        this.set.add({
            resource: { type: 'account', name: this.desired.account },
            kind: 'unresolved',
            action: 'none',
            severity: 'medium',
            security: true,
            reason: `console passwords of the integration users (${users.join(', ')}) could not be checked: ${gap.reason}. To check them, ${fix}`,
            after: { check: 'console-passwords', ...(gap.missingPermissions ? { missingPermissions: gap.missingPermissions } : {}) },
        });
    }
}

;// CONCATENATED MODULE: ./src/plan/legacy-names.ts

const lower = (s) => s.toLowerCase();
/** `desired` with each policy renamed to its legacy name where only that name is deployed (and ours). */
function keepLegacyNames(desired, actual) {
    const live = new Map(actual.policies.map((p) => [lower(p.name), p]));
    const renamed = new Map();
    const policies = desired.policies.map((d) => {
        if (d.legacyName === undefined || live.has(lower(d.name)))
            return d;
        const old = live.get(lower(d.legacyName));
        if (old === undefined || (0,policy_owner/* policyOwner */.Qg)(old) !== d.connection)
            return d;
        const arn = d.arn.slice(0, d.arn.length - d.name.length) + old.name;
        const kept = { ...d, name: old.name, arn };
        renamed.set(d.arn, kept);
        return kept;
    });
    const liveInline = (type, name) => {
        const principals = type === 'user' ? actual.users : actual.roles;
        const found = principals.find((p) => lower(p.name) === lower(name));
        return new Set((found?.inline ?? []).map((i) => lower(i.name)));
    };
    const principal = (p, type) => {
        const inlineLive = liveInline(type, p.name);
        const inline = p.inline.map((i) => {
            if (i.legacyName === undefined || inlineLive.has(lower(i.name)) || !inlineLive.has(lower(i.legacyName)))
                return i;
            return { ...i, name: i.legacyName };
        });
        const attachments = p.attachments.map((a) => {
            const kept = renamed.get(a.arn);
            return kept === undefined ? a : { ...a, arn: kept.arn, name: kept.name };
        });
        return { ...p, inline, attachments };
    };
    return {
        ...desired,
        policies,
        users: desired.users.map((u) => principal(u, 'user')),
        roles: desired.roles.map((r) => principal(r, 'role')),
    };
}

// EXTERNAL MODULE: ./src/plan/summary.ts
var summary = __webpack_require__(967);
// EXTERNAL MODULE: ./src/plan/watch.ts
var watch = __webpack_require__(9712);
;// CONCATENATED MODULE: ./src/plan/diff.ts





function planAccount(desired, actual, now, opts) {
    if (actual.accountId !== desired.accountId) {
        return {
            account: desired.account,
            accountId: actual.accountId,
            changes: [
                {
                    id: `${desired.account}/-/account/${desired.account}/unresolved`,
                    account: desired.account,
                    resource: { type: 'account', name: desired.account },
                    kind: 'unresolved',
                    action: 'none',
                    severity: 'critical',
                    security: true,
                    reason: `the credentials for account ${desired.account} reached AWS account ${actual.accountId}, but the manifest says ${desired.accountId}: nothing is planned for it; check the account's role (or role-to-assume) and its id`,
                },
            ],
            watched: [],
        };
    }
    const changes = new AccountDiff(keepLegacyNames(desired, actual), actual, now, opts).run();
    const watched = desired.watches
        .map((w) => (0,watch/* watchReport */.gW)(actual, w))
        .sort((a, b) => `${a.connection}/${a.resource.type}/${a.resource.name}`.localeCompare(`${b.connection}/${b.resource.type}/${b.resource.name}`));
    return { account: desired.account, accountId: desired.accountId, changes, watched };
}
const ID_CHAR = /[A-Za-z0-9]/;
/**
 * Every occurrence of `secret` in `text` replaced by `placeholder`. Long values go wherever they
 * occur; a short one (a 2-character ID would match inside ordinary words) wherever it is a whole
 * token: not touching a letter or digit on either side. A value that starts or ends with some
 * other character has no letter-or-digit edge to protect, so it goes everywhere as well.
 */
function replaceSecret(text, secret, placeholder) {
    if (secret === '' || !text.includes(secret))
        return text;
    const loose = secret.length >= 6 || !ID_CHAR.test(secret[0]) || !ID_CHAR.test(secret[secret.length - 1]);
    if (loose)
        return text.split(secret).join(placeholder);
    let out = '';
    let from = 0;
    for (let i = text.indexOf(secret); i >= 0; i = text.indexOf(secret, i + 1)) {
        if (i < from)
            continue;
        const before = i > 0 ? text[i - 1] : '';
        const after = text[i + secret.length] ?? '';
        if (ID_CHAR.test(before) || ID_CHAR.test(after))
            continue;
        out += text.slice(from, i) + placeholder;
        from = i + secret.length;
    }
    return out + text.slice(from);
}
/**
 * Last line of defence: no string in the plan (values and keys) may contain a known external ID.
 * Longer values first, so a short ID that is part of a longer one never leaves the rest behind.
 */
function scrub(value, secrets) {
    if (secrets.size === 0)
        return value;
    const ordered = [...secrets].sort(([a], [b]) => b.length - a.length || (a < b ? -1 : 1));
    const text = (s) => ordered.reduce((acc, [secret, placeholder]) => replaceSecret(acc, secret, placeholder), s);
    const walk = (v) => {
        if (typeof v === 'string')
            return text(v);
        if (Array.isArray(v))
            return v.map(walk);
        if (typeof v === 'object' && v !== null)
            return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), walk(x)]));
        return v;
    };
    return walk(value);
}
function buildPlan(input) {
    const secrets = new Map();
    const undeclared = input.manifest.defaults.discover === false
        ? undefined
        : { manifestAccountIds: new Set(input.manifest.accounts.map((a) => a.id)), knownAccounts: input.manifest.defaults.knownAccounts ?? {} };
    const accounts = input.inventories.map((inv) => {
        const desired = (0,plan_desired/* desiredState */.Iq)(input.manifest, inv.account, input.env);
        for (const r of desired.roles) {
            if (r.externalId?.value !== undefined)
                secrets.set(r.externalId.value, r.externalId.placeholder);
            for (const v of (0,plan_desired/* externalIdsIn */.lL)(r.trust)) {
                if (!secrets.has(v) && v !== r.externalId?.placeholder)
                    secrets.set(v, (0,plan_desired/* externalIdPlaceholder */.cJ)({ literal: v, at: 'the trust document' }));
            }
        }
        return planAccount(desired, inv, input.now, { prune: input.prune, ...(undeclared ? { undeclared } : {}) });
    });
    // Values only the account holds (another vendor's ID, an old one) are not the manifest's, but
    // they are secrets all the same.
    for (const inv of input.inventories) {
        for (const role of inv.roles) {
            for (const v of (0,plan_desired/* externalIdsIn */.lL)(role.trust))
                if (!secrets.has(v))
                    secrets.set(v, `(an external ID (${v.length} characters) read from role ${role.name})`);
        }
    }
    const plan = {
        version: 1,
        generatedAt: (input.generatedAt ?? input.now).toISOString(),
        asOf: input.now.toISOString(),
        manifest: input.manifest.file,
        prune: input.prune,
        accounts: scrub(accounts, secrets),
        summary: (0,summary/* summarize */.eh)(accounts.flatMap((a) => a.changes)),
    };
    return plan;
}

;// CONCATENATED MODULE: ./src/plan/last-use.ts

/**
 * The full ID of the key a plan names by its masked form (or in full, from an older plan): the
 * one key of `user` in the inventory whose mask matches. A user holds at most two keys, so a
 * match is unique unless both share their first and last four characters; then none is returned.
 */
function liveKeyId(inv, user, keyId) {
    const keys = inv.users.find((u) => u.name === user)?.accessKeys ?? [];
    const hits = keys.filter((k) => k.id === keyId || (0,plan_keys/* maskKeyId */.Dx)(k.id) === keyId);
    return hits.length === 1 ? hits[0].id : undefined;
}
/** A change waiting for last use names its key, or (`lastUseOf`) every key its decision reads. */
function requests(account, after) {
    if (typeof after !== 'object' || after === null)
        return [];
    const a = after;
    if (a.needsLastUsed !== true || typeof a.user !== 'string')
        return [];
    const user = a.user;
    const ids = Array.isArray(a.lastUseOf) ? a.lastUseOf.filter((k) => typeof k === 'string') : typeof a.keyId === 'string' ? [a.keyId] : [];
    return ids.map((keyId) => ({ account, user, keyId }));
}
/** The keys whose last use a decision of the plan waits for, by account, in a stable order. */
function keysNeedingLastUsed(plan) {
    const accounts = Array.isArray(plan) ? plan : plan.accounts;
    const seen = new Set();
    const out = [];
    for (const a of accounts) {
        for (const c of a.changes) {
            for (const r of requests(a.account, c.after)) {
                if (seen.has(`${r.account}/${r.keyId}`))
                    continue;
                seen.add(`${r.account}/${r.keyId}`);
                out.push(r);
            }
        }
    }
    return out.sort((x, y) => x.account.localeCompare(y.account) || x.user.localeCompare(y.user) || x.keyId.localeCompare(y.keyId));
}

// EXTERNAL MODULE: ./src/policy/checks.ts + 7 modules
var checks = __webpack_require__(7227);
// EXTERNAL MODULE: ./src/org/selectors.ts
var selectors = __webpack_require__(9684);
;// CONCATENATED MODULE: ./src/commands/select-accounts.ts
/**
 * The `accounts` input: names or globs (`*`, `?`) over the manifest's account names, 12-digit
 * account IDs, and (with an `organization:` section) organisation selectors such as
 * `ou:/workloads` or `tag:team=data`, which the caller resolves through `select`.
 */

function selectAccounts(all, patterns, opts = {}) {
    if (patterns.length === 0)
        return { selected: [...all], unmatched: [] };
    const chosen = new Set();
    const unmatched = [];
    for (const p of patterns) {
        const special = opts.select?.(p);
        const re = (0,selectors/* globToRegExp */.tL)(p);
        const hits = special ?? all.filter((name) => re.test(name) || (/^\d{12}$/.test(p) && opts.idOf?.(name) === p));
        if (hits.length === 0)
            unmatched.push(p);
        for (const h of hits)
            chosen.add(h);
    }
    return { selected: all.filter((a) => chosen.has(a)), unmatched };
}

;// CONCATENATED MODULE: ./src/commands/trusted-accounts.ts
/** The accounts `name` is reached through (its `via` chain, itself first), as `accounts` declares them. */
function chain(accounts, name) {
    const out = [];
    for (let cur = name; cur !== undefined && !out.includes(cur);) {
        out.push(cur);
        cur = accounts.find((a) => a.name === cur)?.via;
    }
    return out;
}
/**
 * `manifest` with its accounts replaced by the trusted ones (same names; the manifest's own
 * source locations kept for messages). Errors: a selected account the trusted manifest does
 * not declare, and any account on the way to a selected one that has no `planRole`.
 */
function withTrustedAccounts(manifest, trusted, selected) {
    const errors = [];
    const byName = new Map(trusted.accounts.map((a) => [a.name, a]));
    const needed = new Set();
    for (const name of selected) {
        if (!byName.has(name)) {
            errors.push(`account "${name}" is not declared in ${trusted.source}: a pull request from a fork can only plan accounts the base branch already declares; add it there first`);
            continue;
        }
        for (const hop of chain(trusted.accounts, name))
            needed.add(hop);
    }
    for (const name of needed) {
        const spec = byName.get(name);
        if (spec === undefined) {
            errors.push(`account "${name}" (on the via chain of a selected account) is not declared in ${trusted.source}`);
        }
        else if (spec.planRole === undefined) {
            errors.push(`account "${name}" has no planRole in ${trusted.source}: a plan of a pull request from a fork never assumes the writer role (${spec.role ?? 'the role'}), ` +
                'whose reads would be posted publicly. Add `planRole:` (a read-only role, see `iam-connections permissions`) to this account on the base branch before plans of forks can run.');
        }
    }
    if (errors.length)
        return { errors };
    const accounts = manifest.accounts
        .filter((a) => byName.has(a.name))
        .map((a) => ({ ...byName.get(a.name), at: a.at }));
    // Hubs the trusted manifest routes through but the fork's manifest dropped are kept.
    for (const name of needed)
        if (!accounts.some((a) => a.name === name))
            accounts.push(byName.get(name));
    return { manifest: { ...manifest, accounts }, errors };
}

// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(1532);
;// CONCATENATED MODULE: ./src/org/resolve.ts
/**
 * Organisation selectors -> manifest accounts. Pure: (manifest, organisation snapshot) in, the
 * manifest as if every selected account had been declared out, so plan, apply and rotate work on
 * them unchanged. Accounts declared under `accounts:` keep their declared name and role when the
 * organisation lists them too; the others get their stable name (./selectors.ts) and the
 * `organization` section's role, reached via its hub.
 */


/** The selectors a manifest uses (scope and connections), with the whole organisation as the default scope. */
function manifestSelectors(manifest) {
    const org = manifest.organization;
    if (!org)
        return manifest.connections.flatMap((c) => c.selectors ?? []);
    return [...scopeOf(manifest), ...manifest.connections.flatMap((c) => c.selectors ?? [])];
}
function scopeOf(manifest) {
    const org = manifest.organization;
    return org.scope ?? [{ selector: { ou: '/' }, text: 'the whole organisation (no organization.scope)', at: org.at }];
}
function context(manifest, snapshot) {
    const declaredById = new Map(manifest.accounts.map((a) => [a.id, a]));
    return { index: new selectors/* OrgIndex */.pD(snapshot), nameOf: (a) => declaredById.get(a.id)?.name ?? (0,selectors/* stableName */.HD)(a.name, a.id), declaredById };
}
/** Account IDs whose tags must be read before `resolveOrganization` (none when no selector has tags). */
function tagsNeeded(manifest, snapshot, extra = []) {
    return (0,selectors/* accountsNeedingTags */.Mg)([...manifestSelectors(manifest).map((r) => r.selector), ...extra], context(manifest, snapshot));
}
const where = (at) => (0,diagnostics/* formatLocation */.j$)(at);
function resolveOrganization(manifest, snapshot) {
    const org = manifest.organization;
    const errors = [];
    const notes = [];
    if (!org)
        return { manifest, errors, notes };
    const ctx = context(manifest, snapshot);
    const hub = manifest.accounts.find((a) => a.name === org.via);
    const partition = /^arn:(aws[\w-]*):/.exec(hub?.role ?? '')?.[1] ?? 'aws';
    const skipped = new Set();
    /** Active accounts a selector picks, in the organisation's order; inactive ones noted once. */
    const pick = (ref, owner) => {
        let hits;
        try {
            hits = (0,selectors/* matchSelector */.xZ)(ref.selector, ctx);
        }
        catch (err) {
            if (!(err instanceof selectors/* UnknownOuError */.r7))
                throw err;
            errors.push(`${where(ref.at)}: ${owner} selects "${ref.text}", but ${err.message}; fix the OU path or ID`);
            return undefined;
        }
        for (const a of hits.filter((h) => h.status !== 'ACTIVE')) {
            if (skipped.has(a.id))
                continue;
            skipped.add(a.id);
            notes.push(`account "${ctx.nameOf(a)}" (${a.id}) is ${a.status.toLowerCase()} in the organisation: skipped`);
        }
        return hits.filter((h) => h.status === 'ACTIVE');
    };
    const orgSpecs = new Map();
    const declaredSeen = new Map();
    const add = (a, at) => {
        const info = { name: a.name, ...(a.joined !== undefined ? { joined: a.joined } : {}), ou: ctx.index.pathOf.get(a.parent) ?? a.parent };
        const declared = ctx.declaredById.get(a.id);
        if (declared) {
            declaredSeen.set(declared.name, { ...declared, organization: info });
            return declared.name;
        }
        if (!orgSpecs.has(a.id)) {
            orgSpecs.set(a.id, {
                name: (0,selectors/* stableName */.HD)(a.name, a.id),
                id: a.id,
                role: `arn:${partition}:iam::${a.id}:role/${org.roleName}`,
                ...(org.planRoleName !== undefined ? { planRole: `arn:${partition}:iam::${a.id}:role/${org.planRoleName}` } : {}),
                via: org.via,
                organization: info,
                at,
            });
        }
        return orgSpecs.get(a.id).name;
    };
    for (const ref of scopeOf(manifest))
        for (const a of pick(ref, 'organization.scope') ?? [])
            add(a, ref.at);
    const connections = manifest.connections.map((c) => {
        if (!c.selectors?.length)
            return c;
        const names = [...c.accounts];
        for (const ref of c.selectors) {
            const hits = pick(ref, `connection "${c.name}"`);
            if (hits === undefined)
                continue;
            if (hits.length === 0)
                notes.push(`connection "${c.name}": "${ref.text}" (${where(ref.at)}) selects no active account of the organisation`);
            for (const a of hits)
                names.push(add(a, ref.at));
        }
        const { selectors: _resolved, ...rest } = c;
        return { ...rest, accounts: [...new Set(names)] };
    });
    // Two accounts under one name would share `{account}` sinks and reports: refuse, naming both.
    const byName = new Map(manifest.accounts.map((a) => [a.name, { id: a.id, label: `declared at ${where(a.at)}` }]));
    for (const spec of orgSpecs.values()) {
        const other = byName.get(spec.name);
        if (other) {
            errors.push(`accounts ${other.id} (${other.label}) and ${spec.id} (Organizations name "${spec.organization.name}") both go by the name "${spec.name}": ` +
                `rename one in Organizations, or declare ${spec.id} under accounts with a name of its own (a declared account keeps its declared name)`);
            continue;
        }
        byName.set(spec.name, { id: spec.id, label: `Organizations name "${spec.organization.name}"` });
    }
    if (errors.length)
        return { errors, notes };
    // New accounts sort last (by when they joined), so matrix shards keep their accounts as the organisation grows.
    const added = [...orgSpecs.values()].sort((a, b) => (a.organization.joined ?? '').localeCompare(b.organization.joined ?? '') || a.id.localeCompare(b.id));
    const accounts = [...manifest.accounts.map((a) => declaredSeen.get(a.name) ?? a), ...added];
    return { manifest: { ...manifest, accounts, connections }, errors, notes };
}

;// CONCATENATED MODULE: ./src/commands/organization.ts


/** `ou:` and `tag:` patterns of the `accounts` input, which the organisation resolves. */
function inputSelectors(patterns) {
    return patterns.flatMap((p) => {
        if (!/^(ou|tag):/.test(p))
            return [];
        const parsed = (0,selectors/* parseSelectorText */.qT)(p);
        return 'selector' in parsed ? [parsed.selector] : [];
    });
}
async function withOrganization(manifest, opts) {
    const needsOrg = manifest.organization !== undefined;
    const badInput = opts.accounts.find((p) => /^(ou|tag):/.test(p) && (!needsOrg || 'error' in (0,selectors/* parseSelectorText */.qT)(p)));
    if (badInput !== undefined) {
        const parsed = (0,selectors/* parseSelectorText */.qT)(badInput);
        return {
            errors: ['error' in parsed ? `input "accounts": ${parsed.error}` : `input "accounts": "${badInput}" selects organisation accounts, but the manifest has no \`organization:\` section`],
            notes: [],
        };
    }
    if (!needsOrg)
        return { manifest, errors: [], notes: [] };
    if (!opts.organization) {
        return { errors: ['the manifest selects accounts from AWS Organizations (`organization:`), which this run cannot read (a snapshot plan reads no organisation): plan against AWS, or declare the accounts under `accounts:`'], notes: [] };
    }
    const extra = inputSelectors(opts.accounts);
    let snapshot;
    try {
        snapshot = await opts.organization(manifest, (s) => tagsNeeded(manifest, s, extra));
    }
    catch (err) {
        return { errors: [`${err instanceof Error ? err.message : String(err)}; nothing was read from the accounts`], notes: [] };
    }
    const resolved = resolveOrganization(manifest, snapshot);
    if (!resolved.manifest)
        return { errors: resolved.errors, notes: resolved.notes };
    const out = resolved.manifest;
    const byId = new Map(out.accounts.map((a) => [a.id, a.name]));
    const index = new selectors/* OrgIndex */.pD(snapshot);
    const nameOf = (a) => byId.get(a.id) ?? (0,selectors/* stableName */.HD)(a.name, a.id);
    const select = (pattern) => {
        if (!/^(ou|tag):/.test(pattern))
            return undefined;
        const parsed = (0,selectors/* parseSelectorText */.qT)(pattern);
        if (!('selector' in parsed))
            return [];
        try {
            // Only accounts the manifest covers (scope and connections): the others have no role to assume.
            return (0,selectors/* matchSelector */.xZ)(parsed.selector, { index, nameOf }).flatMap((a) => (a.status === 'ACTIVE' && byId.has(a.id) ? [byId.get(a.id)] : []));
        }
        catch (err) {
            if (err instanceof selectors/* UnknownOuError */.r7)
                return [];
            throw err;
        }
    };
    return { manifest: out, errors: [], notes: resolved.notes, select };
}
/** The plan's account list for organisation accounts among `selected`: name, ID, OU and when each joined. */
function orgPlanInfo(manifest, selected, notes) {
    const accounts = manifest.accounts.flatMap((a) => a.organization && selected.includes(a.name)
        ? [{ account: a.name, accountId: a.id, organizationName: a.organization.name, ou: a.organization.ou, ...(a.organization.joined !== undefined ? { joined: a.organization.joined } : {}) }]
        : []);
    return { accounts, notes: [...notes] };
}

;// CONCATENATED MODULE: ./src/commands/plan.ts












/** Validation as `plan` and `apply` need it: an unset `{ env: NAME }` is an error here. */
function validateForAws(file, root, env) {
    const loaded = (0,load/* loadManifest */.eY)(file, { root });
    const findings = [...loaded.findings];
    let values = new Map();
    if (loaded.checkable)
        findings.push(...(0,checks/* checkManifestPolicies */.G)(loaded.checkable));
    if (loaded.manifest) {
        const resolved = (0,load/* resolveEnvRefs */.g9)(loaded.manifest, env, 'error');
        findings.push(...resolved.findings);
        values = resolved.values;
    }
    return { manifest: loaded.manifest, findings, values, ok: loaded.manifest !== undefined && !findings.some(diagnostics/* isBlocking */.Us) };
}
async function runPlan(file, opts) {
    const v = validateForAws(file, opts.root, opts.env);
    const result = { manifest: v.manifest, findings: v.findings, errors: [], failures: [], selected: [], envValues: v.values, inventories: [] };
    if (!v.ok || !v.manifest)
        return result;
    let manifest = v.manifest;
    const org = await withOrganization(manifest, opts);
    if (org.notes.length)
        result.notes = org.notes;
    if (!org.manifest) {
        result.errors.push(...org.errors);
        return result;
    }
    manifest = result.manifest = org.manifest;
    const { selected, unmatched } = selectAccounts(manifest.accounts.map((a) => a.name), opts.accounts, { idOf: (name) => manifest.accounts.find((a) => a.name === name)?.id, select: org.select });
    for (const p of unmatched) {
        result.errors.push(`input "accounts": "${p}" matches no account of the manifest (${manifest.organization ? 'declared or selected from the organisation' : 'declared'}: ${manifest.accounts.map((a) => a.name).join(', ')})`);
    }
    if (result.errors.length)
        return result;
    if (opts.trustedAccounts) {
        const trusted = withTrustedAccounts(manifest, opts.trustedAccounts, selected);
        if (!trusted.manifest) {
            result.errors.push(...trusted.errors);
            return result;
        }
        manifest = result.manifest = trusted.manifest;
    }
    let read;
    try {
        read = opts.reader(manifest, selected);
    }
    catch (err) {
        result.errors.push(err instanceof Error ? err.message : String(err));
        return result;
    }
    result.selected = selected;
    const specs = manifest.accounts.filter((a) => selected.includes(a.name));
    const reads = await (0,concurrency/* mapLimit */.s)(specs, opts.concurrency ?? 4, async (spec) => {
        try {
            return await read.read(spec, (0,plan_desired/* desiredState */.Iq)(manifest, spec.name, v.values));
        }
        catch (err) {
            result.failures.push({ account: spec.name, message: err instanceof Error ? err.message : String(err) });
            return undefined;
        }
    });
    let inventories = reads.filter((r) => r !== undefined);
    const generatedAt = opts.generatedAt ?? opts.now;
    const plan = (invs) => buildPlan({ manifest, inventories: invs, env: v.values, now: opts.now, generatedAt, prune: opts.prune });
    result.plan = plan(inventories);
    // Second phase: last use is read only for the keys whose retirement depends on it.
    const needed = read.lastUsed ? keysNeedingLastUsed(result.plan) : [];
    if (needed.length && read.lastUsed) {
        const lastUsed = read.lastUsed.bind(read);
        inventories = await (0,concurrency/* mapLimit */.s)(inventories, opts.concurrency ?? 4, async (inv) => {
            const ids = needed.filter((n) => n.account === inv.account).flatMap((n) => liveKeyId(inv, n.user, n.keyId) ?? []);
            const spec = specs.find((s) => s.name === inv.account);
            if (!ids.length || !spec)
                return inv;
            try {
                return (0,gaad/* withKeyLastUsed */.Pr)(inv, await lastUsed(spec, ids));
            }
            catch (err) {
                result.failures.push({ account: inv.account, message: `could not read when access keys were last used: ${err instanceof Error ? err.message : String(err)}` });
                return inv;
            }
        });
        result.plan = plan(inventories);
    }
    result.failures.sort((a, b) => a.account.localeCompare(b.account));
    // Unknown is not clean: the plan itself carries the accounts it could not see.
    result.plan = (0,summary/* withNotRead */.qJ)(result.plan, result.failures.map((f) => ({ account: f.account, reason: f.message })));
    if (manifest.organization)
        result.plan = { ...result.plan, organization: orgPlanInfo(manifest, selected, result.notes ?? []) };
    result.inventories = inventories;
    return result;
}
/** The role ARNs the manifest gives each connection in each account: what vendors ask back. */
function roleArns(manifest, accounts) {
    const out = {};
    for (const c of manifest.connections) {
        if (!c.role)
            continue;
        for (const name of c.accounts) {
            const spec = manifest.accounts.find((a) => a.name === name);
            if (!spec || !accounts.includes(name))
                continue;
            const partition = /^arn:(aws[\w-]*):/.exec(spec.role ?? '')?.[1] ?? 'aws';
            out[`${c.name}/${name}`] = `arn:${partition}:iam::${spec.id}:role${c.role.path}${c.role.name}`;
        }
    }
    return out;
}
/** A `strategy.matrix` over the selected accounts: `{ include: [{ accounts: "prod" }, ...] }`. */
function accountMatrix(accounts) {
    return { include: accounts.map((a) => ({ accounts: a })) };
}


/***/ }),

/***/ 1532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/** Bounded concurrency: at most `limit` of `fn` at once, results in the order of `items`. */
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return out;
}


/***/ }),

/***/ 2533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ capabilityWords),
/* harmony export */   T: () => (/* binding */ capability)
/* harmony export */ });
/* harmony import */ var _plan_watch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9712);
/* harmony import */ var _policy_managed_checks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2757);
/* harmony import */ var _policy_managed_policies_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7923);
/* harmony import */ var _policy_action_table_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2901);




const READ_VERB = /^(get|list|describe|view|search|batchget|batchdescribe|lookup|query|select|scan|read)/;
/**
 * Whether an allowed pattern reaches an action above Read/List. The action table ranks a few reads
 * as writes (athena:GetSessionEndpoint, iot:ListSubscriptions): an action named with a read verb
 * counts as a read. Unknown actions count as writes.
 */
function writes(pattern) {
    if (pattern === '*' || pattern === '*:*')
        return true;
    const colon = pattern.indexOf(':');
    if (colon < 0)
        return true;
    const service = pattern.slice(0, colon);
    if ((0,_policy_action_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hasWildcard */ .rl)(service))
        return true;
    if (!(0,_policy_action_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hasWildcard */ .rl)(pattern)) {
        const info = (0,_policy_action_table_js__WEBPACK_IMPORTED_MODULE_3__/* .lookupAction */ .b3)(pattern);
        return !READ_VERB.test(pattern.slice(colon + 1).toLowerCase()) && (info === undefined || (info.level !== 'Read' && info.level !== 'List'));
    }
    const actions = (0,_policy_action_table_js__WEBPACK_IMPORTED_MODULE_3__/* .serviceActions */ .XQ)(service);
    if (actions === undefined)
        return !READ_VERB.test(pattern.slice(colon + 1).toLowerCase());
    const re = (0,_policy_action_table_js__WEBPACK_IMPORTED_MODULE_3__/* .globRegExp */ .u9)(pattern);
    for (const [name, info] of actions) {
        if (re.test(name) && info.level !== 'Read' && info.level !== 'List' && !READ_VERB.test(name.slice(name.indexOf(':') + 1)))
            return true;
    }
    return false;
}
const IAM_WRITES = [..._plan_watch_js__WEBPACK_IMPORTED_MODULE_0__/* .ESCALATION_ACTIONS */ .SW, 'iam:CreateUser', 'iam:CreateRole', 'iam:CreatePolicy', 'iam:DeleteRolePermissionsBoundary', 'iam:DeleteUserPermissionsBoundary'];
function capability(inv, attached, inline) {
    const docs = [];
    // AWS's *ReadOnly* managed policies say what they are for; a stray write-ranked action in them
    // (s3express:CreateSession, which S3 Express reads need) does not make the holder a writer.
    const writeDocs = [];
    const unknown = [];
    for (const a of attached) {
        const local = inv.policies.find((p) => p.arn === a.arn);
        const managed = local === undefined && (0,_policy_managed_policies_js__WEBPACK_IMPORTED_MODULE_2__/* .isAwsManagedRef */ .Gw)(a.arn) ? (0,_policy_managed_policies_js__WEBPACK_IMPORTED_MODULE_2__/* .managedPolicyInfo */ .aQ)(a.arn) : undefined;
        if (local)
            docs.push(local.document);
        else if (managed)
            docs.push(managed.document);
        else
            unknown.push(a.arn);
        if (local)
            writeDocs.push(local.document);
        else if (managed && !/ReadOnly/.test(managed.name))
            writeDocs.push(managed.document);
    }
    for (const i of inline) {
        docs.push(i.document);
        writeDocs.push(i.document);
    }
    const g = (0,_plan_watch_js__WEBPACK_IMPORTED_MODULE_0__/* .grantsOf */ .Rr)(docs);
    const admin = g.allow.includes('*') || g.allow.includes('*:*') || (0,_plan_watch_js__WEBPACK_IMPORTED_MODULE_0__/* .allows */ .NB)(g, 'iam:CreateUser') && (0,_plan_watch_js__WEBPACK_IMPORTED_MODULE_0__/* .allows */ .NB)(g, 'ec2:RunInstances') && (0,_plan_watch_js__WEBPACK_IMPORTED_MODULE_0__/* .allows */ .NB)(g, 's3:DeleteBucket');
    const iamWrite = admin || IAM_WRITES.some((a) => (0,_plan_watch_js__WEBPACK_IMPORTED_MODULE_0__/* .allows */ .NB)(g, a));
    const dataRead = [...new Set(docs.flatMap((d) => (0,_policy_managed_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .dataReads */ .M)(d).map((r) => r.what)))].sort();
    const any = g.allow.length > 0 || g.allowExcept.length > 0;
    const w = (0,_plan_watch_js__WEBPACK_IMPORTED_MODULE_0__/* .grantsOf */ .Rr)(writeDocs);
    const writesAny = iamWrite || w.allowExcept.length > 0 || w.allow.some(writes);
    return {
        admin,
        iamWrite,
        dataRead,
        writes: writesAny,
        readOnly: any && !writesAny && unknown.length === 0,
        policies: [...attached.map((a) => a.arn), ...inline.map((i) => `inline:${i.name}`)].sort(),
        unknown: unknown.sort(),
    };
}
/** `admin`, `IAM write`, `data read (…)`, `read-only` or `nothing`: the words reports use. */
function capabilityWords(c) {
    const words = [];
    if (c.admin)
        words.push('admin');
    else if (c.iamWrite)
        words.push('IAM write');
    if (!c.admin && c.dataRead.length > 0) {
        const more = c.dataRead.length > 3 ? ` and ${c.dataRead.length - 3} more` : '';
        words.push(`data read (${c.dataRead.slice(0, 3).join(', ')}${more})`);
    }
    if (c.readOnly)
        words.push('read-only');
    else if (!c.admin && !c.iamWrite && c.writes)
        words.push('writes');
    if (words.length === 0)
        words.push(c.unknown.length > 0 ? 'unknown' : 'nothing');
    if (c.unknown.length > 0 && words[0] !== 'unknown')
        words.push(`plus ${c.unknown.length} policy(ies) not read`);
    return words.join(', ');
}


/***/ }),

/***/ 6472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eg: () => (/* binding */ discoverAccounts),
/* harmony export */   eI: () => (/* binding */ declaredIn)
/* harmony export */ });
/* unused harmony export discoverContext */
/* harmony import */ var _doors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9309);

/** What the manifest declares in the account; resources named under `watch:` count as declared. */
function declaredIn(desired) {
    const lower = (xs, type) => new Map([...desired.watches.filter((w) => w.type === type), ...xs].map((x) => [x.name.toLowerCase(), x.connection]));
    return {
        roles: lower(desired.roles, 'role'),
        users: lower(desired.users, 'user'),
        policies: lower(desired.policies, 'policy'),
        buckets: new Map(desired.buckets.map((b) => [b.name, b.connection])),
    };
}
function discoverContext(manifest, desired, now) {
    return {
        manifestAccountIds: new Set(manifest.accounts.map((a) => a.id)),
        knownAccounts: manifest.defaults.knownAccounts ?? {},
        declared: declaredIn(desired),
        now,
    };
}
function discoverAccounts(manifest, inventories, desiredOf, now, generatedAt = now) {
    const accounts = inventories.map((inv) => ({
        account: inv.account,
        accountId: inv.accountId,
        doors: (0,_doors_js__WEBPACK_IMPORTED_MODULE_0__/* .findDoors */ .HA)(inv, discoverContext(manifest, desiredOf(inv.account), now)),
    }));
    const all = accounts.flatMap((a) => a.doors);
    const byRank = Object.fromEntries(_doors_js__WEBPACK_IMPORTED_MODULE_0__/* .DOOR_RANKS */ .pW.map((r) => [r, all.filter((d) => d.rank === r).length]));
    return {
        version: 1,
        generatedAt: generatedAt.toISOString(),
        manifest: manifest.file,
        accounts,
        summary: { doors: all.length, undeclared: all.filter((d) => d.rank !== 'managed').length, byRank },
    };
}


/***/ }),

/***/ 9309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pW: () => (/* binding */ DOOR_RANKS),
  HA: () => (/* binding */ findDoors)
});

// UNUSED EXPORTS: UNUSED_DAYS, compareDoors

// EXTERNAL MODULE: ./src/aws/inventory.ts + 1 modules
var inventory = __webpack_require__(2682);
;// CONCATENATED MODULE: ./src/vendors/generated/known-accounts.ts
// Generated by scripts/gen-iam-actions.mjs from data/known-aws-accounts.yaml (fwdcloudsec/known_aws_accounts, Apache-2.0;
// see NOTICE): do not edit; run `npm run gen`.
/** [account ID, vendor name, true when the account is an AWS service's] */
const KNOWN_ACCOUNTS = [
    ["002294850712", "GuardDuty service accounts", true],
    ["002991280229", "GuardDuty Announcements", true],
    ["003033775354", "GuardDuty Announcements", true],
    ["006742885340", "Palo Alto Networks Cortex"],
    ["008923505280", "Grafana"],
    ["009160069308", "GuardDuty service accounts", true],
    ["009996457667", "ELB logs", true],
    ["010251424122", "Domo"],
    ["012205512454", "Expel"],
    ["012615275169", "Tenable"],
    ["013241004608", "EKS ECR Repositories", true],
    ["013944500484", "DisruptOps, Inc."],
    ["015990171708", "Claroty"],
    ["017663287629", "New Relic"],
    ["017920819041", "DoIt"],
    ["020402002396", "API Gateway", true],
    ["024196225137", "DuckbillGroup"],
    ["027434742980", "ELB logs", true],
    ["028811157404", "Redshift logging", true],
    ["030157059230", "Hyperproof"],
    ["030935290150", "GuardDuty Announcements", true],
    ["032379705303", "BuildKite (log output)"],
    ["033677994240", "ELB logs", true],
    ["034638983726", "CloudTrail", true],
    ["035351147821", "CloudTrail", true],
    ["036437403198", "Densify"],
    ["037604701340", "ELB logs", true],
    ["039163547507", "GuardDuty service accounts", true],
    ["041313461515", "Redshift logging", true],
    ["044642040396", "Plerion"],
    ["048591011584", "ELB logs", true],
    ["051362938876", "Redshift logging", true],
    ["053454850223", "Redshift logs", true],
    ["054676820928", "ELB logs", true],
    ["056196542512", "SSLMate (Sandbox Site)"],
    ["057012691312", "cloudsploit"],
    ["057172825058", "Fugue"],
    ["061190967865", "CloudZero"],
    ["061510835048", "API Gateway", true],
    ["062663104137", "Cloudera"],
    ["062897671886", "Sophos"],
    ["066549572091", "Epsagon"],
    ["066635153087", "EKS ECR Repositories", true],
    ["068664126052", "DoIt"],
    ["069019280451", "CloudTrail", true],
    ["071303700930", "Funnel"],
    ["075028567923", "Redshift logs", true],
    ["078992246105", "Telestream Cloud"],
    ["080595016317", "Qualys Cloud View"],
    ["081802104111", "Ermetic"],
    ["085540434294", "Drata"],
    ["086441151436", "CloudTrail", true],
    ["089661699081", "GuardDuty service accounts", true],
    ["091741439927", "NETSCOUT"],
    ["094919933512", "Nirmata"],
    ["099720109477", "Canonical"],
    ["103749124141", "BigPanda"],
    ["107430051933", "GuardDuty Announcements", true],
    ["107630771604", "SegmentIO"],
    ["109351309407", "API Gateway", true],
    ["112070389366", "Holori"],
    ["112543817624", "Splunk"],
    ["113285607260", "CloudTrail", true],
    ["114774131450", "ELB logs", true],
    ["118283430703", "GuardDuty Announcements", true],
    ["118652503430", "Presidio"],
    ["119688915426", "CloudTrail", true],
    ["122442690527", "Palo Alto Networks"],
    ["122931797421", "teraproc"],
    ["124790101291", "TrendMicro"],
    ["124839743349", "GuardDuty service accounts", true],
    ["127311923021", "ELB logs", true],
    ["129086577509", "GuardDuty Announcements", true],
    ["131827586825", "Oracle"],
    ["134183635603", "signalfx"],
    ["135916806842", "Orca Security"],
    ["139710491120", "k9 security"],
    ["142548018081", "TigerData"],
    ["143972945659", "GuardDuty Announcements", true],
    ["144182107116", "GuardDuty Announcements", true],
    ["147995105371", "Trend Micro deepsecurity"],
    ["151742754352", "EKS ECR Repositories", true],
    ["151784055945", "Barracuda Networks"],
    ["152659312504", "Slack EKM"],
    ["156460612806", "ELB logs", true],
    ["160190466495", "Temporal Technologies, Inc."],
    ["163602625436", "StackGuardian"],
    ["165736516723", "Cloudability"],
    ["166639821150", "API Gateway", true],
    ["168085023892", "RedisCloud"],
    ["173985203412", "Plerion"],
    ["174803364771", "API Gateway", true],
    ["175877067165", "GuardDuty service accounts", true],
    ["178123968615", "GuardDuty service accounts", true],
    ["178591426237", "Xi Frame"],
    ["179619298502", "Starburst"],
    ["181328463391", "Microsoft Purview"],
    ["183060441923", "Quartzy"],
    ["187074758985", "CloudTrail", true],
    ["188461706213", "GuardDuty Announcements", true],
    ["188619942792", "Redlock - PrismaCloud"],
    ["190812797848", "Monte Carlo"],
    ["192799248640", "Nordcloud"],
    ["193415116832", "CloudTrail", true],
    ["193672423079", "Redshift logs", true],
    ["195145609632", "API Gateway", true],
    ["197857026523", "Azure Sentinel"],
    ["198361731867", "Snyk"],
    ["200235630647", "VManage"],
    ["202279780353", "nOps"],
    ["202754554539", "Archera"],
    ["203796963081", "MadKudu"],
    ["205499583182", "ProsperOps"],
    ["205767712438", "Qualys Cloud View"],
    ["210876761215", "Redshift logs", true],
    ["213217834095", "Sonrai Security"],
    ["216624486486", "CloudTrail", true],
    ["216690786812", "Rockset"],
    ["217452466226", "Mackerel"],
    ["218546966473", "Stitch"],
    ["220197662125", "Testable"],
    ["225965583551", "GuardDuty Announcements", true],
    ["226609089145", "sst.dev"],
    ["230378978437", "AlertLogic"],
    ["232482882421", "Cloudinary"],
    ["232771856781", "sst.dev"],
    ["239734009475", "AlertLogic"],
    ["241254095402", "Kustomer"],
    ["242987662583", "GuardDuty Announcements", true],
    ["243001516183", "Snotra"],
    ["246478207311", "Redshift logging", true],
    ["247460962669", "GuardDuty service accounts", true],
    ["249472122084", "GuardDuty service accounts", true],
    ["253602268883", "RunReveal"],
    ["255798382450", "Turbot"],
    ["258201882842", "Postman"],
    ["262260360010", "Redshift logs", true],
    ["262312530599", "CloudTrail", true],
    ["263844535661", "Sysdig"],
    ["264756907367", "FireEye"],
    ["265975144233", "SignifAI"],
    ["269135526815", "Drata"],
    ["270852171095", "CloudWisdom, metricly"],
    ["279843869311", "DoIt"],
    ["281013829959", "hava"],
    ["282025262664", "CloudTrail", true],
    ["282028653949", "LogicMonitor"],
    ["283769539786", "GuardDuty service accounts", true],
    ["284668455005", "CloudTrail", true],
    ["287228555773", "API Gateway", true],
    ["287590803701", "Turbot"],
    ["292230061137", "CrowdStrike"],
    ["296578399912", "EKS ECR Repositories", true],
    ["297058826802", "Redshift logging", true],
    ["297986523463", "McAfee"],
    ["299900769157", "Doppler"],
    ["305753120797", "EDB Postgres"],
    ["307160386991", "Redshift logs", true],
    ["307185671274", "Scale"],
    ["307653271100", "MVision ePO"],
    ["310125036783", "GuardDuty service accounts", true],
    ["310957700191", "CloudYali"],
    ["314658760392", "StackDriver"],
    ["316881668097", "Steampipe Cloud"],
    ["318212636800", "Rockset"],
    ["322919613312", "Common Room"],
    ["324264561773", "Guardicore"],
    ["324528010823", "Hightouch"],
    ["324880187172", "Spacelift"],
    ["328067584297", "globus"],
    ["328676173091", "orbitera"],
    ["336818582268", "Rapid7"],
    ["338661164609", "mParticle"],
    ["339405024189", "Domo"],
    ["340457201789", "Upwind"],
    ["340481513670", "Anodot"],
    ["341876425553", "Census"],
    ["345186984524", "Armor Anywhere"],
    ["351456651185", "Ox"],
    ["352813966189", "CloudCheckr"],
    ["353360065216", "Workato"],
    ["353488359550", "GuardDuty service accounts", true],
    ["354116250941", "Temporal Technologies, Inc."],
    ["359345898052", "API Gateway", true],
    ["361669875840", "Redshift logs", true],
    ["365761988620", "Forcepoint"],
    ["368064434614", "Redshift logging", true],
    ["370134896156", "Fugue"],
    ["371444783282", "SendSafely"],
    ["376248598259", "Weave Cloud"],
    ["378365507264", "GuardDuty Announcements", true],
    ["380873608913", "Sonrai Security"],
    ["381031177744", "AttackIQ"],
    ["383009515534", "GuardDuty Announcements", true],
    ["383597477331", "ELB logs", true],
    ["386209384616", "Billing", true],
    ["386705975570", "mParticle"],
    ["387553343826", "Cloudera"],
    ["388731089494", "CloudTrail", true],
    ["391106570357", "Redshift logs", true],
    ["391854517948", "Cloudflare"],
    ["392220576650", "API Gateway", true],
    ["392442076723", "Redshift logging", true],
    ["393309748692", "Hevo"],
    ["393649089167", "Spotinst"],
    ["393727464233", "Summit Route"],
    ["394634713161", "API Gateway", true],
    ["395540211253", "Zencoder"],
    ["398671365691", "Redshift logging", true],
    ["398997493752", "unusd.cloud"],
    ["404001805210", "GuardDuty service accounts", true],
    ["404641285394", "Redshift logs", true],
    ["405773942477", "Axonius.com"],
    ["406095609952", "Logz.io"],
    ["408097707231", "Redshift logging", true],
    ["414351767826", "Databricks"],
    ["414502572119", "rev.com"],
    ["420376844563", "Redshift logging", true],
    ["422074288268", "RudderStack"],
    ["422820575223", "Tenable"],
    ["423155938983", "SSLMate"],
    ["428641199958", "Upsolver"],
    ["429269239926", "QRadar"],
    ["429538831549", "Slack EKM"],
    ["430639793359", "GuardDuty Announcements", true],
    ["432263259397", "Azure Billing Management"],
    ["434091160558", "Redshift logging", true],
    ["434813966438", "Lacework"],
    ["436163563069", "GuardDuty Announcements", true],
    ["438908802199", "Qualys"],
    ["440082503234", "KubeCost"],
    ["445632894446", "GuardDuty Announcements", true],
    ["447226417196", "GuardDuty service accounts", true],
    ["448721096076", "GuardDuty service accounts", true],
    ["451234325714", "Flexera"],
    ["452118225523", "GuardDuty service accounts", true],
    ["452565589796", "Commerce Analytics Service", true],
    ["453052556044", "CloudTrail", true],
    ["453761072151", "Turbot"],
    ["454464851268", "Cloudhealth"],
    ["455263428931", "EKS ECR Repositories", true],
    ["457424274508", "Codeshield"],
    ["457615622431", "GuardDuty Announcements", true],
    ["461305247324", "SafeGraph"],
    ["463932680998", "Orca Security"],
    ["464168911255", "GuardDuty Announcements", true],
    ["464622532012", "Datadog"],
    ["473191095985", "Redshift logging", true],
    ["474240146802", "API Gateway", true],
    ["475085895292", "CloudTrail", true],
    ["476299211833", "StackGuardian"],
    ["476419727788", "GuardDuty Announcements", true],
    ["478299826944", "skeddly"],
    ["480864352451", "GuardDuty service accounts", true],
    ["485979073181", "Redshift logging", true],
    ["490991382221", "Contrast Security"],
    ["491585149902", "EKS ECR Repositories", true],
    ["492519147666", "CloudTrail", true],
    ["496947949261", "Redlock - PrismaCloud"],
    ["506403581195", "GuardDuty Announcements", true],
    ["507069717855", "API Gateway", true],
    ["507241528517", "ELB logs", true],
    ["507897595701", "Rackspace"],
    ["509560245411", "dynatrace"],
    ["515570774723", "ChaosSearch"],
    ["517716713836", "CrowdStrike"],
    ["525325868955", "Anyscale"],
    ["525921808201", "CloudTrail", true],
    ["526464060896", "mParticle"],
    ["529900636122", "GuardDuty Announcements", true],
    ["530014582677", "Rackspace"],
    ["536727724300", "MongoDB Atlas"],
    ["540339316802", "CenturyLinkCloud"],
    ["544388816663", "API Gateway", true],
    ["545334166883", "CloudHiro"],
    ["546914126324", "GuardDuty service accounts", true],
    ["552740612889", "GuardDuty Announcements", true],
    ["553461782468", "Redshift logging", true],
    ["553950354547", "Orca Security"],
    ["554582317989", "LaunchDarkly"],
    ["558211695259", "Cloud Ranger"],
    ["558608220178", "EKS ECR Repositories", true],
    ["561602220360", "DoIt"],
    ["568526795995", "Cisco Umbrella"],
    ["582318560864", "ELB logs", true],
    ["582488909970", "CloudTrail", true],
    ["583371261087", "mParticle"],
    ["585459848136", "SecureCloudDB"],
    ["585772288577", "CloudTrail", true],
    ["588158338731", "Plerion"],
    ["589173575009", "Red Hat Hybrid Cloud"],
    ["590381155156", "EKS ECR Repositories", true],
    ["595013617770", "Redshift logging", true],
    ["595280932656", "SegmentIO"],
    ["595653072700", "GuardDuty Announcements", true],
    ["600734575887", "ELB logs", true],
    ["601306020600", "Databricks"],
    ["602401143452", "EKS ECR Repositories", true],
    ["607237235771", "TrendMicro"],
    ["608710470296", "CloudTrail", true],
    ["612791702201", "JupiterOne"],
    ["614065512851", "API Gateway", true],
    ["615915377779", "Redshift logging", true],
    ["617935088040", "Twingate"],
    ["618708667954", "freshservice"],
    ["619233833001", "GuardDuty service accounts", true],
    ["622384692065", "Domo"],
    ["623197973179", "Redshift logging", true],
    ["624537489435", "instaclustr"],
    ["627743545735", "Spotinst"],
    ["631144002099", "API Gateway", true],
    ["631402103377", "Caveonix"],
    ["634729597623", "Checkpoint Cloudguard"],
    ["635005593121", "Prophetstor Federator.ai"],
    ["635144173025", "redline13"],
    ["638102146993", "ELB logs", true],
    ["644042651268", "API Gateway", true],
    ["646602203151", "GuardDuty Announcements", true],
    ["651179539253", "Redshift logging", true],
    ["652050842985", "GuardDuty service accounts", true],
    ["652364314486", "API Gateway", true],
    ["652711504416", "ELB logs", true],
    ["660998842044", "Redshift logs", true],
    ["665986001363", "Convox"],
    ["668912161003", "Redshift logging", true],
    ["669213148797", "GuardDuty service accounts", true],
    ["669305197877", "CloudTrail", true],
    ["672188301118", "Zesty"],
    ["675479154635", "ThingSpace"],
    ["675681123645", "TrendMicro"],
    ["679703615338", "Armor Anywhere"],
    ["681348832753", "CloudTrail", true],
    ["682251015962", "GuardDuty service accounts", true],
    ["687132894031", "Domo"],
    ["691523222388", "Ottertune"],
    ["693780578038", "GuardDuty service accounts", true],
    ["694668203235", "Redshift logging", true],
    ["695990169366", "CloudManager for CloudVolumes"],
    ["703715109447", "Redshift logging", true],
    ["710019948333", "Red Hat"],
    ["710193521658", "ylastic"],
    ["713597048934", "Redshift logging", true],
    ["716309063777", "Improvado"],
    ["717025312494", "Sonrai Security"],
    ["717210094962", "CloudConformity"],
    ["718504428378", "ELB logs", true],
    ["718770453195", "API Gateway", true],
    ["719465667078", "kochava"],
    ["720226181253", "k9 security"],
    ["726941830086", "TheGlobalSolutions.net"],
    ["727378841472", "nOps"],
    ["727815099310", "Orca Security"],
    ["733251395267", "AlertLogic"],
    ["736689547456", "Plerion"],
    ["737318609257", "Trend Micro Cloud One"],
    ["741172661024", "GuardDuty Announcements", true],
    ["746108190720", "OpsLevel"],
    ["749430749651", "CyberArk"],
    ["749779118921", "Brightcove"],
    ["753362059629", "API Gateway", true],
    ["753542375798", "ParkMyCloud"],
    ["754237914691", "Symantec Cloud Workload Protection"],
    ["754728514883", "New Relic"],
    ["755047402263", "cloudbreak"],
    ["755778135062", "Snyk"],
    ["757211635381", "CloudTrail", true],
    ["757913464184", "Tealium"],
    ["758245563457", "Check Point"],
    ["759879836304", "EKS ECR Repositories", true],
    ["759994998399", "cloudsqueeze"],
    ["760740231472", "Redshift logs", true],
    ["761931097553", "Sysdig"],
    ["762762565011", "Redshift logs", true],
    ["763284681916", "Contrast Security"],
    ["764870610256", "Redshift logging", true],
    ["765225791966", "CloudTrail", true],
    ["765628985471", "Genys"],
    ["781965151837", "Rafay"],
    ["782774275127", "GitLab"],
    ["783225319266", "ELB logs", true],
    ["784971140435", "Orca Security"],
    ["787223699828", "HYCU"],
    ["787461962774", "Rezonate"],
    ["790110701330", "Databricks"],
    ["790247189693", "Redshift logging", true],
    ["793525387755", "Salesforce"],
    ["793733611312", "Snowplow"],
    ["794878508631", "MediaMath"],
    ["796887884028", "API Gateway", true],
    ["797873946194", "ELB logs", true],
    ["798376113853", "API Gateway", true],
    ["799803075172", "Lucidchart"],
    ["800184023465", "EKS ECR Repositories", true],
    ["802587217904", "Serverless"],
    ["802876684602", "Axonius.com"],
    ["805246085872", "qubole"],
    ["805950163170", "Qualys AWS EC2 Connector"],
    ["806199016981", "AWS IP address ranges notifications", true],
    ["809336252980", "Drata"],
    ["810369035479", "Fugue"],
    ["811620960246", "TrendMicro"],
    ["814021343637", "Cloudaware"],
    ["814480443879", "CloudTrail", true],
    ["815843069303", "Atlassian"],
    ["817364327683", "Axonius.com"],
    ["819232936619", "Temporal Technologies, Inc."],
    ["819402241893", "CloudTrail", true],
    ["819814149250", "StarTree"],
    ["820923007224", "Claroty"],
    ["823104324086", "Red Canary"],
    ["825838939522", "Tines"],
    ["826182721854", "Usage AI"],
    ["826438284864", "k9 security"],
    ["828603743433", "GuardDuty service accounts", true],
    ["829095311197", "Transcend"],
    ["829690693026", "CloudTrail", true],
    ["829909441867", "Temporal Technologies, Inc."],
    ["834469178297", "Fivetran"],
    ["835822366011", "ADC Application Deployment, ADM Delivery Management"],
    ["842447150064", "ServiceNow"],
    ["842984801698", "Onelogin"],
    ["843529240033", "FoxPass"],
    ["849137399833", "API Gateway", true],
    ["854209929931", "Fortinet"],
    ["855262394183", "GitLab"],
    ["855739686837", "API Gateway", true],
    ["857223745291", "Tines"],
    ["857795874556", "AlertLogic"],
    ["858827067514", "AWS Log Delivery Service"],
    ["859597730677", "CloudTrail", true],
    ["862820443276", "Trend Micro deepsecurity"],
    ["863002038009", "CloudPhysics"],
    ["865078226113", "Datadog"],
    ["865932855811", "Redshift logs", true],
    ["866607715269", "GuardDuty service accounts", true],
    ["867642063380", "GuardDuty service accounts", true],
    ["868324285112", "TrendMicro"],
    ["874540850173", "SailPoint"],
    ["874749492622", "GuardDuty service accounts", true],
    ["877085696533", "EKS ECR Repositories", true],
    ["883241448326", "Claroty"],
    ["884047677700", "Emnify"],
    ["884866656237", "Spotinst"],
    ["885798887673", "Redshift logging", true],
    ["886388586500", "CloudTrail", true],
    ["890234264427", "Bridgecrew"],
    ["891612552178", "Tailscale"],
    ["894794104037", "GuardDuty service accounts", true],
    ["896126563706", "Threat Stack"],
    ["900612956339", "EKS ECR Repositories", true],
    ["900889452093", "EKS ECR Repositories", true],
    ["902366379725", "Redshift logs", true],
    ["902500896138", "wpengine"],
    ["902542641901", "Temporal Technologies, Inc."],
    ["902917483333", "InfoBlox"],
    ["903692715234", "CloudTrail", true],
    ["907379612154", "Redshift logs", true],
    ["910226215634", "StrongDM"],
    ["913057016266", "Scalyr"],
    ["913128560467", "env0"],
    ["913179291432", "GuardDuty service accounts", true],
    ["915173422425", "Redshift logs", true],
    ["918309763551", "EKS ECR Repositories", true],
    ["919814621061", "Scalr"],
    ["922761411349", "Spotinst"],
    ["926226587429", "Sumo Logic"],
    ["926826061926", "GuardDuty Announcements", true],
    ["934957504740", "GuardDuty Announcements", true],
    ["936182149045", "GuardDuty service accounts", true],
    ["944830124550", "Fugue"],
    ["945512339897", "Redshift logging", true],
    ["949680696695", "IBM"],
    ["949777495771", "site24x7"],
    ["951887872838", "Auth0"],
    ["955633302743", "GuardDuty Announcements", true],
    ["956491294349", "GitLab"],
    ["956882708938", "Sumo Logic"],
    ["956993596390", "Vanta"],
    ["957664736811", "GuardDuty service accounts", true],
    ["958145178466", "Cloudera"],
    ["960118270566", "Redshift logging", true],
    ["961992271922", "EKS ECR Repositories", true],
    ["962727799805", "Atlas DataLake"],
    ["965013871422", "GuardDuty Announcements", true],
    ["966208727603", "Atmosphere IOT"],
    ["967800896805", "Archera"],
    ["968246515281", "API Gateway", true],
    ["968898580625", "CloudCraft"],
    ["969236854626", "API Gateway", true],
    ["973841112453", "GuardDuty Announcements", true],
    ["976280145156", "Orca Security"],
    ["977081816279", "CloudTrail", true],
    ["977238331021", "GuardDuty service accounts", true],
    ["978540733285", "Aqua"],
    ["978576646331", "Vectra"],
    ["983328018169", "UiPath"],
    ["983530947477", "Qleet"],
    ["985666609251", "ELB logs", true],
];

;// CONCATENATED MODULE: ./src/vendors/catalogue.ts
/**
 * Who an AWS account ID belongs to: the manifest's own names (`defaults.knownAccounts`) first, then
 * the public catalogue (./generated/known-accounts.ts, from fwdcloudsec/known_aws_accounts). A name
 * from the catalogue is a public claim with a source, not proof: reports say "known as".
 */

let table;
function catalogue() {
    table ??= new Map(KNOWN_ACCOUNTS.map(([id, name, aws]) => [id, { name, aws: aws === true }]));
    return table;
}
function knownAccount(accountId, own = {}) {
    const mine = Object.hasOwn(own, accountId) ? own[accountId] : undefined;
    if (mine !== undefined)
        return { name: mine, source: 'manifest', aws: false };
    const hit = catalogue().get(accountId);
    return hit === undefined ? undefined : { name: hit.name, source: 'catalogue', aws: hit.aws };
}
const KNOWN_ACCOUNT_COUNT = KNOWN_ACCOUNTS.length;

// EXTERNAL MODULE: ./src/discover/capability.ts
var capability = __webpack_require__(2533);
// EXTERNAL MODULE: ./src/plan/policy-equivalence.ts + 2 modules
var policy_equivalence = __webpack_require__(4334);
// EXTERNAL MODULE: ./src/policy/trust.ts
var trust = __webpack_require__(3112);
;// CONCATENATED MODULE: ./src/discover/trust.ts
/**
 * Who outside the manifest's accounts a trust policy (or a bucket policy) lets in. Service
 * principals and GitHub's OIDC provider are not third parties: a role trusted only by them is a
 * service role or a deployment role, not a door.
 */



const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
function requiresExternalId(s) {
    return Object.values(s.condition ?? {}).some((keys) => Object.hasOwn(keys, 'sts:externalid'));
}
function federated(p) {
    if (/:saml-provider\//.test(p))
        return { kind: 'saml' };
    const host = /:oidc-provider\/(.+)$/.exec(p)?.[1] ?? p;
    if (host.toLowerCase() === GITHUB_OIDC_HOST)
        return undefined;
    return { kind: 'oidc' };
}
/** The outside parties an Allow statement of the document admits, one entry per principal. */
function outsideParties(document, ctx) {
    let statements;
    try {
        statements = (0,policy_equivalence/* normalizePolicy */.ws)(document).statements;
    }
    catch {
        return [];
    }
    const byPrincipal = new Map();
    const add = (party, externalId) => {
        const prev = byPrincipal.get(party.principal);
        // Admitted once without an external ID is admitted without one.
        byPrincipal.set(party.principal, { ...party, externalId: (prev?.externalId ?? true) && externalId });
    };
    for (const s of statements) {
        if (s.effect !== 'Allow' || s.principal === undefined)
            continue;
        const ext = requiresExternalId(s);
        for (const [type, list] of Object.entries(s.principal)) {
            for (const p of list) {
                if (type === 'AWS' || type === '*') {
                    if (p === '*') {
                        add({ kind: 'anyone', principal: '*' }, ext);
                        continue;
                    }
                    const id = (0,trust/* principalAccount */.A)(p);
                    if (id === undefined || ctx.ownAccounts.has(id))
                        continue;
                    const vendor = knownAccount(id, ctx.knownAccounts);
                    add({ kind: 'account', principal: p, accountId: id, ...(vendor ? { vendor } : {}) }, ext);
                }
                else if (type === 'Federated') {
                    const f = federated(p);
                    if (f !== undefined)
                        add({ ...f, principal: p }, ext);
                }
                // Service and CanonicalUser principals are AWS's own, not a third party's.
            }
        }
    }
    return [...byPrincipal.values()].sort((a, b) => (a.principal < b.principal ? -1 : a.principal > b.principal ? 1 : 0));
}
/** Every 12-digit account an ARN or bare ID in the document names, outside `ownAccounts`. */
function namedAccounts(document, ownAccounts) {
    const found = new Set();
    const walk = (v) => {
        if (typeof v === 'string') {
            for (const m of v.matchAll(/(?:^|:)(\d{12})(?=:|$)/g))
                if (m[1] !== undefined && !ownAccounts.has(m[1]))
                    found.add(m[1]);
        }
        else if (Array.isArray(v))
            v.forEach(walk);
        else if (typeof v === 'object' && v !== null)
            Object.values(v).forEach(walk);
    };
    walk(document);
    return [...found].sort();
}

;// CONCATENATED MODULE: ./src/discover/doors.ts




const DOOR_RANKS = ['critical', 'high', 'medium', 'low', 'managed'];
/** Unused this long (or never, since made this long ago) is worth a look. */
const UNUSED_DAYS = 90;
const DAY = 86_400_000;
function days(from, now) {
    return Math.floor((now.getTime() - Date.parse(from)) / DAY);
}
function worst(a, b) {
    return DOOR_RANKS.indexOf(a) <= DOOR_RANKS.indexOf(b) ? a : b;
}
function partyLabel(p) {
    if (p.kind === 'anyone')
        return 'anyone (Principal "*")';
    if (p.kind !== 'account')
        return `${p.kind.toUpperCase()} provider ${p.principal}`;
    const root = p.principal === p.accountId || p.principal.endsWith(':root');
    return p.vendor ? `${p.vendor.name} (${p.principal})` : `unknown account ${p.accountId ?? p.principal}${root ? '' : ` (${p.principal})`}`;
}
class Ranker {
    risk = 'low';
    reasons = [];
    add(rank, text) {
        this.risk = worst(this.risk, rank);
        this.reasons.push({ rank, text });
    }
    sorted() {
        return [...this.reasons].sort((a, b) => DOOR_RANKS.indexOf(a.rank) - DOOR_RANKS.indexOf(b.rank)).map((r) => r.text);
    }
}
function rankCapability(r, can) {
    if (can.admin)
        r.add('high', 'a third party with administrator access');
    else if (can.iamWrite)
        r.add('high', 'a third party that can write IAM (privilege escalation)');
}
function finish(base, r, connection) {
    return {
        ...base,
        ...(connection !== undefined ? { connection } : {}),
        rank: connection !== undefined ? 'managed' : r.risk,
        risk: r.risk,
        reasons: r.sorted(),
    };
}
function vendorsOf(parties) {
    return [...new Set(parties.flatMap((p) => (p.vendor ? [p.vendor.name] : [])))].sort();
}
function roleDoor(inv, role, ctx, own) {
    const parties = outsideParties(role.trust, { ownAccounts: own, knownAccounts: ctx.knownAccounts });
    if (parties.length === 0)
        return undefined;
    const r = new Ranker();
    for (const p of parties) {
        if (p.externalId)
            continue;
        if (p.kind === 'anyone')
            r.add('critical', 'trusts anyone (Principal "*") without an external ID');
        else if (p.kind === 'account' && p.vendor === undefined)
            r.add('critical', `trusts ${partyLabel(p)} without an external ID`);
        else if (p.kind === 'account')
            r.add('high', `trusts ${partyLabel(p)} without an external ID (confused deputy)`);
    }
    for (const p of parties.filter((x) => x.kind === 'oidc' || x.kind === 'saml'))
        r.add('low', `trusts the ${partyLabel(p)}`);
    const can = (0,capability/* capability */.T)(inv, role.attached, role.inline);
    rankCapability(r, can);
    const lastUsed = role.lastUsed ?? null;
    const since = lastUsed?.date ?? role.created;
    if (since !== '' && days(since, ctx.now) >= UNUSED_DAYS) {
        r.add('medium', lastUsed === null ? `no recorded use, made ${days(role.created, ctx.now)} days ago` : `unused for ${days(since, ctx.now)} days`);
    }
    const externalId = parties.every((p) => p.externalId);
    return finish({ account: inv.account, accountId: inv.accountId, type: 'role', name: role.name, arn: role.arn, parties, vendors: vendorsOf(parties), externalId, can, lastUsed }, r, ctx.declared.roles.get(role.name.toLowerCase()));
}
function userKeys(u, now) {
    if (u.reportedKeys !== undefined) {
        return u.reportedKeys
            .filter((k) => k.active)
            .map((k) => {
            // The report has no key IDs: a listed key made in the same second is the same key.
            const listed = k.lastRotated === undefined ? undefined : u.accessKeys?.find((a) => Math.floor(Date.parse(a.created) / 1000) === Math.floor(Date.parse(k.lastRotated ?? '') / 1000));
            return {
                ...(listed ? { id: (0,inventory/* maskKeyId */.Dx)(listed.id) } : {}),
                slot: k.slot,
                ...(k.lastRotated !== undefined ? { created: k.lastRotated, ageDays: days(k.lastRotated, now) } : {}),
                lastUsed: k.lastUsed ?? null,
            };
        });
    }
    return (u.accessKeys ?? [])
        .filter((k) => k.status === 'Active')
        .map((k) => ({ id: (0,inventory/* maskKeyId */.Dx)(k.id), created: k.created, ageDays: days(k.created, now), lastUsed: k.lastUsed ? { date: k.lastUsed } : null }));
}
function userDoor(inv, u, ctx) {
    // A console password means a person; unknown (no credential report) is not reported as a door.
    if (u.hasLoginProfile !== false)
        return undefined;
    const keys = userKeys(u, ctx.now);
    if (keys.length === 0)
        return undefined;
    const r = new Ranker();
    const can = (0,capability/* capability */.T)(inv, u.attached, u.inline);
    if (u.groups.length > 0)
        can.unknown.push(...u.groups.map((g) => `group:${g}`));
    rankCapability(r, can);
    const used = keys.flatMap((k) => (k.lastUsed ? [k.lastUsed] : [])).sort((a, b) => (a.date < b.date ? 1 : -1));
    const lastUsed = used[0] ?? null;
    const since = lastUsed?.date ?? keys.map((k) => k.created ?? '').filter(Boolean).sort().at(-1) ?? u.created;
    if (since !== '' && days(since, ctx.now) >= UNUSED_DAYS) {
        r.add('medium', lastUsed === null ? `its keys were never used (newest made ${days(since, ctx.now)} days ago)` : `its keys are unused for ${days(since, ctx.now)} days`);
    }
    const oldest = Math.max(...keys.map((k) => k.ageDays ?? 0));
    if (oldest >= UNUSED_DAYS)
        r.add('low', `a key is ${oldest} days old (not rotated)`);
    return finish({ account: inv.account, accountId: inv.accountId, type: 'user', name: u.name, arn: u.arn, parties: [], vendors: [], can, lastUsed, keys }, r, ctx.declared.users.get(u.name.toLowerCase()));
}
function accountParties(ids, ctx) {
    return ids.map((id) => {
        const vendor = knownAccount(id, ctx.knownAccounts);
        return { kind: 'account', principal: id, accountId: id, ...(vendor ? { vendor } : {}), externalId: false };
    });
}
function namingDoor(inv, type, name, arn, parties, connection, what) {
    if (parties.length === 0)
        return undefined;
    const r = new Ranker();
    for (const p of parties)
        r.add(p.vendor ? 'low' : 'medium', `${what} ${partyLabel(p)}`);
    return finish({ account: inv.account, accountId: inv.accountId, type, name, arn, parties, vendors: vendorsOf(parties), }, r, connection);
}
function findDoors(inv, ctx) {
    const own = new Set([...ctx.manifestAccountIds, inv.accountId]);
    const doors = [];
    for (const role of inv.roles) {
        const d = roleDoor(inv, role, ctx, own);
        if (d)
            doors.push(d);
    }
    for (const u of inv.users) {
        const d = userDoor(inv, u, ctx);
        if (d)
            doors.push(d);
    }
    for (const p of inv.policies) {
        const d = namingDoor(inv, 'policy', p.name, p.arn, accountParties(namedAccounts(p.document, own), ctx), ctx.declared.policies.get(p.name.toLowerCase()), 'names');
        if (d)
            doors.push(d);
    }
    for (const b of inv.buckets) {
        const connection = ctx.declared.buckets.get(b.name);
        if (!b.exists || b.policy === undefined || connection === undefined)
            continue;
        const parties = outsideParties(b.policy, { ownAccounts: own, knownAccounts: ctx.knownAccounts });
        const d = namingDoor(inv, 'bucket-policy', b.name, `arn:aws:s3:::${b.name}`, parties, connection, 'lets in');
        if (d)
            doors.push(d);
    }
    return doors.sort(compareDoors);
}
/** Most severe first, then by account, type and name: the same input sorts the same. */
function compareDoors(a, b) {
    const key = (d) => `${d.account}\u0000${d.type}\u0000${d.name}`;
    return DOOR_RANKS.indexOf(a.rank) - DOOR_RANKS.indexOf(b.rank) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}


/***/ }),

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LX: () => (/* binding */ createGitHubClient),
/* harmony export */   Ly: () => (/* binding */ gitHubApiUrl),
/* harmony export */   O9: () => (/* binding */ rateLimitSignal)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6856);
/**
 * The one Octokit the tool uses for GitHub's REST (and GraphQL) API: secrets delivery, the plan
 * comment, and any later call. Built on @actions/github's `getOctokit`, which routes through the
 * runner's proxy settings, with two plugins:
 *
 * - retry: 5xx answers and network failures (Octokit reports both as status 500) are retried
 *   with backoff; 4xx never are, so a real permission 403 fails at once without a retry storm.
 * - throttling: writes are serialised a second apart (GitHub's advice against secondary limits),
 *   and primary and secondary rate limits are waited out: each wait is logged, and the waits of
 *   one client add up to at most `maxRateLimitWaitMs` (a rotation holds user locks meanwhile).
 *
 * GitHub signals a secondary rate limit with 403 or 429 and either a `retry-after` header or the
 * message "You have exceeded a secondary rate limit"; the throttling plugin only recognises the
 * message, so `rateLimitSignal` below marks the header-only forms for it.
 *
 * `baseUrl` is passed explicitly because @actions/github reads GITHUB_API_URL once, when the
 * module is first imported, so a value set later (tests, the CLI) would be ignored.
 */



/** Rate-limit retries of one request, whatever the budget says. */
const MAX_RATE_LIMIT_RETRIES = 4;
const DEFAULT_MAX_WAIT_MS = 5 * 60_000;
/** 4xx answers that a retry cannot change; 429 belongs to the throttling plugin. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
function gitHubApiUrl(env = process.env) {
    return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}
function header(e, name) {
    const v = e.response?.headers?.[name];
    return v === undefined ? undefined : String(v);
}
/**
 * Whether a failed GitHub call was refused for rate, not for rights: 403 or 429 with a
 * `retry-after` header, a secondary-limit message, or no requests left (`x-ratelimit-remaining: 0`).
 * A 429 is always a rate limit.
 */
function rateLimitSignal(e) {
    if (typeof e !== 'object' || e === null)
        return undefined;
    const err = e;
    if (err.status !== 403 && err.status !== 429)
        return undefined;
    const message = typeof err.message === 'string' ? err.message : '';
    if (/\bsecondary rate\b/i.test(message) || header(err, 'retry-after') !== undefined)
        return 'secondary';
    if (header(err, 'x-ratelimit-remaining') === '0')
        return 'primary';
    return err.status === 429 ? 'secondary' : undefined;
}
/**
 * Innermost plugin: names a header-only secondary limit in the error's message, the one thing the
 * throttling plugin looks at, so that it waits `retry-after` (or a minute) instead of failing.
 */
function rateLimitSignalPlugin(octokit) {
    octokit.hook.error('request', (error) => {
        const e = error;
        if (rateLimitSignal(e) === 'secondary' && !/\bsecondary rate\b/i.test(e.message)) {
            e.message = `${e.message} (GitHub answered ${String(e.status)} with retry-after: a secondary rate limit)`;
        }
        throw error;
    });
}
function createGitHubClient(token, env = process.env, opts = {}) {
    const log = opts.log ?? (() => undefined);
    const budget = opts.maxRateLimitWaitMs ?? DEFAULT_MAX_WAIT_MS;
    let waitedMs = 0;
    const onLimit = (kind) => (retryAfterSeconds, request, _octokit, retryCount) => {
        const ms = Math.max(0, retryAfterSeconds) * 1000;
        const what = `${request.method ?? ''} ${request.url ?? ''}`.trim();
        if (retryCount >= MAX_RATE_LIMIT_RETRIES || waitedMs + ms > budget) {
            log(`GitHub's ${kind} rate limit still applies to ${what} after ${retryCount} wait(s) (${Math.round(waitedMs / 1000)} s in total); ` +
                `not waiting another ${retryAfterSeconds} s (this run waits at most ${Math.round(budget / 1000)} s)`);
            return false;
        }
        waitedMs += ms;
        log(`GitHub's ${kind} rate limit on ${what}: waiting ${retryAfterSeconds} s before trying again (${retryCount + 1} of at most ${MAX_RATE_LIMIT_RETRIES})`);
        return true;
    };
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl: gitHubApiUrl(env),
        userAgent: 'iam-connections',
        log: { debug: () => undefined, info: () => undefined, warn: (m) => log(m), error: (m) => log(m) },
        retry: { doNotRetry: DO_NOT_RETRY, retries: opts.retries ?? 3 },
        throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
    }, rateLimitSignalPlugin, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
}


/***/ }),

/***/ 9492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ mergeBucketPolicy)
/* harmony export */ });
/* unused harmony export OWNED_SID_PREFIX */
/**
 * A bucket policy is one document shared with everyone else who uses the bucket: ours is merged
 * into it by statement Sid, never written over it. The plan compares what apply would write.
 */
/** Statements with a Sid starting with this are ours even when the manifest no longer declares them. */
const OWNED_SID_PREFIX = 'IamConnections';
function statements(doc) {
    if (typeof doc !== 'object' || doc === null)
        return [];
    const s = doc.Statement;
    return Array.isArray(s) ? s : s === undefined ? [] : [s];
}
function sidOf(statement) {
    const sid = typeof statement === 'object' && statement !== null ? statement.Sid : undefined;
    return typeof sid === 'string' && sid !== '' ? sid : undefined;
}
/**
 * `live` with our statements put in: a live statement whose Sid one of `desired`'s statements
 * carries (or that starts with `IamConnections`) is replaced, every other statement is kept,
 * in its place.
 */
function mergeBucketPolicy(live, desired) {
    const ours = statements(desired);
    const ourSids = new Set(ours.map(sidOf).filter((s) => s !== undefined));
    const kept = statements(live).filter((s) => {
        const sid = sidOf(s);
        return sid === undefined || (!ourSids.has(sid) && !sid.startsWith(OWNED_SID_PREFIX));
    });
    const out = {};
    const base = typeof live === 'object' && live !== null ? live : {};
    out.Version = base.Version ?? desired?.Version ?? '2012-10-17';
    if (base.Id !== undefined)
        out.Id = base.Id;
    out.Statement = [...kept, ...ours];
    return out;
}


/***/ }),

/***/ 2974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VR: () => (/* binding */ ChangeSet),
/* harmony export */   kG: () => (/* binding */ ownership),
/* harmony export */   nG: () => (/* binding */ byName),
/* harmony export */   wV: () => (/* binding */ tagDiff)
/* harmony export */ });
/* harmony import */ var _manifest_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5848);

class ChangeSet {
    account;
    changes = [];
    ids = new Set();
    constructor(account) {
        this.account = account;
    }
    add(d) {
        let id = `${this.account}/${d.connection ?? '-'}/${d.resource.type}/${d.resource.name}/${d.kind}`;
        for (let n = 2; this.ids.has(id); n++)
            id = `${id.replace(/#\d+$/, '')}#${n}`;
        this.ids.add(id);
        const c = {
            id,
            account: this.account,
            resource: d.resource,
            kind: d.kind,
            action: d.action,
            severity: d.severity,
            security: d.security,
            reason: d.reason,
        };
        if (d.connection !== undefined)
            c.connection = d.connection;
        if (d.before !== undefined)
            c.before = d.before;
        if (d.after !== undefined)
            c.after = d.after;
        if (d.at !== undefined)
            c.at = d.at;
        if (d.dependsOn !== undefined && d.dependsOn.length > 0)
            c.dependsOn = [...d.dependsOn].sort();
        this.changes.push(c);
        return id;
    }
}
function ownership(tags, connection, declared) {
    const owner = tags[_manifest_model_js__WEBPACK_IMPORTED_MODULE_0__/* .OWNER_TAG */ .FX];
    if (owner === undefined)
        return 'untagged';
    if (owner === connection)
        return 'ours';
    return declared.includes(owner) ? 'declared-elsewhere' : 'orphaned';
}
function byName(items) {
    // IAM names are unique regardless of case and path.
    return new Map(items.map((i) => [i.name.toLowerCase(), i]));
}
function tagDiff(declared, live) {
    const set = {};
    for (const key of Object.keys(declared).sort())
        if (live[key] !== declared[key])
            set[key] = declared[key] ?? '';
    return set;
}


/***/ }),

/***/ 1313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iq: () => (/* binding */ desiredState),
/* harmony export */   Ls: () => (/* binding */ POLICY_HASH_TAG),
/* harmony export */   cJ: () => (/* binding */ externalIdPlaceholder),
/* harmony export */   k6: () => (/* binding */ fillExternalId),
/* harmony export */   lL: () => (/* binding */ externalIdsIn),
/* harmony export */   q4: () => (/* binding */ mapExternalIds)
/* harmony export */ });
/* unused harmony exports AWS_BILLING_ACCOUNT, billingBucketPolicy */
/* harmony import */ var _policy_managed_policies_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7923);
/* harmony import */ var _manifest_model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5848);
/* harmony import */ var _manifest_tool_tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5845);
/* harmony import */ var _policy_equivalence_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4334);
/**
 * What must exist in one account, derived from the resolved manifest: names, ARNs, tags,
 * documents (the role trust generated from `trust:`), attachments, with the manifest location
 * of each so reports point at the line to edit.
 *
 * External IDs: the value (from the manifest or the environment) is held here, in memory, only
 * to compare trust documents. Everything a plan shows uses `trustShown`, where the value is
 * replaced by a placeholder; the executor puts the value back with `fillExternalId`.
 */




/** Managed policies carry the hash of the document last applied: a mismatch with the live
 * document means someone edited it outside iam-connections. */
const POLICY_HASH_TAG = _manifest_tool_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TOOL_TAGS */ .P$.policyHash;
/** AWS's billing delivery account, which writes reports into the billing bucket (seed 004). */
const AWS_BILLING_ACCOUNT = '386209384616';
function partitionOf(roleArn) {
    const m = roleArn === undefined ? null : /^arn:(aws[\w-]*):/.exec(roleArn);
    return m?.[1] ?? 'aws';
}
/** AWS managed policies live in every partition: the account's partition decides the ARN. */
function managedPolicyArn(partition, ref) {
    return (0,_policy_managed_policies_js__WEBPACK_IMPORTED_MODULE_0__/* .isAwsManagedRef */ .Gw)(ref) ? (0,_policy_managed_policies_js__WEBPACK_IMPORTED_MODULE_0__/* .managedPolicyArn */ .RR)(ref, partition) : ref;
}
function lastSegment(arn) {
    return arn.slice(arn.lastIndexOf('/') + 1);
}
function formatAt(at) {
    return `${at.file}:${at.line}:${at.column}`;
}
/** Deep copy of `doc` with every string equal to `from` replaced by `to`. */
function replaceString(doc, from, to) {
    if (typeof doc === 'string')
        return doc === from ? to : doc;
    if (Array.isArray(doc))
        return doc.map((d) => replaceString(d, from, to));
    if (typeof doc === 'object' && doc !== null) {
        return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, replaceString(v, from, to)]));
    }
    return doc;
}
const EXTERNAL_ID_KEY = 'sts:externalid';
/** Maps every `sts:ExternalId` condition value of a document (keys are case-insensitive). */
function mapExternalIds(doc, f) {
    if (Array.isArray(doc))
        return doc.map((d) => mapExternalIds(d, f));
    if (typeof doc !== 'object' || doc === null)
        return doc;
    return Object.fromEntries(Object.entries(doc).map(([k, v]) => {
        if (k.toLowerCase() === EXTERNAL_ID_KEY)
            return [k, Array.isArray(v) ? v.map((x) => f(String(x))) : f(String(v))];
        return [k, mapExternalIds(v, f)];
    }));
}
/** The external ID values a document requires. */
function externalIdsIn(doc) {
    const found = new Set();
    mapExternalIds(doc, (v) => {
        found.add(v);
        return v;
    });
    return [...found].sort();
}
/** Puts the external ID value back into a trust document from a plan (in memory, for the API call). */
function fillExternalId(trustShown, binding, value) {
    return replaceString(trustShown, binding.placeholder, value);
}
/**
 * The text a plan shows instead of an external ID: where the value comes from and, for a literal,
 * its length. Never the value, nor a hash of it. Starts with `(externalId` so the executor can
 * tell a placeholder it has not filled.
 */
function externalIdPlaceholder(from) {
    return 'env' in from
        ? `(externalId ${from.set ? 'set' : 'not set'}, from env ${from.env})`
        : `(externalId literal, ${from.literal.length} characters, from ${from.at})`;
}
function externalIdBinding(trust, env) {
    const ref = trust.externalId;
    if (ref === undefined)
        return undefined;
    if ('env' in ref) {
        const value = env.get(ref.env);
        const set = value !== undefined && value !== '';
        const binding = { source: { env: ref.env }, placeholder: externalIdPlaceholder({ env: ref.env, set }) };
        if (set)
            binding.value = value;
        return binding;
    }
    return { source: { manifest: trust.at }, placeholder: externalIdPlaceholder({ literal: ref.value, at: `manifest ${formatAt(trust.at)}` }), value: ref.value };
}
function generatedTrust(partition, trust, externalId) {
    const principals = [
        ...(trust.awsAccount ? [`arn:${partition}:iam::${trust.awsAccount}:root`] : []),
        ...trust.awsPrincipals,
    ];
    const condition = {};
    for (const [op, block] of Object.entries(trust.conditions ?? {}))
        condition[op] = { ...block };
    if (externalId !== undefined)
        condition.StringEquals = { ...condition.StringEquals, 'sts:ExternalId': externalId };
    const statement = {
        Effect: 'Allow',
        Principal: { AWS: principals.length === 1 ? principals[0] : principals },
        Action: 'sts:AssumeRole',
    };
    if (Object.keys(condition).length > 0)
        statement.Condition = condition;
    return { Version: '2012-10-17', Statement: [statement] };
}
function principalTags(manifest, conn, p) {
    return { ...manifest.defaults.tags, ...conn.tags, ...p.tags, [_manifest_model_js__WEBPACK_IMPORTED_MODULE_1__/* .OWNER_TAG */ .FX]: conn.name };
}
function customerPolicy(partition, accountId, conn, p, pol, tags) {
    const d = {
        connection: conn.name,
        name: pol.name,
        path: p.path,
        arn: `arn:${partition}:iam::${accountId}:policy${p.path}${pol.name}`,
        document: pol.document,
        tags: { ...tags, [POLICY_HASH_TAG]: (0,_policy_equivalence_js__WEBPACK_IMPORTED_MODULE_3__/* .policyHash */ .tx)(pol.document) },
        at: pol.at,
    };
    if (pol.description !== undefined)
        d.description = pol.description;
    if (pol.legacyName !== undefined)
        d.legacyName = pol.legacyName;
    return d;
}
function principal(partition, accountId, manifest, conn, p, kind, policies) {
    const tags = principalTags(manifest, conn, p);
    const attachments = [];
    for (const pol of p.policies) {
        const d = policies.get(pol.name.toLowerCase()) ?? customerPolicy(partition, accountId, conn, p, pol, tags);
        policies.set(pol.name.toLowerCase(), d);
        attachments.push({ arn: d.arn, name: d.name, ours: true, at: pol.at });
    }
    for (const ref of p.managedPolicies) {
        const arn = managedPolicyArn(partition, ref);
        attachments.push({ arn, name: lastSegment(arn), ours: false, at: p.at });
    }
    const out = {
        connection: conn.name,
        name: p.name,
        path: p.path,
        arn: `arn:${partition}:iam::${accountId}:${kind}${p.path}${p.name}`,
        tags,
        attachments,
        inline: p.inlinePolicies.map((i) => ({ name: i.name, document: i.document, at: i.at, ...(i.legacyName !== undefined ? { legacyName: i.legacyName } : {}) })),
        at: p.at,
    };
    if (p.permissionsBoundary !== undefined)
        out.permissionsBoundary = managedPolicyArn(partition, p.permissionsBoundary);
    return out;
}
/** The billing bucket policy of seed 004: AWS billing writes reports, the connection's principal reads them. */
function billingBucketPolicy(partition, bucket, readerArn) {
    const billing = `arn:${partition}:iam::${AWS_BILLING_ACCOUNT}:root`;
    const bucketArn = `arn:${partition}:s3:::${bucket}`;
    const statements = [
        {
            Sid: 'BillingReadBucket',
            Effect: 'Allow',
            Principal: { AWS: billing },
            Action: ['s3:GetBucketAcl', 's3:GetBucketPolicy'],
            Resource: bucketArn,
        },
        { Sid: 'BillingWriteReports', Effect: 'Allow', Principal: { AWS: billing }, Action: 's3:PutObject', Resource: `${bucketArn}/*` },
    ];
    if (readerArn !== undefined) {
        statements.push({
            Sid: 'VendorReadReports',
            Effect: 'Allow',
            Principal: { AWS: readerArn },
            Action: ['s3:List*', 's3:Get*'],
            Resource: [bucketArn, `${bucketArn}/*`],
        });
    }
    return { Version: '2012-10-17', Statement: statements };
}
/**
 * What `account` (a manifest account name) must hold. `env` supplies `{ env: NAME }` values
 * (external IDs); an unset one leaves the placeholder in the trust, and the plan says so.
 */
function desiredState(manifest, account, env) {
    const spec = manifest.accounts.find((a) => a.name === account);
    if (!spec) {
        const known = manifest.accounts.map((a) => a.name).join(', ');
        throw new Error(`account "${account}" is not declared in ${manifest.file} (declared: ${known || 'none'}); add it under accounts: or pick one of those`);
    }
    const partition = partitionOf(spec.role);
    const out = {
        account,
        accountId: spec.id,
        partition,
        connections: [],
        declaredConnections: manifest.connections.map((c) => c.name).sort(),
        users: [],
        roles: [],
        policies: [],
        buckets: [],
        watches: [],
    };
    for (const conn of manifest.connections) {
        if (!conn.accounts.includes(account))
            continue;
        const dc = { name: conn.name, adopt: conn.adopt, at: conn.at };
        if (conn.temporary)
            dc.temporary = conn.temporary;
        out.connections.push(dc);
        const policies = new Map();
        let readerArn;
        if (conn.role) {
            const r = conn.role;
            const base = principal(partition, spec.id, manifest, conn, r, 'role', policies);
            const binding = externalIdBinding(r.trust, env);
            let trust;
            let trustShown;
            let fileBinding;
            if (r.trust.document) {
                // A hand-written trust may hold an external ID literally: it must not reach the plan either.
                const file = r.trust.document;
                trust = file.document;
                const shown = (v) => externalIdPlaceholder({ literal: v, at: file.source.file });
                trustShown = mapExternalIds(trust, shown);
                const values = externalIdsIn(trust);
                if (values.length === 1)
                    fileBinding = { source: { manifest: file.at }, placeholder: shown(values[0] ?? ''), value: values[0] ?? '' };
            }
            else {
                trust = generatedTrust(partition, r.trust, binding ? (binding.value ?? binding.placeholder) : undefined);
                trustShown = generatedTrust(partition, r.trust, binding?.placeholder);
            }
            const role = { ...base, trust, trustShown, trustAt: r.trust.at };
            if (fileBinding ?? binding)
                role.externalId = fileBinding ?? binding;
            if (r.description !== undefined)
                role.description = r.description;
            if (r.maxSessionDuration !== undefined)
                role.maxSessionDuration = r.maxSessionDuration;
            out.roles.push(role);
            readerArn = role.arn;
        }
        if (conn.user) {
            const u = conn.user;
            const user = principal(partition, spec.id, manifest, conn, u, 'user', policies);
            if (u.accessKey)
                user.accessKey = { rules: u.accessKey.rules, sinks: u.accessKey.deliver.length, at: u.accessKey.at };
            out.users.push(user);
            readerArn ??= user.arn;
        }
        out.policies.push(...policies.values());
        if (conn.billingBucket) {
            const b = conn.billingBucket;
            const bucket = {
                connection: conn.name,
                name: b.name,
                policy: billingBucketPolicy(partition, b.name, readerArn),
                at: b.at,
            };
            if (b.region !== undefined)
                bucket.region = b.region;
            out.buckets.push(bucket);
        }
        for (const [type, names] of [
            ['role', conn.watch.roles],
            ['user', conn.watch.users],
            ['policy', conn.watch.policies],
        ]) {
            for (const name of names)
                out.watches.push({ connection: conn.name, type, name, at: conn.at });
        }
    }
    return out;
}


/***/ }),

/***/ 3268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vu: () => (/* binding */ diffUndeclared),
/* harmony export */   wx: () => (/* binding */ doorDraft)
/* harmony export */ });
/* unused harmony export doorSummary */
/* harmony import */ var _discover_capability_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2533);
/* harmony import */ var _discover_discover_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6472);
/* harmony import */ var _discover_doors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9309);
/**
 * Third-party doors the manifest does not declare, as report-only drift (`undeclared`): a vendor
 * role made by hand shows in the pull-request comment the day it appears. Never acted on: apply
 * has nothing to do for them; `import` turns one into a declared connection.
 */



function doorSummary(d) {
    const parts = [];
    if (d.type === 'role') {
        const who = d.parties.map((p) => (p.vendor ? `${p.vendor.name} (${p.principal})` : p.kind === 'anyone' ? 'anyone (*)' : p.principal));
        parts.push(`trusts ${who.join(', ')}`, d.externalId === true ? 'external ID required' : 'no external ID required');
    }
    else if (d.type === 'user') {
        parts.push(`${d.keys?.length ?? 0} active access key(s), no console password`);
    }
    else {
        parts.push(`names ${d.parties.map((p) => (p.vendor ? `${p.vendor.name} (${p.principal})` : p.principal)).join(', ')}`);
    }
    if (d.can)
        parts.push(`can do: ${(0,_discover_capability_js__WEBPACK_IMPORTED_MODULE_0__/* .capabilityWords */ .Q)(d.can)}`);
    if (d.lastUsed !== undefined)
        parts.push(d.lastUsed === null ? 'no recorded use' : `last used ${d.lastUsed.date.slice(0, 10)}${d.lastUsed.service ? ` (${d.lastUsed.service}` : ''}${d.lastUsed.region ? `${d.lastUsed.service ? ', ' : ' ('}${d.lastUsed.region}` : ''}${d.lastUsed.service || d.lastUsed.region ? ')' : ''}`);
    return parts.join('; ');
}
function diffUndeclared(diff, opts) {
    const ctx = {
        manifestAccountIds: opts.manifestAccountIds,
        knownAccounts: opts.knownAccounts,
        declared: (0,_discover_discover_js__WEBPACK_IMPORTED_MODULE_1__/* .declaredIn */ .eI)(diff.desired),
        now: diff.now,
    };
    for (const d of (0,_discover_doors_js__WEBPACK_IMPORTED_MODULE_2__/* .findDoors */ .HA)(diff.actual, ctx)) {
        if (d.rank === 'managed' || d.type === 'bucket-policy')
            continue;
        diff.set.add(doorDraft(d));
    }
}
/** A door as report-only drift: the plan's `undeclared` change, and discover's SARIF result. */
function doorDraft(d) {
    const severity = d.risk;
    return {
        resource: { type: d.type, name: d.name, arn: d.arn },
        kind: 'undeclared',
        action: 'none',
        severity,
        security: true,
        reason: `${d.type} ${d.name} is a third-party door the manifest does not declare: ${doorSummary(d)}. ${d.reasons.length > 0 ? `Ranked ${d.risk}: ${d.reasons.join('; ')}. ` : ''}${d.type === 'policy' ? 'Declare it under a connection' : `Run \`iam-connections import --principal ${d.type}/${d.name} --account ${d.account}\``} to declare it, or remove it if nobody needs it; set defaults.discover: false to stop reporting undeclared doors`,
        after: { vendors: d.vendors, ...(d.externalId !== undefined ? { externalId: d.externalId } : {}) },
    };
}


/***/ }),

/***/ 4334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PI: () => (/* binding */ actionCovered),
  AW: () => (/* binding */ describeDelta),
  ws: () => (/* reexport */ normalizePolicy),
  jL: () => (/* binding */ policiesEqual),
  Fr: () => (/* binding */ policyDelta),
  tx: () => (/* binding */ policyHash)
});

// UNUSED EXPORTS: IAM_DEFAULT_VERSION, canonicalJson, showStatement

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/plan/policy-coverage.ts
const hasWildcard = (s) => s.includes('*') || s.includes('?');
/**
 * True when every string the glob `inner` matches is matched by the glob `outer`. In ARN mode a
 * `*` spans colons only when it is the last character of its segment, and `?` never matches one.
 */
function patternCovers(outer, inner, arn = false) {
    if (outer === inner)
        return true;
    if (!hasWildcard(outer))
        return false;
    const memo = new Map();
    const spans = (p, i) => !arn || i + 1 === p.length || p[i + 1] === ':';
    const go = (i, j) => {
        const k = i * (inner.length + 1) + j;
        const hit = memo.get(k);
        if (hit !== undefined)
            return hit;
        let r;
        if (i === outer.length)
            r = j === inner.length;
        else if (outer[i] === '*') {
            const c = inner[j];
            const consumable = j < inner.length && (spans(outer, i) || (c !== ':' && !(c === '*' && spans(inner, j))));
            r = go(i + 1, j) || (consumable && go(i, j + 1));
        }
        else if (j === inner.length || inner[j] === '*')
            r = false;
        else if (outer[i] === '?')
            r = !(arn && inner[j] === ':') && go(i + 1, j + 1);
        else
            r = inner[j] !== '?' && outer[i] === inner[j] && go(i + 1, j + 1);
        memo.set(k, r);
        return r;
    };
    return go(0, 0);
}
/** `Type:value` principals; the root of an account (in its partition) covers everything in it. */
function principalCovers(outer, inner) {
    if (outer === inner || outer === 'AWS:*')
        return true;
    const root = /^AWS:arn:(aws[\w-]*):iam::(\d{12}):root$/.exec(outer);
    if (!root)
        return false;
    return new RegExp(`^AWS:arn:${root[1]}:(iam|sts)::${root[2]}:`).test(inner);
}
const actionMatch = (o, i) => patternCovers(o, i);
const resourceMatch = (o, i) => patternCovers(o, i, true);
function principalList(p) {
    if (p === undefined)
        return undefined;
    return Object.entries(p).flatMap(([type, values]) => values.map((v) => `${type}:${v}`));
}
function policy_coverage_elements(d) {
    if (d.list !== undefined)
        return d.list.map((value) => ({ value }));
    if (d.not !== undefined)
        return [{ not: d.not }];
    return [{ absent: true }];
}
function dimensionCovers(outer, e, match, universal) {
    if ('absent' in e)
        return outer.list === undefined && outer.not === undefined;
    if ('value' in e) {
        if (outer.list !== undefined)
            return outer.list.some((o) => match(o, e.value));
        if (outer.not !== undefined)
            return !hasWildcard(e.value) && !outer.not.some((n) => match(n, e.value) || match(e.value, n));
        return false;
    }
    // "everything except N": covered by everything, or by an exclusion that excludes no more than N does.
    if (outer.list !== undefined)
        return outer.list.includes(universal);
    if (outer.not !== undefined)
        return outer.not.every((o) => e.not.some((n) => match(n, o)));
    return false;
}
const subset = (a, b) => a.length > 0 && a.every((x) => b.includes(x));
/** Whether live values for one operator and key are at least as narrow as the declared ones. */
function valuesNarrower(op, live, declared) {
    const base = op.replace(/^For(All|Any)Values:/, '').replace(/IfExists$/, '');
    if (/Not(Equals|Like)|^NotIpAddress$/.test(base))
        return subset(declared, live);
    if (/Equals|Like|^IpAddress$|^Bool$|^Null$/.test(base))
        return subset(live, declared);
    return live.length === declared.length && subset(live, declared);
}
/** `Operator key` pairs of `outer` that `inner` lacks or has wider: empty when `inner` is as narrow. */
function missingConditions(outer, inner) {
    const out = [];
    for (const [op, keys] of Object.entries(outer ?? {})) {
        for (const [key, values] of Object.entries(keys)) {
            const live = inner?.[op]?.[key];
            if (live === undefined || !valuesNarrower(op, live, values))
                out.push(`${op} ${key}`);
        }
    }
    return out.sort();
}
function dimensions(s) {
    const principal = {};
    const pl = principalList(s.principal);
    const np = principalList(s.notPrincipal);
    if (pl)
        principal.list = pl;
    if (np)
        principal.not = np;
    const action = {};
    if (s.action)
        action.list = s.action;
    if (s.notAction)
        action.not = s.notAction;
    const resource = {};
    if (s.resource)
        resource.list = s.resource;
    if (s.notResource)
        resource.not = s.notResource;
    return { principal, action, resource };
}
const DIMS = [
    ['principal', principalCovers, 'AWS:*'],
    ['action', actionMatch, '*'],
    ['resource', resourceMatch, '*'],
];
/** `inner` against `outers`: undefined when some outer statement covers each of its triples. */
function uncoveredBy(inner, outers) {
    const conditionsOf = (o) => missingConditions(o.condition, inner.condition);
    const d = dimensions(inner);
    const od = outers.map((o) => ({ o, d: dimensions(o) }));
    const news = { principal: [], action: [], resource: [] };
    const missing = new Set();
    let uncovered = false;
    let combination = false;
    const covers = (x, key, e) => {
        const [, match, universal] = DIMS.find(([k]) => k === key);
        return dimensionCovers(x[key], e, match, universal);
    };
    const ps = policy_coverage_elements(d.principal);
    const as = policy_coverage_elements(d.action);
    const rs = policy_coverage_elements(d.resource);
    for (const [key, list] of [
        ['principal', ps],
        ['action', as],
        ['resource', rs],
    ]) {
        for (const e of list)
            if (!od.some((x) => covers(x.d, key, e)))
                news[key].push(e);
    }
    for (const p of ps) {
        for (const a of as) {
            for (const r of rs) {
                const shape = od.filter((x) => covers(x.d, 'principal', p) && covers(x.d, 'action', a) && covers(x.d, 'resource', r));
                if (shape.some((x) => conditionsOf(x.o).length === 0))
                    continue;
                uncovered = true;
                if (shape.length === 0) {
                    if (!news.principal.includes(p) && !news.action.includes(a) && !news.resource.includes(r))
                        combination = true;
                    continue;
                }
                // The closest declared statements: the fewest conditions missing.
                const gaps = shape.map((x) => conditionsOf(x.o));
                const fewest = Math.min(...gaps.map((g) => g.length));
                for (const g of gaps)
                    if (g.length === fewest)
                        for (const c of g)
                            missing.add(c);
            }
        }
    }
    if (!uncovered)
        return undefined;
    return {
        statement: inner,
        newPrincipals: news.principal,
        newActions: news.action,
        newResources: news.resource,
        missingConditions: [...missing].sort(),
        combination,
    };
}
/** Allow statements of `wider` that `narrower`'s Allows do not cover: what `wider` grants beyond it. */
function uncoveredAllows(narrower, wider) {
    const outers = narrower.statements.filter((s) => s.effect === 'Allow');
    return wider.statements
        .filter((s) => s.effect === 'Allow')
        .map((s) => uncoveredBy(s, outers))
        .filter((u) => u !== undefined);
}
/**
 * Deny statements of `before` that no Deny of `after` still enforces in full. For these,
 * `missingConditions` are the conditions the `after` Deny adds: each makes it apply less often.
 */
function weakenedDenies(before, after) {
    const outers = after.statements.filter((s) => s.effect === 'Deny');
    return before.statements
        .filter((s) => s.effect === 'Deny')
        .map((s) => uncoveredBy(s, outers))
        .filter((u) => u !== undefined);
}

;// CONCATENATED MODULE: ./src/plan/policy-normalize.ts
/**
 * IAM policy documents in a canonical form, so that a plan never reports drift that IAM itself
 * would not see: key order, array order, a string versus a one-element array, an account ID
 * versus its `:root` ARN (in the document's partition), `true` versus `"true"` in a condition,
 * URL-encoded text as IAM returns it, duplicate statements and `Sid`s are all cosmetic.
 *
 * What stays significant, and why:
 *  - `Version`: a missing Version means IAM's default `2008-10-17`, which disables policy
 *    variables; so missing equals `2008-10-17` and differs from `2012-10-17`.
 *  - Resources and condition values are case-sensitive (ARNs and string matches are);
 *    action names and condition keys are not (IAM documents context key names as
 *    case-insensitive, and matches actions case-insensitively).
 *  - Condition operator names are kept exactly as written: IAM's policy grammar documents them
 *    in one spelling only, so a differently spelled operator is treated as a different one.
 *  - The partition: `arn:aws-us-gov:iam::ID:root` and `arn:aws:iam::ID:root` are different
 *    principals; a bare account ID means the root of that account in the document's partition.
 */
const IAM_DEFAULT_VERSION = '2008-10-17';
const PARTITIONS = (/* unused pure expression or super */ null && (['aws', 'aws-us-gov', 'aws-cn']));
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** JSON with object keys sorted, so equal values have equal text. */
function canonicalJson(v) {
    if (Array.isArray(v))
        return `[${v.map(canonicalJson).join(',')}]`;
    if (isRecord(v)) {
        return `{${Object.keys(v)
            .sort()
            .filter((k) => v[k] !== undefined)
            .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(v) ?? 'null';
}
/** Scalars become strings (`true` and `"true"` are one value to IAM); objects keep a stable JSON form. */
function scalar(v) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean' || v === null)
        return String(v);
    return canonicalJson(v);
}
function stringSet(v, fold) {
    const list = Array.isArray(v) ? v : [v];
    const out = new Set();
    for (const item of list) {
        const s = scalar(item);
        out.add(fold ? fold(s) : s);
    }
    return [...out].sort();
}
/** Accepts a parsed document, or its JSON text (URL-encoded as IAM returns it, or not). */
function parseDocument(doc) {
    if (typeof doc !== 'string')
        return doc;
    let text = doc.trim();
    if (text.startsWith('%'))
        text = decodeURIComponent(text);
    return JSON.parse(text);
}
const ARN_PARTITION = /^arn:(aws(?:-[a-z]+)*):/;
/** Every partition named by an ARN in the document's principals and resources. */
function partitionsIn(doc, out) {
    if (typeof doc === 'string') {
        const m = ARN_PARTITION.exec(doc);
        if (m?.[1])
            out.add(m[1]);
    }
    else if (Array.isArray(doc)) {
        for (const d of doc)
            partitionsIn(d, out);
    }
    else if (isRecord(doc)) {
        for (const [k, v] of Object.entries(doc))
            if (k !== 'Condition')
                partitionsIn(v, out);
    }
    return out;
}
/**
 * The partition a bare account ID in these documents belongs to: the one their ARNs name, when
 * they name exactly one; `aws` otherwise. A caller that knows the account's partition passes it.
 */
function documentPartition(...docs) {
    const found = new Set();
    for (const d of docs) {
        try {
            partitionsIn(parseDocument(d), found);
        }
        catch {
            // unparsable text is compared as it is; it names no partition
        }
    }
    return found.size === 1 ? [...found][0] : 'aws';
}
const ACCOUNT_ID = /^\d{12}$/;
function principalValue(type, value, partition) {
    // IAM stores a bare account ID as its root ARN; both name the same principal.
    if (type === 'AWS' && ACCOUNT_ID.test(value))
        return `arn:${partition}:iam::${value}:root`;
    return value;
}
function normalizePrincipal(v, partition) {
    // `"Principal": "*"` and `{"AWS": "*"}` both mean every principal.
    if (!isRecord(v))
        return { AWS: stringSet(v) };
    const out = {};
    for (const type of Object.keys(v).sort()) {
        out[type] = [...new Set(stringSet(v[type]).map((s) => principalValue(type, s, partition)))].sort();
    }
    return out;
}
function normalizeCondition(v) {
    const out = {};
    if (!isRecord(v))
        return out;
    for (const op of Object.keys(v).sort()) {
        const block = v[op];
        const keys = out[op] ?? {};
        if (isRecord(block)) {
            for (const key of Object.keys(block)) {
                const k = key.toLowerCase();
                keys[k] = [...new Set([...(keys[k] ?? []), ...stringSet(block[key])])].sort();
            }
        }
        out[op] = Object.fromEntries(Object.entries(keys).sort(([a], [b]) => a.localeCompare(b)));
    }
    return out;
}
const lower = (s) => s.toLowerCase();
function normalizeStatement(raw, partition, spelling) {
    const s = isRecord(raw) ? raw : {};
    const out = { effect: scalar(s.Effect ?? '') };
    if (s.Principal !== undefined)
        out.principal = normalizePrincipal(s.Principal, partition);
    if (s.NotPrincipal !== undefined)
        out.notPrincipal = normalizePrincipal(s.NotPrincipal, partition);
    for (const [field, key] of [
        ['Action', 'action'],
        ['NotAction', 'notAction'],
    ]) {
        if (s[field] === undefined)
            continue;
        for (const a of stringSet(s[field]))
            spelling[a.toLowerCase()] ??= a;
        out[key] = stringSet(s[field], lower);
    }
    if (s.Resource !== undefined)
        out.resource = stringSet(s.Resource);
    if (s.NotResource !== undefined)
        out.notResource = stringSet(s.NotResource);
    if (s.Condition !== undefined) {
        const c = normalizeCondition(s.Condition);
        if (Object.keys(c).length > 0)
            out.condition = c;
    }
    return out;
}
/** `partition` defaults to the one the document's ARNs name (see documentPartition). */
function normalizePolicy(doc, partition) {
    const d = parseDocument(doc);
    const part = partition ?? documentPartition(d);
    const body = isRecord(d) ? d : {};
    const rawStatements = body.Statement === undefined ? [] : Array.isArray(body.Statement) ? body.Statement : [body.Statement];
    const spelling = {};
    const byKey = new Map();
    const sidsOf = {};
    const sids = new Set();
    for (const raw of rawStatements) {
        const st = normalizeStatement(raw, part, spelling);
        const key = canonicalJson(st);
        byKey.set(key, st);
        if (isRecord(raw) && typeof raw.Sid === 'string' && raw.Sid !== '') {
            sids.add(raw.Sid);
            sidsOf[key] = [...new Set([...(sidsOf[key] ?? []), raw.Sid])].sort();
        }
    }
    const statements = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, st]) => st);
    return {
        version: typeof body.Version === 'string' ? body.Version : IAM_DEFAULT_VERSION,
        partition: part,
        statements,
        sids: [...sids].sort(),
        sidsOf,
        spelling,
    };
}

;// CONCATENATED MODULE: ./src/plan/policy-equivalence.ts
/**
 * Comparing IAM policy documents: equality in IAM's eyes (./policy-normalize.ts), and, when they
 * differ, which side allows more, statement by statement (./policy-coverage.ts), described so a
 * reviewer sees the statement that is not covered, never a condition value.
 */




function significant(p) {
    return canonicalJson({ version: p.version, statements: p.statements });
}
function isNormalized(doc) {
    return isRecord(doc) && Array.isArray(doc.statements) && typeof doc.version === 'string' && isRecord(doc.spelling);
}
/** Both documents normalised in one partition: the caller's, or the one their ARNs name. */
function pair(a, b, partition) {
    const part = partition ?? documentPartition(...[a, b].filter((d) => !isNormalized(d)));
    return [isNormalized(a) ? a : normalizePolicy(a, part), isNormalized(b) ? b : normalizePolicy(b, part)];
}
/**
 * True when IAM would treat both documents the same. Accepts raw or normalised documents;
 * `partition` is the account's (a bare account ID is the root of that account in it).
 */
function policiesEqual(a, b, partition) {
    const [pa, pb] = pair(a, b, partition);
    return significant(pa) === significant(pb);
}
/** A short, stable fingerprint of a permission policy's meaning (cosmetic edits keep it). */
function policyHash(doc) {
    const p = isNormalized(doc) ? doc : normalizePolicy(doc);
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(significant(p)).digest('hex').slice(0, 16)}`;
}
const LIST_LIMIT = 6;
function list(items) {
    if (items.length <= LIST_LIMIT)
        return items.join(', ');
    return `${items.slice(0, LIST_LIMIT).join(', ')} and ${items.length - LIST_LIMIT} more`;
}
function showElement(e, spelling) {
    if ('absent' in e)
        return '(none)';
    if ('not' in e)
        return `* except ${e.not.map((x) => spelling[x] ?? x).join(', ')}`;
    return spelling[e.value] ?? e.value;
}
function showPrincipals(s) {
    const of = (p) => Object.entries(p ?? {}).flatMap(([t, vs]) => vs.map((v) => `${t}:${v}`));
    if (s.principal)
        return list(of(s.principal));
    if (s.notPrincipal)
        return `every principal except ${list(of(s.notPrincipal))}`;
    return undefined;
}
/** `Allow AWS:arn:... sts:AssumeRole on * if StringEquals sts:externalid`: never a condition value. */
function showStatement(s, spelling = {}) {
    const spell = (xs) => list(xs.map((x) => spelling[x] ?? x));
    const parts = [s.effect];
    const who = showPrincipals(s);
    if (who !== undefined)
        parts.push(who);
    if (s.action)
        parts.push(spell(s.action));
    if (s.notAction)
        parts.push(`every action except ${spell(s.notAction)}`);
    if (s.resource)
        parts.push(`on ${list(s.resource)}`);
    if (s.notResource)
        parts.push(`on every resource except ${list(s.notResource)}`);
    const conditions = Object.entries(s.condition ?? {}).flatMap(([op, keys]) => Object.keys(keys).map((k) => `${op} ${k}`));
    if (conditions.length > 0)
        parts.push(`if ${list(conditions)}`);
    return parts.join(' ');
}
function gap(u, p) {
    const show = (es) => es.map((e) => showElement(e, p.spelling));
    return {
        sids: p.sidsOf[canonicalJson(u.statement)] ?? [],
        effect: u.statement.effect,
        statement: showStatement(u.statement, p.spelling),
        newPrincipals: show(u.newPrincipals),
        newActions: show(u.newActions),
        newResources: show(u.newResources),
        missingConditions: u.missingConditions,
        combination: u.combination,
    };
}
const isWildcard = (a) => a.includes('*') || a.includes('?');
const union = (xs) => [...new Set(xs.flat())].sort();
/** What `b` changes relative to `a`: read `a` as "before" and `b` as "after". */
function policyDelta(a, b, partition) {
    const [pa, pb] = pair(a, b, partition);
    const keysA = new Set(pa.statements.map(canonicalJson));
    const keysB = new Set(pb.statements.map(canonicalJson));
    const added = pb.statements.filter((s) => !keysA.has(canonicalJson(s)));
    const removed = pa.statements.filter((s) => !keysB.has(canonicalJson(s)));
    const uncovered = uncoveredAllows(pa, pb).map((u) => gap(u, pb));
    const denies = weakenedDenies(pa, pb).map((u) => gap(u, pa));
    const newActions = union(uncovered.map((g) => g.newActions));
    const equal = pa.version === pb.version && added.length === 0 && removed.length === 0;
    const delta = {
        equal,
        sidsOnly: equal && canonicalJson(pa.sids) !== canonicalJson(pb.sids),
        added,
        removed,
        uncovered,
        weakenedDenies: denies,
        newActions,
        newWildcardActions: newActions.filter(isWildcard),
        newPrincipals: union(uncovered.map((g) => g.newPrincipals)),
        newResources: union(uncovered.map((g) => g.newResources)),
        removedConditions: union(uncovered.map((g) => g.missingConditions)),
        removedDenies: denies.length,
        loosens: uncovered.length > 0 || denies.length > 0,
    };
    if (pa.version !== pb.version)
        delta.version = { from: pa.version, to: pb.version };
    return delta;
}
function named(g) {
    return `${g.sids.length > 0 ? `statement ${g.sids.map((x) => JSON.stringify(x)).join('/')}` : 'statement'} [${g.statement}]`;
}
function describeAllow(g) {
    const why = [];
    if (g.newPrincipals.length > 0)
        why.push(`adds principal(s) ${list(g.newPrincipals)}`);
    if (g.newActions.length > 0)
        why.push(`adds action(s) ${list(g.newActions)}`);
    if (g.newResources.length > 0)
        why.push(`adds resource(s) ${list(g.newResources)}`);
    if (g.missingConditions.length > 0)
        why.push(`without ${list(g.missingConditions)}`);
    if (g.combination)
        why.push('combines principal, action and resource as no single statement does');
    return `${named(g)} ${why.join(', ')}`;
}
function describeDeny(g) {
    if (g.newPrincipals.length + g.newActions.length + g.newResources.length > 0 || g.combination)
        return `${named(g)} is missing or denies less`;
    return `${named(g)} now applies only if ${list(g.missingConditions)}`;
}
/** One line for a report: what `b` adds or removes relative to `a`. Never quotes condition values. */
function describeDelta(d) {
    if (d.equal)
        return d.sidsOnly ? 'only statement ids (Sid) differ, which IAM ignores' : 'no difference';
    const parts = [];
    if (d.version)
        parts.push(`Version ${d.version.from} -> ${d.version.to}`);
    for (const g of d.uncovered)
        parts.push(describeAllow(g));
    for (const g of d.weakenedDenies)
        parts.push(describeDeny(g));
    if (!d.loosens) {
        if (d.added.length > 0)
            parts.push(`${d.added.length} statement(s) added`);
        if (d.removed.length > 0)
            parts.push(`${d.removed.length} statement(s) removed`);
        parts.push('nothing is allowed that was not before');
    }
    return parts.join('; ');
}
/** True when an IAM action pattern (`iam:*`, `s3:Get*`, `*`) matches `action`, case-insensitively. */
function actionCovered(action, patterns) {
    const a = action.toLowerCase();
    return patterns.some((p) => patternCovers(p.toLowerCase(), a));
}


/***/ }),

/***/ 4583:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dh: () => (/* binding */ ownerTags),
/* harmony export */   H_: () => (/* binding */ describeWithOwner),
/* harmony export */   Qg: () => (/* binding */ policyOwner),
/* harmony export */   ef: () => (/* binding */ ownerFromDescription)
/* harmony export */ });
/* unused harmony exports POLICY_OWNER_MARKER, DEFAULT_POLICY_DESCRIPTION, MAX_POLICY_DESCRIPTION, stripOwnerMarker */
/* harmony import */ var _manifest_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5848);

/** The suffix the executor appends to the Description of a policy it creates. */
function POLICY_OWNER_MARKER(connection) {
    return ` [${_manifest_model_js__WEBPACK_IMPORTED_MODULE_0__/* .OWNER_TAG */ .FX}=${connection}]`;
}
/** What a policy created without a declared description says, so a person in the console knows why it is there. */
const DEFAULT_POLICY_DESCRIPTION = 'Managed by iam-connections';
/** IAM policy descriptions hold at most 1,000 characters. */
const MAX_POLICY_DESCRIPTION = 1000;
/**
 * The Description to create a policy with: the declared text (cut to fit) plus the marker.
 * Connection names are short (lowercase, validated), so the marker always fits.
 */
function describeWithOwner(description, connection) {
    const marker = POLICY_OWNER_MARKER(connection);
    const declared = (description ?? '').trim() || DEFAULT_POLICY_DESCRIPTION;
    return `${declared.slice(0, Math.max(0, MAX_POLICY_DESCRIPTION - marker.length))}${marker}`;
}
// Anchored at the end: the marker must be the last thing, so text a person wrote earlier in a
// description cannot claim a policy by mentioning the marker in passing.
const MARKER_AT_END = new RegExp(`\\s?\\[${_manifest_model_js__WEBPACK_IMPORTED_MODULE_0__/* .OWNER_TAG */ .FX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}=([a-z0-9][a-z0-9-]*)\\]\\s*$`);
/** The connection named by a description's trailing marker, if any. */
function ownerFromDescription(description) {
    if (description === undefined)
        return undefined;
    return MARKER_AT_END.exec(description)?.[1];
}
/** The description as the manifest wrote it, marker removed. */
function stripOwnerMarker(description) {
    return description.replace(MARKER_AT_END, '');
}
/** The owning connection: the owner tag when the tags were read and carry it, else the marker. */
function policyOwner(p) {
    return p.tags[_manifest_model_js__WEBPACK_IMPORTED_MODULE_0__/* .OWNER_TAG */ .FX] ?? ownerFromDescription(p.description);
}
/** The policy's tags with the owner the marker names filled in, for code that decides by tag. */
function ownerTags(p) {
    const owner = policyOwner(p);
    return owner === undefined || p.tags[_manifest_model_js__WEBPACK_IMPORTED_MODULE_0__/* .OWNER_TAG */ .FX] !== undefined ? p.tags : { ...p.tags, [_manifest_model_js__WEBPACK_IMPORTED_MODULE_0__/* .OWNER_TAG */ .FX]: owner };
}


/***/ }),

/***/ 1072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sg: () => (/* binding */ temporaryWindow),
/* harmony export */   Vt: () => (/* binding */ EXPIRED_TRUST),
/* harmony export */   gK: () => (/* binding */ temporaryStage)
/* harmony export */ });
/** When a temporary connection expires and when it may be deleted; `ttl` counts from `userCreated`. */
function temporaryWindow(t, userCreated) {
    if (!t)
        return undefined;
    const expiresAt = t.expires !== undefined ? new Date(t.expires) : t.ttl !== undefined && userCreated !== undefined ? new Date(Date.parse(userCreated) + t.ttl * 1000) : undefined;
    if (expiresAt === undefined || Number.isNaN(expiresAt.getTime()))
        return undefined;
    return { expiresAt, deleteAt: new Date(expiresAt.getTime() + t.deleteAfter * 1000) };
}
/** `ttl` counts from the creation of the connection's first user, or of its first role when it has no user. */
function temporaryStage(conn, userCreated, now) {
    const w = temporaryWindow(conn.temporary, userCreated);
    if (!w)
        return { stage: 'active' };
    const stage = now >= w.deleteAt ? 'deletable' : now >= w.expiresAt ? 'expired' : 'active';
    return { stage, ...w };
}
/**
 * The trust an expired temporary role gets: nobody may assume it. Chosen over detaching its
 * policies because it is one document, reversible in one call (moving `expires` later makes the
 * next apply put the declared trust back), and leaves attachments and inline policies as they
 * were, so nothing has to be rebuilt. Like a deactivated key it stops new credentials at once;
 * sessions issued before stay valid until they end (at most the role's maximum session duration).
 */
const EXPIRED_TRUST = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'IamConnectionsTemporaryExpired', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
};


/***/ }),

/***/ 9712:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NB: () => (/* binding */ allows),
/* harmony export */   Rr: () => (/* binding */ grantsOf),
/* harmony export */   SW: () => (/* binding */ ESCALATION_ACTIONS),
/* harmony export */   gW: () => (/* binding */ watchReport)
/* harmony export */ });
/* unused harmony export describeGrants */
/* harmony import */ var _policy_equivalence_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4334);

/** Actions that let a principal grant itself (or another) more than it has. */
const ESCALATION_ACTIONS = [
    'iam:AddUserToGroup',
    'iam:AttachGroupPolicy',
    'iam:AttachRolePolicy',
    'iam:AttachUserPolicy',
    'iam:CreateAccessKey',
    'iam:CreateLoginProfile',
    'iam:CreatePolicyVersion',
    'iam:PassRole',
    'iam:PutGroupPolicy',
    'iam:PutRolePolicy',
    'iam:PutUserPolicy',
    'iam:SetDefaultPolicyVersion',
    'iam:UpdateAssumeRolePolicy',
    'iam:UpdateLoginProfile',
];
/** AWS-managed policies whose documents are not in the inventory but whose reach is well known. */
const KNOWN_AWS_POLICIES = {
    AdministratorAccess: { allows: '*', severity: 'critical' },
    IAMFullAccess: { allows: 'iam:*', severity: 'critical' },
    PowerUserAccess: { allows: '* except most of iam:* and organizations:*', severity: 'high' },
};
function grantsOf(documents) {
    const g = { allow: [], allowExcept: [], deny: [], spelling: {} };
    for (const doc of documents) {
        const p = (0,_policy_equivalence_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePolicy */ .ws)(doc);
        Object.assign(g.spelling, { ...p.spelling, ...g.spelling });
        for (const s of p.statements)
            collect(g, s);
    }
    return g;
}
function collect(g, s) {
    if (s.effect === 'Allow') {
        g.allow.push(...(s.action ?? []));
        if (s.notAction)
            g.allowExcept.push(s.notAction);
    }
    else if (s.effect === 'Deny' && !s.condition && (s.resource ?? []).includes('*')) {
        g.deny.push(...(s.action ?? []));
    }
}
function allows(g, action) {
    if ((0,_policy_equivalence_js__WEBPACK_IMPORTED_MODULE_0__/* .actionCovered */ .PI)(action, g.deny))
        return false;
    return (0,_policy_equivalence_js__WEBPACK_IMPORTED_MODULE_0__/* .actionCovered */ .PI)(action, g.allow) || g.allowExcept.some((except) => !(0,_policy_equivalence_js__WEBPACK_IMPORTED_MODULE_0__/* .actionCovered */ .PI)(action, except));
}
function spell(g, a) {
    return g.spelling[a] ?? a;
}
/** Sentences on what the documents allow; `*` grants first. */
function describeGrants(name, g) {
    const risks = [];
    let severity = 'info';
    const all = g.allow.includes('*') || g.allow.includes('*:*') || g.allowExcept.length > 0;
    const escalation = ESCALATION_ACTIONS.filter((a) => allows(g, a));
    const denied = [...new Set(g.deny)].map((a) => spell(g, a)).sort();
    if (all) {
        severity = 'critical';
        const except = g.allowExcept.length > 0 && !g.allow.includes('*') ? g.allowExcept.flat().map((a) => spell(g, a)) : [];
        const exceptions = [...new Set([...except, ...denied])].sort();
        const head = `${name} allows *${exceptions.length > 0 ? ` except ${exceptions.join(', ')}` : ''}`;
        risks.push(escalation.length > 0 ? `${head}: still allows ${escalation.join(', ')} (privilege escalation)` : head);
    }
    else {
        const services = g.allow.filter((a) => a.endsWith(':*')).map((a) => spell(g, a));
        if (services.length > 0) {
            severity = 'high';
            risks.push(`${name} allows every action of: ${services.join(', ')}`);
        }
        if (escalation.length > 0) {
            severity = 'critical';
            risks.push(`${name} allows ${escalation.join(', ')} (privilege escalation)`);
        }
    }
    return { risks, severity };
}
const RANK = ['critical', 'high', 'medium', 'low', 'info'];
function worst(a, b) {
    return RANK.indexOf(a) <= RANK.indexOf(b) ? a : b;
}
function policyDocuments(inv, attached, inline) {
    const docs = [];
    const names = [];
    const known = [];
    for (const a of attached) {
        names.push(a.arn);
        const local = inv.policies.find((p) => p.arn === a.arn);
        if (local)
            docs.push(local.document);
        else {
            const k = KNOWN_AWS_POLICIES[a.name];
            if (k)
                known.push({ name: a.name, ...k });
        }
    }
    for (const i of inline) {
        names.push(`inline:${i.name}`);
        docs.push(i.document);
    }
    return { docs, names: names.sort(), known };
}
function trustSummary(role) {
    const p = (0,_policy_equivalence_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePolicy */ .ws)(role.trust);
    const principals = new Set();
    let externalId = false;
    for (const s of p.statements) {
        if (s.effect !== 'Allow')
            continue;
        for (const [type, values] of Object.entries(s.principal ?? {}))
            for (const v of values)
                principals.add(`${type}:${v}`);
        for (const keys of Object.values(s.condition ?? {}))
            if ('sts:externalid' in keys)
                externalId = true;
    }
    return { principals: [...principals].sort(), externalId };
}
function watchReport(inv, w) {
    const base = { account: inv.account, connection: w.connection, at: w.at };
    const lname = w.name.toLowerCase();
    const absent = (type) => ({
        ...base,
        resource: { type, name: w.name },
        found: false,
        severity: 'info',
        risks: [`${type} ${w.name} does not exist (yet): nothing to assess`],
        policies: [],
    });
    if (w.type === 'policy') {
        const pol = inv.policies.find((p) => p.name.toLowerCase() === lname);
        if (!pol)
            return absent('policy');
        const { risks, severity } = describeGrants(`policy ${pol.name}`, grantsOf([pol.document]));
        return { ...base, resource: { type: 'policy', name: pol.name, arn: pol.arn }, found: true, severity, risks, policies: [pol.arn] };
    }
    const principal = w.type === 'role' ? inv.roles.find((r) => r.name.toLowerCase() === lname) : inv.users.find((u) => u.name.toLowerCase() === lname);
    if (!principal)
        return absent(w.type);
    const label = `${w.type} ${principal.name}`;
    const { docs, names, known } = policyDocuments(inv, principal.attached, principal.inline);
    const described = describeGrants(label, grantsOf(docs));
    let severity = described.severity;
    const risks = [...described.risks];
    for (const k of known) {
        risks.push(`${label} has the AWS-managed ${k.name} attached: allows ${k.allows}`);
        severity = worst(severity, k.severity);
    }
    const report = {
        ...base,
        resource: { type: w.type, name: principal.name, arn: principal.arn },
        found: true,
        severity,
        risks,
        policies: names,
    };
    if (w.type === 'role' && 'trust' in principal) {
        report.trust = trustSummary(principal);
        if (!report.trust.externalId && report.trust.principals.some((p) => p.startsWith('AWS:') && !p.includes(`::${inv.accountId}:`))) {
            risks.push(`${label} trusts another account without requiring an external ID (confused deputy)`);
            report.severity = worst(report.severity, 'high');
        }
    }
    if (risks.length === 0)
        risks.push(`${label}: no wildcard or privilege-escalation grants found`);
    return report;
}


/***/ }),

/***/ 4989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R$: () => (/* binding */ vendorHandoff),
/* harmony export */   im: () => (/* reexport safe */ _manifest_sink_targets_js__WEBPACK_IMPORTED_MODULE_0__.i),
/* harmony export */   s3: () => (/* binding */ renderHandoffMarkdown)
/* harmony export */ });
/* harmony import */ var _manifest_sink_targets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5453);
/* harmony import */ var _findings_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4733);


/** `{account}` is the account name, `{ACCOUNT}` its upper case (as secret names want). */

function sinkText(s, account) {
    switch (s.kind) {
        case 'secretsManager':
            return `Secrets Manager secret \`${(0,_manifest_sink_targets_js__WEBPACK_IMPORTED_MODULE_0__/* .expandAccount */ .i)(s.secretId, account)}\`${s.account ? ` in account ${s.account}` : ''}${s.region ? ` (${s.region})` : ''}`;
        case 'githubSecret': {
            const scope = s.organization ? `organization ${s.organization}` : s.environment ? `environment ${s.environment} of ${s.repository ?? 'this repository'}` : (s.repository ?? 'this repository');
            return `GitHub secret \`${(0,_manifest_sink_targets_js__WEBPACK_IMPORTED_MODULE_0__/* .expandAccount */ .i)(s.name, account)}\` (${scope})`;
        }
        case 'output':
            return `masked step output \`${s.name}\``;
    }
}
function vendorHandoff(manifest, accounts, roleArns, defaultRegion) {
    const out = [];
    for (const c of manifest.connections) {
        for (const account of c.accounts.filter((a) => accounts.includes(a))) {
            const spec = manifest.accounts.find((a) => a.name === account);
            const region = spec?.region ?? manifest.defaults.region ?? defaultRegion;
            if (c.role) {
                const ext = c.role.trust.externalId;
                out.push({
                    connection: c.name,
                    account,
                    ...(c.vendor ? { vendor: c.vendor } : {}),
                    credential: roleArns[`${c.name}/${account}`] ?? `arn:aws:iam::${spec?.id ?? '?'}:role${c.role.path}${c.role.name}`,
                    where: ext ? ['external ID: the value the vendor issued' + ('env' in ext ? ` (from ${ext.env})` : '')] : [],
                    region,
                });
            }
            if (c.user?.accessKey) {
                out.push({
                    connection: c.name,
                    account,
                    ...(c.vendor ? { vendor: c.vendor } : {}),
                    credential: `access key of user ${c.user.name}`,
                    where: c.user.accessKey.deliver.map((s) => sinkText(s, account)),
                    region,
                });
            }
        }
    }
    return out;
}
function renderHandoffMarkdown(rows) {
    if (rows.length === 0)
        return '';
    const lines = [
        '### What to give the vendor',
        '',
        '| connection | account | paste into the vendor | where it is | region |',
        '|---|---|---|---|---|',
        ...rows.map((r) => `| ${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .k)(r.connection)}${r.vendor ? ` (${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .k)(r.vendor)})` : ''} | ${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .k)(r.account)} | \`${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .k)(r.credential)}\` | ${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .k)(r.where.join('; ') || '-')} | ${(0,_findings_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .k)(r.region)} |`),
        '',
    ];
    return lines.join('\n');
}


/***/ }),

/***/ 8581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AR: () => (/* binding */ gitHubSecretsClient),
/* harmony export */   IF: () => (/* binding */ deliverToGitHubSecret)
/* harmony export */ });
/* unused harmony export sealForGitHub */
/* harmony import */ var libsodium_wrappers__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4768);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6584);
/* harmony import */ var _plan_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5111);
/* harmony import */ var _manifest_sink_targets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5453);
/* harmony import */ var _payload_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9170);
/* harmony import */ var _secrets_manager_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1999);
/**
 * Delivery to GitHub Actions secrets: repository, environment or organisation scope. GitHub
 * takes a secret only encrypted with that scope's public key as a libsodium sealed box
 * (`crypto_box_seal`), base64-encoded, together with the key's ID. Calls go through the tool's
 * one Octokit (../github/client.ts): 5xx and network failures are retried, rate limits waited out.
 *
 * Organisation secrets carry who may read them. A rotation must not widen that: an existing
 * secret is written back with the visibility, and for `selected` the repositories, it has now
 * (the PUT requires a visibility, so it is read first); a new one gets what the sink declares,
 * `selected` with the declared repositories unless the sink says `visibility: private|all`.
 */






function gitHubSecretsClient(token, env = process.env, opts = {}) {
    return {
        octokit: opts.octokit ?? (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__/* .createGitHubClient */ .LX)(token, env, opts),
        baseUrl: (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__/* .gitHubApiUrl */ .Ly)(env),
        token,
        ...(env.GITHUB_REPOSITORY ? { defaultRepository: env.GITHUB_REPOSITORY } : {}),
    };
}
function scopeOf(sink, client) {
    if (sink.organization)
        return { kind: 'org', label: `organization ${sink.organization}`, org: sink.organization };
    const full = sink.repository ?? client.defaultRepository;
    const [owner, repo] = (full ?? '').split('/');
    if (!owner || !repo) {
        throw new _secrets_manager_js__WEBPACK_IMPORTED_MODULE_3__/* .SinkError */ .y_(`GitHub secret ${sink.name}: no repository to write it to: name one in the sink (githubSecret.repository: owner/repo) or run inside GitHub Actions (GITHUB_REPOSITORY)`);
    }
    if (sink.environment)
        return { kind: 'environment', label: `environment ${sink.environment} of ${owner}/${repo}`, owner, repo, environment: sink.environment };
    return { kind: 'repo', label: `${owner}/${repo}`, owner, repo };
}
/** The sealed box GitHub expects, base64 (standard alphabet, padded). */
async function sealForGitHub(publicKeyB64, plaintext) {
    await libsodium_wrappers__WEBPACK_IMPORTED_MODULE_4__/* ["default"].ready */ .Ay.ready;
    const pk = libsodium_wrappers__WEBPACK_IMPORTED_MODULE_4__/* ["default"].from_base64 */ .Ay.from_base64(publicKeyB64, libsodium_wrappers__WEBPACK_IMPORTED_MODULE_4__/* ["default"].base64_variants */ .Ay.base64_variants.ORIGINAL);
    const sealed = libsodium_wrappers__WEBPACK_IMPORTED_MODULE_4__/* ["default"] */ .Ay.crypto_box_seal(libsodium_wrappers__WEBPACK_IMPORTED_MODULE_4__/* ["default"].from_string */ .Ay.from_string(plaintext), pk);
    return libsodium_wrappers__WEBPACK_IMPORTED_MODULE_4__/* ["default"].to_base64 */ .Ay.to_base64(sealed, libsodium_wrappers__WEBPACK_IMPORTED_MODULE_4__/* ["default"].base64_variants */ .Ay.base64_variants.ORIGINAL);
}
function deniedMessage(scope, status, name) {
    const what = scope.kind === 'org' ? `organization ${scope.org}` : scope.label;
    const perm = scope.kind === 'org' ? 'Secrets: write on the organization (organization_secrets)' : scope.kind === 'environment' ? 'Environments: write (environment secrets)' : 'Secrets: write';
    return (`the token cannot write Actions secrets to ${what} (HTTP ${status} writing ${name}): the default GITHUB_TOKEN never can; ` +
        `pass a fine-grained token with ${perm} (or a GitHub App token) as github-token` +
        (status === 404 ? `, and check that ${what} exists and the token can see it` : ''));
}
/** A failed call, as far as a message needs it. */
class CallFailed extends Error {
    stage;
    failure;
    constructor(stage, failure) {
        super(stage);
        this.stage = stage;
        this.failure = failure;
    }
}
function statusOf(e) {
    const s = typeof e === 'object' && e !== null ? e.status : undefined;
    return typeof s === 'number' ? s : undefined;
}
async function call(stage, run) {
    try {
        return await run();
    }
    catch (e) {
        throw new CallFailed(stage, e);
    }
}
/** Every repository of an existing `selected` organisation secret, across pages. */
async function selectedRepositoryIds(octokit, org, name) {
    const ids = [];
    const perPage = 100;
    for (let page = 1; page <= 1000; page++) {
        const res = await octokit.request('GET /orgs/{org}/actions/secrets/{secret_name}/repositories', { org, secret_name: name, per_page: perPage, page });
        const repos = res.data.repositories;
        ids.push(...repos.map((r) => Number(r.id)));
        if (repos.length < perPage || ids.length >= res.data.total_count)
            break;
    }
    return ids;
}
/** What the PUT of an organisation secret must say about access: the secret's own, or the sink's for a new one. */
async function orgAccess(octokit, sink, org, name) {
    let existing;
    try {
        existing = (await octokit.request('GET /orgs/{org}/actions/secrets/{secret_name}', { org, secret_name: name })).data.visibility;
    }
    catch (e) {
        if (statusOf(e) !== 404)
            throw new CallFailed(`GET ${name}`, e);
    }
    if (existing !== undefined) {
        if (existing !== 'selected')
            return { visibility: existing, note: `kept visibility ${existing}` };
        const ids = await call(`GET ${name}/repositories`, () => selectedRepositoryIds(octokit, org, name));
        return { visibility: 'selected', ids, note: `kept visibility selected (${ids.length} repositories)` };
    }
    const declared = sink.repositories ?? [];
    const visibility = sink.visibility ?? (declared.length > 0 ? 'selected' : undefined);
    if (visibility === undefined) {
        throw new _secrets_manager_js__WEBPACK_IMPORTED_MODULE_3__/* .SinkError */ .y_(`GitHub secret ${name} (organization ${org}) does not exist yet and the sink says neither which repositories may read it nor a visibility: ` +
            'add `repositories: [owner/name]` (or `visibility: private|all`) to the githubSecret sink');
    }
    if (visibility !== 'selected')
        return { visibility, note: `visibility ${visibility}` };
    const ids = [];
    for (const full of declared) {
        const [owner = '', repo = ''] = full.split('/');
        try {
            ids.push(Number((await octokit.request('GET /repos/{owner}/{repo}', { owner, repo })).data.id));
        }
        catch (e) {
            if (statusOf(e) === 404) {
                throw new _secrets_manager_js__WEBPACK_IMPORTED_MODULE_3__/* .SinkError */ .y_(`GitHub secret ${name} (organization ${org}): repository ${full} in githubSecret.repositories does not exist or the token cannot see it; correct the name, or grant the token read access to it`);
            }
            throw new CallFailed(`GET /repos/${full}`, e);
        }
    }
    return { visibility, ids, note: `visibility selected (${declared.join(', ') || 'no repositories'})` };
}
async function publicKey(octokit, scope) {
    switch (scope.kind) {
        case 'org':
            return (await octokit.request('GET /orgs/{org}/actions/secrets/public-key', { org: scope.org })).data;
        case 'environment':
            return (await octokit.request('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key', { owner: scope.owner, repo: scope.repo, environment_name: scope.environment })).data;
        case 'repo':
            return (await octokit.request('GET /repos/{owner}/{repo}/actions/secrets/public-key', { owner: scope.owner, repo: scope.repo })).data;
    }
}
async function putSecret(octokit, scope, name, sealed, access) {
    switch (scope.kind) {
        case 'org':
            return (await octokit.request('PUT /orgs/{org}/actions/secrets/{secret_name}', {
                org: scope.org,
                secret_name: name,
                ...sealed,
                visibility: access.visibility,
                ...(access.visibility === 'selected' ? { selected_repository_ids: access.ids ?? [] } : {}),
            })).status;
        case 'environment':
            return (await octokit.request('PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', { owner: scope.owner, repo: scope.repo, environment_name: scope.environment, secret_name: name, ...sealed })).status;
        case 'repo':
            return (await octokit.request('PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}', { owner: scope.owner, repo: scope.repo, secret_name: name, ...sealed })).status;
    }
}
function githubMessage(e) {
    return e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
}
async function deliverToGitHubSecret(client, sink, value, accountName) {
    const name = (0,_manifest_sink_targets_js__WEBPACK_IMPORTED_MODULE_2__/* .expandAccount */ .i)(sink.name, accountName);
    const secrets = [value.secretAccessKey, client.token];
    let scope;
    const target = () => `GitHub secret ${name} (${scope?.label ?? 'unknown scope'})`;
    const key = (0,_plan_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .maskKeyId */ .Dx)(value.accessKeyId);
    try {
        scope = scopeOf(sink, client);
        const octokit = client.octokit;
        const access = scope.kind === 'org' ? await orgAccess(octokit, sink, scope.org, name) : undefined;
        const pk = await call('GET public-key', () => publicKey(octokit, scope));
        if (typeof pk.key !== 'string' || typeof pk.key_id !== 'string') {
            throw new _secrets_manager_js__WEBPACK_IMPORTED_MODULE_3__/* .SinkError */ .y_(`delivering to ${target()}: GitHub's public-key answer has no key/key_id; is GITHUB_API_URL (${client.baseUrl}) the GitHub API?`);
        }
        const sealed = { encrypted_value: await sealForGitHub(pk.key, (0,_payload_js__WEBPACK_IMPORTED_MODULE_5__/* .payloadJson */ .V)(value)), key_id: pk.key_id };
        const status = await call(`PUT ${name}`, () => putSecret(octokit, scope, name, sealed, access));
        const outcome = status === 201 ? 'created' : 'updated';
        return { target: target(), outcome: access ? `${outcome}, ${access.note}` : outcome };
    }
    catch (err) {
        if (err instanceof _secrets_manager_js__WEBPACK_IMPORTED_MODULE_3__/* .SinkError */ .y_)
            throw new _secrets_manager_js__WEBPACK_IMPORTED_MODULE_3__/* .SinkError */ .y_((0,_payload_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._)(err.message, secrets));
        const stage = err instanceof CallFailed ? err.stage : 'delivery';
        const cause = err instanceof CallFailed ? err.failure : err;
        const status = statusOf(cause);
        const limit = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__/* .rateLimitSignal */ .O9)(cause);
        let msg;
        if (limit !== undefined) {
            msg =
                `delivering key ${key} to ${target()}: GitHub's ${limit} rate limit was still in force after waiting (HTTP ${status} at ${stage}: ${githubMessage(cause)}); ` +
                    'this is not a permission problem: rerun rotate later (delivery is idempotent)';
        }
        else if (status === 401) {
            msg = `delivering key ${key} to ${target()}: GitHub rejected the token (HTTP 401 at ${stage}): it is invalid or expired; pass a valid token as github-token`;
        }
        else if ((status === 403 || status === 404) && scope !== undefined) {
            msg = `delivering key ${key} to ${target()}: ${deniedMessage(scope, status, name)}`;
        }
        else if (status !== undefined && status !== 500) {
            msg = `delivering key ${key} to ${target()} failed: HTTP ${status} at ${stage} (${githubMessage(cause)}); rerun rotate (delivery is idempotent)`;
        }
        else {
            msg = `delivering key ${key} to ${target()} failed at ${stage}: ${githubMessage(cause)}; check GITHUB_API_URL (${client.baseUrl}) and the network, then rerun rotate`;
        }
        throw new _secrets_manager_js__WEBPACK_IMPORTED_MODULE_3__/* .SinkError */ .y_((0,_payload_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._)(msg, secrets));
    }
}


/***/ }),

/***/ 9170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ payloadJson),
/* harmony export */   _: () => (/* binding */ scrub)
/* harmony export */ });
/** The JSON every sink stores, in a fixed key order. */
function payloadJson(p) {
    return JSON.stringify({ accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey, user: p.user, account: p.account, createdAt: p.createdAt });
}
/** Replaces every occurrence of the given secrets: for any text that leaves the library. */
function scrub(text, secrets) {
    let out = text;
    for (const s of secrets)
        if (s.length > 0)
            out = out.split(s).join('***');
    return out;
}


/***/ }),

/***/ 1999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gk: () => (/* binding */ secretTarget),
/* harmony export */   I7: () => (/* binding */ promoteInSecretsManager),
/* harmony export */   Jx: () => (/* binding */ deliverToSecretsManager),
/* harmony export */   gL: () => (/* binding */ versionToken),
/* harmony export */   l2: () => (/* binding */ ownershipProblem),
/* harmony export */   s_: () => (/* binding */ readStagedKey),
/* harmony export */   wr: () => (/* binding */ describeSecret),
/* harmony export */   y_: () => (/* binding */ SinkError)
/* harmony export */ });
/* unused harmony export OWNER_TAGS */
/* harmony import */ var _manifest_tool_tags_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5845);
/* harmony import */ var _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2994);
/* harmony import */ var _aws_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2495);
/* harmony import */ var _report_vendor_handoff_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4989);
/* harmony import */ var _plan_keys_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5111);
/* harmony import */ var _payload_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9170);
/**
 * Delivery to AWS Secrets Manager, staged as AWS's own rotation stages it: the new key goes in
 * as a version labelled AWSPENDING (readers still get AWSCURRENT, the old key), and moves to
 * AWSCURRENT only once every sink holds it (`promoteInSecretsManager`). The version's
 * ClientRequestToken (its version ID) is derived from the access key ID, so a retry or a rerun
 * after a crash writes no second version, and a later run can find and read back the pending
 * key (`readStagedKey`) to finish an interrupted rotation.
 *
 * Ownership: a secret this module creates is tagged with the connection, user and account it
 * holds the key of. An existing secret without those tags is someone else's and is refused
 * (checked with DescribeSecret before anything is written) unless the sink says `adopt: true`,
 * in which case it is tagged as ours first.
 *
 * The secret may live in another account or region: the caller passes a client for it.
 */






class SinkError extends Error {
    constructor(message, opts = {}) {
        super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
        this.name = 'SinkError';
    }
}
/** 32 to 64 characters, as Secrets Manager requires; one per access key. */
function versionToken(accessKeyId) {
    return `iam-connections-${accessKeyId}`.padEnd(32, '0');
}
const OWNER_TAGS = { connection: _manifest_tool_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_TAGS */ .P$.owner, user: _manifest_tool_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_TAGS */ .P$.secretUser, account: _manifest_tool_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_TAGS */ .P$.secretAccount };
function secretTarget(sink, opts) {
    const secretId = (0,_report_vendor_handoff_js__WEBPACK_IMPORTED_MODULE_2__/* .expandAccount */ .im)(sink.secretId, opts.accountName);
    const where = `${sink.account ? ` in account ${sink.account}` : ''} (${sink.region ?? opts.region})`;
    return { secretId, target: `Secrets Manager secret ${secretId}${where}` };
}
function failure(sink, target, keyId, secrets, action, err) {
    const denied = (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyAwsError */ .u3)(err) === 'denied';
    const hint = denied
        ? ` Grant ${action} on the secret${sink.kmsKeyId ? ' and kms:GenerateDataKey/kms:Encrypt/kms:Decrypt on its KMS key' : ''} to the role rotate uses${sink.account ? ` in account ${sink.account}` : ''}, then rerun rotate.`
        : ' Rerun rotate once fixed: delivery is idempotent per key.';
    return new SinkError((0,_payload_js__WEBPACK_IMPORTED_MODULE_4__/* .scrub */ ._)(`Secrets Manager step for key ${(0,_plan_keys_js__WEBPACK_IMPORTED_MODULE_3__/* .maskKeyId */ .Dx)(keyId)} on ${target} failed at ${action}: ${(0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .errorSummary */ .N5)(err)}.${hint}`, secrets));
}
async function describeSecret(client, secretId, retry) {
    try {
        const out = await (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(() => client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_5__/* .DescribeSecretCommand */ .X5({ SecretId: secretId })), { ...retry, classify: _aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyAwsError */ .u3, label: `secretsmanager:DescribeSecret ${secretId}` });
        if (out.DeletedDate !== undefined)
            return { tags: {}, versions: {} };
        const tags = Object.fromEntries((out.Tags ?? []).flatMap((t) => (t.Key !== undefined && t.Value !== undefined ? [[t.Key, t.Value]] : [])));
        return { tags, versions: out.VersionIdsToStages ?? {} };
    }
    catch (err) {
        if ((0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(err) === 'ResourceNotFoundException')
            return undefined;
        throw err;
    }
}
/**
 * Why the tool may not write this secret, or undefined when it may: it carries our owner tags
 * for this user (names compared case-insensitively, as IAM compares user names), or the sink
 * adopts it.
 */
function ownershipProblem(sink, secretId, state, owner) {
    if (state === undefined || sink.adopt === true)
        return undefined;
    const user = state.tags[OWNER_TAGS.user];
    const connection = state.tags[OWNER_TAGS.connection];
    const account = state.tags[OWNER_TAGS.account];
    const ours = user !== undefined &&
        user.toLowerCase() === owner.user.toLowerCase() &&
        (connection === undefined || connection === owner.connection) &&
        (account === undefined || account === owner.account);
    if (ours)
        return undefined;
    const holder = user !== undefined ? `the key of user ${user}${connection ? ` (connection ${connection})` : ''}${account ? ` in account ${account}` : ''}` : 'a value iam-connections did not put there';
    return (`Secrets Manager secret ${secretId} already exists and holds ${holder}, not the key of user ${owner.user} (connection ${owner.connection}): nothing was written to it. ` +
        `Name another secretId, or, if this secret is meant to hold this user's key, set adopt: true on the sink (${sink.at.file}:${sink.at.line}:${sink.at.column}).`);
}
/**
 * Stages the key as AWSPENDING (or creates the secret with it: a new secret has no reader yet,
 * so its first version is AWSCURRENT at once). `state` is what DescribeSecret said just before
 * (ownership already checked).
 */
async function deliverToSecretsManager(client, sink, value, state, opts) {
    const { secretId, target } = secretTarget(sink, opts);
    const token = versionToken(value.accessKeyId);
    const secretString = (0,_payload_js__WEBPACK_IMPORTED_MODULE_4__/* .payloadJson */ .V)(value);
    const retry = { ...opts.retry, classify: _aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyAwsError */ .u3 };
    const fail = (action, err) => failure(sink, target, value.accessKeyId, [value.secretAccessKey], action, err);
    const ownerTags = [
        { Key: OWNER_TAGS.connection, Value: opts.owner.connection },
        { Key: OWNER_TAGS.user, Value: opts.owner.user },
        { Key: OWNER_TAGS.account, Value: opts.owner.account },
    ];
    if (state !== undefined) {
        if (state.versions[token] !== undefined)
            return { target, outcome: 'already staged' };
        if (sink.adopt === true && state.tags[OWNER_TAGS.user] === undefined) {
            try {
                await (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(() => client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_5__/* .TagResourceCommand */ .eq({ SecretId: secretId, Tags: ownerTags })), { ...retry, label: `secretsmanager:TagResource ${secretId}` });
            }
            catch (err) {
                throw fail('secretsmanager:TagResource', err);
            }
        }
        try {
            await (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(() => client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_5__/* .PutSecretValueCommand */ .cp({ SecretId: secretId, SecretString: secretString, ClientRequestToken: token, VersionStages: ['AWSPENDING'] })), { ...retry, label: `secretsmanager:PutSecretValue ${secretId}` });
            return { target, outcome: 'staged as AWSPENDING' };
        }
        catch (err) {
            throw fail('secretsmanager:PutSecretValue', err);
        }
    }
    try {
        await (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(() => client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_5__/* .CreateSecretCommand */ ._f({
            Name: secretId,
            SecretString: secretString,
            ClientRequestToken: token,
            Description: `AWS access key of IAM user ${value.user} in ${value.account}, delivered by iam-connections rotate`,
            ...(sink.kmsKeyId ? { KmsKeyId: sink.kmsKeyId } : {}),
            Tags: ownerTags,
        })), { ...retry, label: `secretsmanager:CreateSecret ${secretId}` });
        return { target, outcome: 'created' };
    }
    catch (err) {
        throw fail('secretsmanager:CreateSecret', err);
    }
}
/** Moves AWSCURRENT to the key's version (off whichever version holds it). Idempotent. */
async function promoteInSecretsManager(client, sink, keyId, opts) {
    const { secretId, target } = secretTarget(sink, opts);
    const token = versionToken(keyId);
    const retry = { ...opts.retry, classify: _aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyAwsError */ .u3 };
    let state;
    try {
        state = await describeSecret(client, secretId, opts.retry);
    }
    catch (err) {
        throw failure(sink, target, keyId, [], 'secretsmanager:DescribeSecret', err);
    }
    if (state?.versions[token] === undefined) {
        throw new SinkError(`${target} has no version of key ${(0,_plan_keys_js__WEBPACK_IMPORTED_MODULE_3__/* .maskKeyId */ .Dx)(keyId)} to promote to AWSCURRENT (deleted or overwritten since it was staged): rerun rotate, which delivers it again`);
    }
    const holder = Object.entries(state.versions).find(([, stages]) => stages.includes('AWSCURRENT'))?.[0];
    if (holder === token)
        return `${target}: already AWSCURRENT`;
    try {
        await (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(() => client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_5__/* .UpdateSecretVersionStageCommand */ .be({ SecretId: secretId, VersionStage: 'AWSCURRENT', MoveToVersionId: token, ...(holder !== undefined ? { RemoveFromVersionId: holder } : {}) })), { ...retry, label: `secretsmanager:UpdateSecretVersionStage ${secretId}` });
    }
    catch (err) {
        throw failure(sink, target, keyId, [], 'secretsmanager:UpdateSecretVersionStage', err);
    }
    return `${target}: AWSCURRENT moved to ${(0,_plan_keys_js__WEBPACK_IMPORTED_MODULE_3__/* .maskKeyId */ .Dx)(keyId)}`;
}
/**
 * The secret access key of `keyId` as staged in this secret, read back to finish an interrupted
 * rotation; undefined when the version is not there or holds another key.
 */
async function readStagedKey(client, secretId, keyId, retry) {
    const out = await (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(() => client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_5__/* .GetSecretValueCommand */ .d2({ SecretId: secretId, VersionId: versionToken(keyId) })), {
        ...retry,
        classify: _aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyAwsError */ .u3,
        label: `secretsmanager:GetSecretValue ${secretId}`,
    });
    try {
        const v = JSON.parse(out.SecretString ?? '{}');
        return v.accessKeyId === keyId && typeof v.secretAccessKey === 'string' && v.secretAccessKey.length > 0 ? v.secretAccessKey : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ })

};
