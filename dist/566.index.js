export const id = 566;
export const ids = [566];
export const modules = {

/***/ 8566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cliPermissions: () => (/* binding */ cliPermissions)
});

// EXTERNAL MODULE: ./src/commands/validate.ts
var validate = __webpack_require__(10);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/report/vendor-handoff.ts
var vendor_handoff = __webpack_require__(4989);
;// CONCATENATED MODULE: ./src/permissions/actions.ts
/**
 * The AWS actions iam-connections itself calls, grouped by the resource they act on, so the
 * planner and writer policies can scope each group to the manifest's resources. A test greps the
 * source for every SDK command and fails if one is missing here: keep the lists in step with
 * src/aws, src/apply, src/rotate and src/sinks.
 */
/** Reads `plan` makes that IAM only grants on `*`. */
const PLAN_ACCOUNT_READS = ['iam:GetAccountAuthorizationDetails', 'iam:GenerateCredentialReport', 'iam:GetCredentialReport'];
/** Reads `plan` makes on a user (owned or declared). */
const PLAN_USER_READS = ['iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed', 'iam:GetLoginProfile'];
/** Reads `plan` makes on a role (owned or declared). */
const PLAN_ROLE_READS = ['iam:GetRole'];
/** Reads `plan` makes on a billing bucket (HeadBucket is authorised as s3:ListBucket). */
const PLAN_BUCKET_READS = ['s3:GetBucketPolicy', 's3:ListBucket'];
/** What apply (create, update, teardown) and rotate (keys, lock and rotation tags) do to users. */
const WRITE_USER_ACTIONS = [
    'iam:CreateUser',
    'iam:UpdateUser',
    'iam:DeleteUser',
    'iam:TagUser',
    'iam:UntagUser',
    'iam:ListUserTags',
    'iam:AttachUserPolicy',
    'iam:DetachUserPolicy',
    'iam:ListAttachedUserPolicies',
    'iam:PutUserPolicy',
    'iam:DeleteUserPolicy',
    'iam:ListUserPolicies',
    'iam:DeleteUserPermissionsBoundary',
    // A user apply just created and IAM does not list yet is read again before its first key.
    'iam:GetUser',
    'iam:CreateAccessKey',
    'iam:UpdateAccessKey',
    'iam:DeleteAccessKey',
    'iam:DeleteLoginProfile',
    'iam:ListGroupsForUser',
    'iam:ListMFADevices',
    'iam:DeactivateMFADevice',
    'iam:ListSSHPublicKeys',
    'iam:DeleteSSHPublicKey',
    'iam:ListSigningCertificates',
    'iam:DeleteSigningCertificate',
    'iam:ListServiceSpecificCredentials',
    'iam:DeleteServiceSpecificCredential',
];
/** What apply does to roles it owns. */
const WRITE_ROLE_ACTIONS = [
    'iam:CreateRole',
    'iam:UpdateRole',
    'iam:UpdateAssumeRolePolicy',
    'iam:DeleteRole',
    'iam:TagRole',
    'iam:ListRoleTags',
    'iam:AttachRolePolicy',
    'iam:DetachRolePolicy',
    'iam:ListAttachedRolePolicies',
    'iam:PutRolePolicy',
    'iam:DeleteRolePolicy',
    'iam:ListRolePolicies',
    'iam:DeleteRolePermissionsBoundary',
    'iam:ListInstanceProfilesForRole',
];
/** What apply does to the customer-managed policies it owns. */
const WRITE_POLICY_ACTIONS = [
    'iam:CreatePolicy',
    'iam:CreatePolicyVersion',
    'iam:DeletePolicyVersion',
    'iam:ListPolicyVersions',
    'iam:DeletePolicy',
    'iam:GetPolicy',
    'iam:TagPolicy',
    'iam:ListPolicyTags',
    'iam:ListEntitiesForPolicy',
];
/** Attaching is limited by an iam:PolicyARN condition to the declared and owned policies. */
const ATTACH_ACTIONS = ['iam:AttachUserPolicy', 'iam:AttachRolePolicy'];
/** Setting a boundary is limited by an iam:PermissionsBoundary condition to declared boundaries. */
const BOUNDARY_ACTIONS = ['iam:PutUserPermissionsBoundary', 'iam:PutRolePermissionsBoundary'];
/**
 * Teardown of a user or policy reaches resources whose ARNs do not carry the user's path: the
 * groups a user is in, a policy's group attachments, a role's instance profiles, and a user's
 * virtual MFA devices. The policy ARN condition keeps DetachGroupPolicy to our own policies.
 */
