package dev.bandmaster.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread-safe log of what test services did, shared by the services of one test so that
 * their order can be checked. Each {@link Event} gets a strictly increasing
 * {@link Event#sequence() sequence number} (a total order that does not depend on clock
 * resolution) and the {@link System#nanoTime()} at which it was recorded.
 */
public final class Timeline {

	private final AtomicLong sequence = new AtomicLong();

	private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();

	/**
	 * Records an event now, on the current thread.
	 * @param service the service's name
	 * @param kind what happened
	 * @return the event recorded
	 */
	public Event record(String service, Kind kind) {
		Event event;
		synchronized (this.sequence) {
			// Numbered and queued together so that the queue is in sequence order.
			event = new Event(this.sequence.incrementAndGet(), System.nanoTime(), service, kind,
					Thread.currentThread().getName());
			this.events.add(event);
		}
		return event;
	}

	/**
	 * Returns every event so far, in the order they were recorded.
	 * @return a copy of the events
	 */
	public List<Event> events() {
		return new ArrayList<>(this.events);
	}

	/**
	 * Returns the events of one service, in the order they were recorded.
	 * @param service the service's name
	 * @return a copy of its events
	 */
	public List<Event> events(String service) {
		return this.events.stream().filter((event) -> event.service().equals(service)).toList();
	}

	/**
	 * Returns the first event of a kind for a service.
	 * @param service the service's name
	 * @param kind the kind of event
	 * @return the event, or empty if there was none
	 */
	public Optional<Event> first(String service, Kind kind) {
		return this.events.stream()
			.filter((event) -> event.service().equals(service) && event.kind() == kind)
			.findFirst();
	}

	/**
	 * Returns the last event of a kind for a service.
	 * @param service the service's name
	 * @param kind the kind of event
	 * @return the event, or empty if there was none
	 */
	public Optional<Event> last(String service, Kind kind) {
		Event last = null;
		for (Event event : this.events) {
			if (event.service().equals(service) && event.kind() == kind) {
				last = event;
			}
		}
		return Optional.ofNullable(last);
	}

	/**
	 * Tells how many events of a kind a service recorded.
	 * @param service the service's name
	 * @param kind the kind of event
	 * @return the count
	 */
	public long count(String service, Kind kind) {
		return this.events.stream().filter((event) -> event.service().equals(service) && event.kind() == kind).count();
	}

	/**
	 * Forgets every event recorded so far; sequence numbers keep growing.
	 */
	public void clear() {
		synchronized (this.sequence) {
			this.events.clear();
		}
	}

	@Override
	public String toString() {
		return "Timeline" + this.events;
	}

	/**
	 * What a service did.
	 */
	public enum Kind {

		/** Its {@code start} was entered. */
		START_BEGAN,

		/** Its {@code start} is about to return normally. */
		STARTED,

		/** Its {@code start} is about to throw. */
		START_FAILED,

		/** Its {@code stop} was entered. */
		STOP_BEGAN,

		/** Its {@code stop} is about to return normally. */
		STOPPED,

		/** Its {@code stop} is about to throw. */
		STOP_FAILED,

		/** Its {@code check} was entered. */
		CHECK_BEGAN,

		/** Its {@code check} is about to throw. */
		CHECK_FAILED

	}

	/**
	 * One thing a service did.
	 *
	 * @param sequence the position of the event in its timeline, from 1
	 * @param nanoTime the {@link System#nanoTime()} when it was recorded
	 * @param service the service's name
	 * @param kind what happened
	 * @param thread the name of the thread it happened on
	 */
	public record Event(long sequence, long nanoTime, String service, Kind kind, String thread) {

		@Override
		public String toString() {
			return "#" + this.sequence + " " + this.service + " " + this.kind;
		}

	}

}
