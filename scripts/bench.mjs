// `npm run bench`: measured figures for the action itself (no timed tests anywhere).
//
//  - validate: CPU time (user + system) and peak RSS of `node dist/index.js` as a whole
//    process, for manifests of 10, 100 and 1,000 connections (median of RUNS runs);
//  - apply (new connections, first keys included), then plan (the refresh of what apply made),
//    for the same manifests, and rotate for 1,000 keys: against moto_server behind a proxy
//    (scripts/bench/proxy.mjs) that adds LATENCY_MS to every call and lets each AWS account make
//    at most IAM_RPS IAM calls a second, answering `Throttling` beyond; per case: API calls by
//    operation, wall seconds, peak RSS, throttled calls, and the rate-limit lower bound;
//  - the bundle size and the cold start of validate on the example, side by side with
//    configure-aws-credentials' bundle (bench/configure-aws-credentials/, pinned, MIT: see its
//    PINNED file) on its static-key path, which makes one STS call to moto: alternating runs,
//    COLD_RUNS each, wall and peak RSS of each process, and both bundles' sizes.
//
// Options (env): BENCH_DIST (default dist/index.js: bundle elsewhere with
// `npx ncc build src/index.ts -o /tmp/bench-dist -q` to measure uncommitted changes),
// BENCH_SIZES (default 10,100,1000), BENCH_ROTATE_KEYS (default 40, 0 to skip: the rotation
// path takes each user's lock with a 2 s settle wait, users one after another, so 1,000 keys
// would take over half an hour of setup and rotation; raise it once rotation runs users concurrently),
// BENCH_WORLDS (default 20: IAM calls a second per account in the simulated world; the issue's
// table is `BENCH_WORLDS=5,20,50`), BENCH_LATENCY_MS (default 40), BENCH_CLIENT_RPS (sets the
// tool's IAM_CONNECTIONS_MAX_RPS ceiling; default: unset, the tool's defaults, which find the rate),
// BENCH_PARTS (default all: any of cold,validate,aws; a run without every part writes
// bench/results-partial.json instead of bench/results.json).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { manifestShape, writeManifest } from './bench/manifests.mjs';
import { startBenchProxy } from './bench/proxy.mjs';
import { benchOrganization } from './bench/org.mjs';
import { MOTO_INSTALL_HINT, findMoto, startMotoServer } from './lib/moto.mjs';

const RUNS = 5;
const DIST = resolve(process.env.BENCH_DIST || 'dist/index.js');
const SIZES = (process.env.BENCH_SIZES || '10,100,1000').split(',').map(Number).filter((n) => n > 0);
const ROTATE_KEYS = Number(process.env.BENCH_ROTATE_KEYS ?? 40);
const WORLDS = (process.env.BENCH_WORLDS || process.env.BENCH_IAM_RPS || '20').split(',').map(Number).filter((n) => n > 0);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS || 40);
const CLIENT_RPS = process.env.BENCH_CLIENT_RPS ? Number(process.env.BENCH_CLIENT_RPS) : undefined;
const ACCOUNTS = 4;
const COLD_RUNS = 10;
const PARTS = new Set((process.env.BENCH_PARTS || 'cold,validate,aws').split(','));
const CAC = resolve('bench/configure-aws-credentials/index.js');
const TIME = '/usr/bin/time'; // GNU time, for the cold start's peak RSS measured from outside
const work = resolve('.tmp/bench');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const hook = resolve('scripts/bench/rusage-hook.mjs');
// Minutes of validate figures are wasted if the AWS part cannot start: check first.
if (!findMoto()) {
  console.error(MOTO_INSTALL_HINT);
  process.exit(1);
}
if (PARTS.has('cold') && !existsSync(TIME)) {
  console.error(`${TIME} (GNU time) not found: the cold start measures peak RSS with it (apt-get install time), or leave out the cold part (BENCH_PARTS=validate,aws)`);
  process.exit(1);
}

