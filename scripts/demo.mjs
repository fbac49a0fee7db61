// `npm run demo`: the whole life of the example manifest on an embedded AWS (moto_server on a
// free loopback port, AWS-managed policies loaded), driven through the CLI as a person would:
// validate; plan (everything missing); apply; plan (clean); the out-of-band changes a security
// team fears, made with the AWS SDK; plan (ranked); apply (repairs); rotate on days 0, 91, 98 and
// 105 of a simulated clock (IAM_CONNECTIONS_NOW for the tool, libfaketime for moto). Stops moto.
//
// Without moto_server it says so in one line and runs the offline demo (npm run demo:offline).
//
// The example's GitHub-secret and step-output sinks need GitHub (a token, a workflow step), which
// a laptop does not have: the demo delivers those keys to Secrets Manager stand-ins on moto
// instead (named stand-in/...), and says so. Everything else is examples/connections.yaml as is.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { offlineDemo } from './demo-offline.mjs';
import { findFaketime, findMoto, MOTO_INSTALL_HINT, startMotoServer } from './lib/moto.mjs';

// The AWS SDK's notice that its 2027 releases need Node 22 would be repeated by every command.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const { AttachUserPolicyCommand, CreateAccessKeyCommand, GetRoleCommand, IAMClient, ListAccessKeysCommand, UpdateAssumeRolePolicyCommand } = await import('@aws-sdk/client-iam');
const { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } = await import('@aws-sdk/client-sts');
const { GetSecretValueCommand, ListSecretsCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROD = '111122223333';
const STAGING = '444455556666';
const DAY_MS = 86_400_000;
// The temporary CloudCoreo connection expires on this day of the simulated clock (the example's
// fixed date would already be past): its key is deactivated on day 105.
const TEMPORARY_DAYS = 100;
const STATIC = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'demo-credential-not-a-secret' };

function heading(text) {
  const bar = '='.repeat(Math.min(100, text.length + 6));
  console.log(`\n${bar}\n== ${text}\n${bar}`);
}

/** The example with its GitHub-only sinks replaced by Secrets Manager stand-ins, in a fresh folder. */
export function demoRepository(day0 = Date.now()) {
  const dir = mkdtempSync(join(tmpdir(), 'iam-connections-demo-'));
  mkdirSync(join(dir, 'examples'));
  cpSync(join(repo, 'policies'), join(dir, 'policies'), { recursive: true });
  const doc = YAML.parseDocument(readFileSync(join(repo, 'examples/connections.yaml'), 'utf8'));
  const replaced = [];
  for (const conn of doc.get('connections').items) {
    const deliver = conn.value.getIn(['user', 'accessKey', 'deliver']);
    if (!deliver) continue;
    deliver.items = deliver.items.map((item) => {
      const sink = item.toJSON();
      if (sink.githubSecret) {
        const secretId = `stand-in/github/${sink.githubSecret.repository}/${sink.githubSecret.name.replaceAll('{ACCOUNT}', '{account}')}`;
        replaced.push(`${conn.key.value}: GitHub secret ${sink.githubSecret.repository} ${sink.githubSecret.name} -> Secrets Manager ${secretId}`);
        return doc.createNode({ secretsManager: { secretId } });
      }
      if (sink.output) {
        const secretId = `stand-in/output/${conn.key.value}`;
        replaced.push(`${conn.key.value}: step output -> Secrets Manager ${secretId}`);
        return doc.createNode({ secretsManager: { secretId } });
      }
      return item;
    });
  }
  for (const conn of doc.get('connections').items) {
    if (!conn.value.getIn(['temporary', 'expires'])) continue;
    const expires = new Date(day0 + TEMPORARY_DAYS * DAY_MS).toISOString().replace(/\.\d+Z$/, 'Z');
    conn.value.setIn(['temporary', 'expires'], expires);
    replaced.push(`${conn.key.value}: temporary until ${expires} (day ${TEMPORARY_DAYS} of the demo)`);
  }
  writeFileSync(join(dir, 'examples/connections.yaml'), doc.toString());
  return { dir, manifest: 'examples/connections.yaml', replaced };
}

