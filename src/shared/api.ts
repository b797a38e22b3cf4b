// The shape every transport gives the renderer (Electron preload or the headless socket).
import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload } from './contract.ts';
import type { Result } from './result.ts';

export type Unsubscribe = () => void;

/** What the preload exposes as window.tonearm: raw Results, no exceptions across the bridge. */
export interface TonearmBridge {
  invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): Unsubscribe;
  /** The URL the renderer plays a track from (media scheme in the app, /media in the host). */
  mediaUrl(trackId: number): string;
  /** The URL of a cover image (full size or grid thumbnail). */
  coverUrl(hash: string, size: 'full' | 'thumb'): string;
  /** The app's own path for a dropped File (Electron's webUtils); null in a browser. */
  pathForFile(file: File): string | null;
}

/** Socket wire format of the headless host. */
export type ClientMessage = { id: number; name: string; input: unknown };
export type ServerMessage = ({ id: number } & Result<unknown>) | { event: EventName; payload: unknown };
