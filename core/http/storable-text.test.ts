import { parseStorableJson, unstorableTextAt } from './storable-text';

describe('text the database can store', () => {
  it('finds a NUL or an unpaired surrogate in any string or key, and passes whole emoji', () => {
    expect(unstorableTextAt({ a: ['fine', { b: 'x\u0000' }] })).toBe('body.a.1.b');
    expect(unstorableTextAt({ ['k\ud800']: 1 })).toBe('body');
    expect(unstorableTextAt({ text: 'tail \ud83d' })).toBe('body.text');
    expect(unstorableTextAt({ text: '\ude00 head' })).toBe('body.text');
    expect(unstorableTextAt({ text: 'ok 😀 你好', n: 1, none: null, list: [] })).toBeUndefined();
  });

  it('walks deep nesting without exhausting the stack', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(unstorableTextAt(deep)).toMatch(/^body(\.0){100000}$/);
  });

  it('cleans a payload that must be kept: NULs removed, broken halves replaced, the rest untouched', () => {
    const raw = String.raw`{"note":"a\u0000b","emoji":"ok \ud83d\ude00","half":"x\ud83d","key\u0000":[1,"y\udc00"]}`;
    expect(parseStorableJson(raw)).toEqual({ note: 'ab', emoji: 'ok 😀', half: 'x\ufffd', key: [1, 'y\ufffd'] });
    expect(() => parseStorableJson('{"a":')).toThrow(SyntaxError);
  });
});
