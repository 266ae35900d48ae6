import {
  DEFAULT_MAPPING_RULES,
  folderUnderRoot,
  MappingRulesError,
  parseMappingRules,
} from './mappingRules';

describe('folderUnderRoot', () => {
  it('gives the root plus the next folder, * matching one folder', () => {
    const roots = ['kubernetes/apps/*'];
    expect(
      folderUnderRoot('kubernetes/apps/media/plex/app/helmrelease.yaml', roots),
    ).toBe('kubernetes/apps/media/plex');
    expect(
      folderUnderRoot('kubernetes/apps/media/namespace.yaml', roots),
    ).toBeUndefined();
    expect(folderUnderRoot('apps/shop/deployment.yaml', ['apps'])).toBe(
      'apps/shop',
    );
    expect(folderUnderRoot('infrastructure/x.yaml', ['apps'])).toBeUndefined();
  });
});

describe('parseMappingRules', () => {
  it('gives the defaults for no mapping', () => {
    expect(parseMappingRules(undefined, 'mapping')).toEqual(
      DEFAULT_MAPPING_RULES,
    );
  });

  it('refuses what config.d.ts does not declare, naming the key', () => {
    expect(() =>
      parseMappingRules({ overrides: { a: { kind: 'API' } } }, 'm'),
    ).toThrow(
      new MappingRulesError(
        'm.overrides.a.kind must be Component or Resource, got "API"',
      ),
    );
    expect(() =>
      parseMappingRules({ overrides: { a: { owner: 'x' } } }, 'm'),
    ).toThrow('m.overrides.a has unknown field(s) owner');
    expect(() => parseMappingRules([], 'm')).toThrow('m must be a map');
  });
});
