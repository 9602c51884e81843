/**
 * The one bounded HTTP prober every module uses to ask a service something:
 * {@link dev.invariantharness.http.HttpProber} sends {@link dev.invariantharness.http.ProbeRequest}s
 * and always returns a {@link dev.invariantharness.http.ProbeResponse} — within a deadline that
 * covers headers and body, with the body capped, over HTTP/1.1 unless told otherwise, never
 * following redirects. A request that gets no answer is a response with status {@code 0} and a
 * reason, so a check can report it instead of hanging or throwing.
 *
 * <p>Why HTTP/1.1 by default: the JDK client's default, HTTP/2, sends {@code Upgrade: h2c} on every
 * plain {@code http://} request, and a server that handles WebSockets the common way (an
 * {@code upgrade} listener, as with Node's {@code ws} package) takes such a request for a failed
 * WebSocket upgrade and answers 404 where a plain GET gets its real answer.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.http;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
