/**
 * What each command accepts and how its help reads. One table: the parser takes a command's
 * options from here and `--help` prints exactly those, so the help cannot list an option the
 * command would refuse (`--prune` for validate) nor miss one it takes.
 */
import type { OptionSpec } from './args.js';

const O = {
  manifest: { name: 'manifest', short: 'm', arg: 'FILE', help: 'the manifest (default: connections.yaml)' },
  root: { name: 'root', arg: 'DIR', help: 'repository root; policy files may not leave it (default: current folder)' },
  format: { name: 'format', arg: 'FORMAT', help: 'text (default), json or markdown' },
  state: {
    name: 'state',
    arg: 'FILE',
    help: "plan against a snapshot instead of live accounts: the output of 'aws iam get-account-authorization-details', or { \"accounts\": { NAME: ... } }",
  },
  accounts: { name: 'accounts', arg: 'LIST', help: 'comma-separated account names or globs (default: all)' },
  asOf: { name: 'as-of', arg: 'DATE', help: 'evaluate rotation and expiry as of this ISO date' },
  asOfWrite: { name: 'as-of', arg: 'DATE', help: 'preview as of this ISO date: a dry run, nothing is written' },
  prune: { name: 'prune', help: 'also delete managed resources that left the manifest' },
  out: { name: 'out', arg: 'FILE', help: 'also write the plan JSON to FILE' },
  failOn: { name: 'fail-on', arg: 'WHAT', help: 'what exits 1: error (default), drift or never' },
  region: { name: 'region', arg: 'REGION', help: 'region for STS (default: AWS_REGION, else us-east-1)' },
  yes: { name: 'yes', short: 'y', aliases: ['auto-approve'], help: 'do not ask for confirmation on a terminal (also --auto-approve)' },
  dryRun: { name: 'dry-run', help: 'print the plan and stop: nothing is written' },
  noColor: { name: 'no-color', help: 'no colour even on a terminal (also NO_COLOR=1)' },
  help: { name: 'help', short: 'h', help: 'show this help' },
  repository: { name: 'repository', arg: 'OWNER/NAME', help: 'the repository whose workflows run the action (default: GITHUB_REPOSITORY)' },
  branch: { name: 'branch', arg: 'NAME', help: 'default branch admitted by the trusts (default: main)' },
  environment: { name: 'environment', arg: 'NAME', help: 'admit only jobs in this protected environment to the writer role' },
  outDoors: { name: 'out', arg: 'FILE', help: 'also write the doors as JSON to FILE' },
  sarif: { name: 'sarif', arg: 'FILE', help: 'also write the undeclared doors as SARIF 2.1.0 to FILE (code scanning)' },
  principal: { name: 'principal', arg: 'TYPE/NAME', help: 'the door(s) to import: role/NAME or user/NAME, comma-separated' },
  allUndeclared: { name: 'all-undeclared', help: 'import every role and user door the manifest does not declare' },
  account: { name: 'account', arg: 'NAME', help: 'only this account of the manifest' },
  oidcProvider: { name: 'oidc-provider', arg: 'ARN', help: 'the GitHub OIDC provider (default: token.actions.githubusercontent.com in each account)' },
} satisfies Record<string, OptionSpec>;

export interface CommandSpec {
  name: string;
  summary: string;
  /** Paragraphs after the usage line. */
  about: string;
  options: OptionSpec[];
  example: string;
  /** What 0, 1 and 2 mean for this command. */
  exit: [string, string];
}

