// The label selector grammar against cases from apimachinery's labels/selector_test.go, and the
// error texts the API server returns for bad selectors.
import { describe, expect, it } from 'vitest';
import { matchesRequirement, parseLabelSelector, type LabelRequirement } from '../../source/serve/label-selector';

const req = (key: string, operator: LabelRequirement['operator'], values: string[] = []): LabelRequirement => ({ key, operator, values });
const matches = (selector: string, labels: Record<string, string>) => parseLabelSelector(selector).every((r) => matchesRequirement(r, labels));
const errorOf = (selector: string) => {
	try {
		parseLabelSelector(selector);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error(`${selector} parsed`);
};

describe('label selector parsing', () => {
	it.each<[string, LabelRequirement[]]>([
		['', []],
		['\rx', [req('x', 'exists')]],
		['this-is-a-dns.domain.com/key-with-dash', [req('this-is-a-dns.domain.com/key-with-dash', 'exists')]],
		['this-is-another-dns.domain.com/key-with-dash in (so,what)', [req('this-is-another-dns.domain.com/key-with-dash', 'in', ['so', 'what'])]],
		['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', [req('0.1.2.domain/99', 'notin', ['10.10.100.1', 'tick.tack.clock'])]],
		['foo  in\t (abc)', [req('foo', 'in', ['abc'])]],
		['x notin\n (abc)', [req('x', 'notin', ['abc'])]],
		['x in (abc,)', [req('x', 'in', ['', 'abc'])]],
		['x in ()', [req('x', 'in', [''])]],
		['x notin (abc,def),bar,z in (),w', [req('bar', 'exists'), req('w', 'exists'), req('x', 'notin', ['abc', 'def']), req('z', 'in', [''])]],
		['x=a,y!=b,z in (h,i,j)', [req('x', '=', ['a']), req('y', '!=', ['b']), req('z', 'in', ['h', 'i', 'j'])]],
		['x==a', [req('x', '==', ['a'])]],
		['x=', [req('x', '=', [''])]],
		['x= ,z= ', [req('x', '=', ['']), req('z', '=', [''])]],
		['x notin ( )', [req('x', 'notin', [''])]],
		['x notin (, a)', [req('x', 'notin', ['', 'a'])]],
		['a ', [req('a', 'exists')]],
		['a in (x,y,notin, z,in)', [req('a', 'in', ['in', 'notin', 'x', 'y', 'z'])]],
		['!x', [req('x', '!')]],
		['x>1,z<5', [req('x', 'gt', ['1']), req('z', 'lt', ['5'])]],
		['notin=in', [req('notin', '=', ['in'])]],
	])('%j', (selector, expected) => {
		expect(parseLabelSelector(selector)).toEqual(expected);
	});

	it.each([
		['x=a,||', `unable to parse requirement: <nil>: Invalid value: "||": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`],
		['x==a==b', "found '==', expected: ',' or 'end of string'"],
		['!x=a', "found '=', expected: ',' or 'end of string'"],
		['x<a', `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
		[',x,y', "found ',', expected: !, identifier, or 'end of string'"],
		['x nott in (y)', "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt"],
		['a in (xyz),', "found '', expected: identifier after ','"],
		['a in (xyz)b notin ()', "found 'b', expected: ',' or 'end of string'"],
		['a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'"],
		['a notin(', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
		['a (', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
		['(', "found '(', expected: !, identifier, or 'end of string'"],
		['a in (b', "unable to parse requirement: found '', expected: ',' or ')'"],
		['a in b', "unable to parse requirement: found 'b' expected: '('"],
	])('refuses %j', (selector, message) => {
		expect(errorOf(selector)).toBe(message);
	});

	it('words invalid keys and values as the API server does', () => {
		expect(errorOf('app:monolith')).toBe(
			`unable to parse requirement: <nil>: Invalid value: "app:monolith": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
		);
		expect(errorOf('app.kubernetes_io/name=x')).toBe(
			`unable to parse requirement: <nil>: Invalid value: "app.kubernetes_io/name": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
		);
		expect(errorOf('a in (-b,c_)')).toBe(
			`unable to parse requirement: [values[0][a]: Invalid value: "-b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?'), values[1][a]: Invalid value: "c_": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]`,
		);
		expect(errorOf(`${'a'.repeat(64)}`)).toMatch(/^unable to parse requirement: <nil>: Invalid value: "a{64}": name part must be no more than 63 characters$/);
	});
});

describe('label selector matching', () => {
	it.each<[string, Record<string, string>, boolean]>([
		['', { x: 'y' }, true],
		['x=y,z=w', { x: 'y', z: 'w' }, true],
		['x!=y,z!=w', { x: 'z', z: 'a' }, true],
		['x!=y,z!=w', { x: 'z', z: 'w' }, false],
		['x', { y: 'z' }, false],
		['!x', { y: 'z' }, true],
		['!x', { x: 'z' }, false],
		['x>1', { x: '2' }, true],
		['x<1', { x: '2' }, false],
		['z>1', { z: 'v2' }, false],
		['x=z', {}, false],
		['x in (foo),y notin (alpha)', { x: 'foo', y: 'baz' }, true],
		['x in (foo),y in (alpha)', { x: 'foo', y: 'baz' }, false],
		['x notin (),y', { y: '' }, true],
		['x notin (),!y', { y: '' }, false],
		['x in ()', { y: 'baz' }, false],
		['x in ()', { x: '' }, true],
		['foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }, false],
	])('%j on %j → %s', (selector, labels, expected) => {
		expect(matches(selector, labels)).toBe(expected);
	});
});
