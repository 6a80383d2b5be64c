// Verifies webhook deliveries with the Standard Webhooks reference library (the npm package
// `standardwebhooks`), independently of the gateway's own code: every entry of the JSON file
// ([{secret, headers, body}]) must verify, and a tampered body must not.
//
//   node verify-webhooks.mjs deliveries.json
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), 'package.json'));
const { Webhook } = require('standardwebhooks');
const entries = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let failed = 0;
for (const [i, e] of entries.entries()) {
    const wh = new Webhook(e.secret.replace(/^whsec_/, ''));
    try {
        wh.verify(e.body, e.headers);
    } catch (err) {
        console.error(`entry ${i} (${e.headers['webhook-id']}): ${err.message}`);
        ++failed;
        continue;
    }
    try {
        wh.verify(e.body + ' ', e.headers);
        console.error(`entry ${i}: a tampered body verified`);
        ++failed;
    } catch {
        // expected
    }
}
console.log(`${entries.length - failed} of ${entries.length} deliveries verified`);
process.exit(failed || entries.length === 0 ? 1 : 0);
