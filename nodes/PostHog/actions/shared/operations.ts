import {
	NodeApiError,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';
import { withFixForAgents } from '../../transport/errors';
import { sendRoutedRequest } from '../../transport/request';

/**
 * n8n's routing lets an operation take over the sending of its request in one place only:
 * `routing.operations.pagination`. Operations use it for two different things, and say which
 * with one of these two helpers (test/structure.test.js allows no other):
 * - `pagedBy(pager)`: the operation walks PostHog's pages (shared/pagination.ts);
 * - `sendsOwnRequests(run)`: one item sends its request itself, to explain an error, fall back
 *   to another route, read before it writes, or send several requests.
 * Each request still goes through the request seam (`sendRoutedRequest`).
 */
type RoutedOperation = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

function declared(kind: string, run: RoutedOperation): { pagination: RoutedOperation } {
	const pagination: RoutedOperation = async function (this, requestData) {
		try {
			return await run.call(this, requestData);
		} catch (error) {
			throw withFixForAgents(this, error);
		}
	};
	// The name says what the operation runs, in stack traces and in the structure test.
	Object.defineProperty(pagination, 'name', { value: `${kind}(${run.name})` });
	return { pagination };
}

/** The operation's list is walked page by page with `pager`. */
export const pagedBy = (pager: RoutedOperation) => declared('pagedBy', pager);

/** The operation's item sends its own requests with `run`. */
export const sendsOwnRequests = (run: RoutedOperation) => declared('sendsOwnRequests', run);

/**
 * The operation sends its one request, and explains the failures PostHog's own message leaves
 * users guessing about: `explain` gives the description for a failure it recognises.
 */
export const explainsFailures = (explain: (error: unknown) => string | undefined) =>
	sendsOwnRequests(async function explainFailures(this, requestData) {
		try {
			return await sendRoutedRequest.call(this, requestData);
		} catch (error) {
			const description = explain(error);
			if (description) (error as NodeApiError).description = description;
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
	});
