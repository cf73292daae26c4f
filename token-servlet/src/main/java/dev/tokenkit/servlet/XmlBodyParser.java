package dev.tokenkit.servlet;

import java.io.StringReader;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.api.WstxInputProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.xml.XmlFactory;

import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * Reads a small XML request body into an {@link XmlDocument}, on the StAX parser of jackson-dataformat-xml
 * (Woodstox), refusing everything a credentials document never needs.
 *
 * <p>Design note: the parser is hardened twice. Its factory comes from jackson-dataformat-xml's own secure defaults,
 * and DTD support, external entities and entity replacement are switched off again here, so that a factory swapped in
 * elsewhere cannot undo them. On top of that any {@code DOCTYPE} is refused outright (so no entity is ever declared,
 * expanded or fetched: XXE and billion laughs end at the first token), XML 1.1 is refused (it allows control
 * characters as references), an encoding declaration other than UTF-8 is refused, depth and attribute counts are
 * capped, and nothing but comments and white space may follow the root element.
 *
 * <p>Texts keep their exact characters: CDATA, character references and text split by comments are joined, and
 * nothing is trimmed. Attributes are ignored, so an attribute can never stand in for an element; namespaces are
 * ignored (local names are compared); an element name that appears twice under one parent, or an element holding both
 * text and elements, is refused.
 *
 * @since 0.1.0
 */
final class XmlBodyParser {

	private static final int MAX_DEPTH = 8;

	private final XMLInputFactory inputFactory;

	/** Creates a parser with its own hardened factory. */
	public XmlBodyParser() {
		XMLInputFactory factory = XmlFactory.builder().build().getXMLInputFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH * 4);
		factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 32);
		factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1);
		this.inputFactory = factory;
	}

	/**
	 * Parses a body.
	 *
	 * @param body the body text
	 * @return the document
	 * @throws TokenKitHttpException {@code 400} if the body is malformed or uses anything refused above
	 */
	public XmlDocument parse(String body) {
		try {
			XMLStreamReader reader = this.inputFactory.createXMLStreamReader(new StringReader(body));
			try {
				return readDocument(reader);
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException | RuntimeException ex) {
			if (ex instanceof TokenKitHttpException known) {
				throw known;
			}
			throw TokenErrors.badRequest("The XML body is malformed");
		}
	}

	private XmlDocument readDocument(XMLStreamReader reader) throws XMLStreamException {
		checkDeclaration(reader);
		while (reader.hasNext()) {
			int event = reader.next();
			if (event == XMLStreamConstants.DTD) {
				throw TokenErrors.badRequest("XML bodies must not have a DOCTYPE");
			}
			if (event == XMLStreamConstants.START_ELEMENT) {
				String rootName = reader.getLocalName();
				JsonNode content = readElement(reader, 1);
				if (!content.isObject()) {
					throw TokenErrors.badRequest("The XML root element must hold elements");
				}
				requireNothingAfterRoot(reader);
				return new XmlDocument(rootName, (ObjectNode) content);
			}
		}
		throw TokenErrors.badRequest("The XML body is empty");
	}

	private static void checkDeclaration(XMLStreamReader reader) {
		if ("1.1".equals(reader.getVersion())) {
			throw TokenErrors.badRequest("XML 1.1 is not accepted");
		}
		String encoding = reader.getCharacterEncodingScheme();
		if (encoding != null && !encoding.equalsIgnoreCase("UTF-8")) {
			throw TokenErrors.badRequest("XML bodies must be UTF-8");
		}
	}

	/** After the root only comments, processing instructions and white space may follow. */
	private static void requireNothingAfterRoot(XMLStreamReader reader) throws XMLStreamException {
		while (reader.hasNext()) {
			int event = reader.next();
			boolean harmless = event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION
					|| event == XMLStreamConstants.SPACE || event == XMLStreamConstants.END_DOCUMENT
					|| (event == XMLStreamConstants.CHARACTERS && reader.isWhiteSpace());
			if (!harmless) {
				throw TokenErrors.badRequest("The XML body has content after its root element");
			}
		}
	}

	/** Reads from a start tag to its end tag: an object of child elements, or a text. */
	private JsonNode readElement(XMLStreamReader reader, int depth) throws XMLStreamException {
		if (depth > MAX_DEPTH) {
			throw TokenErrors.badRequest("The XML body is nested too deeply");
		}
		ObjectNode children = JsonNodeFactory.instance.objectNode();
		StringBuilder text = new StringBuilder();
		for (int event = reader.next(); event != XMLStreamConstants.END_ELEMENT; event = reader.next()) {
			switch (event) {
				case XMLStreamConstants.START_ELEMENT -> addChild(children, reader.getLocalName(),
						readElement(reader, depth + 1));
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
					text.append(reader.getText());
				case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
					throw TokenErrors.badRequest("XML entities are not accepted");
				default -> {
					// comments and processing instructions are skipped
				}
			}
		}
		return finish(children, text);
	}

	private static void addChild(ObjectNode children, String name, JsonNode child) {
		if (children.has(name)) {
			throw TokenErrors.badRequest("An XML element appears more than once");
		}
		children.set(name, child);
	}

	private static JsonNode finish(ObjectNode children, StringBuilder text) {
		if (children.isEmpty()) {
			return JsonNodeFactory.instance.stringNode(text.toString());
		}
		if (!text.toString().isBlank()) {
			throw TokenErrors.badRequest("An XML element holds both text and elements");
		}
		return children;
	}

}