const TEARDOWN_GROUP_ACTIONS = ['iam:RemoveUserFromGroup', 'iam:DetachGroupPolicy'];
const TEARDOWN_INSTANCE_PROFILE_ACTIONS = ['iam:RemoveRoleFromInstanceProfile'];
const TEARDOWN_MFA_ACTIONS = ['iam:DeleteVirtualMFADevice'];
/** Billing buckets: created if absent, their policy merged with the vendor's statements. */
const WRITE_BUCKET_ACTIONS = ['s3:CreateBucket', 's3:GetBucketPolicy', 's3:PutBucketPolicy', 's3:ListBucket'];
/**
 * Secrets Manager sinks, staged as AWS's own rotation stages them: DescribeSecret checks the
 * owner tags before any write; the secret is created tagged (TagResource) the first time; a new
 * key goes in as AWSPENDING (PutSecretValue) and is promoted to AWSCURRENT once every sink holds
 * it (UpdateSecretVersionStage). GetSecretValue reads a pending key back so the next run can
 * finish a rotation a crash interrupted; without it such a key is retired instead (slower, and
 * a sink written after Secrets Manager may briefly hold a key that is later deactivated).
 */
const WRITE_SECRET_ACTIONS = [
    'secretsmanager:DescribeSecret',
    'secretsmanager:CreateSecret',
    'secretsmanager:TagResource',
    'secretsmanager:PutSecretValue',
    'secretsmanager:UpdateSecretVersionStage',
    'secretsmanager:GetSecretValue',
];
/** A sink secret encrypted with a customer key needs the key, through Secrets Manager only (Decrypt: reading a pending key back). */
const WRITE_SECRET_KMS_ACTIONS = ['kms:GenerateDataKey', 'kms:Encrypt', 'kms:Decrypt'];
/** What reading the organisation calls (src/org/read.ts): the `organization.via` account only. */
const ORG_READS = ['organizations:ListRoots', 'organizations:ListOrganizationalUnitsForParent', 'organizations:ListAccountsForParent', 'organizations:ListTagsForResource'];

;// CONCATENATED MODULE: ./src/permissions/organization.ts

/** `role`: the role name the hub assumes in each organisation account (roleName, or planRoleName for the planner). */
function organizationStatements(manifest, role) {
    const org = manifest.organization;
    const hub = org && manifest.accounts.find((a) => a.name === org.via);
    if (!org || !hub)
        return [];
    const onlyHub = { StringEquals: { 'aws:PrincipalAccount': [hub.id] } };
    return [
        // Organizations list calls do not support resource-level scoping for ListRoots; '*' held to the hub by the condition.
        { Sid: 'OrganizationReads', Effect: 'Allow', Action: [...ORG_READS], Resource: ['*'], Condition: onlyHub },
        // Account IDs are known only at run time: the role name (and the hub condition) is the scope.
        { Sid: 'OrganizationAccounts', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [`arn:aws:iam::*:role/${role(org)}`], Condition: onlyHub },
    ];
}

;// CONCATENATED MODULE: ./src/permissions/roles.ts



