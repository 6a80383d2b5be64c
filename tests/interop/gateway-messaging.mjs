#!/usr/bin/env node
// Gateway messaging interop: the real wagate-headless process sends and receives through its HTTP API,
// with wasim as WhatsApp and Baileys 7 (an independent client) as the other side.
//
//   node gateway-messaging.mjs <path to wasim> <path to wagate> <path to wagate-headless>
//
// 1. The wagate CLI makes an organization and an API key on a temporary data dir; wagate-headless
//    starts on it; a local receiver (answering 204) takes a webhook for message.status and
//    message.received; the organization's event stream (SSE) is read from the start.
// 2. A session is linked over the API to wasim phone A; Baileys links as a companion of phone B.
// 3. The API sends texts (emoji, right-to-left script, line breaks) to B's number: Baileys gets each
//    once, byte for byte, and marks them read. Each message resource reaches `read` through
//    `delivered`; the event stream showed queued → sending → sent → delivered → read for each; the
//    webhook got the same statuses, every delivery signed as the standardwebhooks library verifies
//    with the secret returned at creation.
// 4. One text to phone C, which has no companion: its primary receipts it (delivered), then reads it
//    through wasim's control API (read).
// 5. Baileys writes to A: the message.received event and webhook carry the text, and the session's
//    messages list it as incoming, from B's number. The webhook got exactly the stream's message
//    events (its webhook-id is the event's id).
//
// Each step has a deadline; any failure prints what was seen and exits non-zero.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { api, startWasim, stopWasim, within } from './wasim.mjs';

if (Number.parseInt(process.versions.node, 10) < 20) {
    console.error(`gateway-messaging: Baileys 7 needs Node.js 20 or newer, this is ${process.versions.node}`);
    process.exit(1);
}
const baileys = await import('@whiskeysockets/baileys');
const { default: makeWASocket, Browsers, WA_CERT_DETAILS, useMultiFileAuthState } = baileys;
const { default: pino } = await import('pino');
const { Webhook } = createRequire(import.meta.url)('standardwebhooks');

const [wasimPath, wagatePath, headlessPath] = process.argv.slice(2);
if (!wasimPath || !wagatePath || !headlessPath) {
    console.error('usage: node gateway-messaging.mjs <wasim executable> <wagate executable> <wagate-headless executable>');
    process.exit(2);
}

const log = (...args) => console.log('[gateway-messaging]', ...args);
const logger = pino({ level: process.env.WAGATE_INTEROP_BAILEYS_LOG ?? 'silent' });
const PHONE_A = '15550003333'; // the gateway's session
const PHONE_B = '15550004444'; // Baileys' phone
const PHONE_C = '15550005555'; // a phone alone
const jidOf = phone => `${phone}@s.whatsapp.net`;
const texts = ['plain text through the API', 'emoji 😀👍🏽🇮🇩 and a family 👨‍👩‍👧', 'עברית ومرحبا بالعالم',
               'line\nbreaks\tand\u00a0odd spaces'].map((t, i) => `${t} #${i}`);
const OUT_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'read'];

