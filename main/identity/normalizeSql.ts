// SQL macros that normalize what identifies a person: e-mail (lower case, no accents, placeholders dropped),
// phone to E.164 with Brazilian rules (country 55, DDD, ninth mobile digit, trunk and carrier prefixes), and CPF
// (its 11 digits).
import type { Tx } from '../store/db';

const PLACEHOLDER_LOCAL = '(nao|naotem|nao\\.tem|nao_tem|sem|semmail|sememail|sem\\.email|nenhum|nada|teste|test|email|cliente|x+|a+)';
const PLACEHOLDER_DOMAIN = '(example\\.com|teste\\.com|test\\.com|email\\.com|naotem\\.com|nao\\.com|sem\\.com|sememail\\.com)';

const allSame = (x: string) => `(length(replace(${x}, left(${x}, 1), '')) = 0)`;

/**
 * Creates (or replaces) the normalization macros on the connection running `tx`. The *_of macros take values already
 * cleaned once per row (lower-cased e-mail, digits only), so bulk matching runs each regular expression once.
 */
export async function createIdentityMacros(tx: Tx): Promise<void> {
  await tx.run(`CREATE OR REPLACE TEMP MACRO painel_email_of(le) AS (
    CASE WHEN regexp_full_match(le, '[a-z0-9._%+''-]+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}')
      AND NOT regexp_full_match(le, '${PLACEHOLDER_LOCAL}@.*|.*@${PLACEHOLDER_DOMAIN}') THEN le END)`);
  // Check digits are not required: a mistyped CPF on two records is still the same typo, and test or legacy data
  // often carries numbers without valid check digits. Repeated digits and well-known fillers are never evidence.
  await tx.run(`CREATE OR REPLACE TEMP MACRO painel_cpf_of(d) AS (
    CASE WHEN length(d) = 11 AND NOT ${allSame('d')} AND d NOT IN ('12345678909', '01234567890', '12345678900') THEN d END)`);
  // National significant number: strip 55 (country), or a leading 0 trunk prefix plus a two-digit carrier code.
  await tx.run(`CREATE OR REPLACE TEMP MACRO painel_phone_national(x) AS (
    CASE WHEN left(x, 2) = '55' AND length(x) IN (12, 13) THEN substr(x, 3)
      WHEN left(x, 1) = '0' AND length(ltrim(x, '0')) IN (12, 13) THEN substr(ltrim(x, '0'), 3)
      WHEN left(x, 1) = '0' THEN ltrim(x, '0')
      ELSE x END)`);
  await tx.run(`CREATE OR REPLACE TEMP MACRO painel_phone_br(n) AS (
    CASE WHEN NOT regexp_full_match(n, '[1-9][1-9][0-9]{8,9}') THEN NULL
      WHEN length(n) = 11 AND substr(n, 3, 1) = '9' AND NOT ${allSame('substr(n, 4)')} THEN '+55' || n
      WHEN length(n) = 10 AND substr(n, 3, 1) IN ('6', '7', '8', '9') AND NOT ${allSame('substr(n, 3)')} THEN '+55' || left(n, 2) || '9' || substr(n, 3)
      WHEN length(n) = 10 AND substr(n, 3, 1) IN ('2', '3', '4', '5') AND NOT ${allSame('substr(n, 3)')} THEN '+55' || n
    END)`);
  /** d: the phone's digits; plus: whether it was written with a leading +. */
  await tx.run(`CREATE OR REPLACE TEMP MACRO painel_phone_of(d, plus) AS (
    CASE WHEN plus AND left(d, 2) <> '55' THEN CASE WHEN length(d) BETWEEN 8 AND 15 THEN '+' || d END
      ELSE painel_phone_br(painel_phone_national(d)) END)`);
  await tx.run(`CREATE OR REPLACE TEMP MACRO painel_email_norm(e) AS painel_email_of(lower(strip_accents(trim(e))))`);
  await tx.run(`CREATE OR REPLACE TEMP MACRO painel_cpf_norm(doc) AS painel_cpf_of(regexp_replace(coalesce(doc, ''), '[^0-9]', '', 'g'))`);
  await tx.run(`CREATE OR REPLACE TEMP MACRO painel_phone_e164(ph) AS
    painel_phone_of(regexp_replace(coalesce(ph, ''), '[^0-9]', '', 'g'), left(trim(ph), 1) = '+')`);
}
