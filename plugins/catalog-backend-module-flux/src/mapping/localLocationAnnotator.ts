/**
 * Location annotations without Backstage's SCM integrations, for
 * `flux-portal entities`. For a local folder they are the values the catalog
 * module writes for a folder `target`: managed-by locations at the repository
 * root, the source location at the entity's folder. For a URL (`--target`)
 * the folder is resolved against it; view/edit links need the catalog's SCM
 * integrations and are left to the catalog module.
 */
import { ANNOTATION_SOURCE_LOCATION } from '@backstage/catalog-model';
import { managedByAnnotations } from './managedByAnnotations';
import type { LocationAnnotator } from './types';

/** @public */
export function localLocationAnnotator(rootDir: string): LocationAnnotator {
  const root = rootDir.replace(/\/+$/, '');
  const managedBy = managedByAnnotations(`file:${root}`);
  return folder => ({
    ...managedBy,
    [ANNOTATION_SOURCE_LOCATION]: `dir:${root}/${folder}`,
  });
}

/** @public */
export function urlLocationAnnotator(target: string): LocationAnnotator {
  const base = target.endsWith('/') ? target : `${target}/`;
  const managedBy = managedByAnnotations(`url:${target}`);
  return folder => ({
    ...managedBy,
    [ANNOTATION_SOURCE_LOCATION]: `url:${
      new URL(folder ? `./${folder}/` : './', base).href
    }`,
  });
}
