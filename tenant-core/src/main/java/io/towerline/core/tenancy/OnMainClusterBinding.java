package io.towerline.core.tenancy;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;

/**
 * Runs the methods of {@link OnMainCluster} services without the tenant bound. Ordered
 * first, so a transaction such a method opens is opened without the tenant too.
 */
@Configuration(proxyBeanMethods = false)
class OnMainClusterBinding {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor onMainClusterAdvisor() {
		MethodInterceptor unbound = (invocation) -> {
			TenantId bound = TenantContext.get();
			if (bound == null) {
				return invocation.proceed();
			}
			TenantContext.clear();
			try {
				return invocation.proceed();
			}
			finally {
				TenantContext.set(bound);
			}
		};
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
				new AnnotationMatchingPointcut(OnMainCluster.class, true), unbound);
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return advisor;
	}

}
