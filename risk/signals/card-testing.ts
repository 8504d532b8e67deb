import type { Signal, SignalContext } from './types';

/** An order at or under this share of the shop's median (or under 5 with no history) counts as small. */
const SMALL_SHARE = 0.25;
const SMALL_FLOOR = 5;

function smallLimit(context: SignalContext): number {
  const summary = context.amountSummary;
  return summary && summary.count >= 30
    ? Math.max(1, Math.exp(summary.logMedian) * SMALL_SHARE)
    : SMALL_FLOOR;
}

/** Bursts of orders, small orders and failed payments from one device or IP within the hour. */
export const cardTestingSignal: Signal = (context) => {
  if (context.kind !== 'order') {
    return {
      source_orders_1h: Number.NaN,
      source_small_orders_1h: Number.NaN,
      failed_payments_1h: Number.NaN,
    };
  }
  const limit = smallLimit(context);
  const isSmall = (amount: number | undefined): boolean => amount !== undefined && amount <= limit;
  const current = { small: isSmall(context.amount) ? 1 : 0, failed: context.facts.paymentFailed ? 1 : 0 };
  const hourAgo = context.at - 3_600_000;
  const accountFailures = context.accountOrders.filter((order) => order.at >= hourAgo && order.paymentFailed);
  const failedOrders = new Set([
    ...context.sourceOrders.filter((order) => order.paymentFailed).map((order) => order.order),
    ...accountFailures.map((order) => order.order),
  ]);
  return {
    source_orders_1h: context.sourceOrders.length,
    source_small_orders_1h:
      context.sourceOrders.filter((order) => isSmall(order.amount)).length + current.small,
    failed_payments_1h: failedOrders.size + current.failed,
  };
};
