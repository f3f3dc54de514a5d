// A column of the outer query, written out with its table, for raw correlated subqueries:
// inside sql`` drizzle renders a column without its table when the query has no joins,
// and a bare "id" then binds to the subquery's own table (every count came out 0).
import { getTableName, sql, type Column, type SQL } from 'drizzle-orm';

export function outer(column: Column): SQL {
	return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
