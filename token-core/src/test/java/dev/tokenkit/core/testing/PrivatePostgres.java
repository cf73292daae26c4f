package dev.tokenkit.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of the test's own: a fresh cluster made by {@code initdb} in a temporary directory, listening on
 * a free port of 127.0.0.1 only (its Unix socket in that directory), trust authentication, no fsync. A test may stop
 * it and start it again on the same port with the same data; the shared server is never touched. When the JVM runs as
 * root the server runs as the {@code postgres} OS user (PostgreSQL refuses root), through {@code runuser}.
 *
 * <p>{@code initdb} takes a second or more: create one per test class. Without
 * {@code /usr/lib/postgresql/<version>/bin} the calling test is skipped with a printed reason, unless
 * {@code TOKENKIT_REQUIRE_POSTGRES=true} makes it fail. A JVM that exits without {@link #close()} stops the server on
 * its way out.
 */
public final class PrivatePostgres implements AutoCloseable {

	private static final Path INSTALLS = Path.of("/usr/lib/postgresql");

	private static final String OS_USER = "postgres";

	private final Path bin;

	private final Path directory;

	private int port;

	private final Thread stopOnExit = new Thread(this::close, "private-postgres-exit");

	private PrivatePostgres(Path bin, Path directory) {
		this.bin = bin;
		this.directory = directory;
	}

	/**
	 * Makes a new cluster in a temporary directory and starts it on a free port.
	 *
	 * @return the running server
	 */
	public static PrivatePostgres create() {
		PrivatePostgres postgres = new PrivatePostgres(binaries(), temporaryDirectory());
		try {
			postgres.initdb();
			postgres.startOnFreePort();
			Runtime.getRuntime().addShutdownHook(postgres.stopOnExit);
			return postgres;
		}
		catch (RuntimeException ex) {
			postgres.deleteDirectory();
			throw ex;
		}
	}

	/** The server's port on 127.0.0.1. */
	public int port() {
		return this.port;
	}

	/** The JDBC URL of the server's {@code postgres} database, as the {@code postgres} role. */
	public String jdbcUrl() {
		return jdbcUrl(this.port);
	}

	/**
	 * The JDBC URL of the server's {@code postgres} database reached through another port of 127.0.0.1, such as a
	 * {@link FaultProxy}'s.
	 *
	 * @param port the port the client connects to
	 * @return the URL
	 */
	public String jdbcUrl(int port) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
	}

	/** Stops the server (fast shutdown: open sessions are ended) and waits until it has gone; the data stays. */
	public void stop() {
		check(pgCtl("stop", "-m", "fast"), "stop");
	}

	/**
	 * Starts the stopped server again, same data, same port. While the port is free a client reconnecting to it can
	 * hold it for a moment (a loopback connection to a free port can connect to itself), so a busy port is tried again.
	 */
	public void start() {
		for (int attempt = 1; attempt <= 50; attempt++) {
			if (launch()) {
				return;
			}
			pause(100);
		}
		throw new IllegalStateException("PostgreSQL could not bind " + this.port + " again: " + serverLog());
	}

	/** Stops the server and starts it again, as a restart by an operator would. */
	public void restart() {
		stop();
		start();
	}

	/** Stops the server at once, if it runs, and deletes its directory; a second call does nothing. */
	@Override
	public synchronized void close() {
		if (!Files.isDirectory(this.directory)) {
			return;
		}
		pgCtl("stop", "-m", "immediate");
		deleteDirectory();
		try {
			Runtime.getRuntime().removeShutdownHook(this.stopOnExit);
		}
		catch (IllegalStateException exiting) {
			// the JVM is already on its way out
		}
	}

	private static Path binaries() {
		try (Stream<Path> installs = Files.exists(INSTALLS) ? Files.list(INSTALLS) : Stream.empty()) {
			Path bin = installs.map((install) -> install.resolve("bin"))
				.filter((candidate) -> Files.isExecutable(candidate.resolve("initdb")))
				.max(Comparator.comparingInt(PrivatePostgres::majorVersion))
				.orElse(null);
			if (bin == null) {
				skip("Skipping a private-PostgreSQL test: no initdb under " + INSTALLS + "/*/bin");
			}
			if (runningAsRoot() && !osUserExists()) {
				skip("Skipping a private-PostgreSQL test: running as root and there is no '" + OS_USER
						+ "' user to run the server as");
			}
			return bin;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The major version of an install's bin directory, /usr/lib/postgresql/15/bin: 15. */
	private static int majorVersion(Path bin) {
		try {
			return Integer.parseInt(bin.getParent().getFileName().toString());
		}
		catch (NumberFormatException notAVersion) {
			return -1;
		}
	}

	private static void skip(String reason) {
		if (Boolean.parseBoolean(System.getenv(TestDatabases.REQUIRE_POSTGRES_VARIABLE))) {
			throw new IllegalStateException(reason);
		}
		System.err.println(reason);
		Assumptions.abort(reason);
	}

	private static boolean runningAsRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static boolean osUserExists() {
		try {
			return Files.readAllLines(Path.of("/etc/passwd")).stream()
				.anyMatch((line) -> line.startsWith(OS_USER + ":"));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** A directory of the server's own: when the JVM runs as root, owned by the user the server runs as. */
	private static Path temporaryDirectory() {
		try {
			Path directory = Files.createTempDirectory("tokenkit-postgres-");
			if (runningAsRoot()) {
				UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
				Files.setOwner(directory, users.lookupPrincipalByName(OS_USER));
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void initdb() {
		check(run(this.bin.resolve("initdb").toString(), "-D", data(), "-U", OS_USER, "--auth=trust", "-E", "UTF8",
				"--locale=C", "--no-sync", "--no-instructions"), "initdb");
		configure("listen_addresses = '127.0.0.1'\nunix_socket_directories = '" + this.directory + "'\n"
				+ "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n");
	}

	/** Picks a free port and starts there, or on another if that one was taken meanwhile. */
	private void startOnFreePort() {
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.port = freePort();
			configure("port = " + this.port + "\n");
			if (launch()) {
				return;
			}
		}
		throw new IllegalStateException("PostgreSQL found no free port in five attempts: " + serverLog());
	}

	/** Appends settings to postgresql.conf, where a later line wins over an earlier one. */
	private void configure(String settings) {
		try {
			Files.writeString(this.directory.resolve("data").resolve("postgresql.conf"), settings,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts the server and waits until it accepts connections (pg_ctl reads its readiness from postmaster.pid, no
	 * probe connection).
	 *
	 * @return false if the port was taken
	 */
	private boolean launch() {
		Result result = pgCtl("start", "-l", serverLogFile().toString());
		if (result.exitCode() == 0) {
			return true;
		}
		if (serverLog().contains("Address already in use")) {
			return false;
		}
		throw new IllegalStateException("PostgreSQL did not start on " + this.port + ": " + result.output() + "\n"
				+ serverLog());
	}

	private Result pgCtl(String action, String... options) {
		List<String> command = new ArrayList<>(List.of(this.bin.resolve("pg_ctl").toString(), action, "-D", data(),
				"-w", "-t", "30"));
		command.addAll(List.of(options));
		return run(command.toArray(String[]::new));
	}

	/** Runs a PostgreSQL program in the server's directory, as the server's user, and waits for it. */
	private Result run(String... program) {
		List<String> command = new ArrayList<>();
		if (runningAsRoot()) {
			command.addAll(List.of("runuser", "-u", OS_USER, "--"));
		}
		command.addAll(List.of(program));
		Path output = this.directory.resolve("command.out");
		try {
			Process process = new ProcessBuilder(command).directory(this.directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", program) + " did not finish in 60 s");
			}
			return new Result(process.exitValue(), Files.readString(output));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void check(Result result, String what) {
		if (result.exitCode() != 0) {
			throw new IllegalStateException("PostgreSQL " + what + " failed: " + result.output());
		}
	}

	private String data() {
		return this.directory.resolve("data").toString();
	}

	private Path serverLogFile() {
		return this.directory.resolve("server.log");
	}

	private String serverLog() {
		try {
			return Files.exists(serverLogFile()) ? Files.readString(serverLogFile()) : "";
		}
		catch (IOException ex) {
			return "(server.log unreadable: " + ex.getMessage() + ")";
		}
	}

	private void deleteDirectory() {
		try (Stream<Path> files = Files.walk(this.directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			System.err.println("A private PostgreSQL directory was left behind: " + this.directory + " (" + ex + ")");
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Result(int exitCode, String output) {
	}

}
