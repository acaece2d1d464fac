#!/usr/bin/env node
// The `painel` command: runs the TypeScript engine CLI through tsx's loader.
import { register } from 'tsx/esm/api';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

register();
const here = dirname(fileURLToPath(import.meta.url));
const { runCli } = await import(pathToFileURL(join(here, '..', 'main', 'cli', 'painel.ts')).href);
process.exitCode = await runCli(process.argv.slice(2));
