// A helper thread that dies at its first call, as one killed in the middle of a walk would.
import { parentPort } from 'node:worker_threads';

parentPort!.once('message', () => process.exit(1));
