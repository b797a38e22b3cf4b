import type { TonearmBridge } from '../shared/api.ts';

declare global {
  interface Window {
    /** Present in the Electron app; in a browser the renderer talks to the headless host instead. */
    tonearm?: TonearmBridge;
  }
}
