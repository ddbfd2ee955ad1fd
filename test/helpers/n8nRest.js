'use strict';
// The REST API of n8n's editor, signed in as the owner: what the end-to-end tests need to activate
// and deactivate a workflow, as the editor's Publish button (n8n 1.x: the Active toggle) does, and
// read its runs.
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
async function signIn(baseUrl, { n8nBin, version }) {
	// n8n 1.x answers readiness before it has mounted its REST routes: 404 until then.
	let response = await fetch(`${baseUrl}/rest/settings`);
	for (const started = Date.now(); response.status === 404 && Date.now() - started < 30_000; ) {
		await new Promise((resolve) => setTimeout(resolve, 250));
		response = await fetch(`${baseUrl}/rest/settings`);
	}
	const settings = await answer(response, 'settings');
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
	// n8n 1.x has no publication: the Active toggle saves `active`, and the call returns once the
	// triggers have started (or stopped), with an error when one of them could not.
	const isV1 = String(version ?? settings.versionCli ?? '').startsWith('1.');
	const setActive = async (workflowId, active) => {
		const { versionId } = await call('GET', `/workflows/${workflowId}`);
		const workflow = await call('PATCH', `/workflows/${workflowId}`, { active, versionId });
		if (workflow.active !== active) throw new Error(`${workflowId} is not active: ${active}`);
		return workflow;
	};
	return {
		/** Publishes the workflow's current version, and waits until its triggers have started. */
		async activate(workflowId) {
			if (isV1) return await setActive(workflowId, true);
			const { versionId } = await call('GET', `/workflows/${workflowId}`);
			await call('POST', `/workflows/${workflowId}/activate`, { versionId });
			return await settled(workflowId, ['published']);
		},
		/** Unpublishes the workflow, and waits until its triggers have stopped. */
		async deactivate(workflowId) {
			if (isV1) return await setActive(workflowId, false);
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
