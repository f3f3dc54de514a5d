import { error } from '@sveltejs/kit';
import { placeBySlug } from '$lib/steps';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
	const place = placeBySlug(params.step);
	if (!place) error(404, 'no such step');
	return { place };
};
