import type { IExecuteSingleFunctions } from 'n8n-workflow';

/** How many executions of a node each memory keeps; the oldest is forgotten first. */
const MAX_REMEMBERED_RUNS = 100;

type Run = Pick<IExecuteSingleFunctions, 'getExecutionId' | 'getNode'>;

/**
 * A memory that lasts one execution of one node: every item of the run sees the same value, and
 * another execution (or another node, which may use another credential) starts afresh. Only the
 * latest runs are kept, so the memory stays bounded in a long-lived n8n process.
 */
export function perExecution<T>(create: () => T) {
	const runs = new Map<string, T>();
	const idOf = (context: Run) => `${context.getExecutionId()}:${context.getNode().id}`;
	return {
		/** This run's value, made on first use. */
		of(context: Run): T {
			const id = idOf(context);
			let value = runs.get(id);
			if (value === undefined) {
				if (runs.size >= MAX_REMEMBERED_RUNS) runs.delete(runs.keys().next().value as string);
				value = create();
				runs.set(id, value);
			}
			return value;
		},
		/** This run's value, if it has one. */
		peek(context: Run): T | undefined {
			return runs.get(idOf(context));
		},
	};
}

/**
 * Answers remembered for one execution of one node, by key: every item of a run usually asks
 * the same (a credential, a flag key, a distinct ID), and all items' requests start at once, so
 * they share one request. A failed answer is not remembered: the next item (or run) asks again.
 */
export function rememberedPerExecution<T>() {
	const memory = perExecution(() => new Map<string, Promise<T>>());
	return async function remembered(
		context: Run,
		key: string,
		lookUp: () => Promise<T>,
	): Promise<T> {
		const answers = memory.of(context);
		let answer = answers.get(key);
		if (!answer) {
			answer = lookUp();
			answer.catch(() => answers.delete(key));
			answers.set(key, answer);
		}
		return await answer;
	};
}
