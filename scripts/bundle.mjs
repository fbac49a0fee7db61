// Bundles src/index.ts into the committed dist/index.js with ncc (one file: the action and the CLI).
// Built beside dist/ and swapped in, so a test or benchmark running dist/ never finds it missing.
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';

rmSync('dist.next', { recursive: true, force: true });
execFileSync('npx', ['ncc', 'build', 'src/index.ts', '-o', 'dist.next', '--license', 'licenses.txt', '--target', 'es2022', '-q'], {
  stdio: 'inherit',
});
rmSync('dist.old', { recursive: true, force: true });
try {
  renameSync('dist', 'dist.old');
} catch {
  // first build
}
renameSync('dist.next', 'dist');
rmSync('dist.old', { recursive: true, force: true });
