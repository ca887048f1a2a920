/**
 * Gates: ready-made services that hold the boot until a piece of infrastructure answers
 * (a database, Redis, Kafka, an HTTP endpoint, a TCP port, anything Spring Boot has a
 * health indicator for), retried with backoff while it comes up, so that services
 * depending on them start only once it does. A gate owns nothing: its stop does nothing,
 * and the client it checks stays the application's.
 */
@NullMarked
package dev.bandmaster.spring.gate;

import org.jspecify.annotations.NullMarked;
