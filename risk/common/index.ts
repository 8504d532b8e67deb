export { lowerBound, SortedLinks } from './sorted-links';
export { memoise } from './memoise';
