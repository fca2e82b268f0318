// Copies the embedded hub's write-ahead log into its database, on a thread of its own
// (wal-checkpointer.ts). Plain CommonJS: a worker thread runs it as it is, under tsx and vitest.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { setInterval, clearInterval } = require('node:timers');
const Database = require('better-sqlite3');

const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');

function checkpoint() {
  try {
    // PASSIVE: copies what it can and never makes the hub's writer wait
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ error: String((err && err.message) || err) });
  }
}

const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
