// The ordered list of schema migrations. Numbers are never reused; a new change is a new file.
import m001 from './m001_core';
import m002 from './m002_canonical';
import m003 from './m003_views';
import m004 from './m004_import_identity';
import m010 from './m010_report_macros';
import m011 from './m011_report_lines';
import m012 from './m012_faster_div_money';
import m013 from './m013_daily_rollups';
import m014 from './m014_rollup_net';
import m015 from './m015_rollup_counts';
import m016 from './m016_rollup_narrow';
import m017 from './m017_rollup_booked';
import m018 from './m018_rollup_items';
import m019 from './m019_rollup_staff_month';
import m026 from './m026_customer_visits';
import m020 from './m020_analytics';
import m021 from './m021_forecasts';
import m022 from './m022_clv_scoring';
import m023 from './m023_rollup_sale_fees';
import m030 from './m030_sync';
import m031 from './m031_sync_recipients';
import m032 from './m032_sync_source_facts';
import m040 from './m040_employee_settings';
import m050 from './m050_import_templates';
import m075 from './m075_goals';
import m076 from './m076_named_views';
import m077 from './m077_import_keys';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [m001, m002, m003, m004, m010, m011, m012, m013, m014, m015, m016, m017, m018, m019, m020, m021, m022, m023, m026, m030, m031, m032, m040, m050, m075, m076, m077];
