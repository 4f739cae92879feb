package io.towerline.mikrotik.credentials.vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state of one KV v2 mount as Vault documents it (api-docs/secret/kv/kv-v2): every
 * write makes a new version; a write may carry check-and-set ({@code cas}: 0 = only if
 * absent, n = only if n is the current version), required per secret or per mount
 * ({@code cas_required}); a delete is soft (the version keeps its place with a
 * {@code deletion_time}) and can be undone; a destroy removes the data for good; old
 * versions beyond {@code max_versions} are dropped. Synchronized: requests arrive on the
 * HTTP server's threads.
 */
final class KvV2Store {

	/** One version of a secret. */
	static final class Version {

		final Map<String, Object> data;

		final Instant created;

		Instant deleted;

		boolean destroyed;

		Version(Map<String, Object> data, Instant created) {
			this.data = data;
			this.created = created;
		}

	}

	/** One secret: its versions by number, and its own settings. */
	static final class Secret {

		final TreeMap<Integer, Version> versions = new TreeMap<>();

		int currentVersion;

		boolean casRequired;

		int maxVersions;

	}

	/** A refused write: HTTP status and Vault's error text. */
	static final class Refused extends RuntimeException {

		final int status;

		Refused(int status, String message) {
			super(message);
			this.status = status;
		}

	}

	private final Map<String, Secret> secrets = new TreeMap<>();

	private boolean mountCasRequired;

	private int mountMaxVersions = 10;

	synchronized int write(String path, Map<String, Object> data, Integer cas, Instant now) {
		Secret secret = this.secrets.get(path);
		int current = (secret != null) ? secret.currentVersion : 0;
		boolean required = this.mountCasRequired || (secret != null && secret.casRequired);
		if (cas == null && required) {
			throw new Refused(400, "check-and-set parameter required for this call");
		}
		if (cas != null && cas != current) {
			throw new Refused(400, "check-and-set parameter did not match the current version");
		}
		if (secret == null) {
			secret = new Secret();
			this.secrets.put(path, secret);
		}
		secret.currentVersion = current + 1;
		secret.versions.put(secret.currentVersion, new Version(new LinkedHashMap<>(data), now));
		int keep = (secret.maxVersions > 0) ? secret.maxVersions : this.mountMaxVersions;
		while (secret.versions.size() > keep) {
			secret.versions.pollFirstEntry();
		}
		return secret.currentVersion;
	}

	/** The version asked for (0 = current), or null when there is no such version. */
	synchronized Version read(String path, int version) {
		Secret secret = this.secrets.get(path);
		if (secret == null) {
			return null;
		}
		return secret.versions.get((version == 0) ? secret.currentVersion : version);
	}

	synchronized int versionNumber(String path, int version) {
		Secret secret = this.secrets.get(path);
		return (version == 0 && secret != null) ? secret.currentVersion : version;
	}

	synchronized Secret metadata(String path) {
		return this.secrets.get(path);
	}

	synchronized void configure(String path, Boolean casRequired, Integer maxVersions) {
		Secret secret = this.secrets.computeIfAbsent(path, (key) -> new Secret());
		if (casRequired != null) {
			secret.casRequired = casRequired;
		}
		if (maxVersions != null) {
			secret.maxVersions = maxVersions;
		}
	}

	synchronized void configureMount(Boolean casRequired, Integer maxVersions) {
		if (casRequired != null) {
			this.mountCasRequired = casRequired;
		}
		if (maxVersions != null) {
			this.mountMaxVersions = maxVersions;
		}
	}

	/** Soft-deletes the given versions (the current one when none are given). */
	synchronized void delete(String path, List<Integer> versions, Instant now) {
		Secret secret = this.secrets.get(path);
		if (secret == null) {
			return;
		}
		for (int number : versions.isEmpty() ? List.of(secret.currentVersion) : versions) {
			Version version = secret.versions.get(number);
			if (version != null && version.deleted == null) {
				version.deleted = now;
			}
		}
	}

	synchronized void undelete(String path, List<Integer> versions) {
		Secret secret = this.secrets.get(path);
		if (secret != null) {
			versions.stream()
				.map(secret.versions::get)
				.filter((v) -> v != null && !v.destroyed)
				.forEach((v) -> v.deleted = null);
		}
	}

	synchronized void destroy(String path, List<Integer> versions) {
		Secret secret = this.secrets.get(path);
		if (secret != null) {
			versions.stream().map(secret.versions::get).filter((v) -> v != null).forEach((v) -> {
				v.destroyed = true;
				v.data.clear();
			});
		}
	}

	synchronized void deleteAll(String path) {
		this.secrets.remove(path);
	}

	/**
	 * Keys directly under a folder; sub-folders end with a slash, as Vault lists them.
	 */
	synchronized List<String> list(String folder) {
		String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
		TreeSet<String> keys = new TreeSet<>();
		for (String path : this.secrets.keySet()) {
			if (path.startsWith(prefix)) {
				String rest = path.substring(prefix.length());
				int slash = rest.indexOf('/');
				keys.add((slash < 0) ? rest : rest.substring(0, slash + 1));
			}
		}
		return new ArrayList<>(keys);
	}

	/** The live data of every secret's current version, for assertions. */
	synchronized Map<String, Map<String, Object>> currentData() {
		Map<String, Map<String, Object>> current = new TreeMap<>();
		this.secrets.forEach((path, secret) -> {
			Version version = secret.versions.get(secret.currentVersion);
			if (version != null && version.deleted == null && !version.destroyed) {
				current.put(path, Map.copyOf(version.data));
			}
		});
		return current;
	}

}
