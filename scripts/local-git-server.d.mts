/** Types of local-git-server.mjs (the demo's loopback git server). */
export interface LocalGitServer {
  baseUrl: string;
  repositoryUrl: string;
  root: string;
  bareDir: string;
  seedCommit?: string;
  stop(): Promise<void>;
}

export function createSeededBareRepository(options: {
  root: string;
  name: string;
  seedDir: string;
  branch?: string;
  message?: string;
}): string;

export function startLocalGitServer(options?: {
  host?: string;
  port?: number;
  root?: string;
  seedDir?: string;
  repository?: string;
  branch?: string;
  log?: (line: string) => void;
}): Promise<LocalGitServer>;
