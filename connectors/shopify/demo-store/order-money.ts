import type { MoneyBag } from './types';

/** Cents to a MoneyBag in one currency (the demo sells in the shop currency only). */
export function bag(cents: number, currencyCode: string): MoneyBag {
  const money = { amount: (cents / 100).toFixed(2), currencyCode };
  return { shopMoney: money, presentmentMoney: { ...money } };
}

/** Prices to cents without float drift. */
export function toCents(price: string): number {
  return Math.round(Number(price) * 100);
}
