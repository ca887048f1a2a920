/**
 * The BandMaster conformance kit, published as the {@code tests} test-jar of
 * {@code bandmaster-core}: depend on it with {@code <type>test-jar</type>} and test
 * scope.
 * <p>
 * {@link dev.bandmaster.testkit.ServiceConformance} checks that any
 * {@link dev.bandmaster.Service} implementation behaves (start then stop through a
 * maestro; start after stop, start twice, stop twice and stop without start, called on
 * the service itself; cancellation honoured within a bound from the interruption, or
 * reported as not exercised), with no dependency on a test framework. The other types are
 * small, thread-safe test services for tests of code built on a
 * {@link dev.bandmaster.Maestro}: {@link dev.bandmaster.testkit.RecordingService}
 * (records its calls into a shared {@link dev.bandmaster.testkit.Timeline}),
 * {@link dev.bandmaster.testkit.FlakyService} (fails its first attempts),
 * {@link dev.bandmaster.testkit.HangingService} (blocks until interrupted) and
 * {@link dev.bandmaster.testkit.SleepyService} (takes a while, honouring interrupts).
 */
package dev.bandmaster.testkit;
