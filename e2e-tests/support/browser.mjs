/*
 * Real Chromium (Debian's package) driven by playwright-core. Never downloads a browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './portal.mjs';

export const chromiumPath = '/usr/bin/chromium';
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

/** Installs Debian's chromium when missing (as root); returns a skip reason or undefined. */
export function ensureChromium() {
  if (existsSync(chromiumPath)) return undefined;
  if (process.getuid?.() !== 0)
    return `${chromiumPath} is missing and installing it needs root: apt-get install -y chromium`;
  console.log('installing Debian chromium for the browser tests');
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit' });
  const install = spawnSync('apt-get', ['install', '-y', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (
    update.status !== 0 ||
    install.status !== 0 ||
    !existsSync(chromiumPath)
  ) {
    return 'apt-get could not install chromium';
  }
  return undefined;
}

export async function launchBrowser() {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