function measure(args, cwd, env = {}) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const rusage = join(work, `rusage-${i}.json`);
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', hook, DIST, ...args], {
      cwd,
      env: { ...process.env, ...env, RUSAGE_FILE: rusage },
      encoding: 'utf8',
    });
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const u = JSON.parse(readFileSync(rusage, 'utf8'));
    samples.push({ code: r.status, cpuMs: u.userMs + u.systemMs, wallMs, maxRssMb: u.maxRssKb / 1024 });
  }
  const median = (k) => samples.map((s) => s[k]).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  return { exitCodes: [...new Set(samples.map((s) => s.code))], cpuMs: median('cpuMs'), wallMs: median('wallMs'), peakRssMb: Math.max(...samples.map((s) => s.maxRssMb)) };
}

// ---- the AWS world: moto_server behind the rate-limiting, latency-adding proxy ----

// The shared starter (scripts/lib/moto.mjs); the bench never attaches AWS-managed policies, so
// it skips loading them, as it always has.
const startMoto = () => startMotoServer({ env: { MOTO_IAM_LOAD_MANAGED_POLICIES: 'false' } });

/** Runs the bundle (or `script`) asynchronously (the proxy lives in this process) and measures it. */
function runTool(args, { cwd, env, script = DIST, timeFile }) {
  return new Promise((res) => {
    const rusage = join(work, `rusage-run-${process.hrtime.bigint()}.json`);
    const t0 = process.hrtime.bigint();
    // With timeFile, GNU time measures the process from outside: `--import hook` would itself make
    // a CommonJS bundle load through the ESM loader and add to its memory.
    const [cmd, ...cmdArgs] = timeFile ? [TIME, '-f', '%U %S %M', '-o', timeFile, process.execPath, script, ...args] : [process.execPath, '--import', hook, script, ...args];
    const child = spawn(cmd, cmdArgs, {
      cwd,
      env: { ...env, RUSAGE_FILE: rusage },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      let u = { userMs: 0, systemMs: 0, maxRssKb: 0 };
      try {
        if (timeFile) {
          const [user, system, rss] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
          u = { userMs: user * 1000, systemMs: system * 1000, maxRssKb: rss };
        } else u = JSON.parse(readFileSync(rusage, 'utf8'));
      } catch {
        // the process died before its exit hook
      }
      res({ code, wallMs, cpuMs: u.userMs + u.systemMs, peakRssMb: u.maxRssKb / 1024, stdout, stderr });
    });
  });
}

const isRead = (op) => /^iam:(Get|List|Generate)/.test(op);

/** Calls by operation (all accounts), IAM reads and writes per account, throttles. */
function summarizeCalls(stats) {
  const byOperation = {};
  const perAccount = {};
  for (const [account, a] of Object.entries(stats.byAccount)) {
    const acc = (perAccount[account] = { iamReads: 0, iamWrites: 0, iamThrottled: 0, other: 0 });
    for (const [op, o] of Object.entries(a.ops)) {
      const b = (byOperation[op] ??= { calls: 0, throttled: 0 });
      b.calls += o.calls;
      b.throttled += o.throttled;
      if (!op.startsWith('iam:')) acc.other += o.calls;
      else {
        acc.iamThrottled += o.throttled;
        if (isRead(op)) acc.iamReads += o.calls - o.throttled;
        else acc.iamWrites += o.calls - o.throttled;
      }
    }
  }
  const sorted = Object.fromEntries(Object.entries(byOperation).sort(([x], [y]) => x.localeCompare(y)));
  const sum = (k) => Object.values(perAccount).reduce((n, a) => n + a[k], 0);
  return { byOperation: sorted, perAccount, iamReads: sum('iamReads'), iamWrites: sum('iamWrites'), throttled: stats.throttled, totalCalls: stats.calls };
}

/** GAAD pages as real IAM serves them (1,000 items a page; moto answers in one page). */
const gaadPages = (a) => Math.max(1, Math.ceil((a.users + a.roles + a.policies) / 1000));
const REPORT_CALLS = 2; // GenerateCredentialReport + GetCredentialReport

