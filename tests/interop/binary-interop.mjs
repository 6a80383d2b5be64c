#!/usr/bin/env node
// Codec interop: our C++ binary-node codec (through wa_node_tool) against Baileys 7's.
//
//   node binary-interop.mjs <path to wa_node_tool>
//
// (a) Baileys -> C++: seeded random nodes are encoded with Baileys' encodeBinaryNode; the C++ decoder
//     must read each one as the node we generated, and our encoder must write it back to the very
//     same bytes (some frames are also sent zlib-compressed, to exercise our inflate path).
// (b) C++ -> Baileys: seeded random nodes are encoded by the C++ tool (some compressed); Baileys'
//     decodeBinaryNode must read each one as we expect Baileys to see it.
//
// Known differences between the two codecs, and how this script keeps clear of them:
// * Baileys has no JID type: any string containing '@' is encoded as a JID, and decoded JIDs come
//   back as strings. Generated plain strings therefore never contain '@'; JIDs are typed on our side
//   and converted to/from Baileys' string form explicitly.
// * Baileys writes AD_JID whenever a JID string has a ":device" part (even ":0") and JID_PAIR
//   otherwise; we follow whatsmeow (AD_JID for device > 0 on s.whatsapp.net/lid, always for hosted).
//   In (a) only JIDs on which both rules give the same bytes are generated (hosted JIDs get an explicit
//   ":0"). In (b) every form is generated: Baileys reads all of them, printing ":device" only when it
//   is not 0 (always for msgr/interop), and it drops an unknown AD domain byte (raw agent) - expected.
// * Baileys cannot write FB_JID or INTEROP_JID at all, so those are tested in (b) only.
// * Empty attribute values: Baileys writes FC 00, we (like whatsmeow) omit the attribute and read
//   such values as absent. Not generated; covered by the unit tests.
// * Text content: Baileys decodes token/packed content as a string and BINARY_x content as a Buffer,
//   as we do (text vs bytes). Text that cannot be written compactly travels as BINARY_x in both
//   codecs and so is read back as bytes on either side; the expectations say so.
// * Baileys looks tokens up in a plain object, so strings such as "constructor" or "__proto__" would
//   hit Object.prototype and be mis-encoded by Baileys; such strings are never generated.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';

if (Number.parseInt(process.versions.node, 10) < 20) {
    console.error(`binary-interop: Baileys 7 needs Node.js 20 or newer, this is ${process.versions.node}`);
    process.exit(1);
}
const { decodeBinaryNode, encodeBinaryNode } = await import('@whiskeysockets/baileys');
const { DOUBLE_BYTE_TOKENS, SINGLE_BYTE_TOKENS } = await import('@whiskeysockets/baileys/lib/WABinary/constants.js');

const tool = process.argv[2];
if (!tool) {
    console.error('usage: node binary-interop.mjs <wa_node_tool>');
    process.exit(2);
}
const seed = Number.parseInt(process.env.WAGATE_INTEROP_SEED ?? '20240601', 10);
const count = Number.parseInt(process.env.WAGATE_INTEROP_COUNT ?? '400', 10);

const TOKENS = new Set([...SINGLE_BYTE_TOKENS.slice(1), ...DOUBLE_BYTE_TOKENS.flat()]);
const isPackable = (s, re) => s.length > 0 && s.length <= 127 && re.test(s);
// Written as a token or packed string by both codecs, and so read back as text.
const isCompact = s => TOKENS.has(s) || isPackable(s, /^[0-9.-]+$/) || isPackable(s, /^[0-9A-F]+$/);

// --- seeded generator (xorshift32) ---------------------------------------------------------------

class Gen {
    constructor(s) { this.state = (s >>> 0) || 1; }
    next() {
        let x = this.state;
        x ^= x << 13; x >>>= 0;
        x ^= x >>> 17;
        x ^= x << 5; x >>>= 0;
        this.state = x;
        return x;
    }
    below(n) { return this.next() % n; }
    pick(list) { return list[this.below(list.length)]; }
    chars(alphabet, length) {
        let out = '';
        for (let i = 0; i < length; ++i) out += alphabet[this.below(alphabet.length)];
        return out;
    }
    bytes(length) {
        const b = Buffer.alloc(length);
        for (let i = 0; i < length; ++i) b[i] = this.below(256);
        return b;
    }

