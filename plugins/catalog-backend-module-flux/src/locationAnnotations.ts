/**
 * Backstage location annotations for an entity's folder: where the provider
 * read it (`managed-by-location`, `managed-by-origin-location`), the folder
 * (`source-location`) and, when the repository has a browsable URL, the
 * view and edit links of its kustomization.yaml.
 */
import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_VIEW_URL,
} from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import type { LocationAnnotator } from './mapping';
import { managedByAnnotations } from './mapping/managedByAnnotations';
import { isUrlTarget, localTargetPath } from './readMonorepoTree';

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

export function createLocationAnnotator(options: {
  target: string;
  repositoryUrl?: string;
  integrations: ScmIntegrationRegistry;
}): LocationAnnotator {
  const { target, integrations } = options;
  const managedBy = managedByAnnotations(
    isUrlTarget(target) ? `url:${target}` : `file:${localTargetPath(target)}`,
  );
  const browseBase =
    options.repositoryUrl ?? (isUrlTarget(target) ? target : undefined);
  const base = browseBase && withSlash(browseBase);
  // Looked up once: every URL built below is on the base's host, and the
  // registry's own lookup parses the URL once per integration type, which at
  // 10,000 entities costs a quarter of a second per refresh.
  const integration = base ? integrations.byUrl(base) : undefined;
  const resolveUrl = (url: string) =>
    integration
      ? integration.resolveUrl({ url, base: base! })
      : integrations.resolveUrl({ url, base: base! });

  return (folder, file) => {
    if (!base) {
      return {
        ...managedBy,
        [ANNOTATION_SOURCE_LOCATION]: `dir:${localTargetPath(
          target,
        )}/${folder}`,
      };
    }
    const folderUrl = resolveUrl(folder ? `./${folder}/` : './');
    const annotations: Record<string, string> = {
      ...managedBy,
      [ANNOTATION_SOURCE_LOCATION]: `url:${folderUrl}`,
    };
    if (file) {
      const viewUrl = resolveUrl(`./${file}`);
      annotations[ANNOTATION_VIEW_URL] = viewUrl;
      // without an integration the registry answers the URL itself
      annotations[ANNOTATION_EDIT_URL] =
        integration?.resolveEditUrl(viewUrl) ?? viewUrl;
    }
    return annotations;
  };
}
