/**
 * The roles a fact can play in its deal, whose words the matcher knows (data/match/roles.ts).
 * A pack author picks one as a fact's `role` instead of listing cue words on every fact; any
 * other role string is read through its words ("initial-tranche" is `initial`) or, failing
 * that, by the fact's metric.
 */
export const ROLE_IDS = [
  'total', // the whole amount of an investment or commitment
  'initial', // the first tranche, paid up front
  'remaining', // what follows later, on conditions or milestones
  'contribution', // one investor's part of a round
  'round', // the size of a funding round
  'pre-money', // valuation before the new money
  'post-money', // valuation including the new money
  'valuation', // a valuation that is neither stated as pre- nor post-money
  'commitment', // money one side commits to spend with the other
  'capacity', // power or compute capacity
  'term', // how long the agreement runs
  'stake', // the share of a company held
  'sale', // shares its holders sell to other investors (a secondary sale, a tender offer)
  'price', // what a buyer pays for a company it acquires (not a price per share)
  'other',
] as const;

export type RoleId = (typeof ROLE_IDS)[number];
