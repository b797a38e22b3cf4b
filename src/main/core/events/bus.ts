import type { EventName, EventPayload } from '../../../shared/contract.ts';
import { log } from '../log.ts';

export type AnyEventListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/** The contract's events as values: transports subscribe once and forward everything. */
export class EventBus {
  private readonly listeners = new Set<AnyEventListener>();

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch (err) {
        log.error(`tonearm: a listener of ${name} failed:`, err);
      }
    }
  }

  /** Listens to one event. */
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
    return this.subscribe((event, payload) => {
      if ((event as EventName) === name) listener(payload as EventPayload<K>);
    });
  }

  subscribe(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
