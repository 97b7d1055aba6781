import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keygen, verify } from '../../scripts/pack-cli/core';
import { DATABASES, testDatabase, type TestDatabase } from './databases';
import { dispute, post, publishedPack } from './fixtures';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const execute = promisify(execFile);

/** `npm run pack -- <args>` as a process: its exit code and output. */
async function packCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await execute(TSX, [join(ROOT, 'scripts/pack-cli.ts'), ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/** `npm run inbox` as a process, until it prints the endpoint URL on a line of its own. */
async function startInboxProcess(env: Record<string, string>, cwd: string): Promise<{ child: ChildProcess; lines: string[]; endpoint: string }> {
  const child = spawn(TSX, [join(ROOT, 'server/main.ts')], { cwd, env: { ...process.env, DATABASE_URL: '', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  const endpoint = await new Promise<string>((resolvePromise, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (/^http:\/\/127\.0\.0\.1:\d+\/v1\/corrections$/.test(line)) resolvePromise(line);
      }
    });
    child.once('exit', (code) => reject(new Error(`npm run inbox exited with ${code}: ${errors}`)));
    setTimeout(() => reject(new Error(`npm run inbox printed no endpoint within 20 s: ${lines.join('\n')}${errors}`)), 20_000);
  });
  return { child, lines, endpoint };
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

describe.each(DATABASES)('npm run inbox and npm run pack -- release on %s', (kind) => {
  let database: TestDatabase;
  let dir: string;
  let inbox: Awaited<ReturnType<typeof startInboxProcess>> | undefined;
  let key: Awaited<ReturnType<typeof keygen>>;

  beforeAll(async () => {
    database = await testDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'factmark-commands-'));
    key = await keygen();
    await writeFile(join(dir, 'pack.json'), JSON.stringify(publishedPack(4), null, 2));
    await writeFile(join(dir, 'maintainer.key.json'), key.privateKeyText);
  });
  afterAll(async () => {
    await stop(inbox?.child);
    await database?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('starts the inbox, printing the endpoint URL on a line of its own, and takes corrections', async () => {
    // With SQLite and no INBOX_DB, the database is .inbox/inbox.sqlite under the working folder.
    const env = kind === 'sqlite' ? {} : database.env;
    inbox = await startInboxProcess({ ...env, INBOX_TOKEN: 'cli-token', INBOX_PACK: join(dir, 'pack.json') }, dir);
    expect(inbox.lines).toContain('Corrections endpoint (put it in your pack as "correctionsEndpoint"):');
    expect(inbox.lines).toContain('published pack: newsroom-facts version 4 (' + join(dir, 'pack.json') + ')');
    if (kind === 'sqlite') expect(existsSync(join(dir, '.inbox/inbox.sqlite'))).toBe(true);
    const correction = dispute();
    expect((await post(inbox.endpoint, correction)).status).toBe(202);
    const origin = new URL(inbox.endpoint).origin;
    const decided = await fetch(`${origin}/review/api/corrections/${correction.id}/decision`, {
      method: 'POST',
      headers: { authorization: 'Bearer cli-token', 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'accepted' }),
    });
    expect(decided.status).toBe(200);
    await stop(inbox.child);
  });

  it('releases the accepted corrections from the same database: diff, signature, the two files', async () => {
    const env = kind === 'sqlite' ? { INBOX_DB: join(dir, '.inbox/inbox.sqlite') } : database.env;
    const out = join(dir, 'next/pack.json');
    await execute('mkdir', ['-p', join(dir, 'next')]);
    const released = await packCli(['release', join(dir, 'pack.json'), '--key', join(dir, 'maintainer.key.json'), '--out', out], env);
    expect(released.out.split('\n').slice(1, 3)).toEqual([
      'version 4 -> 5: 0 added, 1 changed, 0 removed',
      "~ microsoft-openai.total-investment: $20 billion -> $13 billion (Microsoft's total investment in OpenAI since 2019)",
    ]);
    expect(released.code).toBe(0);
    expect(released.out).toContain(`added "publicKey": "${key.publicKey}" to the pack`);
    expect(released.out).toContain(`wrote ${out} and ${out}.sig (version 5): publish both`);
    const check = await packCli(['verify', out, '--pinned', key.publicKey]);
    expect(check).toEqual({ code: 0, out: `OK: pack "newsroom-facts" version 5, 2 facts, signed by key ${key.fingerprint}\n` });
    const again = await packCli(['release', out, '--key', join(dir, 'maintainer.key.json'), '--out', join(dir, 'next/again.json')], env);
    expect(again.code).toBe(1);
    expect(again.out).toContain('No accepted corrections wait for a release: nothing to release.');
  });
});

describe('npm run pack -- sign and release from a bundle', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'factmark-sign-'))));
  afterAll(async () => dir && (await rm(dir, { recursive: true, force: true })));

  it('sign puts the key into a pack without publicKey and writes a signature that verifies', async () => {
    const key = await keygen();
    await writeFile(join(dir, 'pack.json'), JSON.stringify(publishedPack(1), null, 2));
    await writeFile(join(dir, 'k.key.json'), key.privateKeyText);
    const signed = await packCli(['sign', join(dir, 'pack.json'), '--key', join(dir, 'k.key.json')]);
    expect(signed).toEqual({ code: 0, out: `added "publicKey": "${key.publicKey}" to the pack\nsigned with key ${key.fingerprint}\nwrote ${join(dir, 'pack.json')} (with its publicKey)\nwrote ${join(dir, 'pack.json')}.sig\n` });
    expect(JSON.parse(await readFile(join(dir, 'pack.json'), 'utf8')).publicKey).toBe(key.publicKey);
    const bytes = new Uint8Array(await readFile(join(dir, 'pack.json')));
    expect((await verify(bytes, (await readFile(join(dir, 'pack.json.sig'), 'utf8')).trim(), { publicKey: key.publicKey })).ok).toBe(true);
  });

  it('release --corrections takes the accepted corrections of an exported bundle', async () => {
    const accepted = { ...dispute(), status: 'accepted' };
    const rejected = { ...dispute({ proposed: { text: '$1bn', kind: 'money', value: 1e9, unit: 'USD', display: '$1 billion (USD)' } }), status: 'rejected', reason: 'no' };
    const bundle = { formatVersion: 1, kind: 'factmark-correction-bundle', exportedAt: '2026-03-03T00:00:00.000Z', generator: 'Factmark 0.1.0', corrections: [accepted, rejected] };
    await writeFile(join(dir, 'bundle.json'), JSON.stringify(bundle));
    const released = await packCli(['release', join(dir, 'pack.json'), '--key', join(dir, 'k.key.json'), '--corrections', join(dir, 'bundle.json')]);
    expect(released.code).toBe(0);
    expect(released.out).toMatch(/^version 1 -> 2: 0 added, 1 changed, 0 removed\n~ microsoft-openai.total-investment: \$20 billion -> \$13 billion/);
    expect(JSON.parse(await readFile(join(dir, 'pack.json'), 'utf8')).version).toBe(2);
  });
});
