/** The forges of refresh on push, one file each. */
import { azureDevOps } from './azureDevOps';
import { bitbucketCloud } from './bitbucketCloud';
import { bitbucketServer } from './bitbucketServer';
import { gitea } from './gitea';
import { github, gitlab } from './github';
import type { Forge } from './types';

export const FORGES: readonly Forge[] = [
  github,
  gitlab,
  gitea,
  bitbucketCloud,
  bitbucketServer,
  azureDevOps,
];

export type {
  EventMetadata,
  Forge,
  ForgeId,
  PushedBranch,
  TargetRef,
} from './types';
