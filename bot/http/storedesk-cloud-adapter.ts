import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { CloudAdapter } from 'botbuilder';

/**
 * botbuilder's CloudAdapter with its authenticated turn pipeline exposed, so our route validates the
 * activity and maps auth failures itself; `CloudAdapter.process` would print errors to the console and
 * answer 500 for malformed input.
 */
export class StoredeskCloudAdapter extends CloudAdapter {
  /** Authenticates the request, runs the turn and returns expectReplies/invoke results. */
  processInbound(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}
