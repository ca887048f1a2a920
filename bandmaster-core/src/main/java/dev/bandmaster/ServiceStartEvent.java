package dev.bandmaster;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A service's start, as a JDK Flight Recorder event named {@value #NAME}. */
@Name(ServiceStartEvent.NAME)
@Label("Service Start")
@Description("A BandMaster service's start, from its first attempt to its outcome")
final class ServiceStartEvent extends ServiceTransitionEvent {

	static final String NAME = "dev.bandmaster.ServiceStart";

}
