package io.towerline.core.tenancy;

import jakarta.persistence.EntityManager;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.hibernate.SharedSessionContract;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.stereotype.Component;

/**
 * Fails closed: wraps every {@link TenantScoped} repository so that it refuses to run
 * without a tenant, and refuses to run in a session opened for a different tenant (for
 * example a transaction started before the tenant was bound).
 */
@Component
class TenantScopedRepositoryGuard implements BeanPostProcessor {

	private final EntityManager entityManager;

	TenantScopedRepositoryGuard(@Lazy EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof RepositoryFactoryBeanSupport<?, ?, ?> factoryBean) {
			factoryBean.addRepositoryFactoryCustomizer(
					(factory) -> factory.addRepositoryProxyPostProcessor((proxyFactory, information) -> {
						if (TenantScoped.class.isAssignableFrom(information.getRepositoryInterface())) {
							proxyFactory.addAdvice(new Guard(this.entityManager));
						}
					}));
		}
		return bean;
	}

	private record Guard(EntityManager entityManager) implements MethodInterceptor {

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			TenantId tenant = TenantContext.require();
			Object sessionTenant = this.entityManager.unwrap(SharedSessionContract.class).getTenantIdentifierValue();
			if (!tenant.slug().equals(sessionTenant)) {
				throw new IllegalStateException("Session belongs to tenant '" + sessionTenant
						+ "' but the bound tenant is '" + tenant + "'; open the transaction after binding the tenant");
			}
			return invocation.proceed();
		}

	}

}
