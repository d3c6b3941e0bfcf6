// `Status` error bodies shaped like the real API server's, so clients show their usual messages.

const REASONS: Record<number, string> = {
	400: 'BadRequest',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'NotFound',
	405: 'MethodNotAllowed',
	409: 'Conflict',
	410: 'Expired',
	415: 'UnsupportedMediaType',
	422: 'Invalid',
	500: 'InternalError',
};

export interface StatusDetails {
	name?: string;
	group?: string;
	kind?: string;
}

export interface StatusBody {
	kind: 'Status';
	apiVersion: 'v1';
	metadata: Record<string, never>;
	status: 'Failure';
	message: string;
	reason: string;
	details?: StatusDetails;
	code: number;
}

export function statusBody(code: number, message: string, details?: StatusDetails): StatusBody {
	return {
		kind: 'Status',
		apiVersion: 'v1',
		metadata: {},
		status: 'Failure',
		message,
		reason: REASONS[code] ?? 'Unknown',
		...(details ? { details } : {}),
		code,
	};
}

export class ApiError extends Error {
	constructor(
		readonly code: number,
		message: string,
		readonly details?: StatusDetails,
	) {
		super(message);
	}

	get body(): StatusBody {
		return statusBody(this.code, this.message, this.details);
	}
}
