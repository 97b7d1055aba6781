import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripInnerHtml } from '../../scripts/lib/preact-without-inner-html';

describe("Preact's innerHTML path, removed from the build", () => {
  for (const file of ['preact/dist/preact.mjs', 'preact/dist/preact.module.js']) {
    it(`leaves no dynamic innerHTML assignment in ${file}`, () => {
      const code = readFileSync(resolve(import.meta.dirname, '../../node_modules', file), 'utf8');
      expect(code).toMatch(/\.innerHTML=\w+\.__html/);
      const stripped = stripInnerHtml(code);
      expect(stripped.count).toBe(1);
      // What is left only clears an element (a literal) or reads innerHTML to compare.
      expect(stripped.code.match(/\.innerHTML=[^"]/g)).toBeNull();
      expect(stripped.code).toContain('dangerouslySetInnerHTML is removed');
    });
  }
});
