import { ADJECTIVES, PRODUCT_KINDS, VENDORS } from './catalogue-data';
import { gid, ID_BASE } from './ids';
import { Random, seedFor } from './random';
import type { Product } from './types';

const VARIANT_TITLES = [['Default Title'], ['Small', 'Large'], ['Pack of 3', 'Pack of 6', 'Pack of 12']];

/** The catalogue: `count` products, each with one to three variants. */
export function generateProducts(seed: string, count: number, startMs: number): Product[] {
  const products: Product[] = [];
  for (let i = 0; i < count; i++) {
    const r = new Random(seedFor(seed, 1, i));
    const kind = PRODUCT_KINDS[i % PRODUCT_KINDS.length]!;
    const title = `${r.pick(ADJECTIVES)} ${r.pick(kind.nouns)}${i >= PRODUCT_KINDS.length * 5 ? ` No. ${i}` : ''}`;
    const basePrice = r.int(kind.price[0], kind.price[1]);
    const id = ID_BASE.product + i + 1;
    const created = new Date(startMs - r.int(1, 200) * 86_400_000).toISOString();
    const titles = r.pick(VARIANT_TITLES);
    const variants = titles.map((vt, k) => ({
      id: gid('ProductVariant', ID_BASE.variant + i * 4 + k + 1),
      title: vt,
      sku: `${kind.type.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(4, '0')}-${k + 1}`,
      price: (basePrice * (1 + k * 0.8) - 0.1).toFixed(2),
      inventoryQuantity: r.int(0, 400),
    }));
    products.push({
      id: gid('Product', id),
      legacyResourceId: String(id),
      title,
      handle: `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '')}-${i + 1}`,
      vendor: r.pick(VENDORS),
      productType: kind.type,
      status: r.chance(0.94) ? 'ACTIVE' : 'ARCHIVED',
      tags: [...kind.tags],
      createdAt: created,
      updatedAt: created,
      totalInventory: variants.reduce((s, v) => s + v.inventoryQuantity, 0),
      variants,
    });
  }
  return products;
}