//! Waits until `predicate()` holds, polling.
async function until(ms, predicate, what) {
    const deadline = Date.now() + ms;
    for (;;) {
        if (await predicate()) return;
        if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}

// --- the gateway ---------------------------------------------------------------------------------

async function startGateway(sim, work) {
    mkdirSync(work);
    const store = ['--data-dir', work, '--secrets', `file:${work}/secrets`];
    const cli = args => execFileSync(wagatePath, [...store, ...args], { encoding: 'utf8', timeout: 30000, stdio: 'pipe' }).trim();
    const org = cli(['orgs', 'create', 'Interop']);
    const key = cli(['keys', 'create', '--org', org, '--name', 'interop', '--caps', 'read,manage,send,admin']);
    const child = spawn(headlessPath, ['--listen', '127.0.0.1:0', '--wa-url', sim.ws, '--wa-root-key', sim.rootKey, ...store],
                        { stdio: ['ignore', 'pipe', 'pipe'] });
    const gw = { child, key, stderr: [], exited: new Promise(resolve => child.on('exit', (code, signal) => resolve({ code, signal }))) };
    child.stderr.on('data', chunk => {
        gw.stderr.push(chunk);
        if (process.env.WAGATE_INTEROP_GATEWAY_LOG) process.stderr.write(chunk);
    });
    gw.base = await within(20000, new Promise((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', line => {
            const m = /^listening (http:\/\/\S+)$/.exec(line);
            if (m) resolve(m[1]);
        });
        gw.exited.then(({ code }) => reject(new Error(`wagate-headless exited with ${code}`)));
    }), 'wagate-headless to listen');
    gw.call = async (method, path, body) => {
        const res = await fetch(gw.base + path, {
            method, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
            body: body ? JSON.stringify(body) : undefined, signal: AbortSignal.timeout(15000)
        });
        const text = await res.text();
        return { status: res.status, json: text ? JSON.parse(text) : null, requestId: res.headers.get('x-request-id') };
    };
    return gw;
}

//! The organization's event stream: every frame, as {id, event, data}.
async function subscribe(gw, events) {
    const abort = new AbortController();
    const res = await fetch(`${gw.base}/api/v1/events`, {
        headers: { authorization: `Bearer ${gw.key}`, accept: 'text/event-stream' }, signal: abort.signal
    });
    assert.equal(res.status, 200, 'the event stream opens');
    (async () => {
        const decoder = new TextDecoder();
        let buf = '';
        for await (const chunk of res.body) {
            buf += decoder.decode(chunk, { stream: true });
            let end;
            while ((end = buf.indexOf('\n\n')) >= 0) {
                const frame = { data: '' };
                for (const line of buf.slice(0, end).split('\n')) {
                    const m = /^(id|event|data): ?(.*)$/.exec(line);
                    if (m) frame[m[1]] = m[1] === 'data' ? frame.data + m[2] : m[2];
                }
                buf = buf.slice(end + 2);
                if (frame.event) events.push({ ...frame, data: JSON.parse(frame.data) });
            }
        }
    })().catch(() => {});
    return abort;
}

//! A webhook receiver on loopback: every delivery's headers and raw body; answers 204.
async function startReceiver(deliveries) {
    const server = createServer((req, res) => {
        const chunks = [];
        req.on('data', c => chunks.push(c)).on('end', () => {
            deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
            res.writeHead(204).end();
        });
    });
    await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
    return server;
}

// --- Baileys -------------------------------------------------------------------------------------

function connectBaileys(sim, auth, saveCreds) {
    const sock = makeWASocket({
        auth, waWebSocketUrl: sim.ws, logger, browser: Browsers.macOS('Chrome'),
        markOnlineOnConnect: true, syncFullHistory: false, connectTimeoutMs: 15000, defaultQueryTimeoutMs: 15000
    });
    sock.ev.on('creds.update', saveCreds);
    const state = { qrs: [], open: false, closed: null, received: new Map() };
    sock.ev.on('connection.update', update => {
        if (update.qr) state.qrs.push(update.qr);
        if (update.connection === 'open') state.open = true;
        if (update.connection === 'close') state.closed = update.lastDisconnect?.error?.output?.statusCode ?? -1;
    });
    sock.ev.on('messages.upsert', ({ messages }) => {
        for (const m of messages) {
            if (m.key.fromMe || !m.message) continue;
            const text = m.message.conversation ?? m.message.extendedTextMessage?.text;
            if (text === undefined) continue;
            const seen = state.received.get(m.key.id);
            state.received.set(m.key.id, { key: m.key, text, count: (seen?.count ?? 0) + 1 });
        }
    });
    return { sock, state };
}