export const COMMANDS: CommandSpec[] = [
  {
    name: 'validate',
    summary: 'check the manifest and its policies offline (no AWS access)',
    about: 'Reads the manifest and its policy files, applies the vendor presets and runs every check.\nNo AWS access: it runs on fork pull requests too.',
    options: [O.manifest, O.root, O.format, O.noColor, O.help],
    example: 'iam-connections validate -m connections.yaml',
    exit: ['the manifest is valid', 'any error or unacknowledged risk'],
  },
  {
    name: 'plan',
    summary: 'compare the manifest with the accounts and print what would change',
    about:
      "Reads every selected account (the standard AWS credential chain, then each account's role from\nthe manifest) or a snapshot (--state), and prints the drift, most severe first. Never writes.",
    options: [O.manifest, O.root, O.format, O.state, O.accounts, O.asOf, O.prune, O.out, O.failOn, O.region, O.noColor, O.help],
    example: 'iam-connections plan -m connections.yaml --accounts prod',
    exit: ['the plan was made (drift or not, unless --fail-on drift)', 'invalid manifest, an account could not be read, or drift with --fail-on drift'],
  },
  {
    name: 'apply',
    summary: 'make the accounts match the manifest (users, roles, policies, first keys)',
    about:
      'Prints the full plan first. On a terminal it then asks for confirmation (type yes); without a\nterminal (CI) it proceeds. --dry-run prints the plan and stops. First access keys of new users\nare created, delivered to their sinks and verified.',
    options: [O.manifest, O.root, O.format, O.accounts, O.prune, O.yes, O.dryRun, O.asOfWrite, O.region, O.noColor, O.help],
    example: 'iam-connections apply -m connections.yaml --accounts staging',
    exit: ['every change was made (or nothing to do, or a dry run)', 'invalid manifest, a change failed, an account could not be read, or not confirmed'],
  },
  {
    name: 'rotate',
    summary: 'move every integration key one stage along its rotation',
    about:
      'Prints the plan first, then asks for confirmation on a terminal as apply does. Each key moves one\nstage: create, deliver and verify the new key; deactivate the old one once unused; delete it later.',
    options: [O.manifest, O.root, O.format, O.accounts, O.yes, O.dryRun, O.asOfWrite, O.region, O.noColor, O.help],
    example: 'iam-connections rotate -m connections.yaml --dry-run',
    exit: ['every key is where its rotation says (or nothing was due, or a dry run)', 'invalid manifest, a key step failed, or not confirmed'],
  },
  {
    name: 'discover',
    summary: 'list every third-party door in the accounts, declared in the manifest or not',
    about:
      "Reads what plan reads (same roles, no other IAM call) and lists, per account, the roles trusting\na party outside the manifest's accounts (another account, anyone, a non-GitHub identity provider),\nintegration users (active keys, no console password), and policies naming other accounts: with the\nvendor's name when known, the external ID, what each can do and when it was last used, ranked\ncritical, high, medium, low, or managed when the manifest declares it. Never writes.",
    options: [O.manifest, O.root, O.format, O.state, O.accounts, O.asOf, O.outDoors, O.sarif, O.region, O.noColor, O.help],
    example: 'iam-connections discover -m connections.yaml --format markdown',
    exit: ['the doors were listed', 'invalid manifest, or an account could not be read'],
  },
  {
    name: 'import',
    summary: 'write manifest entries (adopt: true) for third-party doors found by discover',
    about:
      'Reads as discover does, then adds a connection per chosen door to the manifest, keeping its\ncomments and order: the live path, policies (inline ones as files under policies/), the trust\nwith the external ID read from an environment variable (never the live value), and comments\nsaying where each value came from. Writes local files only; the result is validated first.',
    options: [O.manifest, O.root, O.state, O.principal, O.allUndeclared, O.account, O.asOf, O.region, O.help],
    example: 'iam-connections import -m connections.yaml --principal role/DatadogIntegrationRole --account prod',
    exit: ['the entries were written (or nothing to import)', 'invalid manifest or choice, an account could not be read, or the result does not validate'],
  },
  {
    name: 'permissions',
    summary: 'print the least-privilege planner and writer roles the action needs for this manifest',
    about:
      'Prints the two roles the action needs for this manifest: a read-only planner role for plan\n(assumable by pull-request runs) and a writer role for apply and rotate (assumable only by the\ndefault branch or a protected environment). Offline: reads the manifest only.',
    options: [O.manifest, O.root, O.repository, O.branch, O.environment, O.oidcProvider, O.format, O.noColor, O.help],
    example: 'iam-connections permissions -m connections.yaml --repository acme/infra --environment prod',
    exit: ['the roles were printed', 'the manifest is invalid'],
  },
];

/** Every option any command takes: to tell "not an option of validate" from a typo. */
export const ALL_OPTIONS: OptionSpec[] = Object.values(O);

export const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: 'help', short: 'h', help: 'show help (also: iam-connections help COMMAND)' },
  { name: 'version', short: 'V', help: 'print the version (also: iam-connections version)' },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function optionLines(options: readonly OptionSpec[]): string[] {
  const left = options.map((o) => `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.arg ? ` ${o.arg}` : ''}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return options.map((o, i) => `  ${(left[i] as string).padEnd(width)}${o.help}`);
}

export const EXIT_STATUS_TEXT = 'Exit status: 0 success, 1 the command found or met an error, 2 usage error (bad option or argument).';

export function commandHelp(c: CommandSpec): string {
  return [
    `Usage: iam-connections ${c.name} [options]`,
    '',
    c.about,
    '',
    'Options:',
    ...optionLines(c.options),
    '',
    'Example:',
    `  ${c.example}`,
    '',
    'Exit status:',
    `  0  ${c.exit[0]}`,
    `  1  ${c.exit[1]}`,
    '  2  usage error: an unknown option, a missing or bad value',
    '',
  ].join('\n');
}

export function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'Usage: iam-connections <command> [options]',
    '',
    'Third-party AWS integrations as code: validate, plan, apply and rotate connections.yaml.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    `  ${'help'.padEnd(width)}help for a command: iam-connections help apply`,
    `  ${'version'.padEnd(width)}print the version`,
    '',
    'Options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    "Every command takes -m FILE and --format text|json|markdown; 'iam-connections COMMAND --help' lists its options.",
    'plan, apply and rotate use the standard AWS credential chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, ...)',
    "and assume each account's role from the manifest. GitHub secret sinks read GITHUB_TOKEN.",
    '',
    'Example:',
    '  iam-connections plan -m connections.yaml',
    '',
    EXIT_STATUS_TEXT,
    '',
  ].join('\n');
}
