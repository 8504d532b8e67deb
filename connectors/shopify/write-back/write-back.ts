import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { AdminGraphqlClient } from '../admin-client';
import { toGid } from '../app';
import { writeOnce } from './idempotent-write';

/** A risk verdict as Shopify's `orderRiskAssessmentCreate` takes it. */
export interface RiskAssessmentInput {
  riskLevel: 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE';
  facts: Array<{ description: string; sentiment: 'NEGATIVE' | 'NEUTRAL' | 'POSITIVE' }>;
}

/** Writes to one shop's Admin API, each idempotent on its key and retried by the client. */
export interface ShopifyWriteBack {
  addCustomerTags(customerId: number, tags: string[]): Promise<{ replayed: boolean }>;
  createOrderRiskAssessment(orderId: number, assessment: RiskAssessmentInput, key: string): Promise<{ replayed: boolean }>;
  createSegment(name: string, query: string): Promise<{ segmentId: string; replayed: boolean }>;
}

const TAGS_ADD = `mutation TagsAdd($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) { node { id } userErrors { field message } } }`;
const RISK_CREATE = `mutation Risk($input: OrderRiskAssessmentCreateInput!) {
  orderRiskAssessmentCreate(orderRiskAssessmentInput: $input) { orderRiskAssessment { riskLevel } userErrors { field message } } }`;
const SEGMENT_CREATE = `mutation Segment($name: String!, $query: String!) { segmentCreate(name: $name, query: $query) { segment { id } userErrors { field message } } }`;

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24);

/** Shopify's limits for risk facts: at most 20, each at most 256 characters. */
export const MAX_RISK_FACTS = 20;
export const MAX_RISK_FACT_LENGTH = 256;

/** Creates the write-back for one shop. */
export function createWriteBack(deps: { pool: Pool; shopId: string; client: AdminGraphqlClient }): ShopifyWriteBack {
  const { pool, shopId, client } = deps;
  return {
    async addCustomerTags(customerId, tags) {
      const sorted = [...new Set(tags)].sort();
      const { replayed } = await writeOnce(pool, { shopId, key: `tags:${customerId}:${digest(sorted)}`, kind: 'tagsAdd', request: { customerId, tags: sorted } }, async () => {
        const data = await client.request<{ tagsAdd: { userErrors: Array<{ message: string }> } }>(TAGS_ADD, { id: toGid('Customer', customerId), tags: sorted });
        return { result: null, userErrors: data.tagsAdd.userErrors };
      });
      return { replayed };
    },
    async createOrderRiskAssessment(orderId, assessment, key) {
      const facts = assessment.facts.slice(0, MAX_RISK_FACTS).map((f) => ({ ...f, description: f.description.slice(0, MAX_RISK_FACT_LENGTH) }));
      const input = { orderId: toGid('Order', orderId), riskLevel: assessment.riskLevel, facts };
      const { replayed } = await writeOnce(pool, { shopId, key: `risk:${orderId}:${key}`, kind: 'orderRiskAssessmentCreate', request: input }, async () => {
        const data = await client.request<{ orderRiskAssessmentCreate: { userErrors: Array<{ message: string }> } }>(RISK_CREATE, { input });
        return { result: null, userErrors: data.orderRiskAssessmentCreate.userErrors };
      });
      return { replayed };
    },
    async createSegment(name, query) {
      const { result, replayed } = await writeOnce(pool, { shopId, key: `segment:${digest({ name, query })}`, kind: 'segmentCreate', request: { name, query } }, async () => {
        const data = await client.request<{ segmentCreate: { segment: { id: string } | null; userErrors: Array<{ message: string }> } }>(SEGMENT_CREATE, { name, query });
        return { result: { segmentId: data.segmentCreate.segment?.id ?? '' }, userErrors: data.segmentCreate.userErrors };
      });
      return { segmentId: result.segmentId, replayed };
    },
  };
}
