// Ids in URLs and options are checked before they reach a uuid column: PostgreSQL would
// answer a malformed one with an error (a 500), where the user should get a 404.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
	return UUID.test(value);
}
