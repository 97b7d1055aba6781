/**
 * A pack of another kind of deal than the bundled one: company acquisitions (real, public deals;
 * the sentences are ours). "acquisition-price" is read as the vocabulary's `price` (the words of
 * buying bind it); "price-per-share" has no words of its own, so only its cues bind it. The matcher must confirm plain statements
 * of those facts and never confirm or contradict a figure of something else: a share price, the
 * value including debt, an earlier deal, a buyer's own revenue.
 */
import { describe, expect, it } from 'vitest';
import { fixtureIndex, sentenceVerdicts } from './pack-sentences';
import raw from './fixtures/acquisitions-pack.json';

const index = fixtureIndex(raw, 'tests/unit/fixtures/acquisitions-pack.json');
const verdicts = (sentence: string, published: string) => sentenceVerdicts(index, sentence, { url: 'https://news.example/deals', title: 'Deals of the week', published });

describe('a pack of acquisitions', () => {
  it("confirms a deal's price and its price per share where the sentence states them", () => {
    expect(verdicts('Microsoft agreed to buy Activision Blizzard for $68.7 billion in cash.', '2022-01-19')).toEqual(['$68.7 billion: verified [msft-atvi.price]']);
    expect(verdicts('Microsoft will pay $95 per share for Activision Blizzard.', '2022-01-19')).toEqual(['$95: verified [msft-atvi.per-share]']);
    expect(verdicts('HPE will buy Juniper for $14 billion, or $40 a share.', '2024-01-10')).toEqual([
      '$14 billion: verified [hpe-jnpr.price]',
      '$40: verified [hpe-jnpr.per-share]',
    ]);
  });

  it("keeps 'a share' with the price per share when another figure follows in the sentence", () => {
    expect(verdicts('Cisco will buy Splunk for $157 a share, about $28 billion.', '2023-09-22')).toEqual([
      '$157: verified [csco-splk.per-share]',
      '$28 billion: verified [csco-splk.price]',
    ]);
  });

  it('reads a fee or a debt as the deal\'s term only where a cue of the pack narrows it', () => {
    expect(verdicts('Adobe will pay Figma a $1 billion termination fee.', '2023-12-19')).toEqual(['$1 billion: verified [adbe-figma.termination-fee]']);
    expect(verdicts('Adobe owes Figma a breakup fee of $1.5 billion.', '2023-12-19')).toEqual(['$1.5 billion: mismatch [adbe-figma.termination-fee]']);
    // Another fee, or fees at large, stay another topic.
    expect(verdicts('Adobe paid its bankers a $1 billion advisory fee for the Figma deal.', '2023-12-19')).toEqual(['$1 billion: unverified']);
    expect(verdicts('Adobe and Figma paid $1 billion in fees.', '2023-12-19')).toEqual(['$1 billion: unverified']);
    // The fixture's debt cue is the bare topic word: it narrows nothing.
    expect(verdicts('Broadcom will borrow $8 billion in new debt to pay for VMware.', '2022-05-27')).toEqual(['$8 billion: unverified']);
  });

  it("confirms a 'purchase price' while a market's price stays another topic", () => {
    expect(verdicts('Broadcom will buy VMware at a purchase price of $61 billion.', '2022-05-27')).toEqual(['$61 billion: verified [avgo-vmw.price]']);
    expect(verdicts('Broadcom will buy VMware at a purchase price of $66 billion.', '2022-05-27')).toEqual(['$66 billion: mismatch [avgo-vmw.price]']);
    expect(verdicts("Broadcom's offer lifted VMware's share price to $61 billion in market value.", '2022-05-27')).toEqual(['$61 billion: unverified']);
  });

  it("does not take a relative aside's buying for the figure's role", () => {
    expect(verdicts('Splunk, which Cisco bought, has $28 billion of cash.', '2024-04-01')).toEqual(['$28 billion: unverified']);
    expect(verdicts('Cisco, which bought Splunk for $28 billion, reported higher sales.', '2024-04-01')).toEqual(['$28 billion: verified [csco-splk.price]']);
  });

  it('does not give a word of buying to a figure that another verb holds', () => {
    for (const sentence of [
      'Cisco bought Splunk last year and now has $28 billion in cash.',
      'Cisco bought Splunk, and Splunk now earns $28 billion.',
      'Cisco bought Splunk; its cash pile is $28 billion.',
      'Cisco bought Splunk, then set aside $28 billion for research.',
      'Cisco, having bought Splunk, holds $28 billion in cash.',
    ]) {
      expect(verdicts(sentence, '2024-04-01'), sentence).toEqual(['$28 billion: unverified']);
    }
    expect(verdicts('Cisco bought Splunk and has paid $28 billion.', '2024-04-01')).toEqual(['$28 billion: verified [csco-splk.price]']);
    expect(verdicts('Cisco bought Splunk: $28 billion in all.', '2024-04-01')).toEqual(['$28 billion: verified [csco-splk.price]']);
  });

  it('reads a value "including debt" as the deal\'s, which may confirm but never contradict a price', () => {
    // The fixture's VMware price is of the equity alone: the value with debt is another figure, not a misstatement.
    expect(verdicts('Broadcom will buy VMware for $69 billion including debt.', '2022-05-27')).toEqual(['$69 billion: unverified']);
    expect(verdicts('Broadcom will buy VMware for $75 billion including its debt.', '2022-05-27')).toEqual(['$75 billion: unverified']);
  });

  it("reads an 'equity value' as a purchase's price, not a stake's worth", () => {
    expect(verdicts('HPE will buy Juniper at an equity value of about $14 billion.', '2024-01-10')).toEqual(['$14 billion: verified [hpe-jnpr.price]']);
  });

  it("reads 'for each Splunk share' as the pack's 'per share'", () => {
    expect(verdicts('Cisco will pay $157 for each Splunk share.', '2023-09-22')).toEqual(['$157: verified [csco-splk.per-share]']);
    expect(verdicts('Cisco will pay $175 for each Splunk share.', '2023-09-22')).toEqual(['$175: mismatch [csco-splk.per-share]']);
    // A market's price stays the market's.
    expect(verdicts('Splunk traded at $120 per Splunk share before Cisco agreed to buy it.', '2023-09-22')).toEqual(['$120: unverified']);
  });

  it("reads a premium's basis as the premium's, and never calls a premium a misstatement", () => {
    const fixture = 'Activision Blizzard';
    expect(verdicts(`That is a 45% premium to where ${fixture} stock closed on Friday, Microsoft said.`, '2022-01-19')).toEqual(['45%: verified [msft-atvi.premium]']);
    // Measured from another price (an average, the last close), an honest premium is another number.
    expect(verdicts(`Microsoft will pay a 38% premium to ${fixture}'s share price.`, '2022-01-19')).toEqual(['38%: unverified']);
    expect(verdicts(`${fixture} shares rose 45% after Microsoft's offer.`, '2022-01-19')).toEqual(['45%: unverified']);
  });

  it('reads an offer as terms that may be the agreed ones: it confirms, never contradicts', () => {
    expect(verdicts('Microsoft offered $95 a share for Activision Blizzard.', '2022-01-19')).toEqual(['$95: verified [msft-atvi.per-share]']);
    // An offer of another value may be an earlier or a rival one, not a misstatement.
    expect(verdicts('Microsoft offered $99 a share for Activision Blizzard.', '2022-01-19')).toEqual(['$99: unverified']);
  });

  it('gives no verdict to figures the pack does not record', () => {
    for (const [sentence, published] of [
      ['Activision Blizzard shares rose to $82 after the offer from Microsoft.', '2022-01-19'],
      ['Activision Blizzard made $8.8 billion in revenue last year, Microsoft said.', '2022-01-19'],
      ['Microsoft, which is buying Activision Blizzard, reported $62 billion in revenue.', '2022-01-19'],
      ['Broadcom agreed to buy VMware for $69 billion including debt.', '2022-05-27'],
      ['Exxon will buy Pioneer for $64.5 billion including debt.', '2023-10-12'],
    ] as const) {
      expect(verdicts(sentence, published).join(' | '), sentence).toMatch(/^[^|]*: unverified( \| [^|]*: unverified)*$/);
    }
  });

  it("does not read the market's share price as the deal's price per share", () => {
    // "traded at" and "shares closed" quote the market; "per-share" in a role is a price, not one investor's part ("each").
    for (const sentence of [
      'Activision Blizzard traded at $65 a share before Microsoft agreed to buy it.',
      'Microsoft will buy Activision Blizzard, whose shares were worth $65 each.',
    ]) {
      expect(verdicts(sentence, '2022-01-19'), sentence).toEqual(['$65: unverified']);
    }
    expect(verdicts('Activision Blizzard shares closed at $65 before Microsoft agreed to buy it for $95 a share.', '2022-01-19')).toEqual([
      '$65: unverified',
      '$95: verified [msft-atvi.per-share]',
    ]);
    expect(verdicts('Microsoft will buy Activision Blizzard for $99 per share.', '2022-01-19')).toEqual(['$99: mismatch [msft-atvi.per-share]']);
    // "stock" or "shares" and a verb of the market right before the figure quote the market too.
    for (const [sentence, published] of [
      ['Activision stock stood at $65 a share before Microsoft agreed to buy it.', '2022-01-19'],
      ['Microsoft agreed to buy Activision Blizzard; Activision stock reached $82 a share that day.', '2022-01-19'],
      ['Splunk stock hit $150 a share after Cisco agreed to buy it.', '2023-10-20'],
    ] as const) {
      expect(verdicts(sentence, published).join(' | '), sentence).toMatch(/^\$\d+: unverified$/);
    }
    expect(verdicts('Cisco agreed to buy Splunk for $150 a share.', '2023-10-20')).toEqual(['$150: mismatch [csco-splk.per-share]']);
  });

  it("does not read an earlier deal's price in the same sentence as this one's", () => {
    expect(verdicts('Cisco will buy Splunk for $28 billion, after buying Acacia for $4.5 billion.', '2023-09-22')).toEqual([
      '$28 billion: verified [csco-splk.price]',
      '$4.5 billion: unverified',
    ]);
    expect(verdicts('HPE, which sold a rival of Juniper for $2 billion, will buy Juniper for $14 billion.', '2024-01-10')[0]).toBe('$2 billion: unverified');
  });

  it('keeps the debt a buyer takes on apart from the price', () => {
    const [price, debt] = verdicts('Broadcom agreed to buy VMware for about $61 billion and will take on $8 billion of VMware debt.', '2022-05-27');
    expect(price).toBe('$61 billion: verified [avgo-vmw.price]');
    // Confirming the debt would be right too; anything else would not.
    expect(debt).toMatch(/^\$8 billion: (unverified|verified \[avgo-vmw\.debt\])$/);
  });

  it('contradicts a figure only where its own cue names the fact', () => {
    expect(verdicts('Synopsys will buy Ansys at an enterprise value of $35 billion.', '2024-01-17')).toEqual(['$35 billion: verified [snps-ansys.price]']);
    expect(verdicts('Synopsys will buy Ansys at an enterprise value of $34 billion.', '2024-01-17')).toEqual(['$34 billion: mismatch [snps-ansys.price]']);
    // The same wrong figure without the cue is not an accusation.
    expect(verdicts('Synopsys will buy Ansys for $34 billion.', '2024-01-17')).toEqual(['$34 billion: unverified']);
  });

  it("binds an acquisition's price by the words of buying, and contradicts a misstated one", () => {
    expect(verdicts('Microsoft closed its $68.7 billion purchase of Activision Blizzard.', '2022-06-01')).toEqual(['$68.7 billion: verified [msft-atvi.price]']);
    expect(verdicts("Broadcom's $61 billion takeover of VMware won approval.", '2022-06-01')).toEqual(['$61 billion: verified [avgo-vmw.price]']);
    expect(verdicts('Microsoft will pay $75 billion for Activision Blizzard.', '2022-02-01')).toEqual(['$75 billion: mismatch [msft-atvi.price]']);
    // A bid's words value the target (no price word), an earlier purchase, the price including debt: none is this price.
    expect(verdicts("Microsoft's $75 billion bid values Activision Blizzard richly.", '2022-02-01')).toEqual(['$75 billion: unverified']);
    expect(verdicts('Microsoft bought Activision Blizzard; it had bought Bethesda for $7.5 billion.', '2022-02-01')).toEqual(['$7.5 billion: unverified']);
    expect(verdicts('Broadcom will pay $69 billion for VMware including debt.', '2022-06-01')).toEqual(['$69 billion: unverified']);
  });
});
