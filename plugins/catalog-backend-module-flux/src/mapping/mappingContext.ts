/**
 * What every step of the mapping needs besides the model: the options
 * resolved once, and where the problems it finds go.
 */
import type { EngineProblem } from '@flux-portal/kustomize';
import { CodeownerRule, parseCodeowners } from './codeowners';
import { defaultNamespaceRef, ownerRef } from './entityRefs';
import type { EntityMappingOptions, LocationAnnotator } from './types';

/** Owner of what names none, when the options give no `defaultOwner`. */
const DEFAULT_OWNER = defaultNamespaceRef('group', 'platform-team');

export interface MappingContext {
  /** owner ref of entities that name none (annotation, CODEOWNERS) */
  defaultOwner: string;
  codeowners: CodeownerRule[];
  locate: LocationAnnotator;
  /** clusters to map; undefined for all */
  clusters?: ReadonlySet<string>;
  /** what could not be mapped as written, reported beside the entities */
  problems: EngineProblem[];
}

export function mappingContext(options: EntityMappingOptions): MappingContext {
  return {
    defaultOwner: ownerRef(options.defaultOwner ?? DEFAULT_OWNER),
    codeowners: options.codeowners ? parseCodeowners(options.codeowners) : [],
    locate: options.locationAnnotations ?? (() => ({})),
    clusters: options.clusters?.length ? new Set(options.clusters) : undefined,
    problems: [],
  };
}
