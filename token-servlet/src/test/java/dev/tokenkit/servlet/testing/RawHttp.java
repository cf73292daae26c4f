package dev.tokenkit.servlet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client over a plain socket to 127.0.0.1, so that tests can send exactly the bytes a hostile
 * client would: repeated headers, raw paths, control characters, invalid UTF-8. Every request closes its connection.
 */
public final class RawHttp {

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/** Sends a request: a request line, header lines, and a body (Content-Length is added when there is a body). */
	public Response send(String requestLine, List<String> headers, byte[] body) {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		write(request, requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
		for (String header : headers) {
			write(request, header + "\r\n");
		}
		if (body.length > 0 && headers.stream().noneMatch((h) -> h.toLowerCase(Locale.ROOT).startsWith("content-length:")
				|| h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:"))) {
			write(request, "Content-Length: " + body.length + "\r\n");
		}
		write(request, "\r\n");
		request.writeBytes(body);
		return exchange(request.toByteArray());
	}

	public Response send(String requestLine, List<String> headers, String body) {
		return send(requestLine, headers, body.getBytes(StandardCharsets.UTF_8));
	}

	public Response get(String target, String... headers) {
		return send("GET " + target + " HTTP/1.1", List.of(headers), new byte[0]);
	}

	public Response post(String target, String body, String... headers) {
		return send("POST " + target + " HTTP/1.1", List.of(headers), body);
	}

	public Response delete(String target, String... headers) {
		return send("DELETE " + target + " HTTP/1.1", List.of(headers), new byte[0]);
	}

	/** Sends raw bytes and reads the whole answer. */
	public Response exchange(byte[] request) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
				socket.shutdownOutput();
			}
			catch (java.net.SocketException ex) {
				// the server answered (a 413, say) and closed before taking the whole request; read its answer
			}
			return Response.parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("HTTP exchange with 127.0.0.1:" + this.port + " failed", ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				all.write(buffer, 0, read);
			}
		}
		catch (java.net.SocketException ex) {
			// the server may reset a connection it has answered and closed (a 413, say); keep what was read
		}
		return all.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
	}

	/** A parsed answer. Header names are kept as sent; look-ups ignore case. */
	public record Response(int status, List<String[]> headers, String body) {

		static Response parse(byte[] raw) {
			String text = new String(raw, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new IllegalStateException("No complete HTTP answer: " + text);
			}
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			List<String[]> headers = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.add(new String[] { lines[i].substring(0, colon), lines[i].substring(colon + 1).trim() });
			}
			byte[] bodyBytes = text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
			return new Response(status, headers, new String(bodyBytes, StandardCharsets.UTF_8));
		}

		public String header(String name) {
			return this.headers.stream().filter((h) -> h[0].equalsIgnoreCase(name)).map((h) -> h[1]).findFirst()
				.orElse(null);
		}

		public List<String> headerValues(String name) {
			return this.headers.stream().filter((h) -> h[0].equalsIgnoreCase(name)).map((h) -> h[1]).toList();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
