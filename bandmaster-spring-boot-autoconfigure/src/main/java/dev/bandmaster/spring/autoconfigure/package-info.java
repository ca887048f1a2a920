/**
 * Auto-configuration of BandMaster: the {@link dev.bandmaster.Maestro} bean, the
 * {@link dev.bandmaster.spring.lifecycle.BandmasterLifecycle lifecycle} that boots the
 * band services when the application context starts, and the {@code bandmaster.*}
 * properties, mapped to the {@link dev.bandmaster.spring.lifecycle.BandmasterSettings
 * settings} the lifecycle runs with. The auto-configuration of each concern is in a
 * package of its own below this one, beside its runtime package under
 * {@code dev.bandmaster.spring}.
 */
@NullMarked
package dev.bandmaster.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
