export { pseudonymizeWithKey } from './pseudonymize-with-key';
