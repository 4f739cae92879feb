/** Tests of requests served while the database is out of reach. */
@NullMarked
package io.towerline.api.outage;

import org.jspecify.annotations.NullMarked;