async function main() {
  const lib = findFaketime();
  const moto = await startMotoServer(lib ? { faketime: {} } : {});
  // Day 0 is now: moto's clock then never runs behind the real one, where the SDK would find
  // every session it hands out already expired.
  const day0 = Math.floor(Date.now() / 1000) * 1000;
  // Each simulated daily run starts a minute later than the day before (a scheduled job's start
  // moves with GitHub's queue): stages count from the previous run's record to the second, so a run
  // a fraction of a second earlier in the day than that record would find its stage due tomorrow.
  const at = (day) => new Date(day0 + day * DAY_MS + day * 60_000).toISOString();
  const { dir, manifest, replaced } = demoRepository(day0);
  let failed = 0;
  try {
    console.log(`moto_server (embedded AWS) at ${moto.endpoint}, AWS-managed policies loaded; ${lib ? 'moto runs on the simulated clock (libfaketime)' : 'libfaketime not found: moto keeps real time, so key ages come from the tool\'s clock only'}.`);
    console.log('The example manifest, with stand-ins for what a laptop lacks (GitHub) and for its fixed expiry date:');
    for (const r of replaced) console.log(`  ${r}`);

    let today = 0;
    const setDay = (day) => {
      today = day;
      moto.setNow?.(at(day));
    };
    const cli = (args, expect = [0]) => {
      console.log(`\n$ iam-connections ${args.join(' ')}    # IAM_CONNECTIONS_NOW=${at(today)} (day ${today})`);
      const r = spawnSync(process.execPath, [join(repo, 'dist/index.js'), ...args], {
        cwd: dir,
        stdio: 'inherit',
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          ...(process.env.NO_COLOR !== undefined ? { NO_COLOR: process.env.NO_COLOR } : {}),
          ...(process.env.FORCE_COLOR !== undefined ? { FORCE_COLOR: process.env.FORCE_COLOR } : {}),
          TERM: process.env.TERM ?? 'dumb',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          AWS_ACCESS_KEY_ID: STATIC.accessKeyId,
          AWS_SECRET_ACCESS_KEY: STATIC.secretAccessKey,
          AWS_REGION: 'us-east-1',
          AWS_ENDPOINT_URL: moto.endpoint,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_CONFIG_FILE: join(dir, 'no-aws-config'),
          AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-aws-credentials'),
          CLOUDYN_EXTERNAL_ID: 'Contoso-0123456789',
          IAM_CONNECTIONS_NOW: at(today),
        },
      });
      if (!expect.includes(r.status ?? -1)) {
        console.log(`!! iam-connections ${args[0]} exited ${r.status ?? r.signal}, expected ${expect.join(' or ')}`);
        failed++;
      }
      return r.status;
    };
    const m = ['-m', manifest];

    setDay(0);
    heading('1. validate (offline: no AWS call)');
    cli(['validate', ...m]);
    heading('2. plan: a new account, everything is missing');
    cli(['plan', ...m]);
    heading('3. apply: users, role, policies, bucket, first keys delivered and verified');
    cli(['apply', ...m, '--yes']);
    heading('4. plan: clean');
    cli(['plan', ...m, '--fail-on', 'drift']);

    heading('5. out of band: what a security team fears (made with the AWS SDK, as a person with console access would)');
    const iam = await accountIam(moto.endpoint, PROD);
    await iam.send(new AttachUserPolicyCommand({ UserName: 'sekoia-iam-reader', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    console.log('- attached AdministratorAccess to the integration user sekoia-iam-reader');
    const handMade = (await iam.send(new CreateAccessKeyCommand({ UserName: 'sekoia-iam-reader' }))).AccessKey;
    console.log(`- created a second access key by hand for sekoia-iam-reader (${handMade.AccessKeyId.slice(0, 4)}…${handMade.AccessKeyId.slice(-4)})`);
    const role = await iam.send(new GetRoleCommand({ RoleName: 'cloudyn-cost-reader' }));
    const trust = JSON.parse(decodeURIComponent(role.Role.AssumeRolePolicyDocument));
    for (const s of [trust.Statement].flat()) delete s.Condition;
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'cloudyn-cost-reader', PolicyDocument: JSON.stringify(trust) }));
    console.log('- removed the external ID condition from the trust of role cloudyn-cost-reader');

    heading('6. plan: the drift, most severe first (exit 1 with --fail-on drift)');
    cli(['plan', ...m, '--fail-on', 'drift'], [1]);
    heading('7. apply: repairs what it manages');
    cli(['apply', ...m, '--yes']);
    const left = (await iam.send(new ListAccessKeysCommand({ UserName: 'sekoia-iam-reader' }))).AccessKeyMetadata ?? [];
    console.log(`\nsekoia-iam-reader now holds ${left.length} key(s): the one apply delivered; the hand-made key (never recorded as delivered) is gone.`);
    cli(['plan', ...m, '--fail-on', 'drift']);

    heading('8. rotate, stage by stage, on a simulated clock');
    for (const [day, what] of [
      [0, 'day 0: nothing is due'],
      [91, 'day 91: keys are past rotateAfter (90d): a new key is created, delivered, verified; the old one stays active for the overlap'],
      [93, 'day 93: the vendors sign in with the new keys they read from Secrets Manager (rotate has nothing to do)'],
      [98, 'day 98: the overlap (7d) is over: old keys unused for 24h, whose new key was used since delivery, are deactivated'],
      [105, 'day 105: deleteAfter (7d) is over: the deactivated keys are deleted'],
    ]) {
      setDay(day);
      console.log(`\n-- ${what}`);
      if (day === 93) for (const account of [PROD, STAGING]) await vendorsSignIn(moto.endpoint, account);
      cli(['rotate', ...m, '--yes']);
    }
  } finally {
    await moto.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  heading(failed ? `demo finished with ${failed} unexpected exit status(es)` : 'demo finished: moto_server stopped, the demo folder removed');
  return failed ? 1 : 0;
}

