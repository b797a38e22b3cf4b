// The renderer's one door to the main process: typed calls that throw a TonearmError on failure.
import type { TonearmBridge } from '../../../shared/api.ts';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract.ts';
import { unwrap } from '../../../shared/result.ts';
import { socketBridge } from './socket-bridge.ts';

export const bridge: TonearmBridge = window.tonearm ?? socketBridge(window.location);

export async function call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
  return unwrap(await bridge.invoke(name, input));
}

export const onEvent = bridge.on.bind(bridge) as TonearmBridge['on'];
