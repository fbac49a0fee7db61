/**
 * Faults, fast part: apply the small manifest through the bundled action while the proxy
 * answers seeded random calls with throttling bursts, 500, 503, dropped connections, slow
 * answers and lost answers (the write happens, the answer is a 500). Whatever that run reports,
 * a clean rerun ends in exactly the state of a clean run, and a plan after it shows no change.
 * The long part (more seeds, rotate) is scripts/reliability.mjs.
 */
import { STACK_TRACE } from '../e2e/run-action.js';
import { startWorld, type World } from '../e2e/world.js';
import { emulateMotoGaps } from '../helpers/aws-proxy.js';
import { accountView, day, executable, expireRotateLocks, FAULT_KINDS, injectFaults, LONG, NOW, RUN_ENV, smallRepo, type AccountView, type FaultKind } from './chaos.js';

const SEEDS = LONG ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [1];
/** Rotate under faults runs in the long part only (scripts/reliability.mjs). */
const ROTATE_SEEDS = LONG ? [11, 12, 13, 14, 15, 16, 17, 18, 19, 20] : [12];

let world: World;
let clean: AccountView;
const totals: Record<FaultKind, number> = { throttling: 0, http500: 0, http503: 0, reset: 0, slow: 0, 'lost-answer': 0 };

const apply = (repo: string) => world.run({ inputs: { command: 'apply' }, cwd: repo, env: { ...RUN_ENV, ...world.at(NOW) } });

beforeAll(async () => {
  world = await startWorld();
  const first = await apply(smallRepo(world));
  if (first.code !== 0) throw new Error(`clean apply failed:\n${first.stdout}\n${first.stderr}`);
  clean = await accountView(world);
});
afterAll(async () => {
  console.log(`faults injected over apply seeds ${SEEDS.join(', ')}${ROTATE_SEEDS.length ? ` and rotate seeds ${ROTATE_SEEDS.join(', ')}` : ''}: ${JSON.stringify(totals)}`);
  await world?.stop();
});

test('the clean run itself: every declared resource, one active key, delivered', () => {
  expect(clean.keys).toEqual({ 'reader-user': ['Active'] });
  expect(clean.secrets).toEqual({ 'integrations/reader': 'active key' });
  expect((clean.users as { name: string }[]).map((u) => u.name)).toEqual(['auditor-user', 'reader-user']);
});

test.each(SEEDS)('seed %i: apply under faults, then a clean apply, equals a clean run; a plan after shows nothing to do', async (seed) => {
  await world.reset();
  const repo = smallRepo(world);
  const log = injectFaults(world.proxy, { seed, rate: 0.25, slowMs: 1200 });
  const faulted = await apply(repo);
  for (const k of FAULT_KINDS) totals[k] += log.counts[k];
  // Either it absorbed the faults, or it failed saying what was and was not done: never a crash.
  expect(faulted.stdout + faulted.stderr).not.toMatch(STACK_TRACE);
  if (faulted.code !== 0) expect(faulted.stdout).toMatch(/FAILED|failed/);
  expect(Object.values(log.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  // A user never holds more than two keys, even mid-way.
  expect(Object.values((await accountView(world)).keys).every((k) => k.length <= 2)).toBe(true);

  world.proxy.clear();
  emulateMotoGaps(world.proxy);
  const rerun = await apply(repo);
  expect({ seed, code: rerun.code, events: log.events.length }).toEqual({ seed, code: 0, events: log.events.length });
  expect(await accountView(world)).toEqual(clean);
  const plan = await world.run({ inputs: { command: 'plan' }, cwd: repo, env: { ...RUN_ENV, ...world.at(NOW) } });
  expect(plan.code).toBe(0);
  expect(executable(plan.outputs.plan as string)).toEqual([]);
  console.log(`seed ${seed}: faulted apply exit ${faulted.code}; faults ${JSON.stringify(log.counts)}`);
});

let cleanRotate: AccountView | undefined;
const rotate = (repo: string) => world.run({ inputs: { command: 'rotate' }, cwd: repo, env: { ...RUN_ENV, ...world.at(day(91)) } });

test.each(ROTATE_SEEDS)('seed %i: rotate on day 91 under faults, then a clean rotate, equals a clean rotate; the sink never loses its key', async (seed) => {
  if (cleanRotate === undefined) {
    await world.reset();
    const repo = smallRepo(world);
    expect((await apply(repo)).code).toBe(0);
    expect((await rotate(repo)).code).toBe(0);
    cleanRotate = await accountView(world);
  }
  await world.reset();
  const repo = smallRepo(world);
  expect((await apply(repo)).code).toBe(0);
  const log = injectFaults(world.proxy, { seed, rate: 0.25, slowMs: 1200 });
  const faulted = await rotate(repo);
  for (const k of FAULT_KINDS) totals[k] += log.counts[k];
  expect(faulted.stdout + faulted.stderr).not.toMatch(STACK_TRACE);
  if (faulted.code !== 0) expect(faulted.stdout).toMatch(/FAILED|failed|error/i);
  const mid = await accountView(world);
  expect(Object.values(mid.keys).every((k) => k.length <= 2)).toBe(true);
  expect(mid.secrets['integrations/reader']).toBe('active key');

  world.proxy.clear();
  emulateMotoGaps(world.proxy);
  // A run that died on a fault may not have released its lock: fifteen minutes pass.
  await expireRotateLocks(world);
  const rerun = await rotate(repo);
  expect({ seed, code: rerun.code }).toEqual({ seed, code: 0 });
  expect(await accountView(world)).toEqual(cleanRotate);
  console.log(`rotate seed ${seed}: faulted rotate exit ${faulted.code}; faults ${JSON.stringify(log.counts)}`);
}, 120_000);