async function linkBaileys(sim, authDir) {
    const { state: auth, saveCreds } = await useMultiFileAuthState(authDir);
    const first = connectBaileys(sim, auth, saveCreds);
    await until(20000, () => first.state.qrs.length > 0, "Baileys' first QR");
    const scan = await api(sim, 'POST', `/phones/${PHONE_B}:scan`, { qr: first.state.qrs[0] });
    assert.equal(scan.status, 200, `scan: ${JSON.stringify(scan.json)}`);
    await until(15000, () => first.state.closed !== null, 'the 515 restart after pairing');
    auth.creds.me = { ...auth.creds.me, name: 'Baileys' }; // a push name: delivered, not inactive, receipts
    await saveCreds();
    const login = connectBaileys(sim, auth, saveCreds);
    await until(30000, () => login.state.open, "Baileys' connection 'open'");
    log(`Baileys linked as ${auth.creds.me.id}`);
    return { ...login, auth };
}

// --- the steps -----------------------------------------------------------------------------------

async function linkSession(sim, gw) {
    const created = await gw.call('POST', '/api/v1/sessions', { label: 'interop', ratePerMin: 1000, presenceTyping: false });
    assert.equal(created.status, 201, `create session: ${JSON.stringify(created.json)}`);
    const id = created.json.id;
    const qr = await gw.call('POST', `/api/v1/sessions/${id}/qr`);
    assert.equal(qr.status, 200, `qr: ${JSON.stringify(qr.json)}`);
    const scan = await api(sim, 'POST', `/phones/${PHONE_A}:scan`, { qr: qr.json.qr });
    assert.equal(scan.status, 200, `scan: ${JSON.stringify(scan.json)}`);
    let session;
    await until(30000, async () => (session = (await gw.call('GET', `/api/v1/sessions/${id}`)).json).status === 'working',
                'the session to be working');
    assert.equal(session.phoneNumber, PHONE_A);
    log(`session ${id} working as ${session.waJid}`);
    return id;
}

async function send(gw, session, to, text) {
    const r = await gw.call('POST', `/api/v1/sessions/${session}/messages`, { to, text });
    assert.equal(r.status, 202, `send: ${r.status} ${JSON.stringify(r.json)} (request ${r.requestId})`);
    assert.equal(r.json.status, 'queued');
    return r.json;
}

async function statusOf(gw, session, msgId) {
    const r = await gw.call('GET', `/api/v1/sessions/${session}/messages/${msgId}`);
    assert.equal(r.status, 200, `get ${msgId}: ${JSON.stringify(r.json)}`);
    return r.json;
}

//! Polls the message resources until each one's status is among `statuses`.
const allAt = (gw, session, messages, statuses, what) => until(30000, async () => {
    for (const m of messages) if (!statuses.includes((await statusOf(gw, session, m.id)).status)) return false;
    return true;
}, what);

//! Every webhook delivery verified with the library; the parsed payloads.
function verifiedHooks(deliveries, secret) {
    const wh = new Webhook(secret.replace(/^whsec_/, ''));
    return deliveries.map(d => {
        const id = d.headers['webhook-id'];
        assert.doesNotThrow(() => wh.verify(d.body, d.headers), `delivery ${id} verifies`);
        assert.throws(() => wh.verify(d.body + ' ', d.headers), `delivery ${id} with a tampered body does not verify`);
        return { webhookId: id, ...wh.verify(d.body, d.headers) };
    });
}

//! The statuses the stream carried for one message, in order; the webhook's, one per webhook-id
//! (deliveries run concurrently, so their order is not the stream's).
const sseStatuses = (events, msgId) => events.filter(e => e.event === 'message.status' && e.data.id === msgId).map(e => e.data.status);
const hookStatuses = (hooks, msgId) =>
    [...new Map(hooks.filter(h => h.type === 'message.status' && h.data.id === msgId).map(h => [h.webhookId, h.data.status])).values()].sort();

