/**
 * The command line: the same core as the action, reporting to the terminal.
 *
 * Conventions (as gh and terraform): `iam-connections COMMAND [options]`; `--help`/`-h` and
 * `help [COMMAND]` print help on stdout and exit 0; `--version`/`-V`/`version` print the
 * version; a usage mistake (no command, an unknown command or option, a bad value) prints what
 * is wrong and the usage on stderr and exits 2. 1 means the command ran and found or met an error.
 */
import { checkClockEnv } from '../clock.js';
import { ANSI, PLAIN, wantColour } from '../text/ansi.js';
import { didYouMeanText } from '../text/suggest.js';
import { VERSION } from '../version.js';
import { parseCommandLine, type ParsedValues } from './args.js';
import { type CliIo, type CommandContext, str } from './context.js';

export type { CliIo } from './context.js';
import { ALL_OPTIONS, COMMANDS, commandHelp, findCommand, globalHelp } from './commands.js';

type CliCommand = (ctx: CommandContext, values: ParsedValues) => number | Promise<number>;

/**
 * Each command's module, imported only when that command runs (cold start: `validate` must not
 * evaluate the AWS SDK, Octokit or libsodium). A new command adds its spec to commands.ts and one
 * line here.
 */
const COMMAND_MODULES: Record<string, () => Promise<CliCommand>> = {
  validate: async () => (await import('./validate.js')).cliValidate,
  plan: async () => (await import('./plan.js')).cliPlan,
  apply: async () => {
    const { cliWrite } = await import('./write.js');
    return (ctx, values) => cliWrite('apply', ctx, values);
  },
  rotate: async () => {
    const { cliWrite } = await import('./write.js');
    return (ctx, values) => cliWrite('rotate', ctx, values);
  },
  permissions: async () => (await import('./permissions.js')).cliPermissions,
  discover: async () => (await import('./discover.js')).cliDiscover,
  import: async () => (await import('./import.js')).cliImport,
};

const defaultIo: CliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
  stdoutIsTTY: process.stdout.isTTY === true,
  interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
  readLine: readStdinLine,
};

function readStdinLine(): Promise<string | undefined> {
  return new Promise((resolve) => {
    let buf = '';
    const onData = (d: Buffer): void => {
      buf += d.toString('utf8');
      const nl = buf.indexOf('\n');
      if (nl >= 0) finish(buf.slice(0, nl).replace(/\r$/, ''));
    };
    const onEnd = (): void => finish(buf.length ? buf : undefined);
    const finish = (line: string | undefined): void => {
      process.stdin.off('data', onData);
      process.stdin.off('end', onEnd);
      process.stdin.pause();
      resolve(line);
    };
    process.stdin.on('data', onData);
    process.stdin.on('end', onEnd);
    process.stdin.resume();
  });
}

function usageError(io: CliIo, message: string, help: string): number {
  io.err(`iam-connections: ${message}\n\n${help}`);
  return 2;
}

export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  // First, before the arguments: a simulated clock is said, a bad one stops the run.
  const clock = checkClockEnv(io.env);
  if (clock.error) {
    io.err(`iam-connections: ${clock.error}\n`);
    return 2;
  }
  if (clock.notice) io.err(`${clock.notice}\n`);
  const [first, ...rest] = argv;
  if (first === undefined) return usageError(io, 'no command given', globalHelp());
  if (first === '-h' || first === '--help') {
    io.out(globalHelp());
    return 0;
  }
  if (first === '-V' || first === '--version' || first === 'version') {
    io.out(`iam-connections ${VERSION}\n`);
    return 0;
  }
  if (first === 'help') {
    if (rest[0] === undefined) {
      io.out(globalHelp());
      return 0;
    }
    const spec = findCommand(rest[0]);
    if (!spec) return unknownCommand(io, rest[0]);
    io.out(commandHelp(spec));
    return 0;
  }
  if (first.startsWith('-')) return usageError(io, `put the command first: iam-connections COMMAND [options] (got ${first})`, globalHelp());
  const spec = findCommand(first);
  if (!spec) return unknownCommand(io, first);

  const parsed = parseCommandLine(rest, spec.options, spec.name, ALL_OPTIONS);
  if (!parsed.ok) {
    io.err(`iam-connections ${spec.name}: ${parsed.message}\n`);
    return 2;
  }
  const values = parsed.values;
  if (values.help) {
    io.out(commandHelp(spec));
    return 0;
  }
  if (parsed.positionals.length) {
    io.err(`iam-connections ${spec.name}: unexpected argument "${parsed.positionals[0]}" (the manifest is given with -m FILE; see 'iam-connections ${spec.name} --help')\n`);
    return 2;
  }
  const format = str(values, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'markdown') {
    io.err(`iam-connections ${spec.name}: --format must be text, json or markdown, not "${format}"\n`);
    return 2;
  }
  const colour = format === 'text' && wantColour({ noColorFlag: values['no-color'] === true, env: io.env, isTTY: io.stdoutIsTTY === true });
  const ctx: CommandContext = { manifest: str(values, 'manifest') ?? 'connections.yaml', format, palette: colour ? ANSI : PLAIN, io };
  const load = COMMAND_MODULES[spec.name];
  if (!load) return unknownCommand(io, first);
  return (await load())(ctx, values);
}

function unknownCommand(io: CliIo, name: string): number {
  const hint = didYouMeanText(name, [...COMMANDS.map((c) => c.name), 'help', 'version']);
  return usageError(io, `unknown command "${name}"${hint ? `: ${hint}` : ''}`, globalHelp());
}
