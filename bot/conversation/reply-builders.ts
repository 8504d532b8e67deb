import type { Activity, CardAction } from 'botbuilder';
import { ActionTypes, ActivityTypes } from 'botbuilder';
import type { CatalogAnswer } from '../../training';

/** A text message with quick-reply buttons (`imBack`) and link buttons (`openUrl`). */
export function messageWithActions(text: string, buttons: ReadonlyArray<{ title: string; value: string }> = [], links: ReadonlyArray<{ title: string; url: string }> = []): Partial<Activity> {
  const actions: CardAction[] = [
    ...buttons.map((b) => ({ type: ActionTypes.ImBack, title: b.title, value: b.value })),
    ...links.map((l) => ({ type: ActionTypes.OpenUrl, title: l.title, value: l.url })),
  ];
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text };
  if (actions.length > 0) activity.suggestedActions = { to: [], actions };
  return activity;
}

/** A catalog answer as a message. */
export function answerActivity(answer: CatalogAnswer): Partial<Activity> {
  return messageWithActions(answer.text, answer.buttons, answer.links);
}

/** The event Web Chat turns into the handoff banner. */
export function handoffEvent(status: 'waiting' | 'connected' | 'closed', message: string): Partial<Activity> {
  return { type: ActivityTypes.Event, name: 'storedesk.handoff', value: { status, message } };
}
