export { TAG_DEFINITIONS, TAG_KINDS, RFM_GROUPS, DEFINITIONS_VERSION, WINDOWS, tagDefinition } from './tag-definitions';
export type { TagDefinition, TagKind } from './tag-definitions';
export { refreshAllTags, refreshSomeTags, latestThresholds } from './refresh-tags';
export type { TagRefreshDeps, FullRefreshReport } from './refresh-tags';
export { SECTOR_DISTRICTS } from './tag-sql';
export type { Thresholds } from './tag-sql';
