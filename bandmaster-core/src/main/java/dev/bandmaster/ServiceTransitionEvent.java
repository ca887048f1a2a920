package dev.bandmaster;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.StackTrace;

import org.jspecify.annotations.Nullable;

/**
 * A JDK Flight Recorder event spanning one service's start or stop, from its first
 * attempt to its outcome: the event's duration. Created by {@link FlightRecorderEvents}
 * only while a recording has the event enabled; each instance is written by the threads
 * that drive its service, one after the other, never at once.
 */
@Category("BandMaster")
@StackTrace(false)
abstract class ServiceTransitionEvent extends Event {

	/** The outcome of a transition that succeeded. */
	static final String SUCCESS = "success";

	/** The outcome of a transition that failed or was cancelled. */
	static final String FAILURE = "failure";

	@Label("Service")
	@Description("The service's name")
	@Nullable String name;

	@Label("Attempts")
	@Description("How many attempts the transition took")
	int attempts;

	@Label("Outcome")
	@Description("success, or failure when the last attempt failed or the run was cancelled")
	@Nullable String outcome;

}
