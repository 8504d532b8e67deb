import type { AudienceService } from './audience-type';
import type { ConnectorEvent, ShopifyConnector } from '../../connectors/shopify';
import { allJobDefinitions, shopifyJobs, type JobContext, type JobDefinition } from '../../jobs';
import { audienceJobs, routeAudienceEvent } from '../../jobs/audience-jobs';
import { privacyJobs } from '../../jobs/privacy-jobs';
import { trainingJobs, type TrainingJobDeps } from '../../jobs/training-jobs';
import { riskJobs } from '../../jobs/risk-jobs';
import type { RiskService } from '../../risk';
import type { PrivacyServices } from '../../privacy';

/** Everything the job runner should know in this process, and how connector events fan out. */
export function composeJobDefinitions(deps: {
  connector: ShopifyConnector;
  privacy: PrivacyServices;
  audience: AudienceService;
  training: TrainingJobDeps;
  risk: RiskService;
}): JobDefinition<any>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  const onEvent = async (event: ConnectorEvent, context: JobContext) => {
    if (event.kind === 'order.created') await context.enqueue('risk.score-order', { shopId: event.shopId, orderId: event.orderId });
    if (event.kind === 'customer.created') await context.enqueue('risk.score-account', { shopId: event.shopId, customerId: event.customerId });
    await routeAudienceEvent(event, context);
  };
  return [
    ...allJobDefinitions(),
    ...shopifyJobs({ connector: deps.connector, onEvent }),
    ...privacyJobs({ ...deps.privacy, onKeyRotated: async (shopId, context) => void (await context.enqueue('audience.refresh-tags', { shopId })) }),
    ...audienceJobs({ audience: deps.audience }),
    ...trainingJobs(deps.training),
    ...riskJobs({ risk: deps.risk }),
  ];
}
