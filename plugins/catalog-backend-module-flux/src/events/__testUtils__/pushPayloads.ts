/**
 * Push events of each forge for the tests, shaped like the forges' webhook
 * payloads (their documented examples, cut to a realistic subset) on the
 * topics the events backend's modules publish them.
 */
import type { PushEvent } from '../pushMatch';
import { pushedBranchesOf, pushMatchesTarget } from '../pushMatch';

const SHA_A = '5f2b9c0e4a1d8e7f6c3b2a1d0e9f8a7b6c5d4e3f';
const SHA_B = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b';
export const NULL_SHA = '0'.repeat(40);

/** Whether the event refreshes a provider of this target (the subscriber's rule). */
export function matches(target: string, event: PushEvent): boolean {
  return pushedBranchesOf(event).some(pushed =>
    pushMatchesTarget(target, pushed),
  );
}

/** GitHub's `push` webhook (topic `github.push`); `htmlBase` for GitHub Enterprise. */
export function githubPush(
  fullName: string,
  ref: string,
  extra: object = {},
  htmlBase = 'https://github.com',
): PushEvent {
  return {
    topic: 'github.push',
    eventPayload: {
      ref,
      before: SHA_A,
      after: SHA_B,
      created: false,
      deleted: false,
      forced: false,
      repository: {
        name: fullName.split('/')[1],
        full_name: fullName,
        html_url: `${htmlBase}/${fullName}`,
        clone_url: `${htmlBase}/${fullName}.git`,
        default_branch: 'main',
      },
      ...extra,
    },
    metadata: { 'x-github-event': 'push' },
  };
}

/** GitLab's push hook (topic `gitlab.push`); `webBase` for a self-hosted GitLab. */
export function gitlabPush(
  pathWithNamespace: string,
  ref: string,
  extra: object = {},
  webBase = 'https://gitlab.com',
): PushEvent {
  return {
    topic: 'gitlab.push',
    eventPayload: {
      object_kind: 'push',
      event_name: 'push',
      ref,
      before: SHA_A,
      after: SHA_B,
      project: {
        path_with_namespace: pathWithNamespace,
        web_url: `${webBase}/${pathWithNamespace}`,
        default_branch: 'main',
      },
      repository: { homepage: `${webBase}/${pathWithNamespace}` },
      ...extra,
    },
    metadata: { 'x-gitlab-event': 'Push Hook' },
  };
}

/**
 * Gitea's push webhook through the events backend's HTTP ingress (topic
 * `gitea`, the request's headers as metadata).
 */
export function giteaPush(
  fullName: string,
  ref: string,
  options: {
    extra?: object;
    event?: string;
    base?: string;
  } = {},
): PushEvent {
  const {
    extra = {},
    event = 'push',
    base = 'https://gitea.example.com',
  } = options;
  return {
    topic: 'gitea',
    eventPayload: {
      ref,
      before: SHA_A,
      after: SHA_B,
      compare_url: `${base}/${fullName}/compare/${SHA_A}...${SHA_B}`,
      commits: [{ id: SHA_B, message: 'bump podinfo\n' }],
      total_commits: 1,
      repository: {
        id: 7,
        owner: { login: fullName.split('/')[0] },
        name: fullName.split('/')[1],
        full_name: fullName,
        html_url: `${base}/${fullName}`,
        clone_url: `${base}/${fullName}.git`,
        default_branch: 'main',
      },
      pusher: { login: 'flux-bot' },
      ...extra,
    },
    metadata: {
      'content-type': 'application/json',
      'x-gitea-delivery': 'f6266f16-1bf3-46a5-9ea4-602e06ead473',
      'x-gitea-event': event,
      'x-gitea-event-type': event,
      'x-github-event': event,
      'x-gogs-event': event,
    },
  };
}

/** A change of a Bitbucket Cloud push: `[type, name]` pushed, or null for a deleted branch. */
type BitbucketCloudChange = ['branch' | 'tag', string] | null;

