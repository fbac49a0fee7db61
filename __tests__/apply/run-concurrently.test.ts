/** The executor's scheduling within one account: independent connections overlap, nothing else does. */
import { runConcurrently, type Prepared } from '../../src/apply/executor.js';
import type { Change } from '../../src/plan/model.js';

function change(id: string, connection: string | undefined, dependsOn: string[] = []): Prepared {
  const c = { id, account: 'prod', resource: { type: 'user', name: id }, action: 'create', kind: 'missing', dependsOn } as unknown as Change;
  if (connection !== undefined) (c as { connection?: string }).connection = connection;
  return { change: c };
}

/** Runs the schedule; each change "takes" until the test releases it. Records start/end order. */
async function trace(prepared: Prepared[], limit: number) {
  const events: string[] = [];
  let inFlight = 0;
  let peak = 0;
  await runConcurrently(prepared, limit, async (p) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    events.push(`start ${p.change.id}`);
    // Yield a few times so that anything allowed to overlap does.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    events.push(`end ${p.change.id}`);
    inFlight--;
  });
  return { events, peak };
}

const before = (events: string[], a: string, b: string): boolean => events.indexOf(a) < events.indexOf(b);

describe('runConcurrently', () => {
  test('different connections run side by side, up to the limit', async () => {
    const { peak } = await trace([change('a1', 'a'), change('b1', 'b'), change('c1', 'c'), change('d1', 'd')], 3);
    expect(peak).toBe(3);
  });

  test('a connection\'s changes run one after another, in order', async () => {
    const { events, peak } = await trace([change('a1', 'a'), change('a2', 'a'), change('a3', 'a')], 8);
    expect(peak).toBe(1);
    expect(events).toEqual(['start a1', 'end a1', 'start a2', 'end a2', 'start a3', 'end a3']);
  });

  test('a change waits for what it depends on in another connection', async () => {
    const { events } = await trace([change('p', 'shared'), change('b1', 'b', ['p']), change('c1', 'c')], 8);
    expect(before(events, 'end p', 'start b1')).toBe(true);
    expect(before(events, 'start c1', 'end p')).toBe(true);
  });

  test('a change of no connection is a barrier', async () => {
    const { events } = await trace([change('a1', 'a'), change('b1', 'b'), change('x', undefined), change('c1', 'c')], 8);
    expect(before(events, 'end a1', 'start x')).toBe(true);
    expect(before(events, 'end b1', 'start x')).toBe(true);
    expect(before(events, 'end x', 'start c1')).toBe(true);
  });

  test('a limit of 1 is the sequential order', async () => {
    const { events, peak } = await trace([change('a1', 'a'), change('b1', 'b'), change('a2', 'a')], 1);
    expect(peak).toBe(1);
    expect(events.filter((e) => e.startsWith('start'))).toEqual(['start a1', 'start b1', 'start a2']);
  });
});
