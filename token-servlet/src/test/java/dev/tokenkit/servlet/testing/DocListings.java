package dev.tokenkit.servlet.testing;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/** The code blocks of a document, and its Java listings compiled as printed, every warning an error. */
public final class DocListings {

	private DocListings() {
	}

	/** The blocks fenced as one language (```java, ```xml) of a document, in order. */
	public static List<String> blocks(Path doc, String language) throws IOException {
		Matcher block = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL)
			.matcher(Files.readString(doc, StandardCharsets.UTF_8));
		List<String> found = new ArrayList<>();
		while (block.find()) {
			found.add(block.group(1));
		}
		return found;
	}

	/**
	 * Compiles every Java listing of a document (each a public class of {@code com.example}) against the test class
	 * path into a directory, and loads them.
	 *
	 * @param doc the document
	 * @param work where the sources go
	 * @param classes where the classes go
	 * @param listings how many listings the document must have
	 * @return a class loader over the compiled listings, whose parent is the tests'
	 */
	public static ClassLoader compile(Path doc, Path work, Path classes, int listings) throws IOException {
		Path sources = Files.createDirectories(work.resolve("src/com/example"));
		Files.createDirectories(classes);
		List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
				System.getProperty("java.class.path"), "-Xlint:all", "-Xlint:-processing", "-Werror"));
		for (String listing : blocks(doc, "java")) {
			Matcher name = Pattern.compile("public class (\\w+)").matcher(listing);
			assertThat(name.find()).as("a public class in %s", listing).isTrue();
			Path file = sources.resolve(name.group(1) + ".java");
			Files.writeString(file, listing);
			args.add(file.toString());
		}
		assertThat(args).as("the Java listings of %s", doc).hasSize(7 + listings);
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac's exit status").isZero();
		return new URLClassLoader(new URL[] { classes.toUri().toURL() }, DocListings.class.getClassLoader());
	}

}
