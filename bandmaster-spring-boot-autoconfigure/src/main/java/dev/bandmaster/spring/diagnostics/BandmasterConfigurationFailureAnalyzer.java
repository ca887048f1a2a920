package dev.bandmaster.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.bandmaster.spring.BandmasterConfigurationException;

/**
 * Reports a misconfigured band service with the description and action the exception
 * carries.
 */
class BandmasterConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BandmasterConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BandmasterConfigurationException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
