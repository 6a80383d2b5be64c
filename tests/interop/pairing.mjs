#!/usr/bin/env node
// Pairing interop: Baileys 7 (an independent client) against the wasim executable.
//
//   node pairing.mjs <path to wasim>
//
// 1. QR pairing: Baileys connects to wasim (trusting wasim's certificate root instead of WhatsApp's),
//    shows a QR; a wasim phone scans it through the control API; Baileys verifies <pair-success>,
//    countersigns, is told to restart (515), reconnects with the same credentials, logs in and
//    reaches connection 'open'. The device must then be listed as online, and unlinking it from the
//    phone must throw Baileys out with 401.
// 2. Code pairing: Baileys asks for a pairing code (requestPairingCode), the phone "types" it
//    (POST :enter-code), the key-bundle exchange of PROTOCOL.md §6 runs, then as above.
// 3. The executable stops cleanly on SIGTERM.
//
// Each step has a deadline; any failure prints what was seen and exits non-zero.

import assert from 'node:assert/strict';
import { api, startWasim, stopWasim, within } from './wasim.mjs';

if (Number.parseInt(process.versions.node, 10) < 20) {
    console.error(`pairing: Baileys 7 needs Node.js 20 or newer, this is ${process.versions.node}`);
    process.exit(1);
}
const baileys = await import('@whiskeysockets/baileys');
const { default: makeWASocket, Browsers, DisconnectReason, WA_CERT_DETAILS, initAuthCreds, BufferJSON } = baileys;
const { default: pino } = await import('pino');

const wasimPath = process.argv[2];
if (!wasimPath) {
    console.error('usage: node pairing.mjs <wasim executable>');
    process.exit(2);
}

const log = (...args) => console.log('[pairing]', ...args);
const logger = pino({ level: process.env.WAGATE_INTEROP_BAILEYS_LOG ?? 'silent' });

// --- Baileys -------------------------------------------------------------------------------------

//! In-memory auth state: credentials plus a signal key store, as an app would persist them.
function memoryAuth() {
    const creds = initAuthCreds();
    const store = new Map();
    const keys = {
        get: async (type, ids) => {
            const out = {};
            for (const id of ids) {
                const value = store.get(`${type}:${id}`);
                if (value !== undefined) out[id] = JSON.parse(value, BufferJSON.reviver);
            }
            return out;
        },
        set: async data => {
            for (const type of Object.keys(data)) {
                for (const id of Object.keys(data[type])) {
                    const value = data[type][id];
                    if (value) store.set(`${type}:${id}`, JSON.stringify(value, BufferJSON.replacer));
                    else store.delete(`${type}:${id}`);
                }
            }
        }
    };
    return { creds, keys };
}

//! One Baileys socket; resolves events into promises the steps can await.
function connect(sim, auth) {
    const sock = makeWASocket({
        auth,
        waWebSocketUrl: sim.ws,
        logger,
        browser: Browsers.macOS('Chrome'),
        markOnlineOnConnect: false,
        syncFullHistory: false,
        connectTimeoutMs: 15000,
        defaultQueryTimeoutMs: 15000
    });
    const seen = { qrs: [], open: false, close: null };
    let onQr;
    const firstQr = new Promise(resolve => (onQr = resolve));
    const closed = new Promise(resolve => {
        sock.ev.on('connection.update', update => {
            if (update.qr) {
                seen.qrs.push(update.qr);
                onQr(update.qr);
            }
            if (update.connection === 'open') seen.open = true;
            if (update.connection === 'close') {
                seen.close = update.lastDisconnect?.error?.output?.statusCode ?? -1;
                resolve(seen.close);
            }
        });
    });
    const opened = new Promise((resolve, reject) => {
        sock.ev.on('connection.update', update => {
            if (update.connection === 'open') resolve();
            if (update.connection === 'close') reject(new Error(`closed with ${seen.close} before opening`));
        });
    });
    opened.catch(() => {});
    return { sock, seen, firstQr, closed, opened };
}

//! After pairing: Baileys is told to restart (515); reconnect with the same creds and log in.
async function restartAndLogin(sim, auth, pairing, phone) {
    const code = await within(15000, pairing.closed, 'the 515 close after pairing');
    assert.equal(code, DisconnectReason.restartRequired, 'Baileys closes with 515 after pairing');
    assert.ok(auth.creds.me?.id, 'creds.me is set by pair-success');
    assert.match(auth.creds.me.id, new RegExp(`^${phone}:\\d+@s\\.whatsapp\\.net$`));
    assert.match(auth.creds.me.lid ?? '', /^\d+:\d+@lid$/);
    log(`paired as ${auth.creds.me.id} (${auth.creds.me.lid}); reconnecting after 515`);

    const login = connect(sim, auth);
    await within(30000, login.opened, "connection 'open' after the restart");
    log(`logged in: connection 'open' for ${auth.creds.me.id}`);
    return login;
}

