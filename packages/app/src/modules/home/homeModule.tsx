import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Welcome to Flux Portal

Flux Portal shows the platform that a FluxCD v2 monorepo deploys:
its services, infrastructure components and clusters, how they connect,
and whether Flux has reconciled them.

- **Browse the catalog**: every service, component and cluster,
  ingested from the monorepo's manifests ([catalog](/catalog)).
- **Create something new**: templates that open a pull request adding a
  service, an infrastructure component or a cluster ([create](/create)).
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Getting Started',
    description: 'Tips and links to help you get started with Backstage',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
