import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { MAX_HOGQL_ROWS } from '../shared/hogql';
import { toItems } from '../shared/output';

/** The part of PostHog's HogQL answer read here (docs/posthog-api-part2.md §5.2). */
type HogQLAnswer = { columns?: unknown; results?: unknown; hasMore?: unknown; limit?: unknown };

/** Column names as keys; a repeated name gets a suffix (`count()`, `count()_2`), so none is lost. */
function keysOf(columns: unknown, width: number): string[] {
	const names = Array.isArray(columns) ? columns.map(String) : [];
	const seen = new Map<string, number>();
	return Array.from({ length: width }, (_, index) => {
		const name = names[index] ?? `column_${index + 1}`;
		const times = (seen.get(name) ?? 0) + 1;
		seen.set(name, times);
		return times === 1 ? name : `${name}_${times}`;
	});
}

function moreRowsError(context: IExecuteSingleFunctions, returned: number): NodeOperationError {
	const cap = MAX_HOGQL_ROWS.toLocaleString('en-US');
	return new NodeOperationError(
		context.getNode(),
		`PostHog returned only the first ${returned} rows of this query; it has more`,
		{
			itemIndex: context.getItemIndex(),
			description: `Without a LIMIT PostHog returns at most ${returned} rows. To get them all, end the query with a LIMIT of up to ${cap} (e.g. LIMIT ${MAX_HOGQL_ROWS}); for more than that, run it in pages on an ordered column (WHERE timestamp > 'LAST_TIMESTAMP_SEEN' ORDER BY timestamp LIMIT ${MAX_HOGQL_ROWS}). To output the ${returned} rows anyway, turn on Options → Partial Results.`,
		},
	);
}

/**
 * postReceive: one item per result row, keyed by the answer's `columns`, values as PostHog sent
 * them (numbers stay numbers, dates stay ISO text). A truncated answer (`hasMore`) is an error
 * unless Partial Results is on: declarative nodes cannot show a warning instead.
 */
export async function rowsToItems(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const answer = (items[0]?.json ?? {}) as HogQLAnswer;
	const rows = (Array.isArray(answer.results) ? answer.results : []) as unknown[];
	if (answer.hasMore === true && !this.getNodeParameter('options.partialResults', false)) {
		throw moreRowsError(this, rows.length);
	}
	// no spread over the rows: up to 50,000 of them would overflow the call stack
	const width = rows.reduce<number>(
		(widest, row) => Math.max(widest, Array.isArray(row) ? row.length : 0),
		0,
	);
	const keys = keysOf(answer.columns, width);
	return toItems(
		this,
		rows.map((row) =>
			Array.isArray(row)
				? (Object.fromEntries(row.map((value, index) => [keys[index], value])) as IDataObject)
				: row,
		),
	);
}
