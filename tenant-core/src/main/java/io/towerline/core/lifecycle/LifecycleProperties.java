package io.towerline.core.lifecycle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code towerline.lifecycle.*}.
 *
 * @param interval how often the flow is evaluated (once per cluster)
 * @param batchSize subscribers per transaction of an evaluation
 */
@ConfigurationProperties("towerline.lifecycle")
record LifecycleProperties(@DefaultValue("1m") Duration interval, @DefaultValue("500") int batchSize) {

}
