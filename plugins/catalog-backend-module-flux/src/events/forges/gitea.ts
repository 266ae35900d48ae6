/**
 * Gitea: no events module of Backstage's reads Gitea webhooks. The events
 * backend's HTTP ingress (`events.http.topics: [gitea]`) publishes them on
 * topic `gitea` with the request's headers as metadata: a push is one whose
 * `X-Gitea-Event` header is `push`. Its payload is GitHub-shaped.
 */
import { githubShapedPush } from './github';
import { EventMetadata, Forge } from './types';

/** The value of a header in the event's metadata (Node gives header names lower-cased). */
function header(metadata: EventMetadata, name: string): string | undefined {
  const value = metadata[name];
  return Array.isArray(value) ? value[0] : value;
}

export const gitea: Forge = {
  id: 'gitea',
  topic: 'gitea',
  pushedBranches(payload, metadata) {
    if (header(metadata, 'x-gitea-event')?.toLowerCase() !== 'push') return [];
    return githubShapedPush('gitea', payload);
  },
  // `…/<owner>/<repo>/src/branch/<branch>/<path>` (Backstage's Gitea URL reader); `src/tag`, `src/commit` name no branch.
  targetRef(rest) {
    if (rest.length === 0) return { kind: 'default' };
    if (rest[0] !== 'src' || rest[1] !== 'branch') return undefined;
    return { kind: 'refAndPath', refAndPath: rest.slice(2).join('/') };
  },
};
