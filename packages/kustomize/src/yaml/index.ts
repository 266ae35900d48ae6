export type { KubeObject } from './types';
export type { ParsedDocument, ParseResult } from './parseManifests';
export {
  parseManifests,
  MAX_ALIAS_COUNT,
  MAX_NESTING_DEPTH,
} from './parseManifests';
