import crypto from 'node:crypto';
import { http } from 'msw';
import { createAddAppAction } from '../actions/addApp';
import { GITHUB_REPO_URL } from '../__testUtils__/fakeForges';
import { useFakeForgeServer } from '../__testUtils__/fakeForgeServer';
import { mockActionContext } from '../__testUtils__/mockActionContext';

jest.setTimeout(60_000);

const INSTALLATION_TOKEN = 'ghs_installationToken0123456789';

/** Whether `jwt` is an RS256 token signed with `key`. */
function signedBy(jwt: string, key: crypto.KeyObject): boolean {
  const [header, payload, signature] = jwt.split('.');
  return crypto.verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    key,
    Buffer.from(signature, 'base64url'),
  );
}

describe('GitHub App credentials', () => {
  const forgeServer = useFakeForgeServer();

  it('opens the pull request with an installation token minted from the app of integrations.github', async () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', {
      modulusLength: 2048,
    });
    const appCalls: string[] = [];
    const fakes = forgeServer.start({
      githubToken: INSTALLATION_TOKEN,
      githubIntegration: {
        host: 'github.com',
        apps: [
          {
            appId: 4242,
            privateKey: privateKey
              .export({ type: 'pkcs1', format: 'pem' })
              .toString(),
            clientId: 'Iv1.fake',
            clientSecret: 'fake',
            webhookSecret: 'fake',
          },
        ],
      },
    });
    // GitHub's app endpoints: only a JWT signed with the app's key is accepted.
    forgeServer.server.use(
      http.all('https://api.github.com/app/*', ({ request }) => {
        const url = new URL(request.url);
        appCalls.push(`${request.method} ${url.pathname}`);
        const jwt =
          request.headers.get('authorization')?.replace(/^bearer /i, '') ?? '';
        if (!signedBy(jwt, publicKey))
          return Response.json({ message: 'bad JWT' }, { status: 401 });
        if (url.pathname === '/app/installations') {
          return Response.json([
            {
              id: 7,
              account: { login: 'example-org' },
              suspended_by: null,
              repository_selection: 'all',
            },
          ]);
        }
        if (
          url.pathname === '/app/installations/7/access_tokens' &&
          request.method === 'POST'
        ) {
          return Response.json(
            {
              token: INSTALLATION_TOKEN,
              expires_at: new Date(Date.now() + 3600_000).toISOString(),
              repository_selection: 'all',
            },
            { status: 201 },
          );
        }
        return Response.json({ message: 'Not Found' }, { status: 404 });
      }),
    );

    const { ctx, outputs } = mockActionContext(
      {
        repoUrl: GITHUB_REPO_URL,
        name: 'invoices',
        owner: 'group:default/team-documents',
        description: 'Invoices',
        image: 'cr.example/invoices:1.0.0',
      },
      { workspacePath: '/nonexistent-workspace' },
    );
    await createAddAppAction({ forges: fakes.forges }).handler(ctx);

    expect(outputs.pullRequestNumber).toBe(1);
    expect(appCalls).toEqual([
      'GET /app/installations',
      'POST /app/installations/7/access_tokens',
    ]);
    expect(JSON.stringify(outputs)).not.toContain(INSTALLATION_TOKEN);
    expect(JSON.stringify(ctx.logger.info.mock.calls)).not.toContain(
      INSTALLATION_TOKEN,
    );
  });
});
