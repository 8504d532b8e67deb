export { Random } from './seeded-random';
