import { TreeError } from './FileTree';

/** Anything but plain `a/b/c`: `.`/`..` segments, empty segments, absolute or drive paths, backslashes. */
const NEEDS_WALK = /(^|\/)\.{1,2}(\/|$)|\/\/|^\/|\/$|\\|^[A-Za-z]:/;

/**
 * Joins `relative` onto the tree-relative `baseDir` and normalises the result
 * ('' = root). Absolute paths and '..' segments climbing above the root are
 * refused with TreeError('path-escape'): a tree never hands out paths outside
 * itself, whatever a kustomization file says.
 * @public
 */
export function resolveTreePath(baseDir: string, relative: string): string {
  // The common case — a plain relative path — needs no segment walk.
  if (relative !== '' && !NEEDS_WALK.test(relative))
    return baseDir === '' ? relative : `${baseDir}/${relative}`;
  if (
    relative.startsWith('/') ||
    /^[A-Za-z]:[\\/]/.test(relative) ||
    relative.startsWith('\\')
  ) {
    throw new TreeError(
      'path-escape',
      relative,
      `absolute path '${relative}' is not allowed; paths must be relative to the tree`,
    );
  }
  const segments = baseDir === '' ? [] : baseDir.split('/');
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) {
        throw new TreeError(
          'path-escape',
          relative,
          `path '${relative}' from '${baseDir || '.'}' escapes the tree root`,
        );
      }
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  return segments.join('/');
}

/** Normalises a tree path given by a caller (tolerates './' and trailing '/'). @public */
export function normaliseTreePath(path: string): string {
  return resolveTreePath('', path);
}
