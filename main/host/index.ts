// The engine's public surface for the desktop shell: electron/ reaches the engine only through here.
export { Engine, type EngineOptions } from '../engine/engine';
export { startBackgroundServices } from './services';
export { createDispatcher, type Dispatcher } from './dispatcher';
export { CSP } from './httpHost';
export { defaultDataDir, resolveDbPath } from '../engine/paths';
export { CodecFileSecretStore, type SecretCodec, type SecretStore } from '../engine/secrets';
export { listBackupFiles, isCorruption } from '../store/recovery';
export { restoreFromBackupFile } from '../backup/backup';
export { publishForCommands } from './commandDoor';
