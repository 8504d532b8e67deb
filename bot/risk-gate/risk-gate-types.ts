import type { RiskServiceDeps } from '../../risk';

/** The part of the risk service the bot uses (`createRiskService(...)` fits). */
export interface BotRisk {
  deps: RiskServiceDeps;
}
