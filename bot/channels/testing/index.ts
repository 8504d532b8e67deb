export { EchoBot } from './echo-bot';
export { startTestServer } from './start-test-server';
