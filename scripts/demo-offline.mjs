// The offline demo: validate the example manifest, then plan it against the bundled snapshot of
// two accounts (examples/snapshot.json), at a fixed date. No AWS, no moto, no credentials.
// `npm run demo` falls back to this when moto_server is not installed.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

export function offlineDemo() {
  const env = { ...process.env, CLOUDYN_EXTERNAL_ID: 'Contoso-0123456789' };
  const run = (args) => spawnSync(process.execPath, [join(repo, 'dist/index.js'), ...args], { cwd: repo, env, stdio: 'inherit' }).status ?? 1;
  console.log('== validate examples/connections.yaml (offline)');
  const v = run(['validate', '-m', 'examples/connections.yaml']);
  if (v !== 0) return v;
  console.log('\n== plan against the snapshot examples/snapshot.json, as of 2026-11-20');
  return run(['plan', '-m', 'examples/connections.yaml', '--state', 'examples/snapshot.json', '--as-of', '2026-11-20']);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = offlineDemo();
