/** `iam-connections discover` on the command line: the doors of a snapshot or the live accounts. */
import { writeFileSync } from 'node:fs';
import { awsAccess } from '../action/aws-access.js';
import { snapshotInventoryReader } from '../commands/inventory-readers.js';
import { runDiscover } from '../commands/discover.js';
import { renderDiscoverMarkdown, renderDiscoverText } from '../report/discover-text.js';
import { renderDiscoverSarif } from '../report/discover-sarif.js';
import { VERSION } from '../version.js';
import type { ParsedValues } from './args.js';
import { type CommandContext, str } from './context.js';
import { planOptions, reportPlanProblems } from './plan.js';

export async function cliDiscover(ctx: CommandContext, values: ParsedValues): Promise<number> {
  const { io, manifest } = ctx;
  const opts = planOptions(ctx, values, 'discover');
  if (!opts.ok) return 2;
  const state = str(values, 'state');
  const result = await runDiscover(manifest, {
    ...opts.base,
    reader: state
      ? () => snapshotInventoryReader(state)
      : awsAccess({ awsRegion: opts.region, audience: 'sts.amazonaws.com', roleToAssume: undefined, githubToken: undefined, mode: 'default-chain' }, io.env, 'plan').reader,
  });
  const discovery = result.discovery;
  if (!reportPlanProblems(ctx, result, 'nothing was read') || !discovery) return 1;
  const out = str(values, 'out');
  if (out) writeFileSync(out, `${JSON.stringify(discovery, null, 2)}\n`);
  const sarif = str(values, 'sarif');
  if (sarif) writeFileSync(sarif, `${JSON.stringify(renderDiscoverSarif(discovery, { toolVersion: VERSION, manifestFile: manifest, root: str(values, 'root') ?? io.cwd }), null, 2)}\n`);
  if (ctx.format === 'json') io.out(`${JSON.stringify(discovery, null, 2)}\n`);
  else if (ctx.format === 'markdown') io.out(renderDiscoverMarkdown(discovery, `iam-connections discover: \`${manifest}\``));
  else io.out(`${renderDiscoverText(discovery, ctx.palette)}\n`);
  for (const f of result.failures) io.err(`account ${f.account} was not read: ${f.message}\n`);
  return result.failures.length > 0 ? 1 : 0;
}
