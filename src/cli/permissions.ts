/**
 * `iam-connections permissions`: the planner and writer roles the action needs for this
 * manifest (trust and permissions policies), to paste into the accounts' infrastructure code.
 * Offline: reads the manifest only.
 */
import { parseArgs } from 'node:util';
import { validate } from '../commands/validate.js';
import { isBlocking } from '../diagnostics.js';
import { PermissionsInputError, permissionsFor } from '../permissions/roles.js';
import { renderPermissionsJson, renderPermissionsText } from '../permissions/render.js';
import { renderFindingsText } from '../report/findings-text.js';
import type { CliIo } from './main.js';

export const PERMISSIONS_USAGE = `Usage: iam-connections permissions -m connections.yaml --repository owner/name [options]

Prints the two roles the action needs for this manifest: a read-only planner role for plan
(assumable by pull-request runs) and a writer role for apply and rotate (assumable only by the
default branch or a protected environment).

Options:
  -m, --manifest FILE      the manifest (default: connections.yaml)
      --root DIR           repository root; policy files may not leave it (default: current folder)
      --repository OWNER/NAME  the repository whose workflows run the action (required)
      --branch NAME        default branch admitted by the trusts (default: main)
      --environment NAME   admit only jobs in this protected environment to the writer role
      --oidc-provider ARN  the GitHub OIDC provider (default: token.actions.githubusercontent.com in each account)
      --format FORMAT      text (default) or json
  -h, --help               show this help
`;

/** `argv` is what follows `permissions` on the command line. */
export function cliPermissions(argv: string[], io: CliIo): Promise<number> {
  return Promise.resolve(run(argv, io));
}

function run(argv: string[], io: CliIo): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        manifest: { type: 'string', short: 'm', default: 'connections.yaml' },
        root: { type: 'string' },
        repository: { type: 'string' },
        branch: { type: 'string' },
        environment: { type: 'string' },
        'oidc-provider': { type: 'string' },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    io.err(`iam-connections permissions: ${(err as Error).message}\n\n${PERMISSIONS_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(PERMISSIONS_USAGE);
    return 0;
  }
  const repository = values.repository ?? io.env.GITHUB_REPOSITORY;
  if (!repository) {
    io.err(`iam-connections permissions: --repository owner/name is required (the trust policies name it)\n\n${PERMISSIONS_USAGE}`);
    return 2;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    io.err(`iam-connections permissions: --format must be text or json, not "${values.format}"\n`);
    return 2;
  }
  const manifest = values.manifest ?? 'connections.yaml';
  const result = validate(manifest, { root: values.root ?? io.cwd, env: io.env });
  const blocking = result.findings.filter(isBlocking);
  if (!result.manifest || blocking.length > 0) {
    io.err(`${renderFindingsText(blocking)}\n\n${manifest}: INVALID; fix it, then ask for its permissions again\n`);
    return 1;
  }
  try {
    const p = permissionsFor(result.manifest, {
      repository,
      ...(values.branch !== undefined ? { defaultBranch: values.branch } : {}),
      ...(values.environment !== undefined ? { environment: values.environment } : {}),
      ...(values['oidc-provider'] !== undefined ? { oidcProvider: values['oidc-provider'] } : {}),
    });
    io.out(`${values.format === 'json' ? renderPermissionsJson(p) : renderPermissionsText(p)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof PermissionsInputError) {
      io.err(`iam-connections permissions: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
