/**
 * `npm run inbox`: the corrections inbox a pack maintainer runs. Configured by the environment:
 *
 *   PORT               port to listen on (default 8787; 0 picks a free one)
 *   INBOX_HOST         address to listen on (default 127.0.0.1; 0.0.0.0 behind a load balancer)
 *   INBOX_PUBLIC_URL   the address readers reach it at, if not http://INBOX_HOST:PORT
 *   INBOX_DB           the SQLite file (default .inbox/inbox.sqlite)
 *   DATABASE_URL       postgres://... to use PostgreSQL instead (several instances may share it)
 *   INBOX_TOKEN        the maintainer's token for the review page (default: a new one, printed)
 *   INBOX_PACK         the published pack.json (current values on the review page; release target)
 *   INBOX_KEY          the maintainer's key file, for the review page's release button
 *   INBOX_RATE_LIMIT   posts per client address per hour (default 30)
 *   INBOX_TRUST_PROXY  1: rate-limit by X-Forwarded-For (only behind a proxy that sets it)
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { DEFAULT_RATE_LIMIT } from './app';
import { openDatabase } from './db/open';
import { publishedPackFile } from './published-pack';
import { startInbox } from './start';
import { InboxStore } from './store';

async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const limit = Number(env.INBOX_RATE_LIMIT ?? DEFAULT_RATE_LIMIT.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`INBOX_RATE_LIMIT must be a positive whole number, not "${env.INBOX_RATE_LIMIT}"`);
  const token = env.INBOX_TOKEN || randomBytes(18).toString('base64url');
  const packFile = env.INBOX_PACK ? resolve(env.INBOX_PACK) : undefined;
  if (env.INBOX_KEY && !packFile) throw new Error('INBOX_KEY is for releasing INBOX_PACK: set INBOX_PACK too');

  const { db, described } = openDatabase(env);
  const store = await InboxStore.open(db);
  const published = packFile ? publishedPackFile(packFile) : undefined;
  const inbox = await startInbox({
    store,
    token,
    published,
    release: packFile && env.INBOX_KEY ? { packFile, keyFile: resolve(env.INBOX_KEY) } : undefined,
    rateLimit: { limit, windowMs: DEFAULT_RATE_LIMIT.windowMs },
    trustProxy: env.INBOX_TRUST_PROXY === '1',
    port,
    host: env.INBOX_HOST || '127.0.0.1',
    publicOrigin: env.INBOX_PUBLIC_URL || undefined,
  });

  console.log(`Factmark corrections inbox on ${described}`);
  const pack = await published?.();
  if (pack) console.log(pack.ok ? `published pack: ${pack.pack.id} version ${pack.pack.version} (${packFile})` : `warning: ${pack.error}`);
  console.log('Corrections endpoint (put it in your pack as "correctionsEndpoint"):');
  console.log(inbox.endpoint);
  console.log(`Review page: ${inbox.review}${env.INBOX_TOKEN ? '' : `#token=${token}`}`);
  if (!env.INBOX_TOKEN) console.log(`maintainer token (set INBOX_TOKEN to keep one): ${token}`);

  const stop = () => {
    void inbox.close().then(() => store.close()).finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.env).catch((error: Error) => {
  console.error(`inbox: ${error.message}`);
  process.exit(1);
});
