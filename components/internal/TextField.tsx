'use client';

import type { InputHTMLAttributes, ReactNode } from 'react';

/** A labelled text input in the components' field layout; `id` ties the label to the input. */
export function TextField({
  id,
  label,
  onValueChange,
  ...input
}: { id: string; label: string; onValueChange: (value: string) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'onChange' | 'className'
>): ReactNode {
  return (
    <div className="rrs-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="rrs-input" onChange={(event) => onValueChange(event.target.value)} {...input} />
    </div>
  );
}
