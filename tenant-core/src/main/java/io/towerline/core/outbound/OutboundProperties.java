package io.towerline.core.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code towerline.outbound.*}.
 *
 * @param allowPrivateDestinations whether tenant-given URLs may name loopback and private
 * networks (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7): true for a platform run by
 * the ISP itself beside its billing system, false for a shared platform where those
 * networks are the operator's own
 */
@ConfigurationProperties("towerline.outbound")
record OutboundProperties(@DefaultValue("false") boolean allowPrivateDestinations) {

}
