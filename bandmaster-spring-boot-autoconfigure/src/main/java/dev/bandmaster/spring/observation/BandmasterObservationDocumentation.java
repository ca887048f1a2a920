package dev.bandmaster.spring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the band services' boot and shutdown. A run is the parent of each
 * service's transition in it, which is the parent of each of its attempts; a service's
 * observation begins when its dependencies are up (on shutdown, when its dependents are
 * down), so that a trace viewer draws the run as its Gantt chart.
 */
public enum BandmasterObservationDocumentation implements ObservationDocumentation {

	/** One call of {@code startAll} or {@code start}: the boot, or part of it. */
	BOOT {

		@Override
		public String getName() {
			return DefaultBandmasterRunObservationConvention.BOOT.getName();
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultBandmasterRunObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return RunKeyNames.LOW;
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return RunKeyNames.HIGH;
		}

	},

	/** One call of {@code stopAll}: the shutdown. */
	SHUTDOWN {

		@Override
		public String getName() {
			return DefaultBandmasterRunObservationConvention.SHUTDOWN.getName();
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultBandmasterRunObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return RunKeyNames.LOW;
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return RunKeyNames.HIGH;
		}

	},

	/**
	 * A service's start, from the beginning of its first attempt to its success or final
	 * failure. Its timer replaces the {@code bandmaster.service.start} timer of
	 * {@code BandmasterMetrics} where observations are on.
	 */
	SERVICE_START {

		@Override
		public String getName() {
			return DefaultServiceTransitionObservationConvention.START.getName();
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultServiceTransitionObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return ServiceKeyNames.LOW;
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return ServiceKeyNames.HIGH;
		}

	},

	/**
	 * A service's stop, from the beginning of its first attempt to its success or final
	 * failure. Its timer replaces the {@code bandmaster.service.stop} timer of
	 * {@code BandmasterMetrics} where observations are on.
	 */
	SERVICE_STOP {

		@Override
		public String getName() {
			return DefaultServiceTransitionObservationConvention.STOP.getName();
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultServiceTransitionObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return ServiceKeyNames.LOW;
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return ServiceKeyNames.HIGH;
		}

	},

	/** One call of a service's {@code start} or {@code stop}. */
	SERVICE_ATTEMPT {

		@Override
		public String getName() {
			return DefaultServiceAttemptObservationConvention.INSTANCE.getName();
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultServiceAttemptObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return AttemptKeyNames.LOW;
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return AttemptKeyNames.HIGH;
		}

	};

	/** The keys of {@link #BOOT} and {@link #SHUTDOWN}. */
	public enum RunKeyNames implements KeyName {

		/** Low cardinality: {@code success}, or {@code failure} when a service failed. */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		},

		/** High cardinality: how many services the run covers. */
		SERVICES {

			@Override
			public String asString() {
				return "services";
			}

		},

		/** High cardinality: how many services failed. */
		FAILURES {

			@Override
			public String asString() {
				return "failures";
			}

		};

		static final KeyName[] LOW = { OUTCOME };

		static final KeyName[] HIGH = { SERVICES, FAILURES };

	}

	/** The keys of {@link #SERVICE_START} and {@link #SERVICE_STOP}. */
	public enum ServiceKeyNames implements KeyName {

		/** Low cardinality: the service's name. */
		SERVICE {

			@Override
			public String asString() {
				return "service";
			}

		},

		/** Low cardinality: {@code success} or {@code failure}. */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		},

		/** Low cardinality: {@code true} for a required service. */
		REQUIRED {

			@Override
			public String asString() {
				return "required";
			}

		},

		/** High cardinality: how many attempts it took. */
		ATTEMPTS {

			@Override
			public String asString() {
				return "attempts";
			}

		},

		/**
		 * High cardinality: the error that ended it, class and message, passwords masked;
		 * absent on success.
		 */
		ERROR {

			@Override
			public String asString() {
				return "error";
			}

		};

		static final KeyName[] LOW = { SERVICE, OUTCOME, REQUIRED };

		static final KeyName[] HIGH = { ATTEMPTS, ERROR };

	}

	/** The keys of {@link #SERVICE_ATTEMPT}. */
	public enum AttemptKeyNames implements KeyName {

		/** Low cardinality: the service's name. */
		SERVICE {

			@Override
			public String asString() {
				return "service";
			}

		},

		/** Low cardinality: {@code start} or {@code stop}. */
		TRANSITION {

			@Override
			public String asString() {
				return "transition";
			}

		},

		/** Low cardinality: {@code success} or {@code failure}. */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		},

		/** High cardinality: the attempt, 1 for the first. */
		ATTEMPT {

			@Override
			public String asString() {
				return "attempt";
			}

		},

		/**
		 * High cardinality: the attempt's error, class and message, passwords masked;
		 * absent on success.
		 */
		ERROR {

			@Override
			public String asString() {
				return "error";
			}

		};

		static final KeyName[] LOW = { SERVICE, TRANSITION, OUTCOME };

		static final KeyName[] HIGH = { ATTEMPT, ERROR };

	}

}
