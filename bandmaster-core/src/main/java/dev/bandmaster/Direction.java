package dev.bandmaster;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Which way a {@link GraphRun} walks the graph. Starting and stopping are the same walk
 * in opposite directions: a start waits on a service's dependencies and then unblocks its
 * dependents; a stop waits on its dependents and then unblocks its dependencies.
 */
enum Direction {

	START(ServiceState.STARTING, ServiceState.STARTED, ServiceState.FAILED) {

		@Override
		boolean participates(ServiceState state) {
			return state != ServiceState.STARTED;
		}

		@Override
		int[] waitsOn(ServiceGraph graph, int index) {
			return graph.dependencies[index];
		}

		@Override
		int[] unblocks(ServiceGraph graph, int index) {
			return graph.dependents[index];
		}

		@Override
		void call(ServiceGraph graph, int index) throws Exception {
			graph.nodes[index].definition.service().start(ResolvedDependencies.of(graph, index));
		}

		@Override
		@Nullable Duration attemptTimeout(ServiceDefinition definition) {
			return definition.startTimeout();
		}

		@Override
		BandmasterException failure(ServiceDefinition definition, int attempts, Throwable cause) {
			return BandmasterException.startFailure(definition.name(), definition.required(), attempts, cause);
		}

		@Override
		BandmasterException blocked(ServiceDefinition definition, String blocker) {
			return BandmasterException.dependencyUnavailable(definition.name(), definition.required(), blocker);
		}

		@Override
		void notifyFailure(MaestroListener listener, BandmasterException failure) {
			listener.startFailed(failure);
		}

	},

	STOP(ServiceState.STOPPING, ServiceState.STOPPED, ServiceState.STARTED) {

		@Override
		boolean participates(ServiceState state) {
			return state == ServiceState.STARTED;
		}

		@Override
		int[] waitsOn(ServiceGraph graph, int index) {
			return graph.dependents[index];
		}

		@Override
		int[] unblocks(ServiceGraph graph, int index) {
			return graph.dependencies[index];
		}

		@Override
		void call(ServiceGraph graph, int index) throws Exception {
			graph.nodes[index].definition.service().stop();
		}

		@Override
		@Nullable Duration attemptTimeout(ServiceDefinition definition) {
			return definition.stopTimeout();
		}

		@Override
		BandmasterException failure(ServiceDefinition definition, int attempts, Throwable cause) {
			return BandmasterException.stopFailure(definition.name(), definition.required(), attempts, cause);
		}

		@Override
		BandmasterException blocked(ServiceDefinition definition, String blocker) {
			return BandmasterException.parentUnavailable(definition.name(), definition.required(), blocker);
		}

		@Override
		void notifyFailure(MaestroListener listener, BandmasterException failure) {
			listener.stopFailed(failure);
		}

	};

	/** The state of a service while this transition is under way. */
	final ServiceState active;

	/** The state of a service whose transition succeeded. */
	final ServiceState succeeded;

	/** The state of a service whose transition failed or was cancelled after it began. */
	final ServiceState failed;

	Direction(ServiceState active, ServiceState succeeded, ServiceState failed) {
		this.active = active;
		this.succeeded = succeeded;
		this.failed = failed;
	}

	/** The verb used in messages: "start" or "stop". */
	String verb() {
		return (this == START) ? "start" : "stop";
	}

	/** Whether a service in {@code state} takes part in a run in this direction. */
	abstract boolean participates(ServiceState state);

	/**
	 * The services that must finish this transition before service {@code index} begins
	 * it.
	 */
	abstract int[] waitsOn(ServiceGraph graph, int index);

	/** The services that wait on service {@code index}. */
	abstract int[] unblocks(ServiceGraph graph, int index);

	/**
	 * Runs one attempt of service {@code index}, first telling listeners that it begins.
	 */
	final void invoke(ServiceGraph graph, int index) throws Exception {
		graph.nodes[index].announceAttempt(this.active);
		call(graph, index);
	}

	/** Calls the service's code for one attempt of service {@code index}. */
	abstract void call(ServiceGraph graph, int index) throws Exception;

	abstract @Nullable Duration attemptTimeout(ServiceDefinition definition);

	abstract BandmasterException failure(ServiceDefinition definition, int attempts, Throwable cause);

	/**
	 * The error of a service skipped because {@code blocker}, next to it in the graph, is
	 * unavailable.
	 */
	abstract BandmasterException blocked(ServiceDefinition definition, String blocker);

	abstract void notifyFailure(MaestroListener listener, BandmasterException failure);

}
