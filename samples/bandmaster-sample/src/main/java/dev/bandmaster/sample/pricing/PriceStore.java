package dev.bandmaster.sample.pricing;

import java.util.Map;
import java.util.OptionalInt;

/**
 * Where the price cache keeps its prices: in memory by default, in Redis with the {@code redis} profile.
 */
public interface PriceStore {

	/**
	 * Replaces every price.
	 * @param pricesCents the prices in cents, by product identifier
	 */
	void replaceAll(Map<Integer, Integer> pricesCents);

	/**
	 * Returns a price.
	 * @param productId the product
	 * @return its price in cents, or empty when unknown
	 */
	OptionalInt priceCents(int productId);

	/**
	 * Forgets every price.
	 */
	void clear();

}
