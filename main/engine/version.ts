// The app version, read once from package.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

function readVersion(): string {
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    for (const up of ['../..', '../../..', '..']) {
      try {
        const pkg = JSON.parse(readFileSync(join(here, up, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'painel' && pkg.version) return pkg.version;
      } catch {
        // keep looking one folder up
      }
    }
  } catch {
    // bundled without import.meta.url
  }
  return process.env.PAINEL_VERSION ?? '0.0.0';
}

export const VERSION = readVersion();
