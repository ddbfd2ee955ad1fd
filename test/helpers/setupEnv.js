// n8n-core writes an encryption key into $N8N_USER_FOLDER/.n8n/config when loaded:
// point it at a throw-away folder before any test requires it.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// n8n's logger prints every node error with its stack; the tests assert errors themselves.
process.env.N8N_LOG_LEVEL ??= 'silent';

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-posthog-test-'));
}
