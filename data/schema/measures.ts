/**
 * The `browser.storage.local` key that asks Factmark to record its `performance` measures
 * (`factmark:annotate` in the page, `factmark:match` and `factmark:validate` in the background).
 * Only the test harness and the benchmarks set it: without it a page sees no Factmark entries in
 * its performance timeline (little to fingerprint), and the background keeps no record per message.
 */
export const MEASURES_KEY = 'factmarkMeasures';
