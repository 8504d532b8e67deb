import { compileSegmentExpr, wideningsOf } from './compile-segment-query';
import { gateDistribution } from './k-gate';
import { parseSegmentQuery } from './parse-segment-query';

describe('segment queries', () => {
  it.each<[string, string]>([
    ['discount:high AND interest:running AND country:SG', 'discount:high AND interest:running AND country:SG'],
    ['discount-sensitive and interest:Running and country:sg', 'discount:high AND interest:running AND country:SG'],
    ['rfm:champions OR rfm:loyal AND NOT loyalty:lapsed', 'rfm:champions OR (rfm:loyal AND NOT loyalty:lapsed)'],
    ['(rfm:champions OR rfm:loyal) AND spend:top', '(rfm:champions OR rfm:loyal) AND spend:top'],
    ['NOT (age:unknown OR age:under-18)', 'NOT (age:unknown OR age:under-18)'],
    ['brand:"Lion City" AND sg-district:9', 'brand:lion-city AND sg-district:09'],
    ['  store:web  ', 'store:web'],
    ['chat-topic:Return_Policy AND NOT chat-topic:complaint', 'chat-topic:return-policy AND NOT chat-topic:complaint'],
  ])('parses %p as %p', (query, normalized) => {
    const parsed = parseSegmentQuery(query);
    expect(parsed).toMatchObject({ ok: true, normalized });
  });

  it('binds AND tighter than OR', () => {
    const parsed = parseSegmentQuery('a:x OR discount:high AND spend:top');
    expect(parsed.ok).toBe(false);
    const ok = parseSegmentQuery('rfm:new OR discount:high AND spend:top');
    expect(ok.ok && ok.expr).toEqual({ type: 'or', items: [{ type: 'tag', tag: 'rfm:new' }, { type: 'and', items: [{ type: 'tag', tag: 'discount:high' }, { type: 'tag', tag: 'spend:top' }] }] });
  });

  it.each<[string, RegExp, number]>([
    ['', /empty/, 1],
    ['intrest:running', /Unknown tag kind "intrest"; did you mean "interest"\?/, 1],
    ['discount:hi', /"hi" is not a discount value; did you mean "discount:high"\?.*high, mid, low/, 1],
    ['country:Singapore', /two-letter country code/, 1],
    ['interest:running AND', /ends too early.*after "AND"/, 21],
    ['interest:running country:SG', /Expected AND or OR before "country:SG" at column 18/, 18],
    ['(interest:running OR interest:yoga', /Missing "\)" for the "\(" at column 1/, 35],
    ['interest:running)', /Unmatched "\)" at column 17/, 17],
    ['AND interest:running', /Expected a tag before "AND" at column 1/, 1],
    ['running', /"running" is not a tag: write kind:value/, 1],
    ['interest:"trail', /quote is not closed/, 10],
    ['rfm:', /has no value/, 1],
  ])('refuses %p with a clear message', (query, message, column) => {
    const parsed = parseSegmentQuery(query);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(message);
      expect(parsed.column).toBe(column);
    }
  });

  it('compiles to parameterised SQL, never splicing tag values', () => {
    const parsed = parseSegmentQuery("interest:x' OR 1=1 AND NOT country:SG");
    expect(parsed.ok).toBe(false);
    const ok = parseSegmentQuery('interest:running AND NOT (country:SG OR country:MY)');
    const params: unknown[] = ['shop'];
    expect(ok.ok && compileSegmentExpr(ok.expr, params)).toBe('((tags @> $2::text[]) AND (NOT ((tags && $3::text[]))))');
    expect(params).toEqual(['shop', ['interest:running'], ['country:SG', 'country:MY']]);
  });

  it('suggests widenings by dropping one AND condition', () => {
    const ok = parseSegmentQuery('discount:high AND interest:running AND country:SG');
    expect(ok.ok && wideningsOf(ok.expr).map((w) => w.dropped)).toEqual(['discount:high', 'interest:running', 'country:SG']);
  });
});

describe('the k-floor on charts', () => {
  it.each<[number, Array<[string, number]>, Array<[string, number]>, boolean]>([
    [10, [['SG', 40], ['MY', 12], ['ID', 3], ['AU', 2]], [['SG', 40], ['MY', 12]], true],
    [10, [['SG', 40], ['MY', 6], ['ID', 3], ['AU', 2]], [['SG', 40], ['other', 11]], false],
    [5, [['a', 5], ['b', 4]], [['a', 5]], true],
    [10, [['a', 9]], [], true],
    [10, [], [], false],
  ])('with k=%p shows no bucket under k', (k, counts, shown, hidden) => {
    const gated = gateDistribution(counts.map(([value, count]) => ({ value, count })), k);
    expect(gated.buckets.map((b) => [b.value, b.count])).toEqual(shown);
    expect(gated.buckets.every((b) => b.count >= k)).toBe(true);
    expect(gated.hiddenRemainder).toBe(hidden);
  });
});
