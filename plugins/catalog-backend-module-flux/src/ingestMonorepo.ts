/**
 * One ingestion (engine load, CODEOWNERS, mapping) lives in flux-node so the
 * `flux-portal entities` command prints exactly what this module ingests.
 */
export { ingestMonorepo } from '@flux-portal/plugin-flux-node';
export type { IngestOptions, Ingestion } from '@flux-portal/plugin-flux-node';
