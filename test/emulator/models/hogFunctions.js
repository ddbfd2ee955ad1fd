'use strict';
// Hog functions (destinations): the `template-webhook` template, the serializer's checks in
// PostHog's order, and the full and minimal serializers. docs/posthog-api-part2.md §10.1–§10.4, §11.
// Bytecode is opaque here: plain strings compile as PostHog shows them (`["_H", 1, 32, s]`),
// anything else gets a marker array, since nothing reads it.
const errors = require('../errors');
const { isPlainObject, charField, serializerData } = require('../validate');
const { booleanField, choiceField } = require('./drfFields');
const { userBasic } = require('./userBasic');

const WEBHOOK_CODE = `
let payload := {
  'headers': inputs.headers,
  'body': inputs.body,
  'method': inputs.method
}

if (inputs.debug) {
  print('Request', inputs.url, payload)
}

if (notEmpty(inputs.signing_secret)) {
  payload.standard_webhooks := {'secret_input': 'signing_secret'}
}

let res := fetch(inputs.url, payload);

// A 3xx redirect is not followed, so the request never reached its target. Treat it as a failure.
if (res.status >= 300) {
  throw Error(f'Webhook failed with status {res.status}: {res.body}');
}

if (inputs.debug) {
  print('Response', res.status, res.body);
}
`;

const choice = (value) => ({ label: value, value });

/** The webhook template as `hog_function_templates/template-webhook/` returns it (§10.2). */
const TEMPLATES = {
	'template-webhook': {
		id: 'template-webhook',
		name: 'HTTP Webhook',
		description: 'Sends a webhook templated by the incoming event data',
		code: WEBHOOK_CODE,
		code_language: 'hog',
		inputs_schema: [
			{
				key: 'url',
				type: 'string',
				label: 'Webhook URL',
				secret: false,
				required: true,
				description: 'Endpoint URL to send event data to.',
			},
			{
				key: 'method',
				type: 'choice',
				label: 'Method',
				secret: false,
				choices: ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'].map(choice),
				default: 'POST',
				required: false,
				description: 'HTTP method to use for the request.',
			},
			{
				key: 'body',
				type: 'json',
				label: 'JSON Body',
				default: { event: '{event}', person: '{person}' },
				secret: false,
				required: false,
				description: 'JSON payload to send in the request body.',
			},
			{
				key: 'headers',
				type: 'dictionary',
				label: 'Headers',
				secret: false,
				required: false,
				default: { 'Content-Type': 'application/json', Accept: 'application/json' },
				description: 'HTTP headers to send in the request.',
			},
			{
				key: 'signing_secret',
				type: 'string',
				label: 'Signing secret',
				secret: true,
				required: false,
				description: 'Signs each request following the Standard Webhooks spec.',
			},
			{
				key: 'debug',
				type: 'boolean',
				label: 'Log responses',
				description: 'Logs the response of http calls for debugging.',
				secret: false,
				required: false,
				default: false,
			},
		],
		type: 'destination',
		status: 'stable',
		category: ['Custom'],
		free: false,
		icon_url: '/static/services/webhook.svg',
		filters: null,
		masking: null,
		mapping_templates: null,
	},
};

/**
 * The template as this server has it: an older one (`state.webhookSigning === false`) lacks the
 * `signing_secret` input, so a sent one is dropped silently (docs/posthog-api-part3.md §10).
 */
function templateFor(state, id) {
	const template = TEMPLATES[id];
	if (!template || state.webhookSigning !== false) return template;
	return {
		...template,
		inputs_schema: template.inputs_schema.filter((input) => input.key !== 'signing_secret'),
	};
}

/** `is_managed_alert_internal_event` (docs/posthog-api-part3.md §9.1): alert events other than insight alerts. */
const MANAGED_ALERT_EVENT = /^\$[a-z0-9_]+_alert_(firing|resolved|errored|auto_disabled|match)$/;
const isManagedAlertEvent = (id) =>
	typeof id === 'string' && MANAGED_ALERT_EVENT.test(id) && id !== '$insight_alert_firing';

const FUNCTION_TYPES = [
	'destination',
	'site_destination',
	'internal_destination',
	'source_webhook',
	'warehouse_source_webhook',
	'site_app',
	'transformation',
];
const INPUT_TYPES = [
	'string',
	'number',
	'boolean',
	'dictionary',
	'choice',
	'json',
	'integration',
	'integration_field',
	'email',
	'native_email',
];
const MAX_HOG_CODE_SIZE_BYTES = 100 * 1024;

/** Python truthiness, which InputsItemSerializer uses for "required". */
const pyFalsy = (v) =>
	v === undefined ||
	v === null ||
	v === false ||
	v === 0 ||
	v === '' ||
	(Array.isArray(v) && !v.length) ||
	(isPlainObject(v) && !Object.keys(v).length);

const templateRefs = (value) => JSON.stringify(value ?? null).match(/\{[^{}]*\}/g) || [];
const bytecodeFor = (value) =>
	typeof value === 'string' && !templateRefs(value).length
		? ['_H', 1, 32, value]
		: ['_H', 1, 'emulator: template bytecode not compiled'];

