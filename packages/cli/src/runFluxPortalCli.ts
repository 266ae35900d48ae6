/**
 * `flux-portal`: the engine on the command line, shaped like the flux CLI
 * (`get ks`, `get hr`, `get sources`, `build ks NAME`) plus `validate`, and
 * the catalog view: `entities` (as the catalog ingests them) and `graph`.
 */
import * as nodePath from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ingestMonorepo } from '@flux-portal/plugin-catalog-backend-module-flux';
import {
  localLocationAnnotator,
  urlLocationAnnotator,
} from '@flux-portal/plugin-catalog-backend-module-flux';
import type { MonorepoModel } from '@flux-portal/flux-engine';
import {
  CommandOutput,
  OutputFormat,
  Selection,
  buildKustomization,
  getHelmReleases,
  getKustomizations,
  getSources,
  validate,
} from './commands';
import {
  EntitiesFormat,
  GraphFormat,
  printEntities,
  printGraph,
} from './catalogCommands';
import { diffModels } from '@flux-portal/flux-engine';
import { DiffFormat, diffOutput, loadBase } from './diffCommand';
import { loadRepository } from './loadRepository';
import { UsageError } from './openRepository';
import { readProviderMapping } from './providerConfig';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

interface CommonOptions {
  path: string;
  root?: string;
  source: string[];
  allNamespaces?: boolean;
  namespace: string;
  cluster?: string;
  output?: OutputFormat;
}

interface CatalogOptions {
  path: string;
  root?: string;
  source: string[];
  cluster: string[];
  defaultOwner?: string;
  target?: string;
  output: string;
  includeClusters?: boolean;
  config: string[];
  provider?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function addRepoOptions(cmd: Command): Command {
  return cmd
    .option(
      '--path <dir>',
      'folder to start from: repo root, a cluster folder, any folder with Flux Kustomizations',
      '.',
    )
    .option(
      '--root <dir>',
      'repository root (default: the git top level containing --path)',
    )
    .option(
      '--source <NAME=DIR>',
      'map a GitRepository/OCIRepository (NAME or NAMESPACE/NAME) to a local folder; repeatable',
      collect,
      [],
    );
}

function addCommon(cmd: Command, withOutput: boolean): Command {
  addRepoOptions(cmd)
    .option('-n, --namespace <ns>', 'namespace of the objects', 'flux-system')
    .option(
      '--cluster <name>',
      'only this cluster (clusters/<name>) when the path holds several',
    );
  if (withOutput) {
    cmd
      .option('-A, --all-namespaces', 'objects of all namespaces')
      .addOption(
        new Option('-o, --output <format>', 'output format')
          .choices(['table', 'json', 'yaml'])
          .default('table'),
      );
  }
  return cmd;
}

export async function runFluxPortalCli(
  argv: string[],
  io: CliIo = {
    stdout: t => process.stdout.write(t),
    stderr: t => process.stderr.write(t),
    cwd: process.cwd(),
  },
): Promise<number> {
  // set by whichever command action runs
  const result: CommandOutput = { stdout: '', stderr: '', code: 0 };
  const settle = (out: CommandOutput) => Object.assign(result, out);

  const load = async (opts: CommonOptions): Promise<MonorepoModel> =>
    (
      await loadRepository({
        cwd: io.cwd,
        path: opts.path,
        root: opts.root,
        source: opts.source,
      })
    ).model;
  const selection = (opts: CommonOptions): Selection => ({
    allNamespaces: opts.allNamespaces === true,
    namespace: opts.namespace,
    cluster: opts.cluster,
  });

  const program = new Command('flux-portal')
    .description(
      'Read a FluxCD v2 monorepo offline: Kustomizations, HelmReleases, sources, rendered output and problems',
    )
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const get = program.command('get').description('list Flux objects');
  const getters = [
    {
      names: ['kustomizations', 'ks', 'kustomization'],
      fn: getKustomizations,
      help: 'Flux Kustomizations',
    },
    {
      names: ['helmreleases', 'hr', 'helmrelease'],
      fn: getHelmReleases,
      help: 'HelmReleases',
    },
    {
      names: ['sources', 'source', 'src'],
      fn: getSources,
      help: 'Flux sources',
    },
  ];
  for (const g of getters) {
    const cmd = get
      .command(g.names[0])
      .aliases(g.names.slice(1))
      .description(`list ${g.help}`);
    addCommon(cmd, true).action(async (opts: CommonOptions) => {
      settle(g.fn(await load(opts), selection(opts), opts.output ?? 'table'));
    });
  }

  const build = program.command('build').description('print rendered output');
  addCommon(
    build
      .command('kustomization')
      .aliases(['ks'])
      .argument('<name>', 'Flux Kustomization name')
      .description(
        'print the objects a Flux Kustomization applies (Secret values redacted)',
      ),
    false,
  ).action(async (name: string, opts: CommonOptions) => {
    settle(buildKustomization(await load(opts), name, selection(opts)));
  });

  addCommon(
    program
      .command('validate')
      .description(
        'print every problem as file:line: message; exit 1 when there are errors',
      ),
    false,
  ).action(async (opts: CommonOptions) => {
    settle(validate(await load(opts)));
  });

  addRepoOptions(
    program
      .command('diff')
      .description(
        'render --base and the working tree and print, per Flux Kustomization and HelmRelease, the objects added, removed and changed; exit 1 when they differ',
      ),
  )
    .requiredOption(
      '--base <ref|dir>',
      'a git revision of the repository (branch, tag, commit), or a folder holding the base state',
    )
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(['text', 'json', 'markdown'])
        .default('text'),
    )
    .action(async (opts: CommonOptions & { base: string; output: string }) => {
      const head = await loadRepository({
        cwd: io.cwd,
        path: opts.path,
        root: opts.root,
        source: opts.source,
      });
      const base = await loadBase(opts.base, io.cwd, head);
      settle(
        diffOutput(
          diffModels(base, head.model),
          opts.base,
          opts.output as DiffFormat,
        ),
      );
    });

