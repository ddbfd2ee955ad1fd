import { timingSafeEqual } from 'crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { clock } from '../transport/timing';
import { SECRET_HEADER } from './destination';
import type { HookState } from './hookState';
import { kindOf, type Delivery } from './kinds';
import { isRepeat } from './recentEvents';
import { signatureProblem } from './signing';

function sameSecret(sent: unknown, expected: string | undefined): boolean {
	if (typeof sent !== 'string' || !expected) return false;
	const [a, b] = [Buffer.from(sent), Buffer.from(expected)];
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The body exactly as PostHog sent it, which its signature covers: n8n keeps it as the
 * request's `rawBody` (docs/n8n-notes.md §10). Without it, the parsed body written back as JSON,
 * which is what PostHog's fetch sends for a JSON body.
 */
function rawBodyOf(context: IWebhookFunctions): Buffer | string {
	const { rawBody } = context.getRequestObject() as { rawBody?: Buffer };
	return rawBody ?? JSON.stringify(context.getBodyData() ?? {});
}

/** Why a delivery does not come from this trigger's destination, or undefined when it does. */
function refusal(context: IWebhookFunctions, state: HookState): string | undefined {
	const headers = context.getHeaderData() as IDataObject;
	if (!state.signed) {
		return sameSecret(headers[SECRET_HEADER.toLowerCase()], state.secret)
			? undefined
			: `Missing or wrong ${SECRET_HEADER}`;
	}
	const header = (name: string) => {
		const value = headers[name];
		return typeof value === 'string' ? value : undefined;
	};
	return signatureProblem(
		state.secret ?? '',
		{
			id: header('webhook-id'),
			timestamp: header('webhook-timestamp'),
			signature: header('webhook-signature'),
			body: rawBodyOf(context),
		},
		clock.now(),
	);
}

/**
 * One delivery of the destination (docs/posthog-api-part2.md §10.5, docs/instant-trigger.md
 * §2): one item `{event, person, groups, project}` as PostHog rendered them, plus the kind's
 * summary (`issue`, `alert`, `activity`, `survey`, `action`). A delivery that is unsigned, forged
 * or out of its 5-minute window, or carries a wrong header secret, gets 401 and starts nothing.
 * A delivery received lately (same `webhook-id`, or same event uuid) gets 200 and starts
 * nothing. n8n answers at once (`responseMode: onReceived`): slow answers cost the destination
 * health and get retried.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const state = this.getWorkflowStaticData('node') as HookState;
	const problem = refusal(this, state);
	if (problem) {
		this.getResponseObject().status(401).json({ message: problem });
		return { noWebhookResponse: true };
	}
	const body = (this.getBodyData() ?? {}) as IDataObject;
	const trigger = `${this.getWorkflow().id}:${this.getNode().id}`;
	const deliveryId = (this.getHeaderData() as IDataObject)['webhook-id'];
	const uuid = (body.event as IDataObject | undefined)?.uuid;
	const repeats = [
		typeof deliveryId === 'string' && isRepeat(trigger, `delivery:${deliveryId}`),
		typeof uuid === 'string' && isRepeat(trigger, uuid),
	];
	if (repeats.some(Boolean)) return { webhookResponse: { message: 'Already received' } };
	const { event = null, person = null, groups = null, project = null } = body;
	const { summary } = kindOf(this);
	const item: IDataObject = { event, person, groups, project };
	if (summary) item[summary.key] = summary.of(body as Delivery, this);
	return { workflowData: [[{ json: item }]] };
}