/** The inputs other inputs reference (`{inputs.x}`) come first: PostHog's dependency order. */
function inputOrder(inputs) {
	const keys = Object.keys(inputs);
	const deps = Object.fromEntries(
		keys.map((k) => [
			k,
			templateRefs(inputs[k].value)
				.flatMap((ref) => [...ref.matchAll(/inputs\.(\w+)/g)].map((x) => x[1]))
				.filter((d) => d !== k && keys.includes(d)),
		]),
	);
	const ordered = [];
	const visit = (k, seen = new Set()) => {
		if (ordered.includes(k) || seen.has(k)) return;
		seen.add(k);
		deps[k].forEach((d) => visit(d, seen));
		ordered.push(k);
	};
	keys.forEach((k) => visit(k));
	return ordered;
}

function validateInputsSchema(schema) {
	if (!Array.isArray(schema))
		throw errors.validation(
			'inputs_schema',
			'Expected a list of items but got type "dict".',
			'not_a_list',
		);
	return schema.map((item, i) => {
		const data = serializerData(item, `inputs_schema__${i}`);
		choiceField(data, 'type', INPUT_TYPES, { attr: `inputs_schema__${i}__type` });
		if (data.type === undefined) throw errors.required(`inputs_schema__${i}__type`);
		charField(data, 'key', { attr: `inputs_schema__${i}__key` });
		return { required: false, secret: false, ...data };
	});
}

/**
 * `validate_inputs`: each schema entry's `{value}` is checked (required = Python-truthy,
 * then the type), compiled and given its `order`; inputs not in the schema are dropped.
 * A secret sent back as `{secret: true}` keeps the stored value.
 */
function validateInputs(schema, inputs, previous = {}) {
	if (!isPlainObject(inputs)) throw errors.validation('inputs', 'Value must be a dictionary.');
	const out = {};
	for (const entry of schema) {
		let item = inputs[entry.key] ?? {};
		const attr = `inputs__${entry.key}`;
		if (!isPlainObject(item))
			throw errors.validation(
				attr,
				`Invalid data. Expected a dictionary, but got ${Array.isArray(item) ? 'list' : typeof item === 'string' ? 'str' : 'int'}.`,
			);
		if (entry.secret && item.secret === true && previous[entry.key]) item = previous[entry.key];
		const value = item.value;
		if (entry.required && pyFalsy(value)) throw errors.validation(attr, 'This field is required.');
		if (pyFalsy(value)) {
			if (value !== undefined) out[entry.key] = { value };
			continue;
		}
		if (entry.type === 'string' && typeof value !== 'string')
			throw errors.validation(attr, 'Value must be a string.');
		if (entry.type === 'boolean' && typeof value !== 'boolean')
			throw errors.validation(attr, 'Value must be a boolean.');
		if (entry.type === 'dictionary' && !isPlainObject(value))
			throw errors.validation(attr, 'Value must be a dictionary.');
		out[entry.key] = ['string', 'dictionary', 'json'].includes(entry.type)
			? { value, bytecode: bytecodeFor(value) }
			: { value };
	}
	inputOrder(out).forEach((key, order) => (out[key].order = order));
	return out;
}

function validateFilters(state, filters, projectId) {
	if (filters === null || filters === undefined)
		return { source: 'events', bytecode: bytecodeFor(null) };
	if (!isPlainObject(filters))
		throw errors.validation('filters', 'Invalid data. Expected a dictionary, but got str.');
	for (const [i, e] of (filters.events || []).entries()) {
		if (!isPlainObject(e))
			throw errors.validation(
				`filters__events__${i}`,
				'Invalid data. Expected a dictionary, but got str.',
			);
	}
	// part2 §10.3: an action of another project (or none) does not compile
	for (const a of filters.actions || []) {
		const known = (state.actions || []).some(
			(action) => action.project_id === projectId && String(action.id) === String(a.id),
		);
		if (!known)
			throw errors.validation(
				'filters',
				`Invalid filter configuration: Action ${a.id} does not exist`,
			);
	}
	return { ...filters, source: filters.source || 'events', bytecode: bytecodeFor(null) };
}

/**
 * HogFunctionSerializer on `POST` (instance undefined) or `PATCH`: returns the fields to
 * store. `access` is state.hogFunctionAccess; the Data Pipelines gate applies only on
 * `'addon'` servers ([HF-ADDON]).
 */
