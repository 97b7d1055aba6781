import type { Uncheckable } from './claim';
import type { BindingEvidence, PartyPlace } from './evidence';
import type { TimeFit } from './time';

/**
 * The card's one plain line saying why a verdict was given, or why none was: what in the text
 * pointed to the fact. Pure text; the card renders it as text.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "27 Feb 2026" for '2026-02-27'. */
export function readableDay(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

/** "Amazon and OpenAI", "Amazon, Nvidia and OpenAI". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const PLACE: Record<PartyPlace, string> = {
  sentence: 'in this sentence',
  previous: 'in the sentence before',
  heading: 'in the heading',
  paragraph: 'in this paragraph',
  title: 'in the title',
};

/** Display names by entity id; an id without one is shown as itself. */
export type NameBook = ReadonlyMap<string, string> | ((id: string) => string);

function nameIn(names: NameBook, id: string): string {
  return typeof names === 'function' ? names(id) : names.get(id) ?? id;
}

function namesPart(binding: BindingEvidence, names: NameBook, dealName: string | undefined): string {
  if (binding.byDealName && dealName) return `'${dealName}' named in this sentence`;
  const { places } = binding;
  // One or two parties in one place (nearly every line): no grouping needed.
  if (places.length === 1) return `${nameIn(names, places[0]![0])} named ${PLACE[places[0]![1]]}`;
  if (places.length === 2) {
    const a = places[0]!;
    const b = places[1]!;
    return a[1] === b[1]
      ? `${nameIn(names, a[0])} and ${nameIn(names, b[0])} named ${PLACE[a[1]]}`
      : `${nameIn(names, a[0])} named ${PLACE[a[1]]}, ${nameIn(names, b[0])} ${PLACE[b[1]]}`;
  }
  const byPlace = new Map<PartyPlace, string[]>();
  for (const [id, place] of places) byPlace.set(place, [...(byPlace.get(place) ?? []), nameIn(names, id)]);
  const parts = [...byPlace].map(([place, list], i) => `${listNames(list)}${i === 0 ? ' named' : ''} ${PLACE[place]}`);
  return parts.join(', ');
}

function timePart(time: Extract<TimeFit, { fits: true }>): string {
  if (time.by === 'article') return `article dated ${readableDay(time.text!)}`;
  if (time.by === 'text') return `dated '${time.text}' in the text`;
  return 'article undated';
}

/** Why a figure verifies or contradicts a fact: names, the role word, the time. */
export function reasonLine(
  binding: BindingEvidence,
  cue: string,
  time: Extract<TimeFit, { fits: true }>,
  names: NameBook,
  dealName?: string,
): string {
  return `${namesPart(binding, names, dealName)} · '${cue}' · ${timePart(time)}`;
}

/** Why a figure got no verdict, when something came close. */
export function abstainLine(why: Uncheckable): string {
  switch (why.kind) {
    case 'uncertain':
      return 'The currency of this figure is unsure here (which dollar?), so Factmark does not check it';
    case 'bound':
      return 'A bound, not a value: Factmark does not check "up to", "more than" or "at least" figures';
    case 'speculative':
      return `'${why.cue}': talks or a possibility, not the closed deal on record`;
    case 'negated':
      return `'${why.cue}': a negation or a denial, which the record can neither confirm nor contradict`;
    case 'earlier-value':
      return `'${why.cue}': the amount before a change, not the one on record`;
    case 'intent':
      return `'${why.cue}': an intention, not the closed deal on record`;
    case 'other-topic':
      return `'${why.cue}': not a figure of a deal's terms`;
    case 'time-span':
      return `'${why.cue}': a time, not the length of a deal`;
    case 'one-part':
      return `'${why.cue}': one of several parts, not the whole on record`;
  }
}
