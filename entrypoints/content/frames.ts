/**
 * Whether this frame should be annotated: always the top page; an iframe only when it is
 * same-origin with the top page (an embedded article) and reads like one. Ad and widget frames,
 * usually cross-origin or tiny, are left alone.
 */
export function isArticleFrame(win: Window): boolean {
  if (win === win.top) return true;
  try {
    if (win.top!.location.origin !== win.location.origin) return false;
  } catch {
    return false; // cross-origin: reading top's location throws
  }
  const doc = win.document;
  if (doc.querySelector('article, main, [itemprop="articleBody"]')) return true;
  let text = 0;
  for (const p of doc.querySelectorAll('p')) if ((text += p.textContent?.length ?? 0) > 600) return true;
  return false;
}
