/**
 * Auto-configuration of BandMaster: the {@link dev.bandmaster.Maestro} bean, the
 * {@link dev.bandmaster.spring.autoconfigure.BandmasterLifecycle lifecycle} that boots
 * the band services when the application context starts, the {@code bandmaster.*}
 * properties, the boot report and the failure analyzers.
 */
@NullMarked
package dev.bandmaster.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
