// Decodes the frames written by `bench_nodecodec --write FILE` with Baileys 7 for the same number of
// seconds: the other implementation's throughput on the same bytes, as a baseline in the same run.
//   node tests/bench/nodecodec.mjs FILE [seconds]
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))
const interop = path.join(here, '..', 'interop')
const baileys = await import(createRequire(path.join(interop, 'package.json')).resolve('@whiskeysockets/baileys'))
const frames = readFileSync(process.argv[2], 'utf8').trim().split('\n').map(h => Buffer.from(h, 'hex'))
const seconds = Number(process.argv[3] || 3)
const bytes = frames.reduce((n, f) => n + f.length, 0)

let done = 0
const start = process.hrtime.bigint()
while (Number(process.hrtime.bigint() - start) < seconds * 1e9) {
  for (const f of frames) await baileys.decodeBinaryNode(f)
  done += bytes
}
const elapsed = Number(process.hrtime.bigint() - start) / 1e9
console.log(`RESULT baileys_decode_MBps=${(done / elapsed / 1e6).toFixed(0)}`)
