// Optional authorization for tests and demos: a list of denials, evaluated for every request and
// answered by SelfSubjectAccessReview, with the real API server's wording in 403 messages.

/** A denial; an absent field matches anything. `resource` is the plural ("rollouts"). */
export interface DenyRule {
	verb?: string;
	group?: string;
	resource?: string;
	subresource?: string;
	namespace?: string;
}

export interface Attributes {
	verb: string;
	group: string;
	resource: string;
	subresource?: string;
	namespace?: string;
	name?: string;
}

export const SERVED_USER = 'rolltop-sim';

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * `VERB:RESOURCE[:NAMESPACE]` as `sim serve --deny` takes it (`list:nodes`, `*:horizontalpodautoscalers:llm`,
 * `patch:rollouts/status`); `*` matches any verb or resource. Returns the rule, or what is wrong.
 */
export function parseDenyRule(text: string): DenyRule | string {
	const parts = text.split(':');
	const [verb = '', resourceText = '', namespace] = parts;
	const [resource = '', subresource, extra] = resourceText.split('/');
	const valid = parts.length <= 3 && extra === undefined && (verb === '*' || /^[a-z]+$/.test(verb)) && (resource === '*' || NAME.test(resource)) &&
		(subresource === undefined || NAME.test(subresource)) && (namespace === undefined || NAME.test(namespace));
	if (!valid) return `--deny must be VERB:RESOURCE[:NAMESPACE] (e.g. list:nodes or watch:pods:llm, * for any), not '${text}'`;
	return {
		...(verb === '*' ? {} : { verb }),
		...(resource === '*' ? {} : { resource }),
		...(subresource === undefined ? {} : { subresource }),
		...(namespace === undefined ? {} : { namespace }),
	};
}

export function isDenied(rules: readonly DenyRule[], attrs: Attributes): boolean {
	return rules.some(
		(rule) =>
			(rule.verb === undefined || rule.verb === attrs.verb) &&
			(rule.group === undefined || rule.group === attrs.group) &&
			(rule.resource === undefined || rule.resource === attrs.resource) &&
			(rule.subresource === undefined || rule.subresource === (attrs.subresource ?? '')) &&
			(rule.namespace === undefined || rule.namespace === attrs.namespace),
	);
}

/** The reason part of a 403, e.g. `User "u" cannot patch resource "rollouts/status" in API group "argoproj.io" in the namespace "prod"`. */
export function denialReason(attrs: Attributes): string {
	const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
	const scope = attrs.namespace ? `in the namespace "${attrs.namespace}"` : 'at the cluster scope';
	return `User "${SERVED_USER}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.group}" ${scope}`;
}

export function forbiddenMessage(attrs: Attributes): string {
	const qualified = attrs.group ? `${attrs.resource}.${attrs.group}` : attrs.resource;
	const subject = attrs.name ? `${qualified} "${attrs.name}"` : qualified;
	return `${subject} is forbidden: ${denialReason(attrs)}`;
}
