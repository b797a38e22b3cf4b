import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, nativeTheme, shell, type WebFrameMain } from 'electron';

const here = import.meta.dirname;
export const PRELOAD = join(here, '../preload/index.cjs');
export const RENDERER_HTML = join(here, '../renderer/index.html');
const ICON = join(here, '../../resources/icon.png');

/** The renderer runs sandboxed and isolated, with no Node; it reaches the app only via the preload. */
export const secureWebPreferences = {
  preload: PRELOAD,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
} as const;

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Tonearm',
    icon: ICON,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16171a' : '#f6f6f4',
    webPreferences: { ...secureWebPreferences },
  });
  window.once('ready-to-show', () => window.show());
  // The window never navigates away from the app; links open in the user's browser.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(RENDERER_HTML);
  return window;
}

/** Only our own renderer page may call the contract. */
export function isOurRenderer(frame: WebFrameMain | null): boolean {
  if (!frame) return false;
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer && frame.url.startsWith(devServer)) return true;
  return frame.url.startsWith(pathToFileURL(RENDERER_HTML).href);
}
