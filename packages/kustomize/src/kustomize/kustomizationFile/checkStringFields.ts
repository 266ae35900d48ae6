import { EngineProblem } from '../../problems';
import { isMap, JsonMap } from '../json';

/**
 * kustomize reads the file into typed Go structs through JSON, so a number
 * or boolean where a string belongs (`newTag: 1.10`, a label `on: yes`)
 * makes it refuse the whole kustomization. Report those at their line;
 * the renderer goes on with the values as text.
 */
export function checkStringFields(
  d: JsonMap,
  lineOf: (...path: Array<string | number>) => number,
  file: string,
  problems: EngineProblem[],
): void {
  const complain = (path: Array<string | number>, value: unknown) =>
    problems.push({
      code: 'kustomization-invalid',
      severity: 'error',
      file,
      line: lineOf(...path),
      message: `'${path.join('.')}' must be a string, not ${JSON.stringify(
        value,
      )} (quote it)`,
    });
  const map = (path: Array<string | number>, v: unknown) => {
    if (!isMap(v)) return;
    for (const [key, value] of Object.entries(v)) {
      if (typeof value !== 'string') complain([...path, key], value);
    }
  };
  const scalar = (path: Array<string | number>, v: unknown) => {
    if (v !== undefined && v !== null && typeof v !== 'string')
      complain(path, v);
  };
  map(['commonLabels'], d.commonLabels);
  map(['commonAnnotations'], d.commonAnnotations);
  for (const key of ['namespace', 'namePrefix', 'nameSuffix'])
    scalar([key], d[key]);
  if (isMap(d.generatorOptions)) {
    map(['generatorOptions', 'labels'], d.generatorOptions.labels);
    map(['generatorOptions', 'annotations'], d.generatorOptions.annotations);
  }
  const each = (field: string, check: (item: JsonMap, i: number) => void) => {
    const list = d[field];
    if (Array.isArray(list))
      list.forEach((item, i) => isMap(item) && check(item, i));
  };
  each('labels', (l, i) => map(['labels', i, 'pairs'], l.pairs));
  for (const field of ['images', 'imageTags']) {
    each(field, (img, i) => {
      for (const key of ['name', 'newName', 'newTag', 'digest'])
        scalar([field, i, key], img[key]);
    });
  }
  for (const field of ['configMapGenerator', 'secretGenerator']) {
    each(field, (g, i) => {
      if (!isMap(g.options)) return;
      map([field, i, 'options', 'labels'], g.options.labels);
      map([field, i, 'options', 'annotations'], g.options.annotations);
    });
  }
}
