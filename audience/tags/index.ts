export { TAG_DEFINITIONS, TAG_KINDS, MULTI_VALUED_KINDS, RFM_GROUPS, DEFINITIONS_VERSION, WINDOWS, tagDefinition } from './tag-definitions';
export type { TagDefinition, TagKind } from './tag-definitions';
export { refreshAllTags } from './refresh-all-tags';
export type { FullRefreshReport } from './refresh-all-tags';
export { refreshSomeTags, latestThresholds } from './refresh-some-tags';
export type { TagRefreshDeps } from './refresh-support';
export { SECTOR_DISTRICTS } from './tag-sql';
export type { Thresholds } from './tag-sql';
