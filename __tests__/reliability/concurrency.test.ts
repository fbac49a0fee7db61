/**
 * Concurrency: two runs of the bundled action started at once against one account, as two
 * runners of two workflow runs would (different GITHUB_RUN_ID, separate processes, nothing
 * shared but AWS). The user lock (a tag on the user, ../../src/rotate/lock.ts) lets at most one
 * of them create a key; the other says another run holds the lock. CreateAccessKey is slowed
 * down so the first run still holds the lock when the second one looks.
 */
import { startWorld, type World } from '../e2e/world.js';
import { accountView, day, RUN_ENV, smallRepo } from './chaos.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

const both = (command: 'apply' | 'rotate', asOf: string, repo: string) =>
  Promise.all(
    ['7001', '7002'].map((runId) =>
      world.run({ inputs: { command }, cwd: repo, env: { ...RUN_ENV, ...world.at(asOf), GITHUB_RUN_ID: runId } }),
    ),
  );

test.each<['apply' | 'rotate', string]>([
  ['rotate', 'the key is due (day 91)'],
  ['apply', 'a new user gets its first key'],
])('two %s runs at once (%s) create at most one key; the other says the lock is held', async (command) => {
  await world.reset();
  const repo = smallRepo(world);
  if (command === 'rotate') {
    const first = await world.run({ inputs: { command: 'apply' }, cwd: repo, env: { ...RUN_ENV, IAM_CONNECTIONS_NOW: day(0) } });
    expect(first.code).toBe(0);
  }
  const before = world.proxy.count('CreateAccessKey');
  world.proxy.inject({ action: 'CreateAccessKey', delayMs: 3000 });
  const runs = await both(command, command === 'rotate' ? day(91) : day(0), repo);
  const created = world.proxy.count('CreateAccessKey') - before;
  const locked = runs.filter((r) => /holds the lock/.test(r.stdout));
  const view = await accountView(world);
  console.log(`two ${command} runs: exit ${runs.map((r) => r.code).join(' and ')}; CreateAccessKey ${created}; ${locked.length} said the lock is held`);
  if (created !== 1) for (const r of runs) console.log(`exit ${r.code}:\n${r.stdout.slice(-1500)}\n${r.stderr.slice(-500)}`);
  expect(created).toBe(1);
  expect(locked).toHaveLength(1);
  // The run that got the lock finished; the one that did not says who holds it and until when.
  expect(runs.filter((r) => r.code === 0).length).toBeGreaterThanOrEqual(1);
  expect(locked[0]?.stdout).toMatch(/another rotate run \(acme\/infra run 700[12] attempt 1\) holds the lock on user reader-user until \d{4}-/);
  expect(view.keys['reader-user']?.length).toBeLessThanOrEqual(2);
  expect(view.keys['reader-user']).toEqual(command === 'rotate' ? ['Active', 'Active'] : ['Active']);
  expect(view.secrets['integrations/reader']).toBe('active key');
}, 60_000);
