import { pseudonymizeWithKey } from './pseudonymize-with-key';

const keyA = Buffer.alloc(32, 1);
const keyB = Buffer.alloc(32, 2);

describe('pseudonymizeWithKey', () => {
  it('is stable for the same key, kind and id', () => {
    expect(pseudonymizeWithKey(keyA, 'customer', '7208412345')).toBe(
      pseudonymizeWithKey(keyA, 'customer', '7208412345'),
    );
  });

  it.each<[string, [Buffer, string, string], [Buffer, string, string]]>([
    ['different keys (shops)', [keyA, 'customer', '42'], [keyB, 'customer', '42']],
    ['a customer id and an order id with the same digits', [keyA, 'customer', '42'], [keyA, 'order', '42']],
    ['kinds and ids that concatenate alike', [keyA, 'a:b', 'c'], [keyA, 'a', 'b:c']],
    ['different ids', [keyA, 'customer', '42'], [keyA, 'customer', '43']],
  ])('differs across %s', (_case, left, right) => {
    expect(pseudonymizeWithKey(...left)).not.toBe(pseudonymizeWithKey(...right));
  });

  it('gives a 43-character base64url HMAC-SHA256 that does not contain the id', () => {
    const id = pseudonymizeWithKey(keyA, 'customer', '7208412345');
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(id).not.toContain('7208412345');
  });

  it('refuses a short key or an empty kind', () => {
    expect(() => pseudonymizeWithKey(Buffer.alloc(8), 'customer', '1')).toThrow(/at least 16 bytes/);
    expect(() => pseudonymizeWithKey(keyA, '', '1')).toThrow(/kind/);
  });
});
