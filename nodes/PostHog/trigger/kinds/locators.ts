import { NodeOperationError, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';
import type { ResourceLocatorValue } from '../../shared/locator';

/** The picked ID, trimmed; '' when an optional picker is empty. */
export function pickedId(context: IHookFunctions | IWebhookFunctions, name: string): string {
	const locator = context.getNodeParameter(name, undefined, {
		extractValue: false,
	}) as ResourceLocatorValue;
	return String(locator?.value ?? '').trim();
}

/** The picked ID of a required picker; empty is refused before any request. */
export function requiredPickedId(context: IHookFunctions, name: string, label: string): string {
	const id = pickedId(context, name);
	if (!id) throw new NodeOperationError(context.getNode(), `${label}: choose one`);
	return id;
}
