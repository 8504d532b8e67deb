export { createSecretBox } from './secret-box';
export type { SecretBox } from './secret-box';