//! A read message: its resource, its statuses on the stream (in order) and at the webhook.
async function assertLifecycle(gw, session, events, hooks, m, text, what) {
    await until(15000, () => sseStatuses(events, m.id).includes('read')
                             && hookStatuses(hooks(), m.id).length >= OUT_STATUSES.length, `every status of ${what} streamed and hooked`);
    const resource = await statusOf(gw, session, m.id);
    assert.equal(resource.status, 'read', what);
    assert.equal(resource.text, text, what);
    // WhatsApp's times (the ack's and the receipts' t: whole seconds), so they may precede createdAt.
    assert.ok(resource.sentAt && resource.createdAt <= resource.sentAt && resource.sentAt <= resource.deliveredAt &&
              resource.deliveredAt <= resource.readAt,
              `${what}: createdAt ≤ sentAt ≤ deliveredAt ≤ readAt in ${JSON.stringify(resource)}`);
    assert.deepEqual(sseStatuses(events, m.id), OUT_STATUSES, `${what}: its statuses on the event stream`);
    assert.deepEqual(hookStatuses(hooks(), m.id), [...OUT_STATUSES].sort(), `${what}: its statuses at the webhook`);
}

async function toBaileys(gw, session, b, events, hooks) {
    const sent = [];
    for (const text of texts) sent.push(await send(gw, session, PHONE_B, text));
    await until(30000, () => sent.every(m => b.state.received.has(m.waMessageId)), 'Baileys to receive every text');
    await allAt(gw, session, sent, ['delivered', 'read'], 'every message resource to be delivered');
    await b.sock.readMessages(sent.map(m => b.state.received.get(m.waMessageId).key));
    await allAt(gw, session, sent, ['read'], 'every message resource to be read');
    for (const [i, m] of sent.entries()) {
        const got = b.state.received.get(m.waMessageId);
        assert.equal(got.text, texts[i], `text ${i} arrived byte for byte at Baileys`);
        assert.equal(got.count, 1, `text ${i} arrived once at Baileys`);
        await assertLifecycle(gw, session, events, hooks, m, texts[i], `text ${i}`);
    }
    log(`${sent.length} texts API → Baileys, each once; delivered and read on the resource, the stream and the webhook`);
}

async function toPhone(sim, gw, session, events, hooks) {
    const text = 'to a phone without companions 📱';
    const m = await send(gw, session, PHONE_C, text);
    await allAt(gw, session, [m], ['delivered'], "the phone's delivery receipt");
    const inbox = (await api(sim, 'GET', `/phones/${PHONE_C}/messages`)).json.messages.filter(x => x.id === m.waMessageId);
    assert.equal(inbox.length, 1, 'the phone got the text once');
    assert.equal(inbox[0].text, text);
    const read = await api(sim, 'POST', `/phones/${PHONE_C}/messages/${m.waMessageId}:read`);
    assert.equal(read.status, 200, `phone read: ${JSON.stringify(read.json)}`);
    await allAt(gw, session, [m], ['read'], "the phone's read receipt");
    await assertLifecycle(gw, session, events, hooks, m, text, "the phone's text");
    log('one text API → a plain phone: delivered, then read');
}

async function fromBaileys(gw, session, b, events, hooks) {
    const text = 'answer from Baileys ✅ שלום';
    const { key } = await b.sock.sendMessage(jidOf(PHONE_A), { text });
    const isIt = d => d.waMessageId === key.id;
    await until(30000, () => events.some(e => e.event === 'message.received' && isIt(e.data)), 'message.received on the stream');
    await until(15000, () => hooks().some(h => h.type === 'message.received' && isIt(h.data)), 'message.received at the webhook');
    const streamed = events.filter(e => e.event === 'message.received' && isIt(e.data));
    assert.equal(streamed.length, 1, 'received once on the stream');
    for (const { text: t, direction, sessionId } of [streamed[0].data, hooks().find(h => h.type === 'message.received' && isIt(h.data)).data])
        assert.deepEqual({ t, direction, sessionId }, { t: text, direction: 'in', sessionId: session }, 'the event carries the text');
    const list = await gw.call('GET', `/api/v1/sessions/${session}/messages?direction=in`);
    assert.equal(list.status, 200, JSON.stringify(list.json));
    const stored = list.json.messages.filter(isIt);
    assert.equal(stored.length, 1, `listed once: ${JSON.stringify(list.json.messages)}`);
    const { text: t, status, sender, pushName } = stored[0];
    assert.deepEqual({ t, status, sender, pushName }, { t: text, status: 'received', sender: jidOf(PHONE_B), pushName: 'Baileys' });
    log(`Baileys → the session: stored as incoming from ${stored[0].sender}, on the stream and at the webhook`);
}

