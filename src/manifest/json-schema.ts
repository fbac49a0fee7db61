/**
 * JSON Schema (draft 2020-12) of manifest v1, generated from the zod schema so the two cannot
 * drift. Editors use it for completion (`# yaml-language-server: $schema=...`); the committed copy
 * in schema/connections.schema.json is checked by a test and rewritten by `npm run schema`.
 */
import { z } from 'zod';
import { manifest } from './schema.js';

export const SCHEMA_ID = 'https://github.com/iam-connections/iam-connections/schema/connections.schema.json';

type JsonObject = Record<string, unknown>;

/** Descriptions by property path (`*` = any name in a map): schema.ts's comments, for editors. */
const DESCRIPTIONS: Record<string, string> = {
  version: 'Manifest format version. Always 1.',
  defaults: 'Settings applied to every connection unless it overrides them.',
  'defaults.path': 'IAM path for everything created, e.g. /connections/ (lets the reconciler role be scoped to it).',
  'defaults.tags': 'Tags put on every resource, under the connection\'s own tags.',
  'defaults.keys': 'Access key rotation rules: durations such as 90d, 48h.',
  accounts: 'AWS accounts by name. Account IDs must be quoted 12-digit strings.',
  'accounts.*.id': 'The 12-digit AWS account ID, in quotes.',
  'accounts.*.role': 'ARN of the role iam-connections assumes in this account (via GitHub OIDC).',
  'accounts.*.via': 'Reach this account by AssumeRole from the named account\'s session.',
  connections: 'Third-party integrations by name (lowercase letters, digits and -).',
  'connections.*.vendor': 'A vendor preset: fills in policies, trust and checks from the vendor\'s runbook.',
  'connections.*.accounts': 'Accounts this connection is created in: names from `accounts`, or (with `organization`) selectors such as ou:/workloads, tag:team=data, a name glob, an account ID, or { ou, children, tags, name, exclude }.',
  organization: 'Read accounts from AWS Organizations: via (the management or delegated administrator account), roleName in each account, optional planRoleName and scope.',
  'organization.via': 'The declared account whose session reads the organisation and assumes the organisation accounts\' roles.',
  'organization.roleName': 'The role iam-connections assumes in each organisation account (apply, rotate; plan without planRoleName).',
  'organization.planRoleName': 'The read-only role plan assumes in each organisation account.',
  'organization.scope': 'The organisation accounts iam-connections manages and plan reads (so leftovers show as extra). Default: every account but the management account.',
  'connections.*.user': 'An IAM user for the vendor, with policies and an optional rotated access key.',
  'connections.*.role': 'An IAM role the vendor assumes from its own AWS account.',
  'connections.*.temporary': 'A connection that ends: its keys are deactivated at `expires` (or `ttl` after creation), everything is deleted `deleteAfter` later.',
  'connections.*.watch': 'Resources the vendor creates itself: reported, never managed.',
  'connections.*.billingBucket': 'An S3 bucket that AWS billing writes reports to and the vendor reads.',
  'connections.*.adopt': 'Take over an existing, untagged resource of the same name.',
  'connections.*.acknowledge': 'Accepted risky grants, each with the check id and a reason shown in every report.',
};

function describe(node: JsonObject, path: string): void {
  const props = node.properties as Record<string, JsonObject> | undefined;
  if (props) {
    for (const [key, child] of Object.entries(props)) {
      const p = path === '' ? key : `${path}.${key}`;
      const d = DESCRIPTIONS[p];
      if (d !== undefined && child.description === undefined) child.description = d;
      describe(child, p);
    }
  }
  const additional = node.additionalProperties;
  if (additional && typeof additional === 'object') describe(additional as JsonObject, path === '' ? '*' : `${path}.*`);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = node[key] as JsonObject[] | undefined;
    list?.forEach((o) => describe(o, path));
  }
}

/** The JSON Schema object, deterministic (same input, same output). */
export function buildJsonSchema(): JsonObject {
  const generated = z.toJSONSchema(manifest, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      // `temporary.expires` also accepts a YAML timestamp; in JSON it is a date-time string.
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string } } })._zod.def;
      if (def.type === 'date') {
        ctx.jsonSchema.type = 'string';
        ctx.jsonSchema.format = 'date-time';
      }
    },
  }) as JsonObject;
  const { $schema, ...rest } = generated;
  const out: JsonObject = {
    $schema,
    $id: SCHEMA_ID,
    title: 'iam-connections manifest (connections.yaml), version 1',
    description:
      'Third-party AWS integrations (vendor IAM users, roles, policies, access keys) declared as code. Generated from src/manifest/schema.ts by `npm run schema`: do not edit.',
    ...rest,
  };
  describe(out, '');
  return out;
}

/** The file's exact text: two-space indentation and a final newline. */
export function renderJsonSchema(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}
