// The duration grammar, case by case against what Go's time.ParseDuration and Argo's
// RolloutPause.DurationSeconds answer for the same text.
import { describe, expect, it } from 'vitest';
import { parseGoDuration, parseIntOrDuration, pauseSeconds } from '../../source/domain/duration';

describe('parseGoDuration (time.ParseDuration)', () => {
	it.each([
		['500ms', 500],
		['2s', 2000],
		['90s', 90_000],
		['1.5m', 90_000],
		['1h', 3_600_000],
		['1h30m', 5_400_000],
		['1.5h', 5_400_000],
		['2m3.5s', 123_500],
		['1h1h', 7_200_000],
		['.5s', 500],
		['5.s', 5000],
		['+5s', 5000],
		['-1.5h', -5_400_000],
		['0', 0],
		['-0', 0],
		['0s', 0],
		['1500us', 1.5],
		['1500µs', 1.5],
		['1500μs', 1.5],
		['2000000ns', 2],
		['1.1s', 1100],
		['2562047h', 2562047 * 3_600_000],
	])('%j → %d ms', (text, ms) => {
		expect(parseGoDuration(text)).toEqual({ ok: true, ms });
	});

	it.each([
		['', 'invalid duration ""'],
		['s', 'invalid duration "s"'],
		['.s', 'invalid duration ".s"'],
		['-', 'invalid duration "-"'],
		[' 5s', 'invalid duration " 5s"'],
		['m5', 'invalid duration "m5"'],
		['2', 'missing unit in duration "2"'],
		['00', 'missing unit in duration "00"'],
		['1h30', 'missing unit in duration "1h30"'],
		['5d', 'unknown unit "d" in duration "5d"'],
		['5 m', 'unknown unit " m" in duration "5 m"'],
		['1e3s', 'unknown unit "e" in duration "1e3s"'],
		['fast', 'invalid duration "fast"'],
		['2562048h', 'invalid duration "2562048h"'],
	])('%j is an error: %s', (text, error) => {
		expect(parseGoDuration(text)).toEqual({ ok: false, error });
	});
});

describe('parseIntOrDuration (Argo int-or-string pause durations)', () => {
	it.each([
		[60, 60_000],
		['60', 60_000],
		['60s', 60_000],
		['5m', 300_000],
		['1h', 3_600_000],
		['1h30m', 5_400_000],
		['1.5h', 5_400_000],
		['250ms', 250],
		['0', 0],
		['+30', 30_000],
	] as const)('%j → %d ms', (input, ms) => {
		expect(parseIntOrDuration(input)).toEqual({ ok: true, ms });
	});

	it.each([
		['', 'invalid duration ""'],
		['soon', 'invalid duration "soon"'],
		['5 m', 'unknown unit " m" in duration "5 m"'],
		['5d', 'unknown unit "d" in duration "5d"'],
		['m5', 'invalid duration "m5"'],
		// Beyond int32 strconv.ParseInt fails and the text is read as a Go duration without a unit.
		['9999999999', 'missing unit in duration "9999999999"'],
		[1.5, '1.5 is not a whole number of seconds'],
	] as const)('%j is an error: %s', (input, error) => {
		expect(parseIntOrDuration(input)).toEqual({ ok: false, error });
	});
});

describe('pauseSeconds (RolloutPause.DurationSeconds)', () => {
	it.each([
		[30, 30],
		['30', 30],
		['1m30s', 90],
		['2.9s', 2],
		['250ms', 0],
		['soon', 0],
	] as const)('%j → %d s', (input, seconds) => {
		expect(pauseSeconds(input)).toBe(seconds);
	});
});