/** Credentials inside `accountId` on moto: moto keys each account by the assumed role's ARN. */
async function accountCredentials(endpoint, accountId) {
  const sts = new STSClient({ region: 'us-east-1', endpoint, credentials: STATIC });
  const c = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/security-team`, RoleSessionName: 'demo' }))).Credentials;
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}

async function accountIam(endpoint, accountId) {
  return new IAMClient({ region: 'us-east-1', endpoint, credentials: await accountCredentials(endpoint, accountId) });
}

/**
 * Each vendor reads its key from Secrets Manager and signs a call with it: moto records the use,
 * the evidence of the switch rotate waits for before it deactivates the replaced key.
 */
async function vendorsSignIn(endpoint, accountId) {
  const sm = new SecretsManagerClient({ region: 'us-east-1', endpoint, credentials: await accountCredentials(endpoint, accountId) });
  for (const s of (await sm.send(new ListSecretsCommand({}))).SecretList ?? []) {
    // AWSCURRENT through the stages: moto's plain GetSecretValue keeps the first version after a promotion.
    const version = Object.entries(s.SecretVersionsToStages ?? {}).find(([, st]) => st.includes('AWSCURRENT'))?.[0];
    const v = JSON.parse((await sm.send(new GetSecretValueCommand({ SecretId: s.ARN, VersionId: version }))).SecretString ?? '{}');
    if (!v.accessKeyId || !v.secretAccessKey) continue;
    await new STSClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: v.accessKeyId, secretAccessKey: v.secretAccessKey } }).send(new GetCallerIdentityCommand({}));
    console.log(`- the vendor of ${s.Name} signed in with ${v.accessKeyId.slice(0, 4)}…${v.accessKeyId.slice(-4)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!findMoto()) {
    console.log(`${MOTO_INSTALL_HINT}; running the offline demo instead (npm run demo:offline: validate, then plan against a bundled snapshot).`);
    process.exitCode = offlineDemo();
  } else {
    process.exitCode = await main();
  }
}
