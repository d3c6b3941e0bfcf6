// Label key and value rules (apimachinery's util/validation), with the messages a real API server
// puts in its errors, so a bad selector or label is refused in the server's own words.

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_SUBDOMAIN_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const DNS1123_SUBDOMAIN_MSG =
	"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_FMT = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?';
const LABEL_VALUE_MSG =
	"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** apimachinery's RegexError, double spaces included. */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
	return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

const maxLen = (n: number) => `must be no more than ${n} characters`;

function dns1123Subdomain(value: string): string[] {
	const errors: string[] = [];
	if (value.length > 253) errors.push(maxLen(253));
	if (!DNS1123_SUBDOMAIN.test(value)) errors.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
	return errors;
}

/** Why `key` is not a label key ([prefix/]name), or nothing when it is one. */
export function labelKeyErrors(key: string): string[] {
	const parts = key.split('/');
	const errors: string[] = [];
	if (parts.length > 2) {
		return [`a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
	}
	const name = parts[parts.length - 1];
	if (parts.length === 2) {
		if (!parts[0]) errors.push('prefix part must be non-empty');
		else errors.push(...dns1123Subdomain(parts[0]).map((e) => `prefix part ${e}`));
	}
	if (!name) errors.push('name part must be non-empty');
	else if (name.length > 63) errors.push(`name part ${maxLen(63)}`);
	if (!QUALIFIED_NAME.test(name)) errors.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
	return errors;
}

/** Why `value` is not a label value, or nothing when it is one (the empty string is one). */
export function labelValueErrors(value: string): string[] {
	const errors: string[] = [];
	if (value.length > 63) errors.push(maxLen(63));
	if (!LABEL_VALUE.test(value)) errors.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
	return errors;
}
