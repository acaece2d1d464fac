// Desktop-only preferences (window bounds) in electron-store; business settings live in the database.
import Store from 'electron-store';

interface Prefs {
  bounds?: { x?: number; y?: number; width: number; height: number };
  maximized?: boolean;
}

export const prefs = new Store<Prefs>({ name: 'painel-window', defaults: {} });
