// Migration 10: SQL macros the reports share. div_money divides money exactly (scaled integers, never binary
// floating point) and rounds to the cent half away from zero, as data-model.md requires for ratios of money.
export default {
  version: 10,
  name: 'report macros',
  sql: `
CREATE OR REPLACE MACRO div_money(n, d) AS
  CASE WHEN n IS NULL OR d IS NULL OR d = 0 THEN NULL ELSE
    CAST(CAST(
      sign(CAST(n * 100 AS HUGEINT)) * sign(CAST(d * 1000 AS HUGEINT))
      * ((abs(CAST(n * 100 AS HUGEINT)) * 2000 + abs(CAST(d * 1000 AS HUGEINT))) // (2 * abs(CAST(d * 1000 AS HUGEINT))))
    AS DECIMAL(38,0)) * 0.01 AS DECIMAL(18,2))
  END;
CREATE OR REPLACE MACRO safe_ratio(a, b) AS
  CASE WHEN a IS NULL OR b IS NULL OR b = 0 THEN NULL ELSE round(CAST(a AS DOUBLE) / CAST(b AS DOUBLE), 6) END;
`,
};
