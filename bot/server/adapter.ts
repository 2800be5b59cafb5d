/**
 * The CloudAdapter, opened up just enough to run a turn on a request that `messages.ts` has already
 * authenticated (so that authentication failures are answered 401 by us, not 500 by the library).
 */
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';

export class FristvaktAdapter extends CloudAdapter {
  runAuthenticatedTurn(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}
