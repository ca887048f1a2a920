package dev.bandmaster.spring.autoconfigure.scan;

import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.autoconfigure.Journal;
import dev.bandmaster.spring.autoconfigure.RecordingService;

/**
 * A band service found by component scanning, named after its bean.
 */
@BandService
public class ScannedService extends RecordingService {

	public ScannedService() {
		super("scannedService", new Journal());
	}

}
