package dev.bandmaster.spring.testsupport;

import java.util.function.Predicate;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

/**
 * Spring Framework 6.2's runtime hints predicates as the shared tests use them.
 */
public final class LineRuntimeHints {

	private LineRuntimeHints() {
	}

	/**
	 * Returns a predicate matching hints that allow a method to be invoked by reflection.
	 * @param type the method's class
	 * @param methodName the method's name
	 * @return the predicate
	 */
	public static Predicate<RuntimeHints> invocationOf(Class<?> type, String methodName) {
		return RuntimeHintsPredicates.reflection().onMethod(type, methodName).invoke();
	}

}
