/**
 * Location annotations without Backstage's SCM integrations, for
 * `flux-portal entities`. For a local folder they are the values the catalog
 * module writes for a folder `target`: managed-by locations at the repository
 * root, the source location at the entity's folder. For a URL (`--target`)
 * the folder is resolved against it; view/edit links need the catalog's SCM
 * integrations and are left to the catalog module.
 */
import type { LocationAnnotator } from './types';

export function localLocationAnnotator(rootDir: string): LocationAnnotator {
  const root = rootDir.replace(/\/+$/, '');
  const location = `file:${root}`;
  return folder => ({
    'backstage.io/managed-by-location': location,
    'backstage.io/managed-by-origin-location': location,
    'backstage.io/source-location': `dir:${root}/${folder}`,
  });
}

export function urlLocationAnnotator(target: string): LocationAnnotator {
  const base = target.endsWith('/') ? target : `${target}/`;
  const location = `url:${target}`;
  return folder => ({
    'backstage.io/managed-by-location': location,
    'backstage.io/managed-by-origin-location': location,
    'backstage.io/source-location': `url:${
      new URL(folder ? `./${folder}/` : './', base).href
    }`,
  });
}
