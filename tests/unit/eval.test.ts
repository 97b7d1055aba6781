/**
 * The evaluation sets (tests/eval, AI deals; tests/eval-acquisitions, company purchases) as a
 * regression gate: on our own articles, with the bundled pack and with each set's
 * third-party-style pack, no figure of another deal is verified and no honest figure is said to
 * differ. Recall is watched too, so abstaining everywhere cannot pass.
 */
import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../data/packs';
import { EVAL_SETS, evaluate, loadSetPack } from '../../scripts/eval';
import { rates } from '../../scripts/eval/score';

const aiPack = loadSetPack(EVAL_SETS['AI deals']);
const acquisitionsPack = loadSetPack(EVAL_SETS.acquisitions);

describe('evaluation set: AI deals', () => {
  it.each([
    ['the bundled pack', [bundledPack]],
    ['the bundled pack and the set pack', [bundledPack, aiPack]],
  ])('with %s: no wrong match, no false "differs", precision at least 0.99', (_name, packs) => {
    const score = evaluate(packs, aiPack, undefined, EVAL_SETS['AI deals']);
    expect(score.figures).toBeGreaterThan(400);
    expect({ verifiedWrong: score.verifiedWrong, falseDiffers: score.falseDiffers }).toEqual({ verifiedWrong: 0, falseDiffers: 0 });
    const r = rates(score);
    expect(r.verdictPrecision).toBeGreaterThanOrEqual(0.99);
    // Not the 0.95 the issue asks for (see the closing note); a floor so that abstaining on everything fails.
    expect(r.recall).toBeGreaterThanOrEqual(0.85);
  }, 60_000);
});

describe('evaluation set: acquisitions (another kind of deal, another pack)', () => {
  it('with the bundled pack alone, whose deals these articles are not about: no verdict at all', () => {
    const score = evaluate([bundledPack], acquisitionsPack, undefined, EVAL_SETS.acquisitions);
    expect(score.figures).toBeGreaterThan(100);
    expect({ verifiedRight: score.verifiedRight, verifiedWrong: score.verifiedWrong, mismatchRight: score.mismatchRight, falseDiffers: score.falseDiffers }).toEqual({
      verifiedRight: 0,
      verifiedWrong: 0,
      mismatchRight: 0,
      falseDiffers: 0,
    });
  }, 60_000);

  it('with the set pack: no wrong match, no false "differs", and most recorded figures confirmed', () => {
    const score = evaluate([bundledPack, acquisitionsPack], acquisitionsPack, undefined, EVAL_SETS.acquisitions);
    expect({ verifiedWrong: score.verifiedWrong, falseDiffers: score.falseDiffers }).toEqual({ verifiedWrong: 0, falseDiffers: 0 });
    // Lower than the AI set's: the vocabulary of purchases ("offer", "for each share") is read conservatively.
    expect(rates(score).recall).toBeGreaterThanOrEqual(0.65);
  }, 60_000);
});
