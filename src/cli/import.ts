/** `iam-connections import`: chosen doors into the manifest (local files only; AWS is only read). */
import { awsAccess } from '../action/aws-access.js';
import { snapshotInventoryReader } from '../commands/inventory-readers.js';
import { runImport } from '../commands/import.js';
import { isBlocking } from '../diagnostics.js';
import { renderFindingsText } from '../report/findings-text.js';
import { printable } from '../text/printable.js';
import type { ParsedValues } from './args.js';
import { type CommandContext, str } from './context.js';
import { planOptions } from './plan.js';

export async function cliImport(ctx: CommandContext, values: ParsedValues): Promise<number> {
  const { io, manifest } = ctx;
  const opts = planOptions(ctx, values, 'import');
  if (!opts.ok) return 2;
  const state = str(values, 'state');
  const account = str(values, 'account');
  const result = await runImport(manifest, {
    ...opts.base,
    ...(account ? { accounts: [account] } : {}),
    principals: (str(values, 'principal') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    allUndeclared: values['all-undeclared'] === true,
    reader: state
      ? () => snapshotInventoryReader(state)
      : awsAccess({ awsRegion: opts.region, audience: 'sts.amazonaws.com', roleToAssume: undefined, githubToken: undefined, mode: 'default-chain' }, io.env, 'plan').reader,
  });
  const loud = result.findings.filter(isBlocking);
  if (loud.length > 0) io.err(`${renderFindingsText(loud)}\n`);
  for (const e of result.errors) io.err(`iam-connections import: ${printable(e)}\n`);
  for (const e of result.imported) io.out(`imported ${e.connection}: ${printable(e.comment[0]?.trim() ?? '')}\n`);
  for (const s of result.skipped) io.out(`not imported ${s.door}: ${printable(s.reason)}\n`);
  for (const e of result.imported.flatMap((x) => x.env)) io.out(`set ${e.name} to ${e.what}\n`);
  if (result.written.length > 0) io.out(`wrote ${result.written.join(', ')}; review the diff, then validate, apply and plan\n`);
  else if (result.errors.length === 0) io.out('nothing to import\n');
  return result.errors.length > 0 ? 1 : 0;
}
