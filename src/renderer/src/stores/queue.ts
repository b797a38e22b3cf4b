// The play queue (queue-model.ts holds the rules; this is where the UI reads it from).
import { create } from 'zustand';
import { emptyQueue, type QueueState } from '../player/queue-model.ts';

export const useQueue = create<QueueState>(() => emptyQueue());
