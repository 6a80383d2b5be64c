#!/usr/bin/env node
// Messaging interop: Baileys 7 (an independent client) and the gateway's own client exchange texts
// through the wasim executable, each linked as a companion of its own wasim phone.
//
//   node messaging.mjs <path to wasim> <path to wa_message_peer>
//
// 1. Both link by QR. The gateway writes 200 texts to Baileys' number (the first builds the Signal
//    session with a pkmsg, the rest ride the ratchet as msg), with emoji, right-to-left script and
//    a 4,000-character text; Baileys writes 200 back. Every text arrives exactly once and byte for
//    byte, on Baileys' companion, on our side, and on the phones (which are Signal parties too).
// 2. Receipts both ways: delivery receipts come back on their own; each side marks the other's
//    messages read and the sender sees it.
// 3. Baileys restarts from its saved auth state (files on disk) and the exchange continues on the
//    existing sessions, without a retry.
// 4. Baileys' phone writes to us and reads what we send: the simulated phone as the peer.
//
// Each step has a deadline; any failure prints what was seen and exits non-zero.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { api, startWasim, stopWasim, within } from './wasim.mjs';

if (Number.parseInt(process.versions.node, 10) < 20) {
    console.error(`messaging: Baileys 7 needs Node.js 20 or newer, this is ${process.versions.node}`);
    process.exit(1);
}
const baileys = await import('@whiskeysockets/baileys');
const { default: makeWASocket, Browsers, WA_CERT_DETAILS, useMultiFileAuthState } = baileys;
const { default: pino } = await import('pino');

const [wasimPath, peerPath] = process.argv.slice(2);
if (!wasimPath || !peerPath) {
    console.error('usage: node messaging.mjs <wasim executable> <wa_message_peer executable>');
    process.exit(2);
}

const log = (...args) => console.log('[messaging]', ...args);
const logger = pino({ level: process.env.WAGATE_INTEROP_BAILEYS_LOG ?? 'silent' });
const BAILEYS_PHONE = '15550001111';
const GATEWAY_PHONE = '15550002222';
const jidOf = phone => `${phone}@s.whatsapp.net`;

const samples = [
    'plain text',
    'emoji 😀👍🏽🇮🇩 and a family 👨‍👩‍👧',
    'עברית ومرحبا بالعالم',
    'ß'.repeat(4000),
    'line\nbreaks\tand\u00a0odd spaces'
];
const textFor = (side, i) => `${samples[i % samples.length]} #${side}${i}`;

