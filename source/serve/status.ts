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

export interface StatusCause {
	reason: string;
	message: string;
	field?: string;
}

export interface StatusDetails {
	name?: string;
	group?: string;
	kind?: string;
	causes?: StatusCause[];
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

export function statusBody(code: number, message: string, details?: StatusDetails, reason?: string): StatusBody {
	return {
		kind: 'Status',
		apiVersion: 'v1',
		metadata: {},
		status: 'Failure',
		message,
		reason: reason ?? REASONS[code] ?? 'Unknown',
		...(details ? { details } : {}),
		code,
	};
}

export class ApiError extends Error {
	constructor(
		readonly code: number,
		message: string,
		readonly details?: StatusDetails,
		/** When it is not the code's usual one (409 AlreadyExists rather than Conflict). */
		readonly reason?: string,
	) {
		super(message);
	}

	get body(): StatusBody {
		return statusBody(this.code, this.message, this.details, this.reason);
	}
}
