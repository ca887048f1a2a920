package dev.bandmaster.spring.diagnostics;

import java.util.Collection;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Suggests the name a user probably meant, for errors that name something that does not
 * exist. For BandMaster's own packages: not an API of its own. Stateless, hence
 * thread-safe.
 */
public final class Suggestions {

	private Suggestions() {
	}

	/**
	 * Returns the candidate closest to a name, if one is close enough to be a typo: at
	 * most one edit per three characters (at least one), case ignored.
	 * @param name the name that matched nothing
	 * @param candidates the names that exist
	 * @return the closest candidate, or {@code null} if none is close
	 */
	public static @Nullable String closest(String name, Collection<String> candidates) {
		String wanted = name.toLowerCase(Locale.ROOT);
		int allowed = Math.max(1, wanted.length() / 3);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
			if (distance <= allowed && distance < wanted.length() && distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	/**
	 * The Levenshtein distance: how many insertions, deletions and substitutions turn one
	 * string into the other.
	 */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
