import {
	NodeApiError,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';
import { perExecution } from '../../transport/perExecution';
import { sendRoutedRequest } from '../../transport/request';
import { errorCode } from '../../transport/retry';
import { sendsOwnRequests } from '../shared/operations';

// Which route the server answered on, remembered for the rest of the run.
const underEnvironments = perExecution(() => ({ known: false }));

/**
 * Issue routes moved: older servers serve them only under `/api/environments/{id}/`, the newest
 * only under `/api/projects/{id}/` (docs/posthog-api-part3.md §4.1). The projects route is tried
 * first; on a 404 the same request goes once to the environments route, and once that answered,
 * the run's later items go there first.
 */
async function sendUnderProjectsOrEnvironments(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const projectsUrl = requestData.options.url ?? '';
	const environmentsUrl = projectsUrl.replace('/api/projects/', '/api/environments/');
	const to = (url: string) => ({ ...requestData, options: { ...requestData.options, url } });
	const memory = underEnvironments.of(this);
	const [first, second] = memory.known
		? [environmentsUrl, projectsUrl]
		: [projectsUrl, environmentsUrl];
	try {
		return await sendRoutedRequest.call(this, to(first));
	} catch (error) {
		if (errorCode(error) !== '404') throw new NodeApiError(this.getNode(), error as JsonObject);
		try {
			const answer = await sendRoutedRequest.call(this, to(second));
			memory.known = second === environmentsUrl;
			return answer;
		} catch (retried) {
			// Both routes 404: the issue does not exist (the first route's answer says so).
			const failed = errorCode(retried) === '404' ? error : retried;
			throw new NodeApiError(this.getNode(), failed as JsonObject);
		}
	}
}

/** The operation's request goes to the issue route the server has. */
export const sentToIssueRoute = sendsOwnRequests(sendUnderProjectsOrEnvironments);
