// Package persistence stores Proper's data in PostgreSQL through Bun: the
// connection, the embedded SQL migrations, and the repositories that
// implement the store interfaces declared in the domain package.
package persistence
