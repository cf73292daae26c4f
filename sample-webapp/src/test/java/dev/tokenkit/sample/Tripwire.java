package dev.tokenkit.sample;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The catalog's tripwire file (section 16, item 6): a named pipe that counts how often something opens it to read. A
 * thread waits to open the pipe for writing, which returns only once a reader has opened the other end; each such
 * open is counted and answered with a line in the form of {@code /etc/passwd}, so that an answer quoting it shows as
 * well. The writer then pauses, so that the reader sees the end of the file and closes its end before the next open: a
 * reader that stays longer may be counted twice (and read the line twice), and any count but 0 is a finding anyway.
 * Needs {@code mkfifo}.
 */
final class Tripwire implements AutoCloseable {

	/** What a reader of the pipe gets. */
	static final String CONTENT = "root:x:0:0:tokenkit tripwire:/root:/bin/sh\n";

	/** How long the writer waits after an answer before it waits for the next reader. */
	private static final long PAUSE_MILLIS = 20;

	private final Path pipe;

	private final AtomicInteger reads = new AtomicInteger();

	private final Thread writer;

	private volatile boolean closing;

	private Tripwire(Path pipe) {
		this.pipe = pipe;
		this.writer = new Thread(this::answerReads, "tripwire");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/** Makes the pipe in a new temporary directory. */
	static Tripwire create() throws IOException, InterruptedException {
		Path pipe = Files.createTempDirectory("tokenkit-tripwire").resolve("passwd");
		Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).redirectErrorStream(true).start();
		if (mkfifo.waitFor() != 0) {
			throw new IllegalStateException("mkfifo " + pipe + " failed: "
					+ new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		}
		return new Tripwire(pipe);
	}

	/** The pipe's absolute path, for {@code file:} URIs. */
	String path() {
		return this.pipe.toString();
	}

	/** How often the pipe was opened to read. */
	int reads() {
		return this.reads.get();
	}

	/**
	 * Reads the pipe once, as a parser would, and tells whether that read got the line and was counted; false at once
	 * if the writer has ended (it ends when the pipe cannot be opened).
	 */
	boolean countsARead() throws IOException {
		if (!this.writer.isAlive()) {
			return false;
		}
		int before = this.reads.get();
		return readToTheEnd().startsWith(CONTENT) && this.reads.get() > before;
	}

	/** Opens the pipe to read (waiting for the writer) and reads it, in plain reads: a pipe cannot seek. */
	private String readToTheEnd() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (InputStream in = new FileInputStream(this.pipe.toFile())) {
			byte[] buffer = new byte[256];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				bytes.write(buffer, 0, read);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/** Answers every open of the other end until the tripwire is closed. */
	private void answerReads() {
		while (!this.closing) {
			OutputStream out;
			try {
				out = new FileOutputStream(this.pipe.toFile());
			}
			catch (IOException pipeGone) {
				return; // nothing left to count; countsARead() answers false
			}
			try (out) {
				if (this.closing) {
					return;
				}
				this.reads.incrementAndGet();
				out.write(CONTENT.getBytes(StandardCharsets.UTF_8));
			}
			catch (IOException readerGone) {
				// a reader that closed its end before the line was written: its open was counted
			}
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(PAUSE_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() throws IOException {
		this.closing = true;
		// Opening the other end releases the writer from its wait, and it ends; opened to read and write, a pipe does
		// not wait for a writer of its own (Linux), so this never blocks. Again, if the writer was not waiting yet.
		for (int tries = 0; this.writer.isAlive() && tries < 50; tries++) {
			new RandomAccessFile(this.pipe.toFile(), "rw").close();
			try {
				this.writer.join(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		Files.deleteIfExists(this.pipe);
		Files.deleteIfExists(this.pipe.getParent());
	}

}
