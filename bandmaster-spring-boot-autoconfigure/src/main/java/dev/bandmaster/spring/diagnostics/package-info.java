/**
 * What BandMaster tells a user about a failure: the failure analyzers of a startup that
 * BandMaster failed, the masked form of a service's error shown in reports, health and
 * the endpoint, and the "did you mean" of a misspelt name.
 */
@NullMarked
package dev.bandmaster.spring.diagnostics;

import org.jspecify.annotations.NullMarked;