async function main() {
    const sim = await startWasim(wasimPath);
    const work = mkdtempSync(join(tmpdir(), 'wagate-gateway-messaging-'));
    WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(sim.rootKey, 'hex');
    const events = [];
    const deliveries = [];
    let gw, b, receiver, stream, secret;
    let failed = false;
    const hooks = () => verifiedHooks(deliveries, secret);
    try {
        for (const [phone, name] of [[PHONE_A, 'Gateway'], [PHONE_B, 'Baileys'], [PHONE_C, 'Carol']])
            assert.equal((await api(sim, 'POST', '/phones', { phoneNumber: phone, pushName: name })).status, 201);
        gw = await startGateway(sim, join(work, 'gateway'));
        receiver = await startReceiver(deliveries);
        const hook = await gw.call('POST', '/api/v1/webhooks', {
            url: `http://127.0.0.1:${receiver.address().port}/hook`, events: ['message.status', 'message.received']
        });
        assert.equal(hook.status, 201, `webhook: ${JSON.stringify(hook.json)}`);
        secret = hook.json.secret;
        assert.match(secret, /^whsec_/);
        stream = await subscribe(gw, events);

        const session = await linkSession(sim, gw);
        b = await linkBaileys(sim, join(work, 'baileys'));
        await toBaileys(gw, session, b, events, hooks);
        await toPhone(sim, gw, session, events, hooks);
        await fromBaileys(gw, session, b, events, hooks);
        const all = hooks();
        assert.ok(all.every(h => h.type === 'message.status' || h.type === 'message.received'), 'only the subscribed types');
        // A delivery's webhook-id is the event's id: the stream and the webhook carried the same events.
        const streamed = events.filter(e => e.event.startsWith('message.')).map(e => e.id).sort();
        assert.deepEqual([...new Set(all.map(h => h.webhookId))].sort(), streamed, 'the same event ids on the stream and the webhook');
        log(`${deliveries.length} webhook deliveries, every one verified; ${events.length} stream events`);
    } catch (error) {
        failed = true;
        console.error('[gateway-messaging] FAILED:', error);
        const line = e => `${e.id} ${e.event ?? e.type} ${e.data?.id ?? e.data?.sessionId} ${e.data?.status ?? ''}`;
        console.error('[gateway-messaging] stream events:\n' + events.map(line).join('\n'));
        console.error('[gateway-messaging] webhook deliveries:\n' + deliveries.map(d => {
            try { return line({ id: d.headers['webhook-id'], ...JSON.parse(d.body) }); } catch { return d.body.slice(0, 200); }
        }).join('\n'));
        if (b) console.error('[gateway-messaging] Baileys received:', JSON.stringify([...b.state.received.values()]));
        console.error('[gateway-messaging] wasim log (tail):\n' + Buffer.concat(sim.stderr).toString().split('\n').slice(-40).join('\n'));
        if (gw) console.error('[gateway-messaging] gateway log (tail):\n' + Buffer.concat(gw.stderr).toString().split('\n').slice(-60).join('\n'));
    } finally {
        stream?.abort();
        b?.sock.end(undefined);
        receiver?.closeAllConnections();
        receiver?.close();
        if (gw) {
            gw.child.kill('SIGTERM');
            const { code, signal } = await within(15000, gw.exited, 'wagate-headless to exit after SIGTERM')
                .catch(e => (gw.child.kill('SIGKILL'), { code: String(e), signal: null }));
            if (code !== 0) {
                console.error(`wagate-headless exited with code ${code} signal ${signal} after SIGTERM`);
                failed = true;
            }
        }
        if (!(await stopWasim(sim).catch(() => false))) failed = true;
        rmSync(work, { recursive: true, force: true });
    }
    if (failed) process.exit(1);
    log('OK');
    process.exit(0);
}

await main();
