/**
 * Role session names appear in CloudTrail next to every call we make, so they say which
 * repository and run made them: `iam-connections@<owner>.<repo>-<run_id>-<attempt>` in Actions
 * (the repository part shortened when needed, never the run), `iam-connections-local` elsewhere.
 * STS allows 2 to 64 characters of `[\w+=,.@-]`.
 */
const INVALID = /[^\w+=,.@-]/g;
const MAX = 64;

export function sanitizeSessionName(raw: string): string {
  const cleaned = raw.replace(INVALID, '-').slice(0, MAX);
  return cleaned.length >= 2 ? cleaned : `${cleaned}--`.slice(0, 2);
}

export function sessionName(env: Record<string, string | undefined> = process.env): string {
  const runId = env.GITHUB_RUN_ID;
  if (!runId) return 'iam-connections-local';
  const run = `-${runId}-${env.GITHUB_RUN_ATTEMPT || '1'}`;
  const repo = (env.GITHUB_REPOSITORY ?? '').replace('/', '.').replace(INVALID, '-');
  if (!repo) return sanitizeSessionName(`iam-connections${run}`);
  const head = 'iam-connections@';
  return sanitizeSessionName(`${head}${repo.slice(0, Math.max(0, MAX - head.length - run.length))}${run}`);
}
