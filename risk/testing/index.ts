export { generateEvents } from './generate-events';
export type { GeneratedStream, GeneratorOptions } from './generate-events';
export { Random } from './random';
export { rocAuc, precisionAtFpr } from './metrics';
export type { LabelledScore } from './metrics';