/** Per-resource refresh (Terraform's AWS provider): calls the same manifest would cost. */
function refreshPatternCalls(shape) {
  // user: GetUser, ListAttachedUserPolicies (one attachment), ListAccessKeys; role: GetRole,
  // ListRolePolicies, ListAttachedRolePolicies; each customer policy: GetPolicy, GetPolicyVersion.
  return shape.reduce((n, a) => n + a.users * 3 + a.roles * 3 + a.policies * 2, 0);
}

function lowerBound(perAccountCalls, rps) {
  // Accounts run in parallel (4 at a time, 4 accounts): the slowest account sets the bound. The
  // bucket starts full, so the first `burst` (= rps) calls cost no waiting.
  return Math.max(...perAccountCalls.map((c) => Math.max(0, c - rps) / rps));
}

const baseEnv = (endpoint) => ({
  PATH: process.env.PATH ?? '',
  HOME: work,
  AWS_ENDPOINT_URL: endpoint,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIABENCHBENCHBENCH0',
  AWS_SECRET_ACCESS_KEY: 'bench-secret-not-real',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  ...(CLIENT_RPS !== undefined ? { IAM_CONNECTIONS_MAX_RPS: String(CLIENT_RPS) } : {}),
  RUNNER_TEMP: work,
});

function actionEnv(endpoint, dir, inputs) {
  // GITHUB_ACTIONS=true: without arguments, the bundle is the action only on a runner (else the CLI's usage, exit 2).
  const env = { ...baseEnv(endpoint), GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: join(dir, 'gh-output'), GITHUB_STEP_SUMMARY: join(dir, 'gh-summary') };
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return env;
}

async function awsCase(name, proxy, run, bound) {
  proxy.reset();
  const r = await run();
  const calls = summarizeCalls(proxy.stats());
  const lb = bound(calls);
  const out = {
    case: name,
    exitCode: r.code,
    wallSeconds: r.wallMs / 1000,
    cpuSeconds: r.cpuMs / 1000,
    peakRssMb: r.peakRssMb,
    throttled: calls.throttled,
    iamReads: calls.iamReads,
    iamWrites: calls.iamWrites,
    totalCalls: calls.totalCalls,
    lowerBoundSeconds: lb.seconds,
    lowerBoundFormula: lb.formula,
    wallOverLowerBound: r.wallMs / 1000 / lb.seconds,
    callsByOperation: calls.byOperation,
    callsPerAccount: calls.perAccount,
  };
  if (r.code !== 0) out.stderrTail = (r.stderr + r.stdout).split('\n').filter((l) => /error|fail/i.test(l)).slice(0, 10);
  return out;
}

// `BENCH_ONLY=org`: the organisation case alone (issue 15), printed and not written to bench/results.json.
if (process.env.BENCH_ONLY === 'org') {
  const moto = await startMoto();
  try {
    console.log(JSON.stringify(await benchOrganization({ moto, dist: DIST, env: baseEnv, work }), null, 2));
  } finally {
    moto.stop();
  }
  process.exit(0);
}

const results = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  runs: RUNS,
  world: {
    latencyMsPerCall: LATENCY_MS,
    iamRpsPerAccount: WORLDS,
    iamBurstPerAccount: 'one second of the world rate',
    clientMaxRps: CLIENT_RPS ?? 'tool default (no ceiling: the limiter finds the rate)',
    accounts: ACCOUNTS,
    note: 'moto_server 5 behind scripts/bench/proxy.mjs; every call waits latencyMsPerCall; IAM calls beyond the per-account token bucket get HTTP 400 Throttling. moto serves GetAccountAuthorizationDetails in one page; lower bounds count pages as IAM would (1,000 items a page).',
  },
  formulas: {
    plan: 'max over accounts of (GAAD pages + one ListAccessKeys per managed user + 2 credential-report calls) / iamRpsPerAccount, less the first burst (iamBurstPerAccount calls) the full bucket lets through at once',
    apply: 'max over accounts of (successful IAM write calls + 1 GAAD page + 2 credential-report calls - burst) / iamRpsPerAccount: the writes the run needed, at the allowed rate',
    rotate: 'max over accounts of (successful IAM write calls + GAAD pages + one ListAccessKeys per user + 2 report calls - burst) / iamRpsPerAccount',
    perResourceRefresh: 'per user GetUser + ListAttachedUserPolicies + ListAccessKeys, per role GetRole + ListRolePolicies + ListAttachedRolePolicies, per customer policy GetPolicy + GetPolicyVersion',
  },
  validate: [],
  apply: [],
  plan: [],
  rotate: [],
  action: {},
};