    // A non-empty string without '@' in one of the wire forms.
    string() {
        for (;;) {
            let s;
            switch (this.below(10)) {
            case 0: s = SINGLE_BYTE_TOKENS[1 + this.below(235)]; break;
            case 1: s = this.pick(DOUBLE_BYTE_TOKENS[this.below(4)]); break;
            case 2: s = this.chars('0123456789-.', 1 + this.below(130)); break; // around the 127 limit
            case 3: s = this.chars('0123456789ABCDEF', 1 + this.below(130)); break;
            case 4: s = this.chars('0123456789abcdef', 1 + this.below(20)); break; // lower case: raw
            case 5: {
                const words = ['h\u00e9llo', 'w\u00f6rld', '\u2713', '\u{1F600}', ' '];
                s = '';
                for (let i = 1 + this.below(6); i > 0; --i) s += this.pick(words);
                break;
            }
            case 6: s = this.chars('abcdefghijklmnopqrstuvwxyz_:-', 1 + this.below(300)); break; // BINARY_20 too
            default: s = this.chars('abcdefghijklmnopqrstuvwxyz0123456789', 1 + this.below(12));
            }
            if (!(s in Object.prototype)) return s;
        }
    }

    user() { return this.chars('0123456789', 1 + this.below(18)); }

    // Typed JIDs. bothAgree: only forms that Baileys and we encode to identical bytes.
    jid(bothAgree) {
        const j = (user, server, device = 0, agent = 0, integrator = 0) => ({ user, server, device, agent, integrator });
        const kinds = bothAgree ? 9 : 14;
        switch (this.below(kinds)) {
        case 0: return j('', 's.whatsapp.net');
        case 1: return j(this.user(), 's.whatsapp.net');
        case 2: return j(this.user(), 's.whatsapp.net', 1 + this.below(255));
        case 3: return j(this.user(), 'lid');
        case 4: return j(this.user(), 'lid', 1 + this.below(255));
        case 5: return j(this.user(), this.pick(['hosted', 'hosted.lid']), this.below(2) ? 0 : this.below(256));
        case 6: return j(`${this.user()}-${this.user()}`, 'g.us');
        case 7: return j('status', 'broadcast');
        case 8: return j(this.user(), 'newsletter');
        case 9: return j(this.user(), 'msgr', this.below(65536));
        case 10: return j(this.user(), 'interop', this.below(65536), 0, this.below(65536));
        case 11: return j(this.user(), 'interop', this.below(65536), 0, 0);
        case 12: return j(this.user(), 's.whatsapp.net', this.below(256), 2 + this.below(100)); // raw agent
        default: return j(this.user(), this.pick(['s.whatsapp.net', 'lid']), 0);
        }
    }

    node(bothAgree, depth = 0) {
        const attrs = [];
        const keys = new Set();
        for (let i = this.below(5); i > 0; --i) {
            const key = this.string();
            if (keys.has(key)) continue;
            keys.add(key);
            attrs.push([key, this.below(4) === 0 ? { jid: this.jid(bothAgree) } : this.string()]);
        }
        const node = { tag: this.string(), attrs };
        switch (this.below(depth >= 3 ? 5 : 6)) {
        case 0: break;
        case 1: node.content = { bytes: this.bytes(this.below(3) === 0 ? this.below(3000) : this.below(40)) }; break;
        case 2: node.content = { text: this.below(20) === 0 ? '' : this.string() }; break;
        case 3: node.content = { jid: this.jid(bothAgree) }; break;
        case 4: node.content = []; break;
        default:
            node.content = [];
            for (let i = 1 + this.below(4); i > 0; --i) node.content.push(this.node(bothAgree, depth + 1));
        }
        return node;
    }
}

// --- conversions ---------------------------------------------------------------------------------

// The string Baileys needs to write a JID exactly as we do (only for the forms of jid(true)).
const jidForBaileysEncoder = j =>
    (j.server === 'hosted' || j.server === 'hosted.lid' || j.device > 0)
        ? `${j.user}:${j.device}@${j.server}` : `${j.user}@${j.server}`;

// The string Baileys' decoder prints for our encoding of a JID.
const jidAsBaileysReadsIt = j => {
    if (j.server === 'msgr') return `${j.user}:${j.device}@msgr`;
    if (j.server === 'interop') return `${j.integrator}-${j.user}:${j.device}@interop`;
    return `${j.user}${j.device ? `:${j.device}` : ''}@${j.server}`;
};

