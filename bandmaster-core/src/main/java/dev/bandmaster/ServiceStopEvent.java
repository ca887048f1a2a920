package dev.bandmaster;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A service's stop, as a JDK Flight Recorder event named {@value #NAME}. */
@Name(ServiceStopEvent.NAME)
@Label("Service Stop")
@Description("A BandMaster service's stop, from its first attempt to its outcome")
final class ServiceStopEvent extends ServiceTransitionEvent {

	static final String NAME = "dev.bandmaster.ServiceStop";

}
