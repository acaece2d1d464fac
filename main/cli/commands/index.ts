// The CLI's commands, in the order `painel help` lists them.
import type { Command } from '../command';
import { infoCommand } from './info';
import { serveCommand } from './serve';
import { callCommand } from './call';
import { reportCommand } from './report';
import { closeCommand } from './close';
import { syncCommand } from './sync';
import { simulateCommand } from './simulate';

export const COMMANDS: Command[] = [infoCommand, serveCommand, callCommand, reportCommand, closeCommand, syncCommand, simulateCommand];