/** Bitbucket Cloud's `repo:push` webhook (topic `bitbucketCloud.repo:push`). */
export function bitbucketCloudPush(
  fullName: string,
  changes: BitbucketCloudChange[],
  htmlHref = `https://bitbucket.org/${fullName}`,
): PushEvent {
  const ref = (type: string, name: string, hash: string) => ({
    type,
    name,
    target: { type: 'commit', hash },
    links: {
      html: { href: `${htmlHref}/branch/${name}` },
    },
  });
  return {
    topic: 'bitbucketCloud.repo:push',
    eventPayload: {
      actor: { type: 'user', display_name: 'Flux Bot' },
      repository: {
        type: 'repository',
        name: fullName.split('/')[1],
        full_name: fullName,
        workspace: { type: 'workspace', slug: fullName.split('/')[0] },
        uuid: '{4ef3c2a1-0b7d-4e2b-9f1c-2d3e4f5a6b7c}',
        links: {
          self: {
            href: `https://api.bitbucket.org/2.0/repositories/${fullName}`,
          },
          html: { href: htmlHref },
        },
        scm: 'git',
        is_private: true,
      },
      push: {
        changes: changes.map(change =>
          change === null
            ? {
                new: null,
                old: ref('branch', 'old-branch', SHA_A),
                created: false,
                closed: true,
                forced: false,
                truncated: false,
              }
            : {
                new: ref(change[0], change[1], SHA_B),
                old: ref(change[0], change[1], SHA_A),
                created: false,
                closed: false,
                forced: false,
                truncated: false,
                commits: [{ type: 'commit', hash: SHA_B }],
              },
        ),
      },
    },
    metadata: { 'x-event-key': 'repo:push' },
  };
}

/** One `changes[]` entry of a Bitbucket Server push: its ref and change type. */
type BitbucketServerChange = [string, 'ADD' | 'UPDATE' | 'DELETE'];

/** Bitbucket Server / Data Center's `repo:refs_changed` webhook (topic `bitbucketServer.repo:refs_changed`). */
export function bitbucketServerPush(
  projectKey: string,
  slug: string,
  changes: BitbucketServerChange[],
  base = 'https://bitbucket.example.com',
): PushEvent {
  return {
    topic: 'bitbucketServer.repo:refs_changed',
    eventPayload: {
      eventKey: 'repo:refs_changed',
      date: '2026-11-30T09:45:32+0000',
      actor: { name: 'flux-bot', slug: 'flux-bot', type: 'NORMAL' },
      repository: {
        slug,
        id: 84,
        name: slug,
        scmId: 'git',
        state: 'AVAILABLE',
        project: {
          key: projectKey,
          id: 84,
          name: projectKey,
          type: 'NORMAL',
          links: { self: [{ href: `${base}/projects/${projectKey}` }] },
        },
        links: {
          clone: [
            {
              href: `ssh://git@${
                new URL(base).host
              }:7999/${projectKey.toLowerCase()}/${slug}.git`,
              name: 'ssh',
            },
            {
              href: `${base}/scm/${projectKey.toLowerCase()}/${slug}.git`,
              name: 'http',
            },
          ],
          self: [
            { href: `${base}/projects/${projectKey}/repos/${slug}/browse` },
          ],
        },
      },
      changes: changes.map(([refId, type]) => ({
        ref: {
          id: refId,
          displayId: refId.replace(/^refs\/(heads|tags)\//, ''),
          type: refId.startsWith('refs/tags/') ? 'TAG' : 'BRANCH',
        },
        refId,
        fromHash: type === 'ADD' ? NULL_SHA : SHA_A,
        toHash: type === 'DELETE' ? NULL_SHA : SHA_B,
        type,
      })),
    },
    metadata: { 'x-event-key': 'repo:refs_changed' },
  };
}

/** Azure DevOps' `git.push` service hook (topic `azureDevOps.git.push`): `refUpdates` as `[ref, newObjectId]`. */
export function azureDevOpsPush(
  remoteUrl: string,
  refUpdates: [string, string?][],
  defaultBranch: string | undefined = 'refs/heads/main',
): PushEvent {
  return {
    topic: 'azureDevOps.git.push',
    eventPayload: {
      subscriptionId: '00000000-0000-0000-0000-000000000000',
      notificationId: 3,
      id: '03c164c2-8912-4d5e-8009-3707d5f83734',
      eventType: 'git.push',
      publisherId: 'tfs',
      message: { text: 'Flux Bot pushed updates to platform:main.' },
      resource: {
        commits: [{ commitId: SHA_B, comment: 'bump podinfo' }],
        refUpdates: refUpdates.map(([name, newObjectId = SHA_B]) => ({
          name,
          oldObjectId: SHA_A,
          newObjectId,
        })),
        repository: {
          id: '278d5cd2-584d-4b63-824a-2ba458937249',
          name: remoteUrl.split('/').pop(),
          url: 'https://dev.azure.com/acme/_apis/git/repositories/278d5cd2-584d-4b63-824a-2ba458937249',
          project: {
            id: '6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c',
            name: 'Infra',
            state: 'wellFormed',
          },
          defaultBranch,
          remoteUrl,
        },
        pushedBy: { displayName: 'Flux Bot' },
        pushId: 14,
        date: '2026-11-30T09:45:32Z',
      },
      resourceVersion: '1.0',
    },
  };
}
