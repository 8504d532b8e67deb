import type { Signal } from './types';

/** Fewer past orders than this and the shop's normal range is not yet known. */
const MIN_HISTORY = 30;

/** How far the amount sits from the shop's median, in robust standard deviations of log amount. */
export const orderValueSignal: Signal = ({ kind, amount, amountSummary }) => {
  if (
    kind !== 'order' ||
    amount === undefined ||
    amount <= 0 ||
    !amountSummary ||
    amountSummary.count < MIN_HISTORY
  ) {
    return { amount_z: Number.NaN };
  }
  return { amount_z: (Math.log(amount) - amountSummary.logMedian) / amountSummary.logSpread };
};
