/**
 * Browser journeys through the web client in Chromium (started by subclasses of
 * {@code JourneyTest}), and the single-page app's serving.
 */
@NullMarked
package io.towerline.api.webapp;

import org.jspecify.annotations.NullMarked;
