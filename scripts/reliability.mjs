#!/usr/bin/env node
/**
 * The long part of the reliability suite (issue 8): the same test files as `npm test`, with
 * RELIABILITY_LONG=1 widening their loops: ten fault seeds for apply and ten for rotate, a crash
 * at every write step of apply and of rotate, twenty repetitions of each lock race, and a two-sink rotation killed at four
 * points spread over its AWS and GitHub calls and failed once at two sink calls (kill-rotation.test.ts; RELIABILITY_FULL=1
 * kills after every call and fails every sink call, about 15 minutes on an idle machine). Prints the figures the tests log as a summary.
 *
 *   node scripts/reliability.mjs            # needs dist/index.js (npm run bundle) and moto_server
 *   RELIABILITY_SEED=9 node scripts/reliability.mjs
 */
import { spawn } from 'node:child_process';

const FIGURES = /^\s*(faults injected .*|seed \d+: .*|rotate seed \d+: .*|(apply|rotate) write steps .*|(apply|rotate) killed after .*|rotation calls \(\d+\).*|sink call #\d+ .*|two (apply|rotate) runs: .*|lock race .*|secret hygiene: .*|hostile: .*|least privilege: .*)$/;

// Two workers, as npm test: the suites are independent (each starts its own moto_server).
const child = spawn('npx', ['jest', '--maxWorkers=2', '--verbose', '__tests__/reliability'], {
  env: { ...process.env, RELIABILITY_LONG: '1', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const figures = [];
let tail = '';
const scan = (chunk) => {
  const text = tail + chunk.toString('utf8');
  const lines = text.split('\n');
  tail = lines.pop() ?? '';
  for (const line of lines) {
    process.stdout.write(`${line}\n`);
    const m = FIGURES.exec(line);
    if (m) figures.push(m[1]);
  }
};
child.stdout.on('data', scan);
child.stderr.on('data', scan);
const code = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
scan('\n');
console.log('\n=== reliability summary (long run) ===');
for (const f of figures) console.log(`  ${f}`);
console.log(`=== jest exit ${code} ===`);
process.exitCode = code;
