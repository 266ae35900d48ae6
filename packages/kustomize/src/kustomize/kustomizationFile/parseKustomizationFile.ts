import { EngineProblem } from '../../problems';
import { isMap } from '../json';
import { checkStringFields } from './checkStringFields';
import {
  generatorOf,
  imageOf,
  optionsOf,
  replacementOf,
  sortOptionsOf,
  str,
  stringMap,
} from './fieldReaders';
import { labelsOf } from './labelsOf';
import { locatedListReader } from './locatedList';
import { patchesOf } from './patchesOf';
import { readYamlMapping } from './readYamlMapping';
import type { Kustomization } from './types';

// Fields kustomize has that this renderer does not run: warned about, not lost silently.
const UNSUPPORTED = [
  'vars',
  'helmCharts',
  'helmGlobals',
  'generators',
  'transformers',
  'validators',
  'crds',
  'configurations',
  'openapi',
  'buildMetadata',
];

/**
 * Parses a kustomization file. Returns undefined (with problems) when the file
 * is not a YAML mapping; unknown or unsupported fields become warnings.
 */
export function parseKustomizationFile(
  bytes: Buffer,
  file: string,
  dir: string,
  problems: EngineProblem[],
): Kustomization | undefined {
  const read = readYamlMapping(bytes, file, problems);
  if (!read) return undefined;
  const { data: d, lineOf } = read;
  const located = locatedListReader(file, lineOf, problems);
  for (const key of UNSUPPORTED) {
    if (d[key] !== undefined) {
      problems.push({
        code: 'unsupported-field',
        severity: 'warning',
        file,
        line: lineOf(key),
        message: `kustomization field '${key}' is not supported by the in-process renderer and was ignored`,
      });
    }
  }
  checkStringFields(d, lineOf, file, problems);
  const kind = str(d.kind);
  const k: Kustomization = {
    file,
    dir,
    isComponent: kind === 'Component',
    resources: [
      ...located('resources', d.resources, v => str(v)),
      ...located('bases', d.bases, v => str(v)),
    ],
    components: located('components', d.components, v => str(v)),
    patches: patchesOf(d, located),
    namespace: str(d.namespace) || undefined,
    namePrefix: str(d.namePrefix) || undefined,
    nameSuffix: str(d.nameSuffix) || undefined,
    labels: labelsOf(d, file, lineOf, problems),
    commonAnnotations: stringMap(d.commonAnnotations),
    images: [
      ...located('images', d.images, imageOf),
      ...located('imageTags', d.imageTags, imageOf),
    ],
    replicas: located('replicas', d.replicas, v =>
      isMap(v) &&
      typeof v.name === 'string' &&
      v.count !== undefined &&
      !Number.isNaN(Number(v.count))
        ? { name: v.name, count: Number(v.count) }
        : undefined,
    ),
    generators: [
      ...located('configMapGenerator', d.configMapGenerator, v =>
        generatorOf(v, 'ConfigMap'),
      ),
      ...located('secretGenerator', d.secretGenerator, v =>
        generatorOf(v, 'Secret'),
      ),
    ],
    generatorOptions: optionsOf(d.generatorOptions),
    replacements: located('replacements', d.replacements, replacementOf),
    sortOptions: sortOptionsOf(
      d.sortOptions,
      () => lineOf('sortOptions'),
      file,
      problems,
    ),
  };
  return k;
}
