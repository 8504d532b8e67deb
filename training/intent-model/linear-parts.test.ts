import { blendScores, chooseBlend, DEFAULT_BLEND, softmax } from './blend';
import { chooseThreshold, recallToAimAt } from './choose-threshold';
import { decodeInt8Matrix, encodeInt8Matrix, quantizeMatrix, scoreSparse } from './int8-codec';
import { getLanguageTools } from './language-tools';
import { trainLinearSvm } from './linear-svm';
import { extractTerms } from './term-features';
import { fitTfidf, indexTerms, tfidfVector } from './tfidf';

describe('term features and TF-IDF', () => {
  const tools = getLanguageTools('en');

  it('lists stems, stem bigrams and character n-grams with word boundaries', () => {
    const terms = extractTerms('cards arrived', tools, { wordNgrams: [1, 2], charRange: [3, 3] });
    expect(terms).toEqual(expect.arrayContaining(['w:card', 'w:card_arriv', 'c: ca', 'c:ds ', 'c:arr']));
    expect(terms.some((t) => t === 'c:s a')).toBe(false);
  });

  it('keeps terms seen in enough documents, L2-normalises, and ignores unknown terms', () => {
    const vocabulary = fitTfidf([['a', 'b'], ['a', 'c'], ['a']], 2);
    expect(vocabulary.terms).toEqual(['a']);
    const both = fitTfidf([['a', 'b'], ['a', 'c'], ['a']], 1);
    const vector = tfidfVector(['a', 'b', 'b', 'zzz'], indexTerms(both), both.idf);
    expect(Array.from(vector.indices)).toEqual([0, 1]);
    expect(vector.values.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 5);
    // b is rarer and repeated, so it outweighs a; sublinear tf keeps the repeat from doubling it.
    expect(vector.values[1]).toBeGreaterThan(vector.values[0] as number);
    expect((vector.values[1] as number) / (vector.values[0] as number)).toBeLessThan((2 * (both.idf[1] as number)) / (both.idf[0] as number));
  });
});

describe('trainLinearSvm', () => {
  const row = (indices: number[]) => ({ indices: Int32Array.from(indices), values: Float32Array.from(indices, () => 1 / Math.sqrt(indices.length)) });
  const rows = [row([0]), row([0, 3]), row([1]), row([1, 3]), row([2]), row([2, 3])];
  const labels = Int32Array.from([0, 0, 1, 1, 2, 2]);

  it('separates classes by their features, one-vs-rest, the same way for a seed', () => {
    const svm = trainLinearSvm(rows, labels, 3, 4, { c: 2, epochs: 50, seed: 1 });
    for (let i = 0; i < rows.length; i += 1) {
      const margins = [0, 1, 2].map((k) => (svm.bias[k] as number) + rows[i]!.indices.reduce((s, f, q) => s + rows[i]!.values[q]! * svm.weights[k * 4 + f]!, 0));
      expect(margins.indexOf(Math.max(...margins))).toBe(labels[i]);
    }
    expect(trainLinearSvm(rows, labels, 3, 4, { c: 2, epochs: 50, seed: 1 })).toEqual(svm);
  });
});

