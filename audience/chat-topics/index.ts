export { createChatTopics } from './chat-topic-recorder';
export type { ChatTopics, ChatTopicMemory, ChatTopicDeps } from './chat-topic-recorder';
export { chatTopicOf, LINK_MS, MAX_EARLIER_TOPICS } from './chat-topic-rules';
export { insertChatTopics, chatTopicsOf, deleteChatTopicsOf } from './chat-topic-store';
export { audienceRetentionTargets } from './chat-topic-retention';
