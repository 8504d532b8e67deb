import { WordTable } from './word-table';

function countingTable(): { table: WordTable<string>; computed: string[] } {
  const computed: string[] = [];
  const table = new WordTable((key) => {
    computed.push(key);
    return `value of ${key}`;
  });
  return { table, computed };
}

describe('WordTable', () => {
  it.each([
    ['folds ASCII capitals', 'Hello World', 0, 5, true, 'hello'],
    ['keeps case when not folding', 'Hello World', 6, 11, false, 'World'],
    ['lower-cases non-ASCII words through toLowerCase', 'ÉCOLE Zürich', 0, 5, true, 'école'],
    ['keeps non-ASCII words when not folding', 'ÉCOLE Zürich', 6, 12, false, 'Zürich'],
  ])('%s', (_case, text, start, end, fold, key) => {
    const { table } = countingTable();
    expect(table.get(text, start, end, fold)).toBe(`value of ${key}`);
  });

  it('computes each distinct key once, whatever its case or position', () => {
    const { table, computed } = countingTable();
    table.get('Tan Wei', 0, 3, true);
    table.get('mr TAN', 3, 6, true);
    table.get('tan', 0, 3, false);
    table.getString('tan');
    expect(computed).toEqual(['tan']);
  });

  it('tells apart keys that differ in one letter or in length', () => {
    const { table } = countingTable();
    expect(table.get('lim', 0, 3, false)).toBe('value of lim');
    expect(table.get('lin', 0, 3, false)).toBe('value of lin');
    expect(table.get('lims', 0, 4, false)).toBe('value of lims');
    expect(table.get('lim', 0, 2, false)).toBe('value of li');
  });

  it('keeps every key when it grows past its first capacity', () => {
    const { table, computed } = countingTable();
    const words = Array.from({ length: 30_000 }, (_, i) => `w${i.toString(36)}`);
    for (const w of words) table.get(w, 0, w.length, false);
    const wrong = words.filter((w) => table.get(w.toUpperCase(), 0, w.length, true) !== `value of ${w}`);
    expect(wrong).toEqual([]);
    expect(computed).toHaveLength(words.length);
  });

  it('starts afresh past its limit and still answers correctly', () => {
    const computed: string[] = [];
    const table = new WordTable((key) => {
      computed.push(key);
      return key.length;
    }, 3);
    for (const w of ['a', 'bb', 'ccc', 'dddd', 'a']) expect(table.get(w, 0, w.length, false)).toBe(w.length);
    expect(computed).toEqual(['a', 'bb', 'ccc', 'dddd', 'a']);
  });
});
