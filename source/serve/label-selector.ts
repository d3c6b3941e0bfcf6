// Label selectors parsed as apimachinery's labels.Parse parses them — the same lexer, the same
// grammar (`=`, `==`, `!=`, `in (…)`, `notin (…)`, `key`, `!key`, `gt`/`lt` as `>`/`<`) and the same
// error text, which the API server returns as is in its 400 and kubectl prints after its own prefix.
import { labelKeyErrors, labelValueErrors } from './label-names';

export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!';

export interface LabelRequirement {
	key: string;
	operator: LabelOperator;
	/** Sorted and without duplicates, as apimachinery keeps them. */
	values: string[];
}

export class LabelSelectorError extends Error {}

type Token = 'error' | 'end' | ')' | ',' | '!' | '==' | '=' | '>' | 'identifier' | 'in' | '<' | '!=' | 'notin' | '(';

const LITERAL_TOKENS = new Set<string>([')', ',', '!', '==', '=', '>', 'in', '<', '!=', 'notin', '(']);
const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

interface Item {
	token: Token;
	literal: string;
}

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecial = (ch: string) => '=!(),><'.includes(ch) && ch !== '';

function lex(input: string): Item[] {
	const items: Item[] = [];
	let pos = 0;
	const scanSpecial = (): Item => {
		let buffer = '';
		let last: Item | undefined;
		while (pos < input.length && isSpecial(input[pos])) {
			buffer += input[pos++];
			if (LITERAL_TOKENS.has(buffer)) last = { token: buffer as Token, literal: buffer };
			else if (last) {
				pos--;
				break;
			}
		}
		return last ?? { token: 'error', literal: `error expected: keyword found '${buffer}'` };
	};
	const scanWord = (): Item => {
		const start = pos;
		while (pos < input.length && !isSpecial(input[pos]) && !isWhitespace(input[pos])) pos++;
		const word = input.slice(start, pos);
		return LITERAL_TOKENS.has(word) ? { token: word as Token, literal: word } : { token: 'identifier', literal: word };
	};
	for (;;) {
		while (pos < input.length && isWhitespace(input[pos])) pos++;
		if (pos >= input.length) {
			items.push({ token: 'end', literal: '' });
			return items;
		}
		items.push(isSpecial(input[pos]) ? scanSpecial() : scanWord());
	}
}

/** A field.Invalid error as Go prints it: `path: Invalid value: "bad": why`. */
function invalid(path: string, value: string, why: string): string {
	return `${path}: Invalid value: ${JSON.stringify(value)}: ${why}`;
}

