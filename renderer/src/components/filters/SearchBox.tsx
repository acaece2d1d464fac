// A labelled search input that reports its text after a short pause (or at once on Enter).
import { useEffect, useRef, useState } from 'react';

export function SearchBox({ label, placeholder, value, onChange, id }: { label: string; placeholder?: string; value: string; onChange(v: string): void; id: string }) {
  const [text, setText] = useState(value);
  const timer = useRef<number | null>(null);
  useEffect(() => setText(value), [value]);
  useEffect(() => () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
  }, []);
  return (
    <div className="field search-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder={placeholder}
        onChange={(e) => {
          const v = e.target.value;
          setText(v);
          if (timer.current !== null) window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => onChange(v), 200);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            if (timer.current !== null) window.clearTimeout(timer.current);
            onChange(text);
          }
        }}
      />
    </div>
  );
}
