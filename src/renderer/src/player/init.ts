// Starts the player once per page: the saved session back, settings followed, keys, OS media
// controls, the playhead ticking.
import type { Settings } from '../../../shared/settings.ts';
import { useSettings } from '../stores/settings.ts';
import { applyVolume } from './actions.ts';
import { engine, onPersist, startTicking, syncUpcoming } from './controller.ts';
import { connectKeyboard } from './keyboard.ts';
import { connectOs } from './os-integration.ts';
import { keepSaving, restore, saveSoon } from './persistence.ts';
import { replayGainFactor } from './replay-gain.ts';

function followSettings(settings: Settings): void {
  const replayGain = {
    mode: settings['playback.replayGain'],
    preampDb: settings['playback.preampDb'],
    clippingProtection: settings['playback.clippingProtection'],
  };
  engine.setGains((track) => replayGainFactor(track, replayGain));
  engine.setGapless(settings['playback.gapless']);
}

let started = false;

export function initPlayer(): void {
  if (started) return;
  started = true;
  onPersist(saveSoon);
  followSettings(useSettings.getState().settings);
  useSettings.subscribe((state, before) => {
    if (state.settings !== before.settings) followSettings(state.settings);
  });
  connectKeyboard();
  connectOs();
  startTicking();
  keepSaving();
  void restore().then(() => {
    applyVolume();
    syncUpcoming();
  });
}
