/**
 * Date and time fields in Norwegian format whatever the browser's language: the browser's own
 * `type="date"` shows 03/02/2026 under en-US. The user types `02.03.2026` and `08:00` (shorter forms
 * such as `2.3.2026` and `8` are read too); the value given back is ISO (`2026-03-02`, `08:00`), or ''
 * while the text cannot be read, and the field says how to write it.
 */
import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useT } from '../i18n';

/** `d.m.yyyy` (also `dd.mm.yyyy`, `d/m/yyyy`, or ISO `yyyy-mm-dd`) → `yyyy-mm-dd`; '' when not a date. */
export function parseNorwegianDate(text: string): string {
  const s = text.trim();
  let y: number, m: number, d: number;
  const nb = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (nb) [d, m, y] = [Number(nb[1]), Number(nb[2]), Number(nb[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return '';
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return '';
  return date.toISOString().slice(0, 10);
}

/** `yyyy-mm-dd` → `dd.mm.yyyy`. */
export function formatNorwegianDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
}

/** `8`, `8:00`, `08.00`, `0800` → `08:00`; '' when not a time of day. */
export function parseTime(text: string): string {
  const s = text.trim();
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(s);
  if (!m) return '';
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return '';
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

interface FieldProps {
  label: string;
  /** ISO value: `yyyy-mm-dd` for a date, `HH:mm` for a time; '' when empty or unreadable. */
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  className?: string;
  required?: boolean;
}

function TextField({
  label,
  value,
  onChange,
  testId,
  className,
  required,
  parse,
  format,
  placeholder,
  hint,
}: FieldProps & {
  parse: (text: string) => string;
  format: (value: string) => string;
  placeholder: string;
  hint: string;
}) {
  const [text, setText] = useState(format(value));
  // A value set from outside (a link, a reset) shows in the field; typing keeps the user's text.
  useEffect(() => {
    if (parse(text) !== value) setText(format(value));
  }, [value]);
  const bad = text.trim() !== '' && parse(text) === '';
  return (
    <Field
      label={label}
      className={className}
      required={required}
      validationState={bad ? 'error' : 'none'}
      validationMessage={bad ? hint : undefined}
    >
      <Input
        value={text}
        placeholder={placeholder}
        inputMode="numeric"
        autoComplete="off"
        data-testid={testId}
        onChange={(_e, d) => {
          setText(d.value);
          onChange(parse(d.value));
        }}
        onBlur={() => {
          const v = parse(text);
          if (v) setText(format(v));
        }}
      />
    </Field>
  );
}

export function DateField(props: FieldProps) {
  const { t } = useT();
  return (
    <TextField
      {...props}
      parse={parseNorwegianDate}
      format={formatNorwegianDate}
      placeholder={t('datePlaceholder')}
      hint={t('dateHint')}
    />
  );
}

export function TimeField(props: FieldProps) {
  const { t } = useT();
  return (
    <TextField
      {...props}
      parse={parseTime}
      format={(v) => v}
      placeholder={t('timePlaceholder')}
      hint={t('timeHint')}
    />
  );
}
