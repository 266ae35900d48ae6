export { readOrInputError } from './readOrInputError';
