// The CLI's commands, in the order `painel help` lists them.
import type { Command } from '../command';
import { infoCommand } from './info';
import { serveCommand } from './serve';
import { callCommand } from './call';
import { reportCommand } from './report';
import { analyticsCommand } from './analytics';
import { closeCommand } from './close';
import { syncCommand } from './sync';
import { simulateCommand } from './simulate';
import { importCommand } from './import';
import { demoCommand } from './demo';
import { restoreCommand } from './restore';

export const COMMANDS: Command[] = [infoCommand, serveCommand, callCommand, reportCommand, analyticsCommand, closeCommand, syncCommand, simulateCommand, importCommand, demoCommand, restoreCommand];
