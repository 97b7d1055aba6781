import type { Route } from '../../scripts/lib/static-server';

// Pages that change, are long, or embed others: shared by changing-pages.test.ts (both browsers)
// and dynamic.test.ts (Chromium only).

/** A live blog the tests append to. */
export const livePage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OpenAI live blog</title><meta property="article:published_time" content="2026-02-28T08:00:00Z"></head><body>
<main id="feed">
  <p id="first">Amazon will invest $50 billion in OpenAI.</p>
  <p id="round">OpenAI closed a $110 billion funding round.</p>
  <p style="display:none">Hidden note: Amazon pays an initial $15 billion.</p>
</main></body></html>`;

/** Text hidden in every way a page hides it, and some shown again. */
const hiddenPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OpenAI deal notes</title></head><body>
<p>Amazon will invest $50 billion in OpenAI.</p>
<div style="display:none"><p>Hidden draft: the remaining $35 billion follows later.</p></div>
<section style="visibility:hidden"><p>Invisible: the earlier $38 billion AWS contract.</p>
  <p style="visibility:visible">Shown again: Nvidia and SoftBank put $30 billion each into OpenAI.</p></section>
<div style="content-visibility:hidden"><p>Skipped: a $110 billion funding round.</p></div>
<p hidden>Also hidden: a pre-money valuation of $730 billion.</p>
<div style="display:contents">Without a box of its own: OpenAI will use about two gigawatts of Amazon's Trainium capacity.</div>
</body></html>`;

/** An article page, embedded same-origin and cross-origin. */
export const articleFrame = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embedded</title></head><body><article>
<p>In the embedded story, Amazon starts with an initial $15 billion for OpenAI.</p></article></body></html>`;

/** The nested long page (see '/nested'), with `script` run in its head. */
function nestedPage(script: string): string {
  const section = (k: number) =>
    `<section id="s${k}"><h2>Part ${k + 1}</h2>Updates, newest last.${Array.from({ length: 100 }, (_, j) => {
      const i = k * 100 + j;
      return `<p id="q${i}">Update ${i}: <a href="#q${i}">OpenAI</a> closed a <b>$${i % 2 ? 120 : 110}</b> billion funding round.</p>`;
    }).join('')}</section>`;
  return `<!doctype html><html><head><title>OpenAI funding, all the updates</title><script>${script}</script></head><body>
    <header><span>News</span> <a href="#">Home</a></header><main><article><h1>All the updates</h1>${Array.from({ length: 40 }, (_, k) => section(k)).join('')}</article></main>
    <footer>The end.</footer></body></html>`;
}

/** Every page the two files serve, by path; `otherOrigin` serves the cross-origin ad frame. */
export function dynamicRoutes(otherOrigin: { url(path: string): string }): Record<string, Route> {
  return {
    '/live': livePage,
    '/hidden': hiddenPage,
    '/embedded': articleFrame,
    '/long': `<!doctype html><html><head><title>OpenAI funding, every update</title></head><body>${Array.from(
      { length: 300 },
      (_, i) => `<p id="p${i}" style="margin: 0 0 40px">Update ${i + 1}: OpenAI closed a $110 billion funding round.</p>`,
    ).join('')}</body></html>`,
    // The last paragraph in document order is shown at the top of the page.
    '/pinned': `<!doctype html><html><head><title>OpenAI funding, pinned</title></head><body>${Array.from(
      { length: 300 },
      (_, i) => `<p style="margin: 0 0 40px">Update ${i + 1}: OpenAI closed a $110 billion funding round.</p>`,
    ).join('')}<p id="pinned" style="position: absolute; top: 0; margin: 0; background: #fff">Pinned: Amazon pays OpenAI an initial $15 billion.</p></body></html>`,
    // Long enough to be read in several slices: alternately a verified and a mismatching figure.
    // Its own script notes, every frame, how many figures are painted and whether a pass has ended.
    '/many': `<!doctype html><html><head><title>OpenAI funding, all the updates</title><script>
      window.__frames = [];
      requestAnimationFrame(function note() {
        // Factmark's verified highlight, known by its underline colour (its name is drawn per page).
        var verified = 0;
        CSS.highlights.forEach(function (h, name) { if (getComputedStyle(document.body, '::highlight(' + name + ')').textDecorationColor === 'rgb(26, 127, 55)') verified = h.size; });
        __frames.push([verified, performance.getEntriesByName('factmark:annotate').length]);
        if (__frames.length < 600) requestAnimationFrame(note);
      });
    </script></head><body>${Array.from(
      { length: 4_000 },
      (_, i) => `<p id="q${i}">Update ${i}: OpenAI closed a $${i % 2 ? 120 : 110} billion funding round.</p>`,
    ).join('')}</body></html>`,
    // The same 4,000 figures nested as on a news site: a header, then main > article > 40 sections of
    // a heading, a line of loose text and 100 paragraphs (figures split by inline tags), then a footer.
    '/nested': nestedPage(''),
    // The same, and when the first highlight is painted the page swaps sections 27-32 (around the
    // screen at #q3000, where a scrolled pass starts reading) for copies of themselves.
    '/nested-swapped': nestedPage(`requestAnimationFrame(function swap() {
      if (CSS.highlights.size === 0) return requestAnimationFrame(swap);
      for (var k = 27; k <= 32; k++) { var s = document.getElementById('s' + k); s.replaceWith(s.cloneNode(true)); }
      document.title += ' (swapped)';
    });`),
    // One paragraph over twice the per-block message limit, figures at its start, middle and end.
    '/long-paragraph': () => {
      const filler = 'Analysts went through the filings line by line that week. '.repeat(90);
      return `<!doctype html><html><head><title>A long paragraph</title></head><body><p>Amazon will invest $50 billion in OpenAI. ${filler}OpenAI closed a $110 billion funding round. ${filler}Amazon pays OpenAI an initial $15 billion.</p></body></html>`;
    },
    '/frames': () =>
      `<!doctype html><html><head><title>OpenAI deal, with embeds</title></head><body><p>Amazon will invest $50 billion in OpenAI.</p>
       <iframe id="same" src="/embedded"></iframe><iframe id="ad" src="${otherOrigin.url('/ad')}"></iframe></body></html>`,
  };
}
