export { followKustomizations } from './followKustomizations';
export type * from './types';
