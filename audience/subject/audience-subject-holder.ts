import type { Pool } from 'pg';
import type { Pseudonymizer, SubjectDataHolder } from '../../privacy';
import { chatTopicsOf, deleteChatTopicsOf } from '../chat-topics';

/** The customer ids a subject names: its id, else customers matched by email (before the mirror blanks it). */
async function customerIdsOf(pool: Pool, shopId: string, subject: { customerId?: number; email?: string }): Promise<number[]> {
  if (subject.customerId !== undefined) return [subject.customerId];
  if (!subject.email) return [];
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM customers WHERE shop_id = $1 AND lower(email) = $2', [shopId, subject.email.toLowerCase()]);
  return rows.map((r) => Number(r.id));
}

async function subjectsOf(deps: { pool: Pool; pseudonymizer: Pseudonymizer }, shopId: string, subject: { customerId?: number; email?: string }): Promise<string[]> {
  const ids = await customerIdsOf(deps.pool, shopId, subject);
  const all = await Promise.all(ids.map((id) => deps.pseudonymizer.pseudonymizeAllVersions(shopId, 'customer', id)));
  return all.flat().map((v) => v.pseudonym);
}

/**
 * Audience tags as a data holder for buyers' rights: export gives the customer's tags and chat topics,
 * erasure deletes their profile and chat topics under every live key version. Redacted customers are also skipped by every later refresh (the
 * mirror marks them `redacted_at`), and a full refresh drops any profile it no longer computes.
 */
export function audienceSubjectHolder(deps: { pool: Pool; pseudonymizer: Pseudonymizer }): SubjectDataHolder {
  return {
    name: 'audience_tags',
    async export(shopId, subject) {
      const subjects = await subjectsOf(deps, shopId, subject);
      if (subjects.length === 0) return { profiles: [], chatTopics: [] };
      const { rows } = await deps.pool.query<{ tags: string[]; computed_at: Date }>(
        'SELECT tags, computed_at FROM audience_profiles WHERE shop_id = $1 AND subject = ANY($2::text[])',
        [shopId, subjects],
      );
      return { profiles: rows.map((r) => ({ tags: r.tags, computedAt: r.computed_at })), chatTopics: await chatTopicsOf(deps.pool, shopId, subjects) };
    },
    async erase(shopId, subject) {
      const subjects = await subjectsOf(deps, shopId, subject);
      if (subjects.length === 0) return 0;
      const result = await deps.pool.query('DELETE FROM audience_profiles WHERE shop_id = $1 AND subject = ANY($2::text[])', [shopId, subjects]);
      return (result.rowCount ?? 0) + (await deleteChatTopicsOf(deps.pool, shopId, subjects));
    },
  };
}
