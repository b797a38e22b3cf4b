// The preload script: exposes the typed contract as window.tonearm (see shell/preload-bridge).
import { exposeBridge } from '../main/shell/preload-bridge.ts';

exposeBridge();
