/*
 * The fields we mirror. Bulk queries and paged queries ask for the same fields, so one mapper reads both.
 * Page sizes keep a paged query under Shopify's single-query cost limit of 1,000 points.
 */

const ADDRESS = 'name address1 address2 city province zip countryCodeV2 phone';
const MONEY = 'shopMoney { amount currencyCode }';

export const ORDER_FIELDS = `id name email phone createdAt updatedAt processedAt cancelledAt cancelReason
  displayFinancialStatus displayFulfillmentStatus currencyCode clientIp sourceName discountCodes tags
  customAttributes { key value }
  totalPriceSet { ${MONEY} } subtotalPriceSet { ${MONEY} } totalDiscountsSet { ${MONEY} }
  customer { id }
  shippingAddress { ${ADDRESS} } billingAddress { ${ADDRESS} }
  fulfillments(first: 3) { status createdAt trackingInfo(first: 2) { company number url } }`;

export const LINE_ITEM_FIELDS = `id title quantity sku originalUnitPriceSet { ${MONEY} } product { id } variant { id }`;

export const CUSTOMER_FIELDS = `id firstName lastName state tags createdAt updatedAt numberOfOrders
  defaultEmailAddress { emailAddress marketingState } defaultPhoneNumber { phoneNumber }
  amountSpent { amount currencyCode } defaultAddress { ${ADDRESS} }
  birthDate: metafield(namespace: "facts", key: "birth_date") { value }`;

export const PRODUCT_FIELDS = 'id title productType vendor tags status createdAt updatedAt';

/** Bulk queries per resource; child connections come back as lines with `__parentId`. */
export const BULK_QUERIES = {
  products: `{ products { edges { node { ${PRODUCT_FIELDS} } } } }`,
  customers: `{ customers { edges { node { ${CUSTOMER_FIELDS} } } } }`,
  orders: `{ orders { edges { node { ${ORDER_FIELDS} lineItems { edges { node { ${LINE_ITEM_FIELDS} } } } } } } }`,
} as const;

export type SyncResource = keyof typeof BULK_QUERIES;

export const RUN_BULK_QUERY = `mutation RunBulk($query: String!) {
  bulkOperationRunQuery(query: $query) { bulkOperation { id status } userErrors { field message code } }
}`;

export const BULK_OPERATION_STATUS = `query BulkStatus($id: ID!) {
  bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount url partialDataUrl }
}`;

/** Paged queries for incremental sync, oldest change first. */
export const PAGED_QUERIES: Record<SyncResource, string> = {
  products: `query Products($after: String, $query: String) { products(first: 100, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor } nodes { ${PRODUCT_FIELDS} } } }`,
  customers: `query Customers($after: String, $query: String) { customers(first: 100, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor } nodes { ${CUSTOMER_FIELDS} } } }`,
  orders: `query Orders($after: String, $query: String) { orders(first: 10, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor } nodes { ${ORDER_FIELDS} lineItems(first: 15) { nodes { ${LINE_ITEM_FIELDS} } } } } }`,
};
