import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

type ShownFor = NonNullable<IDisplayOptions['show']>[string];

/**
 * Operations declare all their fields themselves, so a field that several operations share is
 * declared once per operation. n8n's routing engine resolves every declared property for every
 * item, shown or not, and twice (docs/n8n-notes.md §1), so each copy of a field given as an
 * expression would cost another evaluation per item. This merges declarations that differ only
 * in the operations they show for into one, shown for all of those operations, and orders the
 * result so that every operation still shows its fields in the order it declared them.
 */
export function mergeRepeatedFields(properties: INodeProperties[]): INodeProperties[] {
	const declarations: INodeProperties[] = [];
	const declarationOf = properties.map((property) => {
		const twin = declarations.find((declared) => isSameField(declared, property));
		if (!twin) {
			declarations.push(copyWithOwnOperations(property));
			return declarations.length - 1;
		}
		operationsOf(twin)?.push(...(operationsOf(property) ?? []));
		return declarations.indexOf(twin);
	});
	return inDeclaredOrder(declarations, precedences(properties, declarationOf));
}

function operationsOf(property: INodeProperties): ShownFor {
	return property.displayOptions?.show?.operation;
}

function copyWithOwnOperations(property: INodeProperties): INodeProperties {
	const operations = operationsOf(property);
	if (!operations) return property;
	const show = { ...property.displayOptions?.show, operation: [...operations] };
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}

const withoutOperationsOf = new WeakMap<INodeProperties, unknown>();

function withoutOperations(property: INodeProperties): unknown {
	let stripped = withoutOperationsOf.get(property);
	if (stripped === undefined) {
		const show = { ...property.displayOptions?.show };
		delete show.operation;
		stripped = { ...property, displayOptions: { ...property.displayOptions, show } };
		withoutOperationsOf.set(property, stripped);
	}
	return stripped;
}

const isPrimitive = (value: unknown) => value === null || typeof value !== 'object';

// n8n builds the description on every load: the cheap differences (a Tool Description's text,
// a default) are looked at before the deep comparison.
function isSameField(a: INodeProperties, b: INodeProperties): boolean {
	return (
		a.name === b.name &&
		a.type === b.type &&
		!(isPrimitive(a.default) && isPrimitive(b.default) && a.default !== b.default) &&
		operationsOf(a) !== undefined &&
		operationsOf(b) !== undefined &&
		isDeepEqual(withoutOperations(a), withoutOperations(b))
	);
}

/** Structural equality; functions (routing hooks) are equal only when they are the same one. */
function isDeepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
	const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
	return (
		aKeys.length === bKeys.length &&
		aKeys.every((key) =>
			isDeepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
		)
	);
}

/** "Shown right after": consecutive fields of one operation, as pairs of declaration indexes. */
function precedences(
	properties: INodeProperties[],
	declarationOf: number[],
): Array<[number, number]> {
	const sameOperation = (a: INodeProperties, b: INodeProperties) =>
		operationsOf(a) !== undefined &&
		isDeepEqual(a.displayOptions?.show?.resource, b.displayOptions?.show?.resource) &&
		isDeepEqual(operationsOf(a), operationsOf(b));
	const pairs: Array<[number, number]> = [];
	for (let i = 1; i < properties.length; i++) {
		if (sameOperation(properties[i - 1], properties[i])) {
			pairs.push([declarationOf[i - 1], declarationOf[i]]);
		}
	}
	return pairs;
}

/** A topological order of the declarations; among those free to go next, the first declared. */
function inDeclaredOrder(
	declarations: INodeProperties[],
	pairs: Array<[number, number]>,
): INodeProperties[] {
	const waitingFor = declarations.map(() => new Set<number>());
	for (const [before, after] of pairs) if (before !== after) waitingFor[after].add(before);
	const placed = new Set<number>();
	const isFree = (index: number) => {
		for (const before of waitingFor[index]) if (!placed.has(before)) return false;
		return true;
	};
	const remaining = declarations.map((_, index) => index);
	const order: INodeProperties[] = [];
	while (remaining.length) {
		// Two operations that order two shared fields differently leave no free field: take the first.
		const at = Math.max(0, remaining.findIndex(isFree));
		const [next] = remaining.splice(at, 1);
		placed.add(next);
		order.push(declarations[next]);
	}
	return order;
}
