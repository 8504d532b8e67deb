import { generateEvents, precisionAtFpr, rocAuc } from '.';

const SMALL = {
  buyers: 300,
  families: 20,
  offices: 1,
  reRegistrations: 5,
  deviceFarms: 2,
  couponAbusers: 3,
  cardTesters: 1,
  stolenCards: 5,
  days: 10,
};

describe('event generator', () => {
  it('is reproducible from its seed and differs across seeds', () => {
    expect(generateEvents({ seed: 5, ...SMALL }).events).toEqual(
      generateEvents({ seed: 5, ...SMALL }).events,
    );
    expect(generateEvents({ seed: 6, ...SMALL }).events).not.toEqual(
      generateEvents({ seed: 5, ...SMALL }).events,
    );
  });

  it('labels every order, keeps the labels out of the events, and mixes fraud with genuine orders', () => {
    const { events, labels } = generateEvents({ seed: 5, ...SMALL });
    const orders = events.filter((event) => event.type === 'order');
    expect(labels.size).toBe(orders.length);
    expect(JSON.stringify(events)).not.toMatch(/label|fraud/i);
    const fraud = [...labels.values()].filter(Boolean).length;
    expect(fraud).toBeGreaterThan(0);
    expect(fraud).toBeLessThan(orders.length / 2);
  });

  it('emits events out of time order, as real exports may', () => {
    const { events } = generateEvents({ seed: 5, ...SMALL });
    expect(events.some((event, index) => index > 0 && event.at < events[index - 1]!.at)).toBe(true);
  });
});

describe('evaluation metrics', () => {
  it.each([
    [[0.9, 0.8], [0.1, 0.2], 1],
    [[0.1, 0.2], [0.9, 0.8], 0],
    [[0.5], [0.5], 0.5],
  ])('AUC of fraud %p against genuine %p is %p', (fraud, genuine, expected) => {
    const items = [
      ...fraud.map((score) => ({ score, fraud: true })),
      ...genuine.map((score) => ({ score, fraud: false })),
    ];
    expect(rocAuc(items)).toBeCloseTo(expected);
  });

  it('measures precision at a false-positive rate', () => {
    const genuine = Array.from({ length: 100 }, (_, index) => ({ score: index / 100, fraud: false }));
    const fraud = [0.995, 0.985, 0.5].map((score) => ({ score, fraud: true }));
    const result = precisionAtFpr([...genuine, ...fraud], 0.01);
    expect(result.recall).toBeCloseTo(2 / 3);
    expect(result.precision).toBeCloseTo(2 / 3);
  });
});
