/** The codes the demo shop offers. First-order codes are meant to be used once per buyer. */
export const DISCOUNT_CODES: ReadonlyArray<{ code: string; percent: number; firstOrder: boolean; freeShipping?: boolean }> = [
  { code: 'WELCOME10', percent: 10, firstOrder: true },
  { code: 'NEWBIE15', percent: 15, firstOrder: true },
  { code: 'SAVE5', percent: 5, firstOrder: false },
  { code: 'PAYDAY12', percent: 12, firstOrder: false },
  { code: '1111SALE', percent: 20, firstOrder: false },
  { code: 'FREESHIP', percent: 0, firstOrder: false, freeShipping: true },
];
export const GENERAL_CODES = DISCOUNT_CODES.filter((d) => !d.firstOrder);
export const FIRST_ORDER_DISCOUNTS = DISCOUNT_CODES.filter((d) => d.firstOrder);
