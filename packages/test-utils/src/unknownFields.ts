import path from 'node:path';
import ts from 'typescript';

/*
 * The JSON schemas generated into kubernetes-models accept any extra field,
 * so a misspelt `redinessProbe` or `intreval` would pass them; kubectl and
 * the API server (strict field validation) would not. The same packages
 * ship TypeScript declarations listing every field of every kind, so this
 * walks an object against the declared interface with the TypeScript
 * checker and reports the fields the interface does not have.
 */

// apiVersion → module whose declarations export `I<Kind>` interfaces.
export const MODEL_MODULES: Record<string, string> = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'batch/v1': 'kubernetes-models/batch/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
  'policy/v1': 'kubernetes-models/policy/v1',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'rbac.authorization.k8s.io/v1':
    'kubernetes-models/rbac.authorization.k8s.io/v1',
  'storage.k8s.io/v1': 'kubernetes-models/storage.k8s.io/v1',
  'scheduling.k8s.io/v1': 'kubernetes-models/scheduling.k8s.io/v1',
  'apiextensions.k8s.io/v1': 'kubernetes-models/apiextensions.k8s.io/v1',
  'admissionregistration.k8s.io/v1':
    'kubernetes-models/admissionregistration.k8s.io/v1',
  'helm.toolkit.fluxcd.io/v2':
    '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2',
  'kustomize.toolkit.fluxcd.io/v1':
    '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1',
  'source.toolkit.fluxcd.io/v1':
    '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1',
  'source.toolkit.fluxcd.io/v1beta2':
    '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1beta2',
  'notification.toolkit.fluxcd.io/v1':
    '@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1',
  'notification.toolkit.fluxcd.io/v1beta3':
    '@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1beta3',
  'cert-manager.io/v1': '@kubernetes-models/cert-manager/cert-manager.io/v1',
  'acme.cert-manager.io/v1':
    '@kubernetes-models/cert-manager/acme.cert-manager.io/v1',
  'networking.istio.io/v1': '@kubernetes-models/istio/networking.istio.io/v1',
  'networking.istio.io/v1beta1':
    '@kubernetes-models/istio/networking.istio.io/v1beta1',
  'security.istio.io/v1': '@kubernetes-models/istio/security.istio.io/v1',
  'security.istio.io/v1beta1':
    '@kubernetes-models/istio/security.istio.io/v1beta1',
};

// A virtual file in this package, so module resolution finds its deps.
const ENTRY = path.join(
  // Only ever run from the source checkout, as a test helper.
  // eslint-disable-next-line no-restricted-syntax
  __dirname,
  '__declared_kinds__.ts',
);

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

interface Declared {
  program?: ts.Program;
  kinds: string[];
  types: Map<string, ts.Type>;
  sources: Map<string, ts.SourceFile | undefined>;
}

const declared: Declared = { kinds: [], types: new Map(), sources: new Map() };

function entrySource(kinds: string[]): string {
  return kinds
    .map((key, i) => {
      const kind = key.slice(key.lastIndexOf('/') + 1);
      const module = MODEL_MODULES[key.slice(0, key.lastIndexOf('/'))];
      return `import type { I${kind} as T${i} } from '${module}';\nexport type K${i} = T${i};\n`;
    })
    .join('');
}

// The declared interface of apiVersion/kind; the program grows as new kinds
// are asked for, reusing the declaration files parsed before.
function declaredType(apiVersion: string, kind: string): ts.Type | undefined {
  const key = `${apiVersion}/${kind}`;
  if (!MODEL_MODULES[apiVersion] || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    return undefined;
  }
  if (declared.kinds.includes(key)) return declared.types.get(key);
  const kinds = [...declared.kinds, key];
  const host = ts.createCompilerHost(OPTIONS);
  const source = entrySource(kinds);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, languageVersion) => {
    if (file === ENTRY)
      return ts.createSourceFile(file, source, languageVersion);
    if (!declared.sources.has(file)) {
      declared.sources.set(file, getSourceFile(file, languageVersion));
    }
    return declared.sources.get(file);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = file => file === ENTRY || fileExists(file);
  const program = ts.createProgram([ENTRY], OPTIONS, host, declared.program);
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(
    program.getSourceFile(ENTRY)!,
  );
  declared.types.clear();
  for (const symbol of checker.getExportsOfModule(moduleSymbol!)) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    // An import that does not resolve (no such kind) gives the error type.
    if (!(type.flags & ts.TypeFlags.Any)) {
      declared.types.set(kinds[Number(symbol.name.slice(1))], type);
    }
  }
  declared.program = program;
  declared.kinds = kinds;
  return declared.types.get(key);
}

function walk(
  checker: ts.TypeChecker,
  value: unknown,
  type: ts.Type,
  at: string,
  out: string[],
): void {
  if (value === null || value === undefined || typeof value !== 'object')
    return;
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
  if (type.isUnion()) {
    const objects = type.types.filter(
      t => t.flags & ts.TypeFlags.Object && !(t.flags & ts.TypeFlags.Null),
    );
    const fitting = objects.filter(
      t => checker.isArrayType(t) === Array.isArray(value),
    );
    // Only an unambiguous member can say a field is unknown.
    if (fitting.length === 1) walk(checker, value, fitting[0], at, out);
    return;
  }
  if (Array.isArray(value)) {
    if (checker.isArrayType(type)) {
      const element = checker.getTypeArguments(type as ts.TypeReference)[0];
      value.forEach((item, i) =>
        walk(checker, item, element, `${at}[${i}]`, out),
      );
    }
    return;
  }
  const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
  if (index) {
    for (const [key, item] of Object.entries(value)) {
      walk(checker, item, index.type, `${at}.${key}`, out);
    }
    return;
  }
  const properties = checker.getPropertiesOfType(type);
  // `{}` is how the models declare free-form JSON (e.g. Helm values).
  if (properties.length === 0) return;
  const byName = new Map(properties.map(p => [p.name, p]));
  for (const [key, item] of Object.entries(value)) {
    const property = byName.get(key);
    if (!property) {
      out.push(`${at}.${key}: unknown field`);
      continue;
    }
    const propertyType = checker.getNonNullableType(
      checker.getTypeOfSymbol(property),
    );
    walk(checker, item, propertyType, `${at}.${key}`, out);
  }
}

/**
 * Fields of an object its kind does not declare, as `path: unknown field`
 * (path starting at the kind, e.g. `Deployment.spec.template…`). Empty for
 * kinds without declarations. The first call loads the declarations of the
 * kinds seen (a few seconds); later calls are fast.
 */
export function findUnknownFields(obj: {
  apiVersion?: unknown;
  kind?: unknown;
}): string[] {
  if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string')
    return [];
  const type = declaredType(obj.apiVersion, obj.kind);
  if (!type) return [];
  const out: string[] = [];
  walk(declared.program!.getTypeChecker(), obj, type, obj.kind, out);
  return out;
}
