#!/usr/bin/env node
// Benchmark: CPU per message of the gateway's client against Baileys 7 doing the same work through
// the same wasim, in the same run. Started by tests/bench/messaging (which pins the processes).
//
//   node messaging.mjs <wasim> <wa_message_peer> <count> <new-devices> [--sqlite FILE]
//
// Measured, for each client (process CPU time, ms):
//   send-established  <count> texts to a peer whose devices all have a session with us, until the
//                     last delivery receipt
//   send-new-device   one text each to <new-devices> users never written to before (usync, pre-key
//                     bundle, X3DH), until the last delivery receipt
//   receive           <count> texts a wasim phone sends us, until the last one is decrypted
// The peer is a wasim phone (its primary device); wasim runs in its own process on the other core.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const interop = join(here, '..', 'interop');
const { api, startWasim, stopWasim } = await import(join(interop, 'wasim.mjs'));
const require = createRequire(join(interop, 'package.json'));
const baileys = await import(require.resolve('@whiskeysockets/baileys'));
const { default: makeWASocket, Browsers, WA_CERT_DETAILS, initAuthCreds, BufferJSON } = baileys;
const { default: pino } = await import(require.resolve('pino'));

const [wasimPath, peerPath, countArg, newArg, ...rest] = process.argv.slice(2);
const count = Number(countArg ?? 2000);
const newDevices = Number(newArg ?? 200);
const sqliteIndex = rest.indexOf('--sqlite');
const sqlite = sqliteIndex >= 0 ? rest[sqliteIndex + 1] : null;
const logger = pino({ level: 'silent' });
const GATEWAY = '15550002222', BAILEYS = '15550001111', PEER = '15550003333';
const jid = phone => `${phone}@s.whatsapp.net`;
const text = 'Your order 4711 has shipped and will arrive tomorrow between 9 and 12.';

async function until(ms, predicate, what) {
    const deadline = Date.now() + ms;
    for (;;) {
        if (await predicate()) return;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise(resolve => setTimeout(resolve, 5));
    }
}

// --- the gateway's client ------------------------------------------------------------------------

