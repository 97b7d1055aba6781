import { dayNumber, type DateMention } from '../text/dates';

/**
 * Whether a figure and a fact belong to the same time. A fact belongs to its deal's announcement
 * and to its own `asOf`; an article published before the announcement can neither confirm nor
 * contradict it, and a figure the sentence dates to another period is not that fact.
 */

/** Days an article may precede the announcement it reports (time zones, embargoes lifting). */
const EARLY_DAYS = 2;
/** How long after the announcement an article may still contradict the record without a date near the figure. */
const STALE_DAYS = 400;

export interface FactTime {
  /** The deal's announcement day. */
  announced: string;
  asOf: string;
}

export type TimeFit =
  | { fits: true; /** what dated it, for the card */ by: 'article' | 'text' | 'none'; text?: string; /** too long after the fact to contradict it */ stale: boolean }
  | { fits: false; why: 'before' | 'other-period'; text: string };

function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
}

/** True if the mention names the period of the announcement or of `asOf` (a month either way for months). */
function mentionFits(m: DateMention, time: FactTime): boolean {
  return [time.announced, time.asOf].some((day) => {
    const year = Number(day.slice(0, 4));
    if (m.month === undefined) return m.year === year;
    return Math.abs(monthIndex(m.year, m.month) - monthIndex(year, Number(day.slice(5, 7)))) <= 1;
  });
}

/**
 * The time evidence for a fact: `published` is the article's day (if known), `near` the date the
 * sentence gives closest to the figure (if any). A date after both the fact and the article is a
 * plan ("chips arriving in 2027"), not the figure's period, and is passed over.
 */
export function timeFit(time: FactTime, published: string | undefined, near: DateMention | undefined): TimeFit {
  const announced = dayNumber(time.announced);
  const pub = published ? dayNumber(published) : undefined;
  if (pub !== undefined && pub < announced - EARLY_DAYS) return { fits: false, why: 'before', text: published! };
  if (near) {
    if (mentionFits(near, time)) return { fits: true, by: 'text', text: near.text, stale: false };
    const latest = Math.max(Number(time.announced.slice(0, 4)), pub !== undefined ? Number(published!.slice(0, 4)) : 0);
    const future = near.year > latest;
    if (!future) return { fits: false, why: 'other-period', text: near.text };
  }
  // A running total "as of" a recent day is current even when its deal began long ago.
  const latest = Math.max(announced, dayNumber(time.asOf));
  if (pub !== undefined) return { fits: true, by: 'article', text: published, stale: pub > latest + STALE_DAYS };
  return { fits: true, by: 'none', stale: false };
}
