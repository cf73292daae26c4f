package dev.tokenkit.core.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a store (PostgreSQL, Redis) that a test can break: {@link #cut()} drops every
 * connection and refuses new ones, as an unreachable server would; {@link #delay(Duration)} holds every chunk of
 * bytes for a while, as a slow one would; {@link #heal()} forwards plainly again, releasing held bytes at once. The server behind it is never
 * touched, so the shared servers of a test run can stand behind it.
 */
public final class FaultProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int targetPort;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	private volatile long delayMillis;

	private FaultProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		daemon("fault-proxy-accept", this::accept).start();
	}

	/**
	 * Starts a proxy to a port of 127.0.0.1.
	 *
	 * @param targetPort the server's port
	 * @return the proxy, forwarding
	 */
	public static FaultProxy to(int targetPort) {
		if (targetPort < 1 || targetPort > 65535) {
			throw new IllegalArgumentException("Not a port: " + targetPort);
		}
		try {
			return new FaultProxy(targetPort);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The port clients connect to instead of the server's. */
	public int port() {
		return this.listener.getLocalPort();
	}

	/** Drops every open connection and closes new ones as soon as they are accepted. */
	public void cut() {
		this.cut = true;
		this.open.forEach(FaultProxy::closeQuietly);
		this.open.clear();
	}

	/** Holds every chunk of bytes, both ways, for this long before passing it on. */
	public void delay(Duration delay) {
		this.delayMillis = delay.toMillis();
	}

	/** Forwards without delay and accepts connections again. */
	public void heal() {
		this.delayMillis = 0;
		this.cut = false;
	}

	@Override
	public void close() {
		closeQuietly(this.listener);
		this.delayMillis = 0;
		cut();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			Socket client;
			try {
				client = this.listener.accept();
			}
			catch (IOException closed) {
				return;
			}
			if (this.cut) {
				closeQuietly(client);
				continue;
			}
			try {
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.open.add(client);
				this.open.add(server);
				if (this.cut) {
					// cut() ran while this connection was being made
					closeQuietly(client);
					closeQuietly(server);
					continue;
				}
				daemon("fault-proxy-up", () -> pump(client, server)).start();
				daemon("fault-proxy-down", () -> pump(server, client)).start();
			}
			catch (IOException refused) {
				closeQuietly(client);
			}
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				holdWhileDelayed(System.nanoTime());
				if (this.cut) {
					break;
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// one side closed or was cut: close the other
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.open.remove(from);
			this.open.remove(to);
		}
	}

	/** Holds a chunk that arrived at {@code arrived} until the delay has passed or was lifted by {@link #heal()}. */
	private void holdWhileDelayed(long arrived) throws InterruptedException {
		while (this.delayMillis > 0 && System.nanoTime() - arrived < this.delayMillis * 1_000_000) {
			Thread.sleep(5);
		}
	}

	private static Thread daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// closing is all that was wanted
		}
	}

}