//! The phone types a code. requestPairingCode() resolves once companion_hello is written, which may
//! be before wasim read it: until then the phone finds no waiting companion (404), so retry briefly.
async function enterCode(sim, phone, code) {
    const deadline = Date.now() + 10000;
    for (;;) {
        const entered = await api(sim, 'POST', `/phones/${phone}:enter-code`, { code });
        if (entered.status !== 404 || Date.now() > deadline) return entered;
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}

async function expectOnline(sim, phone, auth) {
    const jid = auth.creds.me.id;
    const devices = await api(sim, 'GET', `/phones/${phone}/devices`);
    assert.equal(devices.status, 200);
    const device = devices.json.devices.find(d => d.jid === jid);
    assert.ok(device, `${jid} is listed among the phone's devices`);
    assert.equal(device.online, true, `${jid} is online`);
    assert.equal(device.noiseKey, Buffer.from(auth.creds.noiseKey.public).toString('base64'), 'the noise key is registered');
    return device;
}

// --- the steps -----------------------------------------------------------------------------------

async function qrPairing(sim) {
    const phone = '4915550000001';
    const created = await api(sim, 'POST', '/phones', { phoneNumber: phone, pushName: 'QR Phone' });
    assert.equal(created.status, 201, JSON.stringify(created.json));

    const auth = memoryAuth();
    const pairing = connect(sim, auth);
    const qr = await within(20000, pairing.firstQr, 'the first QR');
    assert.match(qr, /^https:\/\/wa\.me\/settings\/linked_devices#[^,]+,[^,]+,[^,]+,[^,]+,\d+$/);
    log('QR received; the phone scans it');

    const scan = await api(sim, 'POST', `/phones/${phone}:scan`, { qr });
    assert.equal(scan.status, 200, `scan: ${JSON.stringify(scan.json)}`);
    assert.equal(scan.json.status, 'paired');

    const login = await restartAndLogin(sim, auth, pairing, phone);
    assert.equal(scan.json.device.jid, auth.creds.me.id, 'the JID Baileys stored is the one the phone linked');
    const device = await expectOnline(sim, phone, auth);
    assert.equal(device.identityKey, Buffer.from(auth.creds.signedIdentityKey.public).toString('base64'));

    // Unlinking from the phone throws the live connection out with 401 (device_removed).
    const unlink = await api(sim, 'DELETE', `/phones/${phone}/devices/${device.device}`);
    assert.equal(unlink.status, 200, JSON.stringify(unlink.json));
    const code = await within(10000, login.closed, 'the close after unlinking');
    assert.equal(code, DisconnectReason.loggedOut, 'unlinking closes Baileys with 401');
    log('unlinked: Baileys closed with 401');

    // A later login of the unlinked device is refused with <failure reason="401"/>.
    const again = connect(sim, auth);
    const refused = await within(15000, again.closed, 'the refused login');
    assert.equal(refused, 401, 'the login of an unlinked device is refused with 401');
    log('the unlinked device cannot log in again (401)');
}

async function codePairing(sim) {
    const phone = '4915550000002';
    const created = await api(sim, 'POST', '/phones', { phoneNumber: phone, pushName: 'Code Phone', business: true });
    assert.equal(created.status, 201, JSON.stringify(created.json));

    const auth = memoryAuth();
    const pairing = connect(sim, auth);
    // Like whatsmeow recommends: ask for the code once the server sent <pair-device> (the first QR).
    await within(20000, pairing.firstQr, 'the registration to start');
    const code = await pairing.sock.requestPairingCode(phone);
    assert.match(code, /^[1-9A-HJ-NP-TV-Z]{8}$/);
    log('pairing code issued; the phone types it');

    const typed = `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase(); // as a user might type it
    const entered = await enterCode(sim, phone, typed);
    assert.equal(entered.status, 200, `enter-code: ${JSON.stringify(entered.json)}`);
    assert.equal(entered.json.status, 'paired');

    await restartAndLogin(sim, auth, pairing, phone);
    assert.equal(auth.creds.platform, 'smba', 'a business phone reports platform smba');
    assert.equal(auth.creds.me.name, 'Code Phone', 'the business name arrives as <biz name>');
    await expectOnline(sim, phone, auth);
}

async function wrongCode(sim) {
    const phone = '4915550000003';
    assert.equal((await api(sim, 'POST', '/phones', { phoneNumber: phone })).status, 201);
    const auth = memoryAuth();
    const pairing = connect(sim, auth);
    await within(20000, pairing.firstQr, 'the registration to start');
    const code = await pairing.sock.requestPairingCode(phone);
    const wrong = code.startsWith('A') ? 'B' + code.slice(1) : 'A' + code.slice(1);
    const entered = await enterCode(sim, phone, wrong);
    assert.equal(entered.status, 409, `a wrong code fails the pairing: ${JSON.stringify(entered.json)}`);
    assert.equal(entered.json.error.code, 'pairing_failed');
    assert.equal(entered.json.error.details.reason, 'wrong-code');
    log('a mistyped code is refused at companion_finish');
    pairing.sock.end(undefined);
}

async function main() {
    const sim = await startWasim(wasimPath);
    log(`wasim at ${sim.ws}, control ${sim.control}`);
    // Baileys exports the root it trusts as a mutable object: trust wasim's root instead (§2.4).
    WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(sim.rootKey, 'hex');
    let failed = false;
    try {
        await qrPairing(sim);
        await codePairing(sim);
        await wrongCode(sim);
        const stats = await api(sim, 'GET', '/stats');
        log('stats', JSON.stringify(stats.json));
        assert.equal(stats.json.pairings, 2);
        assert.ok(stats.json.logins >= 2);
        assert.ok(stats.json.handshakes >= 6);
    } catch (error) {
        failed = true;
        console.error('[pairing] FAILED:', error);
        console.error('[pairing] wasim log:\n' + Buffer.concat(sim.stderr).toString());
    }
    if (!(await stopWasim(sim))) failed = true;
    if (failed) process.exit(1);
    log('OK');
    process.exit(0);
}

await main();
