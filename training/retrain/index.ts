export { createRetrainer } from './retrain-shop';
export type { Retrainer, RetrainDeps, RetrainOptions, RetrainResult, TrainedModel } from './retrain-shop';
export { startTrainingRun, finishTrainingRun, failTrainingRun, listTrainingRuns } from './training-runs';
export type { TrainingTrigger, RunOutcome } from './training-runs';
export { trainingLanguages } from './training-languages';
