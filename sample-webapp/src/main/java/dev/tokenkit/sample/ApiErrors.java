package dev.tokenkit.sample;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers the API's own errors (an unreadable or invalid donation, an unknown project, a wrong method or media type)
 * with an RFC 9457 problem document in the negotiated format, its charset named: a fixed title and the path, never
 * the query string (it carries the token and api key) and never a stack trace.
 *
 * @since 0.1.0
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

	private static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json", StandardCharsets.UTF_8);

	private static final MediaType PROBLEM_XML = new MediaType("application", "problem+xml", StandardCharsets.UTF_8);

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		HttpHeaders withType = new HttpHeaders();
		withType.putAll(headers);
		if (withType.getContentType() == null) {
			withType.setContentType(prefersXml(request.getHeader(HttpHeaders.ACCEPT)) ? PROBLEM_XML : PROBLEM_JSON);
		}
		return super.createResponseEntity(body, withType, statusCode, request);
	}

	/**
	 * The database of the donations cannot be reached (or answers too slowly): {@code 503} with {@code Retry-After},
	 * as tokenkit answers a store outage, never a {@code 500}; the driver's message, which can quote values, stays in
	 * the log.
	 *
	 * @param ex the failure
	 * @param request the request
	 * @return the problem answer
	 */
	@ExceptionHandler({ TransientDataAccessException.class, DataAccessResourceFailureException.class,
			CannotGetJdbcConnectionException.class })
	public ResponseEntity<Object> databaseUnavailable(DataAccessException ex, WebRequest request) {
		logger.warn("The donations database is unavailable (" + ex.getClass().getSimpleName() + ")");
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
		problem.setTitle("The donations are temporarily unavailable");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "1");
		return createResponseEntity(problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	/** Whether the client's most wanted media type that names XML or JSON names XML (JSON when it says nothing). */
	private static boolean prefersXml(@Nullable String accept) {
		if (accept == null) {
			return false;
		}
		try {
			List<MediaType> wanted = new ArrayList<>(MediaType.parseMediaTypes(accept));
			wanted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
			return wanted.stream().map(MediaType::getSubtype).filter((subtype) -> subtype.contains("xml")
					|| subtype.contains("json")).findFirst().map((subtype) -> subtype.contains("xml")).orElse(false);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
