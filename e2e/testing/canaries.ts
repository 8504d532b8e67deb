import type { Pool } from 'pg';

/**
 * Personal data planted in a conversation. Each has the patterns it may hide behind once copied
 * (spacing of card and phone digits, case of the NRIC), so a copy in any form is found.
 */
export const CANARIES = {
  email: { value: 'qxzcanary7731@example.com', patterns: [/qxzcanary7731/i] },
  // S-series with a valid checksum letter (checked by privacy's isValidNric in the test).
  nric: { value: 'S8412739F', patterns: [/s\s*8412739\s*f/i, /8412739/] },
  // Passes Luhn (checked by privacy's passesLuhn in the test).
  card: { value: '4539 1488 0343 6467', patterns: [/4539[\s-]*1488[\s-]*0343[\s-]*6467/] },
  phone: { value: '+65 8734 2291', patterns: [/8734[\s-]*2291/] },
  name: { value: 'Goh Siew Ling', patterns: [/siew[\s_-]*ling/i] },
} as const;

export type CanaryKind = keyof typeof CANARIES;

/** The canaries found in `text`, by kind (empty when clean). */
export function canariesIn(text: string): CanaryKind[] {
  return (Object.keys(CANARIES) as CanaryKind[]).filter((kind) => CANARIES[kind].patterns.some((pattern) => pattern.test(text)));
}

/** Word pieces of the canaries that a model's vocabulary (stems, character n-grams) would show if raw text reached it. */
export const CANARY_PIECES = ['qxzcanary', 'qxzc', 'canary7731', '7731', 's8412739f', '8412739', '4539148803436467', '6467', '0343', '87342291', '2291', 'siew'];

/** Every row of every table in the public schema, one JSON string per table (tables with no rows left out). */
export async function dumpDatabase(pool: Pool): Promise<Record<string, string>> {
  const tables = await pool.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const dump: Record<string, string> = {};
  for (const { table_name: name } of tables.rows) {
    const { rows } = await pool.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name.replace(/"/g, '""')}" t`);
    if (rows.length > 0) dump[name] = rows.map((r) => r.row).join('\n');
  }
  return dump;
}

/** Which canaries each table holds: `{ table: [kinds] }`, only tables holding any. */
export function canariesByTable(dump: Record<string, string>): Record<string, CanaryKind[]> {
  const found: Record<string, CanaryKind[]> = {};
  for (const [table, text] of Object.entries(dump)) {
    const kinds = canariesIn(text);
    if (kinds.length > 0) found[table] = kinds;
  }
  return found;
}
