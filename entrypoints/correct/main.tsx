import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CorrectionForm, type FieldErrors } from '../../components/CorrectionForm';
import { CORRECTION_CSS } from '../../components/card-styles';
import { checkDraft } from '../../data/corrections/draft';
import { CorrectionRecord, type CorrectionInput, type CorrectionTarget } from '../../data/schema/correction';
import { CorrectionDraft, DealChoice } from '../../data/schema/correction-messages';
import type { BackgroundMessage } from '../../data/schema/messages';

/**
 * The correction window: an extension page opened by the background when the reader chose
 * "Suggest a correction" on a card. The page the figure is on can neither read nor script it, so
 * the installed packs' deals and what the reader types stay out of the page's reach.
 */

/** Sends a message to the background and unwraps its Result; an error becomes a thrown Error with its words. */
async function send(message: BackgroundMessage): Promise<unknown> {
  const answer = (await browser.runtime.sendMessage(message)) as { ok: boolean; value?: unknown; error?: string } | undefined;
  if (!answer) throw new Error('The extension did not answer; your correction was not saved. Try again.');
  if (!answer.ok) throw new Error(answer.error ?? 'Unknown error');
  return answer.value;
}

function CorrectionWindow({ draftId }: { draftId: string }) {
  const [draft, setDraft] = useState<CorrectionDraft | null>(null);
  const [deals, setDeals] = useState<DealChoice[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<CorrectionRecord | null>(null);

  useEffect(() => {
    send({ type: 'corrections:draft-get', id: draftId })
      .then((value) => {
        const parsed = CorrectionDraft.parse(value);
        setDraft(parsed);
        if (!parsed.fact) return send({ type: 'corrections:deals' }).then((d) => setDeals(DealChoice.array().parse(d)));
      })
      .catch((error: Error) => setProblem(error.message));
  }, [draftId]);

  // The reader starts typing at once: the first field has focus when the form shows.
  useEffect(() => {
    if (draft) document.querySelector<HTMLElement>('.correction-form input')?.focus();
  }, [draft]);

  if (problem) return <p class="problem" role="alert">{problem}</p>;
  if (!draft) return <p>Loading…</p>;
  if (saved) {
    return (
      <>
        <p class="saved" role="status" data-correction-id={saved.id} data-status={saved.status}>
          Saved: your correction, pending: {saved.proposed.display}
        </p>
        <p>Factmark sends it to the pack's maintainers; "My corrections" in the settings shows how it fares.</p>
        <button type="button" onClick={() => window.close()}>
          Close
        </button>
      </>
    );
  }

  const fact = draft.fact;
  const kind = fact ? 'dispute' : 'new-fact';
  const initial: CorrectionInput = { value: fact ? '' : draft.figureText, measures: fact?.label ?? '', evidenceUrl: '', quote: '', note: '' };
  const check = (input: CorrectionInput) => {
    // The value is read back as soon as it parses, whatever the other fields say.
    const result = checkDraft(input, { factUnit: fact?.unit });
    return result.ok ? { resolved: result.value.proposed.display, errors: {} } : { resolved: result.proposed?.display, errors: result.errors as FieldErrors };
  };
  const submit = async (input: CorrectionInput, deal: DealChoice | undefined): Promise<string | null> => {
    const target: CorrectionTarget = fact
      ? { kind: 'dispute', packId: fact.packId, factId: fact.factId, figureText: draft.figureText, page: draft.page }
      : { kind: 'new-fact', packId: deal?.packId ?? '', dealId: deal?.dealId, figureText: draft.figureText, page: draft.page };
    try {
      setSaved(CorrectionRecord.parse(await send({ type: 'corrections:submit', target, input, draftId })));
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };

  return (
    <>
      <h1>Suggest a correction</h1>
      <p class="context">
        Article: <q class="figure">{draft.figureText}</q> on <span class="page">{draft.page.title || draft.page.url}</span>
      </p>
      {fact ? (
        <p class="context">
          On record: <strong class="fact-value">{fact.display}</strong>, {fact.label} ({fact.deal})
        </p>
      ) : null}
      <CorrectionForm id="fix" kind={kind} initial={initial} deals={deals} check={check} onSubmit={submit} onCancel={() => window.close()} />
    </>
  );
}

const style = document.createElement('style');
style.textContent = CORRECTION_CSS;
document.head.append(style);
render(<CorrectionWindow draftId={location.hash.slice(1)} />, document.getElementById('app')!);
