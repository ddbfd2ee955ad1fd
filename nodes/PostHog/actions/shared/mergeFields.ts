import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

type ShownFor = NonNullable<IDisplayOptions['show']>[string];
type Hide = NonNullable<IDisplayOptions['hide']>;

/**
 * Operations declare all their fields themselves, so a field that several operations share is
 * declared once per operation. n8n's routing engine resolves every declared property for every
 * item, shown or not, and twice (docs/n8n-notes.md §1), so each copy costs every item of every
 * operation (and a copy given as an expression, another evaluation). This merges declarations
 * that differ only in the resources and operations they show for into one, shown for all of
 * them, where that shows it for no other operation the node has (n8n shows a field for every
 * resource it names with every operation it names). Copies may also differ in a `hide` on a
 * parameter that the other copies' operations don't have (Group Key hides under Get Related's
 * Related To: Person): the merged field keeps it, and it hides nothing elsewhere. The result is
 * ordered so that every operation still shows its fields in the order it declared them.
 */
export function mergeRepeatedFields(properties: INodeProperties[]): INodeProperties[] {
	const known = operationsOfNode(properties);
	const parameters = parametersByName(properties, known);
	const declarations: INodeProperties[] = [];
	const shownFor = new Map<number, Set<string>>();
	const declarationOf = properties.map((property) => {
		const own = pairsOf(property);
		const mergeable = (declared: INodeProperties, index: number) =>
			isSameField(declared, property) &&
			showsNoOther(declared, property, shownFor.get(index), own, known) &&
			hidesAgree(declared, property, shownFor.get(index), own, parameters);
		// a twin of the same resources first, so each resource keeps its fields together
		const sameResources = (declared: INodeProperties) =>
			(property.displayOptions?.show?.resource ?? []).every((resource) =>
				(declared.displayOptions?.show?.resource ?? []).includes(resource),
			);
		let twin = declarations.findIndex(
			(declared, index) => sameResources(declared) && mergeable(declared, index),
		);
		if (twin === -1) twin = declarations.findIndex(mergeable);
		if (twin === -1) {
			declarations.push(copyWithOwnShow(property));
			shownFor.set(declarations.length - 1, own);
			return declarations.length - 1;
		}
		const show = declarations[twin].displayOptions?.show ?? {};
		for (const key of ['resource', 'operation'] as const) {
			const values = show[key] as Array<string | number | boolean>;
			for (const value of (property.displayOptions?.show?.[key] ?? []) as typeof values)
				if (!values.includes(value)) values.push(value);
		}
		const hide = property.displayOptions?.hide;
		if (hide) {
			const merged = (declarations[twin].displayOptions!.hide ??= {});
			for (const [name, values] of Object.entries(hide)) merged[name] ??= values;
		}
		for (const pair of own) shownFor.get(twin)?.add(pair);
		return twin;
	});
	return inDeclaredOrder(declarations, precedences(properties, declarationOf));
}

const pair = (resource: unknown, operation: unknown) => `${String(resource)}.${String(operation)}`;

/** Every resource and operation of the node, from its Operation selectors. */
function operationsOfNode(properties: INodeProperties[]): Set<string> {
	const pairs = new Set<string>();
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		for (const resource of property.displayOptions?.show?.resource ?? [])
			for (const option of property.options ?? [])
				if ('value' in option) pairs.add(pair(resource, option.value));
	}
	return pairs;
}

/** The resources × operations a declaration shows for (none when it names no operation). */
function pairsOf(property: INodeProperties): Set<string> {
	const show = property.displayOptions?.show;
	const pairs = new Set<string>();
	for (const resource of show?.resource ?? [])
		for (const operation of show?.operation ?? []) pairs.add(pair(resource, operation));
	return pairs;
}

/** Where each parameter name is shown, and the defaults its declarations give it. */
type Parameters = Map<string, { shownFor: Set<string>; defaults: unknown[] }>;

/**
 * Where each parameter name is shown (every resource and operation for a declaration that names
 * not both) and its declared defaults.
 */
