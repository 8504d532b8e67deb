import { randomBytes } from 'node:crypto';
import { createSecretBox } from './secret-box';

describe('secret box', () => {
  const box = createSecretBox(randomBytes(32).toString('hex'));

  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = box.seal('shpat_secret');
    const b = box.seal('shpat_secret');
    expect(a).not.toEqual(b);
    expect(a).not.toContain('shpat_secret');
    expect(box.open(a)).toBe('shpat_secret');
  });

  it('refuses a tampered value', () => {
    const sealed = box.seal('token');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
  });

  it('refuses a value sealed with another key', () => {
    const other = createSecretBox(randomBytes(32).toString('hex'));
    expect(() => box.open(other.seal('token'))).toThrow();
  });

  it('refuses a key of the wrong size', () => {
    expect(() => createSecretBox('abcd')).toThrow(/32 bytes/);
  });
});
