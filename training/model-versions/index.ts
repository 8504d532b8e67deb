export { listModelVersions, loadActiveModelVersion, storeModelVersion, activateModelVersion } from './model-versions';
export type { ModelVersionSummary, NewModelVersion } from './model-versions';
export { rollbackModel } from './rollback-model';
