// What a shop export mapping works with: column lookup by aliases over the file's normalized header, and the
// mapping it returns (each canonical table as a SELECT over the staged raw rows).
import { AppError } from '../../store/errors';
import type { CanonicalTable } from '../../../shared/types';
import { numberExpr, q, type DecimalMark } from '../../model/convert';

/** Column lookup by aliases over the normalized header of a shop export. */
export class ShopColumns {
  readonly used = new Set<string>();
  constructor(
    readonly names: string[],
    readonly dec: DecimalMark,
  ) {}
  find(aliases: readonly string[]): string | null {
    for (const a of aliases) if (this.names.includes(a)) return a;
    return null;
  }
  /** The text of the first present alias (NULL when none is present). */
  text(aliases: readonly string[]): string {
    const c = this.find(aliases);
    if (c) this.used.add(c);
    return c ? `NULLIF(trim(${q(c)}), '')` : 'NULL::VARCHAR';
  }
  /** Like text, but the file fails with a message naming the column when none is present. */
  need(aliases: readonly string[], file: string): string {
    if (!this.find(aliases)) throw new AppError('BAD_INPUT', `${file}: missing required column ${aliases[0]}`, { missingColumns: [aliases[0]] });
    return this.text(aliases);
  }
  /** A decimal value of the first present alias. */
  num(aliases: readonly string[]): string {
    return numberExpr(this.text(aliases), this.dec, 'DECIMAL(18,2)');
  }
  /** A number as canonical text (`.` decimals); text that is not a number passes through so its reject shows it. */
  numText(aliases: readonly string[]): string {
    return `COALESCE(CAST(${this.num(aliases)} AS VARCHAR), ${this.text(aliases)})`;
  }
}

export interface ShopMapping {
  /** Each canonical table as a SELECT over `raw` giving __r and text columns named like the table's columns. */
  tables: [CanonicalTable, string][];
}
