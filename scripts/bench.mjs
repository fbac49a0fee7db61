// `npm run bench`: measured figures for the action itself (no timed tests anywhere).
// Validate: CPU time (user + system) and peak RSS of `node dist/index.js` as a whole process,
// for manifests of 10, 100 and 1,000 connections; bundle size; cold start on the example.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeManifest } from './bench/manifests.mjs';

const RUNS = 5;
const work = resolve('.tmp/bench');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const hook = resolve('scripts/bench/rusage-hook.mjs');

function measure(args, cwd, env = {}) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const rusage = join(work, `rusage-${i}.json`);
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', hook, resolve('dist/index.js'), ...args], {
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

const results = { generatedAt: new Date().toISOString(), node: process.version, runs: RUNS, validate: [], action: {} };
for (const n of [10, 100, 1000]) {
  const dir = join(work, `validate-${n}`);
  const file = writeManifest(dir, n);
  const m = measure(['validate', '-m', 'connections.yaml'], dir);
  results.validate.push({ connections: n, manifestBytes: statSync(file).size, ...m });
}
results.action.bundleBytes = statSync('dist/index.js').size;
results.action.coldStartValidateExample = measure(['validate', '-m', 'examples/connections.yaml'], process.cwd(), {
  CLOUDYN_EXTERNAL_ID: 'bench-external-id',
});

const fmt = (x) => x.toFixed(0).padStart(7);
console.log('validate (median of %d runs, whole process)', RUNS);
console.log('connections   cpu ms  wall ms  peak RSS MB  exit');
for (const r of results.validate) console.log(`${String(r.connections).padStart(11)}  ${fmt(r.cpuMs)}  ${fmt(r.wallMs)}  ${fmt(r.peakRssMb)}      ${r.exitCodes.join(',')}`);
const c = results.action.coldStartValidateExample;
console.log(`bundle dist/index.js: ${(results.action.bundleBytes / 1024).toFixed(0)} KiB; cold start validate example: cpu ${c.cpuMs.toFixed(0)} ms, wall ${c.wallMs.toFixed(0)} ms, exit ${c.exitCodes.join(',')}`);
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
