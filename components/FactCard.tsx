import type { ComponentChildren } from 'preact';
import type { Verdict, FactView } from '../data/schema/verdict';
import type { MyCorrection } from '../data/schema/correction';
import { VERDICT_WORDS } from './verdict-words';
import { packLine, trustWords } from './pack-trust-words';

export interface FactCardProps {
  /** The figure as the article wrote it. */
  figureText: string;
  verdict: Verdict;
  /** Id of the element that labels the card, unique in its shadow root. */
  id: string;
  /** Opens the correction form (the event tells whether the reader clicked); without it the card offers none. */
  onSuggest?: (event: Event) => void;
  /** The open correction form, shown in place of the "Suggest a correction" button. */
  form?: ComponentChildren;
}

/** The hover card: verdict in words, the verified figure, what it measures, when, and sources. */
export function FactCard({ figureText, verdict, id, onSuggest, form }: FactCardProps) {
  const fact = verdict.fact;
  return (
    <div
      class={`card ${verdict.verdict}`}
      role="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      tabIndex={-1}
      data-verdict={verdict.verdict}
      data-fact-id={fact?.id ?? ''}
    >
      <p class="verdict" id={`${id}-title`}>
        <span class="badge" aria-hidden="true">{BADGES[verdict.verdict]}</span> {VERDICT_WORDS[verdict.verdict]}
      </p>
      <div id={`${id}-body`}>
        <p class="figure">
          Article: <q>{figureText}</q>
        </p>
        {verdict.why ? <p class="why">{verdict.why}</p> : null}
        {fact ? <FactDetails fact={fact} verdict={verdict} /> : <p class="note">No fact in your packs matches this figure and its context.</p>}
        {verdict.candidates?.length ? <Candidates facts={verdict.candidates} /> : null}
        {verdict.disagreements?.map((other) => (
          <p class="disagree" key={other.id}>
            {other.pack.publisher} ({trustWords(other.pack.trust)}) records <strong>{other.display}</strong> for this.
          </p>
        ))}
        {verdict.myCorrection ? <MyCorrectionLine mine={verdict.myCorrection} /> : null}
      </div>
      {form ??
        (onSuggest ? (
          <button type="button" class="suggest" onClick={onSuggest}>
            Suggest a correction
          </button>
        ) : null)}
    </div>
  );
}

/** How each status of the reader's own correction is said on the card. */
const MINE_WORDS: Record<MyCorrection['status'], string> = {
  queued: 'pending',
  sending: 'pending',
  sent: 'sent, awaiting review',
  accepted: 'accepted',
  rejected: 'rejected',
  failed: 'not delivered',
  withdrawn: 'withdrawn',
};

function MyCorrectionLine({ mine }: { mine: MyCorrection }) {
  return (
    <p class="mine" data-status={mine.status} data-correction-id={mine.id}>
      Your correction, {MINE_WORDS[mine.status]}: <strong>{mine.display}</strong>
      {mine.reason ? <span class="reason"> ({mine.reason})</span> : null}
    </p>
  );
}

const BADGES = { verified: '✓', mismatch: '≠', unverified: '?' } as const;

/** Facts of different deals that fit an unverified figure equally well: shown, none chosen. */
function Candidates({ facts }: { facts: FactView[] }) {
  return (
    <ul class="candidates">
      {facts.map((f) => (
        <li key={f.id} data-fact-id={f.id}>
          <strong>{f.display}</strong>: {f.label} ({f.deal})
        </li>
      ))}
    </ul>
  );
}

function FactDetails({ fact, verdict }: { fact: FactView; verdict: Verdict }) {
  return (
    <>
      <p class="value">
        Verified: <strong class="verified-value">{fact.display}</strong>
        {verdict.verdict === 'mismatch' && verdict.gap !== undefined ? <span class="gap"> ({describeGap(verdict.gap, fact)})</span> : null}
      </p>
      <dl>
        <dt>Measures</dt>
        <dd class="label">{fact.label}</dd>
        <dt>Deal</dt>
        <dd>{fact.deal}</dd>
        <dt>As of</dt>
        <dd>
          <time dateTime={fact.asOf}>{fact.asOf}</time> · {fact.status}
        </dd>
        <dt>Sources</dt>
        <dd>
          <ul class="sources">
            {fact.sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} target="_blank" rel="noopener noreferrer">
                  {s.title}
                </a>
                {s.publisher ? ` (${s.publisher})` : ''}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <p class="pack" data-trust={fact.pack.trust?.kind ?? 'unknown'}>
        {packLine(fact.pack)}
      </p>
    </>
  );
}

/** "article is 14% higher" style wording for a mismatch. */
function describeGap(gap: number, fact: FactView): string {
  const base = fact.quantity.value;
  const direction = gap > 0 ? 'higher' : 'lower';
  if (base === 0) return `article is ${direction}`;
  const percent = Math.round((Math.abs(gap) / Math.abs(base)) * 100);
  return `article's figure is ${percent}% ${direction}`;
}
