/** The command line: the same core as the action, reporting to the terminal. */
import { parseArgs } from 'node:util';
import { checkClockEnv } from '../clock.js';
import { validate } from '../commands/validate.js';
import { renderFindingsText, tally, tallyLine } from '../report/findings-text.js';
import { cliPermissions } from './permissions.js';
import { cliPlan } from './plan.js';
import { cliWrite } from './write.js';

const USAGE = `Usage: iam-connections <command> [options]

Commands:
  validate    check the manifest and its policies offline (no AWS access)
  plan        compare the manifest with the accounts and print what would change
  apply       make the accounts match the manifest (users, roles, policies, first keys)
  rotate      move every integration key one stage along its rotation
  permissions print the least-privilege planner and writer roles the action needs for this manifest
              (iam-connections permissions -m connections.yaml --repository owner/name [--environment prod])

Options:
  -m, --manifest FILE   the manifest (default: connections.yaml)
      --root DIR        repository root; policy files may not leave it (default: current folder)
      --format FORMAT   text (default), json (findings or the plan) or markdown (the plan report)
      --state FILE      plan against a snapshot instead of live accounts: the output of
                        'aws iam get-account-authorization-details', or { "accounts": { NAME: ... } }
      --accounts LIST   comma-separated account names or globs (default: all)
      --as-of DATE      evaluate rotation and expiry as of this ISO date (apply, rotate: preview only)
      --prune           plan (and apply) deletion of managed resources that left the manifest
      --out FILE        also write the plan JSON to FILE
      --fail-on WHAT    plan: error (default), drift or never
      --region REGION   region for STS (default: AWS_REGION, else us-east-1)
  -h, --help            show this help

plan, apply and rotate use the standard AWS credential chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, ...)
and assume each account's role from the manifest. GitHub secret sinks read GITHUB_TOKEN.
`;

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const defaultIo: CliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
};

export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  // First, before the arguments: a simulated clock is said, a bad one stops the run.
  const clock = checkClockEnv(io.env);
  if (clock.error) {
    io.err(`iam-connections: ${clock.error}\n`);
    return 2;
  }
  if (clock.notice) io.err(`${clock.notice}\n`);
  // Its own flags (--repository, --branch, --environment): parsed by the command itself.
  if (argv[0] === 'permissions') return cliPermissions(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        manifest: { type: 'string', short: 'm', default: 'connections.yaml' },
        root: { type: 'string' },
        format: { type: 'string', default: 'text' },
        state: { type: 'string' },
        accounts: { type: 'string' },
        'as-of': { type: 'string' },
        prune: { type: 'boolean' },
        out: { type: 'string' },
        'fail-on': { type: 'string', default: 'error' },
        region: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.err(`iam-connections: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !command) {
    (command || values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  if (!['text', 'json', 'markdown'].includes(values.format ?? 'text')) {
    io.err(`iam-connections: --format must be text, json or markdown, not "${values.format}"\n`);
    return 2;
  }
  if (!['error', 'drift', 'never'].includes(values['fail-on'] ?? 'error')) {
    io.err(`iam-connections: --fail-on must be error, drift or never, not "${values['fail-on']}"\n`);
    return 2;
  }
  const manifest = values.manifest ?? 'connections.yaml';
  switch (command) {
    case 'validate': {
      const result = validate(manifest, { root: values.root ?? io.cwd, env: io.env });
      if (values.format === 'json') {
        io.out(`${JSON.stringify({ ok: result.ok, findings: result.findings }, null, 2)}\n`);
      } else {
        const text = renderFindingsText(result.findings);
        if (text) io.out(`${text}\n\n`);
        io.out(`${manifest}: ${result.ok ? 'valid' : 'INVALID'} (${tallyLine(tally(result.findings))})\n`);
      }
      return result.ok ? 0 : 1;
    }
    case 'plan':
      return cliPlan(manifest, values, io);
    case 'apply':
    case 'rotate':
      return cliWrite(command, manifest, values, io);
    default:
      io.err(`iam-connections: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}
