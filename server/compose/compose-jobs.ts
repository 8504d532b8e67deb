import type { ConnectorEvent, ShopifyConnector } from '../../connectors/shopify';
import { allJobDefinitions, shopifyJobs, type JobContext, type JobDefinition } from '../../jobs';
import { privacyJobs } from '../../jobs/privacy-jobs';
import type { PrivacyServices } from '../../privacy';

/** Everything the job runner should know in this process. */
export function composeJobDefinitions(deps: {
  connector: ShopifyConnector;
  privacy: PrivacyServices;
  onEvent?(event: ConnectorEvent, context: JobContext): Promise<void>;
}): JobDefinition<any>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  return [...allJobDefinitions(), ...shopifyJobs({ connector: deps.connector, onEvent: deps.onEvent }), ...privacyJobs(deps.privacy)];
}
