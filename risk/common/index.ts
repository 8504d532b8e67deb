export { lowerBound, SortedLinks } from './sorted-links';
