import type { CommandName, Commands } from '../../../shared/contract.ts';
import type { z } from 'zod';

/** The main-process side of the contract: one function per command, checked by the compiler. */
export type Handlers = {
  [K in CommandName]: (input: z.output<Commands[K]['input']>) => Commands[K]['output'] | Promise<Commands[K]['output']>;
};
