import type { ModelDiff } from '@flux-portal/flux-engine';
import type { KubeObject } from '@flux-portal/kustomize';

/**
 * A computed change to the monorepo: the full new text of every file it
 * creates or edits. Nothing is written; the caller commits `files` as one
 * commit, or shows `diff` in a dry run.
 * @public
 */
export interface MonorepoChange {
  /** Path → full new content, new files and edited registration files. */
  files: Record<string, string>;
  created: string[];
  modified: string[];
  /** Unified diff of all files, `git diff` style. */
  diff: string;
  /** Entity the catalog shows after merge, e.g. `component:default/notes`. */
  entityRef: string;
  /** Objects the engine renders from the new folder (first target cluster). */
  rendered: KubeObject[];
  /**
   * What the change does to the rendered monorepo, per Flux Kustomization and
   * HelmRelease (the same diff as `flux-portal diff`); empty when refused.
   */
  renderedDiff: ModelDiff;
  /** Why the change must not be pushed; empty when it is good. */
  problems: string[];
  /** The checks the change passed, one line each (shown in previews). */
  checks?: string[];
}

/** Inputs of `flux:monorepo:add-app` that shape the files. @public */
export interface AddAppInput {
  name: string;
  /** Owner entity ref, e.g. `group:default/team-documents`. */
  owner: string;
  /** System entity ref or name; becomes `app.kubernetes.io/part-of`. */
  system?: string;
  description: string;
  image: string;
  port?: number;
  /** Replicas set by the cluster patch (`patches/replicas.yaml`). */
  replicas?: number;
  /** Entity refs the service uses: components (REST) and resources. */
  dependsOn?: string[];
  /** Clusters where the service must render; default every cluster. */
  clusters?: string[];
  /** `app.kubernetes.io/component`; default `backend`. */
  component?: string;
  istioInjection?: boolean;
}
