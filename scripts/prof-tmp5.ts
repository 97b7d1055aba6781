import { readFileSync } from 'node:fs';
import { launchWithExtension } from './lib/extension-browser';
import { serveHtml } from './lib/static-server';
import { waitForAnnotation } from './lib/page-probe';
const demo = readFileSync('demo/article.html', 'utf8');
const paragraphs = [...demo.matchAll(/<(p|h2)[^>]*>[\s\S]*?<\/\1>/g)].map((m) => m[0]);
const body = Array.from({ length: 1000 }, (_, i) => `<section id="copy-${i}">${paragraphs.join('\n')}</section>`).join('\n');
const html = `<!doctype html><html><head><title>Amazon and OpenAI</title></head><body><main>${body}</main></body></html>`;
const server = await serveHtml({ '/big': html });
const b = await launchWithExtension();
const page = await b.context.newPage();
await page.goto(server.url('/big'));
await waitForAnnotation(page);
for (let i = 0; i < 3; i++) {
  await page.waitForTimeout(1000);
  await page.evaluate((i) => { history.pushState({}, '', '/big?' + i); document.title = 'Amazon and OpenAI ' + i; }, i);
  await waitForAnnotation(page, i + 2);
}
console.log(await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.duration > 20).map((m) => m.name + ' ' + Math.round(m.duration) + ' ' + JSON.stringify((m as any).detail, (k, v) => typeof v === 'number' ? Math.round(v) : v)).join('\n')));
await b.close(); await server.close();
