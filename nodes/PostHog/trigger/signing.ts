import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

/**
 * Standard Webhooks signatures, as PostHog's webhook template signs with its `signing_secret`
 * input (docs/posthog-api-part3.md §10, docs/instant-trigger.md §3): `webhook-signature` is `v1,<base64 HMAC-SHA256>` of
 * `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the secret's base64 after `whsec_`.
 */

/** How far a delivery's `webhook-timestamp` may be from now, as the reference libraries allow. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** A new secret: 32 random bytes, standard base64 (PostHog refuses url-safe base64 and < 24 bytes). */
export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

const keyOf = (secret: string) => Buffer.from(secret.replace(/^whsec_/, ''), 'base64');

export function signatureOf(
	secret: string,
	id: string,
	timestamp: string,
	body: Buffer | string,
): string {
	const hmac = createHmac('sha256', keyOf(secret));
	hmac.update(`${id}.${timestamp}.`);
	hmac.update(body);
	return `v1,${hmac.digest('base64')}`;
}

function sameText(a: string, b: string): boolean {
	const [x, y] = [Buffer.from(a), Buffer.from(b)];
	return x.length === y.length && timingSafeEqual(x, y);
}

export type SignedDelivery = {
	id?: string;
	timestamp?: string;
	signature?: string;
	body: Buffer | string;
};

/** Why a delivery's signature does not hold, or undefined when it does. */
export function signatureProblem(
	secret: string,
	delivery: SignedDelivery,
	nowMs: number,
): string | undefined {
	const { id, timestamp, signature, body } = delivery;
	if (!id || !timestamp || !signature)
		return 'Missing webhook-id, webhook-timestamp or webhook-signature';
	const seconds = Number(timestamp);
	if (!/^\d+$/.test(timestamp) || Math.abs(nowMs / 1000 - seconds) > SIGNATURE_TOLERANCE_SECONDS) {
		return `webhook-timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS / 60} minutes off`;
	}
	const expected = signatureOf(secret, id, timestamp, body);
	// the header may carry several space-separated signatures (key rotation)
	const valid = signature.split(' ').some((sent) => sameText(sent, expected));
	return valid ? undefined : 'Wrong webhook-signature';
}
