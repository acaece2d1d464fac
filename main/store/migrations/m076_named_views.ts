// Migration 76: sales and sale lines with the names people read beside their keys (customer, unit, professional,
// item), so the day's sales and a sale's lines show names, and keys stay available for analysts.
export default {
  version: 76,
  name: 'sales and lines with names',
  sql: `
CREATE VIEW v_sales_named AS
SELECT s.*, c.name AS customer_name, loc.name AS location_name, e.name AS employee_name
FROM v_sales s
LEFT JOIN customers c ON c.customer_id = s.customer_key
LEFT JOIN locations loc ON loc.location_id = s.location_id
LEFT JOIN employees e ON e.employee_id = s.employee_id;
CREATE VIEW v_sale_lines_named AS
SELECT l.*, i.name AS item_name, e.name AS staff_name
FROM v_sale_lines l
LEFT JOIN items i ON i.item_id = l.item_id
LEFT JOIN employees e ON e.employee_id = l.staff_id;
`,
};
