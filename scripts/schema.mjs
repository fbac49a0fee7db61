// Writes schema/connections.schema.json from the zod schema (src/manifest/schema.ts).
// Node 20 cannot import TypeScript, so the two source files are transpiled (types stripped, no
// type check) into node_modules/.cache, where `zod` still resolves, and imported from there.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'iam-connections-schema');
mkdirSync(cache, { recursive: true });

for (const name of ['schema', 'json-schema']) {
  const source = readFileSync(join(root, 'src', 'manifest', `${name}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    fileName: `${name}.ts`,
  });
  writeFileSync(join(cache, `${name}.js`), outputText);
}
// The cache folder has no package.json: mark it as ESM.
writeFileSync(join(cache, 'package.json'), '{ "type": "module" }\n');

const { renderJsonSchema } = await import(pathToFileURL(join(cache, 'json-schema.js')).href);
const out = join(root, 'schema', 'connections.schema.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, renderJsonSchema());
console.log(`wrote ${out}`);
