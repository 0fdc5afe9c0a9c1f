// The TCP proxy's thread: runs a ProxyCore and carries out what the test's thread asks (tcp-proxy.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { ProxyCore } from './tcp-proxy-core.ts';
import type { ProxyReply, ProxyRequest } from './tcp-proxy.ts';

const core = await ProxyCore.start((workerData as { target: string }).target);
const send = (m: ProxyReply) => parentPort!.postMessage(m);
send({ kind: 'ready', port: core.port });
parentPort!.on('message', async (m: ProxyRequest) => {
  if (m.op === 'cutWhen') {
    void core.cutWhen(m.text!).then(() => send({ kind: 'cut-seen', id: m.id }));
    send({ kind: 'done', id: m.id });
    return;
  }
  await core[m.op]();
  send({ kind: 'done', id: m.id });
  if (m.op === 'close') parentPort!.close();
});
