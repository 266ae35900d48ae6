import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
} from '@backstage/catalog-model';

/**
 * `managed-by-location` and `managed-by-origin-location` of every entity of
 * one ingestion: the location ref (`url:…`, `file:…`) it was read from. The
 * provider's entities have no Location entity of their own, so both name it.
 */
export function managedByAnnotations(location: string): Record<string, string> {
  return {
    [ANNOTATION_LOCATION]: location,
    [ANNOTATION_ORIGIN_LOCATION]: location,
  };
}
