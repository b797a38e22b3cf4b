// A stand-in for the 'electron' module: records how the built main bundle uses it.
export const calls = {
  privileged: [],
  protocolHandlers: {},
  ipcHandlers: {},
  windows: [],
  forks: [],
  paths: {},
  menus: 0,
};
globalThis.__electronStub = calls;

class Emitter {
  listeners = {};
  on(event, fn) {
    (this.listeners[event] ??= []).push(fn);
    return this;
  }
  once(event, fn) {
    return this.on(event, fn);
  }
  emit(event, ...args) {
    for (const fn of this.listeners[event] ?? []) fn(...args);
  }
}

class App extends Emitter {
  whenReadyCalls = 0;
  setPath(name, value) {
    calls.paths[name] = value;
  }
  getPath(name) {
    return calls.paths[name] ?? '/tmp';
  }
  getVersion() {
    return '0.0.0-stub';
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    this.whenReadyCalls++;
    return Promise.resolve();
  }
  quit() {}
}
export const app = new App();

const allWindows = [];
export class BrowserWindow extends Emitter {
  constructor(options) {
    super();
    calls.windows.push(options);
    this.webContents = new (class extends Emitter {
      setWindowOpenHandler(fn) {
        calls.windowOpenHandler = typeof fn;
      }
      send() {}
    })();
    allWindows.push(this);
  }
  static getAllWindows() {
    return allWindows;
  }
  loadFile(file) {
    calls.loadedFile = file;
    return Promise.resolve();
  }
  loadURL(url) {
    calls.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  show() {}
  focus() {}
  restore() {}
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    calls.privileged.push(...schemes);
  },
  handle(scheme, handler) {
    calls.protocolHandlers[scheme] = handler;
  },
};

export const ipcMain = {
  handle(channel, handler) {
    calls.ipcHandlers[channel] = handler;
  },
};

export const utilityProcess = {
  fork(entry, args, options) {
    calls.forks.push({ entry, args, options });
    const child = new Emitter();
    child.postMessage = () => {};
    child.kill = () => true;
    child.pid = 4242;
    return child;
  },
};

export const dialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) };
export const Menu = {
  buildFromTemplate: (template) => template,
  setApplicationMenu: () => {
    calls.menus++;
  },
};
export const nativeTheme = { shouldUseDarkColors: false };
export const shell = { openExternal: async () => {} };
export const powerMonitor = { isOnBatteryPower: () => false };
export default {
  app,
  BrowserWindow,
  protocol,
  ipcMain,
  utilityProcess,
  dialog,
  Menu,
  nativeTheme,
  shell,
  powerMonitor,
};
