import os from 'node:os';
import { mockServices } from '@backstage/backend-test-utils';

/**
 * A minimal scaffolder ActionContext. `createMockActionContext` lives in
 * @backstage/plugin-scaffolder-node-test-utils, whose newest release
 * (0.3.14) still targets plugin-scaffolder-node 0.13 while this repo runs
 * 1.0, so the few fields the actions use are provided here.
 */
export function mockActionContext<TInput>(
  input: TInput,
  options: {
    workspacePath: string;
    isDryRun?: boolean;
  },
) {
  const outputs: Record<string, unknown> = {};
  const ctx = {
    input,
    workspacePath: options.workspacePath,
    isDryRun: options.isDryRun,
    logger: mockServices.logger.mock(),
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
    checkpoint: async ({ fn }: { fn: () => unknown }) => fn(),
    createTemporaryDirectory: async () => os.tmpdir(),
    getInitiatorCredentials: async () => {
      throw new Error('no credentials in tests');
    },
    task: { id: 'task-1' },
  };
  return { ctx: ctx as any, outputs };
}
