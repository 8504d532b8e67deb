import type { Pool } from 'pg';
import { systemClock, type Clock } from '../../core/clock';
import type { RetentionTarget } from '../../privacy';
import { WINDOWS } from '../tags';

/**
 * Audience's retention targets, for `createPrivacyServices({ retentionTargets })`. Chat topics are kept for
 * the chat-topic window (180 days) whatever the shop's raw-data retention: they hold no words, only topic
 * names under a pseudonym, and an older topic no longer counts towards any tag.
 */
export function audienceRetentionTargets(deps: { pool: Pool; clock?: Clock }): RetentionTarget[] {
  const clock = deps.clock ?? systemClock;
  return [
    {
      name: 'audience_chat_topics',
      async purge(shopId) {
        const cutoff = new Date(clock.now().getTime() - WINDOWS.chatTopics * 86_400_000);
        const result = await deps.pool.query('DELETE FROM audience_chat_topics WHERE shop_id = $1 AND asked_at <= $2', [shopId, cutoff]);
        return result.rowCount ?? 0;
      },
    },
  ];
}