describe('blending and calibration', () => {
  it('turns scores into probabilities, sharper at lower temperature', () => {
    const p = softmax([1, 0, 0], 0.5);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 10);
    expect(softmax([1, 0, 0], 0.1)[0]).toBeGreaterThan(p[0] as number);
    expect(blendScores([1, 0], [0, 1], { ...DEFAULT_BLEND, linearWeight: 1 })[1]).toBeGreaterThan(0.9);
  });

  it('keeps the default blend on small validation sets and leans on the model that is right on larger ones', () => {
    const item = (gold: number) => ({ gold, network: [0.5, 0.5, 0.5], linear: [gold === 0 ? 1 : -1, gold === 1 ? 1 : -1, gold === 2 ? 1 : -1] });
    expect(chooseBlend(Array.from({ length: 20 }, (_, i) => item(i % 3)))).toEqual(DEFAULT_BLEND);
    expect(chooseBlend(Array.from({ length: 150 }, (_, i) => item(i % 3))).linearWeight).toBe(0.7);
  });

  it('shrinks a threshold chosen on few validation lines toward the prior', () => {
    const items = [
      { gold: 'a', best: { intent: 'a', score: 0.9 } },
      { gold: 'None', best: { intent: 'a', score: 0.3 } },
    ];
    expect(chooseThreshold(items, { maxInScopeLoss: 0 })).toBeCloseTo((0.9 * 1) / 31, 2);
    expect(chooseThreshold(items, { maxInScopeLoss: 0, prior: 0.4 })).toBeCloseTo((0.9 + 0.4 * 30) / 31, 2);
    expect(chooseThreshold([items[0]!], { maxInScopeLoss: 0, prior: 0.4 })).toBe(0);
  });

  describe('with enough out-of-scope validation lines', () => {
    // 200 correct in-scope answers scored 0.300 to 0.997; 20 out-of-scope lines, 4 already answered None and
    // 16 answered in scope with scores 0.10, 0.15, ... 0.85.
    const inScope = Array.from({ length: 200 }, (_, i) => ({ gold: 'a', best: { intent: 'a', score: 0.3 + i * 0.0035 } }));
    const outOfScope = [
      ...Array.from({ length: 4 }, () => ({ gold: 'None', best: { intent: 'None', score: 0.6 } })),
      ...Array.from({ length: 16 }, (_, i) => ({ gold: 'None', best: { intent: 'a', score: 0.1 + i * 0.05 } })),
    ];
    const evidence = 200 / 230;

    it('takes the lowest threshold that catches the out-of-scope share asked for, plus a confidence margin', () => {
      // Half of 20 lines, with the margin of a 20-line sample, is 68.4%: 14 lines, the 4 None answers and the
      // 10 lowest-scored others, up to 0.55.
      expect(recallToAimAt(0.5, 20)).toBeCloseTo(0.684, 3);
      expect(recallToAimAt(0.6, 50)).toBeCloseTo(0.714, 3);
      expect(chooseThreshold([...inScope, ...outOfScope], { maxInScopeLoss: 0.5, minOutOfScopeRecall: 0.5 })).toBeCloseTo(0.55 * evidence, 2);
      expect(chooseThreshold([...inScope, ...outOfScope], { maxInScopeLoss: 0.5 })).toBeCloseTo(0.65 * evidence, 2);
    });

    it('never goes above the in-scope budget to reach the recall', () => {
      expect(chooseThreshold([...inScope, ...outOfScope], { maxInScopeLoss: 0.05, minOutOfScopeRecall: 0.5 })).toBeCloseTo(0.335 * evidence, 2);
    });

    it('ignores the recall target below 10 out-of-scope lines', () => {
      expect(chooseThreshold([...inScope, ...outOfScope.slice(0, 9)], { maxInScopeLoss: 0.5, minOutOfScopeRecall: 0.5 })).toBeCloseTo(0.65 * evidence, 2);
    });
  });
});

describe('int8 weight codec', () => {
  it('quantises a feature-major matrix within half a step per intent and round-trips it exactly', () => {
    const matrix = Float32Array.from({ length: 40 }, (_, i) => Math.sin(i) * (i % 2 === 0 ? 1 : 0.01));
    const quantized = quantizeMatrix(matrix, 20, 2);
    quantized.values.forEach((v, i) => expect(Math.abs(v * quantized.scales[i % 2]! - matrix[i]!)).toBeLessThanOrEqual(quantized.scales[i % 2]! / 2 + 1e-6));
    expect(decodeInt8Matrix(JSON.parse(JSON.stringify(encodeInt8Matrix(quantized))), 20, 2)).toEqual(quantized);
  });

  it('scores a sparse input as bias plus the dequantised weights of its rows', () => {
    const quantized = quantizeMatrix(Float32Array.from([1, -2, 0.5, 4, 0, 0]), 3, 2);
    const sums = scoreSparse(quantized, Float32Array.from([0.1, 0.2]), [0, 1], [1, 0.5]);
    expect(sums[0]).toBeCloseTo(0.1 + 1 + 0.25, 1);
    expect(sums[1]).toBeCloseTo(0.2 - 2 + 2, 1);
  });

  it.each([
    ['wrong sizes', (e: { scales: number[]; data: string }) => e, 21],
    ['corrupt bytes', (e: { scales: number[]; data: string }) => ({ ...e, data: 'not-deflate' }), 20],
  ])('refuses %s', (_name, mutate, rows) => {
    const encoded = encodeInt8Matrix(quantizeMatrix(new Float32Array(40).fill(1), 20, 2));
    expect(() => decodeInt8Matrix(mutate(encoded), rows, 2)).toThrow(/intent model/i);
  });
});
