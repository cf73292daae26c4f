package dev.tokenkit.servlet;

import java.util.Objects;

/** Checks the settings both issuing endpoints and the filter share. */
final class EndpointSettings {

	/** The smallest body limit accepted, so that a valid credentials document always fits. */
	static final int MIN_BODY_BYTES = 256;

	private EndpointSettings() {
	}

	static String requirePath(String path, String name) {
		Objects.requireNonNull(path, name + " cannot be null");
		if (!path.startsWith("/") || path.length() < 2 || path.contains(";")) {
			throw new IllegalArgumentException(name + " must start with / and name a path without ';'");
		}
		return path;
	}

	static int requireBodyLimit(int maxBodyBytes) {
		if (maxBodyBytes < MIN_BODY_BYTES) {
			throw new IllegalArgumentException("maxBodyBytes must be at least " + MIN_BODY_BYTES);
		}
		return maxBodyBytes;
	}

}
