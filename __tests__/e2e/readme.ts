/** The README's workflows as data, and a repository holding the bundled example. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { World } from './world.js';

export interface Step {
  name?: string;
  uses?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}

/** The YAML block of the README whose first line names the workflow file. */
export function readmeWorkflow(file: string): { permissions: Record<string, string>; steps: Step[] } {
  const readme = readFileSync('README.md', 'utf8');
  const block = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string).find((b) => b.startsWith(`# ${file}\n`));
  if (!block) throw new Error(`README.md has no yaml block starting with "# ${file}"`);
  const doc = parse(block) as { permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
  return { permissions: doc.permissions, steps: Object.values(doc.jobs).flatMap((j) => j.steps) };
}

export const secrets: Record<string, string> = { CLOUDYN_EXTERNAL_ID: 'Contoso-77a1c0de' };
export const expand = (v: string) => v.replace(/\$\{\{\s*secrets\.(\w+)\s*\}\}/g, (_, name: string) => secrets[name] ?? '');

export function exampleRepo(world: World): string {
  return world.repo({
    'connections.yaml': readFileSync('examples/connections.yaml', 'utf8').replaceAll('../policies/', 'policies/'),
    'policies/senhasegura-cloud-iam.json': readFileSync(join('policies', 'senhasegura-cloud-iam.json'), 'utf8'),
    'policies/cloudcoreo-bootstrap.json': readFileSync(join('policies', 'cloudcoreo-bootstrap.json'), 'utf8'),
  });
}

