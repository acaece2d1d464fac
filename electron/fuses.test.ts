// The Electron fuses of release builds, read the way electron-builder applies them: its own configuration loader
// reads electron-builder.yml, its platform packager turns electronFuses into the @electron/fuses options it flips.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const require = createRequire(import.meta.url);
// The package entry first: its modules import each other in an order only the entry resolves.
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Record<string | number, unknown> } };
};
const { getConfig } = require('app-builder-lib/out/util/config/config') as { getConfig: (dir: string, file: string | null) => Promise<{ electronFuses?: unknown }> };

describe('Electron fuses of the packaged app', () => {
  it('electron-builder flips every fuse that matters for a release build', async () => {
    const config = await getConfig(resolve(__dirname, '..'), null);
    expect(config.electronFuses).toBeTruthy();
    const fuses = PlatformPackager.prototype.generateFuseConfig.call(null, config.electronFuses);
    expect(fuses.version).toBe(FuseVersion.V1);
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });
});
