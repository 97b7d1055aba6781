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

/** A heading's text is sent up to this long (a longer one is no heading, but it still reads). */
const HEADING_CHARS = 300;

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

  /** Per block, the position of its heading block, or -1 (sent only when some block has one). */
  private readonly headings: number[] = [];
  private readonly headingAt = new Map<string, number>();

  /**
   * Adds a block of text; answers its position, for `addFigure`. `heading` is the text of the
   * block's heading (the nearest h1-h6 before it, or its list's lead-in), sent once per batch.
   */
  addBlock(text: string, heading?: string): number {
    let head = -1;
    if (heading) {
      heading = heading.slice(0, HEADING_CHARS);
      head = this.headingAt.get(heading) ?? -1;
      if (head < 0) {
        head = this.blocks.push(heading) - 1;
        this.headings.push(-1);
        this.headingAt.set(heading, head);
      }
    }
    this.headings.push(head);
    return this.blocks.push(text) - 1;
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
    if (this.headingAt.size) request.headings = this.headings;
    if (published) request.published = published;
    return request;
  }

  private string(value: string): number {
    let at = this.positions.get(value);
    if (at === undefined) this.positions.set(value, (at = this.strings.push(value) - 1));
    return at;
  }
}
