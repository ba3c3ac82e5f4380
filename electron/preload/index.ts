// The preload runs sandboxed: it only exposes the contract as window.ewsi and
// forwards each call over one IPC channel. Validation happens in main (arguments)
// and here (results), so the renderer gets typed values or a clear error.
import { contextBridge, ipcRenderer } from 'electron';
import { createContractClient, createEventHub } from '../../shared/contract';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/ipc';

const api = createContractClient((method, args) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, args));
const hub = createEventHub();
ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => hub.deliver(name, payload));

contextBridge.exposeInMainWorld('ewsi', api);
contextBridge.exposeInMainWorld('ewsiEvents', { on: hub.events.on });
