// The export menu; the engine's export domain is not registered in the contract yet, so it says so.
import { useI18n } from '../../i18n/useI18n';
import type { ReportFilteredInput } from '../../../../shared/api/reports';
import type { SortSpec } from '../../../../shared/api/tableSpec';

export function ExportMenu(_props: { input: ReportFilteredInput; sort: SortSpec[]; title: string }) {
  const { t } = useI18n();
  return (
    <button type="button" className="btn" disabled title={t('common.notYet')}>
      ⤓ {t('export.menu')}
    </button>
  );
}
