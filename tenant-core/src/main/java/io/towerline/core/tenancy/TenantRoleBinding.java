package io.towerline.core.tenancy;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link TenantRoleDataSource} in front of the application's data source, so
 * everything that uses it (Hibernate, JDBC, the scheduler) gets connections that follow
 * the tenant's role. On unless {@code towerline.tenancy.schema-roles=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "towerline.tenancy.schema-roles", havingValue = "true", matchIfMissing = true)
class TenantRoleBinding {

	@Bean
	static BeanPostProcessor tenantRoleDataSourcePostProcessor() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource && !(bean instanceof TenantRoleDataSource))
						? new TenantRoleDataSource(dataSource) : bean;
			}

		};
	}

}
