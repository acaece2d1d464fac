// Adds the revenue forecast band to the trend chart once the engine offers forecasts; until then a note says so.
import type { ReactNode } from 'react';
import type { ChartData } from '../../../../shared/api/reports';
import type { BuiltChart } from '../../components/charts/reportChartOption';
import { useI18n } from '../../i18n/useI18n';

export function useForecastDecoration(): { decorate?: (b: BuiltChart, d: ChartData) => BuiltChart; note: ReactNode } {
  const { t } = useI18n();
  return { decorate: undefined, note: <p className="muted chart-note">{t('dash.forecastMissing')}</p> };
}
