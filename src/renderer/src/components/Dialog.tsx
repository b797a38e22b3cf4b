import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Every modal of the app, on the native <dialog>: it keeps the focus inside, gives it back on
 * close and closes on Escape by itself, which a div with role="dialog" would each have to
 * redo. A click outside closes it too.
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
    <dialog
      ref={dialog}
      className={className ? `modal ${className}` : 'modal'}
      aria-label={label}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog itself, outside its box.
        const box = event.currentTarget.getBoundingClientRect();
        const outside =
          event.clientX < box.left ||
          event.clientX > box.right ||
          event.clientY < box.top ||
          event.clientY > box.bottom;
        if (outside) event.currentTarget.close();
      }}
    >
      {children}
    </dialog>
  );
}
