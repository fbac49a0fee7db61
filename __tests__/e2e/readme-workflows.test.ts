/**
 * The workflows the README tells people to copy, run step by step with exactly their inputs
 * through the bundled action, so the documentation cannot drift from what works.
 */
import { exampleRepo, readmeWorkflow, secrets, expand } from './readme.js';
import { startWorld, type World } from './world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

test('the pull-request workflow: validate, then plan, with the permissions it declares', async () => {
  const wf = readmeWorkflow('.github/workflows/connections-pr.yml');
  expect(wf.permissions).toEqual({ contents: 'read', 'id-token': 'write', 'pull-requests': 'write' });
  const ours = wf.steps.filter((s) => s.uses?.includes('iam-connections'));
  expect(ours.map((s) => s.with?.command)).toEqual(['validate', 'plan']);
  const repo = exampleRepo(world);
  for (const step of ours) {
    const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(String(v))]));
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)]));
    const run = await world.run({ inputs, cwd: repo, env });
    expect({ step: step.name, code: run.code, stderr: run.stderr.replace(/\(node:\d+\) Warning: NodeVersionSupportWarning[\s\S]*$/, '') }).toEqual({
      step: step.name,
      code: 0,
      stderr: '',
    });
    if (inputs.command === 'plan') {
      expect(run.outputs.drift).toBe('true'); // a new account: everything is missing
      expect(JSON.parse(run.outputs['role-arns'] as string)).toEqual({
        'cloudyn/prod': 'arn:aws:iam::111122223333:role/connections/cloudyn-cost-reader',
      });
      expect(run.summary).toContain('iam-connections plan');
      expect(run.stdout + run.summary).not.toContain(secrets.CLOUDYN_EXTERNAL_ID);
    }
  }
});
