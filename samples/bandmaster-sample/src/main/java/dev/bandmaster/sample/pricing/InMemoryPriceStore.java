package dev.bandmaster.sample.pricing;

import java.util.Map;
import java.util.OptionalInt;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Prices in memory: the default, with nothing to install.
 */
@Component
@Profile("!redis")
class InMemoryPriceStore implements PriceStore {

	private volatile Map<Integer, Integer> prices = Map.of();

	@Override
	public void replaceAll(Map<Integer, Integer> pricesCents) {
		this.prices = Map.copyOf(pricesCents);
	}

	@Override
	public OptionalInt priceCents(int productId) {
		Integer price = this.prices.get(productId);
		return (price != null) ? OptionalInt.of(price) : OptionalInt.empty();
	}

	@Override
	public void clear() {
		this.prices = Map.of();
	}

}
