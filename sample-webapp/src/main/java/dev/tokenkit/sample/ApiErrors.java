package dev.tokenkit.sample;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers the API's own errors (an unreadable or invalid donation, an unknown project, a wrong method or media type)
 * with an RFC 9457 problem document in the negotiated format: a fixed title and the path, never the query string (it
 * carries the token and api key) and never a stack trace.
 *
 * @since 0.1.0
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

}
