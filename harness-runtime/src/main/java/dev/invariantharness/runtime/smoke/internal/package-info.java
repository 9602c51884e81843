/**
 * Implementation of the smoke lanes: bounded HTTP sending with a capped body, the
 * {@code Cache-Control} tokenizer, content-hashed asset recognition and discovery, lenient JSON
 * reading. Internal: users must not import this package; its types change without notice.
 */
@API(status = INTERNAL, since = "0.1")
package dev.invariantharness.runtime.smoke.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