function toBaileysInput(node) {
    const attrs = {};
    for (const [k, v] of node.attrs) attrs[k] = typeof v === 'string' ? v : jidForBaileysEncoder(v.jid);
    const out = { tag: node.tag, attrs };
    const c = node.content;
    if (Array.isArray(c)) out.content = c.map(toBaileysInput);
    else if (c?.bytes) out.content = c.bytes;
    else if (c?.text !== undefined) out.content = c.text;
    else if (c?.jid) out.content = jidForBaileysEncoder(c.jid);
    return out;
}

// What wa_node_tool prints for a node we generated: attributes as a set, text that travels raw as bytes.
function asToolReadsIt(node) {
    const attrs = node.attrs.map(([k, v]) => [k, typeof v === 'string' ? v : { jid: v.jid }])
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out = { tag: node.tag, attrs };
    const c = node.content;
    if (Array.isArray(c)) out.content = c.map(asToolReadsIt);
    else if (c?.bytes) out.content = { bytes: c.bytes.toString('hex') };
    else if (c?.text !== undefined) out.content = isCompact(c.text) ? { text: c.text } : { bytes: Buffer.from(c.text, 'utf8').toString('hex') };
    else if (c?.jid) out.content = { jid: c.jid };
    return out;
}

function canonicalToolNode(node) {
    const attrs = [...node.attrs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out = { tag: node.tag, attrs };
    if (Array.isArray(node.content)) out.content = node.content.map(canonicalToolNode);
    else if (node.content !== undefined) out.content = node.content;
    return out;
}

function toToolInput(node) {
    const out = { tag: node.tag, attrs: node.attrs };
    const c = node.content;
    if (Array.isArray(c)) out.content = c.map(toToolInput);
    else if (c?.bytes) out.content = { bytes: c.bytes.toString('hex') };
    else if (c !== undefined) out.content = c;
    return out;
}

// What Baileys' decodeBinaryNode returns for our encoding of a node.
function asBaileysReadsIt(node) {
    const attrs = {};
    for (const [k, v] of node.attrs) attrs[k] = typeof v === 'string' ? v : jidAsBaileysReadsIt(v.jid);
    let content;
    const c = node.content;
    if (Array.isArray(c)) content = c.map(asBaileysReadsIt);
    else if (c?.bytes) content = c.bytes;
    else if (c?.text !== undefined) content = isCompact(c.text) ? c.text : Buffer.from(c.text, 'utf8');
    else if (c?.jid) content = jidAsBaileysReadsIt(c.jid);
    return { tag: node.tag, attrs, content };
}

function runTool(mode, lines) {
    const r = spawnSync(tool, [mode], { input: lines.join('\n') + '\n', maxBuffer: 1 << 30, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`wa_node_tool ${mode} failed (${r.status}): ${r.stderr}`);
    const out = r.stdout.split('\n').filter(Boolean).map(l => JSON.parse(l));
    assert.equal(out.length, lines.length, `wa_node_tool ${mode} answered ${out.length} of ${lines.length} lines`);
    return out;
}

// --- the cases -----------------------------------------------------------------------------------

const failures = [];
const fail = (what, detail) => {
    failures.push(`${what}: ${detail}`);
};
const short = v => {
    const s = JSON.stringify(v, (k, x) => (x?.type === 'Buffer' ? `<${x.data.length} bytes>` : x));
    return s.length > 600 ? `${s.slice(0, 600)}...` : s;
};

function specialNodes(bothAgree) {
    const wide = { tag: 'list', attrs: [], content: [] };
    for (let i = 0; i < 300; ++i) wide.content.push({ tag: 'item', attrs: [['id', String(i)]] }); // LIST_16
    const huge = { tag: 'blob', attrs: [], content: { bytes: Buffer.alloc((1 << 20) + 10, 0x5a) } }; // BINARY_32
    const server = { jid: { user: '', server: 's.whatsapp.net', device: 0, agent: 0, integrator: 0 } };
    const pairDevice = {
        tag: 'iq', attrs: [['from', server], ['type', 'set'], ['id', '42'], ['xmlns', 'md']],
        content: [{ tag: 'pair-device', attrs: [], content: [{ tag: 'ref', attrs: [], content: { bytes: Buffer.from('2@abc') } }] }],
    };
    const nodes = [wide, huge, pairDevice, { tag: 'xmlstreamend', attrs: [] }];
    if (!bothAgree) {
        nodes.push({ tag: 'device', attrs: [['jid', { jid: { user: '1', server: 'msgr', device: 0, agent: 0, integrator: 0 } }]] });
    }
    return nodes;
}

// (a) Baileys encodes, we decode.
const genA = new Gen(seed);
const nodesA = [...specialNodes(true)];
while (nodesA.length < count) nodesA.push(genA.node(true));
const framesA = nodesA.map(n => encodeBinaryNode(toBaileysInput(n)));
// §4.7: Baileys writes the pair-device example with exactly these bytes.
const pairDeviceHex = '00f80a1906fa0003045a08ee5216fc026d64f801f802edeef801f802ed50fc053240616263';
if (framesA[2].toString('hex') !== pairDeviceHex)
    fail('(a) pair-device example', `Baileys wrote ${framesA[2].toString('hex')}, PROTOCOL.md says ${pairDeviceHex}`);
const linesA = [];
const expectA = [];
framesA.forEach((frame, i) => {
    linesA.push(frame.toString('hex'));
    expectA.push({ i, hex: frame.toString('hex') });
    if (i % 10 === 0) {
        // The same node zlib-compressed by Node's zlib (RFC 1950), flag 0x02.
        linesA.push(Buffer.concat([Buffer.from([2]), deflateSync(frame.subarray(1))]).toString('hex'));
        expectA.push({ i, hex: frame.toString('hex'), compressed: true });
    }
});
const outA = runTool('decode', linesA);
outA.forEach((r, k) => {
    const { i, hex, compressed } = expectA[k];
    const what = `(a) #${i}${compressed ? ' compressed' : ''}`;
    if (!r.ok) return fail(what, `C++ rejected Baileys' frame: ${r.error} at ${r.offset}; node ${short(nodesA[i])}`);
    try {
        assert.deepStrictEqual(canonicalToolNode(r.node), asToolReadsIt(nodesA[i]));
    } catch {
        return fail(what, `decoded differently\n  expected ${short(asToolReadsIt(nodesA[i]))}\n  actual   ${short(canonicalToolNode(r.node))}`);
    }
    if (r.reencoded !== hex) {
        let at = 0;
        while (at < hex.length && hex[at] === r.reencoded[at]) ++at;
        at -= at % 2;
        const from = Math.max(0, at - 40);
        fail(what, `C++ re-encoding differs from Baileys' bytes at byte ${at / 2}\n`
            + `  baileys ...${hex.slice(from, at + 80)}\n  c++     ...${r.reencoded.slice(from, at + 80)}`);
    }
});

// (b) we encode, Baileys decodes.
const genB = new Gen(seed ^ 0x9e3779b9);
const nodesB = [...specialNodes(false)];
while (nodesB.length < count) nodesB.push(genB.node(false));
const outB = runTool('encode', nodesB.map((n, i) => JSON.stringify({ node: toToolInput(n), compress: i % 10 === 5 })));
for (const [i, r] of outB.entries()) {
    const what = `(b) #${i}`;
    if (!r.ok) {
        fail(what, `C++ could not encode ${short(nodesB[i])}: ${r.error}`);
        continue;
    }
    let decoded;
    try {
        decoded = await decodeBinaryNode(Buffer.from(r.hex, 'hex'));
    } catch (e) {
        fail(what, `Baileys rejected our frame: ${e.message}; node ${short(nodesB[i])}`);
        continue;
    }
    try {
        assert.deepStrictEqual(decoded, asBaileysReadsIt(nodesB[i]));
    } catch {
        fail(what, `Baileys read it differently\n  expected ${short(asBaileysReadsIt(nodesB[i]))}\n  actual   ${short(decoded)}`);
    }
}

console.log(`binary interop (seed ${seed}): (a) Baileys -> C++ ${outA.length} frames of ${nodesA.length} nodes, `
    + `(b) C++ -> Baileys ${outB.length} nodes; ${failures.length} failures`);
if (failures.length) {
    for (const f of failures.slice(0, 10)) console.error(f);
    console.log(`${outA.length + outB.length - failures.length} passed, ${failures.length} failed`);
    process.exit(1);
}
console.log(`${outA.length + outB.length} passed, 0 failed`);
