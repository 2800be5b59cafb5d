/**
 * The CloudAdapter, opened up just enough to run a turn on a request that `messages.ts` has already
 * authenticated (so that authentication failures are answered 401 by us, not 500 by the library), and
 * to tell a failed call to Teams apart from a failure of the bot itself: errors thrown by the Bot
 * Connector (the activity's `serviceUrl`) while a turn answers are marked (`isChannelFailure`), as
 * they are, so the endpoint can log them and still acknowledge the activity.
 */
import {
  CloudAdapter,
  type Activity,
  type InvokeResponse,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';

const channelFailures = new WeakSet<object>();

/** Whether `err` was thrown by a call to the Bot Connector (Teams unreachable, or it refused the call). */
export const isChannelFailure = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && channelFailures.has(err);

async function marked<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (typeof err === 'object' && err !== null) channelFailures.add(err);
    throw err;
  }
}

export class FristvaktAdapter extends CloudAdapter {
  runAuthenticatedTurn(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }

  override sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    return marked(() => super.sendActivities(context, activities));
  }

  override updateActivity(
    context: TurnContext,
    activity: Partial<Activity>,
  ): Promise<ResourceResponse | void> {
    return marked(() => super.updateActivity(context, activity));
  }

  override deleteActivity(
    context: TurnContext,
    reference: Parameters<CloudAdapter['deleteActivity']>[1],
  ): Promise<void> {
    return marked(() => super.deleteActivity(context, reference));
  }
}