const bundleBytes = (entry) => {
  // ncc writes the dynamic imports as chunks beside the entry: the bundle is the whole folder's JavaScript.
  const dir = resolve(entry, '..');
  return readdirSync(dir).filter((f) => f.endsWith('.js')).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
};

/**
 * Cold start, as a runner starts each step: `validate` on the example in action mode against
 * configure-aws-credentials with static keys (one STS GetCallerIdentity to moto through the
 * proxy, no added latency), alternating so both see the same machine load.
 */
async function coldStart(endpoint, proxy) {
  const runs = { ours: [], configureAwsCredentials: [] };
  for (let i = 0; i < COLD_RUNS; i++) {
    const ours = join(work, `cold-ours-${i}`);
    mkdirSync(ours, { recursive: true });
    const oursEnv = { ...actionEnv(endpoint, ours, { command: 'validate', manifest: 'examples/connections.yaml' }), GITHUB_WORKSPACE: process.cwd(), CLOUDYN_EXTERNAL_ID: 'bench-external-id' };
    runs.ours.push(await runTool([], { cwd: process.cwd(), env: oursEnv, timeFile: join(ours, 'time') }));
    const theirs = join(work, `cold-cac-${i}`);
    mkdirSync(theirs, { recursive: true });
    const cacEnv = {
      ...actionEnv(endpoint, theirs, { 'aws-access-key-id': 'AKIABENCHBENCHBENCH0', 'aws-secret-access-key': 'bench-secret-not-real', 'aws-region': 'us-east-1' }),
      GITHUB_ENV: join(theirs, 'gh-env'),
      GITHUB_PATH: join(theirs, 'gh-path'),
    };
    for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) delete cacEnv[k];
    writeFileSync(cacEnv.GITHUB_ENV, '');
    writeFileSync(cacEnv.GITHUB_PATH, '');
    proxy.reset();
    runs.configureAwsCredentials.push({ ...(await runTool([], { cwd: theirs, env: cacEnv, script: CAC, timeFile: join(theirs, 'time') })), stsCalls: proxy.stats().calls });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const sum = (rs) => ({
    exitCodes: [...new Set(rs.map((r) => r.code))],
    wallMsMedian: median(rs.map((r) => r.wallMs)),
    cpuMsMedian: median(rs.map((r) => r.cpuMs)),
    peakRssMbMax: Math.max(...rs.map((r) => r.peakRssMb)),
    peakRssMbMedian: median(rs.map((r) => r.peakRssMb)),
  });
  const ours = sum(runs.ours);
  const theirs = { ...sum(runs.configureAwsCredentials), callsPerRun: [...new Set(runs.configureAwsCredentials.map((r) => r.stsCalls))] };
  return {
    runs: COLD_RUNS,
    loadAverage: readFileSync('/proc/loadavg', 'utf8').trim(),
    ours: { command: 'validate examples/connections.yaml (action mode)', bundleBytes: bundleBytes(DIST), ...ours },
    configureAwsCredentials: { pinned: 'aws-actions/configure-aws-credentials@bcd4089080cf41e4db9dad11fce2a9397e670bbd (v6.2.3 dist/index.js)', path: 'static keys, GetCallerIdentity', bundleBytes: bundleBytes(CAC), ...theirs },
    wallRatio: ours.wallMsMedian / theirs.wallMsMedian,
    targets: { wallRatio: 1.25, peakRssMb: 80 },
  };
}

