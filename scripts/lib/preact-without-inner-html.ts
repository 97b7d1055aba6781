import type { Plugin } from 'vite';

const ASSIGNMENT = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;
const REFUSAL = `(()=>{throw new Error("Factmark renders no raw HTML: dangerouslySetInnerHTML is removed from its Preact build")})()`;

/**
 * Preact's one assignment of markup to innerHTML (the `dangerouslySetInnerHTML` prop), replaced by
 * a throw. Factmark never passes that prop, and without the assignment no code in the build writes
 * a dynamic value to innerHTML, which is what addons.mozilla.org's linter flags.
 */
export function stripInnerHtml(code: string): { code: string; count: number } {
  let count = 0;
  const out = code.replace(ASSIGNMENT, () => (count++, REFUSAL));
  return { code: out, count };
}

/** A Vite plugin applying `stripInnerHtml` to Preact's bundle; fails the build if Preact's code changed shape. */
export function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'factmark:preact-without-inner-html',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(mjs|module\.js)$/.test(id.split('?')[0]!)) return null;
      const stripped = stripInnerHtml(code);
      if (stripped.count !== 1) this.error(`Expected one innerHTML assignment in ${id}, found ${stripped.count}: update scripts/lib/preact-without-inner-html.ts for this Preact.`);
      return { code: stripped.code, map: null };
    },
  };
}
