'use strict';
// The REST API of n8n's editor (2.x routes), signed in as the owner: what the end-to-end tests need
// to activate and deactivate a workflow, as the editor's Publish button does, and read its runs.
const { createRequire } = require('node:module');

const OWNER = {
	email: 'e2e@example.com',
	password: 'PostHog-e2e-1',
	firstName: 'E2E',
	lastName: 'Owner',
};
// n8n ties the session cookie to the browser id it was issued for.
const BROWSER_ID = 'n8n-nodes-posthog-e2e';

async function answer(res, what) {
	const text = await res.text();
	if (!res.ok) throw new Error(`${what}: ${res.status} ${text.slice(0, 2000)}`);
	return text ? JSON.parse(text).data : undefined;
}

/** Sets up the owner account when n8n asks for one, signs in, and returns the calls. */
async function signIn(baseUrl, { n8nBin }) {
	const settings = await answer(await fetch(`${baseUrl}/rest/settings`), 'settings');
	if (settings.userManagement?.showSetupOnFirstLoad) {
		await answer(
			await fetch(`${baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(OWNER),
			}),
			'owner setup',
		);
	}
	const login = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	await answer(login, 'login');
	const cookie = login.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('n8n-auth='));
	const call = async (method, path, body) =>
		await answer(
			await fetch(`${baseUrl}/rest${path}`, {
				method,
				headers: {
					cookie,
					'browser-id': BROWSER_ID,
					...(body ? { 'content-type': 'application/json' } : {}),
				},
				body: body ? JSON.stringify(body) : undefined,
			}),
			`${method} ${path}`,
		);
	/**
	 * n8n's publication service starts and stops triggers after the call returns: waits until the
	 * workflow's publication status is one of `wanted`.
	 */
	const settled = async (workflowId, wanted, timeoutMs = 60_000) => {
		const started = Date.now();
		for (;;) {
			const status = await call('GET', `/workflows/${workflowId}/publication-status`);
			if (wanted.includes(status.status)) return status;
			if (['failed', 'partial'].includes(status.status)) {
				const errors = status.triggers.map((t) => t.errorMessage).filter(Boolean);
				throw new Error(`publishing ${workflowId} ${status.status}: ${errors.join('; ')}`);
			}
			if (Date.now() - started > timeoutMs) {
				throw new Error(`${workflowId} still "${status.status}" after ${timeoutMs / 1000} s`);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	};
	return {
		/** Publishes the workflow's current version, and waits until its triggers have started. */
		async activate(workflowId) {
			const { versionId } = await call('GET', `/workflows/${workflowId}`);
			await call('POST', `/workflows/${workflowId}/activate`, { versionId });
			return await settled(workflowId, ['published']);
		},
		/** Unpublishes the workflow, and waits until its triggers have stopped. */
		async deactivate(workflowId) {
			await call('POST', `/workflows/${workflowId}/deactivate`, {});
			return await settled(workflowId, ['not_published']);
		},
		/** The workflow's executions, newest first: `{ id, status, mode, … }`. */
		async executions(workflowId) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			return (await call('GET', `/executions?filter=${filter}`)).results;
		},
		/** One execution's run data, shaped like `n8n execute --rawOutput` prints it. */
		async run(executionId) {
			const execution = await call('GET', `/executions/${executionId}`);
			const { parse } = createRequire(n8nBin)('flatted'); // n8n sends it flatted
			return { ...execution, data: parse(execution.data) };
		},
	};
}

module.exports = { signIn };
