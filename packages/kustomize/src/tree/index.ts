export type {
  FileTree,
  TreeEntry,
  TreeEntryType,
  TreeErrorCode,
} from './FileTree';
export { TreeError, DEFAULT_MAX_FILE_BYTES } from './FileTree';
export { resolveTreePath, normaliseTreePath } from './resolveTreePath';
export { createLocalTree } from './localTree';
export { createMemoryTree } from './memoryTree';
export { compareNames } from './compareNames';
export { readTarArchive } from './tarArchive';