function validateHogFunction(state, body, instance, projectId = instance?.project_id) {
	const data = serializerData(body);
	const templateId = instance ? instance.template_id : (data.template_id ?? null);
	const template = templateId ? templateFor(state, templateId) : null;
	if (templateId && !template)
		throw errors.validation('template_id', `No template found for id '${templateId}'`);
	const fields = {};
	const type = data.type ?? (instance ? instance.type : 'destination');
	// docs/instant-trigger.md §1.2: a server without internal destinations refuses the type
	const types =
		state.internalDestinations === false
			? FUNCTION_TYPES.filter((t) => t !== 'internal_destination')
			: FUNCTION_TYPES;
	fields.type = choiceField({ type }, 'type', types, { allowNull: false });
	if (instance && fields.type !== instance.type)
		throw errors.validation('type', 'Cannot modify the type of an existing function');
	for (const name of ['name', 'description']) {
		if (data[name] !== undefined)
			fields[name] =
				data[name] === null
					? null
					: charField(data, name, {
							required: false,
							allowBlank: true,
							maxLength: name === 'name' ? 400 : undefined,
						});
	}
	if (data.icon_url !== undefined) fields.icon_url = data.icon_url;
	for (const name of ['enabled', 'deleted']) {
		const value = booleanField(data, name);
		if (value !== undefined) fields[name] = value;
	}
	if (data.hog !== undefined)
		fields.hog =
			data.hog === null ? null : charField(data, 'hog', { required: false, allowBlank: true });
	if (data.inputs_schema !== undefined)
		fields.inputs_schema = validateInputsSchema(data.inputs_schema);
	if (!instance && template) {
		// missing hog, inputs_schema, name, description and icon_url come from the template
		fields.hog = fields.hog || template.code;
		fields.inputs_schema = fields.inputs_schema?.length
			? fields.inputs_schema
			: template.inputs_schema;
		fields.name = fields.name || template.name;
		fields.description = fields.description || template.description;
		fields.icon_url = fields.icon_url || template.icon_url;
	}
	const schema = fields.inputs_schema ?? instance?.inputs_schema ?? [];
	if (data.inputs !== undefined || !instance)
		fields.inputs = validateInputs(schema, data.inputs ?? {}, instance?.inputs);
	if (data.filters !== undefined || !instance)
		fields.filters = validateFilters(state, data.filters, projectId);
	// newest servers (docs/posthog-api-part3.md §9.1): the current or proposed filters on a managed alert event
	const eventIds = [fields.filters, instance?.filters].flatMap((f) =>
		((f && f.events) || []).map((e) => e.id),
	);
	if (state.managedAlertGuard !== false && eventIds.some(isManagedAlertEvent))
		throw errors.validation(
			'filters',
			'Alert notification destinations are managed through the alert API.',
		);
	if (data.masking !== undefined) fields.masking = data.masking;
	if (state.hogFunctionAccess === 'addon' && !state.dataPipelinesAddon) {
		if (!template)
			throw errors.validation(
				'template_id',
				'The Data Pipelines addon is required to create custom functions. Please use a template or upgrade your plan.',
			);
		if (!template.free && !instance)
			throw errors.validation(
				'template_id',
				'The Data Pipelines addon is required for this template. Please upgrade your plan to use this template.',
			);
		fields.hog = template.code;
		fields.inputs_schema = template.inputs_schema;
	}
	if (typeof fields.hog === 'string') {
		if (Buffer.byteLength(fields.hog) > MAX_HOG_CODE_SIZE_BYTES) {
			throw errors.validation(
				'hog',
				'HOG code exceeds maximum size of 100KB. Please simplify your code or contact support if you need this limit increased.',
			);
		}
		fields.bytecode = ['_H', 1, 'emulator: hog not compiled'];
	}
	if (!instance && !fields.hog) throw errors.validation('hog', 'Required.');
	return fields;
}

/** `status` comes from the CDP worker for enabled functions only (§10.3). */
const statusOf = (fn) => (fn.enabled ? { ...fn.watcher } : { state: 0, tokens: 0 });

/** The template as HogFunctionTemplateSerializer nests it. */
const templateOf = (state, fn) =>
	fn.template_id && TEMPLATES[fn.template_id] ? { ...templateFor(state, fn.template_id) } : null;

/** HogFunctionMinimalSerializer: the list's shape, no `inputs` (§10.4). */
const serializeMinimal = (state, fn) => ({
	id: fn.id,
	type: fn.type,
	name: fn.name,
	description: fn.description,
	created_at: fn.created_at,
	created_by: userBasic(state),
	updated_at: fn.updated_at,
	enabled: fn.enabled,
	hog: fn.hog,
	filters: fn.filters,
	icon_url: fn.icon_url,
	template: templateOf(state, fn),
	status: statusOf(fn),
	execution_order: fn.execution_order,
});

/** HogFunctionSerializer: `template_id` and `deleted` are write-only; secrets show as `{secret: true}`. */
function serializeHogFunction(state, fn) {
	const inputs = {};
	for (const [key, item] of Object.entries(fn.inputs)) {
		const secret = fn.inputs_schema.some((s) => s.key === key && s.secret);
		inputs[key] = secret && !pyFalsy(item.value) ? { secret: true } : item;
	}
	return {
		...serializeMinimal(state, fn),
		bytecode: fn.bytecode,
		transpiled: null,
		inputs_schema: fn.inputs_schema,
		inputs,
		masking: fn.masking,
		mappings: fn.mappings,
		batch_export_id: null,
	};
}

module.exports = {
	TEMPLATES,
	templateFor,
	validateHogFunction,
	serializeHogFunction,
	serializeMinimal,
};
