package io.towerline.api.graphql;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.stereotype.Component;

/**
 * Runs controller methods on the thread that executes the request. With virtual threads
 * on, Spring for GraphQL otherwise hands every controller method (and batch loader) to
 * the task executor: a new virtual thread, a context snapshot captured and restored, and
 * a future completed across threads, per data fetcher. The request already runs on a
 * virtual thread that may block, so the hand-off buys nothing and cost about a tenth of a
 * small query's CPU (see docs/benchmarks.md).
 */
@Component
class InlineControllerExecution implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof AnnotatedControllerConfigurer configurer) {
			configurer.setBlockingMethodPredicate((method) -> false);
		}
		return bean;
	}

}