for (const n of PARTS.has('validate') ? SIZES : []) {
  const dir = join(work, `validate-${n}`);
  const file = writeManifest(dir, n, ACCOUNTS);
  const m = measure(['validate', '-m', 'connections.yaml'], dir);
  results.validate.push({ connections: n, manifestBytes: statSync(file).size, ...m });
}
results.action.bundleBytes = bundleBytes(DIST);

const moto = await startMoto();
try {
  if (PARTS.has('cold')) {
    const proxy = await startBenchProxy({ upstream: moto.endpoint, latencyMs: 0, iamRps: 1000 });
    try {
      results.action.coldStart = await coldStart(proxy.endpoint, proxy);
    } finally {
      await proxy.stop();
    }
  }
  if (PARTS.has('aws')) results.organization = await benchOrganization({ moto, dist: DIST, env: baseEnv, work });
  for (const IAM_RPS of PARTS.has('aws') ? WORLDS : []) {
    const proxy = await startBenchProxy({ upstream: moto.endpoint, latencyMs: LATENCY_MS, iamRps: IAM_RPS });
    try {
      for (const n of SIZES) {
        await moto.reset();
        const dir = join(work, `aws-${n}`);
        // Without accessKey: apply measures the executor; first keys go through the rotation path,
        // benched below (its per-user lock waits 2 s, one user after another: see the report).
        writeManifest(dir, n, ACCOUNTS, 5, { keys: false });
        // apply and rotate run as the CLI (`--yes`, the standard credential chain): the action
        // takes AWS credentials from GitHub's OIDC only, which the bench does not stand in for.
        const shape = manifestShape(n, ACCOUNTS);
        const apply = await awsCase(
          `apply ${n}`,
          proxy,
          () => runTool(['apply', '-m', 'connections.yaml', '--yes'], { cwd: dir, env: baseEnv(proxy.endpoint) }),
          (calls) => ({
            seconds: lowerBound(shape.map((a) => (calls.perAccount[a.id]?.iamWrites ?? 0) + 1 + REPORT_CALLS), IAM_RPS),
            formula: results.formulas.apply,
          }),
        );
        results.apply.push({ world: IAM_RPS, connections: n, ...apply });
        const plan = await awsCase(
          `plan ${n}`,
          proxy,
          () => runTool(['plan', '-m', 'connections.yaml', '--format', 'json', '--fail-on', 'never'], { cwd: dir, env: baseEnv(proxy.endpoint) }),
          () => ({ seconds: lowerBound(shape.map((a) => gaadPages(a) + a.users + REPORT_CALLS), IAM_RPS), formula: results.formulas.plan }),
        );
        const refresh = refreshPatternCalls(shape);
        results.plan.push({ world: IAM_RPS, connections: n, ...plan, readCallsPerConnection: plan.iamReads / n, perResourceRefreshCalls: refresh, perResourceRefreshPerConnection: refresh / n });
      }

      if (ROTATE_KEYS > 0) {
        await moto.reset();
        const dir = join(work, `rotate-${ROTATE_KEYS}`);
        writeManifest(dir, ROTATE_KEYS, ACCOUNTS, 0);
        const shape = manifestShape(ROTATE_KEYS, ACCOUNTS, 0);
        const setup = await awsCase(
          `apply ${ROTATE_KEYS} users (rotate setup)`,
          proxy,
          () => runTool(['apply', '-m', 'connections.yaml', '--yes'], { cwd: dir, env: baseEnv(proxy.endpoint) }),
          (calls) => ({ seconds: lowerBound(shape.map((a) => (calls.perAccount[a.id]?.iamWrites ?? 0) + 1 + REPORT_CALLS), IAM_RPS), formula: results.formulas.apply }),
        );
        // Far enough ahead that every key is due: one new key each, created, delivered, verified, recorded.
        // as-of only previews: the tool's clock moves with IAM_CONNECTIONS_NOW.
        const now = new Date(Date.now() + 100 * 86_400_000).toISOString();
        const rotate = await awsCase(
          `rotate ${ROTATE_KEYS} keys`,
          proxy,
          () => runTool(['rotate', '-m', 'connections.yaml', '--yes'], { cwd: dir, env: { ...baseEnv(proxy.endpoint), IAM_CONNECTIONS_NOW: now } }),
          (calls) => ({
            seconds: lowerBound(shape.map((a) => (calls.perAccount[a.id]?.iamWrites ?? 0) + gaadPages(a) + a.users + REPORT_CALLS), IAM_RPS),
            formula: results.formulas.rotate,
          }),
        );
        results.rotate.push({ world: IAM_RPS, keys: ROTATE_KEYS, setup, ...rotate });
      }
    } finally {
      await proxy.stop();
    }
  }
} finally {
  moto.stop();
}

