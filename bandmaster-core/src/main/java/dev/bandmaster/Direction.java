package dev.bandmaster;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Which way a {@link GraphRun} walks the graph, and everything else that differs between
 * starting and stopping: the walk itself is one. A start waits on a service's
 * dependencies and then unblocks its dependents; a stop waits on its dependents and then
 * unblocks its dependencies. Each direction also says which services take part, what to
 * call, which timeout applies, which states a service goes through, which errors it
 * reports and which listener methods it calls. (The one difference kept elsewhere is what
 * a call that returns after its run gave up on it leaves: {@link CallGuard} owns that
 * rule.)
 */
enum Direction {

	START("start", "starting", "started", ServiceState.STARTING, ServiceState.STARTED, ServiceState.FAILED) {

		@Override
		boolean participates(Registration node) {
			return node.state() != ServiceState.STARTED;
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
		void notifyBegun(MaestroListener listener, String name) {
			listener.starting(name);
		}

		@Override
		void notifySucceeded(MaestroListener listener, String name, Duration took, int attempts) {
			listener.started(name, took, attempts);
		}

		@Override
		void notifyFailure(MaestroListener listener, BandmasterException failure) {
			listener.startFailed(failure);
		}

	},

	STOP("stop", "stopping", "stopped", ServiceState.STOPPING, ServiceState.STOPPED, ServiceState.STARTED) {

		@Override
		boolean participates(Registration node) {
			return node.state() == ServiceState.STARTED || node.releasePending();
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
		void notifyBegun(MaestroListener listener, String name) {
			listener.stopping(name);
		}

		@Override
		void notifySucceeded(MaestroListener listener, String name, Duration took, int attempts) {
			listener.stopped(name, took);
		}

		@Override
		void notifyFailure(MaestroListener listener, BandmasterException failure) {
			listener.stopFailed(failure);
		}

	};

	/** The verb used in messages: "start" or "stop". */
	private final String verb;

	/** What a service is doing while this transition is under way: "starting"... */
	final String gerund;

	/** What a service is once this transition succeeded: "started" or "stopped". */
	final String participle;

	/** The state of a service while this transition is under way. */
	final ServiceState active;

	/** The state of a service whose transition succeeded. */
	final ServiceState succeeded;

	/** The state of a service whose transition failed or was cancelled after it began. */
	final ServiceState failed;

	Direction(String verb, String gerund, String participle, ServiceState active, ServiceState succeeded,
			ServiceState failed) {
		this.verb = verb;
		this.gerund = gerund;
		this.participle = participle;
		this.active = active;
		this.succeeded = succeeded;
		this.failed = failed;
	}

	/** The verb used in messages: "start" or "stop". */
	String verb() {
		return this.verb;
	}

	/**
	 * Whether a service takes part in a run in this direction, by its state: a stop also
	 * takes a service found failing after the boot whose own stop has not been called yet
	 * (see {@link Registration#markFailed}). The caller holds the service's monitor.
	 */
	abstract boolean participates(Registration node);

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

	/** Tells {@code listener} that the transition of service {@code name} begins. */
	abstract void notifyBegun(MaestroListener listener, String name);

	/** Tells {@code listener} that the transition of service {@code name} succeeded. */
	abstract void notifySucceeded(MaestroListener listener, String name, Duration took, int attempts);

	/** Tells {@code listener} that the transition of a service failed. */
	abstract void notifyFailure(MaestroListener listener, BandmasterException failure);

}
