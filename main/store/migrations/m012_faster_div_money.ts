// Migration 12: div_money on BIGINT cents instead of HUGEINT (several times faster over a million rows). Exact
// for amounts up to 46 trillion: a/100 of an integer number of cents is recovered exactly by the DECIMAL cast.
export default {
  version: 12,
  name: 'faster div_money',
  sql: `
CREATE OR REPLACE MACRO div_money(n, d) AS
  CASE WHEN n IS NULL OR d IS NULL OR d = 0 THEN NULL ELSE
    CAST(CAST(
      sign(CAST(n * 100 AS BIGINT)) * sign(CAST(d * 1000 AS BIGINT))
      * ((abs(CAST(n * 100 AS BIGINT)) * 2000 + abs(CAST(d * 1000 AS BIGINT))) // (2 * abs(CAST(d * 1000 AS BIGINT))))
    AS DECIMAL(18,0)) / 100 AS DECIMAL(18,2))
  END;
`,
};
