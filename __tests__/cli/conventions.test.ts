/**
 * The command line's conventions, in process (no AWS): per-command help that lists exactly the
 * options the command accepts, help/version spellings, exit codes 0/1/2 and where each message
 * goes, did-you-mean for mistakes, and --format for validate.
 */
import { parseCommandLine } from '../../src/cli/args.js';
import { ALL_OPTIONS, COMMANDS, commandHelp } from '../../src/cli/commands.js';
import { type CliIo, runCli } from '../../src/cli/main.js';
import { VERSION } from '../../src/version.js';

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (s) => (out += s), err: (s) => (err += s), env: { CLOUDYN_EXTERNAL_ID: 'Contoso-0123456789', ...env }, cwd: process.cwd() };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe('help', () => {
  test.each(COMMANDS.map((c) => c.name))('%s --help lists only its own options, one example and the exit codes', async (name) => {
    const spec = COMMANDS.find((c) => c.name === name)!;
    const r = await cli([name, '--help']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toBe(commandHelp(spec));
    expect(r.out).toMatch(new RegExp(`^Usage: iam-connections ${name} \\[options\\]`));
    expect(r.out.match(/^Example:$/gm)).toHaveLength(1);
    expect(r.out).toMatch(/^ {2}0 {2}.+\n {2}1 {2}.+\n {2}2 {2}usage error/m);
    // Every option the help shows is accepted, and every option of another command that this
    // one refuses is absent from its help (validate --help never shows --prune).
    const shown = [...r.out.matchAll(/^ {2}(?:-\w, )?\s*--([\w-]+)/gm)].map((m) => m[1]);
    expect(shown.sort()).toEqual(spec.options.map((o) => o.name).sort());
    for (const other of ALL_OPTIONS.filter((o) => !spec.options.some((s) => s.name === o.name))) {
      expect(r.out).not.toMatch(new RegExp(`--${other.name}\\b`));
    }
  });

  test('validate --help does not offer --prune; plan --help does', async () => {
    expect((await cli(['validate', '--help'])).out).not.toMatch(/--prune/);
    expect((await cli(['plan', '--help'])).out).toMatch(/--prune/);
  });

  test('help, help COMMAND, -h and --help', async () => {
    const global = await cli(['help']);
    expect(global.code).toBe(0);
    expect(global.out).toMatch(/^Usage: iam-connections <command> \[options\]/);
    expect(global.out).toMatch(/Exit status: 0 success, 1 .*, 2 usage error/);
    expect((await cli(['--help'])).out).toBe(global.out);
    expect((await cli(['-h'])).out).toBe(global.out);
    const apply = await cli(['help', 'apply']);
    expect([apply.code, apply.out]).toEqual([0, (await cli(['apply', '-h'])).out]);
    expect(apply.out).toMatch(/--dry-run/);
    expect(apply.out).toMatch(/--auto-approve/);
    const unknown = await cli(['help', 'aply']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command "aply": did you mean "apply"\?/);
  });

  test('--version, -V and version print the version on stdout', async () => {
    for (const v of ['--version', '-V', 'version']) expect(await cli([v])).toEqual({ code: 0, out: `iam-connections ${VERSION}\n`, err: '' });
  });

  test('no arguments (off a runner): the usage on stderr, exit 2', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/no command given[\s\S]*Usage: iam-connections <command>/);
  });
});

describe('usage errors exit 2 on stderr, with what was meant', () => {
  test.each([
    [['plan', '--fromat', 'json'], /unknown option --fromat: did you mean --format\?/],
    [['apply', '--auto-aprove'], /unknown option --auto-aprove: did you mean --auto-approve\?/],
    [['validate', '--prune'], /--prune is not an option of validate/],
    [['validate', '--format'], /--format needs a value: --format FORMAT/],
    [['validate', '--format', 'yaml'], /--format must be text, json or markdown, not "yaml"/],
    [['plan', '--prune=yes'], /--prune takes no value/],
    [['validate', 'connections.yaml'], /unexpected argument "connections.yaml" \(the manifest is given with -m FILE/],
    [['-m', 'x.yaml', 'validate'], /put the command first/],
    [['vaildate'], /unknown command "vaildate": did you mean "validate"\?/],
    [['plan', '--fail-on', 'sometimes'], /--fail-on must be error, drift or never/],
  ])('%j', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });
});

describe('the parser', () => {
  const opts = COMMANDS.find((c) => c.name === 'apply')!.options;
  test('--name value, --name=value, -m value, aliases, and -- ending the options', () => {
    expect(parseCommandLine(['-m', 'a.yaml', '--accounts=prod,staging', '--auto-approve', '--dry-run'], opts, 'apply')).toEqual({
      ok: true,
      values: { manifest: 'a.yaml', accounts: 'prod,staging', yes: true, 'dry-run': true },
      positionals: [],
    });
    expect(parseCommandLine(['--', '--yes'], opts, 'apply')).toEqual({ ok: true, values: {}, positionals: ['--yes'] });
  });
  test('an option is never taken as the value of the one before it', () => {
    expect(parseCommandLine(['-m', '--yes'], opts, 'apply')).toEqual({ ok: false, message: '--manifest needs a value: --manifest FILE' });
  });
});

describe('--format for validate', () => {
  test('json parses and says ok; markdown is a report; text ends with the verdict', async () => {
    const json = await cli(['validate', '-m', 'examples/connections.yaml', '--format', 'json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { command: string; ok: boolean; findings: unknown[] };
    expect([parsed.command, parsed.ok, Array.isArray(parsed.findings)]).toEqual(['validate', true, true]);
    const md = await cli(['validate', '-m', 'examples/connections.yaml', '--format', 'markdown']);
    expect(md.out).toMatch(/^## iam-connections validate: `examples\/connections.yaml` valid/);
    const text = await cli(['validate', '-m', 'examples/connections.yaml']);
    expect(text.out).toMatch(/examples\/connections.yaml: valid \(0 errors/);
  });
  test('an invalid manifest: exit 1, in every format', async () => {
    for (const format of ['text', 'json', 'markdown']) {
      const r = await cli(['validate', '-m', 'does-not-exist.yaml', '--format', format]);
      expect(r.code).toBe(1);
    }
  });
});
