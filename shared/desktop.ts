// Desktop-only shell actions (native dialogs, revealing a file). The shell serves them itself over the same
// invoke channel; they are not engine methods, so browser mode and the CLI never see them.
import { z } from 'zod';

export const desktopInputs = {
  /** Native open dialog for import files; answers the chosen absolute paths (empty when cancelled). */
  'desktop.openFiles': z.object({ filters: z.array(z.enum(['csv', 'parquet', 'xlsx', 'zip'])).max(4).default(['csv', 'parquet', 'xlsx']), folders: z.boolean().default(false) }).strict(),
  /** Shows a finished export or backup in the system file manager. */
  'desktop.showInFolder': z.object({ path: z.string().min(1).max(4096) }).strict(),
} as const;

export type DesktopMethod = keyof typeof desktopInputs;

export function isDesktopMethod(m: string): m is DesktopMethod {
  return Object.prototype.hasOwnProperty.call(desktopInputs, m);
}
