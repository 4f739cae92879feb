package io.towerline.api.webapp;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;

/**
 * Maps the app's files. Vite names every asset after its content hash, so assets are
 * immutable for a year; {@code index.html} (and the client routes answered with it) is
 * revalidated on every load, so a new release is picked up at once. Handler mappings of
 * the API, actuator and the authorization server come first; this one is the last resort.
 * The build writes Brotli and gzip copies beside each file; the one the browser accepts
 * is sent.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageApp implements WebMvcConfigurer {

	static final String INDEX = "index.html";

	static final String LOCATION = "classpath:/towerline-web/";

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/").setViewName("forward:/" + INDEX);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(LOCATION + "assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.resourceChain(true)
			.addResolver(new EncodedResourceResolver());
		registry.addResourceHandler("/**")
			.addResourceLocations(LOCATION)
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(new EncodedResourceResolver())
			.addResolver(new ClientRouteResolver());
	}

}
