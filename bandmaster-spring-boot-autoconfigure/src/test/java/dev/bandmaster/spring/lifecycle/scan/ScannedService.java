package dev.bandmaster.spring.lifecycle.scan;

import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

/**
 * A band service found by component scanning, named after its bean.
 */
@BandService
public class ScannedService extends RecordingService {

	public ScannedService() {
		super("scannedService", new Journal());
	}

}
