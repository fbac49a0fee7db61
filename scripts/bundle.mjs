// Bundles src/index.ts into the committed dist/index.js with ncc (one file: the action and the CLI).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
execFileSync('npx', ['ncc', 'build', 'src/index.ts', '-o', 'dist', '--license', 'licenses.txt', '--target', 'es2022', '-q'], {
  stdio: 'inherit',
});
