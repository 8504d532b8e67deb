import type { Activity } from 'botbuilder';
import { ActionTypes, ActivityTypes } from 'botbuilder';
import type { BotMessages } from '../messages';
import { limitReached, type FailureLimiter, type LimitRule } from './failure-limiter';
import { orderIfContactMatches, orderKeys, type OrderRow } from './match-order';
import type { OrderLookups } from './order-lookups';
import type { OrderDetails } from './parse-order-details';
import { reportFailedLookup, type FailedLookupReporting } from './report-failed-lookup';

/** Failure limits of order lookups. */
export interface OrderLookupLimits {
  perConversation: LimitRule;
  perShopAndIp: LimitRule;
}

/** Defaults: 5 failures per conversation per 15 minutes, 20 per shop and IP per hour. */
export const defaultOrderLookupLimits: OrderLookupLimits = {
  perConversation: { max: 5, windowMs: 15 * 60_000 },
  perShopAndIp: { max: 20, windowMs: 60 * 60_000 },
};

/** What the order-status step needs. */
export interface OrderStatusDeps extends FailedLookupReporting {
  orderLookups: OrderLookups;
  limiter: FailureLimiter;
  limits: OrderLookupLimits;
}

/** One turn of the order-status conversation. */
export interface OrderStatusInput {
  shopId: string;
  conversationKey: string;
  /** The buyer's IP when the channel knows it. */
  clientIp?: string;
  /** The web chat widget's device id when the channel gives one. */
  deviceId?: string;
  messages: BotMessages;
  /** What the buyer gave earlier in this conversation and what this message adds. */
  details: OrderDetails;
  now: Date;
}

/** The reply, and the details to keep when something is still missing. */
export interface OrderStatusOutcome {
  reply: Partial<Activity>;
  pending?: OrderDetails;
  result: 'asked' | 'matched' | 'not_matched' | 'limited';
}

/** Asks for what is missing, or checks the order and answers with its status or the neutral reply. */
export async function orderStatusStep(deps: OrderStatusDeps, input: OrderStatusInput): Promise<OrderStatusOutcome> {
  const { details, messages: m } = input;
  const hasContact = Boolean(details.email || details.phone);
  if (details.orderNumber === undefined || !hasContact) {
    const text = details.orderNumber === undefined && !hasContact ? m.askOrderDetails : details.orderNumber === undefined ? m.askOrderNumber : m.askOrderContact;
    return { reply: { type: ActivityTypes.Message, text }, pending: details, result: 'asked' };
  }
  const keys = [{ key: `order-lookup:conversation:${input.conversationKey}`, rule: deps.limits.perConversation }];
  if (input.clientIp) keys.push({ key: deps.limiter.ipKey(input.clientIp), rule: deps.limits.perShopAndIp });
  const found = await deps.orderLookups.find({ shopId: input.shopId, keys: keys.map((k) => k.key), ...orderKeys(details.orderNumber) });
  if (limitReached(found.limits, keys, input.now)) {
    return { reply: { type: ActivityTypes.Message, text: m.orderTooManyAttempts }, result: 'limited' };
  }
  const order = orderIfContactMatches(found.order, details);
  if (!order) {
    reportFailedLookup(deps, input.shopId, { at: input.now, device: input.deviceId, ip: input.clientIp });
    await deps.limiter.fail(input.shopId, keys, input.now);
    return { reply: { type: ActivityTypes.Message, text: m.orderNotMatched }, result: 'not_matched' };
  }
  return { reply: statusReply(order, m), result: 'matched' };
}

function statusReply(order: OrderRow, m: BotMessages): Partial<Activity> {
  const fulfilmentKey = (order.fulfillmentStatus ?? 'unfulfilled').toLowerCase();
  const fulfilment = m.fulfilment[fulfilmentKey as keyof BotMessages['fulfilment']] ?? m.fulfilment.unfulfilled;
  const tracking: string[] = [];
  const urls: string[] = [];
  for (const f of order.fulfillments ?? []) {
    for (const number of f.trackingNumbers ?? []) tracking.push(f.trackingCompany ? `${f.trackingCompany} ${number}` : number);
    for (const url of f.trackingUrls ?? []) if (/^https?:\/\//.test(url)) urls.push(url);
  }
  const text = m.orderStatus({
    name: order.name,
    cancelled: order.cancelledAt !== null,
    fulfilment,
    payment: order.financialStatus?.toLowerCase().replace(/_/g, ' ') ?? undefined,
    tracking,
  });
  const actions = urls.slice(0, 5).map((url, i) => ({ type: ActionTypes.OpenUrl, title: urls.length > 1 ? `${m.trackParcel} ${i + 1}` : m.trackParcel, value: url }));
  return actions.length > 0
    ? { type: ActivityTypes.Message, text, suggestedActions: { to: [], actions } }
    : { type: ActivityTypes.Message, text };
}
