#!/usr/bin/env node
// Benchmark: messages through the gateway as a script sends them — HTTP API, durable outbox, engine,
// wasim — with the real wagate-headless process. Started by tests/bench/outbox (which pins processes).
//
//   node outbox.mjs <wasim> <wagate> <wagate-headless> <sessions> <messages> <concurrency>
//
// Three phases, on <sessions> linked sessions (ratePerMin 1000, the fastest pace there is; typing off):
//   latency     one message at a time, each session's sends far enough apart that no pacing wait
//               applies: HTTP accept (202) time, and accept → server ack as the event stream reports it
//   throughput  <messages> accepted as fast as <concurrency> clients can post them, round robin over
//               the sessions; until the last server ack. The pace caps it at sessions × 1000 / 60 per s.
//   webhook     the same burst again with a webhook (a local receiver answering 204) taking every
//               message.status event: four per message (queued, sending, sent, delivered).
// Also the gateway process's CPU time per message over the throughput phase, and as a baseline in the
// same run with the same clients, GET of a session (the HTTP layer and a cached read, no outbox).

import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const { api: control, startWasim, stopWasim } = await import(join(here, '..', 'interop', 'wasim.mjs'));
const [wasimPath, wagatePath, headlessPath, sessionsArg, messagesArg, concurrencyArg] = process.argv.slice(2);
const SESSIONS = Number(sessionsArg ?? 128), MESSAGES = Number(messagesArg ?? 4000), CONCURRENCY = Number(concurrencyArg ?? 32);
const LATENCY_SAMPLES = 400;
const text = 'Your order 4711 has shipped and will arrive tomorrow between 9 and 12.';
const pinWasim = process.env.WAGATE_BENCH_WASIM_CPU ? ['taskset', '-c', process.env.WAGATE_BENCH_WASIM_CPU] : [];
const pinGateway = process.env.WAGATE_BENCH_GATEWAY_CPU ? ['taskset', '-c', process.env.WAGATE_BENCH_GATEWAY_CPU] : [];

