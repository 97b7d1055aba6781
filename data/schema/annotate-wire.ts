import type { Figure } from './figure';
import type { AnnotateRequest } from './messages';

/**
 * The `annotate` message carries its figures as one flat array of numbers, FIGURE_FIELDS per
 * figure, with their strings (kind, unit, qualifier) by position in `strings`, and no sentences:
 * the background cuts those from `blocks`. Extension messaging converts every value one by one,
 * so 13,000 figures as objects with repeated sentences cost ~10x more to send than this.
 *
 * Layout of one figure: block, start, end (UTF-16 offsets into that block), kind, value,
 * high (or null), unit, precision (or null), qualifier (or -1), uncertain (1 or 0).
 */
export const FIGURE_FIELDS = 10;

/** A heading or a sentence before a paragraph is sent up to this long. */
const CONTEXT_CHARS = 1000;

/** Builds one `annotate` message; pure, so the content script and benchmarks share it. */
export class AnnotateWriter {
  readonly blocks: string[] = [];
  private readonly strings: string[] = [];
  private readonly positions = new Map<string, number>();
  private readonly figures: (number | null)[] = [];

  /** Figures added so far. */
  get size(): number {
    return this.figures.length / FIGURE_FIELDS;
  }

  /** Per block, the position of its heading block / of the sentence before it, or -1 (sent only when some block has one). */
  private readonly headings: number[] = [];
  private readonly leads: number[] = [];
  private readonly contextAt = new Map<string, number>();

  /**
   * Adds a block of text; answers its position, for `addFigure`. `heading` is the text of the
   * block's heading (the nearest h2-h6 before it, or its list's lead-in), `lead` the last sentence
   * of the paragraph before it; each distinct one is sent once per batch, as a block of its own.
   */
  addBlock(text: string, heading?: string, lead?: string): number {
    const head = this.context(heading);
    const before = this.context(lead);
    this.headings.push(head);
    this.leads.push(before);
    return this.blocks.push(text) - 1;
  }

  private context(text: string | undefined): number {
    if (!text) return -1;
    text = text.slice(0, CONTEXT_CHARS);
    let at = this.contextAt.get(text);
    if (at === undefined) {
      at = this.blocks.push(text) - 1;
      this.headings.push(-1);
      this.leads.push(-1);
      this.contextAt.set(text, at);
    }
    return at;
  }

  /** Adds a figure found in block `block`, whose offsets are `shift` characters after the block's start. */
  addFigure(block: number, figure: Figure, shift = 0): void {
    this.figures.push(
      block,
      figure.start - shift,
      figure.end - shift,
      this.string(figure.kind),
      figure.value,
      figure.high ?? null,
      this.string(figure.unit),
      figure.precision ?? null,
      figure.qualifier === undefined ? -1 : this.string(figure.qualifier),
      figure.uncertain ? 1 : 0,
    );
  }

  /** The message, for a page's address, title and publication day. */
  request(url: string, title: string, published?: string): AnnotateRequest {
    const request: AnnotateRequest = { type: 'annotate', url, title, blocks: this.blocks, strings: this.strings, figures: this.figures };
    if (this.headings.some((h) => h >= 0)) request.headings = this.headings;
    if (this.leads.some((h) => h >= 0)) request.leads = this.leads;
    if (published) request.published = published;
    return request;
  }

  private string(value: string): number {
    let at = this.positions.get(value);
    if (at === undefined) this.positions.set(value, (at = this.strings.push(value) - 1));
    return at;
  }
}