function startPeer(sim) {
    const args = ['--url', sim.ws, '--root-key', sim.rootKey];
    if (sqlite) args.push('--sqlite', sqlite);
    const child = spawn(peerPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    const peer = { child, events: [] };
    createInterface({ input: child.stdout }).on('line', line => peer.events.push(JSON.parse(line)));
    peer.send = cmd => child.stdin.write(JSON.stringify(cmd) + '\n');
    peer.next = async (name, ms = 600000) => {
        const from = peer.events.length;
        await until(ms, () => peer.events.slice(from).some(e => e.event === name), name);
        return peer.events.slice(from).find(e => e.event === name);
    };
    return peer;
}

async function gatewayRun(sim) {
    const peer = startPeer(sim);
    await until(20000, () => peer.events.some(e => e.event === 'qr'), "the gateway's QR");
    await api(sim, 'POST', `/phones/${GATEWAY}:scan`, { qr: peer.events.find(e => e.event === 'qr').qr });
    await until(30000, () => peer.events.some(e => e.event === 'loggedIn'), 'the gateway to log in');
    // Sessions both ways with the peer (a message each), then the measured sends ride them.
    let r = peer.next('sentMany');
    peer.send({ cmd: 'sendMany', to: PEER, text, count: 1 });
    await r;
    const hello = await api(sim, 'POST', `/phones/${PEER}/messages`, { to: GATEWAY, text: 'hello' });
    await until(20000, () => peer.events.some(e => e.event === 'received' && e.id === hello.json.id), 'the reply');

    r = peer.next('sentMany');
    peer.send({ cmd: 'sendMany', to: PEER, text, count });
    const established = await r;

    r = peer.next('sentEach');
    peer.send({ cmd: 'sendEach', to: [...Array(newDevices).keys()].map(i => `1666${String(i).padStart(7, '0')}`), text });
    const fresh = await r;

    r = peer.next('gotMany');
    peer.send({ cmd: 'expect', count });
    await api(sim, 'POST', `/phones/${PEER}/messages`, { to: GATEWAY, text, repeat: count });
    const received = await r;

    r = peer.next('rss');
    peer.send({ cmd: 'rss' });
    const rss = await r;
    peer.send({ cmd: 'quit' });
    peer.child.stdin.end();
    return { established, fresh, received, rssKib: rss.kib };
}

// --- Baileys -------------------------------------------------------------------------------------

function memoryAuth() {
    const creds = initAuthCreds();
    const store = new Map();
    return {
        creds,
        keys: {
            get: async (type, ids) => {
                const out = {};
                for (const id of ids) {
                    const v = store.get(`${type}:${id}`);
                    if (v !== undefined) out[id] = JSON.parse(v, BufferJSON.reviver);
                }
                return out;
            },
            set: async data => {
                for (const type of Object.keys(data))
                    for (const id of Object.keys(data[type])) {
                        const v = data[type][id];
                        if (v) store.set(`${type}:${id}`, JSON.stringify(v, BufferJSON.replacer));
                        else store.delete(`${type}:${id}`);
                    }
            }
        }
    };
}

function connect(sim, auth) {
    const sock = makeWASocket({ auth, waWebSocketUrl: sim.ws, logger, browser: Browsers.macOS('Chrome'),
                                markOnlineOnConnect: true, syncFullHistory: false });
    const state = { qrs: [], open: false, closed: false, acked: new Set(), received: 0 };
    sock.ev.on('connection.update', u => {
        if (u.qr) state.qrs.push(u.qr);
        if (u.connection === 'open') state.open = true;
        if (u.connection === 'close') state.closed = true;
    });
    // Baileys does not report server acks; a delivery receipt (status 3) marks a send done, for
    // both clients alike.
    sock.ev.on('messages.update', updates => {
        for (const { key, update } of updates)
            if (key.fromMe && (update.status ?? 0) >= 3) state.acked.add(key.id);
    });
    sock.ev.on('messages.upsert', ({ messages }) => {
        for (const m of messages) {
            if (!m.key.fromMe && m.message) ++state.received;
            // A receipt that comes while Baileys buffers events is merged into its own upsert.
            if (m.key.fromMe && (m.status ?? 0) >= 3) state.acked.add(m.key.id);
        }
    });
    return { sock, state };
}

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

async function baileysRun(sim) {
    const auth = memoryAuth();
    let b = connect(sim, auth);
    await until(20000, () => b.state.qrs.length > 0, "Baileys' QR");
    await api(sim, 'POST', `/phones/${BAILEYS}:scan`, { qr: b.state.qrs[0] });
    await until(15000, () => b.state.closed, 'the 515 restart');
    auth.creds.me = { ...auth.creds.me, name: 'Baileys' };
    b = connect(sim, auth);
    await until(30000, () => b.state.open, "Baileys' connection");
    const first = await b.sock.sendMessage(jid(PEER), { text });
    await until(20000, () => b.state.acked.has(first.key.id), 'the first delivery receipt');
    await api(sim, 'POST', `/phones/${PEER}/messages`, { to: BAILEYS, text: 'hello' });
    await until(20000, () => b.state.received >= 1, 'the reply');

    const measure = async (work, done) => {
        const c0 = cpuMs();
        const t0 = performance.now();
        await work();
        await until(600000, done, 'the measured work');
        return { cpuMs: cpuMs() - c0, wallMs: performance.now() - t0 };
    };
    let ids = [];
    const established = await measure(async () => {
        for (let i = 0; i < count; ++i) ids.push((await b.sock.sendMessage(jid(PEER), { text: `${text} #${i}` })).key.id);
    }, () => ids.every(id => b.state.acked.has(id)));
    ids = [];
    const fresh = await measure(async () => {
        for (let i = 0; i < newDevices; ++i)
            ids.push((await b.sock.sendMessage(jid(`1777${String(i).padStart(7, '0')}`), { text: `${text} #${i}` })).key.id);
    }, () => ids.every(id => b.state.acked.has(id)));
    const before = b.state.received;
    const received = await measure(async () => {
        await api(sim, 'POST', `/phones/${PEER}/messages`, { to: BAILEYS, text, repeat: count });
    }, () => b.state.received >= before + count);
    b.sock.end(undefined);
    return { established, fresh, received, rssKib: Math.round(process.memoryUsage().rss / 1024) };
}

// --- the run -------------------------------------------------------------------------------------

const pinWasim = process.env.WAGATE_BENCH_WASIM_CPU ? ['taskset', '-c', process.env.WAGATE_BENCH_WASIM_CPU] : [];
const sim = await startWasim(wasimPath, [], pinWasim);
WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(sim.rootKey, 'hex');
try {
    for (const [phone, name] of [[GATEWAY, 'Gateway'], [BAILEYS, 'Baileys'], [PEER, 'Peer']])
        await api(sim, 'POST', '/phones', { phoneNumber: phone, pushName: name });
    for (let i = 0; i < newDevices; ++i) {
        await api(sim, 'POST', '/phones', { phoneNumber: `1666${String(i).padStart(7, '0')}` });
        await api(sim, 'POST', '/phones', { phoneNumber: `1777${String(i).padStart(7, '0')}` });
    }
    const g = await gatewayRun(sim);
    const b = await baileysRun(sim);
    const us = (r, n) => (r.cpuMs * 1000 / n).toFixed(1);
    const rate = (r, n) => (n / (r.wallMs / 1000)).toFixed(0);
    const row = (name, n, x, y) =>
        console.log(`| ${name} | ${n} | ${us(x, n)} | ${rate(x, n)} | ${us(y, n)} | ${rate(y, n)} | ${(y.cpuMs / x.cpuMs).toFixed(1)}× |`);
    console.log(`store: ${sqlite ? 'SQLite (sealed, as the gateway)' : 'memory'}; ${count} messages, ${newDevices} new devices`);
    console.log('| operation | messages | Wagate µs CPU/msg | Wagate msg/s | Baileys µs CPU/msg | Baileys msg/s | Baileys/Wagate CPU |');
    console.log('|---|---|---|---|---|---|---|');
    row('send, established session', count, g.established, b.established);
    row('send, new device (usync, bundle, X3DH)', newDevices, g.fresh, b.fresh);
    row('receive and decrypt', count, g.received, b.received);
    console.log(`RSS after the run: Wagate client ${g.rssKib} KiB, Baileys process ${b.rssKib} KiB`);
    if (g.established.failed || g.fresh.failed) console.log(`failures: ${g.established.failed} + ${g.fresh.failed}`);
} finally {
    await stopWasim(sim);
}
process.exit(0);
