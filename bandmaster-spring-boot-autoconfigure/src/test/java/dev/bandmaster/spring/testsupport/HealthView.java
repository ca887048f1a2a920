package dev.bandmaster.spring.testsupport;

import java.util.Map;

/**
 * A health as the shared tests read and make them, whatever the Spring Boot line's
 * {@code Health} type: {@link LineHealth} converts.
 *
 * @param status the status code, e.g. {@code UP}
 * @param details the details
 */
public record HealthView(String status, Map<String, Object> details) {

}