function parametersByName(properties: INodeProperties[], known: Set<string>): Parameters {
	const byName: Parameters = new Map();
	for (const property of properties) {
		const show = property.displayOptions?.show;
		const pairs = show?.resource && show.operation ? pairsOf(property) : known;
		const parameter = byName.get(property.name) ?? { shownFor: new Set(), defaults: [] };
		for (const shownPair of pairs) parameter.shownFor.add(shownPair);
		parameter.defaults.push(property.default);
		byName.set(property.name, parameter);
	}
	return byName;
}

/**
 * Whether two declarations hide alike, or where one hides under a parameter the other lacks,
 * the hide is moot for the other's operations: the parameter is shown for none of them, and no
 * default of it meets the hide. n8n checks which parameters a node keeps against the defaults of
 * those it doesn't show as well (`NodeHelpers.getNodeParameters`), so a hide that a default meets
 * would hide the field there too.
 */
function hidesAgree(
	declared: INodeProperties,
	property: INodeProperties,
	declaredPairs: Set<string> | undefined,
	own: Set<string>,
	parameters: Parameters,
): boolean {
	const a: Hide = declared.displayOptions?.hide ?? {};
	const b: Hide = property.displayOptions?.hide ?? {};
	const mootFor = (name: string, values: Hide[string], pairs: Set<string> | undefined) => {
		// `@version`, `@tool` and `/root` paths are not parameters of the other operations
		if (/^[@/]/.test(name)) return false;
		const parameter = parameters.get(name);
		if (!parameter) return true;
		const metByDefault = (values ?? []).some(
			(value) =>
				(value !== null && typeof value === 'object') || parameter.defaults.includes(value),
		);
		return !metByDefault && ![...(pairs ?? [])].some((shown) => parameter.shownFor.has(shown));
	};
	return [...new Set([...Object.keys(a), ...Object.keys(b)])].every((name) => {
		if (isDeepEqual(a[name], b[name])) return true;
		if (a[name] !== undefined && b[name] !== undefined) return false;
		return a[name] !== undefined
			? mootFor(name, a[name], own)
			: mootFor(name, b[name], declaredPairs);
	});
}

/** Whether a declaration shown for both sets of resources and operations shows for no other. */
function showsNoOther(
	declared: INodeProperties,
	property: INodeProperties,
	declaredPairs: Set<string> | undefined,
	own: Set<string>,
	known: Set<string>,
): boolean {
	const resources = new Set([
		...(declared.displayOptions?.show?.resource ?? []),
		...(property.displayOptions?.show?.resource ?? []),
	]);
	const operations = new Set([
		...(declared.displayOptions?.show?.operation ?? []),
		...(property.displayOptions?.show?.operation ?? []),
	]);
	for (const resource of resources)
		for (const operation of operations) {
			const shown = pair(resource, operation);
			if (known.has(shown) && !declaredPairs?.has(shown) && !own.has(shown)) return false;
		}
	return true;
}

function operationsOf(property: INodeProperties): ShownFor {
	return property.displayOptions?.show?.operation;
}

function copyWithOwnShow(property: INodeProperties): INodeProperties {
	const { show, hide } = property.displayOptions ?? {};
	if (!show?.operation || !show.resource) return property;
	const own = { ...show, resource: [...show.resource], operation: [...show.operation] };
	const displayOptions = {
		...property.displayOptions,
		show: own,
		...(hide && { hide: { ...hide } }),
	};
	return { ...property, displayOptions };
}

const withoutWhereShownOf = new WeakMap<INodeProperties, unknown>();

function withoutWhereShown(property: INodeProperties): unknown {
	let stripped = withoutWhereShownOf.get(property);
	if (stripped === undefined) {
		const show = { ...property.displayOptions?.show };
		delete show.operation;
		delete show.resource;
		// hides are compared apart (hidesAgree)
		stripped = { ...property, displayOptions: { ...property.displayOptions, show, hide: {} } };
		withoutWhereShownOf.set(property, stripped);
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
		a.displayOptions?.show?.resource !== undefined &&
		b.displayOptions?.show?.resource !== undefined &&
		isDeepEqual(withoutWhereShown(a), withoutWhereShown(b))
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
