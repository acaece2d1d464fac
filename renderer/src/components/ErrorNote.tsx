// An error value from the engine shown in plain words, with an optional retry. A feature the engine does not
// have yet (NOT_READY, UNKNOWN_METHOD) is an information note, not an alarm.
import type { PainelErrorData } from '../../../shared/errors';
import type { LocalizedText } from '../../../shared/types';
import { useI18n } from '../i18n/useI18n';

export function isNotReady(error: PainelErrorData | null | undefined): boolean {
  return !!error && (error.code === 'NOT_READY' || error.code === 'UNKNOWN_METHOD');
}

/** The error's plain words in both languages, when the engine gave them (details.text, or the first issue's). */
function localText(error: PainelErrorData): LocalizedText | undefined {
  const d = error.details as { text?: LocalizedText } | { text?: LocalizedText }[] | undefined;
  return Array.isArray(d) ? d[0]?.text : d?.text;
}

export function ErrorNote({ error, onRetry }: { error: PainelErrorData; onRetry?: () => void }) {
  const { t, l } = useI18n();
  const text = localText(error);
  if (isNotReady(error)) {
    return (
      <div className="note note-info" role="note" data-testid="not-yet">
        <strong>{t('common.notYet')}</strong>
        <p>{error.code === 'UNKNOWN_METHOD' ? t('common.notInEngine') : error.message}</p>
      </div>
    );
  }
  return (
    <div className="note note-error" role="alert">
      <span>{text ? l(text) : t('common.error', { message: error.message })}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
