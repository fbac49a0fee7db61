/**
 * The action's inputs (DESIGN.md section 3), read and checked in one place so a typo in a
 * workflow fails with the input's name and the values it accepts.
 */
export const COMMANDS = ['validate', 'plan', 'apply', 'rotate', 'discover'] as const;
export type Command = (typeof COMMANDS)[number];

export interface Inputs {
  command: Command;
  manifest: string;
  /** Account names or globs; empty means all. */
  accounts: string[];
  roleToAssume?: string;
  audience: string;
  awsRegion: string;
  githubToken?: string;
  comment: 'auto' | 'always' | 'never';
  /** The pull request to comment on when the event has none (the workflow_run stage of a public repository). */
  pullRequest?: number;
  /** How the sticky comment is refreshed. */
  commentMode: 'update' | 'new' | 'hide-and-new' | 'delete-and-new';
  failOn: 'error' | 'drift' | 'never';
  prune: boolean;
  /** How many shards the `matrix` output splits the accounts into; 0: one per account. */
  shards: number;
  /** The instant every time-based rule is evaluated at: the clock's now unless `as-of` names a date. */
  asOf: Date;
  /** `as-of` names a date: apply and rotate only preview (a dry run). */
  asOfGiven: boolean;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], errors: string[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  errors.push(`input "${name}" is "${value}"; it must be one of: ${allowed.join(', ')}`);
  return allowed[0] as T;
}

export function parseAsOf(value: string, now: Date): Date | string {
  if (value === '' || value === 'now') return now;
  // A date alone means the start of that day in UTC, as people read "as of 2027-03-01".
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(d.getTime())) {
    return `input "as-of" is "${value}"; it must be an ISO-8601 date or instant such as 2027-03-01 or 2027-03-01T12:00:00Z`;
  }
  return d;
}

/** `get` returns the input's value ('' when unset), as `core.getInput` does. */
export function parseInputs(get: (name: string) => string, now: Date): { inputs: Inputs; errors: string[] } {
  const errors: string[] = [];
  const asOf = parseAsOf(get('as-of'), now);
  if (typeof asOf === 'string') errors.push(asOf);
  const prune = get('prune') || 'false';
  const shards = get('shards') || '0';
  if (!/^\d+$/.test(shards)) errors.push(`input "shards" is "${shards}"; it must be a whole number (0: one shard per account)`);
  const pr = get('pull-request');
  if (pr && !/^[1-9]\d*$/.test(pr)) errors.push(`input "pull-request" is "${pr}"; it must be a pull request number`);
  if (!['true', 'false'].includes(prune)) errors.push(`input "prune" is "${prune}"; it must be true or false`);
  const inputs: Inputs = {
    command: oneOf('command', get('command') || 'plan', COMMANDS, errors),
    manifest: get('manifest') || 'connections.yaml',
    accounts: get('accounts')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    roleToAssume: get('role-to-assume') || undefined,
    audience: get('audience') || 'sts.amazonaws.com',
    awsRegion: get('aws-region') || 'us-east-1',
    githubToken: get('github-token') || undefined,
    comment: oneOf('comment', get('comment') || 'auto', ['auto', 'always', 'never'] as const, errors),
    pullRequest: pr && /^[1-9]\d*$/.test(pr) ? Number(pr) : undefined,
    commentMode: oneOf('comment-mode', get('comment-mode') || 'update', ['update', 'new', 'hide-and-new', 'delete-and-new'] as const, errors),
    failOn: oneOf('fail-on', get('fail-on') || 'error', ['error', 'drift', 'never'] as const, errors),
    prune: prune === 'true',
    shards: /^\d+$/.test(shards) ? Number(shards) : 0,
    asOf: typeof asOf === 'string' ? now : asOf,
    asOfGiven: typeof asOf !== 'string' && asOf !== now,
  };
  return { inputs, errors };
}
