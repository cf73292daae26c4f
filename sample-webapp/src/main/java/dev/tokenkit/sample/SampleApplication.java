package dev.tokenkit.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The donations site as a Spring Boot app on embedded Jetty: {@code ./mvnw -pl sample-webapp -am spring-boot:run}.
 * Settings come from {@code application.properties}, profiles and the command line ({@code --server.port=8081}).
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Starts the sample.
	 *
	 * @param args Spring Boot arguments, for example {@code --server.port=8081}
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
