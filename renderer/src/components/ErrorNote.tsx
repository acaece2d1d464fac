// An error value from the engine shown in plain words, with an optional retry.
import type { PainelErrorData } from '../../../shared/errors';
import { useI18n } from '../i18n/useI18n';

export function ErrorNote({ error, onRetry }: { error: PainelErrorData; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="note note-error" role="alert">
      <span>{t('common.error', { message: error.message })}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
