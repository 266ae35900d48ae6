export type * from './types';
export { KUSTOMIZATION_FILE_NAMES } from './types';
export { parseKustomizationFile } from './parseKustomizationFile';
export { replacementOf } from './fieldReaders';
