import { TAG_DEFINITIONS, TAG_KINDS, type TagKind } from '../tags';

/** A parsed segment condition. */
export type SegmentExpr =
  | { type: 'tag'; tag: string }
  | { type: 'and' | 'or'; items: SegmentExpr[] }
  | { type: 'not'; item: SegmentExpr };

/** The outcome of {@link parseSegmentQuery}: expected failures are values with a message for people. */
export type ParsedSegmentQuery =
  | { ok: true; expr: SegmentExpr; tags: string[]; normalized: string }
  | { ok: false; error: string; column: number };

/** Longest query accepted, and most conditions in one. */
export const MAX_QUERY_LENGTH = 1000;
export const MAX_CONDITIONS = 40;

/** Words people use for a tag, mapped to the tag. */
export const TAG_ALIASES: Readonly<Record<string, string>> = { 'discount-sensitive': 'discount:high' };

type Token = { kind: 'word' | '(' | ')'; text: string; column: number };
class QueryError extends Error {
  constructor(message: string, readonly column: number) {
    super(message);
  }
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s+|([()])|((?:[^\s()"]|"[^"]*")+)|(")/gy;
  let match: RegExpExecArray | null;
  while (re.lastIndex < query.length && (match = re.exec(query))) {
    const column = match.index + 1;
    if (match[1]) tokens.push({ kind: match[1] as '(' | ')', text: match[1], column });
    else if (match[2]) tokens.push({ kind: 'word', text: match[2], column });
    else if (match[3]) throw new QueryError('A quote is not closed', column);
  }
  return tokens;
}

const slug = (value: string) => value.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

function closest(word: string, options: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const next = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = row[j]!;
        row[j] = next;
      }
    }
    return row[b.length]!;
  };
  const best = options.map((o) => [o, distance(word, o)] as const).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= 2 ? best[0] : undefined;
}

function normalizeTag(word: string, column: number): string {
  const alias = TAG_ALIASES[word.toLowerCase()];
  if (alias) return alias;
  const colon = word.indexOf(':');
  if (colon <= 0) throw new QueryError(`"${word}" is not a tag: write kind:value, such as interest:running or country:SG`, column);
  const kind = word.slice(0, colon).toLowerCase();
  const raw = word.slice(colon + 1).replace(/^"|"$/g, '');
  if (!(TAG_KINDS as readonly string[]).includes(kind)) {
    const hint = closest(kind, TAG_KINDS);
    throw new QueryError(`Unknown tag kind "${kind}"${hint ? `; did you mean "${hint}"?` : ''} Known kinds: ${TAG_KINDS.join(', ')}`, column);
  }
  const definition = TAG_DEFINITIONS.find((d) => d.kind === (kind as TagKind))!;
  let value = kind === 'country' ? raw.trim().toUpperCase() : kind === 'age' ? raw.trim().toLowerCase() : slug(raw);
  if (kind === 'sg-district' && /^\d{1,2}$/.test(value)) value = value.padStart(2, '0');
  if (!value) throw new QueryError(`"${word}" has no value after the colon`, column);
  if (kind === 'country' && !/^[A-Z]{2}$/.test(value)) throw new QueryError(`"${raw}" is not a two-letter country code (such as SG or MY)`, column);
  if (definition.values && !definition.values.includes(value)) {
    const hint = closest(value, definition.values);
    throw new QueryError(`"${raw}" is not a ${kind} value${hint ? `; did you mean "${kind}:${hint}"?` : ''} Use one of: ${definition.values.join(', ')}`, column);
  }
  return `${kind}:${value}`;
}

/**
 * Parses a segment query: tags (`kind:value`) combined with AND, OR, NOT and parentheses; AND binds tighter
 * than OR. Never throws: a bad query gives `{ ok: false, error, column }` saying what to fix.
 */
export function parseSegmentQuery(query: string): ParsedSegmentQuery {
  try {
    if (query.length > MAX_QUERY_LENGTH) throw new QueryError(`The query is longer than ${MAX_QUERY_LENGTH} characters`, MAX_QUERY_LENGTH);
    const tokens = tokenize(query);
    if (tokens.length === 0) throw new QueryError('The query is empty: write a tag such as interest:running', 1);
    let at = 0;
    const tags: string[] = [];
    const keyword = (t: Token | undefined) => (t?.kind === 'word' ? t.text.toUpperCase() : undefined);
    const describe = (t: Token | undefined) => (t ? `"${t.text}" at column ${t.column}` : 'the end of the query');
    const parseOr = (): SegmentExpr => {
      const items = [parseAnd()];
      while (keyword(tokens[at]) === 'OR') {
        at++;
        items.push(parseAnd());
      }
      return items.length === 1 ? items[0]! : { type: 'or', items };
    };
    const parseAnd = (): SegmentExpr => {
      const items = [parseNot()];
      while (keyword(tokens[at]) === 'AND') {
        at++;
        items.push(parseNot());
      }
      return items.length === 1 ? items[0]! : { type: 'and', items };
    };
    const parseNot = (): SegmentExpr => {
      if (keyword(tokens[at]) === 'NOT') return (at++, { type: 'not', item: parseNot() });
      const token = tokens[at];
      if (!token) throw new QueryError(`The query ends too early: expected a tag such as interest:running after "${tokens[at - 1]?.text}"`, query.length + 1);
      if (token.kind === '(') {
        at++;
        const inner = parseOr();
        if (tokens[at]?.kind !== ')') throw new QueryError(`Missing ")" for the "(" at column ${token.column}; found ${describe(tokens[at])}`, tokens[at]?.column ?? query.length + 1);
        at++;
        return inner;
      }
      if (token.kind === ')' || ['AND', 'OR'].includes(keyword(token)!)) throw new QueryError(`Expected a tag before ${describe(token)}`, token.column);
      at++;
      const tag = normalizeTag(token.text, token.column);
      tags.push(tag);
      if (tags.length > MAX_CONDITIONS) throw new QueryError(`At most ${MAX_CONDITIONS} conditions in one segment`, token.column);
      return { type: 'tag', tag };
    };
    const expr = parseOr();
    if (at < tokens.length) {
      const token = tokens[at]!;
      throw new QueryError(token.kind === ')' ? `Unmatched ")" at column ${token.column}` : `Expected AND or OR before ${describe(token)}`, token.column);
    }
    return { ok: true, expr, tags: [...new Set(tags)], normalized: formatSegmentExpr(expr) };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, error: error.message, column: error.column };
    throw error;
  }
}

/** Writes an expression back as a query, with parentheses only where needed. */
export function formatSegmentExpr(expr: SegmentExpr, parent?: SegmentExpr['type']): string {
  if (expr.type === 'tag') return expr.tag;
  if (expr.type === 'not') return `NOT ${formatSegmentExpr(expr.item, 'not')}`;
  const text = expr.items.map((item) => formatSegmentExpr(item, expr.type)).join(` ${expr.type.toUpperCase()} `);
  return parent && parent !== expr.type ? `(${text})` : text;
}
