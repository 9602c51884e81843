/** PostgreSQL lexer, statement splitter, rules and the server-side syntax oracle behind the linter. */
package dev.invariantharness.deploy.lint.internal;
