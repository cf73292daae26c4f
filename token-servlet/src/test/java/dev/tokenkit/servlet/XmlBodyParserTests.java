package dev.tokenkit.servlet;

import org.junit.jupiter.api.Test;

import dev.tokenkit.servlet.error.TokenKitHttpException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class XmlBodyParserTests {

	private final XmlBodyParser parser = new XmlBodyParser();

	@Test
	void parseWhenNestedElementsThenTree() {
		XmlDocument document = this.parser.parse("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
				+ "<auth_request>\n<user>\n<email>a@b.c</email>\n<password> p w </password>\n</user>\n"
				+ "<api_key>K</api_key>\n</auth_request>");
		assertThat(document.rootName()).isEqualTo("auth_request");
		assertThat(document.content().get("user").get("password").stringValue()).isEqualTo(" p w ");
		assertThat(document.content().get("api_key").stringValue()).isEqualTo("K");
	}

	@Test
	void parseWhenCdataReferencesAndCommentsThenExactJoinedText() {
		XmlDocument document = this.parser.parse("<C><P>Corr<![CDATA[ect-<&>]]>&#x48;o<!-- x -->rse&amp;<?pi x?>9"
				+ "</P><Q><![CDATA[a]]]]><![CDATA[>b]]></Q></C>");
		assertThat(document.content().get("P").stringValue()).isEqualTo("Correct-<&>Horse&9");
		assertThat(document.content().get("Q").stringValue()).isEqualTo("a]]>b");
	}

	@Test
	void parseWhenAttributesAndNamespacesThenIgnored() {
		XmlDocument document = this.parser.parse("<a:C xmlns:a=\"urn:x\" xmlns:xsi=\"urn:y\"><U email=\"bob\">me</U></a:C>");
		assertThat(document.rootName()).isEqualTo("C");
		assertThat(document.content().get("U").stringValue()).isEqualTo("me");
	}

	@Test
	void parseWhenBillionLaughsThenRefusedQuickly() {
		StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
		for (int i = 1; i <= 9; i++) {
			dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + ((i == 1) ? "" : i - 1) + ";").repeat(10))
				.append("\">");
		}
		String body = dtd + "]><C><U>&lol9;</U></C>";
		long start = System.nanoTime();
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> this.parser.parse(body))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(400))
			.withMessage("XML bodies must not have a DOCTYPE");
		assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
	}

	@Test
	void parseWhenMalformedThenGenericMessageWithoutParserText() {
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> this.parser.parse("<C><U>secret</C>"))
			.withMessage("The XML body is malformed");
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> this.parser.parse(""))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(400));
	}

	@Test
	void parseWhenUndeclaredEntityThenRefused() {
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> this.parser.parse("<C><U>&x;</U></C>"));
	}

}
