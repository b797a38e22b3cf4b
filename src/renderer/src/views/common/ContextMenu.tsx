import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface MenuItem {
  label: string;
  action?: () => void;
  /** A column chooser's tick. */
  checked?: boolean;
  disabled?: boolean;
  separatorBefore?: boolean;
}

export interface MenuAt {
  x: number;
  y: number;
  items: MenuItem[];
}

/** A right-click menu: arrow keys, Enter, Escape; closes on a click elsewhere. */
export function ContextMenu({ menu, onClose }: { menu: MenuAt; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: menu.x, top: menu.y });
  const [active, setActive] = useState(() => menu.items.findIndex((item) => !item.disabled));

  // Kept inside the window: a menu opened near the bottom edge opens upwards.
  useLayoutEffect(() => {
    const box = ref.current!.getBoundingClientRect();
    setPosition({
      left: Math.max(4, Math.min(menu.x, window.innerWidth - box.width - 4)),
      top: Math.max(4, menu.y + box.height > window.innerHeight ? menu.y - box.height : menu.y),
    });
    ref.current!.focus();
  }, [menu]);

  useEffect(() => {
    const away = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', away, true);
    window.addEventListener('blur', onClose);
    window.addEventListener('resize', onClose);
    return () => {
      document.removeEventListener('mousedown', away, true);
      window.removeEventListener('blur', onClose);
      window.removeEventListener('resize', onClose);
    };
  }, [onClose]);

  const choose = (item: MenuItem | undefined) => {
    if (!item || item.disabled) return;
    onClose();
    item.action?.();
  };
  const step = (delta: number) => {
    const count = menu.items.length;
    for (let i = 1; i <= count; i++) {
      const next = (active + delta * i + count * 2) % count;
      if (!menu.items[next]!.disabled) return setActive(next);
    }
  };

  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      tabIndex={-1}
      style={position}
      onContextMenu={(event) => event.preventDefault()}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'ArrowDown') step(1);
        else if (event.key === 'ArrowUp') step(-1);
        else if (event.key === 'Enter' || event.key === ' ') choose(menu.items[active]);
        else if (event.key === 'Escape' || event.key === 'Tab') onClose();
        else return;
        event.preventDefault();
      }}
    >
      {menu.items.map((item, i) => (
        <div
          key={item.label}
          role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
          aria-checked={item.checked}
          aria-disabled={item.disabled}
          className={`menu-item${i === active ? ' active' : ''}${item.separatorBefore ? ' separated' : ''}`}
          onMouseEnter={() => !item.disabled && setActive(i)}
          onClick={() => choose(item)}
        >
          <span className="menu-check">{item.checked ? '✓' : ''}</span>
          {item.label}
        </div>
      ))}
    </div>
  );
}
