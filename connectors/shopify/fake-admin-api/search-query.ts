/** One `field:op value` term of Shopify's search syntax. */
export interface SearchTerm {
  field: string;
  op: ':' | '>' | '>=' | '<' | '<=';
  value: string;
  negated: boolean;
}

/** Terms joined by AND inside a group; groups joined by OR. */
export interface ParsedSearch {
  groups: SearchTerm[][];
  /** Bare words (free text); the fake ignores them and reports a warning. */
  freeText: string[];
}

const TOKEN = /\s*(-)?(?:([a-z_]+):(>=|<=|>|<)?\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s()]+)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s()]+))/gy;

function unquote(v: string): string {
  return /^(['"]).*\1$/.test(v) ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v;
}

/** Parses `updated_at:>'2025-01-01T00:00:00Z' AND tag:vip OR id:>123` into OR-groups of AND-terms. */
export function parseSearch(query: string | null | undefined): ParsedSearch {
  const parsed: ParsedSearch = { groups: [[]], freeText: [] };
  if (!query) return { groups: [], freeText: [] };
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(query)) !== null) {
    const [, neg, field, op, fieldValue, bare] = m;
    if (bare !== undefined) {
      const word = unquote(bare);
      if (word === 'AND') continue;
      if (word === 'OR') parsed.groups.push([]);
      else if (word !== 'NOT') parsed.freeText.push(word);
      continue;
    }
    parsed.groups[parsed.groups.length - 1]!.push({
      field: field!.toLowerCase(),
      op: (op ?? ':') as SearchTerm['op'],
      value: unquote(fieldValue!),
      negated: neg === '-',
    });
  }
  return parsed;
}

/** How to read a field of a record, as a comparable value or a list of values. */
export type FieldReader<T> = (record: T) => string | number | null | Array<string | number>;

/** Field kinds decide comparison: dates and numbers compare by order, text case-insensitively with a trailing `*` prefix match. */
export type FieldKind = 'date' | 'number' | 'text';

function compare(actual: string | number, term: SearchTerm, kind: FieldKind): boolean {
  if (kind === 'text') {
    const a = String(actual).toLowerCase();
    const v = term.value.toLowerCase();
    if (term.op !== ':') return term.op.startsWith('>') ? a > v || (term.op === '>=' && a === v) : a < v || (term.op === '<=' && a === v);
    return v.endsWith('*') ? a.startsWith(v.slice(0, -1)) : a === v;
  }
  const a = kind === 'date' ? Date.parse(String(actual)) : Number(actual);
  const v = kind === 'date' ? Date.parse(term.value) : Number(term.value.replace(/^gid:\/\/shopify\/[A-Za-z]+\//, ''));
  if (Number.isNaN(v)) return false;
  switch (term.op) {
    case '>': return a > v;
    case '>=': return a >= v;
    case '<': return a < v;
    case '<=': return a <= v;
    default: return kind === 'date' ? String(actual).slice(0, term.value.length) === term.value || a === v : a === v;
  }
}

/** Builds a predicate from a parsed search; unknown fields are collected in `unknown` and ignored, as Shopify does. */
export function searchPredicate<T>(
  search: ParsedSearch,
  fields: Record<string, { kind: FieldKind; read: FieldReader<T> }>,
  unknown: string[] = [],
): (record: T) => boolean {
  const groups = search.groups
    .map((g) => g.filter((t) => (fields[t.field] ? true : (unknown.push(t.field), false))))
    .filter((g) => g.length > 0);
  if (groups.length === 0) return () => true;
  return (record) =>
    groups.some((g) =>
      g.every((term) => {
        const f = fields[term.field]!;
        const raw = f.read(record);
        const values = Array.isArray(raw) ? raw : raw === null ? [] : [raw];
        const hit = values.some((v) => compare(v, term, f.kind));
        return term.negated ? !hit : hit;
      }),
    );
}
