import { and, desc, eq } from 'drizzle-orm';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import { schema, type Db } from '../../db';
import { countSegment } from './measure-segment';
import { parseSegmentQuery } from './parse-segment-query';
import type { Pool } from 'pg';

const { audienceSegments, audienceSegmentSizes } = schema;

/** A saved segment as stored (sizes are gated by the caller). */
export interface SavedSegment {
  id: string;
  name: string;
  query: string;
  createdBy: string;
  createdAt: Date;
}

/** Saves a segment after checking its query; the name is unique per shop. */
export async function saveSegment(db: Db, shopId: string, actor: string, input: { name: string; query: string }): Promise<SavedSegment> {
  const name = String(input.name ?? '').trim();
  if (!name || name.length > 80) throw new ValidationError('A segment needs a name of 1 to 80 characters');
  const parsed = parseSegmentQuery(String(input.query ?? ''));
  if (!parsed.ok) throw new ValidationError(`Query: ${parsed.error} (column ${parsed.column})`, { details: { column: parsed.column } });
  const [row] = await db
    .insert(audienceSegments)
    .values({ shopId, name, query: parsed.normalized, createdBy: actor })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new ConflictError(`A segment named "${name}" already exists`);
  return row;
}

/** The shop's saved segments, newest first. */
export async function listSegments(db: Db, shopId: string): Promise<SavedSegment[]> {
  return db.select().from(audienceSegments).where(eq(audienceSegments.shopId, shopId)).orderBy(desc(audienceSegments.createdAt));
}

/** One saved segment of the shop, or a 404. */
export async function getSegment(db: Db, shopId: string, id: string): Promise<SavedSegment> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ValidationError('Segment id must be a UUID');
  const [row] = await db.select().from(audienceSegments).where(and(eq(audienceSegments.shopId, shopId), eq(audienceSegments.id, id)));
  if (!row) throw new NotFoundError('No such segment');
  return row;
}

/** Records every saved segment's size after a full refresh (raw sizes; they are gated when shown). */
export async function recordSegmentSizes(deps: { db: Db; pool: Pool }, shopId: string, refreshId: string, at: Date): Promise<number> {
  const segments = await listSegments(deps.db, shopId);
  for (const segment of segments) {
    const parsed = parseSegmentQuery(segment.query);
    if (!parsed.ok) continue;
    const size = await countSegment(deps.pool, shopId, parsed.expr);
    await deps.db.insert(audienceSegmentSizes).values({ shopId, segmentId: segment.id, refreshId, size, measuredAt: at }).onConflictDoNothing();
  }
  return segments.length;
}

/** The last two recorded sizes of a segment, newest first. */
export async function lastSizes(db: Db, shopId: string, segmentId: string): Promise<Array<{ size: number; measuredAt: Date }>> {
  return db
    .select({ size: audienceSegmentSizes.size, measuredAt: audienceSegmentSizes.measuredAt })
    .from(audienceSegmentSizes)
    .where(and(eq(audienceSegmentSizes.shopId, shopId), eq(audienceSegmentSizes.segmentId, segmentId)))
    .orderBy(desc(audienceSegmentSizes.measuredAt))
    .limit(2);
}
