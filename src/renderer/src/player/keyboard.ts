// Keyboard control anywhere in the window. A view that uses a key itself (arrows to move
// through a list) calls preventDefault, and the player leaves that key press alone.
import { cycleRepeat, next, previous, seekBy, setVolume, toggleMute, togglePlay, toggleShuffle } from './actions.ts';
import { usePlayer } from '../stores/player.ts';

/** Where keys belong to the element: typing, a focused control, a slider. */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select, [role="slider"], [role="listbox"], [role="menu"]')) return true;
  return false;
}

export function handlePlayerKey(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.altKey || ownsKeys(event.target)) return;
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