//! Waits until `predicate()` holds, polling.
async function until(ms, predicate, what) {
    const deadline = Date.now() + ms;
    for (;;) {
        if (await predicate()) return;
        if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}

// --- the gateway's client ------------------------------------------------------------------------

function startPeer(sim) {
    const child = spawn(peerPath, ['--url', sim.ws, '--root-key', sim.rootKey], { stdio: ['pipe', 'pipe', 'pipe'] });
    const peer = { child, events: [], waiters: [], stderr: [] };
    child.stderr.on('data', chunk => {
        peer.stderr.push(chunk);
        if (process.env.WAGATE_INTEROP_PEER_LOG) process.stderr.write(chunk);
    });
    createInterface({ input: child.stdout }).on('line', line => {
        const event = JSON.parse(line);
        peer.events.push(event);
    });
    peer.send = cmd => child.stdin.write(JSON.stringify(cmd) + '\n');
    peer.first = (predicate, ms, what) =>
        until(ms, () => peer.events.some(predicate), what).then(() => peer.events.find(predicate));
    peer.all = predicate => peer.events.filter(predicate);
    return peer;
}

// --- Baileys -------------------------------------------------------------------------------------

function connectBaileys(sim, auth, saveCreds) {
    const sock = makeWASocket({
        auth,
        waWebSocketUrl: sim.ws,
        logger,
        browser: Browsers.macOS('Chrome'),
        markOnlineOnConnect: true, // delivered (not inactive) receipts, like a user's open app
        syncFullHistory: false,
        connectTimeoutMs: 15000,
        defaultQueryTimeoutMs: 15000
    });
    sock.ev.on('creds.update', saveCreds);
    const state = { qrs: [], open: false, closed: null, received: new Map(), statuses: new Map() };
    sock.ev.on('connection.update', update => {
        if (update.qr) state.qrs.push(update.qr);
        if (update.connection === 'open') state.open = true;
        if (update.connection === 'close') state.closed = update.lastDisconnect?.error?.output?.statusCode ?? -1;
    });
    sock.ev.on('messages.upsert', ({ messages }) => {
        for (const m of messages) {
            // A receipt that comes while Baileys buffers events is merged into its own upsert.
            if (m.key.fromMe && m.status !== undefined && m.status !== null)
                state.statuses.set(m.key.id, Math.max(state.statuses.get(m.key.id) ?? 0, m.status));
            if (m.key.fromMe || !m.message) continue;
            const text = m.message.conversation ?? m.message.extendedTextMessage?.text;
            if (text === undefined) continue;
            const seen = state.received.get(m.key.id);
            state.received.set(m.key.id, { key: m.key, text, count: (seen?.count ?? 0) + 1 });
        }
    });
    sock.ev.on('messages.update', updates => {
        for (const { key, update } of updates) {
            if (key.fromMe && update.status !== undefined) {
                state.statuses.set(key.id, Math.max(state.statuses.get(key.id) ?? 0, update.status));
            }
        }
    });
    return { sock, state };
}

async function linkBaileys(sim, authDir) {
    const { state: auth, saveCreds } = await useMultiFileAuthState(authDir);
    const first = connectBaileys(sim, auth, saveCreds);
    await until(20000, () => first.state.qrs.length > 0, "Baileys' first QR");
    const scan = await api(sim, 'POST', `/phones/${BAILEYS_PHONE}:scan`, { qr: first.state.qrs[0] });
    assert.equal(scan.status, 200, `scan: ${JSON.stringify(scan.json)}`);
    await until(15000, () => first.state.closed !== null, 'the 515 restart after pairing');
    // A user's app has a push name; with it Baileys marks itself available and sends delivered
    // (not "inactive") receipts.
    auth.creds.me = { ...auth.creds.me, name: 'Baileys' };
    await saveCreds();
    const login = connectBaileys(sim, auth, saveCreds);
    await until(30000, () => login.state.open, "Baileys' connection 'open'");
    log(`Baileys linked as ${auth.creds.me.id}`);
    return { ...login, auth, saveCreds };
}

// --- the steps -----------------------------------------------------------------------------------

async function exchange(sim, peer, b, round) {
    const ids = [];
    const sentByBaileys = [];
    const gatewaySends = (from, to) => {
        for (let i = from; i < to; ++i) {
            const id = `3EB0${round}${String(i).padStart(17, '0')}`.slice(0, 22);
            ids.push(id);
            peer.send({ cmd: 'send', id, to: BAILEYS_PHONE, text: textFor(`g${round}-`, i) });
        }
    };
    const baileysSends = async (from, to) => {
        for (let i = from; i < to; ++i) {
            const m = await b.sock.sendMessage(jidOf(GATEWAY_PHONE), { text: textFor(`b${round}-`, i) });
            sentByBaileys.push(m.key);
        }
    };
    const gatewayGot = id => peer.events.some(e => e.event === 'received' && e.id === id);

    // One text each way first: the first builds a session (pkmsg), the answer completes it. The
    // phones answer too, so that every pair of devices of the two users has spoken.
    gatewaySends(0, 1);
    await until(30000, () => b.state.received.has(ids[0]), 'Baileys to receive the first text');
    await baileysSends(0, 1);
    await until(30000, () => gatewayGot(sentByBaileys[0].id), 'the gateway to receive the first text');
    for (const [from, to] of [[BAILEYS_PHONE, GATEWAY_PHONE], [GATEWAY_PHONE, BAILEYS_PHONE]]) {
        const hello = await api(sim, 'POST', `/phones/${from}/messages`, { to, text: `hello from the phone of ${from}` });
        assert.equal(hello.status, 201, JSON.stringify(hello.json));
        if (from === BAILEYS_PHONE) await until(30000, () => gatewayGot(hello.json.id), "the gateway to hear Baileys' phone");
        else await until(30000, () => b.state.received.has(hello.json.id), "Baileys to hear the gateway's phone");
    }
    const established = (await api(sim, 'GET', '/stats')).json;

    // The other 199 each way ride the ratchet: msg, never pkmsg, between the two companions.
    gatewaySends(1, 200);
    await until(60000, () => peer.all(e => e.event === 'sent' && ids.includes(e.id)).length === 200,
                "the gateway's 200 server acks");
    assert.deepEqual(peer.all(e => e.event === 'failed'), [], 'no send failed');
    await until(60000, () => ids.every(id => b.state.received.has(id)), 'Baileys to receive 200 texts');
    for (let i = 0; i < 200; ++i) {
        const got = b.state.received.get(ids[i]);
        assert.equal(got.text, textFor(`g${round}-`, i), `text ${i} arrived byte for byte at Baileys`);
        assert.equal(got.count, 1, `text ${i} arrived once at Baileys`);
        assert.ok(got.key.remoteJid === jidOf(GATEWAY_PHONE) || /^\d+@lid$/.test(got.key.remoteJid),
                  `the chat is the gateway's number or LID, not ${got.key.remoteJid}`);
    }
    log(`round ${round}: 200 texts gateway → Baileys, each once`);

    await baileysSends(1, 200);
    await until(60000, () => sentByBaileys.every(k => gatewayGot(k.id)), 'the gateway to receive 200 texts');
    for (let i = 0; i < 200; ++i) {
        const got = peer.all(e => e.event === 'received' && e.id === sentByBaileys[i].id);
        assert.equal(got.length, 1, `Baileys' text ${i} delivered once`);
        assert.equal(got[0].text, textFor(`b${round}-`, i), `Baileys' text ${i} byte for byte`);
        assert.equal(got[0].type, 'text');
        assert.equal(got[0].senderPn, jidOf(BAILEYS_PHONE), 'the sender by number');
        assert.match(got[0].senderLid, /^\d+@lid$/, 'and by LID');
    }
    log(`round ${round}: 200 texts Baileys → gateway, each once`);
    const after = (await api(sim, 'GET', '/stats')).json;
    // Each text reaches the other user's phone and companion: two copies, all msg once established.
    assert.equal(after.peerPreKeyMessages, established.peerPreKeyMessages, 'no pkmsg after the sessions were established');
    assert.ok(after.peerMessages - established.peerMessages >= 2 * 398, 'the established sessions carried msg');
    log(`round ${round}: ${after.peerMessages - established.peerMessages} msg and no pkmsg after the first exchange`);

    // Receipts: delivery both ways came on their own; now each side reads.
    // The server names Baileys' device by number or by LID, as Baileys addressed the receipt.
    const baileysDevice = e => e.from === b.auth.creds.me.id || e.from === b.auth.creds.me.lid;
    await until(30000, () => ids.every(id => peer.events.some(e => e.event === 'receipt' && e.ids.includes(id)
                                                              && e.kind === 'delivered' && baileysDevice(e))),
                'delivery receipts from Baileys\' device');
    await until(30000, () => sentByBaileys.every(k => (b.state.statuses.get(k.id) ?? 0) >= 3),
                'Baileys to see its texts delivered');
    await b.sock.readMessages(ids.slice(0, 10).map(id => b.state.received.get(id).key));
    await until(30000, () => ids.slice(0, 10).every(id => peer.events.some(e => e.event === 'receipt' && e.ids.includes(id)
                                                                            && e.kind === 'read')),
                'read receipts from Baileys');
    peer.send({ cmd: 'markRead', chat: jidOf(BAILEYS_PHONE), ids: sentByBaileys.slice(0, 10).map(k => k.id) });
    await until(30000, () => sentByBaileys.slice(0, 10).every(k => (b.state.statuses.get(k.id) ?? 0) >= 4),
                'Baileys to see its texts read');
    log(`round ${round}: delivered and read receipts both ways`);
    return { ids, sentByBaileys };
}

async function phoneAsPeer(sim, peer, firstIds) {
    // What we sent to Baileys' number also reached its phone.
    const inbox = (await api(sim, 'GET', `/phones/${BAILEYS_PHONE}/messages`)).json.messages;
    for (const id of firstIds) assert.equal(inbox.filter(m => m.id === id).length, 1, `the phone got ${id} once`);
    // The phone writes to us and we read it.
    const ids = [];
    for (let i = 0; i < 20; ++i) {
        const sent = await api(sim, 'POST', `/phones/${BAILEYS_PHONE}/messages`, { to: GATEWAY_PHONE, text: textFor('p', i) });
        assert.equal(sent.status, 201, JSON.stringify(sent.json));
        ids.push(sent.json.id);
    }
    await until(30000, () => ids.every(id => peer.events.some(e => e.event === 'received' && e.id === id)), 'the phone\'s 20 texts');
    for (let i = 0; i < 20; ++i) {
        const got = peer.all(e => e.event === 'received' && e.id === ids[i]);
        assert.equal(got.length, 1);
        assert.equal(got[0].text, textFor('p', i));
    }
    peer.send({ cmd: 'markRead', chat: jidOf(BAILEYS_PHONE), ids });
    await until(30000, async () => {
        const sent = (await api(sim, 'GET', `/phones/${BAILEYS_PHONE}/sent`)).json.messages;
        return ids.every(id => sent.find(m => m.id === id)?.readBy.length > 0);
    }, 'the phone to see its texts read');
    log('the phone as the peer: 20 texts to us, read');
}

async function main() {
    const sim = await startWasim(wasimPath);
    WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(sim.rootKey, 'hex');
    const authDir = mkdtempSync(join(tmpdir(), 'wagate-baileys-'));
    let peer;
    let failed = false;
    try {
        for (const [phone, name] of [[BAILEYS_PHONE, 'Baileys'], [GATEWAY_PHONE, 'Gateway']])
            assert.equal((await api(sim, 'POST', '/phones', { phoneNumber: phone, pushName: name })).status, 201);
        let b = await linkBaileys(sim, authDir);

        peer = startPeer(sim);
        const qr = await peer.first(e => e.event === 'qr', 20000, 'the gateway\'s QR');
        const scan = await api(sim, 'POST', `/phones/${GATEWAY_PHONE}:scan`, { qr: qr.qr });
        assert.equal(scan.status, 200, `scan: ${JSON.stringify(scan.json)}`);
        const login = await peer.first(e => e.event === 'loggedIn', 30000, 'the gateway to log in');
        log(`gateway linked as ${login.jid}`);

        const first = await exchange(sim, peer, b, 1);
        const before = (await api(sim, 'GET', '/stats')).json;

        // Baileys restarts from its saved auth state.
        b.sock.end(undefined);
        await until(10000, () => b.state.closed !== null, 'Baileys to close');
        const { state: saved, saveCreds } = await useMultiFileAuthState(authDir);
        const again = connectBaileys(sim, saved, saveCreds);
        await until(30000, () => again.state.open, "Baileys' connection 'open' after its restart");
        b = { ...again, auth: saved, saveCreds };
        log('Baileys restarted from its saved auth state');
        await exchange(sim, peer, b, 2);
        const after = (await api(sim, 'GET', '/stats')).json;
        assert.equal(after.retryDeliveries, before.retryDeliveries, 'the existing sessions carried on: no retry was needed');

        await phoneAsPeer(sim, peer, first.ids);
        const stats = (await api(sim, 'GET', '/stats')).json;
        log('stats', JSON.stringify(stats));
        assert.equal(stats.duplicateDeliveries, 0, 'no message id was delivered twice to one device');
        b.sock.end(undefined);
    } catch (error) {
        failed = true;
        console.error('[messaging] FAILED:', error);
        if (peer) {
            const kinds = {};
            for (const e of peer.events) kinds[e.event] = (kinds[e.event] ?? 0) + 1;
            console.error('[messaging] gateway events by kind:', JSON.stringify(kinds));
            const brief = e => JSON.stringify(e, (k, v) => (k === 'text' ? `${String(v).length} characters` : v));
            console.error('[messaging] last gateway events:\n' + peer.events.slice(-5).map(brief).join('\n'));
            const receipts = {};
            for (const e of peer.all(e => e.event === 'receipt')) receipts[`${e.kind} from ${e.from}`] = (receipts[`${e.kind} from ${e.from}`] ?? 0) + 1;
            console.error('[messaging] receipts by kind and device:', JSON.stringify(receipts));
        }
        console.error('[messaging] wasim log (tail):\n' + Buffer.concat(sim.stderr).toString().split('\n').slice(-60).join('\n'));
        if (peer) console.error('[messaging] gateway log (tail):\n' + Buffer.concat(peer.stderr).toString().split('\n').slice(-60).join('\n'));
    }
    if (peer) {
        peer.send({ cmd: 'quit' });
        peer.child.stdin.end();
    }
    if (!(await stopWasim(sim))) failed = true;
    rmSync(authDir, { recursive: true, force: true });
    if (failed) process.exit(1);
    log('OK');
    process.exit(0);
}

await main();
