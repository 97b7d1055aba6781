/**
 * `npm run bench`: runs every benchmark module in scripts/bench/ (each default-exports an async
 * function that prints its own section, each figure beside a baseline measured in the same run).
 * `npm run bench -- page` runs only the modules whose file name contains "page".
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(import.meta.dirname, 'bench');
const only = process.argv.slice(2);
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
for (const file of modules) {
  const started = performance.now();
  const { default: run } = (await import(pathToFileURL(resolve(dir, file)).href)) as { default: () => Promise<void> };
  await run();
  console.log(`(${file}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
