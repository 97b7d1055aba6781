import type { FoundFigure } from '../data/schema/page-messages';
import { VERDICT_WORDS } from './verdict-words';
import { packLine } from './pack-trust-words';

export interface FigureListProps {
  figures: FoundFigure[];
  onSelect: (index: number) => void;
}

/** The popup's list of figures on the page, each with its verdict; selecting one reveals it. */
export function FigureList({ figures, onSelect }: FigureListProps) {
  if (figures.length === 0) return <p class="empty">No deal figures found on this page.</p>;
  const counts = { verified: 0, mismatch: 0, unverified: 0 };
  for (const f of figures) counts[f.verdict]++;
  return (
    <>
      <p class="summary">
        {counts.verified} verified · {counts.mismatch} differ · {counts.unverified} unverified
      </p>
      <ul class="figures">
        {figures.map((f) => (
          <li key={f.index}>
            <button type="button" class={`figure ${f.verdict}`} data-verdict={f.verdict} onClick={() => onSelect(f.index)}>
              <span class="text">{f.text}</span>
              <span class="verdict">{VERDICT_WORDS[f.verdict]}</span>
              {f.verdict === 'mismatch' && f.display ? <span class="record">record: {f.display}</span> : null}
              {f.label ? <span class="label">{f.label}</span> : null}
              {f.pack ? (
                <span class="pack" data-trust={f.pack.trust?.kind ?? 'unknown'}>
                  {packLine(f.pack)}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
