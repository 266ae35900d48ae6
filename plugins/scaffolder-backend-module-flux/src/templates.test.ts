import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { parse } from 'yaml';
import { createAddAppAction } from './actions/addApp';
import { createAddClusterAction } from './actions/addCluster';
import { createAddInfraAction } from './actions/addInfra';
import { createForgeFactory } from './forge/createForgeClient';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const TEMPLATES = path.join(
  REPO_ROOT,
  'plugins/scaffolder-backend-module-flux/templates',
);

const forges = createForgeFactory(
  ScmIntegrations.fromConfig(mockServices.rootConfig({ data: {} })),
);
const ACTIONS = new Map(
  [
    createAddAppAction({ forges }),
    createAddInfraAction({ forges }),
    createAddClusterAction({ forges }),
  ].map(a => [a.id, a]),
);

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
}

const files = fs.readdirSync(TEMPLATES).filter(f => f.endsWith('.yaml'));
const PARAM = /^\$\{\{\s*parameters\.(\w+)\s*\}\}$/;
/** Every step's repoUrl: the repo picker's value when "forge" is chosen, else the demo's git server. */
const REPO_URL_INPUT =
  "${{ parameters.repoUrl if parameters.target == 'forge' else 'local-git?owner=demo&repo=flux-monorepo' }}";

/** Every `${{ steps.<id>.output.<name> }}` in a text. */
const stepOutputs = (text: string) =>
  [...text.matchAll(/steps\.([\w-]+)\.output\.(\w+)/g)].map(m => [m[1], m[2]]);

function typesOf(schema: JsonSchema): string[] {
  const types = Array.isArray(schema.type)
    ? schema.type
    : [schema.type ?? 'any'];
  return types.map(t => (t === 'integer' ? 'number' : t));
}

describe('the templates the package ships', () => {
  it('holds the three templates', () => {
    expect(files.sort()).toEqual([
      'new-cluster.yaml',
      'new-infrastructure-component.yaml',
      'new-service.yaml',
    ]);
  });

  it('are registered in app-config.yaml as Template locations', () => {
    const config = parse(
      fs.readFileSync(path.join(REPO_ROOT, 'app-config.yaml'), 'utf8'),
    );
    const location = config.catalog.locations.find(
      (l: any) =>
        l.target ===
        '../../plugins/scaffolder-backend-module-flux/templates/*.yaml',
    );
    expect(location).toMatchObject({
      type: 'file',
      rules: [{ allow: ['Template'] }],
    });
  });

  describe.each(files)('%s', file => {
    const template = parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8'));
    const pages: JsonSchema[] = template.spec.parameters;
    const properties: Record<string, JsonSchema> = Object.assign(
      {},
      ...pages.map(p => p.properties),
    );
    // Fields shown depending on another one (the repo picker for "forge").
    const dependent: Record<string, JsonSchema> = Object.assign(
      {},
      ...pages.flatMap(p =>
        Object.values<any>((p as any).dependencies ?? {}).flatMap(d =>
          (d.oneOf ?? []).map((o: JsonSchema) => o.properties),
        ),
      ),
    );
    const required = new Set(pages.flatMap(p => p.required ?? []));

    it('is a valid scaffolder v1beta3 Template entity', async () => {
      await expect(
        templateEntityV1beta3Validator.check(template),
      ).resolves.toBe(true);
    });

    it('runs only actions of this module, with every required input from a required parameter of a matching type', () => {
      for (const step of template.spec.steps) {
        const action = ACTIONS.get(step.action);
        expect({
          step: step.id,
          action: step.action,
          known: action !== undefined,
        }).toEqual({ step: step.id, action: step.action, known: true });
        const schema = action!.schema!.input as JsonSchema;
        const inputs = Object.keys(step.input);
        expect(inputs.filter(i => !(i in schema.properties!))).toEqual([]);
        expect(
          (schema.required ?? []).filter(r => !inputs.includes(r)),
        ).toEqual([]);
        // Literals only where the step itself decides: the preview's `push: false`.
        const literals = Object.entries<unknown>(step.input).filter(
          ([, value]) => typeof value !== 'string',
        );
        expect(literals).toEqual(step.id === 'plan' ? [['push', false]] : []);
        // The repository: the demo's git server, or the repo picker's choice.
        expect(step.input.repoUrl).toBe(REPO_URL_INPUT);
        for (const [input, value] of Object.entries<string>(step.input)) {
          if (input === 'push' || input === 'repoUrl') continue;
          const param = PARAM.exec(value)?.[1];
          expect({
            input,
            param: param && param in properties ? 'declared' : value,
          }).toEqual({ input, param: 'declared' });
          const actionTypes = typesOf(schema.properties![input]);
          expect({
            input,
            types: typesOf(properties[param!]).filter(
              t => !actionTypes.includes(t),
            ),
          }).toEqual({ input, types: [] });
          const needed = schema.required?.includes(input) ?? false;
          const given =
            required.has(param!) || properties[param!].default !== undefined;
          expect({ input, missing: needed && !given }).toEqual({
            input,
            missing: false,
          });
        }
      }
    });

    it('shows outputs the action gives and links the pull request', () => {
      const outputs = stepOutputs(JSON.stringify(template.spec.output));
      expect(outputs.length).toBeGreaterThan(0);
      for (const [stepId, name] of outputs) {
        const step = template.spec.steps.find((s: any) => s.id === stepId);
        const schema = ACTIONS.get(step.action)!.schema!.output as JsonSchema;
        expect({ name, known: name in schema.properties! }).toEqual({
          name,
          known: true,
        });
      }
      expect(template.spec.output.links[0].url).toMatch(
        /steps\.add\.output\.pullRequestUrl/,
      );
    });

    it('first previews the change (nothing pushed), then pushes it with the same inputs unless "Preview only"', () => {
      const [plan, add, ...rest] = template.spec.steps;
      expect(rest).toEqual([]);
      expect({ id: plan.id, push: plan.input.push, if: plan.if }).toEqual({
        id: 'plan',
        push: false,
        if: undefined,
      });
      expect({ id: add.id, if: add.if, action: add.action }).toEqual({
        id: 'add',
        if: '${{ not parameters.previewOnly }}',
        action: plan.action,
      });
      expect({ ...plan.input, push: undefined }).toEqual({
        ...add.input,
        push: undefined,
      });
      expect(properties.previewOnly).toMatchObject({
        type: 'boolean',
        default: false,
      });
      const texts = JSON.stringify(template.spec.output.text);
      expect(texts).toContain('steps.plan.output.preview');
      expect(texts).toContain('steps.add.output.summary');
    });

    it('picks the repository with the repo picker and the owner with the owner picker', () => {
      const field = (name: string) =>
        (properties[name] as Record<string, unknown> | undefined)?.['ui:field'];
      expect(
        (dependent.repoUrl as Record<string, unknown> | undefined)?.[
          'ui:field'
        ],
      ).toBe('RepoUrlPicker');
      // the demo's git server is the default; the picker only for GitHub/GitLab
      expect(properties.target).toMatchObject({
        enum: ['local-git', 'forge'],
        default: 'local-git',
      });
      expect(field('owner') ?? 'OwnerPicker').toBe('OwnerPicker');
    });
  });
});
