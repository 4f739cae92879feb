package io.towerline.core.pop;

import java.math.BigDecimal;

/**
 * A WGS84 position.
 *
 * @param latitude degrees north, -90 to 90
 * @param longitude degrees east, -180 to 180
 */
public record Coordinates(BigDecimal latitude, BigDecimal longitude) {

}
