import { linkIn, oneOrEvery, propertiesOf, type TriggerKind } from './kind';
import { pickerField } from '../../shared/locator';
import { pickedId } from './locators';
import { textOrNull as text } from './text';

const ALERT_FIRING = '$insight_alert_firing';

/**
 * An insight alert firing: an `internal_destination` on `$insight_alert_firing`, for one alert
 * by its `alert_id` property or for every alert. The event is produced only when a check fires,
 * never when it resolves or errs; `insight_id` is the insight's short ID, and the link is the one
 * PostHog's own alert e-mail builds (docs/posthog-api-part3.md §7; docs/instant-trigger.md §1, §2).
 */
export const insightAlertKind: TriggerKind = {
	option: {
		name: 'Insight Alert Firing',
		value: 'insightAlert',
		description: 'An insight alert’s check finds its threshold breached',
	},
	fields: [
		pickerField({
			displayName: 'Alert',
			name: 'alertId',
			search: 'searchAlerts',
			idPlaceholder: 'e.g. 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
			description: 'The alert that starts the workflow; leave empty for every alert of the project',
			optional: true,
		}),
		{
			displayName:
				'PostHog sends a signal when an alert’s check fires, not when the alert resolves or its check fails',
			name: 'alertNotice',
			type: 'notice',
			default: '',
		},
	],
	subscription: (context) => ({
		type: 'internal_destination',
		filters: oneOrEvery(ALERT_FIRING, 'alert_id', pickedId(context, 'alertId')),
	}),
	summary: {
		key: 'alert',
		of(delivery) {
			const properties = propertiesOf(delivery);
			const [id, insightShortId] = [text(properties.alert_id), text(properties.insight_id)];
			return {
				id,
				name: text(properties.alert_name),
				insightName: text(properties.insight_name),
				insightShortId,
				state: text(properties.state),
				breaches: text(properties.breaches),
				url:
					id && insightShortId
						? linkIn(
								delivery,
								`/insights/${encodeURIComponent(insightShortId)}?alert_id=${encodeURIComponent(id)}`,
							)
						: null,
			};
		},
	},
};
