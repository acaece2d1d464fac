// staff-commissions: per employee per month — revenue base (line totals of completed sales), rate and
// commission = round(base x rate, 2) on the monthly total; lines without staff form the unassigned row.
import { dateCol, keyCol, L, moneyCol, NO_EMPLOYEE, numCol, textCol } from '../columns';
import { staffMonthsSql } from '../sqlParts';
import type { ReportDefinition } from '../types';

export const staffCommissions: ReportDefinition = {
  id: 'staff-commissions',
  category: 'team',
  title: L('Comissões', 'Commissions'),
  description: L('A comissão de cada profissional no mês.', 'Each professional’s commission for the month.'),
  formula: L(
    'Por profissional e mês: base (receita das linhas de vendas concluídas), percentual e comissão = base × percentual arredondada ao centavo; linhas sem profissional ficam em “sem profissional”, sem comissão.',
    'Per employee and month: base (line revenue of completed sales), rate and commission = base × rate rounded to the cent; lines without staff form the unassigned row, with no commission.',
  ),
  columns: [
    dateCol('month', 'Mês', 'Month', { format: 'month' }),
    keyCol('employee_id', 'Código do profissional', 'Employee id'),
    textCol('employee_name', 'Profissional', 'Employee', { empty: NO_EMPLOYEE }),
    moneyCol('base', 'Base', 'Revenue base'),
    numCol('rate', 'Percentual', 'Rate', { sqlType: 'DECIMAL(6,4)', type: 'percent', unit: 'percent', decimals: 2 }),
    moneyCol('commission', 'Comissão', 'Commission'),
  ],
  params: [],
  filters: ['location', 'employee', 'source', 'category'],
  defaultPreset: 'last_month',
  defaultSort: [
    { column: 'month', desc: false },
    { column: 'employee_name', desc: false },
  ],
  charts: [{ id: 'commission', title: L('Comissão por profissional', 'Commission by employee'), kind: 'bar', x: 'employee_name', series: [{ column: 'commission' }] }],
  comparable: true,
  sql(ctx) {
    return `SELECT month, staff_id AS employee_id, employee_name, base, rate, commission FROM (${staffMonthsSql(ctx)})`;
  },
};
