import { useEffect, useState } from 'preact/hooks';
import { PackList } from '../../components/PackList';
import { PackPreview } from '../../components/PackPreview';
import { UpdateSummary } from '../../components/UpdateSummary';
import { CheckOutcome, PackListing, PackPreview as Preview } from '../../data/schema/pack-messages';
import { downloadJson } from './download';
import { send } from './send';

/** What the last action did, in words (and the update summary when there was one). */
interface Notice {
  text: string;
  error?: boolean;
  outcome?: CheckOutcome;
}

const STATUS_WORDS: Record<CheckOutcome['status'], string> = {
  installed: 'Installed.',
  updated: 'Updated.',
  unchanged: 'Already up to date.',
  'not-modified': 'Not modified since the last check: already up to date.',
};

/** Options page section "Fact packs": installed packs, add by URL (preview, then confirm), import, actions. */
export function PacksSection() {
  const [packs, setPacks] = useState<PackListing[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const refresh = () =>
    send({ type: 'packs:list' })
      .then((value) => {
        setPacks(PackListing.array().parse(value));
        setProblem(null);
      })
      .catch((error: Error) => setProblem(error.message));

  useEffect(() => void refresh(), []);

  /** Runs one action, shows its outcome or its error, then re-reads the list. */
  async function act(key: string, run: () => Promise<Notice | null>): Promise<void> {
    setBusy(key);
    setNotice(null); // a notice on screen always belongs to the last finished action
    try {
      setNotice(await run());
    } catch (error) {
      setNotice({ text: (error as Error).message, error: true });
    } finally {
      setBusy(null);
      await refresh();
    }
  }

  const outcome = async (message: Parameters<typeof send>[0]): Promise<Notice> => {
    const result = CheckOutcome.parse(await send(message));
    return { text: STATUS_WORDS[result.status], outcome: result };
  };

  const onPreview = (e: Event) => {
    e.preventDefault();
    void act('add', async () => {
      setPreview(null);
      setPreview(Preview.parse(await send({ type: 'packs:preview', url: url.trim() })));
      return null;
    });
  };

  const onConfirm = () =>
    void act('add', async () => {
      const result = await outcome({ type: 'packs:subscribe', url: preview!.url, expectFingerprint: preview!.fingerprint });
      setPreview(null);
      setUrl('');
      return result;
    });

  const onImport = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void act('import', async () => outcome({ type: 'packs:import', text: await file.text() }));
  };

  return (
    <section aria-labelledby="packs-heading">
      <h2 id="packs-heading">Fact packs</h2>
      {problem ? (
        <p class="error">{problem}</p>
      ) : packs ? (
        <PackList
          packs={packs}
          busy={busy}
          onCheck={(id) => void act(id, () => outcome({ type: 'packs:check', id }))}
          onPause={(id, paused) => void act(id, async () => (await send({ type: 'packs:pause', id, paused }), { text: paused ? 'Paused.' : 'Resumed.' }))}
          onInterval={(id, minutes) => void act(id, async () => (await send({ type: 'packs:set-interval', id, minutes }), { text: 'Saved.' }))}
          onRemove={(id) => {
            if (confirm('Remove this fact pack and its facts?')) void act(id, async () => (await send({ type: 'packs:remove', id }), { text: 'Removed.' }));
          }}
          onExport={(id) => void act(id, async () => (downloadJson(`${id}.json`, await send<string>({ type: 'packs:export', id })), null))}
        />
      ) : (
        <p>Loading…</p>
      )}

      {notice ? (
        <div class={notice.error ? 'notice error' : 'notice'} role="status">
          <p>{notice.text}</p>
          {notice.outcome?.summary ? <UpdateSummary summary={notice.outcome.summary} /> : null}
        </div>
      ) : null}

      <h3>Add a pack</h3>
      <form class="add-pack" onSubmit={onPreview}>
        <label>
          Pack address (URL of its pack.json){' '}
          <input type="url" name="url" required placeholder="https://example.org/facts/pack.json" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} size={50} />
        </label>{' '}
        <button type="submit" class="preview" disabled={busy === 'add'}>
          Preview
        </button>
      </form>
      {preview ? <PackPreview preview={preview} busy={busy === 'add'} onConfirm={onConfirm} onCancel={() => setPreview(null)} /> : null}
      <p>
        <label>
          Or import a pack file: <input type="file" class="import" accept="application/json,.json" onChange={onImport} disabled={busy === 'import'} />
        </label>
      </p>
    </section>
  );
}
