/**
 * Every stable error code the API can send, in a field error (`fields[].code`) or at the top of an error body
 * (`code`). The API types its error helpers with ApiErrorCode, so it cannot send a code missing here; the web's
 * messages give each one a Swedish and an English text (a test holds the two lists together), so a new code
 * cannot reach a user untranslated. The server's own `message` stays Swedish, for people reading raw answers.
 */
import type { PasswordProblemCode } from './password-policy.ts';
import type { SplitProblem } from './owner-reach.ts';
import type { ActivityDateProblem } from './dates.ts';

export const API_ERROR_CODES = [
  // zod's issue codes, which the API passes on as the field's code (apps/api/src/app.ts).
  'invalid_type', 'too_big', 'too_small', 'invalid_format', 'not_multiple_of', 'unrecognized_keys',
  'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value', 'custom',
  // Free text refused (apps/api/src/lib/text.ts).
  'control_character', 'bidi_control', 'personal_identity_number',
  // Dates, years and keys the schemas refine.
  'invalid_date', 'date_out_of_range', 'year_out_of_range', 'end_before_start', 'duplicate_key',
  // An activity's date (dates.ts activityDateProblem).
  'date_format', 'date_nonexistent', 'date_before_start', 'date_before_follow_up', 'date_after_end',
  // Passwords (password-policy.ts) and the password change.
  'too_short', 'too_long', 'repetitive', 'contains_username', 'contains_name', 'common_password',
  'same_password', 'wrong_password',
  // References in a body or query that do not exist (or belong to another unit), or no longer may be chosen.
  'unknown_staff', 'unknown_municipality', 'unknown_goal', 'unknown_area', 'unknown_type', 'unknown_assignment',
  'unknown_plan_item', 'unknown_target_group', 'inactive', 'area_has_children',
  // Goals and frameworks against dates and years.
  'no_framework_for_year', 'no_framework_for_date', 'goal_not_valid_for_year', 'goal_not_valid_for_date',
  'goal_missing_in_framework',
  // Activities: municipalities and participants (owner-reach.ts).
  'plan_item_other_year', 'conflicts_with_municipalities', 'municipality_required',
  'split_without_total', 'split_exceeds_total', 'split_unknown_municipality',
  // Plan.
  'plan_item_has_activities', 'no_plan_items', 'plan_not_empty', 'as_of_outside_year',
  // Accounts and units.
  'required', 'not_allowed', 'already_exists', 'duplicate_name', 'unit_has_admin', 'last_install_admin', 'last_admin',
  'must_change_password',
  // Lists and exports.
  'invalid_cursor', 'too_many_rows',
  // A 429: too many failed sign-ins or answers from one address.
  'too_many_attempts',
  // Evaluations and the public answer page.
  'closes_before_opening', 'implausible', 'over_100', 'empty_answer', 'unknown_evaluation', 'closed', 'not_open',
  'already_answered',
  // Conflicts with what is stored.
  'year_locked', 'stale_version', 'area_too_deep', 'area_has_activities', 'area_has_plan_items',
  'framework_overlap', 'activities_outside_period', 'plan_items_outside_period',
  // Requests the server could not read (Fastify's own client errors).
  'invalid_json', 'empty_body', 'body_too_large', 'unsupported_media_type', 'bad_content_length',
  'bad_content_type', 'bad_url', 'bad_request',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Values a message needs ("högst {max} tecken", "år {year}"), sent beside the code. */
export type ApiErrorParams = Record<string, string | number>;

// The domain's own problem codes travel as API codes: these fail to compile if one is missing above.
type Missing<T extends string> = Exclude<T, ApiErrorCode>;
const passwordCodesListed: Missing<PasswordProblemCode> extends never ? true : never = true;
const ownerReachCodesListed: Missing<SplitProblem['code']> extends never ? true : never = true;
void passwordCodesListed;
void ownerReachCodesListed;
const dateCodesListed: Missing<ActivityDateProblem> extends never ? true : never = true;
void dateCodesListed;
