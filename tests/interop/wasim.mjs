// Shared by the interop scripts: the wasim executable as a child process, its control API, and
// deadlines for the steps.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

//! `prefix` runs wasim through another command, e.g. ['taskset', '-c', '1'] to pin it to a core.
export function startWasim(wasimPath, extraArgs = [], prefix = []) {
    return new Promise((resolve, reject) => {
        const command = [...prefix, wasimPath, '--listen', '127.0.0.1:0', '--control', '127.0.0.1:0', ...extraArgs];
        const child = spawn(command[0], command.slice(1), {
            stdio: ['ignore', 'pipe', 'pipe']
        });
        const stderr = [];
        child.stderr.on('data', chunk => {
            stderr.push(chunk);
            if (process.env.WAGATE_INTEROP_WASIM_LOG) process.stderr.write(chunk);
        });
        const lines = [];
        const rl = createInterface({ input: child.stdout });
        const timer = setTimeout(() => reject(new Error('wasim did not print its three lines in 10 s')), 10000);
        rl.on('line', line => {
            lines.push(line);
            if (lines.length === 3) {
                clearTimeout(timer);
                const ws = lines[0];
                const control = lines[1].replace(/^control /, '');
                const rootKey = lines[2].replace(/^root-key /, '');
                assert.match(ws, /^ws:\/\/127\.0\.0\.1:\d+\/ws\/chat$/);
                assert.match(control, /^http:\/\/127\.0\.0\.1:\d+$/);
                assert.match(rootKey, /^[0-9a-f]{64}$/);
                resolve({ child, ws, control, rootKey, stderr });
            }
        });
        child.on('exit', code => {
            clearTimeout(timer);
            if (lines.length < 3) reject(new Error(`wasim exited with ${code}: ${Buffer.concat(stderr)}`));
        });
    });
}

export async function api(sim, method, path, body) {
    const res = await fetch(sim.control + path, {
        method,
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
}

export function within(ms, promise, what) {
    let timer;
    return Promise.race([
        promise,
        new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
        })
    ]).finally(() => clearTimeout(timer));
}


//! Stops wasim with SIGTERM and resolves to true when it exited cleanly.
export async function stopWasim(sim) {
    const exited = new Promise(resolve => sim.child.on('exit', (code, signal) => resolve({ code, signal })));
    sim.child.kill('SIGTERM');
    const { code, signal } = await within(10000, exited, 'wasim to exit after SIGTERM');
    if (code !== 0) console.error(`wasim exited with code ${code} signal ${signal} after SIGTERM`);
    return code === 0;
}
