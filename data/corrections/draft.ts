import { recognize } from '../recognize';
import { formatQuantity } from '../match/format-quantity';
import { canonicalUnit } from '../match/units';
import type { CorrectionInput, ProposedValue } from '../schema/correction';
import { CORRECTION_LIMITS, isHttpUrl } from '../schema/correction-limits';

/** The form's fields, by name. */
export type DraftField = keyof CorrectionInput;

/** A draft that passed every check, ready to store. */
export interface CheckedDraft {
  proposed: ProposedValue;
  measures: string;
  evidence: { url: string; quote?: string };
  note?: string;
}

/** Either the checked draft, or one specific message per field that is wrong. */
/** On failure, `proposed` is the value read back when the value alone was fine (the form shows it). */
export type DraftCheck = { ok: true; value: CheckedDraft } | { ok: false; errors: Partial<Record<DraftField, string>>; proposed?: ProposedValue };

/** What the draft is checked against: the unit of the disputed fact, when there is one. */
export interface DraftContext {
  factUnit?: string;
}

const EXAMPLES = '"$16.5bn", "2 GW", "8 years" or "27%"';

/**
 * Reads a proposed value with the same recognizer as the page, so "$16.5bn" means here exactly
 * what it means in an article. Answers the resolved value or a sentence saying what is wrong.
 */
export function parseProposedValue(text: string, factUnit?: string): { ok: true; value: ProposedValue } | { ok: false; error: string } {
  const written = text.trim();
  if (!written) return { ok: false, error: `Write the value you propose, as an article would: ${EXAMPLES}.` };
  if (written.length > CORRECTION_LIMITS.valueChars) return { ok: false, error: `Keep the value under ${CORRECTION_LIMITS.valueChars} characters.` };
  const figures = recognize(written);
  if (figures.length === 0) return { ok: false, error: `"${written}" does not read as a figure with a unit; write it like ${EXAMPLES}.` };
  if (figures.length > 1) return { ok: false, error: `That is ${figures.length} figures; propose one value (a range is fine: "$10-12 billion").` };
  const figure = figures[0]!;
  if (factUnit && canonicalUnit(figure.unit).unit !== canonicalUnit(factUnit).unit) {
    return { ok: false, error: `The fact is measured in ${factUnit}, but "${figure.text}" is in ${figure.unit}.` };
  }
  const low = formatQuantity({ value: figure.value, unit: figure.unit });
  const range = figure.high !== undefined ? `${low} to ${formatQuantity({ value: figure.high, unit: figure.unit })}` : low;
  const display = figure.kind === 'money' ? `${range} (${figure.unit})` : range;
  return {
    ok: true,
    value: { text: written, kind: figure.kind, value: figure.value, ...(figure.high !== undefined ? { high: figure.high } : {}), unit: figure.unit, display },
  };
}

/** Checks every field of the form; each problem is reported on its own field. */
export function checkDraft(input: CorrectionInput, context: DraftContext = {}): DraftCheck {
  const errors: Partial<Record<DraftField, string>> = {};
  const proposed = parseProposedValue(input.value, context.factUnit);
  if (!proposed.ok) errors.value = proposed.error;

  const measures = input.measures.trim();
  if (!measures) errors.measures = 'Say what the value measures, e.g. "Amazon\'s initial investment in OpenAI".';
  else if (measures.length > CORRECTION_LIMITS.measuresChars) errors.measures = `Keep this under ${CORRECTION_LIMITS.measuresChars} characters (now ${measures.length}).`;

  const url = input.evidenceUrl.trim();
  if (!url) errors.evidenceUrl = 'Evidence is required: the address of a source that states this value.';
  else if (!/^https?:\/\//i.test(url)) errors.evidenceUrl = 'The evidence address must start with http:// or https://.';
  else if (!isHttpUrl(url)) errors.evidenceUrl = 'That is not a valid web address.';

  const quote = input.quote.trim();
  if (quote.length > CORRECTION_LIMITS.quoteChars) errors.quote = `Keep the quote under ${CORRECTION_LIMITS.quoteChars} characters (now ${quote.length}).`;
  const note = input.note.trim();
  if (note.length > CORRECTION_LIMITS.noteChars) errors.note = `Keep the note under ${CORRECTION_LIMITS.noteChars} characters (now ${note.length}).`;

  if (!proposed.ok) return { ok: false, errors };
  if (Object.keys(errors).length > 0) return { ok: false, errors, proposed: proposed.value };
  return {
    ok: true,
    value: { proposed: proposed.value, measures, evidence: quote ? { url, quote } : { url }, ...(note ? { note } : {}) },
  };
}

/** The field errors as one sentence per field, for places that show a single message. */
export function describeErrors(errors: Partial<Record<DraftField, string>>): string {
  const names: Record<DraftField, string> = { value: 'Value', measures: 'Measures', evidenceUrl: 'Evidence', quote: 'Quote', note: 'Note' };
  return Object.entries(errors)
    .map(([field, message]) => `${names[field as DraftField]}: ${message}`)
    .join(' ');
}
