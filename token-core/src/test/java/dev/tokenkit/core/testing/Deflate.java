package dev.tokenkit.core.testing;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/** DEFLATE compression for tests that build compressed JWTs, as jjwt's {@code DEF} writes them (zlib format). */
public final class Deflate {

	private Deflate() {
	}

	/** The bytes compressed at the best compression level. */
	public static byte[] compress(byte[] bytes) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		deflater.setInput(bytes);
		deflater.finish();
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		while (!deflater.finished()) {
			compressed.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return compressed.toByteArray();
	}

}
