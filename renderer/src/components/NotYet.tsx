// Says plainly that a part of the app has no engine support yet, instead of showing invented numbers.
import { useI18n } from '../i18n/useI18n';

export function NotYet({ what, title }: { what: string; title?: string }) {
  const { t } = useI18n();
  return (
    <div className="note note-info not-yet" role="note" data-testid="not-yet">
      <strong>{title ?? t('common.notYet')}</strong>
      <p>{t('common.notYetBody', { what })}</p>
    </div>
  );
}
