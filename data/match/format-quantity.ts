import type { Quantity } from '../schema/pack';

const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: 'CN¥', INR: '₹', KRW: '₩' };
const SCALES: [number, string][] = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']];
const DURATIONS: Record<string, [string, string]> = {
  year: ['year', 'years'], month: ['month', 'months'], week: ['week', 'weeks'], day: ['day', 'days'], quarter: ['quarter', 'quarters'],
};

/** Up to two decimals, trailing zeros dropped, thousands grouped: 1.5, 15, 1,250. */
function number(n: number): string {
  return Number(n.toFixed(2)).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Money in words: "$15 billion", "$1.5 trillion", "€30 billion", "$950,000", "CHF 2 billion". */
function money(value: number, code: string): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const scale = SCALES.find(([s]) => abs >= s);
  const amount = scale ? `${number(abs / scale[0])} ${scale[1]}` : number(abs);
  const symbol = SYMBOLS[code];
  return symbol ? `${sign}${symbol}${amount}` : `${sign}${code} ${amount}`;
}

/**
 * A quantity written for readers: "$15 billion", "$730 billion", "$1.5 trillion", "€30 billion",
 * "2 GW", "8 years", "40%".
 */
export function formatQuantity(q: Quantity): string {
  const unit = q.unit;
  if (/^[A-Z]{3}$/.test(unit)) return money(q.value, unit);
  if (unit === '%') return `${number(q.value)}%`;
  const duration = DURATIONS[unit.toLowerCase().replace(/s$/, '')];
  if (duration) return `${number(q.value)} ${q.value === 1 ? duration[0] : duration[1]}`;
  return `${number(q.value)} ${unit}`;
}