  const ingest = async (opts: CatalogOptions) => {
    // a provider of app-config: its mapping rules, clusters and default owner
    const provider = opts.config.length
      ? readProviderMapping(io.cwd, opts.config, opts.provider)
      : undefined;
    if (opts.provider && !provider)
      throw new UsageError('--provider needs --config');
    // the root the engine's paths resolve from (see loadRepository)
    const { repo } = await loadRepository({
      cwd: io.cwd,
      path: opts.path,
      root: opts.root,
      source: opts.source,
    });
    return ingestMonorepo(repo.tree, {
      path: repo.path,
      sources: repo.sources,
      clusters: opts.cluster.length ? opts.cluster : provider?.clusters,
      defaultOwner: opts.defaultOwner ?? provider?.defaultOwner,
      rules: provider?.rules,
      // as the provider does: its id, else the repository folder's name
      clusterFallbackName: provider?.id ?? nodePath.basename(repo.root),
      locationAnnotations: opts.target
        ? urlLocationAnnotator(opts.target)
        : localLocationAnnotator(repo.root),
    });
  };
  const addCatalogOptions = (cmd: Command) =>
    addRepoOptions(cmd)
      .option(
        '--cluster <name>',
        'ingest only this cluster (clusters/<name>); repeatable',
        collect,
        [],
      )
      .option(
        '--config <file>',
        "an app-config file: map with its catalog.providers.fluxMonorepo provider's mapping rules, clusters and default owner; repeatable, merged in order",
        collect,
        [],
      )
      .option(
        '--provider <id>',
        'the provider of --config to use (needed when it has several)',
      );

  addCatalogOptions(
    program
      .command('entities')
      .description(
        'print the catalog entities exactly as the catalog module ingests them',
      ),
  )
    .option(
      '--default-owner <ref>',
      'owner of entities that name none (default group:default/platform-team)',
    )
    .option(
      '--target <url>',
      'repository URL for the location annotations (default file:<repository root>)',
    )
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(['yaml', 'json'])
        .default('yaml'),
    )
    .action(async (opts: CatalogOptions) => {
      const { entities, problems } = await ingest(opts);
      settle(printEntities(entities, problems, opts.output as EntitiesFormat));
    });

  addCatalogOptions(
    program
      .command('graph')
      .description(
        'print the entity graph: JSON nodes and edges, a mermaid flowchart grouped by system, or Graphviz dot',
      ),
  )
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(['json', 'mermaid', 'dot'])
        .default('json'),
    )
    .option(
      '--include-clusters',
      'draw the edges to the cluster Resources in mermaid and dot',
    )
    .action(async (opts: CatalogOptions) => {
      const { entities, problems } = await ingest(opts);
      settle(
        printGraph(
          entities,
          problems,
          opts.output as GraphFormat,
          opts.includeClusters === true,
        ),
      );
    });

  try {
    await program.parseAsync(argv, { from: 'node' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`flux-portal: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  io.stdout(result.stdout);
  io.stderr(result.stderr);
  return result.code;
}
