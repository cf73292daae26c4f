package dev.tokenkit.boot;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Applies a request's {@code Forwarded} and {@code X-Forwarded-*} headers (with Jetty's own
 * {@link ForwardedRequestCustomizer}) only when the connection comes from one of the trusted proxies; from any other
 * peer they are ignored, so a client cannot choose the address the login throttle and the audit events see. The
 * client address is then the container's {@code getRemoteAddr()} everywhere tokenkit reads it.
 */
final class TrustedProxiesCustomizer implements HttpConfiguration.Customizer {

	private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

	private final InetAddressSet trusted = new InetAddressSet();

	/**
	 * Creates the customizer.
	 *
	 * @param trustedProxies addresses or CIDR ranges of the proxies, for example {@code 10.0.0.0/8}
	 * @throws IllegalArgumentException if one is neither
	 */
	TrustedProxiesCustomizer(List<String> trustedProxies) {
		trustedProxies.forEach(this.trusted::add);
	}

	@Override
	public Request customize(Request request, HttpFields.Mutable responseHeaders) {
		SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
		if (peer instanceof InetSocketAddress address && address.getAddress() != null
				&& this.trusted.test(address.getAddress())) {
			return this.forwarded.customize(request, responseHeaders);
		}
		return request;
	}

}
