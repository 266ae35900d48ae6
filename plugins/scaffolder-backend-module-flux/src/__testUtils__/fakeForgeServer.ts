import { setupServer } from 'msw/node';
import { fakeForges } from './fakeForges';

/**
 * An msw server for a test file; `start()` gives each test fresh fake
 * forges holding the example monorepo. Unhandled requests fail the test.
 */
export function useFakeForgeServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return {
    server,
    start(options: Parameters<typeof fakeForges>[0] = {}) {
      const fakes = fakeForges(options);
      server.use(...fakes.handlers);
      return fakes;
    },
  };
}
