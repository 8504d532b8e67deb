export { sharedDefaultModels, memoryLogger, RecordingSender, testRuntime, buyerChat, texts, actions, insertOrder } from './bot-test-kit';
