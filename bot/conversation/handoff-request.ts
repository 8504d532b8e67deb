import { handoffPhrases } from '../messages';

const ASKS_FOR_PERSON = [
  /\b(human|humans|real person|live (agent|chat|person)|an? (agent|person|representative)|customer (service|support) (agent|staff|person)|someone real|staff member)\b/i,
  /\b(talk|speak|chat)\s+(to|with)\s+(someone|somebody|a person|a human|staff|an agent|the team|support)\b/i,
  /人工|真人|转客服|客服人员/u,
  /\b(ejen|manusia|kakitangan|bercakap dengan orang)\b/i,
  /மனிதர்|நபருடன்/u,
];

/** True when the buyer asks for a person, in any of the bot's languages (including its own button text). */
export function asksForPerson(text: string): boolean {
  const normalised = text.trim().toLowerCase();
  return handoffPhrases.includes(normalised) || ASKS_FOR_PERSON.some((pattern) => pattern.test(text));
}
