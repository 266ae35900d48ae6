/**
 * The `flux-portal` command.
 *
 * @packageDocumentation
 */
export { runFluxPortalCli } from './runFluxPortalCli';
export type { CliIo } from './runFluxPortalCli';
export { findRepoRoot } from './findRepoRoot';
