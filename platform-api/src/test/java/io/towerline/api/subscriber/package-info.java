/**
 * Tests of subscribers through the API: bulk actions, CSV import (fuzzed) and export.
 */
@NullMarked
package io.towerline.api.subscriber;

import org.jspecify.annotations.NullMarked;
