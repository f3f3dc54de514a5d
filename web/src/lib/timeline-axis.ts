// Time formats for the timeline's axis and labels in Danish and English (d3-time-format
// locales, in UTC like the timeline's dates): a tick shows the year at a new year, the
// month at a new month, and day and month within a month, as d3's own axis does.
import { timeFormatLocale, utcMonth, utcYear, type TimeLocaleDefinition } from 'd3';
import type { Locale } from './i18n';

const definitions: Record<Locale, TimeLocaleDefinition> = {
	da: {
		dateTime: '%A den %d %B %Y %X',
		date: '%d-%m-%Y',
		time: '%H:%M:%S',
		periods: ['AM', 'PM'],
		days: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
		shortDays: ['søn', 'man', 'tir', 'ons', 'tor', 'fre', 'lør'],
		months: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
		shortMonths: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec']
	},
	en: {
		dateTime: '%a %e %b %X %Y',
		date: '%d/%m/%Y',
		time: '%H:%M:%S',
		periods: ['AM', 'PM'],
		days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
		shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
		months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
		shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
	}
};

export interface TimeFormats {
	/** An axis tick: "2024", "mar" or "14. mar" ("Mar", "14 Mar"). */
	tick(date: Date): string;
	/** A day in full: "14. mar 2024" ("14 Mar 2024"). */
	day(date: Date): string;
}

export function timeFormats(locale: Locale): TimeFormats {
	const format = timeFormatLocale(definitions[locale]);
	const [dayMonth, month, year, day] = (locale === 'da' ? ['%-d. %b', '%b', '%Y', '%-d. %b %Y'] : ['%-d %b', '%b', '%Y', '%-d %b %Y']).map((s) => format.utcFormat(s));
	return {
		tick: (date) => (utcMonth.floor(date) < date ? dayMonth : utcYear.floor(date) < date ? month : year)(date),
		day
	};
}
