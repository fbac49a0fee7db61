/**
 * Manifest v1, defined once. The JSON Schema in schema/connections.schema.json is generated
 * from this file (`npm run schema`); the zod parse gives the field-level errors, and the
 * cross-field rules (duplicates, undeclared accounts, presets) live in ./rules.ts.
 *
 * Values stay as the user wrote them (durations as `90d`); ./normalize.ts turns them into
 * numbers once the whole document is known to be valid.
 */
import { z } from 'zod';

/** IAM's own character class for user, role and policy names. */
export const IAM_NAME = /^[\w+=,.@-]+$/;
/** IAM paths: `/` or `/a/b/`, printable ASCII, at most 512 characters. */
export const IAM_PATH = /^(\/|\/[\x21-\x7e]*\/)$/;
/** STS ExternalId: 2 to 1,224 characters of `[\w+=,.@:/-]`. */
export const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
export const ACCOUNT_ID = /^\d{12}$/;
export const DURATION = /^(\d+)(s|m|h|d|w)$/;
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Tag keys and values: letters, numbers, spaces and `_.:/=+-@` (IAM's rule). */
export const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

const text = (what: string) =>
  z.string({ error: (iss) => (iss.input === undefined ? `${what} is required` : `${what} must be a string`) });

const iamName = (what: string, max: number) =>
  text(what)
    .min(1, `${what} must not be empty`)
    .max(max, `${what} is longer than IAM's ${max}-character limit`)
    .regex(IAM_NAME, `${what} may contain only letters, digits and + = , . @ _ - (IAM's rule)`);

export const userName = iamName('user name', 64);
export const roleName = iamName('role name', 64);
export const policyName = iamName('policy name', 128);

export const iamPath = text('path')
  .max(512, 'path is longer than 512 characters')
  .regex(IAM_PATH, 'path must be "/" or start and end with "/" (for example /connections/)');

/**
 * An unquoted ID is a YAML number. Only a short one lost leading zeros (or YAML read it as
 * octal or in exponent form, which the digits cannot show): say so only then.
 */
export function accountIdNumberMessage(n: number): string {
  const digits = Number.isSafeInteger(n) && n >= 0 ? String(n) : undefined;
  if (digits !== undefined && digits.length === 12) {
    return `account ID must be a quoted string: YAML reads the unquoted ${digits} as a number, and IDs must be strings; write "${digits}" in quotes`;
  }
  if (digits !== undefined && digits.length < 12) {
    return `account ID must be a quoted 12-digit string: YAML read it as the number ${digits}, which dropped its leading zeros; write "${digits.padStart(12, '0')}" in quotes (check it is the ID you meant)`;
  }
  return `account ID must be a quoted 12-digit string: YAML read it as the number ${n}, not 12 digits; write the ID in quotes, for example "111122223333"`;
}

export const accountId = z
  .string({
    error: (iss) =>
      typeof iss.input === 'number'
        ? accountIdNumberMessage(iss.input)
        : 'account ID must be a 12-digit string in quotes',
  })
  .regex(ACCOUNT_ID, 'account ID must be exactly 12 digits, in quotes (for example "111122223333")');

export const duration = text('duration').regex(
  DURATION,
  'duration must be a whole number followed by s, m, h, d or w (for example 90d or 48h)',
);

/** A value that is written in the manifest, or read from the environment at run time. */
export const envRef = z.strictObject({
  env: text('env').regex(ENV_NAME, 'env must name an environment variable (letters, digits, _)'),
});
export const externalIdValue = z.union([
  text('externalId').regex(EXTERNAL_ID, 'externalId must be 2 to 1,224 characters of letters, digits and _+=,.@:/- (no spaces)'),
  envRef,
]);

export const tags = z.record(
  text('tag key')
    .min(1, 'tag key must not be empty')
    .max(128, 'tag key is longer than 128 characters')
    .regex(TAG_CHARS, 'tag key may contain only letters, digits, spaces and _.:/=+-@')
    .refine((k) => !k.toLowerCase().startsWith('aws:'), 'tag keys starting with "aws:" are reserved by AWS'),
  z
    .string({ error: 'tag value must be a string (quote numbers and booleans)' })
    .max(256, 'tag value is longer than 256 characters')
    .regex(TAG_CHARS, 'tag value may contain only letters, digits, spaces and _.:/=+-@'),
);

export const keySettings = z.strictObject({
  /** Age after which a key is replaced. */
  rotateAfter: duration.optional(),
  /** How long the old key stays active after its replacement was delivered. */
  overlap: duration.optional(),
  /** How long an inactive old key is kept before it is deleted. */
  deleteAfter: duration.optional(),
  /** The old key is deactivated only if unused for this long (GetAccessKeyLastUsed). */
  requireUnusedFor: duration.optional(),
  /** Deactivate the old key after `overlap` even if it is still in use. */
  force: z.boolean().optional(),
});

export const sink = z.union([
  z.strictObject({
    secretsManager: z.strictObject({
      /** `{account}` and `{ACCOUNT}` expand to the account name. */
      secretId: text('secretId').min(1).max(512),
      /** Account (by manifest name) that holds the secret; default: the connection's account. */
      account: text('account').optional(),
      region: text('region').optional(),
      kmsKeyId: text('kmsKeyId').optional(),
      /** Write into an existing secret iam-connections did not create for this user (default: refused). */
      adopt: z.boolean().optional(),
    }),
  }),
  z.strictObject({
    githubSecret: z.strictObject({
      /** `owner/name`; default: the repository running the workflow. */
      repository: text('repository')
        .regex(/^[\w.-]+\/[\w.-]+$/, 'repository must be owner/name')
        .optional(),
      environment: text('environment').optional(),
      organization: text('organization').optional(),
      /**
       * Organisation secrets only: who may read a secret this tool creates. An existing secret
       * keeps the visibility and repositories it has; these apply when the secret is new.
       */
      visibility: z.enum(['private', 'all', 'selected'], { error: 'visibility must be private, all or selected' }).optional(),
      /** Organisation secrets only: the repositories (`owner/name`) a new `selected` secret is shared with. */
      repositories: z.array(text('repository').regex(/^[\w.-]+\/[\w.-]+$/, 'repository must be owner/name')).optional(),
      /** `{account}`/`{ACCOUNT}` expand to the account name (upper-cased for the latter). */
      name: text('name').regex(/^[A-Za-z_{][A-Za-z0-9_{}]*$/, 'GitHub secret names may contain only letters, digits and _'),
    }),
  }),
  z.strictObject({ output: z.union([z.literal(true), z.strictObject({ name: text('name') })]) }),
]);

export const accessKey = z.strictObject({
  ...keySettings.shape,
  deliver: z.array(sink).optional(),
});

export const policyRef = z.union([
  z.strictObject({
    /** JSON policy document, relative to the manifest's folder. */
    file: text('file').min(1),
    /** Name of the customer-managed policy; default: `<connection>-<file name>`. */
    name: policyName.optional(),
    description: text('description').max(1000).optional(),
  }),
  z.strictObject({
    name: policyName,
    /** The policy document written inline in YAML. */
    document: z.record(z.string(), z.unknown()),
    description: text('description').max(1000).optional(),
  }),
]);

/** AWS-managed policy by name (`ReadOnlyAccess`) or ARN (`arn:aws:iam::aws:policy/...`). */
export const managedPolicy = text('managed policy').regex(
  /^(arn:aws[\w-]*:iam::(aws|\d{12}):policy\/[\w+=,.@/-]+|[\w+=,.@/-]+)$/,
  'managed policy must be an AWS-managed policy name such as ReadOnlyAccess, or a policy ARN',
);

const principalCommon = {
  path: iamPath.optional(),
  tags: tags.optional(),
  /** Customer-managed policies created and attached by iam-connections. */
  policies: z.array(policyRef).optional(),
  /** Inline policies (counted against IAM's inline size limit). */
  inlinePolicies: z.array(policyRef).optional(),
  /** AWS-managed (or pre-existing) policies to attach. */
  managedPolicies: z.array(managedPolicy).optional(),
  /** Extra permissions boundary ARN. */
  permissionsBoundary: managedPolicy.optional(),
};

export const user = z.strictObject({
  name: userName,
  ...principalCommon,
  accessKey: accessKey.optional(),
});

export const trust = z.strictObject({
  /** The vendor's AWS account (12 digits). */
  awsAccount: accountId.optional(),
  /** Specific vendor principals (role or user ARNs). */
  awsPrincipals: z.array(text('principal ARN')).optional(),
  externalId: externalIdValue.optional(),
  /** Extra condition block, merged into the generated trust statement. */
  conditions: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  /** A complete trust policy document instead of the generated one. */
  file: text('file').optional(),
});

export const role = z.strictObject({
  name: roleName,
  ...principalCommon,
  trust,
  description: text('description').max(1000).optional(),
  /** Seconds, 3600 to 43200. */
  maxSessionDuration: z
    .number({ error: 'maxSessionDuration must be a number of seconds' })
    .int()
    .min(3600, 'maxSessionDuration must be at least 3600 seconds')
    .max(43200, 'maxSessionDuration must be at most 43200 seconds')
    .optional(),
});

export const temporary = z.strictObject({
  /** ISO-8601 instant after which the keys are deactivated. */
  expires: z
    .union([text('expires'), z.date()])
    .transform((v) => (v instanceof Date ? v.toISOString() : v))
    .optional(),
  /** Or: this long after the user was created. */
  ttl: duration.optional(),
  /** After expiry, how long until the user, its keys and its policies are removed (default 7d). */
  deleteAfter: duration.optional(),
});

export const watch = z.strictObject({
  roles: z.array(roleName).optional(),
  users: z.array(userName).optional(),
  policies: z.array(policyName).optional(),
});

export const billingBucket = z.strictObject({
  name: text('bucket name')
    .min(3)
    .max(63)
    .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, 'bucket name must be 3-63 lowercase letters, digits, dots and hyphens'),
  region: text('region').optional(),
});

export const acknowledgement = z.strictObject({
  /** The check id being acknowledged, e.g. `policy/privilege-escalation`. */
  check: text('check').min(1),
  /** Why this is acceptable for this vendor: shown in every report. */
  reason: text('reason').min(10, 'reason must say why (at least 10 characters)'),
  /** Limit the acknowledgement to one action, e.g. `iam:CreateAccessKey`. */
  action: text('action').optional(),
});

/*
 * Organisation account selectors (issue 15). A connection's `accounts` (and the `accounts`
 * input) may hold selectors as well as declared names; they are resolved against AWS
 * Organizations by plan, apply and rotate (src/org/), and checked for syntax here.
 */
const selectorText = text('account selector').min(1, 'account selector must not be empty');

export const accountSelectorObject = z.strictObject({
  /** OU ID (`ou-...`), root ID (`r-...`) or path of OU names from the root (`/workloads`; `/` is the whole organisation). */
  ou: text('ou').min(1).optional(),
  /** With `ou`: also the accounts of the OUs below it (default true). */
  children: z.boolean().optional(),
  /** Accounts carrying every one of these tags (read with ListTagsForResource only when a selector has tags). */
  tags: z.record(z.string(), z.string({ error: 'tag value must be a string (quote numbers and booleans)' })).optional(),
  /** Glob (`*`, `?`) over the accounts' stable names, or a 12-digit account ID. */
  name: selectorText.optional(),
  /** Accounts to leave out: names, globs, IDs, `ou:/path` or `tag:key=value`. */
  exclude: z.array(selectorText).optional(),
});

/** A declared account's name, a selector's short form (`ou:/workloads`, `tag:k=v`, glob, ID), or a selector. */
export const accountRef = z.union([selectorText, accountSelectorObject]);

export const organization = z.strictObject({
  /** The declared account (management or delegated administrator) whose session reads the organisation. */
  via: text('via').min(1),
  /** The role iam-connections assumes in each organisation account (from the `via` account's session). */
  roleName: roleName,
  /** The read-only role plan assumes instead, where one is deployed. */
  planRoleName: roleName.optional(),
  /** The organisation accounts iam-connections manages (read by plan, so leftovers show as extra). Default: every account but the management account. */
  scope: z.array(accountRef).optional(),
});

export const connection = z.strictObject({
  /** A preset from the catalogue: fills in documents, trust and checks. */
  vendor: text('vendor').optional(),
  description: text('description').optional(),
  accounts: z.array(accountRef).min(1, 'accounts must name at least one account'),
  user: user.optional(),
  role: role.optional(),
  temporary: temporary.optional(),
  watch: watch.optional(),
  billingBucket: billingBucket.optional(),
  /** Take over an existing, untagged resource of the same name. */
  adopt: z.boolean().optional(),
  acknowledge: z.array(acknowledgement).optional(),
  tags: tags.optional(),
});

const roleArn = (what: string) =>
  text(`${what} ARN`).regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, `${what} must be a role ARN: arn:aws:iam::<12 digits>:role/<name>`);

