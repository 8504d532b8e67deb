import { errorForLog } from './error-for-log';

describe('errors as log fields', () => {
  it.each<[string, Error & { code?: string }, { name: string; code?: string; message: string }]>([
    ['keeps a plain message', new Error('connect ECONNREFUSED'), { name: 'Error', message: 'connect ECONNREFUSED' }],
    ['masks an email', new Error('duplicate key for jessica.tan+shop@example.com.sg'), { name: 'Error', message: 'duplicate key for <EMAIL>' }],
    ['masks an IPv4 address', new Error('too many requests from 203.0.113.45'), { name: 'Error', message: 'too many requests from <IP>' }],
    ['masks an IPv6 address', new Error('blocked 2001:db8:85a3::8a2e:370:7334 now'), { name: 'Error', message: 'blocked <IP>::<IP> now' }],
    ['masks a phone or card number', new Error('no order for +65 9123 4567 or 4111 1111 1111 1111'), { name: 'Error', message: 'no order for <NUMBER> or <NUMBER>' }],
    ['keeps a short number and the code', Object.assign(new TypeError('bad port 5432'), { code: 'ERR_X' }), { name: 'TypeError', code: 'ERR_X', message: 'bad port 5432' }],
  ])('%s', (_, error, expected) => {
    expect(errorForLog(error)).toEqual(expected);
  });

  it('describes something thrown that is not an Error', () => {
    expect(errorForLog('lost tan@example.com')).toEqual({ name: 'Error', message: 'lost <EMAIL>' });
  });
});

describe('errors as log fields without their message', () => {
  it('keeps the kind and the stack frames only', () => {
    const error = Object.assign(new RangeError('buyer wrote: my name is Tan Wei Ming'), { code: 'E_TURN' });
    const logged = errorForLog(error, { message: false, frames: true });
    expect(logged).toEqual({ name: 'RangeError', code: 'E_TURN', frames: expect.stringMatching(/^\s+at /) });
    expect(JSON.stringify(logged)).not.toContain('Tan Wei Ming');
  });
});
