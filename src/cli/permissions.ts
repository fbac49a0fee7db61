/**
 * `iam-connections permissions`: the planner and writer roles the action needs for this
 * manifest (trust and permissions policies), to paste into the accounts' infrastructure code.
 * Offline: reads the manifest only.
 */
import { validate } from '../commands/validate.js';
import { isBlocking } from '../diagnostics.js';
import { PermissionsInputError, permissionsFor } from '../permissions/roles.js';
import { renderPermissionsJson, renderPermissionsText } from '../permissions/render.js';
import { renderFindingsText } from '../report/findings-text.js';
import type { ParsedValues } from './args.js';
import { type CommandContext, str } from './context.js';

/** `iam-connections permissions`: options parsed by the command table (./commands.ts). */
export function cliPermissions(ctx: CommandContext, values: ParsedValues): Promise<number> {
  return Promise.resolve(run(ctx, values));
}

function run(ctx: CommandContext, values: ParsedValues): number {
  const { io, manifest } = ctx;
  const repository = str(values, 'repository') ?? io.env.GITHUB_REPOSITORY;
  if (!repository) {
    io.err("iam-connections permissions: --repository owner/name is required (the trust policies name it); see 'iam-connections permissions --help'\n");
    return 2;
  }
  const branch = str(values, 'branch');
  const environment = str(values, 'environment');
  const oidcProvider = str(values, 'oidc-provider');
  const result = validate(manifest, { root: str(values, 'root') ?? io.cwd, env: io.env });
  const blocking = result.findings.filter(isBlocking);
  if (!result.manifest || blocking.length > 0) {
    io.err(`${renderFindingsText(blocking)}\n\n${manifest}: INVALID; fix it, then ask for its permissions again\n`);
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
  } catch (err) {
    if (err instanceof PermissionsInputError) {
      io.err(`iam-connections permissions: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
