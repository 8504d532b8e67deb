import { buildSchema, type GraphQLSchema } from 'graphql';

const conn = (t: string): string => `
type ${t}Connection { edges: [${t}Edge!]! nodes: [${t}!]! pageInfo: PageInfo! }
type ${t}Edge { cursor: String! node: ${t}! }`;
const page = 'first: Int, after: String, last: Int, before: String, reverse: Boolean = false';

/** The subset of the Admin GraphQL schema (2025-10) the fake serves; names and nullability follow Shopify's. */
export const ADMIN_SDL = `
scalar DateTime
scalar Decimal
scalar Money
scalar URL
scalar UnsignedInt64
scalar JSON
schema { query: QueryRoot mutation: Mutation }
interface Node { id: ID! }
type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
enum CurrencyCode { SGD USD EUR GBP AUD MYR IDR JPY HKD }
enum CountryCode { SG MY ID AU GB US HK JP TH PH VN CN TW KR IN NZ CA DE FR }
type MoneyV2 { amount: Decimal! currencyCode: CurrencyCode! }
type MoneyBag { shopMoney: MoneyV2! presentmentMoney: MoneyV2! }
type Attribute { key: String! value: String }
type MailingAddress implements Node { id: ID! address1: String address2: String city: String company: String country: String
  countryCodeV2: CountryCode firstName: String lastName: String name: String phone: String province: String provinceCode: String zip: String }
type Metafield implements Node { id: ID! namespace: String! key: String! type: String! value: String! }
enum CustomerState { DECLINED DISABLED ENABLED INVITED }
enum CustomerEmailAddressMarketingState { INVALID NOT_SUBSCRIBED PENDING SUBSCRIBED UNSUBSCRIBED REDACTED }
type CustomerEmailAddress { emailAddress: String marketingState: CustomerEmailAddressMarketingState! }
type CustomerPhoneNumber { phoneNumber: String! }
enum CustomerSortKeys { CREATED_AT ID NAME RELEVANCE UPDATED_AT }
type Customer implements Node { id: ID! legacyResourceId: UnsignedInt64! firstName: String lastName: String displayName: String!
  email: String phone: String verifiedEmail: Boolean! state: CustomerState! locale: String! note: String tags: [String!]!
  createdAt: DateTime! updatedAt: DateTime! defaultAddress: MailingAddress addresses(first: Int): [MailingAddress!]!
  defaultEmailAddress: CustomerEmailAddress defaultPhoneNumber: CustomerPhoneNumber
  numberOfOrders: UnsignedInt64! amountSpent: MoneyV2! metafield(namespace: String, key: String!): Metafield
  orders(${page}, query: String, sortKey: OrderSortKeys = ID): OrderConnection! }
${conn('Customer')}
enum ProductStatus { ACTIVE ARCHIVED DRAFT }
enum ProductSortKeys { CREATED_AT ID INVENTORY_TOTAL PRODUCT_TYPE RELEVANCE TITLE UPDATED_AT VENDOR }
type Product implements Node { id: ID! legacyResourceId: UnsignedInt64! title: String! handle: String! vendor: String! productType: String!
  status: ProductStatus! tags: [String!]! createdAt: DateTime! updatedAt: DateTime! totalInventory: Int!
  variants(${page}): ProductVariantConnection! }
${conn('Product')}
type ProductVariant implements Node { id: ID! title: String! sku: String price: Money! inventoryQuantity: Int product: Product! }
${conn('ProductVariant')}
type LineItem implements Node { id: ID! title: String! name: String! quantity: Int! sku: String vendor: String variantTitle: String
  originalUnitPriceSet: MoneyBag! discountedTotalSet: MoneyBag! product: Product variant: ProductVariant }
${conn('LineItem')}
enum FulfillmentStatus { CANCELLED ERROR FAILURE OPEN PENDING SUCCESS }
type FulfillmentTrackingInfo { company: String number: String url: URL }
type Fulfillment implements Node { id: ID! status: FulfillmentStatus! createdAt: DateTime! trackingInfo(first: Int): [FulfillmentTrackingInfo!]! }
enum RiskAssessmentResult { HIGH MEDIUM LOW NONE PENDING }
enum RiskFactSentiment { NEGATIVE NEUTRAL POSITIVE }
enum OrderRiskRecommendationResult { ACCEPT CANCEL INVESTIGATE NONE }
type App implements Node { id: ID! title: String! apiKey: String }
type RiskFact { description: String! sentiment: RiskFactSentiment! }
type OrderRiskAssessment { riskLevel: RiskAssessmentResult! facts: [RiskFact!]! provider: App }
type OrderRiskSummary { assessments: [OrderRiskAssessment!]! recommendation: OrderRiskRecommendationResult! }
enum OrderDisplayFinancialStatus { AUTHORIZED EXPIRED PAID PARTIALLY_PAID PARTIALLY_REFUNDED PENDING REFUNDED VOIDED }
enum OrderDisplayFulfillmentStatus { FULFILLED IN_PROGRESS ON_HOLD OPEN PARTIALLY_FULFILLED PENDING_FULFILLMENT REQUEST_DECLINED RESTOCKED SCHEDULED UNFULFILLED }
enum OrderCancelReason { CUSTOMER DECLINED FRAUD INVENTORY OTHER STAFF }
enum OrderSortKeys { CREATED_AT ID NAME PROCESSED_AT RELEVANCE TOTAL_PRICE UPDATED_AT }
type Order implements Node { id: ID! legacyResourceId: UnsignedInt64! name: String! email: String phone: String
  createdAt: DateTime! updatedAt: DateTime! processedAt: DateTime! cancelledAt: DateTime cancelReason: OrderCancelReason closedAt: DateTime
  displayFinancialStatus: OrderDisplayFinancialStatus displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
  currencyCode: CurrencyCode! clientIp: String sourceName: String test: Boolean! note: String tags: [String!]!
  discountCode: String discountCodes: [String!]! customAttributes: [Attribute!]! customer: Customer
  shippingAddress: MailingAddress billingAddress: MailingAddress
  subtotalPriceSet: MoneyBag totalDiscountsSet: MoneyBag totalShippingPriceSet: MoneyBag! totalTaxSet: MoneyBag totalPriceSet: MoneyBag!
  lineItems(${page}): LineItemConnection! fulfillments(first: Int): [Fulfillment!]! risk: OrderRiskSummary! }
${conn('Order')}
type Shop implements Node { id: ID! name: String! email: String! myshopifyDomain: String! currencyCode: CurrencyCode! ianaTimezone: String! primaryDomain: Domain! }
type Domain { host: String! url: URL! }
enum BulkOperationStatus { CANCELED CANCELING COMPLETED CREATED EXPIRED FAILED RUNNING }
enum BulkOperationErrorCode { ACCESS_DENIED INTERNAL_SERVER_ERROR TIMEOUT }
enum BulkOperationType { MUTATION QUERY }
type BulkOperation implements Node { id: ID! status: BulkOperationStatus! errorCode: BulkOperationErrorCode createdAt: DateTime!
  completedAt: DateTime objectCount: UnsignedInt64! rootObjectCount: UnsignedInt64! fileSize: UnsignedInt64 url: URL
  partialDataUrl: URL query: String! type: BulkOperationType! }
type Segment implements Node { id: ID! name: String! query: String! creationDate: DateTime! lastEditDate: DateTime! }
type UserError { field: [String!] message: String! }
type WebPixel implements Node { id: ID! settings: JSON! }
input WebPixelInput { settings: JSON! }
enum ErrorsWebPixelUserErrorCode { BLANK INVALID_CONFIGURATION_JSON INVALID_RUNTIME_CONTEXT INVALID_SETTINGS INVALID_SETTINGS_DEFINITION NO_EXTENSION NOT_FOUND TAKEN UNEXPECTED_ERROR UNABLE_TO_DELETE }
type ErrorsWebPixelUserError { code: ErrorsWebPixelUserErrorCode field: [String!] message: String! }
type WebPixelCreatePayload { webPixel: WebPixel userErrors: [ErrorsWebPixelUserError!]! }
type WebPixelUpdatePayload { webPixel: WebPixel userErrors: [ErrorsWebPixelUserError!]! }
enum BulkOperationUserErrorCode { INVALID OPERATION_IN_PROGRESS }
type BulkOperationUserError { code: BulkOperationUserErrorCode field: [String!] message: String! }
enum OrderRiskAssessmentCreateUserErrorCode { INVALID NOT_FOUND TOO_LONG }
type OrderRiskAssessmentCreateUserError { code: OrderRiskAssessmentCreateUserErrorCode field: [String!] message: String! }
input OrderRiskAssessmentFactInput { description: String! sentiment: RiskFactSentiment! }
input OrderRiskAssessmentCreateInput { orderId: ID! riskLevel: RiskAssessmentResult! facts: [OrderRiskAssessmentFactInput!]! }
type TagsAddPayload { node: Node userErrors: [UserError!]! }
type TagsRemovePayload { node: Node userErrors: [UserError!]! }
type OrderRiskAssessmentCreatePayload { orderRiskAssessment: OrderRiskAssessment userErrors: [OrderRiskAssessmentCreateUserError!]! }
type SegmentCreatePayload { segment: Segment userErrors: [UserError!]! }
type BulkOperationRunQueryPayload { bulkOperation: BulkOperation userErrors: [BulkOperationUserError!]! }
type QueryRoot {
  shop: Shop!
  orders(${page}, query: String, sortKey: OrderSortKeys = ID): OrderConnection!
  customers(${page}, query: String, sortKey: CustomerSortKeys = ID): CustomerConnection!
  products(${page}, query: String, sortKey: ProductSortKeys = ID): ProductConnection!
  order(id: ID!): Order
  customer(id: ID!): Customer
  product(id: ID!): Product
  node(id: ID!): Node
  nodes(ids: [ID!]!): [Node]!
  currentBulkOperation(type: BulkOperationType = QUERY): BulkOperation
  bulkOperation(id: ID!): BulkOperation
  segment(id: ID!): Segment
  webPixel(id: ID): WebPixel
}
type Mutation {
  tagsAdd(id: ID!, tags: [String!]!): TagsAddPayload
  tagsRemove(id: ID!, tags: [String!]!): TagsRemovePayload
  orderRiskAssessmentCreate(orderRiskAssessmentInput: OrderRiskAssessmentCreateInput!): OrderRiskAssessmentCreatePayload
  segmentCreate(name: String!, query: String!): SegmentCreatePayload
  bulkOperationRunQuery(query: String!, groupObjects: Boolean = false): BulkOperationRunQueryPayload
  webPixelCreate(webPixel: WebPixelInput!): WebPixelCreatePayload
  webPixelUpdate(id: ID!, webPixel: WebPixelInput!): WebPixelUpdatePayload
}
`;

let cached: GraphQLSchema | undefined;

/** The parsed schema, built once. */
export function adminSchema(): GraphQLSchema {
  cached ??= buildSchema(ADMIN_SDL);
  return cached;
}
