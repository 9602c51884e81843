package dev.invariantharness.deploy.lint;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One lint finding, shaped like squawk's JSON reporter (0-based lines and columns, as squawk prints them).
 *
 * @param file the file as given
 * @param line 0-based first line
 * @param column 0-based first column
 * @param lineEnd 0-based last line
 * @param columnEnd 0-based column after the end
 * @param level {@code Warning} or {@code Error}
 * @param message squawk's message
 * @param help squawk's help, or null
 * @param ruleName squawk's rule name, e.g. {@code ban-drop-column}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LintViolation(String file, int line, int column, int lineEnd, int columnEnd, String level,
    String message, String help, String ruleName) {}
