export { requestExport, runExport, listExports, shopifyTagFor, SHOPIFY_TAG_PREFIX } from './export-segment';
export type { ExportDeps, ExportRecord } from './export-segment';
