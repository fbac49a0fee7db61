/**
 * Secret hygiene: a whole life cycle through the bundled action (apply with Secrets Manager,
 * GitHub secret and step-output sinks; a plan on a pull request with its sticky comment;
 * rotate on days 91, 98 and 105; a rotate that fails on a GitHub 403 while delivering), then
 * every secret any of it handled is searched for in everything it left behind. Zero hits.
 *
 * Secrets: every SecretAccessKey and SessionToken moto answered with (the proxy captures
 * CreateAccessKey and STS answers), the OIDC tokens the GitHub server issued, the runner's
 * token-request token, the github-token input, the vendor's external ID.
 * Artefacts: stdout (without the `::add-mask::` lines the runner consumes), stderr,
 * GITHUB_OUTPUT (without the output sink's value, a secret by design, which must have been
 * masked before it was set), the job summary, every file the run wrote in its temp folder
 * (plan JSON, report, SARIF), and every comment body posted to the GitHub server.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionRun } from '../e2e/run-action.js';
import { startWorld, type World } from '../e2e/world.js';
import { day, EXTERNAL_ID, readerDoc } from './chaos.js';

const PROD = '111122223333';
const TOKEN = 'github_pat_11SECRETHYGIENE0token0value0not0real';
const OUTPUT = 'VENDOR_KEY';
const PR = 42;

const manifest = `version: 1
accounts:
  prod: { id: "${PROD}", role: "arn:aws:iam::${PROD}:role/iam-connections" }
connections:
  reader:
    accounts: [prod]
    user:
      name: reader-user
      policies: [{ file: policies/reader.json }]
      accessKey:
        deliver:
          - secretsManager: { secretId: integrations/reader }
          - githubSecret: { repository: acme/infra, name: READER_AWS_KEY }
          - output: { name: ${OUTPUT} }
  vendor:
    accounts: [prod]
    role:
      name: vendor-role
      trust: { awsAccount: "432263259397", externalId: { env: VENDOR_EXTERNAL_ID } }
      managedPolicies: [ReadOnlyAccess]
`;

let world: World;
let repo: string;
let comments: { body: string }[];
const captured = new Set<string>();
const runs: { label: string; run: ActionRun }[] = [];

beforeAll(async () => {
  world = await startWorld();
  comments = world.github.useIssueComments().comments;
  world.github.useActionsSecrets();
  // Forward, then keep every credential moto hands out.
  world.proxy.inject({
    when: (c) => c.action === 'CreateAccessKey' || c.service === 'sts',
    respond: async (_call, forward) => {
      const answer = await forward();
      for (const m of String(answer.body).matchAll(/<(SecretAccessKey|SessionToken)>([^<]+)</g)) captured.add(m[2] as string);
      return answer;
    },
  });
  repo = world.repo({ 'connections.yaml': manifest, 'policies/reader.json': readerDoc });
}, 30_000);
afterAll(async () => {
  await world?.stop();
});

async function run(label: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  // The clock moves through IAM_CONNECTIONS_NOW (and moto's with it); as-of only previews.
  const { 'as-of': at, ...rest } = inputs;
  const r = await world.run({ inputs: { 'github-token': TOKEN, ...rest }, cwd: repo, env: { VENDOR_EXTERNAL_ID: EXTERNAL_ID, GITHUB_EVENT_NAME: 'schedule', ...(at ? world.at(at) : {}), ...env } });
  runs.push({ label, run: r });
  return r;
}

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });

test('a whole life cycle, including a failing run, leaks no secret into any artefact', async () => {
  expect((await run('apply day 0', { command: 'apply' }, { GITHUB_EVENT_NAME: 'push', IAM_CONNECTIONS_NOW: day(0) })).code).toBe(0);
  const event = { action: 'synchronize', number: PR, pull_request: { number: PR, head: { sha: 'b2'.repeat(20), ref: 'feature', repo: { full_name: 'acme/infra' } }, base: { sha: 'a1'.repeat(20), ref: 'main', repo: { full_name: 'acme/infra' } } }, repository: { full_name: 'acme/infra' } };
  const plan = await run('plan on a pull request', { command: 'plan', 'as-of': day(91) }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: world.github.writeEvent(event) });
  expect(plan.code).toBe(0);
  expect(comments.length).toBe(1);

  // Day 91 runs with GITHUB_OUTPUT unset, so outputs go to stdout in order with the masks.
  const r91 = await run('rotate day 91', { command: 'rotate' }, { GITHUB_OUTPUT: '', IAM_CONNECTIONS_NOW: day(91) });
  expect(r91.code).toBe(0);
  const set = r91.stdout.search(new RegExp(`^::set-output name=${OUTPUT}::`, 'm'));
  expect(set).toBeGreaterThan(0);
  const value = JSON.parse(r91.stdout.slice(set).split('\n')[0]!.replace(/^::set-output name=\w+::/, '')) as { secretAccessKey: string };
  const mask = r91.stdout.indexOf(`::add-mask::${value.secretAccessKey}`);
  expect(mask).toBeGreaterThanOrEqual(0);
  expect(mask).toBeLessThan(set);

  // The vendor signs in with the delivered key on day 93 (moto records its use), so day 98 has the
  // evidence of the switch and retires the old key, leaving a free slot for day 182's rotation.
  world.at(day(93));
  const delivered = value as { accessKeyId: string; secretAccessKey: string };
  await new STSClient({ region: 'us-east-1', endpoint: world.moto.endpoint, credentials: { accessKeyId: delivered.accessKeyId, secretAccessKey: delivered.secretAccessKey } }).send(new GetCallerIdentityCommand({}));
  expect((await run('rotate day 98', { command: 'rotate' }, { IAM_CONNECTIONS_NOW: day(98) })).code).toBe(0);
  expect((await run('rotate day 105', { command: 'rotate' }, { IAM_CONNECTIONS_NOW: day(105) })).code).toBe(0);
  world.github.on('PUT', '/repos/:owner/:repo/actions/secrets/:name', () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }));
  const failing = await run('rotate day 182, GitHub 403 on the secret', { command: 'rotate' }, { IAM_CONNECTIONS_NOW: day(182) });
  expect(failing.code).toBe(1);
  expect(failing.stdout).toMatch(/403|not accessible/);

  const secrets = new Map<string, string>([[TOKEN, 'github-token input'], [EXTERNAL_ID, 'external ID']]);
  for (const s of captured) secrets.set(s, 'AWS secret (CreateAccessKey / STS answer)');
  for (const t of world.github.issuedTokens) secrets.set(t, 'OIDC token');
  secrets.set(world.github.oidc.requestToken, 'ACTIONS_ID_TOKEN_REQUEST_TOKEN');
  const created = [...captured].filter((s) => /^[A-Za-z0-9/+]{40}$/.test(s));
  expect(created.length).toBeGreaterThanOrEqual(4); // day 0, 91, 182 keys and the STS sessions
  expect(world.github.issuedTokens.length).toBeGreaterThan(0);

  const artefacts: { where: string; text: string }[] = [];
  for (const { label, run: r } of runs) {
    const stdout = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::') && !l.startsWith(`::set-output name=${OUTPUT}::`))
      .join('\n');
    artefacts.push({ where: `${label}: stdout`, text: stdout }, { where: `${label}: stderr`, text: r.stderr });
    artefacts.push({ where: `${label}: GITHUB_OUTPUT`, text: JSON.stringify(Object.entries(r.outputs).filter(([k]) => k !== OUTPUT)) });
    artefacts.push({ where: `${label}: job summary`, text: r.summary });
    for (const f of files(r.tempDir)) if (!f.endsWith('/output')) artefacts.push({ where: `${label}: ${f.slice(r.tempDir.length + 1)}`, text: readFileSync(f, 'utf8') });
  }
  for (const c of comments) artefacts.push({ where: 'PR comment', text: c.body });

  const hits = artefacts.flatMap((a) => [...secrets].filter(([s]) => a.text.includes(s)).map(([, kind]) => `${kind} in ${a.where}`));
  console.log(`secret hygiene: ${secrets.size} secrets (${created.length} secret access keys, ${captured.size - created.length} session tokens, ${world.github.issuedTokens.length} OIDC tokens, github-token, request token, external ID) searched in ${artefacts.length} artefacts of ${runs.length} runs: ${hits.length} hits`);
  expect(hits).toEqual([]);
}, 240_000);
