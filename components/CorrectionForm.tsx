import { useRef, useState } from 'preact/hooks';
import type { CorrectionInput, CorrectionKind } from '../data/schema/correction';
import type { DealChoice } from '../data/schema/correction-messages';

/** Field name -> message, for the fields that are wrong. */
export type FieldErrors = Partial<Record<keyof CorrectionInput | 'deal', string>>;

export interface CorrectionFormProps {
  /** Prefix for element ids, unique in the page that shows the form (the correction window). */
  id: string;
  kind: CorrectionKind;
  initial: CorrectionInput;
  /** Deals to choose from for a new fact (null while loading); unused for disputes. */
  deals: DealChoice[] | null;
  /** Checks the fields; answers the resolved value ("$16.5 billion (USD)") or the errors. */
  check: (input: CorrectionInput) => { resolved?: string; errors: FieldErrors };
  /** Saves the correction; answers an error sentence, or null when it was saved. */
  onSubmit: (input: CorrectionInput, deal: DealChoice | undefined) => Promise<string | null>;
  onCancel: () => void;
}

const LABELS: Record<keyof CorrectionInput, string> = {
  value: 'Proposed value',
  measures: 'What it measures',
  evidenceUrl: 'Evidence (link to the source)',
  quote: 'Quote from the source (optional)',
  note: 'Note (optional)',
};
const ORDER: (keyof CorrectionInput | 'deal')[] = ['value', 'measures', 'deal', 'evidenceUrl', 'quote', 'note'];

/**
 * The "Suggest a correction" form: fields, the value read back resolved, and errors beside each
 * field. Shown only in the correction window (an extension page), never in the article's page.
 */
export function CorrectionForm({ id, kind, initial, deals, check, onSubmit, onCancel }: CorrectionFormProps) {
  const [input, setInput] = useState<CorrectionInput>(initial);
  const [dealKey, setDealKey] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const live = check(input);
  const deal = deals?.find((d) => keyOf(d) === (dealKey || keyOf(deals[0])));

  const set = (field: keyof CorrectionInput) => (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    setInput((prev) => ({ ...prev, [field]: value }));
    if (errors[field]) setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    const found: FieldErrors = { ...live.errors };
    if (kind === 'new-fact' && !deal) found.deal = 'Choose the deal this figure belongs to.';
    setErrors(found);
    const first = ORDER.find((f) => found[f]);
    if (first) {
      form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setSaving(true);
    setProblem(null);
    const error = await onSubmit(input, deal);
    setSaving(false);
    if (error) setProblem(error);
  };

  const field = (name: keyof CorrectionInput, multiline = false) => {
    const fid = `${id}-${name}`;
    const error = errors[name];
    const hint = name === 'value' && live.resolved ? `= ${live.resolved}` : null;
    const described = [error ? `${fid}-error` : '', hint ? `${fid}-hint` : ''].filter(Boolean).join(' ') || undefined;
    const common = {
      id: fid,
      name,
      value: input[name],
      onInput: set(name),
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': described,
    };
    return (
      <div class={`field field-${name}`}>
        <label for={fid}>{LABELS[name]}</label>
        {multiline ? <textarea rows={2} {...common} /> : <input type="text" autocomplete="off" spellcheck={false} {...common} />}
        {hint ? (
          <p class="resolved" id={`${fid}-hint`} aria-live="polite">
            {hint}
          </p>
        ) : null}
        {error ? (
          <p class="field-error" id={`${fid}-error`}>
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form class="correction-form" ref={form} onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <p class="form-heading" id={`${id}-heading`}>
        {kind === 'dispute' ? 'Suggest a correction to this fact' : 'Propose this figure as a new fact'}
      </p>
      {field('value')}
      {field('measures')}
      {kind === 'new-fact' ? (
        <div class="field field-deal">
          <label for={`${id}-deal`}>Deal</label>
          {deals === null ? (
            <p>Loading deals…</p>
          ) : deals.length === 0 ? (
            <p class="field-error">No installed pack has a deal to add this to.</p>
          ) : (
            <select id={`${id}-deal`} name="deal" value={deal ? keyOf(deal) : ''} onChange={(e) => setDealKey((e.target as HTMLSelectElement).value)}>
              {deals.map((d) => (
                <option key={keyOf(d)} value={keyOf(d)}>
                  {d.dealTitle} ({d.packTitle}
                  {d.hasEndpoint ? '' : ', export only'})
                </option>
              ))}
            </select>
          )}
          {errors.deal ? <p class="field-error">{errors.deal}</p> : null}
        </div>
      ) : null}
      {field('evidenceUrl')}
      {field('quote', true)}
      {field('note', true)}
      {problem ? (
        <p class="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Send correction'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function keyOf(d: DealChoice | undefined): string {
  return d ? `${d.packId}/${d.dealId}` : '';
}
