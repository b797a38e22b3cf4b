// A form in a small modal dialog (name, import, export, add to playlist): labelled by its
// title, Escape or a click outside closes it, Tab stays inside, the first field has the focus.
import '../styles/dialog.css';
import { useEffect, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose(): void;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  children: ReactNode;
  className?: string;
}

export function FormDialog({ title, onClose, onSubmit, children, className }: Props) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, []);
  const keepTabInside = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      return onClose();
    }
    if (event.key !== 'Tab' || !form.current) return;
    const focusable = [
      ...form.current.querySelectorAll<HTMLElement>('input, select, textarea, button, [tabindex="0"]'),
    ];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };
  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <form
        ref={form}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        className={`dialog ${className ?? ''}`}
        onKeyDown={keepTabInside}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(event);
        }}
      >
        <h2 className="dialog-title">{title}</h2>
        {children}
      </form>
    </div>
  );
}
