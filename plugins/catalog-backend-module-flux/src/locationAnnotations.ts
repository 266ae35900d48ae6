/**
 * Backstage location annotations for an entity's folder: where the provider
 * read it (`managed-by-location`, `managed-by-origin-location`), the folder
 * (`source-location`) and, when the repository has a browsable URL, the
 * view and edit links of its kustomization.yaml.
 */
import { ScmIntegrationRegistry } from '@backstage/integration';
import type { LocationAnnotator } from './mapping';
import { isUrlTarget, localTargetPath } from './readMonorepoTree';

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

export function createLocationAnnotator(options: {
  target: string;
  repositoryUrl?: string;
  integrations: ScmIntegrationRegistry;
}): LocationAnnotator {
  const { target, integrations } = options;
  const location = isUrlTarget(target)
    ? `url:${target}`
    : `file:${localTargetPath(target)}`;
  const browseBase =
    options.repositoryUrl ?? (isUrlTarget(target) ? target : undefined);

  return (folder, file) => {
    const annotations: Record<string, string> = {
      'backstage.io/managed-by-location': location,
      'backstage.io/managed-by-origin-location': location,
    };
    if (!browseBase) {
      annotations['backstage.io/source-location'] = `dir:${localTargetPath(
        target,
      )}/${folder}`;
      return annotations;
    }
    const base = withSlash(browseBase);
    const folderUrl = integrations.resolveUrl({
      url: folder ? `./${folder}/` : './',
      base,
    });
    annotations['backstage.io/source-location'] = `url:${folderUrl}`;
    if (file) {
      const viewUrl = integrations.resolveUrl({ url: `./${file}`, base });
      annotations['backstage.io/view-url'] = viewUrl;
      annotations['backstage.io/edit-url'] =
        integrations.resolveEditUrl(viewUrl);
    }
    return annotations;
  };
}
