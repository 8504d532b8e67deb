import type { BotAdapter, TurnContext } from 'botbuilder';
import { errorForLog, type Logger } from '../core/logging';
import { fallbackLines } from './messages';
import { TURN_LANGUAGE_KEY } from './storedesk-bot';

const apologies: Record<string, string> = {
  en: fallbackLines.apology,
  zh: '抱歉，我这边出了点问题。请稍后再试。',
  ms: 'Maaf, berlaku masalah di pihak kami. Sila cuba sebentar lagi.',
  ta: 'மன்னிக்கவும், எங்கள் பக்கத்தில் ஏதோ தவறு நடந்தது. சிறிது நேரத்தில் மீண்டும் முயற்சிக்கவும்.',
};

/** An error reduced to what a log may hold: its class, code and stack frames, never its message (it may quote what the buyer wrote). */
export const describeError = (error: unknown) => errorForLog(error, { message: false, frames: true });

/** The single outer catch of a turn: a polite apology to the buyer and a log line without personal data. */
export function installTurnErrorHandler(adapter: BotAdapter, logger: Logger): void {
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      { err: describeError(error), channelId: context.activity.channelId, activityType: context.activity.type },
      'bot turn failed',
    );
    const language = (context.turnState.get(TURN_LANGUAGE_KEY) as string | undefined) ?? 'en';
    try {
      await context.sendActivity(apologies[language] ?? fallbackLines.apology);
    } catch (sendError) {
      logger.warn({ err: describeError(sendError) }, 'could not send the apology');
    }
  };
}
