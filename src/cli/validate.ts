/** `iam-connections validate`: the manifest's findings on the terminal, as JSON or as Markdown. */
import { validate } from '../commands/validate.js';
import { renderFindingsMarkdown } from '../report/findings-markdown.js';
import { renderFindingsText, tally, tallyLine } from '../report/findings-text.js';
import type { ParsedValues } from './args.js';
import { type CommandContext, str } from './context.js';

export function cliValidate(ctx: CommandContext, values: ParsedValues): number {
  const { io, manifest } = ctx;
  const result = validate(manifest, { root: str(values, 'root') ?? io.cwd, env: io.env });
  if (ctx.format === 'json') {
    io.out(`${JSON.stringify({ command: 'validate', ok: result.ok, manifest, findings: result.findings }, null, 2)}\n`);
  } else if (ctx.format === 'markdown') {
    io.out(renderFindingsMarkdown(`iam-connections validate: \`${manifest}\` ${result.ok ? 'valid' : 'INVALID'}`, result.findings));
  } else {
    const text = renderFindingsText(result.findings);
    if (text) io.out(`${text}\n\n`);
    const verdict = result.ok ? ctx.palette.ok('valid') : ctx.palette.bad('INVALID');
    io.out(`${manifest}: ${verdict} (${tallyLine(tally(result.findings))})\n`);
  }
  return result.ok ? 0 : 1;
}
