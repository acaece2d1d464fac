// The partner-professional setting (salão-parceiro, Lei 13.352/2016) per employee, kept in employee_settings.
import type { PartnerSetting } from '../../shared/api/export';
import type { Db } from '../store/db';
import { AppError } from '../store/errors';

interface Row {
  employee_id: string;
  name: string | null;
  partner: boolean;
  rate: number | null;
}

const SELECT = `
  SELECT e.employee_id, any_value(e.name) AS name, coalesce(any_value(s.partner), false) AS partner,
    CAST(any_value(e.commission_rate) AS DOUBLE) AS rate
  FROM employees e LEFT JOIN employee_settings s ON s.employee_id = e.employee_id`;

const toSetting = (r: Row): PartnerSetting => ({ employeeId: r.employee_id, name: r.name, partner: r.partner, commissionRate: r.rate });

export async function listPartners(db: Db): Promise<PartnerSetting[]> {
  const rows = await db.all<Row>(`${SELECT} GROUP BY e.employee_id ORDER BY name NULLS LAST, e.employee_id`);
  return rows.map(toSetting);
}

/** The ids of employees marked as partners. */
export async function partnerIds(db: Db): Promise<Set<string>> {
  const rows = await db.all<{ id: string }>(`SELECT employee_id AS id FROM employee_settings WHERE partner`);
  return new Set(rows.map((r) => r.id));
}

export async function setPartner(db: Db, employeeId: string, partner: boolean): Promise<PartnerSetting> {
  const exists = await db.all(`SELECT 1 FROM employees WHERE employee_id = $1 LIMIT 1`, [employeeId]);
  if (!exists.length) throw new AppError('NOT_FOUND', `no employee ${employeeId}`);
  await db.transaction(async (tx) => {
    await tx.run(`DELETE FROM employee_settings WHERE employee_id = $1`, [employeeId]);
    await tx.run(`INSERT INTO employee_settings (employee_id, partner) VALUES ($1, $2)`, [employeeId, partner]);
    tx.touched('employee_settings');
  });
  const [row] = await db.all<Row>(`${SELECT} WHERE e.employee_id = $1 GROUP BY e.employee_id`, [employeeId]);
  return toSetting(row);
}
