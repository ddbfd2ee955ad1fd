'use strict';
// PostHog's UserBasicSerializer: how `created_by` / `last_modified_by` render the key's user.

function userBasic(state) {
	const { id, uuid, distinct_id, first_name, last_name, email, is_email_verified } = state.user;
	return {
		id,
		uuid,
		distinct_id,
		first_name,
		last_name,
		email,
		is_email_verified,
		hedgehog_config: null,
		role_at_organization: null,
	};
}

module.exports = { userBasic };
