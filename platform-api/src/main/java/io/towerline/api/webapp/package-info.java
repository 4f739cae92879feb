/**
 * Serves the web client (the built single-page app from the {@code web-client} jar) at
 * {@code /}: hashed assets cached for a year, {@code index.html} never cached, client
 * routes answered with {@code index.html}, a strict Content-Security-Policy, and the
 * sign-in settings the app reads at start ({@code /config.json}).
 */
@NullMarked
package io.towerline.api.webapp;

import org.jspecify.annotations.NullMarked;
