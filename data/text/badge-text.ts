import type { InterferenceKind } from '../schema/page-state-messages';

/** Badge colours: the mismatch red of the underlines, and amber when the page interferes. */
const MISMATCH_COLOUR = '#cf222e';
const INTERFERENCE_COLOUR = '#9a6700';
const OFF_COLOUR = '#6e7781';

export interface FrameState {
  enabled: boolean;
  mismatches: number;
  interference: InterferenceKind[];
}

/** What the toolbar badge says for one tab, from its frames' reports: the top frame (id 0) decides "off". */
export function badgeFor(frames: ReadonlyMap<number, FrameState>): { text: string; title: string; colour: string } {
  if (frames.get(0)?.enabled === false) return { text: 'off', title: 'Factmark is off for this site', colour: OFF_COLOUR };
  let mismatches = 0;
  let interfering = false;
  for (const frame of frames.values()) {
    if (!frame.enabled) continue;
    mismatches += frame.mismatches;
    interfering ||= frame.interference.length > 0;
  }
  const count = mismatches > 999 ? '999+' : mismatches ? String(mismatches) : '';
  const lines = ['Factmark'];
  if (mismatches) lines.push(`${mismatches} ${mismatches === 1 ? 'figure differs' : 'figures differ'} from the record`);
  if (interfering) lines.push("This page is interfering with Factmark's underlines");
  return { text: interfering ? `${count}!` : count, title: lines.join('\n'), colour: interfering ? INTERFERENCE_COLOUR : MISMATCH_COLOUR };
}
