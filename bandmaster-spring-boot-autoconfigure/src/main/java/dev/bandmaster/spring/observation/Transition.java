package dev.bandmaster.spring.observation;

import dev.bandmaster.ServiceState;

/** Which way a run, a service's transition or an attempt goes. */
public enum Transition {

	/** Starting services. */
	START,

	/** Stopping services. */
	STOP;

	/**
	 * Returns the transition of the engine's state.
	 * @param state {@link ServiceState#STARTING} or {@link ServiceState#STOPPING}
	 * @return {@link #START} for {@code STARTING}, {@link #STOP} otherwise
	 */
	static Transition of(ServiceState state) {
		return (state == ServiceState.STARTING) ? START : STOP;
	}

	/**
	 * Returns the transition as a tag value.
	 * @return {@code start} or {@code stop}
	 */
	public String value() {
		return (this == START) ? "start" : "stop";
	}

}
