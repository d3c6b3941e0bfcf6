// Kubernetes resource quantities ("26000m", "123456Ki", "1.5Gi", "8", "2e3") as plain numbers in the
// base unit (cores, bytes, devices), for sums and percentages.

const SUFFIXES: Record<string, number> = {
	n: 1e-9,
	u: 1e-6,
	m: 1e-3,
	'': 1,
	k: 1e3,
	M: 1e6,
	G: 1e9,
	T: 1e12,
	P: 1e15,
	E: 1e18,
	Ki: 2 ** 10,
	Mi: 2 ** 20,
	Gi: 2 ** 30,
	Ti: 2 ** 40,
	Pi: 2 ** 50,
	Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** The quantity's value, or undefined when it is not a quantity (so a malformed object never becomes 0 silently). */
export function parseQuantity(text: string | number | undefined): number | undefined {
	if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
	const match = text === undefined ? null : QUANTITY.exec(text.trim());
	if (!match) return undefined;
	const [, digits, exponent, suffix = ''] = match;
	return exponent ? Number(`${digits}${exponent}`) : Number(digits) * SUFFIXES[suffix];
}