export const account = z.strictObject({
  id: accountId,
  /** Role that iam-connections assumes in this account (apply and rotate; plan too unless planRole is set). */
  role: roleArn('role').optional(),
  /** Read-only role for plan (the planner role of `iam-connections permissions`), trusted by pull-request runs. */
  planRole: roleArn('planRole').optional(),
  /** Reach this account by AssumeRole from the named account's session. */
  via: text('via').optional(),
  region: text('region').optional(),
});

export const defaults = z.strictObject({
  path: iamPath.optional(),
  tags: tags.optional(),
  keys: keySettings.optional(),
  region: text('region').optional(),
  /**
   * Names for AWS account IDs that the public vendor catalogue lacks (or names differently), used by
   * discover and the plan's undeclared doors: `{ "123456789012": "Acme SIEM" }`. Quote the IDs.
   */
  knownAccounts: z
    .record(z.string().regex(/^\d{12}$/, 'knownAccounts keys are 12-digit AWS account IDs, quoted'), text('vendor name'))
    .optional(),
  /** false: plan does not report undeclared third-party doors (drift kind `undeclared`). Default true. */
  discover: z.boolean().optional(),
});

export const manifest = z.strictObject({
  version: z.literal(1, { error: 'version must be 1' }),
  defaults: defaults.optional(),
  accounts: z.record(
    text('account name').regex(/^[A-Za-z0-9][\w-]{0,63}$/, 'account names may contain letters, digits, _ and -'),
    account,
  ),
  organization: organization.optional(),
  connections: z.record(
    text('connection name').regex(
      /^[a-z0-9][a-z0-9-]{0,47}$/,
      'connection names must be lowercase letters, digits and -, at most 48 characters',
    ),
    connection,
  ),
});

export type ManifestInput = z.input<typeof manifest>;
export type ManifestDoc = z.output<typeof manifest>;
export type ConnectionDoc = z.output<typeof connection>;
export type UserDoc = z.output<typeof user>;
export type RoleDoc = z.output<typeof role>;
export type PolicyRefDoc = z.output<typeof policyRef>;
export type SinkDoc = z.output<typeof sink>;
export type KeySettingsDoc = z.output<typeof keySettings>;
export type TrustDoc = z.output<typeof trust>;
export type AccountRefDoc = z.output<typeof accountRef>;
export type OrganizationDoc = z.output<typeof organization>;
