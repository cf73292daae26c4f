package dev.tokenkit.servlet;

import java.util.Objects;

import tools.jackson.databind.node.ObjectNode;

/**
 * A small XML document read as a tree: its root element's local name, and its children as an object whose values are
 * texts or nested objects.
 *
 * @param rootName the root element's local name
 * @param content the root's child elements
 * @since 0.1.0
 */
record XmlDocument(String rootName, ObjectNode content) {

	/**
	 * Checks the values.
	 *
	 * @param rootName the root element's local name
	 * @param content the root's child elements
	 */
	public XmlDocument {
		Objects.requireNonNull(rootName, "rootName cannot be null");
		Objects.requireNonNull(content, "content cannot be null");
	}

}
