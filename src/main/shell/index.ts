// The Electron shell: the only code that imports electron. It starts the core, wires the
// contract to ipcMain, serves media on a privileged scheme, hosts the parser and the audio
// analysis in utilityProcesses, and owns the window, the menu and the app's lifetime.
import '../core/threadpool.ts';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, powerMonitor, shell } from 'electron';
import type { Core } from '../core/core.ts';
import { CoreSlot } from '../core/core-slot.ts';
import { defaultDataDir } from '../core/paths.ts';
import { log } from '../core/log.ts';
import { logStart, openLogFile } from '../core/log-file.ts';
import { forwardEvents, wireContract } from './ipc.ts';
import { handleMediaScheme, registerMediaScheme } from './media-protocol.ts';
import { installMenu } from './menu.ts';
import { utilityProcessSpawn } from './child-process.ts';
import { createMainWindow, isOurRenderer } from './window.ts';

const PARSER_ENTRY = join(import.meta.dirname, 'parser.js');

registerMediaScheme();
// The CLI and the headless host compute the same folder: without --db they share this catalog.
app.setPath('userData', defaultDataDir());

let slot: CoreSlot | null = null;
/** Null while the catalog is damaged or being restored: then only Settings → Library's offer works. */
const core = (): Core | null => slot?.core ?? null;
let mainWindow: BrowserWindow | null = null;

async function pickFolders(): Promise<string[] | null> {
  const options = { title: 'Add a music folder', properties: ['openDirectory', 'multiSelections'] as const };
  const result = mainWindow
    ? await dialog.showOpenDialog(mainWindow, { ...options, properties: [...options.properties] })
    : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
  return result.canceled ? null : result.filePaths;
}

async function addFoldersAndScan(): Promise<void> {
  const folders = await pickFolders();
  const open = core();
  if (!open || !folders) return;
  for (const folder of folders) await open.addRoot(folder);
  if (!open.scanner.status()) open.scanner.start().done.catch(() => {}); // the scanner logs it
}

function start(): void {
  openLogFile(defaultDataDir(), 'app');
  logStart('Tonearm', app.getVersion());
  slot = new CoreSlot(
    {
      host: 'electron',
      version: app.getVersion(),
      parserEntry: PARSER_ENTRY,
      spawnProcess: utilityProcessSpawn,
      // The audio analysis waits on battery (similarity.onBattery): Electron knows on every OS.
      onBattery: async () => powerMonitor.isOnBatteryPower(),
    },
    // Forking a utilityProcess blocks briefly: do it once, at start, not at the first scan.
    { watch: true },
  );
  // A damaged catalog leaves the slot empty; the window still opens, on the restore offer.
  slot.open();
  handleMediaScheme(core);
  wireContract(
    slot.handlers({
      pickFolders,
      showItemInFolder: (path) => shell.showItemInFolder(path),
      // openPath answers an error message, or '' when the folder opened.
      openFolder: async (path) => (await shell.openPath(path)) === '',
    }),
    isOurRenderer,
  );
  forwardEvents(slot.bus, () => BrowserWindow.getAllWindows());
  installMenu({
    addFolder: () => void addFoldersAndScan(),
    rescan: () => {
      const open = core();
      if (open && !open.scanner.status()) open.scanner.start().done.catch(() => {}); // the scanner logs it
    },
  });
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => (mainWindow = null));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  void app.whenReady().then(start);
  app.on('activate', () => {
    if (slot && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
  // A renderer or the parser's utilityProcess dying leaves no trace anywhere else.
  app.on('render-process-gone', (_event, _contents, details) =>
    log.error(`tonearm: the window's renderer is gone (${details.reason}, exit code ${details.exitCode})`),
  );
  app.on('child-process-gone', (_event, details) =>
    log.error(
      `tonearm: the ${details.name ?? details.type} process is gone (${details.reason}, exit code ${details.exitCode})`,
    ),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (!slot) return;
    const closing = slot;
    slot = null;
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });
}
