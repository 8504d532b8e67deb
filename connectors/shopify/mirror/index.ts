export type { OrderRecord, LineItemRecord, CustomerRecord, ProductRecord } from './records';
export { DEVICE_ID_ATTRIBUTE } from './records';
export { orderFromGraphql, lineItemFromGraphql, customerFromGraphql, productFromGraphql } from './from-graphql';
export { orderFromRest, customerFromRest } from './from-rest';
export { upsertOrders, upsertLineItems, upsertCustomers, upsertProducts } from './write-mirror';
