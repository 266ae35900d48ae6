export { ArtifactTree } from './ArtifactTree';
export type { CopiedFrom } from './ArtifactTree';
export { buildArtifact } from './buildArtifact';
export type { BuildArtifactResult, SourceRoot } from './buildArtifact';
export { generateArtifacts } from './generateArtifacts';
export type { GeneratedArtifacts } from './generateArtifacts';
export { readArtifactGenerator } from './readArtifactGenerator';
export type {
  ArtifactGeneratorSpec,
  CopyOperation,
  GeneratorSource,
  OutputArtifact,
} from './readArtifactGenerator';
