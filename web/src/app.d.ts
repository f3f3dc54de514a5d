// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
		}
		interface Error {
			message: string;
			/** The reference of an unexpected error: the server log has the details under it. */
			id?: string;
		}
	}
}

export {};
