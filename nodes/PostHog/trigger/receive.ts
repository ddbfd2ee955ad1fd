import { timingSafeEqual } from 'crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { SECRET_HEADER } from './destination';
import type { HookState } from './hookState';
import { isRepeat } from './recentEvents';

function sameSecret(sent: unknown, expected: string | undefined): boolean {
	if (typeof sent !== 'string' || !expected) return false;
	const [a, b] = [Buffer.from(sent), Buffer.from(expected)];
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * One delivery of the destination (docs/posthog-api-part2.md §10.5): one item
 * `{event, person, groups, project}` as PostHog rendered them. A wrong or missing secret gets 401
 * and starts nothing; an event uuid received lately gets 200 and starts nothing. n8n answers at
 * once (`responseMode: onReceived`): slow answers cost the destination health and get retried.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const { secret } = this.getWorkflowStaticData('node') as HookState;
	if (!sameSecret(this.getHeaderData()[SECRET_HEADER.toLowerCase()], secret)) {
		this.getResponseObject()
			.status(401)
			.json({ message: `Missing or wrong ${SECRET_HEADER}` });
		return { noWebhookResponse: true };
	}
	const body = (this.getBodyData() ?? {}) as IDataObject;
	const uuid = (body.event as IDataObject | undefined)?.uuid;
	if (typeof uuid === 'string' && isRepeat(`${this.getWorkflow().id}:${this.getNode().id}`, uuid)) {
		return { webhookResponse: { message: 'Already received' } };
	}
	const { event = null, person = null, groups = null, project = null } = body;
	return { workflowData: [[{ json: { event, person, groups, project } }]] };
}
