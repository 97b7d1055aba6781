import { publicationDay } from './dates';

/**
 * The publication day a page declares: article metadata, JSON-LD `datePublished`, the first
 * `<time datetime>` inside the article, then a date in its address. Reads the document only
 * through standard DOM calls, so the content script and the Node evaluation share it. Everything
 * here is page-controlled: it can only make the matcher stricter (an earlier date abstains), and
 * nothing large is parsed.
 */

const META_NAMES = [
  'meta[property="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="article:published_time"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[property="og:published_time"]',
];

/** JSON-LD larger than this is not read (a page could hand us megabytes to parse). */
const MAX_JSON_LD = 100_000;

function datePublished(value: unknown, depth = 0): string | undefined {
  if (depth > 4 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 20)) {
      const found = datePublished(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.datePublished === 'string') return record.datePublished;
  return datePublished(record['@graph'], depth + 1);
}

/** The day a document says it was published ('YYYY-MM-DD'), or undefined. */
export function pagePublicationDay(doc: Document, url: string): string | undefined {
  const declared: string[] = [];
  for (const selector of META_NAMES) {
    const content = doc.querySelector(selector)?.getAttribute('content');
    if (content) declared.push(content);
  }
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, 10)) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD) continue;
    try {
      const found = datePublished(JSON.parse(text));
      if (found) declared.push(found);
    } catch {
      // Malformed JSON-LD is common; other sources may still date the page.
    }
  }
  const time = doc.querySelector('article time[datetime], time[datetime]');
  const datetime = time?.getAttribute('datetime');
  if (datetime) declared.push(datetime);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  return publicationDay(declared, url) ?? publicationDay([], canonical);
}
