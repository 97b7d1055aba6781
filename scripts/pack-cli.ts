/**
 * `npm run pack -- <command>`: tools for fact pack maintainers. See docs/PACKS.md.
 *
 *   keygen <name>                      writes <name>.key.json (private, keep secret); prints the public key
 *   validate <pack.json>               prints every schema problem with its path
 *   sign <pack.json> --key <k.json>    writes <pack.json>.sig (base64 Ed25519 over the exact bytes)
 *   verify <pack.json> [--sig <file>] [--pinned <base64 key>]   checks as the extension does
 *   diff <old.json> <new.json>         facts added, changed (old -> new value), removed
 *   release <pack.json> --key <k.json> [--out <new.json>] [--corrections <bundle.json>]
 *                                      the next version from the accepted corrections (the inbox's database, or a bundle)
 *   schema [<out.json>]                the JSON Schema of the pack format
 *   draft <article.html> [--out <stubs.json>] [--pack <pack.json>]
 *                                      fact stubs from a saved article, for the maintainer to finish
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { diff, keygen, schema, sign, validate, verify, type Report } from './pack-cli/core';

const USAGE = `usage: npm run pack -- <command>
  keygen <name>                      new signing key: <name>.key.json (secret) and its public key
  validate <pack.json>               check a pack against the schema, listing every problem
  sign <pack.json> --key <name.key.json>   write <pack.json>.sig
  verify <pack.json> [--sig <file>] [--pinned <public key>]   check the pack and signature as Factmark does
  diff <old.json> <new.json>         what changed between two versions
  release <pack.json> --key <name.key.json> [--out <file>] [--corrections <bundle.json>]
                                     the next version (version + 1) with the accepted corrections of the
                                     inbox (INBOX_DB or DATABASE_URL, as npm run inbox) or of a bundle;
                                     prints the diff, signs, writes <file> (default: pack.json) and its .sig
  schema [<out.json>]                JSON Schema of the pack format (stdout without a file)
  draft <article.html> [--out <stubs.json>] [--pack <pack.json>]
                                     list the figures and known entities of a saved article and write fact
                                     stubs to finish (default: <article>.stubs.json; entities of the bundled pack)`;

/** `--name value` options and the remaining positional arguments. */
function parseArgs(args: string[]): { positional: string[]; flags: Record<string, string> } {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) flags[a.slice(2)] = args[++i] ?? '';
    else positional.push(a);
  }
  return { positional, flags };
}

function print(report: Report): number {
  for (const line of report.lines) (report.ok ? console.log : console.error)(line);
  return report.ok ? 0 : 1;
}

async function bytesOf(path: string | undefined): Promise<Uint8Array> {
  if (!path) throw new Error(`missing file argument\n${USAGE}`);
  return new Uint8Array(await readFile(path));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { positional, flags } = parseArgs(rest);
  switch (command) {
    case 'keygen': {
      const name = positional[0];
      if (!name) throw new Error(`keygen needs a name\n${USAGE}`);
      const file = `${name}.key.json`;
      if (existsSync(file)) throw new Error(`${file} exists: refusing to overwrite a key`);
      const key = await keygen();
      await writeFile(file, key.privateKeyText, { mode: 0o600 });
      console.log(`wrote ${file} (private: keep it secret, never publish it)`);
      console.log(`public key (put it in the pack as "publicKey"): ${key.publicKey}`);
      console.log(`fingerprint (what subscribers see): ${key.fingerprint}`);
      return 0;
    }
    case 'validate':
      return print(validate(await bytesOf(positional[0]), positional[0]));
    case 'sign': {
      if (!flags.key) throw new Error(`sign needs --key <name.key.json>\n${USAGE}`);
      const result = await sign(await bytesOf(positional[0]), await readFile(flags.key, 'utf8'));
      if (result.ok) {
        if (result.keyAdded) {
          await writeFile(positional[0]!, result.bytes);
          result.lines.push(`wrote ${positional[0]} (with its publicKey)`);
        }
        await writeFile(`${positional[0]}.sig`, result.signature + '\n');
        result.lines.push(`wrote ${positional[0]}.sig`);
      }
      return print(result);
    }
    case 'verify': {
      const sigPath = flags.sig ?? `${positional[0]}.sig`;
      const signature = existsSync(sigPath) ? (await readFile(sigPath, 'utf8')).trim() : null;
      return print(await verify(await bytesOf(positional[0]), signature, flags.pinned ? { publicKey: flags.pinned } : {}));
    }
    case 'release': {
      if (!positional[0] || !flags.key) throw new Error(`release needs <pack.json> and --key <name.key.json>\n${USAGE}`);
      return print(await release(positional[0], flags.key, flags.out, flags.corrections));
    }
    case 'diff':
      return print(diff(await bytesOf(positional[0]), await bytesOf(positional[1])));
    case 'draft': {
      const article = positional[0];
      if (!article) throw new Error(`draft needs a saved article (.html)\n${USAGE}`);
      const [{ draftArticle, draftLines, defaultStubsFile }, { bundledPack, parsePack }] = await Promise.all([import('./pack-cli/draft'), import('../data/packs')]);
      let pack = bundledPack;
      if (flags.pack) {
        const parsed = parsePack(JSON.parse(await readFile(flags.pack, 'utf8')));
        if (!parsed.ok) return print({ ok: false, lines: [`${flags.pack}: ${parsed.error}`] });
        pack = parsed.value;
      }
      const out = flags.out || defaultStubsFile(article);
      const result = draftArticle(await readFile(article, 'utf8'), pack);
      await writeFile(out, JSON.stringify(result.draft, null, 2) + '\n');
      return print({ ok: true, lines: draftLines(result, out) });
    }
    case 'schema': {
      if (positional[0]) await writeFile(positional[0], schema());
      else process.stdout.write(schema());
      return 0;
    }
    default:
      console.error(USAGE);
      return command ? 1 : 0;
  }
}

/** `release`: from a correction bundle's accepted corrections, or from the inbox's database. */
async function release(packFile: string, keyFile: string, outFile = packFile, bundleFile?: string): Promise<Report> {
  if (bundleFile) {
    const { releaseFromBundle } = await import('./pack-cli/release-files');
    return releaseFromBundle({ packFile, keyFile, outFile }, bundleFile);
  }
  const [{ openDatabase }, { InboxStore }, { releaseFromInbox }] = await Promise.all([import('../server/db/open'), import('../server/store'), import('../server/release')]);
  const { db, described } = openDatabase(process.env);
  const store = await InboxStore.open(db);
  try {
    const result = await releaseFromInbox(store, { packFile, keyFile, outFile });
    return { ok: result.ok, lines: [`accepted corrections from the inbox on ${described}`, ...result.lines] };
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  },
);
