// The table spec the renderer sends instead of SQL: sort, filters, search and paging over declared columns.
import { z } from 'zod';

/** A column or table identifier: letters, digits and underscores only (checked again against metadata). */
export const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'must be an identifier');

export const FILTER_OPS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains', 'starts', 'in', 'between', 'is_null', 'not_null'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

// A whole number travels to DuckDB as a BIGINT: beyond 2^53 it is neither exact in JavaScript nor, past 2^63, a BIGINT.
const scalar = z.union([
  z.string().max(1000),
  z.number().finite().refine((v) => !Number.isInteger(v) || Number.isSafeInteger(v), 'number out of range'),
  z.boolean(),
]);

export const columnFilter = z
  .object({
    column: identifier,
    op: z.enum(FILTER_OPS),
    value: z.union([scalar, z.null(), z.array(scalar).max(1000)]).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const needsArray = f.op === 'in' || f.op === 'between';
    const needsNone = f.op === 'is_null' || f.op === 'not_null';
    if (needsNone) return;
    if (needsArray && !Array.isArray(f.value)) ctx.addIssue({ code: 'custom', message: `${f.op} needs a list value` });
    if (f.op === 'between' && Array.isArray(f.value) && f.value.length !== 2) ctx.addIssue({ code: 'custom', message: 'between needs two values' });
    if (!needsArray && (f.value === undefined || f.value === null || Array.isArray(f.value))) ctx.addIssue({ code: 'custom', message: `${f.op} needs a single value` });
  });
export type ColumnFilter = z.output<typeof columnFilter>;

export const sortSpec = z.object({ column: identifier, desc: z.boolean().default(false) }).strict();
export type SortSpec = z.output<typeof sortSpec>;

export const tableSpecFields = {
  offset: z.number().int().min(0).max(1_000_000_000).default(0),
  limit: z.number().int().min(1).max(5000).default(200),
  sort: z.array(sortSpec).max(8).default([]),
  filters: z.array(columnFilter).max(32).default([]),
  search: z.string().max(200).default(''),
  withTotal: z.boolean().default(true),
};
