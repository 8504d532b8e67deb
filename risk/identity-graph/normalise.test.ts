import { createIdentifierHasher, normaliseAddress, normaliseEmail, normaliseIp, normalisePhone } from '.';

describe('email normalisation', () => {
  it.each([
    ['John.Smith@Gmail.com', 'johnsmith@gmail.com', true],
    ['j.o.h.n.smith+promo1@gmail.com', 'johnsmith@gmail.com', true],
    ['johnsmith@googlemail.com', 'johnsmith@gmail.com', true],
    ['johnsmith@gmail.com', 'johnsmith@gmail.com', false],
    ['mei.tan+shop@outlook.com', 'mei.tan@outlook.com', true],
    ['mei.tan@outlook.com', 'mei.tan@outlook.com', false],
    ['wei+news@icloud.com', 'wei@icloud.com', true],
    ['wei@me.com', 'wei@icloud.com', true],
    ['a.b+x@protonmail.com', 'a.b@proton.me', true],
    ['first.last+tag@acme-corp.com', 'first.last+tag@acme-corp.com', false],
    ['first.last@yahoo.com', 'first.last@yahoo.com', false],
    ['  Raj@Example.ORG ', 'raj@example.org', false],
  ])('%s is the mailbox %s (variant: %s)', (raw, address, isVariant) => {
    expect(normaliseEmail(raw)).toEqual({ address, domain: address.split('@')[1], isVariant });
  });

  it.each(['not-an-email', '@gmail.com', 'john@', 'john@localhost', 'jo hn@gmail.com'])(
    'rejects %p',
    (raw) => {
      expect(normaliseEmail(raw)).toBeUndefined();
    },
  );
});

describe('address normalisation', () => {
  it.each([
    ['12 Orchard Road #01-05, Singapore 238888', '12 ORCHARD RD, Unit 01-05, SG 238888'],
    [
      'Blk 123 Ang Mo Kio Avenue 3 #05-12 Singapore 560123',
      '123 ang mo kio ave 3, unit 05-12, singapore 560123',
    ],
    ['5 Clementi Avenue 4, Apt 7', '5 clementi ave. 4 apartment 7'],
  ])('%p and %p meet', (a, b) => {
    expect(normaliseAddress(a)).toBe(normaliseAddress(b));
  });

  it('keeps different units apart', () => {
    expect(normaliseAddress('12 Orchard Road #01-05')).not.toBe(normaliseAddress('12 Orchard Road #01-06'));
  });

  it('refuses text too short to be a place', () => {
    expect(normaliseAddress(' , ')).toBeUndefined();
  });
});

describe('IP networks', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7', '203.0.113.0/24'],
    ['::ffff:203.0.113.7', '203.0.113.7', '203.0.113.0/24'],
    ['2001:db8:abcd:12::1', '2001:db8:abcd:12:0:0:0:1', '2001:db8:abcd::/48'],
    ['2001:0db8:abcd:0012:0000:0000:0000:0001', '2001:db8:abcd:12:0:0:0:1', '2001:db8:abcd::/48'],
  ])('%s is %s in %s', (raw, ip, prefix) => {
    expect(normaliseIp(raw)).toEqual({ ip, prefix });
  });

  it.each(['300.1.1.1', 'example.com', ''])('rejects %p', (raw) => {
    expect(normaliseIp(raw)).toBeUndefined();
  });
});

describe('phone numbers', () => {
  it.each([
    ['+65 9123 4567', 'SG', '+6591234567'],
    ['9123 4567', 'SG', '+6591234567'],
    ['(415) 555-2671', 'US', '+14155552671'],
  ])('%s in %s is %s', (raw, country, e164) => {
    expect(normalisePhone(raw, country)).toBe(e164);
  });

  it('rejects text that is not a phone number', () => {
    expect(normalisePhone('call me')).toBeUndefined();
  });
});

describe('identifier hashing', () => {
  it('gives the same key for the same value and secret, and a different one under another secret', () => {
    const hash = createIdentifierHasher('installation-secret-1');
    const other = createIdentifierHasher('installation-secret-2');
    expect(hash('email', 'johnsmith@gmail.com')).toEqual(hash('email', 'johnsmith@gmail.com'));
    expect(hash('email', 'johnsmith@gmail.com').key).toMatch(/^email:[0-9a-f]{32}$/);
    expect(hash('email', 'johnsmith@gmail.com').key).not.toContain('johnsmith');
    expect(other('email', 'johnsmith@gmail.com').key).not.toBe(hash('email', 'johnsmith@gmail.com').key);
    expect(hash('device', 'x').key).not.toBe(hash('ip', 'x').key.replace('ip:', 'device:'));
  });

  it('refuses a short secret', () => {
    expect(() => createIdentifierHasher('short')).toThrow(RangeError);
  });
});