const work = mkdtempSync(join(tmpdir(), 'wagate-outbox-bench-'));
const store = ['--data-dir', work, '--secrets', `file:${work}/secrets`];
const cli = args => execFileSync(wagatePath, [...store, ...args], { encoding: 'utf8' }).trim();
const sim = await startWasim(wasimPath, [], pinWasim);
let gateway;
try {
    const org = cli(['orgs', 'create', 'Bench']);
    const key = cli(['keys', 'create', '--org', org, '--name', 'bench', '--caps', 'read,manage,send,admin']);
    const cmd = [...pinGateway, headlessPath, '--listen', '127.0.0.1:0', '--wa-url', sim.ws, '--wa-root-key', sim.rootKey, ...store];
    gateway = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, QT_LOGGING_RULES: 'wagate.*.info=false' } });
    const base = await new Promise((resolve, reject) => {
        const rl = createInterface({ input: gateway.stdout });
        rl.on('line', line => { const m = /^listening (http:\/\/\S+)$/.exec(line); if (m) resolve(m[1]); });
        gateway.on('exit', code => reject(new Error(`gateway exited with ${code}`)));
    });
    const call = async (method, path, body) => {
        const res = await fetch(base + path, {
            method, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
            body: body ? JSON.stringify(body) : undefined
        });
        const t = await res.text();
        return { status: res.status, json: t && res.headers.get('content-type')?.includes('json') ? JSON.parse(t) : t };
    };

    // Phones: one per session, and recipients.
    const recipients = [];
    for (let i = 0; i < 8; ++i) {
        recipients.push(`1555900${String(i).padStart(4, '0')}`);
        await control(sim, 'POST', '/phones', { phoneNumber: recipients[i], pushName: 'Customer' });
    }
    const sessions = [];
    for (let i = 0; i < SESSIONS; ++i) {
        const phone = `1555800${String(i).padStart(4, '0')}`;
        await control(sim, 'POST', '/phones', { phoneNumber: phone, pushName: 'Line' });
        const s = await call('POST', '/api/v1/sessions', { label: `line ${i}`, ratePerMin: 1000, ratePerHour: 60000, presenceTyping: false });
        const qr = await call('POST', `/api/v1/sessions/${s.json.id}/qr`);
        const scanned = await control(sim, 'POST', `/phones/${phone}:scan`, { qr: qr.json.qr });
        if (scanned.status !== 200) throw new Error(`scan: ${JSON.stringify(scanned.json)}`);
        sessions.push(s.json.id);
    }
    for (const id of sessions) {
        for (let i = 0; i < 300 && (await call('GET', `/api/v1/sessions/${id}`)).json.status !== 'working'; ++i)
            await new Promise(r => setTimeout(r, 100));
    }

    // The organization's event stream: when each message was acknowledged by the server.
    const sentAt = new Map();
    let onSent = () => {};
    const stream = await fetch(`${base}/api/v1/events`, { headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' } });
    (async () => {
        const decoder = new TextDecoder();
        let buf = '';
        for await (const chunk of stream.body) {
            buf += decoder.decode(chunk, { stream: true });
            let end;
            while ((end = buf.indexOf('\n\n')) >= 0) {
                const frame = buf.slice(0, end);
                buf = buf.slice(end + 2);
                if (!frame.includes('event: message.status')) continue;
                const data = JSON.parse(frame.split('\n').find(l => l.startsWith('data: ')).slice(6));
                if (data.status === 'sent') { sentAt.set(data.id, performance.now()); onSent(); }
            }
        }
    })().catch(() => {});
    const allSent = ids => new Promise(resolve => {
        const check = () => { if (ids.every(id => sentAt.has(id))) resolve(); };
        onSent = check;
        check();
    });
    const post = async i => {
        const t0 = performance.now();
        const r = await call('POST', `/api/v1/sessions/${sessions[i % SESSIONS]}/messages`, { to: recipients[i % recipients.length], text });
        if (r.status !== 202) throw new Error(`send: ${r.status} ${JSON.stringify(r.json)}`);
        return { id: r.json.id, t0, accepted: performance.now() };
    };
    const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
    const cpu = () => { const f = readFileSync(`/proc/${gateway.pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };

    // Latency: no pacing wait (a session's sends are ≥ 64 × 5 ms apart).
    const samples = [];
    for (let i = 0; i < LATENCY_SAMPLES; ++i) {
        samples.push(await post(i));
        await new Promise(r => setTimeout(r, Math.max(5, Math.ceil(80 / SESSIONS))));
    }
    await allSent(samples.map(s => s.id));
    const acceptMs = samples.map(s => s.accepted - s.t0);
    const ackMs = samples.map(s => sentAt.get(s.id) - s.accepted);

    // Baseline, same run, same clients: GET of a session (authentication, routing, a cached read),
    // what the HTTP layer costs without the outbox.
    const getStart = performance.now();
    let nextGet = 0;
    const getMs = [];
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (nextGet < MESSAGES) {
            const i = nextGet++;
            const t0 = performance.now();
            if ((await call('GET', `/api/v1/sessions/${sessions[i % SESSIONS]}`)).status !== 200) throw new Error('get failed');
            getMs.push(performance.now() - t0);
        }
    }));
    const getRate = MESSAGES / ((performance.now() - getStart) / 1000);

    const burstOf = async first => {
        const cpu0 = cpu();
        const start = performance.now();
        const burst = [];
        let next = 0;
        await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
            while (next < MESSAGES) burst.push(await post(first + next++));
        }));
        const acceptedAll = performance.now();
        await allSent(burst.map(b => b.id));
        const done = Math.max(...burst.map(b => sentAt.get(b.id)));
        return { burst, start, acceptedAll, done, cpuMs: cpu() - cpu0 };
    };

    // Throughput, messages only.
    await new Promise(r => setTimeout(r, 200));
    const plain = await burstOf(LATENCY_SAMPLES);

    // A webhook receiver for the last phase: every message.status event of the burst.
    let hookEvents = 0, firstHook = 0, lastHook = 0;
    const receiver = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
            const now = performance.now();
            if (!firstHook) firstHook = now;
            lastHook = now;
            ++hookEvents;
            res.writeHead(204).end();
        });
    });
    await new Promise(r => receiver.listen(0, '127.0.0.1', r));
    const hook = await call('POST', '/api/v1/webhooks', { url: `http://127.0.0.1:${receiver.address().port}/hook`, events: ['message.status'] });
    if (hook.status !== 201) throw new Error(`webhook: ${JSON.stringify(hook.json)}`);

    // Throughput with the webhook.
    await new Promise(r => setTimeout(r, 200));
    const hooked = await burstOf(LATENCY_SAMPLES + MESSAGES);
    // Each message of the burst makes four events (queued, sending, sent, delivered).
    const expectedHooks = MESSAGES * 4;
    for (let i = 0; i < 600 && hookEvents < expectedHooks; ++i) await new Promise(r => setTimeout(r, 100));
    receiver.close();
    const f = x => x.toFixed(1);
    console.log(`sessions ${SESSIONS}, pace ceiling ${Math.round(SESSIONS * 1000 / 60)} msg/s`);
    console.log(`latency (${LATENCY_SAMPLES} messages, no pacing wait): accept p50 ${f(pct(acceptMs, 0.5))} ms p99 ${f(pct(acceptMs, 0.99))} ms; ` +
                `accept → server ack p50 ${f(pct(ackMs, 0.5))} ms p99 ${f(pct(ackMs, 0.99))} ms`);
    console.log(`baseline GET session (${MESSAGES} requests, ${CONCURRENCY} clients): ${Math.round(getRate)} req/s, p50 ${f(pct(getMs, 0.5))} ms p99 ${f(pct(getMs, 0.99))} ms`);
    const report = (name, b) => {
        const postMs = b.burst.map(x => x.accepted - x.t0);
        console.log(`${name} (${MESSAGES} messages, ${CONCURRENCY} clients): accepted ${Math.round(MESSAGES / ((b.acceptedAll - b.start) / 1000))} msg/s, ` +
                    `sent (server ack) ${Math.round(MESSAGES / ((b.done - b.start) / 1000))} msg/s; POST p50 ${f(pct(postMs, 0.5))} ms ` +
                    `p99 ${f(pct(postMs, 0.99))} ms; gateway CPU ${f(b.cpuMs * 1000 / MESSAGES)} µs/msg`);
    };
    report('throughput', plain);
    report('with webhook', hooked);
    console.log(`webhook: ${hookEvents} of ${expectedHooks} message.status events delivered, ` +
                `${Math.round(hookEvents / ((lastHook - firstHook) / 1000))} deliveries/s (first to last)`);
} finally {
    gateway?.kill('SIGTERM');
    await stopWasim(sim);
    rmSync(work, { recursive: true, force: true });
}
process.exit(0);
