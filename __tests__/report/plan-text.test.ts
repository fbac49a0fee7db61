/**
 * The plan as a person reads it in a terminal: the example drift (examples/snapshot.json) in
 * colour and without, as committed snapshots (reviewed by eye); and the rules the text keeps
 * whatever the plan: colour never changes a character, every change comes after what it depends
 * on, severity order holds otherwise, watched items rank with the changes under the same marker.
 */
import { snapshotInventoryReader } from '../../src/commands/inventory-readers.js';
import { runPlan } from '../../src/commands/plan.js';
import type { Change, Plan, Severity } from '../../src/plan/model.js';
import { SEVERITY_ORDER } from '../../src/plan/model.js';
import { displayOrder, renderPlanText } from '../../src/report/plan-text.js';
import { ANSI, PLAIN, stripAnsi, wantColour } from '../../src/text/ansi.js';
import { planOf } from './plans.js';

async function examplePlan(): Promise<Plan> {
  const r = await runPlan('examples/connections.yaml', {
    root: process.cwd(),
    env: { CLOUDYN_EXTERNAL_ID: 'Contoso-0123456789' },
    accounts: [],
    now: new Date('2026-11-20T00:00:00Z'),
    prune: false,
    reader: () => snapshotInventoryReader('examples/snapshot.json'),
  });
  if (!r.plan) throw new Error(`no plan: ${JSON.stringify(r.errors)}`);
  return r.plan;
}

describe('the example drift', () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await examplePlan();
  });

  test('without colour (NO_COLOR, --no-color, a pipe)', () => {
    expect(renderPlanText(plan, PLAIN)).toMatchSnapshot();
  });

  test('in colour (a terminal)', () => {
    expect(renderPlanText(plan, ANSI)).toMatchSnapshot();
  });

  test('colour adds escapes and nothing else', () => {
    const coloured = renderPlanText(plan, ANSI);
    expect(coloured).not.toBe(renderPlanText(plan, PLAIN));
    expect(stripAnsi(coloured)).toBe(renderPlanText(plan, PLAIN));
  });

  test('within a connection the user is created before its key, policy attachment after the policy', () => {
    const text = renderPlanText(plan);
    const staging = text.slice(text.indexOf('staging ('));
    const at = (s: string) => staging.indexOf(s);
    expect(at('user senhasegura-cloud-iam: missing -> create')).toBeGreaterThan(-1);
    expect(at('user senhasegura-cloud-iam: missing -> create')).toBeLessThan(at('access-key senhasegura-cloud-iam: key-missing'));
    expect(at('user senhasegura-cloud-iam: missing -> create')).toBeLessThan(at('attachment user/senhasegura-cloud-iam/'));
    expect(at('policy senhasegura-')).toBeLessThan(at('attachment user/senhasegura-cloud-iam/'));
  });

  test('the watched critical role ranks with the critical changes and carries the marker', () => {
    const lines = renderPlanText(plan).split('\n');
    const watched = lines.findIndex((l) => l.includes('watched role CloudCoreoAssumedRole'));
    expect(lines[watched]).toMatch(/^ {2}! \[critical\] cloudcoreo-setup: watched role CloudCoreoAssumedRole: /);
    const firstBelowCritical = lines.findIndex((l) => /^ {2}[! ] \[(high|medium|low|info)\]/.test(l));
    expect(watched).toBeLessThan(firstBelowCritical);
  });
});

function change(id: string, severity: Severity, extra: Partial<Change> = {}): Change {
  return { id, account: 'prod', connection: 'c', resource: { type: 'user', name: id }, kind: 'missing', action: 'create', severity, security: false, reason: `reason ${id}`, ...extra };
}

describe('display order', () => {
  test('a dependency is pulled before the first change that needs it, however low its severity', () => {
    const changes = [change('attach', 'high', { dependsOn: ['create'] }), change('create', 'info'), change('other', 'medium')];
    expect(displayOrder(changes).map((c) => c.id)).toEqual(['create', 'attach', 'other']);
  });

  test('without dependencies it is the severity order; a dependency cycle does not loop', () => {
    const random = SEVERITY_ORDER.flatMap((s, i) => [change(`z${i}`, s), change(`a${i}`, s, { security: true })]).reverse();
    const ordered = displayOrder(random);
    expect(ordered.map((c) => SEVERITY_ORDER.indexOf(c.severity))).toEqual([...ordered.map((c) => SEVERITY_ORDER.indexOf(c.severity))].sort((a, b) => a - b));
    const cycle = [change('a', 'high', { dependsOn: ['b'] }), change('b', 'low', { dependsOn: ['a'] })];
    expect(displayOrder(cycle).map((c) => c.id).sort()).toEqual(['a', 'b']);
  });
});

describe('new roles show whom they trust', () => {
  test('principals and the external ID source; a role without one says so', () => {
    const trust = (extra: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::432263259397:root' }, Action: 'sts:AssumeRole', ...extra }] });
    const plan = planOf([
      {
        account: 'prod',
        changes: [
          change('with', 'medium', { resource: { type: 'role', name: 'with' }, after: { trust: trust({}), externalId: { placeholder: '(externalId from env VENDOR_ID)', source: { env: 'VENDOR_ID' } } } }),
          change('without', 'medium', { resource: { type: 'role', name: 'without' }, after: { trust: trust({}) } }),
        ],
      },
    ]);
    const text = renderPlanText(plan);
    expect(text).toMatch(/role with: missing -> create\n.*\n {6}trusts AWS arn:aws:iam::432263259397:root; requires external ID \(from env VENDOR_ID\)/);
    expect(text).toMatch(/role without: missing -> create\n.*\n {6}trusts AWS arn:aws:iam::432263259397:root; no external ID required/);
  });
});

describe('when to colour', () => {
  const tty = { noColorFlag: false, env: {}, isTTY: true };
  test.each([
    ['a terminal', tty, true],
    ['a pipe', { ...tty, isTTY: false }, false],
    ['--no-color on a terminal', { ...tty, noColorFlag: true }, false],
    ['NO_COLOR=1 on a terminal', { ...tty, env: { NO_COLOR: '1' } }, false],
    ['NO_COLOR empty (unset, per no-color.org)', { ...tty, env: { NO_COLOR: '' } }, true],
    ['FORCE_COLOR=1 into a pipe', { ...tty, isTTY: false, env: { FORCE_COLOR: '1' } }, true],
    ['FORCE_COLOR=0 on a terminal', { ...tty, env: { FORCE_COLOR: '0' } }, false],
    ['FORCE_COLOR outranks NO_COLOR (as in Node)', { ...tty, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }, true],
    ['--no-color outranks FORCE_COLOR', { ...tty, noColorFlag: true, env: { FORCE_COLOR: '1' } }, false],
    ['TERM=dumb', { ...tty, env: { TERM: 'dumb' } }, false],
  ])('%s', (_name, opts, expected) => {
    expect(wantColour(opts)).toBe(expected);
  });
});
