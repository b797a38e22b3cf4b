// Loads the built main bundle with 'electron' resolved to the stand-in, lets it start, and
// prints what it did as JSON on stdout.
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const stub = new URL('./electron.js', import.meta.url).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: stub, shortCircuit: true, format: 'module' };
    return nextResolve(specifier, context);
  },
});

const [mainBundle] = process.argv.slice(2);
await import(pathToFileURL(mainBundle).href);
await new Promise((resolve) => setTimeout(resolve, 300));
const calls = globalThis.__electronStub;
// The parser process is forked a few seconds after a start (the first windows come first),
// the analysis process a little later.
const forkDeadline = Date.now() + 15_000;
while (calls.forks.length < 2 && Date.now() < forkDeadline) await new Promise((resolve) => setTimeout(resolve, 50));

// Ask the registered media handler for a track the catalog does not have.
const [scheme] = Object.keys(calls.protocolHandlers);
const response = await calls.protocolHandlers[scheme](new Request(`${scheme}://track/999999`));
// And send a malformed message through a wired IPC channel, as a trusted frame would.
const frame = { url: pathToFileURL(calls.loadedFile ?? '').href };
const badReply = await calls.ipcHandlers['tonearm:library.tracks']({ senderFrame: frame }, { offset: -5 });
const foreignReply = await calls.ipcHandlers['tonearm:app.info']({ senderFrame: { url: 'https://evil.example/' } }, {});

process.stdout.write(
  JSON.stringify({
    privileged: calls.privileged,
    protocolSchemes: Object.keys(calls.protocolHandlers),
    ipcChannels: Object.keys(calls.ipcHandlers),
    windows: calls.windows,
    forks: calls.forks,
    paths: calls.paths,
    loadedFile: calls.loadedFile,
    menus: calls.menus,
    windowOpenHandler: calls.windowOpenHandler,
    mediaStatus: response.status,
    mediaCors: response.headers.get('access-control-allow-origin'),
    badReply,
    foreignReply,
  }),
);
process.exit(0);
