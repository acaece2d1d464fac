// demo.*: the deterministic demo dataset of a Brazilian salon chain with an online shop, generated in DuckDB.
import { z } from 'zod';
import { method } from './define';
import type { JobSnapshot } from '../events';

export const DEMO_PRESETS = {
  small: { customers: 2_000, months: 12 },
  medium: { customers: 50_000, months: 24 },
  large: { customers: 1_000_000, months: 36 },
} as const;
export type DemoPreset = keyof typeof DEMO_PRESETS;

/** The result of a demo job. */
export interface DemoSummary {
  seed: number;
  customers: number;
  months: number;
  /** First and last business date covered (YYYY-MM-DD). */
  from: string;
  to: string;
  tables: { name: string; rows: number }[];
  identity: { linkedCustomers: number; groups: number };
  ms: number;
}

export const demo = {
  /** Generates the demo dataset as a job (same seed and end date give the same data); refuses a non-empty database unless replace is set. */
  'demo.generate': method<JobSnapshot>()(
    'Generates the demo dataset as a job (same seed and end date give the same data); refuses a non-empty database unless replace is set.',
    z
      .object({
        preset: z.enum(['small', 'medium', 'large']).default('small'),
        customers: z.number().int().min(50).max(5_000_000).optional(),
        months: z.number().int().min(1).max(120).optional(),
        seed: z.number().int().min(0).max(2_147_483_647).default(42),
        /** Last business day of the data (YYYY-MM-DD); default today. */
        endDate: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
          .optional(),
        /** Deletes the canonical data already in the database first. */
        replace: z.boolean().default(false),
      })
      .strict(),
  ),
  /** The demo presets and their sizes. */
  'demo.presets': method<{ name: DemoPreset; customers: number; months: number }[]>()('The demo presets and their sizes.', z.object({}).strict()),
};
