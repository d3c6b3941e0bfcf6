import { describe, expect, it } from 'vitest';
import { formatAge, imageTag, rfc3339 } from '../../source/domain/format';

describe('formatAge (kubectl HumanDuration)', () => {
	const s = 1000;
	const m = 60 * s;
	const h = 60 * m;
	const d = 24 * h;
	it.each([
		[-5 * s, '<invalid>'],
		[-1 * s, '0s'],
		[0, '0s'],
		[45 * s, '45s'],
		[119 * s, '119s'],
		[3 * m, '3m'],
		[3 * m + 20 * s, '3m20s'],
		[42 * m, '42m'],
		[179 * m, '179m'],
		[3 * h, '3h'],
		// kubectl keeps whole minutes below 3h: 2h5m prints as 125m.
		[2 * h + 5 * m, '125m'],
		[3 * h + 5 * m, '3h5m'],
		[7 * h + 59 * m, '7h59m'],
		[10 * h, '10h'],
		[47 * h, '47h'],
		[4 * d, '4d'],
		[3 * d + 2 * h, '3d2h'],
		[7 * d, '7d'],
		[400 * d, '400d'],
		[800 * d, '2y70d'],
		[3650 * d, '10y'],
	])('%d ms → %s', (ms, text) => {
		expect(formatAge(ms)).toBe(text);
	});
});

describe('imageTag', () => {
	it.each([
		['vllm/vllm-openai:v0.6.3', 'v0.6.3'],
		['nvcr.io/nvidia/tritonserver:24.05-py3', '24.05-py3'],
		['registry.local:5000/team/model', 'latest'],
		['registry.local:5000/team/model:1.2', '1.2'],
		['busybox', 'latest'],
		['ghcr.io/x/y:2.0@sha256:0123456789abcdef0123', '2.0'],
		['ghcr.io/x/y@sha256:0123456789abcdef0123', '@0123456789ab'],
	])('%s → %s', (image, tag) => {
		expect(imageTag(image)).toBe(tag);
	});
});

describe('rfc3339', () => {
	it('formats UTC without milliseconds, like Go time.RFC3339', () => {
		expect(rfc3339(Date.parse('2024-06-01T12:34:56.789Z'))).toBe('2024-06-01T12:34:56Z');
	});
});
