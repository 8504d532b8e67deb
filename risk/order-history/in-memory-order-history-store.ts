import { lowerBound } from '../common';
import type { Identifier, TimeWindow } from '../identity-graph';
import type { FailedLookupRecord, OrderHistoryStore, OrderRecord } from './types';

class TimeIndex {
  readonly times: number[] = [];
  readonly orders: OrderRecord[] = [];

  add(order: OrderRecord): void {
    const index = lowerBound(this.times, order.at + 1);
    this.times.splice(index, 0, order.at);
    this.orders.splice(index, 0, order);
  }

  within(window: TimeWindow, limit = Infinity): OrderRecord[] {
    const end = lowerBound(this.times, window.until);
    const start = Math.max(lowerBound(this.times, window.since), end - limit);
    return this.orders.slice(start, end);
  }
}

function indexInto(map: Map<string, TimeIndex>, key: string, order: OrderRecord): void {
  let index = map.get(key);
  if (!index) {
    index = new TimeIndex();
    map.set(key, index);
  }
  index.add(order);
}

/** Order history held in process memory, indexed by account, source and discount code. */
export class InMemoryOrderHistoryStore implements OrderHistoryStore {
  private readonly byAccount = new Map<string, TimeIndex>();
  private readonly bySource = new Map<string, TimeIndex>();
  private readonly byCode = new Map<string, TimeIndex>();
  private readonly failedLookups = new Map<string, number[]>();

  async record(order: OrderRecord): Promise<void> {
    indexInto(this.byAccount, order.account, order);
    for (const source of order.sources) indexInto(this.bySource, source.key, order);
    if (order.discountCode !== undefined) indexInto(this.byCode, order.discountCode, order);
  }

  async ordersOfAccount(accountId: string, window: TimeWindow): Promise<OrderRecord[]> {
    return this.byAccount.get(accountId)?.within(window) ?? [];
  }

  async ordersFrom(source: Identifier, window: TimeWindow, limit = 500): Promise<OrderRecord[]> {
    return this.bySource.get(source.key)?.within(window, limit) ?? [];
  }

  async accountsUsingCode(code: string, window: TimeWindow, limit = 1000): Promise<string[]> {
    const index = this.byCode.get(code);
    const accounts = new Set<string>();
    if (!index) return [];
    const start = lowerBound(index.times, window.since);
    for (let at = lowerBound(index.times, window.until) - 1; at >= start && accounts.size < limit; at--) {
      accounts.add((index.orders[at] as OrderRecord).account);
    }
    return [...accounts];
  }

  async orderCount(accountId: string, until: number): Promise<number> {
    const index = this.byAccount.get(accountId);
    return index ? lowerBound(index.times, until) : 0;
  }

  async recordFailedLookup(lookup: FailedLookupRecord): Promise<void> {
    for (const source of lookup.sources) {
      const times = this.failedLookups.get(source.key) ?? [];
      times.splice(lowerBound(times, lookup.at + 1), 0, lookup.at);
      this.failedLookups.set(source.key, times);
    }
  }

  async failedLookupsFrom(source: Identifier, window: TimeWindow): Promise<number> {
    const times = this.failedLookups.get(source.key);
    return times ? lowerBound(times, window.until) - lowerBound(times, window.since) : 0;
  }
}
