package io.towerline.api.webapp;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Resolves the app's files, and answers any other path that could be a client-side route
 * (no file extension, not a server path) with {@code index.html}, so deep links and
 * reloads work.
 */
class ClientRouteResolver extends PathResourceResolver {

	@Override
	protected @Nullable Resource getResource(String resourcePath, Resource location) throws IOException {
		Resource file = super.getResource(resourcePath, location);
		if (file != null) {
			return file;
		}
		if (ServerPaths.isServerPath(resourcePath) || ServerPaths.namesFile(resourcePath)) {
			return null;
		}
		return super.getResource(SinglePageApp.INDEX, location);
	}

}
