import type { Signal } from './types';

const DAY = 86_400_000;

/**
 * A code reused by linked accounts (the first-order coupon farm), the same code by many accounts
 * from one device or IP, and a code on a brand-new account's first order. A code the shop marked
 * as public weighs less: sharing it is what it is for.
 */
export const discountAbuseSignal: Signal = (context) => {
  if (context.kind !== 'order' || context.discountCode === undefined) {
    return {
      discount_linked_reuse: Number.NaN,
      discount_source_reuse: Number.NaN,
      discount_new_account: Number.NaN,
    };
  }
  const scale = context.facts.discountKind === 'public' ? 0.5 : 1;
  const firstSeen = context.profile?.firstSeen ?? context.at;
  const isNew = context.priorOrders === 0 && context.at - firstSeen < DAY;
  return {
    discount_linked_reuse: context.linkedCodeUsers * scale,
    discount_source_reuse: context.sourceCodeUsers * scale,
    discount_new_account: isNew ? 1 : 0,
  };
};
