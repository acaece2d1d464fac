// A labelled button that opens the browser's file chooser: the native <input type=file> shows the browser's own
// words ("Choose Files / No file chosen", in the browser's language), so it stays hidden and out of the tab order
// while the button, in the app's language, takes the keyboard and the click; the chosen names are said beside it.
import { useRef, useState } from 'react';
import { useI18n } from '../i18n/useI18n';

export function FilePicker({
  label,
  accept,
  multiple = true,
  onFiles,
  inputId,
  testId,
  className = 'btn',
}: {
  label: string;
  accept: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
  inputId?: string;
  testId?: string;
  className?: string;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <span className="file-picker">
      <button type="button" className={className} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        id={inputId}
        data-testid={testId}
        type="file"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        multiple={multiple}
        accept={accept}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          setChosen(files.map((f) => f.name));
          // The same file chosen again must fire a change again.
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <span className="muted file-picker-chosen" aria-live="polite">
        {chosen.length === 0 ? t('files.none') : chosen.length === 1 ? chosen[0] : t('files.many', { n: chosen.length })}
      </span>
    </span>
  );
}