const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
class PermissionsInputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PermissionsInputError';
    }
}
const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const BRANCH = /^[^\s*?[\]~^:\\]+$/;
const ENVIRONMENT = /^[^\s*?'"`,;:\\]{1,255}$/;
function checkOptions(opts) {
    if (!REPO.test(opts.repository)) {
        throw new PermissionsInputError(`repository must be owner/name (for example acme/infra), not "${opts.repository}"`);
    }
    if (opts.defaultBranch !== undefined && !BRANCH.test(opts.defaultBranch)) {
        throw new PermissionsInputError(`branch "${opts.defaultBranch}" is not a branch name (no spaces or wildcards: the trust matches it exactly)`);
    }
    if (opts.environment !== undefined && !ENVIRONMENT.test(opts.environment)) {
        throw new PermissionsInputError(`environment "${opts.environment}" is not an environment name (no spaces, quotes or wildcards)`);
    }
}
const sorted = (xs) => [...new Set(xs)].sort();
/** The writer's name: the manifest's role for the account, else `iam-connections`. */
function writerName(accounts) {
    const names = sorted(accounts.map((a) => a.role?.split('/').pop()).filter((n) => n !== undefined && n !== ''));
    return names.length === 1 ? names[0] : 'iam-connections';
}
function providerArn(opts, accountId) {
    const p = opts.oidcProvider ?? GITHUB_OIDC_HOST;
    return p.startsWith('arn:') ? p : `arn:aws:iam::${accountId}:oidc-provider/${p.replace(/^https:\/\//, '')}`;
}
function oidcHost(opts) {
    const p = opts.oidcProvider ?? GITHUB_OIDC_HOST;
    return p.startsWith('arn:') ? p.replace(/^arn:aws:iam::\d{12}:oidc-provider\//, '') : p.replace(/^https:\/\//, '');
}
function oidcStatement(opts, accountIds, subjects) {
    const host = oidcHost(opts);
    return {
        Sid: 'GitHubOidc',
        Effect: 'Allow',
        Principal: { Federated: sorted(accountIds.map((id) => providerArn(opts, id))) },
        Action: ['sts:AssumeRoleWithWebIdentity'],
        Condition: { StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com', [`${host}:sub`]: subjects } },
    };
}
function hubStatement(hubRoleArns) {
    return { Sid: 'ViaHub', Effect: 'Allow', Principal: { AWS: sorted(hubRoleArns) }, Action: ['sts:AssumeRole'] };
}
const roleArn = (accountId, name) => `arn:aws:iam::${accountId}:role/${name}`;
function trusts(manifest, name, opts, subjects) {
    const byName = new Map(manifest.accounts.map((a) => [a.name, a]));
    const byAccount = {};
    const direct = [];
    const hubs = [];
    for (const a of manifest.accounts) {
        const hub = a.via !== undefined ? byName.get(a.via) : undefined;
        if (hub !== undefined) {
            hubs.push(roleArn(hub.id, name));
            byAccount[a.name] = { Version: '2012-10-17', Statement: [hubStatement([roleArn(hub.id, name)])] };
        }
        else {
            direct.push(a.id);
            byAccount[a.name] = { Version: '2012-10-17', Statement: [oidcStatement(opts, [a.id], subjects)] };
        }
    }
    const statements = [];
    if (direct.length > 0)
        statements.push(oidcStatement(opts, direct, subjects));
    if (hubs.length > 0)
        statements.push(hubStatement(hubs));
    return { trust: { Version: '2012-10-17', Statement: statements }, byAccount };
}
/** IAM paths of everything the manifest declares (the default path included). */
function paths(manifest) {
    const out = [manifest.defaults.path];
    for (const c of manifest.connections) {
        if (c.user)
            out.push(c.user.path);
        if (c.role)
            out.push(c.role.path);
    }
    return sorted(out);
}
function scope(manifest) {
    return {
        accountIds: sorted(manifest.accounts.map((a) => a.id)),
        paths: paths(manifest),
        users: sorted(manifest.connections.flatMap((c) => (c.user ? [c.user.name] : []))),
        roles: sorted(manifest.connections.flatMap((c) => (c.role ? [c.role.name] : []))),
    };
}
/** Everything under our paths, plus declared names wherever they are (a clash is read, never changed). */
function readArns(s, type, names) {
    return sorted(s.accountIds.flatMap((id) => [
        ...s.paths.map((p) => `arn:aws:iam::${id}:${type}${p}*`),
        ...names.flatMap((n) => [`arn:aws:iam::${id}:${type}/${n}`, `arn:aws:iam::${id}:${type}/*/${n}`]),
    ]));
}
const underPaths = (s, type) => sorted(s.accountIds.flatMap((id) => s.paths.map((p) => `arn:aws:iam::${id}:${type}${p}*`)));
function buckets(manifest) {
    return sorted(manifest.connections.flatMap((c) => (c.billingBucket ? [`arn:aws:s3:::${c.billingBucket.name}`] : [])));
}
/** The hub's sts:AssumeRole onto the roles of the accounts reached through it. */
function viaTargets(manifest, name) {
    return sorted(manifest.accounts.filter((a) => a.via !== undefined).map((a) => roleArn(a.id, name(a))));
}
function accountId(manifest, ref, fallback) {
    if (ref === undefined)
        return fallback;
    if (/^\d{12}$/.test(ref))
        return ref;
    return manifest.accounts.find((a) => a.name === ref)?.id ?? fallback;
}
function secrets(manifest) {
    const arns = [];
    const kmsKeys = [];
    const byName = new Map(manifest.accounts.map((a) => [a.name, a]));
    for (const c of manifest.connections) {
        for (const sink of c.user?.accessKey?.deliver ?? []) {
            if (sink.kind !== 'secretsManager')
                continue;
            for (const accountName of c.accounts) {
                const account = byName.get(accountName);
                if (account === undefined)
                    continue;
                const id = accountId(manifest, sink.account, account.id);
                // The region is the action's aws-region unless the sink or account pins one.
                const region = sink.region ?? (sink.account === undefined ? account.region : undefined) ?? manifest.defaults.region ?? '*';
                // Secrets Manager appends `-` and six random characters to a secret's ARN.
                arns.push(`arn:aws:secretsmanager:${region}:${id}:secret:${(0,vendor_handoff/* expandAccount */.im)(sink.secretId, accountName)}-*`);
                if (sink.kmsKeyId !== undefined)
                    kmsKeys.push(sink.kmsKeyId.startsWith('arn:') ? sink.kmsKeyId : `arn:aws:kms:${region}:${id}:*`);
            }
        }
    }
    return { arns: sorted(arns), kmsKeys: sorted(kmsKeys) };
}
function boundaries(manifest) {
    return sorted(manifest.connections.flatMap((c) => [c.user?.permissionsBoundary, c.role?.permissionsBoundary].filter((b) => b !== undefined)));
}
function attachable(manifest, s) {
    const declared = manifest.connections.flatMap((c) => [...(c.user?.managedPolicies ?? []), ...(c.role?.managedPolicies ?? [])]);
    return sorted([...declared, ...underPaths(s, 'policy')]);
}
function plannerPolicy(manifest, s, plannerName) {
    const statements = [
        { Sid: 'AccountInventory', Effect: 'Allow', Action: [...PLAN_ACCOUNT_READS], Resource: ['*'] },
        { Sid: 'UserKeysAndLogins', Effect: 'Allow', Action: [...PLAN_USER_READS], Resource: readArns(s, 'user', s.users) },
    ];
    // Owned roles left over from an earlier manifest are read too, for the `extra` report.
    statements.push({ Sid: 'RoleDetails', Effect: 'Allow', Action: [...PLAN_ROLE_READS], Resource: readArns(s, 'role', s.roles) });
    const b = buckets(manifest);
    if (b.length > 0)
        statements.push({ Sid: 'BillingBuckets', Effect: 'Allow', Action: [...PLAN_BUCKET_READS], Resource: b });
    const via = viaTargets(manifest, () => plannerName);
    if (via.length > 0)
        statements.push({ Sid: 'ViaHub', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: via });
    statements.push(...organizationStatements(manifest, (o) => o.planRoleName ?? o.roleName));
    statements.push({ Sid: 'WhoAmI', Effect: 'Allow', Action: ['sts:GetCallerIdentity'], Resource: ['*'] });
    return { Version: '2012-10-17', Statement: statements };
}
function writerPolicy(manifest, s, writer) {
    const policyArns = underPaths(s, 'policy');
    const statements = [
        { Sid: 'AccountInventory', Effect: 'Allow', Action: [...PLAN_ACCOUNT_READS], Resource: ['*'] },
        { Sid: 'ReadDeclaredUsers', Effect: 'Allow', Action: [...PLAN_USER_READS], Resource: readArns(s, 'user', s.users) },
        { Sid: 'ReadDeclaredRoles', Effect: 'Allow', Action: [...PLAN_ROLE_READS], Resource: readArns(s, 'role', s.roles) },
        { Sid: 'UsersUnderPath', Effect: 'Allow', Action: sorted(WRITE_USER_ACTIONS.filter((a) => !ATTACH_ACTIONS.includes(a))), Resource: underPaths(s, 'user') },
        { Sid: 'RolesUnderPath', Effect: 'Allow', Action: sorted(WRITE_ROLE_ACTIONS.filter((a) => !ATTACH_ACTIONS.includes(a))), Resource: underPaths(s, 'role') },
        { Sid: 'PoliciesUnderPath', Effect: 'Allow', Action: [...WRITE_POLICY_ACTIONS], Resource: policyArns },
        {
            Sid: 'AttachOnlyDeclaredPolicies',
            Effect: 'Allow',
            Action: [...ATTACH_ACTIONS],
            Resource: sorted([...underPaths(s, 'user'), ...underPaths(s, 'role')]),
            Condition: { ArnLike: { 'iam:PolicyARN': attachable(manifest, s) } },
        },
        {
            Sid: 'TeardownGroupLinks',
            Effect: 'Allow',
            Action: [...TEARDOWN_GROUP_ACTIONS],
            Resource: sorted(s.accountIds.map((id) => `arn:aws:iam::${id}:group/*`)),
            Condition: { ArnLikeIfExists: { 'iam:PolicyARN': policyArns } },
        },
        { Sid: 'TeardownInstanceProfileLinks', Effect: 'Allow', Action: [...TEARDOWN_INSTANCE_PROFILE_ACTIONS], Resource: sorted(s.accountIds.map((id) => `arn:aws:iam::${id}:instance-profile/*`)) },
        // A virtual MFA device's ARN does not carry its user's path; IAM refuses to delete one still
        // assigned to another user, and teardown deletes only devices it just deactivated on ours.
        { Sid: 'TeardownVirtualMfa', Effect: 'Allow', Action: [...TEARDOWN_MFA_ACTIONS], Resource: sorted(s.accountIds.map((id) => `arn:aws:iam::${id}:mfa/*`)) },
    ];
    const bounds = boundaries(manifest);
    if (bounds.length > 0) {
        statements.push({
            Sid: 'OnlyDeclaredBoundaries',
            Effect: 'Allow',
            Action: [...BOUNDARY_ACTIONS],
            Resource: sorted([...underPaths(s, 'user'), ...underPaths(s, 'role')]),
            Condition: { ArnEquals: { 'iam:PermissionsBoundary': bounds } },
        });
    }
    const b = buckets(manifest);
    if (b.length > 0)
        statements.push({ Sid: 'BillingBuckets', Effect: 'Allow', Action: [...WRITE_BUCKET_ACTIONS], Resource: b });
    const sec = secrets(manifest);
    if (sec.arns.length > 0)
        statements.push({ Sid: 'SinkSecrets', Effect: 'Allow', Action: [...WRITE_SECRET_ACTIONS], Resource: sec.arns });
    if (sec.kmsKeys.length > 0) {
        statements.push({
            Sid: 'SinkSecretKeys',
            Effect: 'Allow',
            Action: [...WRITE_SECRET_KMS_ACTIONS],
            Resource: sec.kmsKeys,
            Condition: { StringLike: { 'kms:ViaService': 'secretsmanager.*.amazonaws.com' } },
        });
    }
    const via = viaTargets(manifest, (a) => a.role?.split('/').pop() ?? writer);
    if (via.length > 0)
        statements.push({ Sid: 'ViaHub', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: via });
    statements.push(...organizationStatements(manifest, (o) => o.roleName));
    statements.push({ Sid: 'WhoAmI', Effect: 'Allow', Action: ['sts:GetCallerIdentity'], Resource: ['*'] });
    return { Version: '2012-10-17', Statement: statements };
}
function permissionsFor(manifest, opts) {
    checkOptions(opts);
    const branch = opts.defaultBranch ?? 'main';
    const s = scope(manifest);
    const writer = writerName(manifest.accounts);
    const planner = `${writer}-planner`;
    const branchSub = `repo:${opts.repository}:ref:refs/heads/${branch}`;
    const plannerTrust = trusts(manifest, planner, opts, [`repo:${opts.repository}:pull_request`, branchSub]);
    // A job in an environment presents the environment as its subject, not the branch: admitting
    // only the environment makes its protection rules (reviewers, branches) the gate.
    const writerSubs = opts.environment !== undefined ? [`repo:${opts.repository}:environment:${opts.environment}`] : [branchSub];
    const writerTrust = trusts(manifest, writer, opts, writerSubs);
    return {
        planner: {
            name: planner,
            purpose: `read-only, for \`plan\`: assumable by pull-request runs and ${branch} of ${opts.repository}; reads the inventory, keys and billing bucket policies, writes nothing`,
            trust: plannerTrust.trust,
            trustByAccount: plannerTrust.byAccount,
            policy: plannerPolicy(manifest, s, planner),
        },
        writer: {
            name: writer,
            purpose: `writer, for \`apply\` and \`rotate\`: assumable only by ${opts.environment !== undefined ? `jobs in the environment "${opts.environment}"` : `the ${branch} branch`} of ${opts.repository}; changes only IAM resources under ${s.paths.join(', ')}, the sink secrets and billing buckets`,
            trust: writerTrust.trust,
            trustByAccount: writerTrust.byAccount,
            policy: writerPolicy(manifest, s, writer),
        },
    };
}
/** Every action a document allows (for tests and the text summary). */
function allowedActions(doc) {
    return sorted(doc.Statement.filter((st) => st.Effect === 'Allow').flatMap((st) => st.Action));
}

;// CONCATENATED MODULE: ./src/permissions/render.ts
function roleText(title, r) {
    // A federated principal must be the account's own OIDC provider, so with several accounts
    // each gets its own trust policy: the OIDC statement only where GitHub reaches it directly.
    const perAccount = Object.entries(r.trustByAccount);
    const lines = [`${title} role "${r.name}": ${r.purpose}`, ''];
    if (perAccount.length > 1) {
        lines.push('Trust policy, per account:');
        for (const [account, doc] of perAccount)
            lines.push(`${account}:`, JSON.stringify(doc, null, 2));
    }
    else {
        lines.push('Trust policy:', JSON.stringify(r.trust, null, 2));
    }
    lines.push('', 'Permissions policy (the same in every account):', JSON.stringify(r.policy, null, 2));
    return lines.join('\n');
}
function renderPermissionsText(p) {
    return [
        roleText('Planner', p.planner),
        '',
        roleText('Writer', p.writer),
        '',
        'Use the planner role in pull-request and plan workflows, the writer role only in the apply and rotate',
        'workflows; iam:PassRole is not needed. The writer can grant what the manifest declares: protect the',
        'default branch (or the environment) it trusts with required reviews.',
        'On GitHub, the apply and rotate workflows need `permissions: id-token: write` and `actions: read` (to see',
        'whether the run holding a rotate lock has ended; without it a stale lock waits out its 15-minute expiry).',
    ].join('\n');
}
function renderPermissionsJson(p) {
    return JSON.stringify(p, null, 2);
}

// EXTERNAL MODULE: ./src/report/findings-text.ts
var findings_text = __webpack_require__(8188);
// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
;// CONCATENATED MODULE: ./src/cli/permissions.ts
/**
 * `iam-connections permissions`: the planner and writer roles the action needs for this
 * manifest (trust and permissions policies), to paste into the accounts' infrastructure code.
 * Offline: reads the manifest only.
 */






/** `iam-connections permissions`: options parsed by the command table (./commands.ts). */
function cliPermissions(ctx, values) {
    return Promise.resolve(run(ctx, values));
}
function run(ctx, values) {
    const { io, manifest } = ctx;
    const repository = (0,context/* str */.g)(values, 'repository') ?? io.env.GITHUB_REPOSITORY;
    if (!repository) {
        io.err("iam-connections permissions: --repository owner/name is required (the trust policies name it); see 'iam-connections permissions --help'\n");
        return 2;
    }
    const branch = (0,context/* str */.g)(values, 'branch');
    const environment = (0,context/* str */.g)(values, 'environment');
    const oidcProvider = (0,context/* str */.g)(values, 'oidc-provider');
    const result = (0,validate/* validate */.t)(manifest, { root: (0,context/* str */.g)(values, 'root') ?? io.cwd, env: io.env });
    const blocking = result.findings.filter(diagnostics/* isBlocking */.Us);
    if (!result.manifest || blocking.length > 0) {
        io.err(`${(0,findings_text/* renderFindingsText */.uc)(blocking)}\n\n${manifest}: INVALID; fix it, then ask for its permissions again\n`);
        return 1;
    }
    try {
        const p = permissionsFor(result.manifest, {
            repository,
            ...(branch !== undefined ? { defaultBranch: branch } : {}),
            ...(environment !== undefined ? { environment } : {}),
            ...(oidcProvider !== undefined ? { oidcProvider } : {}),
        });
        const rendered = ctx.format === 'json' ? renderPermissionsJson(p) : renderPermissionsText(p);
        io.out(ctx.format === 'markdown' ? `## iam-connections permissions\n\n\`\`\`text\n${rendered}\n\`\`\`\n` : `${rendered}\n`);
        return 0;
    }
    catch (err) {
        if (err instanceof PermissionsInputError) {
            io.err(`iam-connections permissions: ${err.message}\n`);
            return 2;
        }
        throw err;
    }
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


/***/ })

};
