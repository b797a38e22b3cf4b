import type { Core } from '../core.ts';
import type { Handlers } from './handlers.ts';

export function tagHandlers(core: Core): Pick<Handlers, 'tags.read' | 'tags.write' | 'tags.cancel' | 'tags.undo'> {
  return {
    'tags.read': ({ ids }) => core.tags.read(ids),
    'tags.write': (request) => core.tags.write(request),
    'tags.cancel': () => {
      core.tags.cancel();
      return null;
    },
    'tags.undo': () => core.tags.undo(),
  };
}
