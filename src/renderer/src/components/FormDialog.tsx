// A form in the modal Dialog (name, import, export, add to playlist): titled, submitted with
// Enter, closed with Escape or a click outside like every dialog.
import '../styles/dialog.css';
import type { FormEvent, ReactNode } from 'react';
import { Dialog } from './Dialog.tsx';

interface Props {
  title: string;
  onClose(): void;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  children: ReactNode;
  className?: string;
}

export function FormDialog({ title, onClose, onSubmit, children, className }: Props) {
  return (
    <Dialog label={title} onClose={onClose} className={className ? `form-dialog ${className}` : 'form-dialog'}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(event);
        }}
      >
        <h2 className="dialog-title">{title}</h2>
        {children}
      </form>
    </Dialog>
  );
}
