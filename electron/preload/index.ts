// The preload runs sandboxed: it only exposes the contract as window.ewsi and
// forwards each call over one IPC channel. Validation happens in main (arguments)
// and here (results), so the renderer gets typed values or a clear error.
import { contextBridge, ipcRenderer } from 'electron';
import { createContractClient } from '../../shared/contract';
import { IPC_CALL_CHANNEL } from '../../shared/ipc';

const api = createContractClient((method, args) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, args));

contextBridge.exposeInMainWorld('ewsi', api);
