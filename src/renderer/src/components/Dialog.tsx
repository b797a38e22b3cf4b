import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal on the native <dialog>: it keeps the focus inside, gives it back on close and
 * closes on Escape by itself, which a div with role="dialog" would each have to redo.
 */
export function Dialog({
  label,
  onClose,
  className,
  children,
}: {
  label: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  // The latest onClose, without opening the dialog again each time it changes.
  const closing = useRef(onClose);
  useEffect(() => {
    closing.current = onClose;
  });
  useEffect(() => {
    const element = dialog.current!;
    element.showModal();
    const closed = () => closing.current();
    element.addEventListener('close', closed);
    return () => {
      element.removeEventListener('close', closed);
      if (element.open) element.close();
    };
  }, []);
  return (
    <dialog ref={dialog} className={className ? `modal ${className}` : 'modal'} aria-label={label}>
      {children}
    </dialog>
  );
}
