package io.towerline.core.tenancy;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Puts {@link ClusterRoutingDataSource} under the application's data source when further
 * clusters are configured; with main alone nothing changes (no catalog read per
 * connection). Ordered, so it wraps the pool before {@link TenantRoleBinding} wraps the
 * result: roles are switched on whichever cluster's connection.
 */
@Configuration(proxyBeanMethods = false)
class ClusterRoutingBinding {

	@Bean
	static BeanPostProcessor clusterRoutingDataSourcePostProcessor(Environment environment,
			ObjectProvider<TenantClusters> clusters) {
		boolean configured = !Binder.get(environment)
			.bind("towerline.placement.clusters",
					Bindable.mapOf(String.class, ClusterProperties.ClusterConnection.class))
			.orElse(Map.of())
			.isEmpty();
		return new RoutingPostProcessor(configured, clusters);
	}

	private record RoutingPostProcessor(boolean configured,
			ObjectProvider<TenantClusters> clusters) implements BeanPostProcessor, Ordered {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (this.configured && bean instanceof DataSource dataSource && !(bean instanceof TenantRoleDataSource)
					&& !(bean instanceof ClusterRoutingDataSource)) {
				return new ClusterRoutingDataSource(dataSource, this.clusters);
			}
			return bean;
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE - 1;
		}

	}

}
