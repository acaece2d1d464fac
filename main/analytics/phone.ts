// Phone numbers to E.164 (for WhatsApp / SMS lists) and e-mail sanity, as SQL expressions so whole member
// lists are normalised in DuckDB. Brazil first: national numbers get +55; other countries need their "+" prefix.
// Digits are extracted once (one regexp per row); the checks after that are plain string tests.

/** A valid Brazilian national number: area code of two non-zero digits + 9-digit mobile (9...) or 8-digit landline (2-8...). */
function brNational(n: string): string {
  return `regexp_full_match(${n}, '[1-9]{2}(9[0-9]{8}|[2-8][0-9]{7})')`;
}

function international(d: string): string {
  return `CASE WHEN starts_with(${d}, '55') THEN CASE WHEN ${brNational(`substr(${d}, 3)`)} THEN '+' || ${d} END
    WHEN length(${d}) BETWEEN 8 AND 15 AND NOT starts_with(${d}, '0') THEN '+' || ${d} END`;
}

/** The digits of a phone column (to compute once in an inner SELECT and pass to phoneE164FromDigitsSql with
 * `ltrim(digits, '0')` as the national part). */
export function phoneDigitsSql(col: string): string {
  return `regexp_replace(${col}, '[^0-9]', '', 'g')`;
}

/**
 * E.164 form given the raw column and its digits, or NULL when it cannot be a dialable number. Accepts "+55 (11) 98765-4321",
 * "(11) 98765-4321", "011 98765-4321", "0 21 11 98765-4321" (carrier code), "0055 11 ...", and "+1 415 ..." abroad.
 */
export function phoneE164FromDigitsSql(raw: string, d: string, n = `ltrim(${d}, '0')`): string {
  return `(CASE
    WHEN ${raw} IS NULL OR ${d} = '' THEN NULL
    WHEN starts_with(ltrim(${raw}), '+') THEN ${international(d)}
    WHEN starts_with(${d}, '00') THEN ${international(`substr(${d}, 3)`)}
    WHEN ${brNational(n)} THEN '+55' || ${n}
    WHEN length(${n}) IN (12, 13) AND starts_with(${n}, '55') AND ${brNational(`substr(${n}, 3)`)} THEN '+' || ${n}
    WHEN starts_with(${d}, '0') AND length(${n}) IN (12, 13) AND ${brNational(`substr(${n}, 3)`)} THEN '+55' || substr(${n}, 3)
  END)`;
}

/** E.164 of a phone expression (extracts the digits inline; prefer the two-step form over large tables). */
export function phoneE164Sql(col: string): string {
  return phoneE164FromDigitsSql(col, phoneDigitsSql(col));
}

/** The trimmed, lower-cased e-mail when it looks deliverable (one @, a dot in the domain, no spaces), else NULL. */
export function emailSql(col: string): string {
  return `(CASE WHEN regexp_full_match(lower(trim(${col})), '[^@\\s]+@[^@\\s]+\\.[a-z0-9-]{2,}') THEN lower(trim(${col})) END)`;
}