// ---- the table ----
const f = (x, d = 0, w = 7) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '-').padStart(w);
console.log('validate (median of %d runs, whole process)', RUNS);
console.log('connections   cpu ms  wall ms  peak RSS MB  exit');
for (const r of results.validate) console.log(`${String(r.connections).padStart(11)}  ${f(r.cpuMs)}  ${f(r.wallMs)}  ${f(r.peakRssMb, 0, 11)}  ${r.exitCodes.join(',').padStart(4)}`);
const c = results.action.coldStart;
if (c) {
  console.log(`\ncold start (median of ${c.runs} alternating runs; load ${c.loadAverage})      wall ms  cpu ms  peak MB (max)  bundle KiB  exit`);
  for (const [name, r] of [['iam-connections validate (example)', c.ours], ['configure-aws-credentials static keys + STS', c.configureAwsCredentials]]) {
    console.log(`${name.padEnd(56)} ${f(r.wallMsMedian, 0, 7)} ${f(r.cpuMsMedian, 0, 7)} ${f(r.peakRssMbMax, 0, 14)} ${f(r.bundleBytes / 1024, 0, 11)}  ${r.exitCodes.join(',')}`);
  }
  console.log(`wall ratio ${c.wallRatio.toFixed(2)} (target 1.25); configure-aws-credentials calls a run: ${c.configureAwsCredentials.callsPerRun.join(',')}`);
}
console.log(`\nAWS cases: ${ACCOUNTS} accounts, +${LATENCY_MS} ms a call, IAM <world> calls/s per account (tool limiter: ${CLIENT_RPS !== undefined ? `ceiling ${CLIENT_RPS}/s` : 'defaults'})`);
console.log('world case                             exit   wall s  lower s  wall/lb  IAM reads  IAM writes  throttled  RSS MB  reads/conn  refresh/conn');
const row = (r, world, extra = '') =>
  console.log(`${String(world).padStart(5)} ${r.case.padEnd(32)} ${String(r.exitCode).padStart(4)} ${f(r.wallSeconds, 1, 8)} ${f(r.lowerBoundSeconds, 1, 8)} ${f(r.wallOverLowerBound, 2, 8)} ${f(r.iamReads, 0, 10)} ${f(r.iamWrites, 0, 11)} ${f(r.throttled, 0, 10)} ${f(r.peakRssMb, 0, 7)}${extra}`);
for (const r of results.apply) row(r, r.world);
for (const r of results.plan) row(r, r.world, `  ${f(r.readCallsPerConnection, 2, 10)}  ${f(r.perResourceRefreshPerConnection, 2, 12)}`);
for (const r of results.rotate) {
  row(r.setup, r.world);
  row(r, r.world);
}
mkdirSync('bench', { recursive: true });
results.loadAverageAtEnd = readFileSync('/proc/loadavg', 'utf8').trim();
const complete = ['cold', 'validate', 'aws'].every((p) => PARTS.has(p));
writeFileSync(complete ? 'bench/results.json' : 'bench/results-partial.json', `${JSON.stringify({ parts: [...PARTS], ...results }, null, 2)}\n`);
