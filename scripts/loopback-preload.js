// Preloaded with `node -r` into the Microsoft 365 Agents Playground by `npm run dev`: every TCP server
// the process starts listens on 127.0.0.1 only (the playground would otherwise listen on all interfaces).
// Plain CommonJS so it runs without a build.
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload, run without a build
const net = require('net');

const LOOPBACK = '127.0.0.1';
const originalListen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    // listen(options[, callback]); a Unix socket path or a handle is left alone.
    if (first.path === undefined && first.handle === undefined && first.fd === undefined) {
      args[0] = { ...first, host: LOOPBACK };
    }
  } else if (first === undefined || typeof first === 'function') {
    // listen([callback]): a random port.
    args = [0, LOOPBACK, ...args];
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    // listen(port[, host][, backlog][, callback]): replace or insert the host.
    const rest = args.slice(1);
    if (typeof rest[0] === 'string') rest.shift();
    args = [first, LOOPBACK, ...rest];
  }
  return originalListen.apply(this, args);
};