/** utilerrors.Aggregate's text: one error alone, several in brackets. */
function aggregate(errors: string[]): string {
	const unique = [...new Set(errors)];
	return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** labels.NewRequirement's checks on the values (the key is checked while parsing). */
function requirement(key: string, operator: LabelOperator, values: string[]): LabelRequirement {
	const errors: string[] = [];
	if (operator === 'gt' || operator === 'lt') {
		values.forEach((v, i) => {
			if (!/^[+-]?\d+$/.test(v)) errors.push(invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
		});
	}
	values.forEach((v, i) => {
		const why = labelValueErrors(v);
		if (why.length) errors.push(invalid(`values[${i}][${key}]`, v, why.join('; ')));
	});
	if (errors.length) throw new LabelSelectorError(aggregate(errors));
	return { key, operator, values };
}

const sortedSet = (values: string[]) => [...new Set(values)].sort();

class Parser {
	private position = 0;

	constructor(private readonly items: Item[]) {}

	/** In a value position the keywords `in` and `notin` are plain identifiers. */
	private asValue(item: Item): Item {
		return item.token === 'in' || item.token === 'notin' ? { token: 'identifier', literal: item.literal } : item;
	}

	lookahead(): Item {
		return this.asValue(this.items[this.position]);
	}

	consume(asValue = true): Item {
		const item = this.items[this.position++];
		return asValue ? this.asValue(item) : item;
	}

	parse(): LabelRequirement[] {
		const requirements: LabelRequirement[] = [];
		for (;;) {
			const { token, literal } = this.lookahead();
			if (token === 'end') return requirements;
			if (token !== 'identifier' && token !== '!') throw new LabelSelectorError(`found '${literal}', expected: !, identifier, or 'end of string'`);
			try {
				requirements.push(this.parseRequirement());
			} catch (error) {
				throw new LabelSelectorError(`unable to parse requirement: ${(error as Error).message}`);
			}
			const next = this.consume();
			if (next.token === 'end') return requirements;
			if (next.token !== ',') throw new LabelSelectorError(`found '${next.literal}', expected: ',' or 'end of string'`);
			const after = this.lookahead();
			if (after.token !== 'identifier' && after.token !== '!') throw new LabelSelectorError(`found '${after.literal}', expected: identifier after ','`);
		}
	}

	private parseRequirement(): LabelRequirement {
		let item = this.consume();
		let unary: LabelOperator | undefined;
		if (item.token === '!') {
			unary = '!';
			item = this.consume();
		}
		if (item.token !== 'identifier') throw new Error(`found '${item.literal}', expected: identifier`);
		const keyErrors = labelKeyErrors(item.literal);
		if (keyErrors.length) throw new Error(invalid('<nil>', item.literal, keyErrors.join('; ')));
		const key = item.literal;
		const next = this.lookahead().token;
		if (!unary && (next === 'end' || next === ',')) unary = 'exists';
		// `!key` ends the requirement whatever follows; the caller then finds what does.
		if (unary) return requirement(key, unary, []);
		const operator = this.parseOperator();
		const values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue();
		return requirement(key, operator, values);
	}

	private parseOperator(): LabelOperator {
		const { token, literal } = this.consume(false);
		switch (token) {
			case 'in':
			case 'notin':
			case '=':
			case '==':
			case '!=':
				return token;
			case '>':
				return 'gt';
			case '<':
				return 'lt';
			default:
				throw new Error(`found '${literal}', expected: ${BINARY_OPERATORS}`);
		}
	}

	private parseValues(): string[] {
		const open = this.consume();
		if (open.token !== '(') throw new Error(`found '${open.literal}' expected: '('`);
		const { token, literal } = this.lookahead();
		if (token === ')') {
			this.consume();
			return [''];
		}
		if (token !== 'identifier' && token !== ',') throw new Error(`found '${literal}', expected: ',', ')' or identifier`);
		const values = this.parseIdentifiers();
		// apimachinery names the token it looked at before the list here, not the one it found.
		if (this.consume().token !== ')') throw new Error(`found '${literal}', expected: ')'`);
		return sortedSet(values);
	}

	/** A comma-separated list in which empty entries (`(,a)`, `(a,,b)`, `(a,)`) are the empty value. */
	private parseIdentifiers(): string[] {
		const values: string[] = [];
		for (;;) {
			const item = this.consume();
			if (item.token === 'identifier') {
				values.push(item.literal);
				const next = this.lookahead();
				if (next.token === ',') continue;
				if (next.token === ')') return values;
				throw new Error(`found '${next.literal}', expected: ',' or ')'`);
			}
			if (item.token !== ',') throw new Error(`found '${item.literal}', expected: ',', or identifier`);
			if (!values.length) values.push('');
			const next = this.lookahead().token;
			if (next === ')') {
				values.push('');
				return values;
			}
			if (next === ',') values.push('');
		}
	}

	private parseExactValue(): string[] {
		const next = this.lookahead().token;
		if (next === 'end' || next === ',') return [''];
		const item = this.consume();
		if (item.token === 'identifier') return [item.literal];
		throw new Error(`found '${item.literal}', expected: identifier`);
	}
}

/** The requirements of a selector, sorted by key; throws LabelSelectorError with the server's message. */
export function parseLabelSelector(selector: string): LabelRequirement[] {
	return new Parser(lex(selector)).parse().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function integer(value: string | undefined): number | undefined {
	return value !== undefined && /^[+-]?\d+$/.test(value) ? Number(value) : undefined;
}

export function matchesRequirement(r: LabelRequirement, labels: Record<string, string>): boolean {
	const has = Object.hasOwn(labels, r.key);
	switch (r.operator) {
		case 'in':
		case '=':
		case '==':
			return has && r.values.includes(labels[r.key]);
		case 'notin':
		case '!=':
			return !has || !r.values.includes(labels[r.key]);
		case 'exists':
			return has;
		case '!':
			return !has;
		case 'gt':
		case 'lt': {
			const value = integer(has ? labels[r.key] : undefined);
			const bound = integer(r.values[0]);
			if (value === undefined || bound === undefined) return false;
			return r.operator === 'gt' ? value > bound : value < bound;
		}
	}
}
