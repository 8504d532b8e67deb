import { PassThrough } from 'node:stream';
import { generateDemoStore, writeOrdersBulkJsonl } from '.';

const small = (seed: string | number) => generateDemoStore({ seed, products: 15, customers: 120, orders: 600 });

describe('demo store', () => {
  it('is the same for the same seed and different for another seed', () => {
    const a = JSON.stringify([...small('s1').orders()]);
    expect(JSON.stringify([...small('s1').orders()])).toBe(a);
    expect(JSON.stringify([...small('s2').orders()])).not.toBe(a);
  });

  it('has ascending ids and dates, Singapore and international addresses, codes, repeat buyers and cancellations', () => {
    const orders = [...small(7).orders()];
    const ids = orders.map((o) => Number(o.legacyResourceId));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const countries = new Set(orders.map((o) => o.shippingAddress?.countryCodeV2));
    expect(countries.has('SG')).toBe(true);
    expect(countries.size).toBeGreaterThan(3);
    const sg = orders.find((o) => o.shippingAddress?.countryCodeV2 === 'SG')!.shippingAddress!;
    expect(sg.zip).toMatch(/^\d{6}$/);
    expect(sg.address2).toMatch(/^#\d{2}-\d+$/);
    expect(orders.some((o) => o.discountCodes.includes('WELCOME10') || o.discountCodes.includes('NEWBIE15'))).toBe(true);
    const perCustomer = new Map<string, number>();
    for (const o of orders) if (o.customerId) perCustomer.set(o.customerId, (perCustomer.get(o.customerId) ?? 0) + 1);
    expect([...perCustomer.values()].filter((n) => n >= 3).length).toBeGreaterThan(5);
    expect(orders.some((o) => o.cancelledAt)).toBe(true);
    expect(orders.some((o) => o.fulfillments[0]?.trackingInfo[0]?.url.startsWith('https://'))).toBe(true);
    expect(orders.every((o) => o.customAttributes.some((a) => a.key === 'storedesk_device_id'))).toBe(true);
    const spanDays = (Date.parse(orders.at(-1)!.createdAt) - Date.parse(orders[0]!.createdAt)) / 86_400_000;
    expect(spanDays).toBeGreaterThan(500);
  });

  it('plants coupon-farming rings: shared device and IP, plus-tag emails, one first-order code each', () => {
    const store = small('abuse');
    const rings = store.abuseRings();
    expect(rings.length).toBeGreaterThanOrEqual(2);
    const orders = new Map([...store.orders()].map((o) => [o.id, o]));
    for (const ring of rings) {
      expect(ring.customerIds.length).toBeGreaterThanOrEqual(4);
      const ringOrders = ring.orderIds.map((id) => orders.get(id)!);
      expect(ringOrders.length).toBe(ring.customerIds.length);
      for (const o of ringOrders) {
        expect(o.customAttributes.find((a) => a.key === 'storedesk_device_id')!.value).toBe(ring.deviceId);
        expect(o.clientIp).toBe(ring.clientIp);
        expect(o.discountCodes).toEqual([ring.discountCode]);
      }
      const emails = ring.customerIds.map((id) => store.customer(Number(id.split('/').pop()) - 7_200_000_000_001).email!);
      const mailbox = (e: string) => e.split('@')[0]!.replace(/\+.*$/, '').replace(/\./g, '');
      expect(new Set(emails.map(mailbox)).size).toBe(1);
      expect(emails.some((e) => e.includes('+'))).toBe(true);
    }
  });

  it('writes bulk JSONL with each order before its line items', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString()));
    const stats = await writeOrdersBulkJsonl(small(3), out);
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(stats.orders).toBe(600);
    expect(lines).toHaveLength(stats.objects);
    expect(lines[1].__parentId).toBe(lines[0].id);
  });

  it.each([
    [{ orders: -1 }, /orders must be/],
    [{ customers: 0 }, /customers must be/],
    [{ shop: 'not a shop' }, /shop must look like/],
  ])('rejects bad options %p with a clear error', (bad, message) => {
    expect(() => generateDemoStore({ seed: 1, ...bad })).toThrow(message);
  });
});
