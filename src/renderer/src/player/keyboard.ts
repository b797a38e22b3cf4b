// Keyboard control anywhere in the window. A view that uses a key itself (arrows to move
// through a list) calls preventDefault, and the player leaves that key press alone.
import { cycleRepeat, next, previous, seekBy, setVolume, toggleMute, togglePlay, toggleShuffle } from './actions.ts';
import { usePlayer } from '../stores/player.ts';

/** What a slider does with the keyboard; every other key is still the player's. */
const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

/**
 * Where keys belong to the element: typing, a focused control, a slider. A slider keeps the
 * focus after a click, so claiming every key for it would leave Space and M dead until the
 * user clicked elsewhere.
 */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input[type="range"], [role="slider"]')) return SLIDER_KEYS.has(key);
  if (target.closest('input, textarea, select, [role="listbox"], [role="menu"]')) return true;
  return false;
}

export function handlePlayerKey(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.altKey || ownsKeys(event.target, event.key)) return;
  const command = event.ctrlKey || event.metaKey;
  let handled = true;
  switch (event.key) {
    case ' ':
      // A focused button takes Space as its own click.
      if (event.target instanceof HTMLButtonElement || command) return;
      togglePlay();
      break;
    case 'ArrowLeft':
      if (command) previous();
      else seekBy(event.shiftKey ? -30 : -5);
      break;
    case 'ArrowRight':
      if (command) next();
      else seekBy(event.shiftKey ? 30 : 5);
      break;
    case 'ArrowUp':
      if (!command) return;
      setVolume(usePlayer.getState().volume + 0.05);
      break;
    case 'ArrowDown':
      if (!command) return;
      setVolume(usePlayer.getState().volume - 0.05);
      break;
    case 'm':
    case 'M':
      if (command) return;
      toggleMute();
      break;
    case 's':
    case 'S':
      if (command) return;
      toggleShuffle();
      break;
    case 'r':
    case 'R':
      if (command) return;
      cycleRepeat();
      break;
    default:
      handled = false;
  }
  if (handled) event.preventDefault();
}

export function connectKeyboard(): void {
  window.addEventListener('keydown', handlePlayerKey);
}
