export { assembleCorpus } from './assemble-corpus';
export type { CorpusSources, CorpusOptions, TrainingCorpus, LabelledTurn, ConfidentTurn } from './assemble-corpus';
export { holdOutByIntent } from './hold-out';
export type { HoldOutOptions } from './hold-out';
export { loadCorpusSources } from './load-corpus-sources';
export type { LoadCorpusOptions } from './load-corpus-sources';
