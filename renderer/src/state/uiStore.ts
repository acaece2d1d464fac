// UI preferences that survive a restart: locale and theme (localStorage; the desktop window keeps it too).
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Locale } from '../../../shared/format';

export type Theme = 'light' | 'dark';

interface UiState {
  locale: Locale;
  theme: Theme;
  setLocale(locale: Locale): void;
  setTheme(theme: Theme): void;
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      locale: 'pt-BR',
      theme: 'light',
      setLocale: (locale) => set({ locale }),
      setTheme: (theme) => set({ theme }),
    }),
    { name: 'painel.ui', version: 1 },
  ),
);
