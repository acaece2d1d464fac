// Which report (or page) each dashboard KPI opens when its card is clicked.
import type { DashboardKpiId } from '../../../../shared/reports';

export const KPI_TARGET: Record<DashboardKpiId, { report?: string; path?: string }> = {
  gross_revenue: { report: 'sales-summary' },
  net_revenue: { report: 'sales-summary' },
  completed_sales: { report: 'sales-summary' },
  average_ticket: { report: 'sales-summary' },
  unique_customers: { report: 'customer-profiles' },
  new_customers: { report: 'retention-cohorts' },
  returning_customers: { report: 'retention-cohorts' },
  no_show_rate: { report: 'appointments-summary' },
  cancellation_rate: { report: 'appointments-summary' },
  occupancy: { report: 'occupancy' },
  rebooking_rate: { report: 'staff-performance' },
  pix_share: { report: 'payment-methods' },
  refunds: { report: 'refunds' },
  discount_rate: { report: 'discounts-coupons' },
  forecast_next_30_days: { path: '/forecast' },
};
