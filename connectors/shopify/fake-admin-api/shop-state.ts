import { ID_BASE, type Customer, type DemoStore, type Order, type Product, type ShopInfo } from '../demo-store';
import { LeakyBucket } from './leaky-bucket';
import type { BulkOperationRecord, RiskAssessmentRecord, SegmentRecord, WebPixelRecord, WriteRecord } from './types';

/** Everything the fake knows about one shop: generated data, what was written, and its cost bucket. */
export class ShopState {
  readonly shop: ShopInfo;
  readonly products: Product[];
  readonly writes: WriteRecord[] = [];
  readonly segments: SegmentRecord[] = [];
  readonly bulkOperations: BulkOperationRecord[] = [];
  readonly risk = new Map<string, RiskAssessmentRecord[]>();
  webPixel: WebPixelRecord | null = null;
  readonly bucket: LeakyBucket;
  private baseOrders: Order[] | null = null;
  private readonly orderOverrides = new Map<string, Order>();
  private readonly createdOrders: Order[] = [];
  private customerList: Customer[] | null = null;
  private customerIndex = new Map<string, number>();
  private readonly materialize: boolean;
  private stats: Map<string, { count: number; spentCents: number }> | null = null;

  constructor(
    readonly store: DemoStore,
    options: { maxInMemoryOrders: number; maximumAvailable: number; restoreRate: number; now: () => number },
  ) {
    this.shop = store.shop;
    this.products = store.products();
    this.bucket = new LeakyBucket(options.maximumAvailable, options.restoreRate, options.now);
    this.materialize = store.orderCount <= options.maxInMemoryOrders;
  }

  /** All orders in ascending id order, with updates applied; streams when the store is large. */
  *orders(): IterableIterator<Order> {
    if (this.materialize) this.baseOrders ??= Array.from(this.store.orders());
    const base = this.baseOrders ?? this.store.orders();
    for (const o of base) yield this.orderOverrides.get(o.id) ?? o;
    for (const o of this.createdOrders) yield this.orderOverrides.get(o.id) ?? o;
  }

  orderCount(): number {
    return this.store.orderCount + this.createdOrders.length;
  }

  orderById(id: string): Order | null {
    const hit = this.orderOverrides.get(id);
    if (hit) return hit;
    for (const o of this.orders()) if (o.id === id) return o;
    return null;
  }

  /** Stores a new or changed order; later reads and stats see it. */
  putOrder(order: Order, isNew: boolean): void {
    if (isNew) this.createdOrders.push(order);
    else this.orderOverrides.set(order.id, order);
    this.stats = null;
  }

  customers(): Customer[] {
    if (!this.customerList) {
      this.customerList = Array.from(this.store.customers());
      this.customerList.forEach((c, i) => this.customerIndex.set(c.id, i));
    }
    return this.customerList;
  }

  customerById(id: string): Customer | null {
    const list = this.customers();
    const i = this.customerIndex.get(id);
    return i === undefined ? null : list[i]!;
  }

  /** Stores a new or changed customer. */
  putCustomer(customer: Customer): void {
    const list = this.customers();
    const i = this.customerIndex.get(customer.id);
    if (i === undefined) {
      this.customerIndex.set(customer.id, list.length);
      list.push(customer);
    } else list[i] = customer;
  }

  productById(id: string): Product | null {
    return this.products.find((p) => p.id === id) ?? null;
  }

  /** Orders placed and money spent per customer (cancelled orders excluded), computed in one pass and cached. */
  customerStats(id: string): { count: number; spentCents: number } {
    if (!this.stats) {
      const stats = new Map<string, { count: number; spentCents: number }>();
      for (const o of this.orders()) {
        if (!o.customerId || o.cancelledAt) continue;
        const s = stats.get(o.customerId) ?? { count: 0, spentCents: 0 };
        s.count++;
        s.spentCents += Math.round(Number(o.totalPriceSet.shopMoney.amount) * 100);
        stats.set(o.customerId, s);
      }
      this.stats = stats;
    }
    return this.stats.get(id) ?? { count: 0, spentCents: 0 };
  }

  nextOrderNumericId(): number {
    let max = 0;
    const last = this.createdOrders[this.createdOrders.length - 1];
    if (last) max = Number(last.legacyResourceId);
    return Math.max(max, ID_BASE.order + this.store.orderCount) + 1;
  }
}
