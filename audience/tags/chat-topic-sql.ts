import { WINDOWS } from './tag-definitions';

/**
 * The chat-topic tags of each pseudonym (subject, tags): topics asked in the window, each weighted
 * 0.5^(age / half-life), the top 3 with a weight of at least 0.5, heaviest first (ties by name), so an
 * unchanged customer gets the same array again. `params` names the statement's parameters: the shop, the
 * as-of date and, to cover some customers only, their pseudonyms (text[]).
 */
export function chatTopicTagsSql(params: { shop: string; asOf: string; subjects?: string }): string {
  const { shop, asOf, subjects } = params;
  return `
SELECT subject, array_agg('chat-topic:' || topic ORDER BY rank) AS tags FROM (
  SELECT subject, topic, row_number() OVER (PARTITION BY subject ORDER BY weight DESC, topic) AS rank FROM (
    SELECT subject, topic,
           sum(power(0.5::float8, extract(epoch FROM ${asOf}::timestamptz - asked_at)::float8 / (86400.0 * ${WINDOWS.chatTopicHalfLife}))) AS weight
    FROM audience_chat_topics
    WHERE shop_id = ${shop} AND asked_at <= ${asOf}::timestamptz AND asked_at > ${asOf}::timestamptz - interval '${WINDOWS.chatTopics} days'
      ${subjects ? `AND subject = ANY(${subjects}::text[])` : ''}
    GROUP BY subject, topic) weighed
  WHERE weight >= 0.5) ranked
WHERE rank <= 3 GROUP BY subject`;
}
