// A patch the API server refuses, with the HTTP status it answers (400 bad body, 404, 422 invalid).
export class PatchError extends Error {
	constructor(
		message: string,
		readonly status: number,
	) {
		super(message);
	}
}
